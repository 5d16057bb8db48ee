/**
 * The workflow of an estimate (docs/estimates.md#workflow): draft → in_review → submitted → approved; returned
 * with a reason from in_review or submitted back to draft; a draft can be cancelled (its number is kept, its
 * cells are released). Submitting freezes the exchange rate and the figures; approving bills its cells for good.
 */
import { ZEstimateReturnRequest, ZEstimateSubmitRequest } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { currentLang } from '../../platform/i18n/language'
import { render } from '../../platform/i18n/messages'
import { exchangeRateOn, familyProductionCells } from '../production'
import { refuseOpenMonths } from './estimate-selection'
import { createTransition } from './estimate-transition'
import { computeEstimate } from './estimate-view'
import type { EstimatesContext } from './estimates.context'
import { estimatesMessages as M } from './estimates.messages'
import * as repo from './estimates.repository'

export function createEstimateWorkflowUseCases(ctx: EstimatesContext) {
  const { clock } = ctx

  const transition = createTransition(ctx)

  /** The cells still hold the production they were chosen with (409 naming the ones that changed). */
  async function refuseChangedProduction(trx: Executor, row: repo.EstimateRow) {
    const cells = await repo.listCells(trx, row.id)
    const now = new Map(
      (
        await familyProductionCells(trx, row.org_id, row.family_id, {
          from: row.period_start,
          to: row.period_end,
        })
      ).map((c) => [`${c.siteId}|${c.conceptId}|${c.date}|${c.timeType}`, c.volume]),
    )
    const changed = cells
      .filter((c) => now.get(`${c.site_id}|${c.concept_id}|${c.day}|${c.time_type}`) !== c.volume)
      .map((c) => ({
        siteId: c.site_id,
        conceptId: c.concept_id,
        date: c.day,
        timeType: c.time_type,
        volume: c.volume,
        now: now.get(`${c.site_id}|${c.concept_id}|${c.day}|${c.time_type}`) ?? '0',
      }))
    if (changed.length > 0)
      throw new AppError('CONFLICT', M.productionChanged({ count: changed.length }), {
        reason: 'production_changed',
        cells: changed,
      })
  }

  /** A final settlement goes forward only when every earlier estimate of the family is approved or later. */
  async function refuseEarlySettlement(trx: Executor, row: repo.EstimateRow) {
    if (row.type !== 'final_settlement') return
    const pending = (await repo.unapprovedEstimatesOfFamily(trx, row.family_id, row.id)).filter(
      (e) => e.number < row.number,
    )
    if (pending.length > 0)
      throw new AppError(
        'INVALID_STATE',
        M.earlySettlement({
          // the list is rendered now, in the request's language (docs/platform.md "Messages and languages")
          estimates: pending
            .map((e) => render(M.estimateNumber({ number: e.number }), currentLang()))
            .join(', '),
        }),
        { reason: 'earlier_not_approved', estimates: pending },
      )
  }

  const review = (actor: Actor, id: string) => {
    requireAccess(actor, 'estimate.manage')
    return transition(actor, id, async (trx, row) => {
      ctx.refuseUnlessStatus(row, 'draft')
      await refuseEarlySettlement(trx, row)
      const lines = await repo.listCells(trx, row.id)
      const adjustments = await repo.listAdjustments(trx, row.id)
      if (lines.length === 0 && adjustments.length === 0)
        throw new AppError('INVALID_STATE', M.nothingToReview(), { reason: 'empty' })
      await repo.updateEstimate(trx, row.id, { status: 'in_review' }, clock())
      return { action: 'sent_to_review' }
    })
  }

  const submit = (actor: Actor, id: string, body: unknown) => {
    requireAccess(actor, 'estimate.manage')
    const input = ZEstimateSubmitRequest.parse(body ?? {})
    return transition(actor, id, async (trx, row) => {
      ctx.refuseUnlessStatus(row, 'in_review')
      const rate = input.exchangeRate ?? (await exchangeRateOn(trx, row.org_id, row.period_end))?.rate
      if (!rate)
        throw new AppError('VALIDATION', M.noExchangeRate({ date: row.period_end }), [
          fieldError('exchangeRate', M.exchangeRateRequired()),
        ])
      await refuseEarlySettlement(trx, row)
      await refuseChangedProduction(trx, row)
      // bill only closed months: a month reopened since the selection stops the submission
      await refuseOpenMonths(
        trx,
        row,
        (await repo.listCells(trx, row.id)).map((c) => ({
          siteId: c.site_id,
          conceptId: c.concept_id,
          date: c.day,
          timeType: c.time_type,
        })),
      )
      const { snapshot, overbilled } = await computeEstimate(ctx, trx, row, rate)
      if (overbilled.length > 0)
        throw new AppError(
          'CONFLICT',
          M.overbilledAtSubmit({
            concepts: overbilled
              .map((o) => render(M.overbilledConceptBy({ code: o.code, over: o.over }), currentLang()))
              .join('; '),
          }),
          { reason: 'overbilling', concepts: overbilled },
        )
      const now = clock()
      await repo.updateEstimate(
        trx,
        row.id,
        {
          status: 'submitted',
          exchange_rate: rate,
          totals: JSON.stringify(snapshot),
          submitted_by: ctx.userId(actor),
          submitted_at: now,
        },
        now,
      )
      return { action: 'submitted', data: { totals: snapshot.totals } }
    })
  }

  const approve = (actor: Actor, id: string) => {
    requireAccess(actor, 'estimate.approve')
    return transition(actor, id, async (trx, row) => {
      ctx.refuseUnlessStatus(row, 'submitted')
      const now = clock()
      await repo.updateEstimate(
        trx,
        row.id,
        { status: 'approved', approved_by: ctx.userId(actor), approved_at: now },
        now,
      )
      return {
        action: 'approved',
        data: { totals: (row.totals as { totals?: unknown } | null)?.totals ?? null },
      }
    })
  }

  const returnToDraft = (actor: Actor, id: string, body: unknown) => {
    requireAccess(actor, 'estimate.manage')
    const { reason } = ZEstimateReturnRequest.parse(body)
    return transition(actor, id, async (trx, row) => {
      ctx.refuseUnlessStatus(row, 'in_review', 'submitted')
      if (row.status === 'submitted') requireAccess(actor, 'estimate.approve')
      const now = clock()
      const { snapshot } = await computeEstimate(ctx, trx, row, null)
      await repo.updateEstimate(
        trx,
        row.id,
        {
          status: 'draft',
          totals: JSON.stringify(snapshot),
          exchange_rate: null,
          submitted_by: null,
          submitted_at: null,
          return_reason: reason,
          returned_by: ctx.userId(actor),
          returned_at: now,
        },
        now,
      )
      return { action: 'returned', data: { reason } }
    })
  }

  const cancel = (actor: Actor, id: string) => {
    requireAccess(actor, 'estimate.manage')
    return transition(actor, id, async (trx, row) => {
      ctx.refuseUnlessStatus(row, 'draft')
      const cells = await repo.listCells(trx, row.id)
      await repo.deleteCells(trx, row.id)
      await repo.updateEstimate(trx, row.id, { status: 'cancelled' }, clock())
      return { action: 'cancelled', data: { releasedCells: cells.length } }
    })
  }

  return { review, submit, approve, returnToDraft, cancel }
}
