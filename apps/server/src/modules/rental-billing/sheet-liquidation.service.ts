import type { TBillingSheetDetail, TReopenBillingSheetRequest } from '@faena/contracts'
import { toDayMonthYear } from '@faena/domain/calendar-date'
import { requireAccess, type Actor } from '../../platform/access'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { addDays } from './billing-dates'
import { isUniqueViolation } from './rental-billing.context'
import { money } from './rental-billing.mapping'
import * as repo from './rental-billing.repository'
import type { RecomputingContext } from './sheet-recomputation'
import { billingMessages as M } from './rental-billing.messages'

export type ReopenSheetOptions = TReopenBillingSheetRequest

/**
 * Liquidating a sheet (its period freezes) and reopening a liquidated one
 * (docs/rental-billing.md#lifecycle).
 */
export function createSheetLiquidationUseCases(ctx: RecomputingContext) {
  const { db, clock, projects, documents, notify, today, userId, scopeOf } = ctx
  const { loadSheet, requireAction, readDetail, statusChange, recomputeSheet } = ctx

  /**
   * Liquidation: one last recomputation, the draft documents of the period are closed, the lines freeze.
   * From now on the sheet, its lines and the documents of its period refuse every change.
   */
  async function liquidate(actor: Actor, id: string): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.liquidate')
    const day = await today(actor.orgId)
    return db.transaction().execute(async (trx) => {
      const before = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(before, 'liquidate')
      if (before.period_end >= day)
        throw new AppError(
          'INVALID_STATE',
          M.liquidateTooEarly({
            code: before.series_code,
            end: before.period_end,
            from: addDays(before.period_end, 1),
            today: day,
          }),
          { periodEnd: before.period_end, today: day },
        )
      await documents.closeDraftDocuments(trx, actor, scopeOf(before))
      const recomputed = await recomputeSheet(trx, actor, before, 'liquidation')
      const now = clock()
      const after = await repo.updateSheet(trx, actor.orgId, id, {
        status: 'liquidated',
        status_reason: null,
        liquidated_at: now,
        liquidated_by: userId(actor),
        updated_at: now,
      })
      await statusChange(trx, actor, before, after, 'liquidated', {
        subtotal: money(recomputed.subtotal),
        tax: money(recomputed.tax),
        total: money(recomputed.total),
      })
      // billing is told the sheet can be invoiced (not the person who liquidated it)
      const org = await findOrganizationById(trx, actor.orgId)
      const total = new Intl.NumberFormat(org?.locale ?? 'es-EC', {
        style: 'currency',
        currency: after.currency,
        currencyDisplay: 'code',
      }).format(money(recomputed.total) as `${number}`)
      const period = `${toDayMonthYear(before.period_start)} – ${toDayMonthYear(before.period_end)}`
      await notify(trx, {
        orgId: actor.orgId,
        to: { permission: 'billingSheet.invoice', exceptUserId: userId(actor) },
        kind: 'billingSheet.liquidated',
        title: {
          es: `Planilla ${after.series_code} liquidada: lista para facturar`,
          en: `Billing sheet ${after.series_code} liquidated: ready to invoice`,
        },
        body: {
          es: `Periodo ${period}, total ${total}.`,
          en: `Period ${period}, total ${total}.`,
        },
        link: `/rental/billing-sheets/${id}`,
        dedupeKey: `billingSheet.liquidated:${id}:${now.toISOString()}`,
      })
      return readDetail(trx, actor, after)
    })
  }

  /** Reopening a liquidated sheet needs a reason and no other sheet of the project in progress. */
  async function reopen(actor: Actor, id: string, input: ReopenSheetOptions): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.liquidate')
    const reason = input.reason.trim()
    if (!reason) throw validationError(M.reasonMissing(), [fieldError('reason', M.reasonRequired())])
    try {
      return await db.transaction().execute(async (trx) => {
        const before = await loadSheet(trx, actor, id, { forUpdate: true })
        requireAction(before, 'reopen')
        const open = (
          await repo.listProjectSheets(trx, actor.orgId, before.project_id, { statuses: ['in_progress'] })
        )[0]
        if (open)
          throw new AppError('CONFLICT', M.openSheetNoReopen({ code: open.series_code }), {
            billingSheetId: open.id,
            seriesCode: open.series_code,
          })
        const project = await projects.getProject(trx, actor, before.project_id)
        if (project?.closed)
          throw new AppError('INVALID_STATE', M.projectClosedNoReopen({ project: project.name }))
        const now = clock()
        const reopened = await repo.updateSheet(trx, actor.orgId, id, {
          status: 'in_progress',
          status_reason: reason,
          liquidated_at: null,
          liquidated_by: null,
          updated_at: now,
        })
        await statusChange(trx, actor, before, reopened, 'reopened', { reason })
        const after = await recomputeSheet(trx, actor, reopened, 'reopened')
        return readDetail(trx, actor, after)
      })
    } catch (err) {
      if (isUniqueViolation(err, 'billing_sheets_one_open_uq'))
        throw new AppError('CONFLICT', M.oneOpenSheet())
      throw err
    }
  }

  return { liquidate, reopen }
}
