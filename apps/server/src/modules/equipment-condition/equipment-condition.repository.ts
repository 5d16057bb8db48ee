import type { TItemCondition } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'

/** Every SQL statement on the equipment-condition tables (docs/equipment-condition.md). */

// --- checklists ---

export async function listActiveItems(db: Executor, orgId: string, type?: string) {
  let q = db
    .selectFrom('equipment_checklist_items')
    .select(['id', 'equipment_type', 'label', 'position'])
    .where('org_id', '=', orgId)
    .where('active', '=', true)
  if (type) q = q.where('equipment_type', '=', type)
  return q.orderBy('equipment_type').orderBy('position').orderBy('label').execute()
}

/** Locks a type's checklist rows (a save replaces the list: two saves at once run one after the other). */
export async function lockItems(db: Executor, orgId: string, type: string) {
  return db
    .selectFrom('equipment_checklist_items')
    .select(['id', 'label', 'position', 'active'])
    .where('org_id', '=', orgId)
    .where('equipment_type', '=', type)
    .forUpdate()
    .execute()
}

export async function insertItem(
  db: Executor,
  orgId: string,
  v: { equipment_type: string; label: string; position: number },
) {
  return db
    .insertInto('equipment_checklist_items')
    .values({ ...v, org_id: orgId })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function updateItem(
  db: Executor,
  orgId: string,
  id: string,
  v: { label?: string; position?: number; active?: boolean; updated_at: Date },
) {
  await db
    .updateTable('equipment_checklist_items')
    .set(v)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

// --- inspections ---

export type InspectionValues = {
  equipment_id: string
  inspected_on: string
  technician_id: string | null
  inspector_name: string
  notes: string | null
  missing_count: number
  damaged_count: number
}
export type AnswerValues = {
  item_id: string
  label: string
  position: number
  present: boolean
  condition: TItemCondition | null
  notes: string | null
}

export async function insertInspection(
  db: Executor,
  orgId: string,
  createdBy: string | null,
  v: InspectionValues,
  answers: AnswerValues[],
) {
  const { id } = await db
    .insertInto('equipment_inspections')
    .values({ ...v, org_id: orgId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (answers.length > 0)
    await db
      .insertInto('equipment_inspection_answers')
      .values(answers.map((a) => ({ ...a, inspection_id: id, org_id: orgId })))
      .execute()
  return id
}

export async function findInspection(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('equipment_inspections')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
}
export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>

export async function listAnswers(db: Executor, orgId: string, inspectionIds: readonly string[]) {
  if (inspectionIds.length === 0) return []
  return db
    .selectFrom('equipment_inspection_answers')
    .select(['inspection_id', 'item_id', 'label', 'position', 'present', 'condition', 'notes'])
    .where('org_id', '=', orgId)
    .where('inspection_id', 'in', [...inspectionIds])
    .orderBy('inspection_id')
    .orderBy('position')
    .execute()
}

/** A unit's inspections, the last first (by date, then by when recorded). */
export async function listUnitInspections(db: Executor, orgId: string, equipmentId: string) {
  return db
    .selectFrom('equipment_inspections')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('equipment_id', '=', equipmentId)
    .orderBy('inspected_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/** The last inspection of every unit of the organization (one row per unit). */
export async function lastInspections(db: Executor, orgId: string) {
  return db
    .selectFrom('equipment_inspections')
    .distinctOn('equipment_id')
    .select(['id', 'equipment_id', 'inspected_on', 'missing_count', 'damaged_count'])
    .where('org_id', '=', orgId)
    .orderBy('equipment_id')
    .orderBy('inspected_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

export async function deleteInspection(db: Executor, orgId: string, id: string) {
  await db.deleteFrom('equipment_inspections').where('org_id', '=', orgId).where('id', '=', id).execute()
}

// --- repairs ---

export async function listUnitRepairs(db: Executor, orgId: string, equipmentId: string) {
  return db
    .selectFrom('equipment_repairs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('equipment_id', '=', equipmentId)
    .orderBy('sent_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
}
export type RepairRow = Awaited<ReturnType<typeof listUnitRepairs>>[number]

/** Open repairs of the organization (one per unit at most). */
export async function openRepairs(db: Executor, orgId: string) {
  return db
    .selectFrom('equipment_repairs')
    .select(['id', 'equipment_id', 'sent_on'])
    .where('org_id', '=', orgId)
    .where('returned_on', 'is', null)
    .execute()
}

export async function insertRepair(
  db: Executor,
  orgId: string,
  createdBy: string | null,
  v: { equipment_id: string; sent_on: string; reason: string },
) {
  return db
    .insertInto('equipment_repairs')
    .values({ ...v, org_id: orgId, created_by: createdBy, returned_on: null, return_notes: null })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function closeRepair(
  db: Executor,
  orgId: string,
  id: string,
  v: { returned_on: string; return_notes: string | null; updated_at: Date },
) {
  await db.updateTable('equipment_repairs').set(v).where('org_id', '=', orgId).where('id', '=', id).execute()
}

/** Locks the unit's open repair row, if any (mark / return run one after the other). */
export async function findOpenRepair(db: Executor, orgId: string, equipmentId: string) {
  return db
    .selectFrom('equipment_repairs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('equipment_id', '=', equipmentId)
    .where('returned_on', 'is', null)
    .forUpdate()
    .executeTakeFirst()
}
