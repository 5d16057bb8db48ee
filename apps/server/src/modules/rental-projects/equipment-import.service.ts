import type { TImportRejection, TRentalEquipmentImportResult } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { fieldError, validationError } from '../../platform/errors'
import { langOf } from '../../platform/i18n/export-texts'
import { render, type Lang } from '../../platform/i18n/messages'
import type { Upload } from '../../platform/http/multipart'
import {
  cleanText,
  controlCharactersWarning,
  ImportLimitError,
  readRows,
} from '../../platform/spreadsheet/read-workbook'
import {
  MAX_IMPORT_ROWS,
  headerMap,
  planEquipmentImport,
  rowsFromJson,
  type ExistingEquipment,
  type RawEquipmentRow,
} from './equipment-import'
import { equipmentImportMessages as M } from './equipment-import.messages'
import * as repo from './rental-projects.repository'
import { MODULE, type RentalProjectsContext } from './rental-projects.context'

/** A report (a dry run, or the import done), or the 422 of a list with error rows (nothing saved). */
export type EquipmentImportOutcome =
  | { outcome: 'report'; report: TRentalEquipmentImportResult }
  | { outcome: 'rejected'; rejection: TImportRejection }

/** The one import-rejected envelope (docs/imports.md) for a list with error rows: each row, its code and name. */
const rejectionOf = (
  fileName: string,
  report: TRentalEquipmentImportResult,
  lang: Lang,
): TImportRejection => ({
  code: 'VALIDATION',
  message: render(M.rejected({ count: report.errors }), lang),
  key: M.rejected({ count: report.errors }).key,
  params: { count: report.errors },
  details: {
    fileName,
    reason: 'rows',
    rows: report.rows
      .filter((r) => r.errors.length > 0)
      .map((r) => ({ row: r.row, messages: r.errors, values: { code: r.code, name: r.name } })),
    badRowCount: report.errors,
    validRowCount: report.total - report.errors,
  },
})

/**
 * Use case: import the legacy equipment list (JSON or a workbook), all-or-nothing, audited. The rows are
 * read and planned by equipment-import.ts (docs/rental-projects.md).
 */
export function createEquipmentImportUseCases(ctx: RentalProjectsContext) {
  const { clock, userId, inTransaction } = ctx

  async function readImportRows(
    upload: Upload,
    lang: Lang,
  ): Promise<{ rows: RawEquipmentRow[]; cleaned: Map<number, number> }> {
    const bytes = upload.bytes
    const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b
    const cleaned = new Map<number, number>()
    if (isZip) {
      const rows: RawEquipmentRow[] = []
      let header: Record<number, string> | null = null
      try {
        for await (const r of readRows(bytes, { sheets: (_n, i) => i === 0 })) {
          if (!header) {
            header = headerMap(r.cells)
            continue
          }
          const values: Record<string, unknown> = {}
          for (const [i, key] of Object.entries(header)) {
            const v = r.cells[Number(i)]
            values[key] = v instanceof Date ? v.toISOString().slice(0, 10) : v
          }
          rows.push({ row: r.rowNumber, values })
          if (r.controlCharacters) cleaned.set(r.rowNumber, r.controlCharacters)
          if (rows.length > MAX_IMPORT_ROWS) break
        }
      } catch (err) {
        if (err instanceof ImportLimitError) throw err // 413 naming the limit and the sheet
        throw validationError(M.unreadableWorkbook(), [fieldError('file', M.notXlsx())])
      }
      if (rows.length === 0) throw validationError(M.noEquipment(), [fieldError('file', M.noDataRows())])
      if (rows.length > MAX_IMPORT_ROWS) {
        throw validationError(M.fileTooLarge(), [fieldError('file', M.maxRows({ max: MAX_IMPORT_ROWS }))])
      }
      return { rows, cleaned }
    }
    let doc: unknown
    try {
      doc = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''))
    } catch {
      throw validationError(M.unknownFormat(), [fieldError('file', M.uploadJsonOrXlsx())])
    }
    const parsed = rowsFromJson(doc, lang)
    if ('error' in parsed) throw validationError(parsed.error, [{ path: 'file', message: parsed.error }])
    for (const r of parsed.rows) {
      let removed = 0
      for (const [key, v] of Object.entries(r.values)) {
        if (typeof v !== 'string') continue
        const c = cleanText(v)
        removed += c.removed
        if (c.removed) r.values[key] = c.text
      }
      if (removed) cleaned.set(r.row, removed)
    }
    return { rows: parsed.rows, cleaned }
  }

  /**
   * Imports an equipment list: all-or-nothing. Clear values are normalised; unclear ones are imported and the
   * unit flagged for review (it cannot be assigned until reviewed); a row error (no code, repeated code…)
   * stops the whole import (422 with every bad row). `dryRun` answers the report without writing.
   */
  async function importEquipment(
    actor: Actor,
    upload: Upload,
    opts: { dryRun: boolean },
  ): Promise<EquipmentImportOutcome> {
    requireAccess(actor, 'rental.manage')
    const lang = langOf(actor)
    const { rows: raw, cleaned } = await readImportRows(upload, lang)
    return inTransaction(actor, async (trx): Promise<EquipmentImportOutcome> => {
      const existing = new Map<string, ExistingEquipment>()
      for (const e of await repo.listAllEquipment(trx, actor.orgId)) {
        existing.set(e.code.toUpperCase(), {
          id: e.id,
          code: e.code,
          name: e.name,
          kind: e.kind,
          type: e.type,
          brand: e.brand,
          model: e.model,
          serialNumber: e.serial_number,
          condition: e.condition,
          location: e.location,
          reviewNote: e.review_note,
          notes: e.notes,
        })
      }
      const plan = planEquipmentImport(raw, existing, lang)
      const count = (a: string) => plan.filter((p) => p.action === a).length
      const report: TRentalEquipmentImportResult = {
        dryRun: opts.dryRun,
        imported: false,
        total: plan.length,
        created: count('create'),
        updated: count('update'),
        unchanged: count('unchanged'),
        flagged: plan.filter((p) => p.action === 'create' && p.record?.reviewNote).length,
        errors: count('error'),
        controlCharactersRemoved: [...cleaned.values()].reduce((a, b) => a + b, 0),
        rows: plan.map(({ row, code, name, action, changes, warnings, errors }) => {
          const removed = cleaned.get(row)
          return {
            row,
            code,
            name,
            action,
            changes: removed ? [...changes, controlCharactersWarning(removed, lang)] : changes,
            warnings,
            errors,
          }
        }),
      }
      if (opts.dryRun) return { outcome: 'report', report }
      if (report.errors > 0)
        return { outcome: 'rejected', rejection: rejectionOf(upload.filename, report, lang) }
      const toCreate = plan.filter((p) => p.action === 'create' && p.record)
      const created = await repo.insertEquipmentMany(
        trx,
        actor.orgId,
        userId(actor),
        toCreate.map(({ record: r }) => ({
          code: r!.code,
          name: r!.name,
          kind: r!.kind,
          type: r!.type,
          brand: r!.brand,
          model: r!.model,
          serial_number: r!.serialNumber,
          condition: r!.condition,
          location: r!.location,
          review_note: r!.reviewNote,
          notes: r!.notes,
        })),
      )
      for (const p of plan.filter((x) => x.action === 'update' && x.patch && x.existingId)) {
        const patch = p.patch!
        await repo.updateEquipment(trx, actor.orgId, p.existingId!, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.type !== undefined ? { type: patch.type } : {}),
          ...(patch.brand !== undefined ? { brand: patch.brand } : {}),
          ...(patch.model !== undefined ? { model: patch.model } : {}),
          ...(patch.serialNumber !== undefined ? { serial_number: patch.serialNumber } : {}),
          ...(patch.location !== undefined ? { location: patch.location } : {}),
          ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
          updated_at: clock(),
        })
      }
      await writeAudit(trx, actor, {
        action: 'rental.equipment.imported',
        module: MODULE,
        entityType: 'rental_equipment',
        entityId: null,
        data: {
          file: upload.filename.slice(0, 200),
          total: report.total,
          created: created.length,
          updated: report.updated,
          unchanged: report.unchanged,
          flagged: report.flagged,
        },
      })
      return { outcome: 'report', report: { ...report, imported: true } }
    })
  }

  return {
    importEquipment,
  }
}
