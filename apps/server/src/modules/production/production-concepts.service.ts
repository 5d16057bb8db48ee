import type { TGridConceptAdded, TGridConceptRequest } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { AppError, fieldError } from '../../platform/errors'
import type { ProductionContext } from './production.context'
import { createFamilyReads } from './production-family'
import * as grepo from './production-grid.repository'
import { productionMessages as M } from './production.messages'

/**
 * A concept added to a family from the catalog with its volume to authorize
 * (docs/production.md#adding-a-concept-from-the-catalog): an authorization change of the family, made the way
 * the work-order concepts module makes one — a new confirmed Anexo C version of the family's latest member
 * with an active one, with the added line — then the family's excess follows the new authorizations, in the
 * same transaction. Audited here on the family (`production.concept_added`) and there on the version.
 */
export function createGridConceptUseCases(ctx: ProductionContext) {
  const { db } = ctx
  const { familyConcepts, authorizedOf, loadAtSite } = createFamilyReads(ctx)

  async function addGridConcept(actor: Actor, body: TGridConceptRequest): Promise<TGridConceptAdded> {
    requireAccess(actor, 'production.capture')
    requireAccess(actor, 'concept.import')
    const { orgId } = actor
    return db.transaction().execute(async (trx) => {
      const { initial, members } = await loadAtSite(trx, orgId, body.workOrderId, body.siteId, body.month)
      await grepo.setSaveSettings(trx)
      await grepo.lockFamilyBasis(trx, orgId, initial.familyId)
      const before = await familyConcepts(trx, orgId, members)
      const present = before.concepts.get(body.conceptId)
      if (present)
        throw new AppError('CONFLICT', M.conceptAlreadyInFamily({ code: present.code }), {
          reason: 'concept_in_family',
          conceptId: body.conceptId,
        })
      const target = [...members].reverse().find((m) => before.active.has(m.id))
      if (!target)
        throw new AppError('VALIDATION', M.noConfirmedAnnexC(), [
          fieldError('workOrderId', M.withoutAnnexC()),
        ])
      const version = await ctx.addAnnexConcept(trx, actor, target.id, {
        conceptId: body.conceptId,
        volume: body.volume,
        reason: body.reason,
      })
      const after = await familyConcepts(trx, orgId, members)
      const added = after.concepts.get(body.conceptId)
      if (!added) throw new Error('addGridConcept: the added concept is not in the family')
      await grepo.recomputeExcess(trx, orgId, initial.familyId, authorizedOf(after.concepts))
      await grepo.setFamilyBasis(trx, orgId, initial.familyId, after.basis)
      await writeAudit(trx, actor, {
        action: 'production.concept_added',
        module: 'production',
        entityType: 'work_order',
        entityId: initial.id,
        changes: [{ field: `authorizedVolume ${added.code}`, old: null, new: added.authorizedVolume }],
        data: {
          siteId: body.siteId,
          month: body.month,
          conceptId: body.conceptId,
          reason: body.reason,
          annexWorkOrderId: target.id,
          annexImportId: version.id,
          annexVersion: version.version,
        },
      })
      return {
        conceptId: body.conceptId,
        code: added.code,
        authorizedVolume: added.authorizedVolume,
        workOrderId: target.id,
        annexVersion: version.version,
      }
    })
  }

  return { addGridConcept }
}
