import type { TAnnexImportDetail, TImportRejection } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { langOf } from '../../platform/i18n/export-texts'
import { render } from '../../platform/i18n/messages'
import type { WorkOrderRef } from '../work-orders'
import { diffAnnexC, type AnnexLine } from './annex-c-diff'
import { annexCErrorFileName, buildAnnexCErrorWorkbook } from './annex-c-error-workbook'
import { asLine, lineOf, linesOfFile, rowValues, storedDiff, versionTotals } from './annex-c-lines'
import { parseAnnexCWithCatalog } from './annex-c-lookup'
import { annexCMessage } from './annex-c-messages'
import type { AnnexCFileError, AnnexCRejected } from './annex-c-parser'
import { ENTITY, MODULE, type WorkOrderConceptsContext } from './work-order-concepts.context'
import * as repo from './work-order-concepts.repository'
import { workOrderConceptsMessages as M } from './work-order-concepts.messages'

export type ImportAnnexOptions = { fileName: string; bytes: Buffer }
export type ImportAnnexResult =
  { outcome: 'pending'; detail: TAnnexImportDetail } | { outcome: 'rejected'; rejection: TImportRejection }

const MAX_BAD_ROWS_SHOWN = 500
const MAX_WARNINGS = 200

type Reading = TAnnexImportDetail['reading']

/**
 * Importing an Anexo C workbook into a new version waiting for confirmation, or rejecting it with an error
 * workbook (docs/work-order-concepts.md).
 */
export function createAnnexImportUseCases(ctx: WorkOrderConceptsContext) {
  const { db, files, userId, requireWorkOrder, lockWorkOrder, toDetail, discardInTrx } = ctx

  async function reject(
    actor: Actor,
    wo: WorkOrderRef,
    fileName: string,
    parsed: AnnexCRejected | AnnexCFileError,
  ): Promise<ImportAnnexResult> {
    const lang = langOf(actor)
    if (parsed.kind === 'file') {
      return {
        outcome: 'rejected',
        rejection: {
          code: 'VALIDATION',
          message: annexCMessage(parsed.message, lang),
          details: { fileName, reason: parsed.code, rows: [], badRowCount: 0, validRowCount: 0 },
        },
      }
    }
    const workbook = await buildAnnexCErrorWorkbook({ columns: parsed.columns, badRows: parsed.badRows })
    const name = annexCErrorFileName(wo.number)
    const stored = await db.transaction().execute(async (trx) => {
      const file = await files.uploadFile(actor, { name, bytes: workbook, accept: ['xlsx'] }, trx)
      await writeAudit(trx, actor, {
        action: 'annex_import.rejected',
        module: MODULE,
        entityType: 'work_order',
        entityId: wo.id,
        data: {
          fileName,
          badRows: parsed.badRows.length,
          validRows: parsed.validRowCount,
          errorWorkbookFileId: file.id,
        },
      })
      return file
    })
    const n = parsed.badRows.length
    return {
      outcome: 'rejected',
      rejection: {
        code: 'VALIDATION',
        message: render(n === 1 ? M.rejectedOneRow() : M.rejectedRows({ count: n }), lang),
        details: {
          fileName,
          reason: 'rows',
          sheet: parsed.sheet,
          headerRowNumber: parsed.headerRowNumber,
          rows: parsed.badRows.slice(0, MAX_BAD_ROWS_SHOWN).map((b) => ({
            sheet: parsed.sheet,
            row: b.rowNumber,
            messages: b.reasons.map((r) => annexCMessage(r, lang)),
            values: rowValues(parsed.columns, b.values),
          })),
          badRowCount: n,
          validRowCount: parsed.validRowCount,
          errorWorkbookFileId: stored.id,
          errorWorkbookFileName: stored.name,
        },
      },
    }
  }

  /** Lines of a version with their planned volumes, as the diff compares them. */
  async function versionLines(executor: Executor, orgId: string, importId: string): Promise<AnnexLine[]> {
    const [rows, planned] = await Promise.all([
      repo.listLines(executor, orgId, importId),
      repo.listPlanned(executor, orgId, importId),
    ])
    return rows.map((r) => lineOf(r, planned.get(r.id) ?? {}))
  }

  /**
   * Reads the file and, when every row is right, saves it as a new version waiting for confirmation, with its
   * differences against the active version (a version still pending is discarded: the newest upload wins).
   * A file with problems saves nothing but its error workbook.
   */
  async function importAnnex(
    actor: Actor,
    workOrderId: string,
    input: ImportAnnexOptions,
  ): Promise<ImportAnnexResult> {
    const started = performance.now()
    const wo = await requireWorkOrder(actor, workOrderId, 'concept.import')
    requireAccess(actor, 'file.upload')
    const parsed = await parseAnnexCWithCatalog(db, actor.orgId, input.bytes)
    if (!parsed.ok) {
      if (parsed.kind === 'file' && parsed.code === 'NOT_XLSX') {
        const message = annexCMessage(parsed.message, langOf(actor))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', message, [{ path: 'file', message }])
      }
      return reject(actor, wo, input.fileName, parsed)
    }
    const lines = linesOfFile(parsed)
    const incoming = lines.map(asLine)
    const totals = versionTotals(lines)
    const reading: Reading = {
      sheet: parsed.sheet,
      headerRowNumber: parsed.headerRowNumber,
      hasOkColumn: parsed.hasOkColumn,
      scheduleDates: parsed.scheduleDates,
      skipped: parsed.skipped,
      pricesFromFile: parsed.rows.filter((r) => r.priceSource.mxn === 'file' || r.priceSource.usd === 'file')
        .length,
      warnings: parsed.warnings.slice(0, MAX_WARNINGS),
      controlCharactersRemoved: parsed.controlCharacters,
    }

    const row = await db.transaction().execute(async (trx) => {
      await lockWorkOrder(trx, actor, workOrderId)
      const pending = await repo.findImportByStatus(trx, actor.orgId, workOrderId, 'pending_confirmation')
      if (pending) await discardInTrx(trx, actor, pending, 'replaced')
      const active = await repo.findImportByStatus(trx, actor.orgId, workOrderId, 'active')
      const before = active ? await versionLines(trx, actor.orgId, active.id) : []
      const diff = storedDiff(
        diffAnnexC(before, incoming),
        active ? { id: active.id, version: active.version } : null,
      )
      const file = await files.uploadFile(
        actor,
        { name: input.fileName, bytes: input.bytes, accept: ['xlsx'] },
        trx,
      )
      const version = await repo.nextVersion(trx, actor.orgId, workOrderId)
      const created = await repo.insertImport(trx, actor.orgId, {
        work_order_id: workOrderId,
        version,
        status: 'pending_confirmation',
        file_id: file.id,
        file_name: file.name,
        base_import_id: active?.id ?? null,
        concept_count: lines.length,
        planned_day_count: totals.plannedDayCount,
        amount_mxn: totals.mxn,
        amount_usd: totals.usd,
        reading,
        diff,
        created_by: userId(actor),
      })
      await repo.insertLines(trx, actor.orgId, created.id, workOrderId, lines)
      await writeAudit(trx, actor, {
        action: 'annex_import.created',
        module: MODULE,
        entityType: ENTITY,
        entityId: created.id,
        data: {
          workOrderId,
          workOrderNumber: wo.number,
          version,
          fileId: file.id,
          fileName: file.name,
          concepts: lines.length,
          plannedDays: totals.plannedDayCount,
          amountMxn: totals.mxn,
          amountUsd: totals.usd,
          baseVersion: active?.version ?? null,
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
        },
      })
      return created
    })
    const detail = await toDetail(db, row, performance.now() - started)
    // the reading is stored as the parser words it (Spanish); the uploader reads its warnings in their language
    const lang = langOf(actor)
    const warnings = detail.reading.warnings.map((w) => annexCMessage(w, lang))
    return { outcome: 'pending', detail: { ...detail, reading: { ...detail.reading, warnings } } }
  }

  return { importAnnex }
}
