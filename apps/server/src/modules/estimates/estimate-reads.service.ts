/** Reading estimates (docs/estimates.md#api): the list with filters and paging, one estimate, what is unbilled. */
import type { TEstimate, TEstimateList, TEstimateListQuery, TUnbilled } from '@faena/contracts'
import { ZEstimateListQuery } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { Dec } from '../../platform/money/money'
import { familyBillingConcepts, familyProductionCells } from '../production'
import { getWorkOrderRef } from '../work-orders'
import { toEstimate, toSummary } from './estimate-view'
import { BILLED_STATUSES, type EstimatesContext } from './estimates.context'
import * as repo from './estimates.repository'

export function createEstimateReadUseCases(ctx: EstimatesContext) {
  const { db } = ctx

  async function listEstimates(actor: Actor, query: TEstimateListQuery = {}): Promise<TEstimateList> {
    requireAccess(actor, 'estimate.read')
    const q = ZEstimateListQuery.parse(query)
    if (q.workOrderId) await ctx.loadInitial(db, actor.orgId, q.workOrderId)
    const { rows, total } = await repo.listEstimates(db, actor.orgId, {
      familyId: q.workOrderId,
      status: q.status,
      limit: q.limit,
      offset: q.offset,
    })
    // the work-order number of each family on the page, read once per family
    const numbers = new Map<string, string>()
    for (const familyId of new Set(rows.map((r) => r.family_id)))
      numbers.set(familyId, (await getWorkOrderRef(db, actor.orgId, familyId))?.number ?? '')
    return { items: await Promise.all(rows.map((r) => toSummary(db, r, numbers))), total }
  }

  async function getEstimate(actor: Actor, id: string): Promise<TEstimate> {
    requireAccess(actor, 'estimate.read')
    return toEstimate(ctx, db, await ctx.loadEstimate(db, actor.orgId, id))
  }

  /** Per concept: the family's production, what live estimates hold, what approved ones billed, what is left. */
  async function unbilled(
    actor: Actor,
    q: { workOrderId: string; dateFrom?: string | undefined; dateTo?: string | undefined },
  ): Promise<TUnbilled> {
    requireAccess(actor, 'estimate.read')
    const wo = await ctx.loadInitial(db, actor.orgId, q.workOrderId)
    const from = q.dateFrom ?? '1900-01-01'
    const to = q.dateTo ?? '9999-12-31'
    const [produced, estimated, concepts] = await Promise.all([
      familyProductionCells(db, actor.orgId, wo.id, { from, to }),
      repo.estimatedCellsOfFamily(db, wo.id, from, to),
      familyBillingConcepts(db, actor.orgId, wo.id),
    ])
    const status = new Map(
      estimated.map((c) => [`${c.site_id}|${c.concept_id}|${c.day}|${c.time_type}`, c.status]),
    )
    const rows = new Map<
      string,
      { produced: Dec; inEstimates: Dec; billed: Dec; unbilled: Dec; cells: number }
    >()
    for (const c of produced) {
      const r = rows.get(c.conceptId) ?? {
        produced: new Dec(0),
        inEstimates: new Dec(0),
        billed: new Dec(0),
        unbilled: new Dec(0),
        cells: 0,
      }
      r.produced = r.produced.plus(c.volume)
      const s = status.get(`${c.siteId}|${c.conceptId}|${c.date}|${c.timeType}`)
      if (BILLED_STATUSES.includes(s ?? '')) r.billed = r.billed.plus(c.volume)
      else if (s) r.inEstimates = r.inEstimates.plus(c.volume)
      else {
        r.unbilled = r.unbilled.plus(c.volume)
        r.cells++
      }
      rows.set(c.conceptId, r)
    }
    const items = [...rows].map(([conceptId, r]) => {
      const c = concepts.get(conceptId)
      return {
        conceptId,
        code: c?.code ?? '—',
        description: c?.description ?? '',
        unit: c?.unit ?? '',
        produced: r.produced.toFixed(),
        inEstimates: r.inEstimates.toFixed(),
        billed: r.billed.toFixed(),
        unbilled: r.unbilled.toFixed(),
        unbilledCells: r.cells,
      }
    })
    items.sort((a, b) => a.code.localeCompare(b.code, 'es', { numeric: true }))
    return { workOrderId: wo.id, items }
  }

  return { listEstimates, getEstimate, unbilled }
}
