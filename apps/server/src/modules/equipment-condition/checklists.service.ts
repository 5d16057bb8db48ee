import {
  RENTAL_EQUIPMENT_TYPES,
  type TChecklist,
  type TChecklistInput,
  type TChecklistItem,
  type TChecklistList,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { TFieldError } from '@faena/contracts'
import { fieldError, validationError } from '../../platform/errors'
import { MODULE, type EquipmentConditionContext } from './equipment-condition.context'
import * as repo from './equipment-condition.repository'
import { conditionMessages as M } from './equipment-condition.messages'

export const toItem = (r: { id: string; label: string; position: number }): TChecklistItem => ({
  id: r.id,
  label: r.label,
  position: r.position,
})

/** Checklists per equipment type (docs/equipment-condition.md#checklists): read, replace in one save. */
export function createChecklistUseCases(ctx: EquipmentConditionContext) {
  const { db, clock } = ctx

  async function listChecklists(actor: Actor): Promise<TChecklistList> {
    requireAccess(actor, 'equipmentCondition.read')
    await ctx.requireRentalLine(actor)
    const [items, units] = await Promise.all([
      repo.listActiveItems(db, actor.orgId),
      ctx.equipment.listEquipmentUnits(db, actor.orgId),
    ])
    return {
      items: RENTAL_EQUIPMENT_TYPES.map((type): TChecklist => ({
        type,
        items: items.filter((i) => i.equipment_type === type).map(toItem),
        unitCount: units.filter((u) => u.type === type && u.condition !== 'retired').length,
      })),
    }
  }

  /**
   * Replaces the checklist of a type, all or nothing: kept items (by id) take their new label and position,
   * new ones are added, left-out ones become inactive (past inspections keep their answers). A label
   * repeated in the list or an id of another type is a 400 naming `items.<n>`.
   */
  async function saveChecklist(actor: Actor, input: TChecklistInput): Promise<TChecklist> {
    requireAccess(actor, 'equipmentCondition.manage')
    await ctx.requireRentalLine(actor)
    const seen = new Map<string, number>()
    const errors: TFieldError[] = []
    input.items.forEach((it, n) => {
      const key = it.label.toLocaleLowerCase('es')
      if (seen.has(key))
        errors.push(fieldError(`items.${n}.label`, M.repeatedRow({ row: seen.get(key)! + 1 })))
      else seen.set(key, n)
    })
    if (errors.length) throw validationError(M.repeatedItems(), errors)
    await db.transaction().execute(async (trx) => {
      const orgId = actor.orgId
      const existing = await repo.lockItems(trx, orgId, input.type)
      const byId = new Map(existing.map((e) => [e.id, e]))
      input.items.forEach((it, n) => {
        if (it.id && !byId.has(it.id)) errors.push(fieldError(`items.${n}.id`, M.itemNotInList()))
      })
      if (errors.length) throw validationError(M.itemsNotInList(), errors)
      const now = clock()
      const kept = new Set(input.items.flatMap((it) => (it.id ? [it.id] : [])))
      // deactivate first: a label may move from a removed item to a new one
      const removed = existing.filter((e) => e.active && !kept.has(e.id))
      for (const e of removed) await repo.updateItem(trx, orgId, e.id, { active: false, updated_at: now })
      const before = existing.filter((e) => e.active).map((e) => e.label)
      // labels are unique within a type's active list: checked above on the whole new list
      for (const [n, it] of input.items.entries()) {
        if (it.id)
          await repo.updateItem(trx, orgId, it.id, {
            label: it.label,
            position: n,
            active: true,
            updated_at: now,
          })
        else await repo.insertItem(trx, orgId, { equipment_type: input.type, label: it.label, position: n })
      }
      const after = input.items.map((it) => it.label)
      if (JSON.stringify(before) !== JSON.stringify(after))
        await writeAudit(trx, actor, {
          action: 'equipmentChecklist.saved',
          module: MODULE,
          entityType: 'equipment_checklist',
          entityId: null,
          changes: [{ field: `items.${input.type}`, old: before, new: after }],
          data: { type: input.type },
        })
    })
    const all = await listChecklists(actor)
    return all.items.find((c) => c.type === input.type)!
  }

  return { listChecklists, saveChecklist }
}
