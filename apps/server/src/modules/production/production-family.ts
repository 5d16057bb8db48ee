import { AppError, fieldError } from '../../platform/errors'
import type { Executor } from '../../platform/db/executor'
import { listActiveWorkOrderConcepts } from '../work-order-concepts'
import type { WorkOrderRef } from '../work-orders'
import { toFamilyMember, type ProductionContext } from './production.context'
import * as grepo from './production-grid.repository'
import { basisOf, consolidate, type FamilyConcept } from './production-grid-rules'
import { overlapsMonth, windowAtSite } from './production-rules'
import { productionMessages as M } from './production.messages'

/**
 * What the production grid's use cases share about a family (docs/production.md#concepts-of-a-family): its
 * concepts from the members' Anexo C in force, the basis its excess flags follow (recomputed when it changed),
 * and the family of a grid checked to work at the site in the month.
 */
export function createFamilyReads(ctx: ProductionContext) {
  const { db } = ctx

  /** The family's concepts from its members' active Anexo C, and the basis of the excess flags. */
  async function familyConcepts(ex: Executor, orgId: string, members: readonly WorkOrderRef[]) {
    const active = await listActiveWorkOrderConcepts(
      ex,
      orgId,
      members.map((m) => m.id),
    )
    const concepts = consolidate(members.map((m) => ({ workOrderId: m.id, lines: active.get(m.id)?.lines })))
    return { concepts, active, basis: basisOf(active) }
  }
  const authorizedOf = (concepts: Map<string, FamilyConcept>) =>
    [...concepts.values()].map((c) => ({ conceptId: c.conceptId, volume: c.authorizedVolume }))

  /**
   * Recomputes the family's excess flags when an Anexo C confirmation changed the basis (in its own
   * transaction); gives back the family's concepts and the members' versions in force it read.
   */
  async function ensureExcessCurrent(orgId: string, familyId: string, members: readonly WorkOrderRef[]) {
    const read = await familyConcepts(db, orgId, members)
    if ((await grepo.getFamilyBasis(db, orgId, familyId)) === read.basis) return read
    return db.transaction().execute(async (trx) => {
      const locked = await grepo.lockFamilyBasis(trx, orgId, familyId)
      const fresh = await familyConcepts(trx, orgId, members)
      if (locked === fresh.basis) return fresh
      await grepo.recomputeExcess(trx, orgId, familyId, authorizedOf(fresh.concepts))
      await grepo.setFamilyBasis(trx, orgId, familyId, fresh.basis)
      return fresh
    })
  }

  async function loadAtSite(ex: Executor, orgId: string, workOrderId: string, siteId: string, month: string) {
    const { initial, members } = await ctx.loadFamily(ex, orgId, workOrderId)
    const window = windowAtSite(members.map(toFamilyMember), siteId)
    if (!window || !overlapsMonth(window, month))
      throw new AppError('VALIDATION', M.notAtSite({ number: initial.number, month }), [
        fieldError('siteId', M.notValidAtSite()),
      ])
    return { initial, members, window }
  }

  return { familyConcepts, authorizedOf, ensureExcessCurrent, loadAtSite }
}
