import type {
  TFieldError,
  TInspection,
  TInspectionAnswer,
  TInspectionInput,
  TRepair,
  TRepairInput,
  TRepairReturnInput,
  TRentalEquipment,
  TUnitCondition,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { toItem } from './checklists.service'
import { MODULE, orNull, type EquipmentConditionContext } from './equipment-condition.context'
import * as repo from './equipment-condition.repository'
import { unitStatus } from './status-report'
import { inspectionCounts } from './technical-status'
import { conditionMessages as M } from './equipment-condition.messages'

const toRepair = (r: repo.RepairRow): TRepair => ({
  id: r.id,
  sentOn: r.sent_on,
  reason: r.reason,
  returnedOn: r.returned_on,
  returnNotes: r.return_notes,
})

/** Inspections of a unit against its type's checklist, repair marks, the unit's condition (docs/equipment-condition.md). */
export function createInspectionUseCases(ctx: EquipmentConditionContext) {
  const { db, clock, userId } = ctx

  async function inspectionsWithAnswers(
    trx: Executor,
    orgId: string,
    rows: repo.InspectionRow[],
    unit: TRentalEquipment,
  ): Promise<TInspection[]> {
    const answers = await repo.listAnswers(
      trx,
      orgId,
      rows.map((r) => r.id),
    )
    return rows.map((r) => {
      const mine: TInspectionAnswer[] = answers
        .filter((a) => a.inspection_id === r.id)
        .map((a) => ({
          itemId: a.item_id,
          label: a.label,
          present: a.present,
          condition: a.condition,
          notes: a.notes,
        }))
      return {
        id: r.id,
        equipmentId: unit.id,
        equipmentCode: unit.code,
        equipmentName: unit.name,
        equipmentType: unit.type,
        inspectedOn: r.inspected_on,
        technicianId: r.technician_id,
        inspectorName: r.inspector_name,
        notes: r.notes,
        answers: mine,
        missingCount: r.missing_count,
        damagedCount: r.damaged_count,
        createdAt: r.created_at.toISOString(),
      }
    })
  }

  /** The unit's status, checklist, last inspection with its answers, history of inspections and repairs. */
  async function getUnitCondition(actor: Actor, equipmentId: string): Promise<TUnitCondition> {
    requireAccess(actor, 'equipmentCondition.read')
    const orgId = actor.orgId
    const unit = await ctx.loadUnit(db, orgId, equipmentId)
    const [items, inspections, repairs] = await Promise.all([
      unit.type ? repo.listActiveItems(db, orgId, unit.type) : Promise.resolve([]),
      repo.listUnitInspections(db, orgId, unit.id),
      repo.listUnitRepairs(db, orgId, unit.id),
    ])
    const last = inspections[0]
    const lastInspection = last ? (await inspectionsWithAnswers(db, orgId, [last], unit))[0]! : null
    const open = repairs.find((r) => r.returned_on === null) ?? null
    return {
      unit: unitStatus(unit, {
        last: last ?? null,
        openRepair: open,
        itemCount: items.length,
      }),
      checklist: items.map(toItem),
      lastInspection,
      inspections: inspections.map((r) => ({
        id: r.id,
        inspectedOn: r.inspected_on,
        inspectorName: r.inspector_name,
        missingCount: r.missing_count,
        damagedCount: r.damaged_count,
      })),
      openRepair: open ? toRepair(open) : null,
      repairs: repairs.map(toRepair),
    }
  }

  async function getInspection(actor: Actor, id: string): Promise<TInspection> {
    requireAccess(actor, 'equipmentCondition.read')
    const row = await repo.findInspection(db, actor.orgId, id)
    if (!row) throw new AppError('NOT_FOUND', M.inspectionNotFound())
    const [unit] = await ctx.equipment.getEquipment(db, actor.orgId, [row.equipment_id])
    if (!unit) throw new AppError('NOT_FOUND', M.inspectionNotFound())
    return (await inspectionsWithAnswers(db, actor.orgId, [row], unit))[0]!
  }

  /**
   * Records an inspection, all or nothing: every item of the type's active checklist answered once (400
   * `answers` naming the missing or foreign items), a condition for each present item (400
   * `answers.<n>.condition`), the inspector a technician (`technicianId`) or a typed name (`inspectorName`),
   * the date not after today (`inspectedOn`). Audited with the counts.
   */
  async function recordInspection(
    actor: Actor,
    equipmentId: string,
    input: TInspectionInput,
  ): Promise<TInspection> {
    requireAccess(actor, 'equipmentCondition.inspect')
    const orgId = actor.orgId
    const id = await db.transaction().execute(async (trx) => {
      const unit = await ctx.loadUnit(trx, orgId, equipmentId)
      if (!unit.type) throw validationError(M.equipmentWithoutType(), [fieldError('equipmentId', M.noType())])
      const day = await ctx.today(orgId)
      const errors: TFieldError[] = []
      if (input.inspectedOn > day) errors.push(fieldError('inspectedOn', M.futureDate()))
      const items = await repo.listActiveItems(trx, orgId, unit.type)
      if (items.length === 0)
        throw validationError(M.noChecklist(), [fieldError('answers', M.noChecklistForType())])
      const byItem = new Map(items.map((i) => [i.id, i]))
      const answered = new Set<string>()
      input.answers.forEach((a, n) => {
        if (!byItem.has(a.itemId)) errors.push(fieldError(`answers.${n}.itemId`, M.notInTypeList()))
        else if (answered.has(a.itemId)) errors.push(fieldError(`answers.${n}.itemId`, M.answeredTwice()))
        answered.add(a.itemId)
        if (a.present && !a.condition)
          errors.push(fieldError(`answers.${n}.condition`, M.conditionRequired()))
      })
      const unanswered = items.filter((i) => !answered.has(i.id))
      if (unanswered.length)
        errors.push(fieldError('answers', M.unanswered({ items: unanswered.map((i) => i.label).join(', ') })))
      let inspectorName = orNull(input.inspectorName)
      if (input.technicianId) {
        const { driver } = await ctx.fieldStaff.checkFieldAssignment(trx, orgId, {
          date: input.inspectedOn,
          driver: { staffId: input.technicianId, field: 'technicianId', needsLicence: false },
        })
        inspectorName = driver?.name ?? inspectorName
      }
      if (!inspectorName) errors.push(fieldError('inspectorName', M.inspectorRequired()))
      if (errors.length) throw validationError(M.inspectionErrors(), errors)
      const answers = input.answers.map((a) => ({
        item_id: a.itemId,
        label: byItem.get(a.itemId)!.label,
        position: byItem.get(a.itemId)!.position,
        present: a.present,
        condition: a.present ? (a.condition ?? null) : null,
        notes: orNull(a.notes),
      }))
      const counts = inspectionCounts(answers.map((a) => ({ present: a.present, condition: a.condition })))
      const id = await repo.insertInspection(
        trx,
        orgId,
        userId(actor),
        {
          equipment_id: unit.id,
          inspected_on: input.inspectedOn,
          technician_id: input.technicianId ?? null,
          inspector_name: inspectorName!,
          notes: orNull(input.notes),
          missing_count: counts.missingCount,
          damaged_count: counts.damagedCount,
        },
        answers,
      )
      await writeAudit(trx, actor, {
        action: 'equipmentInspection.recorded',
        module: MODULE,
        entityType: 'equipment_inspection',
        entityId: id,
        changes: diffFields(null, {
          equipment: unit.code,
          inspectedOn: input.inspectedOn,
          inspector: inspectorName,
          missing: counts.missingCount,
          damaged: counts.damagedCount,
        }),
      })
      return id
    })
    return getInspection(actor, id)
  }

  /** Deletes an inspection recorded by mistake (the status falls back to the previous one); audited. */
  async function deleteInspection(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'equipmentCondition.manage')
    await db.transaction().execute(async (trx) => {
      const row = await repo.findInspection(trx, actor.orgId, id)
      if (!row) throw new AppError('NOT_FOUND', M.inspectionNotFound())
      await repo.deleteInspection(trx, actor.orgId, id)
      await writeAudit(trx, actor, {
        action: 'equipmentInspection.deleted',
        module: MODULE,
        entityType: 'equipment_inspection',
        entityId: id,
        changes: diffFields(
          { inspectedOn: row.inspected_on, inspector: row.inspector_name },
          { inspectedOn: null, inspector: null },
        ),
        data: { equipmentId: row.equipment_id },
      })
    })
  }

  /** Marks the unit sent to repair (409 when already in repair or rented). */
  async function sendToRepair(
    actor: Actor,
    equipmentId: string,
    input: TRepairInput,
  ): Promise<TUnitCondition> {
    requireAccess(actor, 'equipmentCondition.inspect')
    await db.transaction().execute(async (trx) => {
      const orgId = actor.orgId
      const unit = await ctx.loadUnit(trx, orgId, equipmentId)
      if (unit.availability === 'rented')
        throw new AppError('CONFLICT', M.rentedNoRepair({ code: unit.code }), [
          fieldError('sentOn', M.rented()),
        ])
      if (await repo.findOpenRepair(trx, orgId, unit.id))
        throw new AppError('CONFLICT', M.alreadyInRepair({ code: unit.code }), [
          fieldError('sentOn', M.inRepair()),
        ])
      if (input.sentOn > (await ctx.today(orgId)))
        throw validationError(M.futureDate(), [fieldError('sentOn', M.futureDateShort())])
      const { id } = await repo.insertRepair(trx, orgId, userId(actor), {
        equipment_id: unit.id,
        sent_on: input.sentOn,
        reason: input.reason,
      })
      await writeAudit(trx, actor, {
        action: 'equipmentRepair.sent',
        module: MODULE,
        entityType: 'equipment_repair',
        entityId: id,
        changes: diffFields(null, { equipment: unit.code, sentOn: input.sentOn, reason: input.reason }),
      })
    })
    return getUnitCondition(actor, equipmentId)
  }

  /** Marks the unit returned from repair (409 when it is not in repair; 400 `returnedOn` before it was sent). */
  async function returnFromRepair(
    actor: Actor,
    equipmentId: string,
    input: TRepairReturnInput,
  ): Promise<TUnitCondition> {
    requireAccess(actor, 'equipmentCondition.inspect')
    await db.transaction().execute(async (trx) => {
      const orgId = actor.orgId
      const unit = await ctx.loadUnit(trx, orgId, equipmentId)
      const open = await repo.findOpenRepair(trx, orgId, unit.id)
      if (!open)
        throw new AppError('CONFLICT', M.notInRepair({ code: unit.code }), [
          fieldError('returnedOn', M.notInRepairShort()),
        ])
      if (input.returnedOn < open.sent_on)
        throw validationError(M.returnBeforeSent(), [
          fieldError('returnedOn', M.sentOn({ date: open.sent_on })),
        ])
      if (input.returnedOn > (await ctx.today(orgId)))
        throw validationError(M.futureDate(), [fieldError('returnedOn', M.futureDateShort())])
      await repo.closeRepair(trx, orgId, open.id, {
        returned_on: input.returnedOn,
        return_notes: orNull(input.notes),
        updated_at: clock(),
      })
      await writeAudit(trx, actor, {
        action: 'equipmentRepair.returned',
        module: MODULE,
        entityType: 'equipment_repair',
        entityId: open.id,
        changes: diffFields(
          { returnedOn: null },
          { returnedOn: input.returnedOn, returnNotes: orNull(input.notes) },
        ),
      })
    })
    return getUnitCondition(actor, equipmentId)
  }

  return {
    getUnitCondition,
    getInspection,
    recordInspection,
    deleteInspection,
    sendToRepair,
    returnFromRepair,
    loadForPdf: async (actor: Actor, equipmentId: string) => {
      requireAccess(actor, 'equipmentCondition.read')
      const unit = await ctx.loadUnit(db, actor.orgId, equipmentId)
      const items = unit.type ? await repo.listActiveItems(db, actor.orgId, unit.type) : []
      return { unit, items: items.map(toItem) }
    },
  }
}
