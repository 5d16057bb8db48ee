import type {
  TRotationDuty,
  TRotationRequest,
  TRotations,
  TSuperintendent,
  TSuperintendentPatch,
  TSuperintendentRequest,
  TSuperintendents,
} from '@faena/contracts'
import { ZRotationRequest } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { getReferences } from '../catalogs'
import type { ProductionContext } from './production.context'
import { monthDays } from './production-rules'
import { dutyOn, initialsOf, type RotationDef } from './rotation-rules'
import * as rrepo from './rotations.repository'
import { productionMessages as M } from './production.messages'

const toDef = (r: rrepo.RotationRow): RotationDef => ({
  startDate: r.start_date,
  superintendentAId: r.superintendent_a_id,
  superintendentBId: r.superintendent_b_id,
  cycleDays: r.cycle_days,
})

/**
 * Who is on duty at a site, day by day, under the rotations stored now: the daily-status save stores it with
 * each day it writes (docs/production.md#superintendent-rotation).
 */
export async function dutyAtSite(ex: Executor, orgId: string, siteId: string) {
  const defs = (await rrepo.listRotations(ex, orgId, siteId)).map(toDef)
  return (date: string) => dutyOn(defs, date)?.superintendentId ?? null
}

/** Superintendents of the organization and the rotation of each site (docs/production.md#superintendent-rotation). */
export function createRotationUseCases(ctx: ProductionContext) {
  const { db } = ctx
  const toSup = (r: rrepo.SuperintendentRow): TSuperintendent => ({
    id: r.id,
    name: r.name,
    active: r.active,
  })

  async function listSuperintendents(actor: Actor): Promise<TSuperintendents> {
    requireAccess(actor, 'production.read')
    return { items: (await rrepo.listSuperintendents(db, actor.orgId)).map(toSup) }
  }

  async function refuseDuplicateName(ex: Executor, orgId: string, name: string, exceptId?: string) {
    const same = await rrepo.findSuperintendentByName(ex, orgId, name)
    if (same && same.id !== exceptId)
      throw new AppError('CONFLICT', M.superintendentExists({ name: same.name }), [
        fieldError('name', M.superintendentNameTaken()),
      ])
  }

  async function createSuperintendent(actor: Actor, body: TSuperintendentRequest): Promise<TSuperintendents> {
    requireAccess(actor, 'production.configure')
    await db.transaction().execute(async (trx) => {
      await refuseDuplicateName(trx, actor.orgId, body.name)
      const id = await rrepo.insertSuperintendent(trx, actor.orgId, body.name)
      await writeAudit(trx, actor, {
        action: 'production.superintendent_created',
        module: 'production',
        entityType: 'superintendent',
        entityId: id,
        changes: [{ field: 'name', old: null, new: body.name }],
      })
    })
    return listSuperintendents(actor)
  }

  async function updateSuperintendent(
    actor: Actor,
    id: string,
    patch: TSuperintendentPatch,
  ): Promise<TSuperintendents> {
    requireAccess(actor, 'production.configure')
    await db.transaction().execute(async (trx) => {
      const old = await rrepo.findSuperintendent(trx, actor.orgId, id, { forUpdate: true })
      if (!old) throw new AppError('NOT_FOUND', M.superintendentNotFound())
      const next = { name: patch.name ?? old.name, active: patch.active ?? old.active }
      if (next.name !== old.name) await refuseDuplicateName(trx, actor.orgId, next.name, id)
      const changes = (['name', 'active'] as const)
        .filter((f) => next[f] !== old[f])
        .map((f) => ({ field: f, old: old[f], new: next[f] }))
      if (changes.length === 0) return
      await rrepo.updateSuperintendent(trx, actor.orgId, id, next)
      await writeAudit(trx, actor, {
        action: 'production.superintendent_updated',
        module: 'production',
        entityType: 'superintendent',
        entityId: id,
        changes,
      })
    })
    return listSuperintendents(actor)
  }

  async function requireSite(ex: Executor, orgId: string, siteId: string) {
    const refs = await getReferences(ex, orgId, { siteIds: [siteId] })
    if (!refs.sites?.length) throw new AppError('NOT_FOUND', M.siteNotFound())
  }

  async function rotationsOf(ex: Executor, orgId: string, siteId: string): Promise<TRotations> {
    const [rows, sups] = await Promise.all([
      rrepo.listRotations(ex, orgId, siteId),
      rrepo.listSuperintendents(ex, orgId),
    ])
    const byId = new Map(sups.map((s) => [s.id, toSup(s)]))
    return {
      siteId,
      items: rows.map((r) => ({
        id: r.id,
        siteId: r.site_id,
        startDate: r.start_date,
        superintendentA: byId.get(r.superintendent_a_id)!,
        superintendentB: byId.get(r.superintendent_b_id)!,
        cycleDays: r.cycle_days,
      })),
    }
  }

  async function listRotations(actor: Actor, siteId: string): Promise<TRotations> {
    requireAccess(actor, 'production.read')
    await requireSite(db, actor.orgId, siteId)
    return rotationsOf(db, actor.orgId, siteId)
  }

  /** Adds the site's rotation from `startDate` (A starts that day), or replaces the one starting that day. */
  async function saveRotation(actor: Actor, input: TRotationRequest): Promise<TRotations> {
    requireAccess(actor, 'production.configure')
    const body = ZRotationRequest.parse(input)
    return db.transaction().execute(async (trx) => {
      await requireSite(trx, actor.orgId, body.siteId)
      for (const [path, id] of [
        ['superintendentAId', body.superintendentAId],
        ['superintendentBId', body.superintendentBId],
      ] as const) {
        const s = await rrepo.findSuperintendent(trx, actor.orgId, id)
        if (!s || !s.active)
          throw new AppError('VALIDATION', M.chooseActiveSuperintendent(), [
            fieldError(path, s ? M.superintendentInactive({ name: s.name }) : M.superintendentNotFound()),
          ])
      }
      const row = {
        site_id: body.siteId,
        start_date: body.startDate,
        superintendent_a_id: body.superintendentAId,
        superintendent_b_id: body.superintendentBId,
        cycle_days: body.cycleDays,
      }
      const old = await rrepo.upsertRotation(trx, actor.orgId, row, ctx.userId(actor))
      const view = (r: typeof row | null) =>
        r && { a: r.superintendent_a_id, b: r.superintendent_b_id, cycleDays: r.cycle_days }
      await writeAudit(trx, actor, {
        action: 'production.rotation_saved',
        module: 'production',
        entityType: 'site',
        entityId: body.siteId,
        changes: [{ field: `rotation ${body.startDate}`, old: view(old), new: view(row) }],
      })
      return rotationsOf(trx, actor.orgId, body.siteId)
    })
  }

  async function deleteRotation(actor: Actor, rotationId: string): Promise<TRotations> {
    requireAccess(actor, 'production.configure')
    return db.transaction().execute(async (trx) => {
      const old = await rrepo.deleteRotation(trx, actor.orgId, rotationId)
      if (!old) throw new AppError('NOT_FOUND', M.rotationNotFound())
      await writeAudit(trx, actor, {
        action: 'production.rotation_deleted',
        module: 'production',
        entityType: 'site',
        entityId: old.site_id,
        changes: [
          {
            field: `rotation ${old.start_date}`,
            old: { a: old.superintendent_a_id, b: old.superintendent_b_id, cycleDays: old.cycle_days },
            new: null,
          },
        ],
      })
      return rotationsOf(trx, actor.orgId, old.site_id)
    })
  }

  /** Who is on duty each day of the month at the site (the bands over the grids' day headers). */
  async function getDuty(actor: Actor, siteId: string, month: string): Promise<TRotationDuty> {
    requireAccess(actor, 'production.read')
    await requireSite(db, actor.orgId, siteId)
    const [rows, sups] = await Promise.all([
      rrepo.listRotations(db, actor.orgId, siteId),
      rrepo.listSuperintendents(db, actor.orgId),
    ])
    const names = new Map(sups.map((s) => [s.id, s.name]))
    const defs = rows.map(toDef)
    return {
      siteId,
      month,
      days: monthDays(month).map((date) => {
        const d = dutyOn(defs, date)
        const name = d ? (names.get(d.superintendentId) ?? null) : null
        return {
          date,
          superintendentId: d?.superintendentId ?? null,
          name,
          initials: name ? initialsOf(name) : null,
          slot: d?.slot ?? null,
        }
      }),
    }
  }

  return {
    listSuperintendents,
    createSuperintendent,
    updateSuperintendent,
    listRotations,
    saveRotation,
    deleteRotation,
    getDuty,
  }
}
