import type { Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import {
  droppedManualDays,
  lineStatesOf,
  rentalAssignments,
  serviceAssignments,
  staleRentalLines,
} from './billing-inputs'
import { computeSheet } from './billing-sheet'
import { billingMessages as M } from './rental-billing.messages'
import { writeCertificate } from './certificate-write'
import { documentsSignature, lineValues } from './line-records'
import { ENTITY, MODULE, type RentalBillingContext } from './rental-billing.context'
import { headerSnapshot, projectSnapshot, TOTAL_FIELDS } from './rental-billing.mapping'
import type { BillingDocuments } from './rental-billing.ports'
import * as repo from './rental-billing.repository'
import { checkTotalsFit } from './sheet-limits'

/** What triggered a recomputation (kept in the audit row). */
export type RecomputeTrigger =
  | 'created'
  | 'assignments'
  | 'documents'
  | 'line_days'
  | 'line_removed'
  | 'line_restored'
  | 'liquidation'
  | 'reopened'

/** What the change that triggers a recomputation allows or names (docs/rental-billing.md#eager-recomputation). */
export type RecomputeOptions = {
  /** the user agreed to drop manual days whose billed dates the change alters (else 409) */
  confirmDropManualDays?: boolean
  /** the input field named by a 400 when the sheet's totals would not fit (default `total`) */
  field?: string
}

export type RecomputeOpenSheetsOptions = RecomputeOptions & {
  projectId: string
  /** only the sheets whose period contains one of these dates (a document's date, before and after a change) */
  date?: string | null
  dates?: readonly (string | null | undefined)[]
  trigger?: RecomputeTrigger
}

export type SheetRecomputation = ReturnType<typeof createSheetRecomputation>
/** What the use cases that change a sheet receive: the shared context and the recomputation. */
export type RecomputingContext = RentalBillingContext & SheetRecomputation

/** The shared context with the recomputation added (built once by rental-billing.service.ts). */
export const withRecomputation = (ctx: RentalBillingContext): RecomputingContext => ({
  ...ctx,
  ...createSheetRecomputation(ctx),
})

/**
 * The eager recomputation of in-progress sheets (docs/rental-billing.md#eager-recomputation): one sheet
 * from everything that feeds it, the documents it bills, and the open sheets of a project after a change.
 */
export function createSheetRecomputation(ctx: RentalBillingContext) {
  const { clock, projects, documents, scopeOf, dropManualDays } = ctx

  /**
   * Rebuilds the lines and totals of an in-progress sheet from everything that feeds it, inside `trx`:
   * lines are written by key (ids stay stable), unchanged lines are not rewritten, vanished lines are
   * deleted; the user's decisions (removed lines, manual days) live apart and are applied by the engine.
   * The disposition certificate, when the sheet has one, is refreshed in the same pass.
   */
  async function recomputeSheet(
    trx: Executor,
    actor: Actor,
    sheet: repo.SheetRow,
    trigger: RecomputeTrigger,
    opts: RecomputeOptions = {},
  ): Promise<repo.SheetRow> {
    const org = await findOrganizationById(trx, actor.orgId)
    const project = await projects.getProject(trx, actor, sheet.project_id)
    const assignments = await projects.listAssignments(trx, actor, sheet.project_id)
    const { docs, documentsSignature } = await billedDocuments(trx, actor, sheet)
    const states = await repo.listLineStates(trx, actor.orgId, sheet.id)
    const existing = await repo.listLineSignatures(trx, actor.orgId, sheet.id)

    const taxRate = org?.taxRate ?? sheet.tax_rate
    const period = { start: sheet.period_start, end: sheet.period_end }
    const computed = computeSheet({
      period,
      rentals: rentalAssignments(assignments),
      services: serviceAssignments(assignments),
      maintenanceSheets: docs.maintenanceSheets,
      shippingGuides: docs.shippingGuides,
      custodyChains: docs.custodyChains,
      lineStates: lineStatesOf(states),
      taxRate,
    })
    const named =
      trigger === 'created' ? { start: sheet.period_start, end: sheet.period_end } : sheet.series_code
    checkTotalsFit(named, computed, opts.field ?? 'total')
    if (trigger === 'assignments' && staleRentalLines(computed.lines).length > 0) {
      const stored = new Map((await repo.listLines(trx, actor.orgId, sheet.id)).map((l) => [l.key, l]))
      const dropped = droppedManualDays(
        { id: sheet.id, seriesCode: sheet.series_code },
        computed.lines,
        states,
        stored,
      )
      if (dropped.length > 0) {
        if (!opts.confirmDropManualDays) {
          throw new AppError(
            'CONFLICT',
            M.manualDaysDropped({
              lines: dropped.map((d) => `«${d.description}»`).join(', '),
              code: sheet.series_code,
            }),
            {
              reason: 'manualDays',
              billingSheetId: sheet.id,
              seriesCode: sheet.series_code,
              lines: dropped,
            },
          )
        }
        for (const d of dropped) {
          const state = states.find((s) => s.key === d.key)
          // a dropped edit has its state (droppedManualDays names only keys with stored days)
          if (state) await dropManualDays(trx, actor.orgId, sheet.id, state)
          await writeAudit(trx, actor, {
            action: 'billing_sheet.line_days_dropped',
            module: MODULE,
            entityType: ENTITY,
            entityId: sheet.id,
            changes: [{ field: 'manualDays', old: d.manualDays, new: null }],
            data: { seriesCode: sheet.series_code, key: d.key, description: d.description, confirmed: true },
          })
        }
        return recomputeSheet(trx, actor, sheet, trigger, opts)
      }
    }

    const values = lineValues(computed.lines, assignments)
    const now = clock()
    const stored = new Map(existing.map((r) => [r.key, r]))
    const changed = values.filter((v) => stored.get(v.key)?.signature !== v.signature)
    const keep = new Set(values.map((v) => v.key))
    const gone = existing.filter((r) => !keep.has(r.key)).map((r) => r.id)
    await repo.deleteLines(trx, actor.orgId, sheet.id, gone)
    await repo.upsertLines(trx, actor.orgId, sheet.id, changed, now)

    const t = computed.totals
    const after = await repo.updateSheet(trx, actor.orgId, sheet.id, {
      subtotal: t.subtotal,
      tax: t.tax,
      total: t.total,
      gallons: t.gallons,
      barrels: t.barrels,
      cubic_meters: t.cubicMeters,
      tax_rate: taxRate,
      line_count: values.length,
      documents_signature: documentsSignature,
      ...(project ? projectSnapshot(project) : {}),
      recomputed_at: now,
      updated_at: changed.length > 0 || gone.length > 0 ? now : sheet.updated_at,
    })
    const changes = diffFields(headerSnapshot(sheet), headerSnapshot(after), TOTAL_FIELDS)
    if (changes.length > 0 || changed.length > 0 || gone.length > 0) {
      await writeAudit(trx, actor, {
        action: 'billing_sheet.recomputed',
        module: MODULE,
        entityType: ENTITY,
        entityId: sheet.id,
        changes,
        data: {
          seriesCode: sheet.series_code,
          trigger,
          linesWritten: changed.length,
          linesDeleted: gone.length,
        },
      })
    }
    const cert = await repo.findCertificateOfSheet(trx, actor.orgId, sheet.id)
    if (cert) await writeCertificate(trx, actor, { clock, sheet: after, docs, project, cert, auditAs: null })
    return after
  }

  /**
   * The documents the sheet bills: those of its period not billed by another sheet, linked to it now (a
   * document, a shipping guide above all, is billed by exactly one sheet, never twice). The link is written
   * only when the set differs from the one of the last recomputation: documents become linked to a sheet
   * only here, so when every candidate is already linked and the set's signature is the stored one, the
   * linked set is exactly the candidates (nothing to link, nothing to release).
   */
  async function billedDocuments(
    trx: Executor,
    actor: Actor,
    sheet: repo.SheetRow,
  ): Promise<{ docs: BillingDocuments; documentsSignature: string }> {
    const scope = scopeOf(sheet)
    const all = await documents.listDocumentsForPeriod(trx, actor, scope)
    const mine = <T extends { billingSheetId?: string | null }>(xs: T[]) =>
      xs.filter((d) => !d.billingSheetId || d.billingSheetId === sheet.id)
    const docs: BillingDocuments = {
      maintenanceSheets: mine(all.maintenanceSheets),
      shippingGuides: mine(all.shippingGuides),
      custodyChains: mine(all.custodyChains),
    }
    const ids = {
      guideIds: docs.shippingGuides.map((d) => d.id),
      chainIds: docs.custodyChains.map((d) => d.id),
      maintenanceSheetIds: docs.maintenanceSheets.map((d) => d.id),
    }
    const signature = documentsSignature(ids)
    const allLinked = [...docs.maintenanceSheets, ...docs.shippingGuides, ...docs.custodyChains].every(
      (d) => d.billingSheetId === sheet.id,
    )
    if (!allLinked || signature !== sheet.documents_signature) {
      // exactly these: documents that left the period (moved, voided, cancelled) are released too
      await documents.linkDocumentsToSheet(trx, actor, scope, ids)
    }
    return { docs, documentsSignature: signature }
  }

  /**
   * Recomputes the in-progress sheets of a project (at most one), or only those whose period contains one
   * of the given dates. Called by the rental modules inside their transaction whenever something that
   * feeds a sheet changes. Needs no billing permission: it is the consequence of the caller's change.
   */
  async function recomputeOpenSheets(
    trx: Executor,
    actor: Actor,
    opts: RecomputeOpenSheetsOptions,
  ): Promise<number> {
    const dates = [opts.date, ...(opts.dates ?? [])].filter((d): d is string => typeof d === 'string')
    const filterByDate = opts.date !== undefined || opts.dates !== undefined
    const open = await repo.listProjectSheets(trx, actor.orgId, opts.projectId, {
      statuses: ['in_progress'],
      forUpdate: true,
    })
    let n = 0
    for (const sheet of open) {
      if (filterByDate && !dates.some((d) => d >= sheet.period_start && d <= sheet.period_end)) continue
      await recomputeSheet(trx, actor, sheet, opts.trigger ?? 'documents', {
        ...(opts.confirmDropManualDays ? { confirmDropManualDays: true } : {}),
        ...(opts.field ? { field: opts.field } : {}),
      })
      n++
    }
    return n
  }

  return { recomputeSheet, billedDocuments, recomputeOpenSheets }
}
