import crypto from 'node:crypto'
import type { TFieldError, TWorkOrderImportResult } from '@faena/contracts'
import { isSystemActor, requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { detectFileKind } from '../../platform/files/file-type'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { langOf } from '../../platform/i18n/export-texts'
import { ImportLimitError } from '../../platform/spreadsheet/read-workbook'
import { ensureNamedRecord, listActiveClients, listActiveFronts, listStepTemplates } from '../catalogs'
import { ensurePlaceholderProposals, proposalNumberKey } from '../proposals'
import { parseWorkOrderHistory, type WorkOrderHistoryRow } from './work-order-history'
import {
  changedFields,
  foldName,
  LEGACY_FRONTS,
  mapHistoryRow,
  type ImportedValues,
  type RowIssue,
} from './work-order-import'
import { historyImportMessage } from './work-order-import-messages'
import { historyStepStatus } from './work-order-rules'
import {
  AUDIT_FIELDS,
  ENTITY,
  MODULE,
  PLACEHOLDER,
  snapshot,
  stepsFromTemplates,
} from './work-orders.records'
import * as repo from './work-orders.repository'
import { workOrdersMessages as M } from './work-orders.messages'

/**
 * Use case: import the historical work orders workbook (`OT_IMPORTAR.xlsx`). The workbook is read by
 * work-order-history.ts, each row mapped by work-order-import.ts, their messages put in Spanish by
 * work-order-import-messages.ts; this file saves the rows (docs/work-orders.md#historical-import).
 */

/** What the import needs from the work-orders service: its clock and its transaction (with the organization's today). */
export type ImportWorkOrderHistoryDeps = {
  clock: () => Date
  inTransaction: <T>(actor: Actor, fn: (trx: Executor, day: string) => Promise<T>) => Promise<T>
}

/**
 * The historical workbook (OT_IMPORTAR.xlsx, docs/work-orders.md#historical-import) in one transaction: families linked by folio,
 * proposals matched by number or created as placeholders, steps from the templates with the status the
 * work order implies. A row already imported (same family number and reprogramming number) is compared:
 * unchanged, or updated (audited). Any row error → 400 and nothing is saved.
 */
export async function importWorkOrderHistory(
  { clock, inTransaction }: ImportWorkOrderHistoryDeps,
  actor: Actor,
  bytes: Buffer,
): Promise<TWorkOrderImportResult> {
  requireAccess(actor, 'workOrder.import')
  const lang = langOf(actor)
  if (detectFileKind(bytes) !== 'xlsx') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', M.notXlsx(), [fieldError('file', M.uploadHistoryXlsx())])
  }
  let parsed: Awaited<ReturnType<typeof parseWorkOrderHistory>>
  try {
    parsed = await parseWorkOrderHistory(bytes)
  } catch (err) {
    if (err instanceof ImportLimitError) throw err // 413 naming the limit and the sheet
    throw validationError(M.unreadableWorkbook(), [fieldError('file', M.damagedFile())])
  }
  const header = parsed.errors.find((e) => e.rowNumber === 0)
  if (header)
    throw validationError(M.noHistoryHeader(), [
      { path: 'file', message: historyImportMessage(header.message, lang) },
    ])
  if (parsed.errors.length > 0) {
    throw validationError(
      M.rowsWithErrors({ count: parsed.errors.length }),
      parsed.errors.map((e) => ({
        path: `row ${e.rowNumber}: ${e.field}`,
        message: historyImportMessage(e.message, lang),
      })),
    )
  }

  return inTransaction(actor, async (trx, day) => {
    const orgId = actor.orgId
    const [client] = await listActiveClients(trx, orgId, 'CONTRATO')
    if (!client) {
      throw validationError(M.noContractClient(), [fieldError('file', M.addContractClient())])
    }
    const fronts = await listActiveFronts(trx, orgId)
    const frontIdByLegacy = new Map<number, string>()
    for (const [legacy, name] of Object.entries(LEGACY_FRONTS)) {
      const f = fronts.find((x) => foldName(x.name) === name)
      if (f) frontIdByLegacy.set(Number(legacy), f.id)
    }
    const managerId = await ensureNamedRecord(
      trx,
      actor,
      { catalog: 'project_managers', name: PLACEHOLDER },
      'Responsable de las OT y PTE históricas importadas',
    )
    const typeId = await ensureNamedRecord(
      trx,
      actor,
      { catalog: 'types', name: PLACEHOLDER, level: 'proposal' },
      'Tipo de las PTE marcador de la importación histórica',
    )

    const proposalOf = (r: WorkOrderHistoryRow) => r.proposalNumber ?? r.familyProposalNumber
    const { ids: proposalIds, created: placeholders } = await ensurePlaceholderProposals(trx, actor, {
      clientId: client.id,
      typeId,
      projectManagerId: managerId,
      day,
      items: parsed.rows.flatMap((r) => {
        const n = proposalOf(r)
        return n ? [{ officialNumber: n, requestDate: r.plannedStart, description: null }] : []
      }),
    })

    const familyKey = (folio: string) => folio.trim().toLowerCase()
    const existing = new Map<string, repo.WorkOrderRow>()
    const existingRows = await repo.listByFamilyNumberKeys(trx, orgId, [
      ...new Set(parsed.rows.map((r) => familyKey(r.familyFolio))),
    ])
    for (const w of existingRows) existing.set(`${w.family_key}#${w.reprogramming_number ?? 0}`, w)

    const familyIdOf = new Map<string, string>()
    const inserts: repo.WorkOrderInsert[] = []
    const updates: { row: repo.WorkOrderRow; values: ImportedValues; changed: string[] }[] = []
    const results: TWorkOrderImportResult['rows'] = []
    const errors: TFieldError[] = []
    // initials first, so reprogrammings find their family
    const ordered = [...parsed.rows].sort((a, b) =>
      a.kind === b.kind ? a.rowNumber - b.rowNumber : a.kind === 'initial' ? -1 : 1,
    )
    for (const r of ordered) {
      const pNumber = proposalOf(r)
      const {
        values,
        issues,
        errors: rowErrors,
      } = mapHistoryRow(r, {
        frontIdByLegacy,
        proposalId: pNumber ? (proposalIds.get(proposalNumberKey(pNumber)) ?? null) : null,
      })
      errors.push(
        ...rowErrors.map((e) => ({
          path: `row ${r.rowNumber}: ${e.field}`,
          message: historyImportMessage(e.message, lang),
        })),
      )
      const key = `${familyKey(r.familyFolio)}#${r.reprogrammingNumber ?? 0}`
      const found = existing.get(key)
      const base = {
        rowNumber: r.rowNumber,
        number: r.folio,
        type: r.kind,
        reprogrammingNumber: r.reprogrammingNumber,
        proposalNumber: pNumber,
        issues: issues.map((i) => ({
          ...i,
          message: historyImportMessage(i.message, lang),
        })) satisfies RowIssue[],
      }
      if (found) {
        if (r.kind === 'initial') familyIdOf.set(familyKey(r.familyFolio), found.id)
        const changed = changedFields(found, values)
        if (changed.length > 0) updates.push({ row: found, values, changed })
        results.push({
          ...base,
          outcome: changed.length ? 'updated' : 'unchanged',
          workOrderId: found.id,
          changed,
        })
        continue
      }
      const id = crypto.randomUUID()
      let familyId: string = id
      if (r.kind === 'initial') familyIdOf.set(familyKey(r.familyFolio), id)
      else familyId = familyIdOf.get(familyKey(r.familyFolio)) ?? id
      inserts.push({
        id,
        family_id: familyId,
        type: r.kind,
        reprogramming_number: r.kind === 'reprogramming' ? r.reprogrammingNumber : null,
        ...values,
        comment: r.comment,
        status_reason: null,
        status_changed_at: null,
        client_id: client.id,
        project_manager_id: managerId,
        vessel_id: null,
        platform_id: null,
        yard_id: null,
        interconnection_id: null,
        requires_yard_phase: false,
        yard_start: null,
        yard_end: null,
        created_by: isSystemActor(actor) ? null : actor.userId,
      })
      results.push({ ...base, outcome: 'created', workOrderId: id, changed: [] })
    }
    if (errors.length > 0) throw validationError(M.rowsWithErrors({ count: errors.length }), errors)

    const created = await repo.insertWorkOrders(trx, orgId, inserts)
    const templates = await listStepTemplates(trx, orgId, 'work_order', client.clientType)
    const steps = stepsFromTemplates(
      templates,
      created.map((w) => {
        const status = historyStepStatus(w.status)
        return {
          id: w.id,
          status,
          completedDate: status === 'completed' ? (w.actual_end ?? w.planned_end ?? day) : null,
        }
      }),
    )
    await repo.insertSteps(trx, orgId, steps)
    for (const w of created) {
      await writeAudit(trx, actor, {
        action: 'work_order.imported',
        module: MODULE,
        entityType: ENTITY,
        entityId: w.id,
        changes: diffFields(null, snapshot(w), ['type', 'reprogrammingNumber', ...AUDIT_FIELDS]),
        data: { source: 'OT_IMPORTAR', steps: templates.length },
      })
    }
    for (const u of updates) {
      const after = await repo.updateWorkOrder(trx, orgId, u.row.id, { ...u.values, updated_at: clock() })
      await writeAudit(trx, actor, {
        action: 'work_order.import_updated',
        module: MODULE,
        entityType: ENTITY,
        entityId: u.row.id,
        changes: diffFields(snapshot(u.row), snapshot(after), AUDIT_FIELDS),
        data: { source: 'OT_IMPORTAR', fields: u.changed },
      })
    }
    results.sort((a, b) => a.rowNumber - b.rowNumber)
    const count = (o: string) => results.filter((x) => x.outcome === o).length
    return {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      errors: 0,
      families: parsed.families.length,
      placeholderProposals: placeholders.length,
      controlCharactersRemoved: parsed.controlCharacters,
      rows: results,
    }
  })
}
