import type { Executor } from '../../platform/db/executor'
import { diffAnnexC, type AnnexLine } from './annex-c-diff'
import { dec, lineOf } from './annex-c-lines'
import * as repo from './work-order-concepts.repository'

/**
 * The reads other modules use, `(executor, orgId, …)`, no access check (the calling use case has done it):
 * the family view of work orders and the lines in force for production and estimates.
 */

/**
 * Authorized volumes of each version of a family (for the work-orders family view): its active concept
 * version's line count and amounts, and what changed against the nearest earlier member that has one
 * (zeros for the first). Members without an active version are absent. `workOrderIds` in family order.
 */
export async function familyAuthorizedVolumes(
  executor: Executor,
  orgId: string,
  workOrderIds: readonly string[],
) {
  const active = await repo.findActiveImports(executor, orgId, workOrderIds)
  const byWorkOrder = new Map(active.map((a) => [a.work_order_id, a]))
  const lines = await repo.listLinesOfImports(
    executor,
    orgId,
    active.map((a) => a.id),
  )
  const out = new Map<
    string,
    {
      concepts: number
      amountMxn: string
      amountUsd: string
      added: number
      removed: number
      changed: number
    }
  >()
  let previous: AnnexLine[] | null = null
  for (const id of workOrderIds) {
    const a = byWorkOrder.get(id)
    if (!a) continue
    const current = (lines.get(a.id) ?? []).map((r) => lineOf(r))
    const diff = previous ? diffAnnexC(previous, current) : null
    out.set(id, {
      concepts: a.concept_count,
      amountMxn: dec(a.amount_mxn).toFixed(),
      amountUsd: dec(a.amount_usd).toFixed(),
      added: diff?.added.length ?? 0,
      removed: diff?.removed.length ?? 0,
      changed: diff?.changed.length ?? 0,
    })
    previous = current
  }
  return out
}

/**
 * The lines in force of each of `workOrderIds` (its active version), for other modules (production, estimates:
 * the family consolidation of docs/work-order-concepts.md#family-consolidation works on these). Work orders without an active version are absent.
 */
export async function listActiveWorkOrderConcepts(
  executor: Executor,
  orgId: string,
  workOrderIds: readonly string[],
) {
  const active = await repo.findActiveImports(executor, orgId, workOrderIds)
  const lines = await repo.listLinesOfImports(
    executor,
    orgId,
    active.map((a) => a.id),
  )
  return new Map(
    active.map((a) => [
      a.work_order_id,
      {
        importId: a.id,
        version: a.version,
        lines: (lines.get(a.id) ?? []).map((r) => ({
          id: r.id,
          position: r.position,
          conceptId: r.concept_id,
          annex: r.annex,
          code: r.code,
          description: r.description,
          unitId: r.unit_id,
          unitKey: r.unit_key,
          authorizedVolume: dec(r.authorized_volume).toFixed(),
          unitPriceMxn: dec(r.unit_price_mxn).toFixed(),
          unitPriceUsd: dec(r.unit_price_usd).toFixed(),
        })),
      },
    ]),
  )
}

/**
 * The programme (planned volume per day) of the catalog concepts of some versions within [from, to]: per
 * version, concept and day, summed when a concept is twice in one version. For the production grid, which
 * shows one month of the programme of the version that gives each concept.
 */
export async function listPlannedVolumes(
  executor: Executor,
  orgId: string,
  importIds: readonly string[],
  from: string,
  to: string,
): Promise<{ importId: string; conceptId: string; day: string; volume: string }[]> {
  return (await repo.listPlannedInRange(executor, orgId, importIds, from, to)).map((r) => ({
    importId: r.import_id,
    conceptId: r.concept_id!,
    day: r.day,
    volume: r.volume,
  }))
}
