/**
 * The workflow of an estimate (docs/estimates.md#workflow): draft → in_review → submitted → approved; returned
 * with a reason from in_review or submitted back to draft; a draft can be cancelled (its number is kept, its
 * cells are released). Submitting freezes the exchange rate and the figures; approving bills its cells for good.
 */
import type { TEstimate } from '@faena/contracts'
import { ZEstimateReturnRequest, ZEstimateSubmitRequest } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import type { AuditChange } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { exchangeRateOn, familyProductionCells } from '../production'
import { computeEstimate, toEstimate } from './estimate-view'
import type { EstimatesContext } from './estimates.context'
import * as repo from './estimates.repository'

export function createEstimateWorkflowUseCases(ctx: EstimatesContext) {
  const { db, clock } = ctx

  async function transition(
    actor: Actor,
    id: string,
    run: (
      trx: Executor,
      row: repo.EstimateRow,
    ) => Promise<{ action: string; data?: Record<string, unknown> }>,
  ): Promise<TEstimate> {
    await db.transaction().execute(async (trx) => {
      const row = await ctx.loadEstimate(trx, actor.orgId, id, true)
      await ctx.lockFamily(trx, row.family_id)
      const { action, data } = await run(trx, row)
      const after = await ctx.loadEstimate(trx, actor.orgId, id)
      const changes: AuditChange[] = [{ field: 'status', old: row.status, new: after.status }]
      if (row.exchange_rate !== after.exchange_rate)
        changes.push({ field: 'exchangeRate', old: row.exchange_rate, new: after.exchange_rate })
      await ctx.audit(trx, actor, { id, number: row.number, familyId: row.family_id }, action, changes, data)
    })
    return toEstimate(ctx, db, await ctx.loadEstimate(db, actor.orgId, id))
  }

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
      throw new AppError(
        'CONFLICT',
        `La producción de ${changed.length} celda(s) cambió desde que se eligió; vuelve a guardar la selección`,
        { reason: 'production_changed', cells: changed },
      )
  }

  const review = (actor: Actor, id: string) => {
    requireAccess(actor, 'estimate.manage')
    return transition(actor, id, async (trx, row) => {
      ctx.refuseUnlessStatus(row, 'draft')
      const lines = await repo.listCells(trx, row.id)
      const adjustments = await repo.listAdjustments(trx, row.id)
      if (lines.length === 0 && adjustments.length === 0)
        throw new AppError('INVALID_STATE', 'La estimación no tiene producción ni ajustes que revisar', {
          reason: 'empty',
        })
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
        throw new AppError('VALIDATION', `No hay tipo de cambio vigente al ${row.period_end}; escríbelo`, [
          { path: 'exchangeRate', message: 'Obligatorio: no hay tipo de cambio en la tabla para esa fecha' },
        ])
      await refuseChangedProduction(trx, row)
      const { snapshot, overbilled } = await computeEstimate(ctx, trx, row, rate)
      if (overbilled.length > 0)
        throw new AppError(
          'CONFLICT',
          `Se pasa del volumen autorizado: ${overbilled.map((o) => `concepto ${o.code} por ${o.over}`).join('; ')}`,
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
