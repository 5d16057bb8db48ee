import type {
  TRentalEquipment,
  TRentalEquipmentInput,
  TRentalEquipmentListQuery,
  TRentalEquipmentPatch,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { toEquipment } from './rental-projects.mapping'
import * as repo from './rental-projects.repository'
import { MODULE, isUniqueViolation, orNull, type RentalProjectsContext } from './rental-projects.context'
import { projectsMessages as M } from './rental-projects.messages'

/**
 * The equipment and services catalog: list, export, read, create, update, delete (docs/rental-projects.md).
 */
export function createEquipmentUseCases(ctx: RentalProjectsContext) {
  const { db, clock, userId, inTransaction, loadEquipment } = ctx

  const codeConflict = (err: unknown, code: string): never => {
    if (isUniqueViolation(err, 'rental_equipment_code_uq')) {
      throw new AppError('CONFLICT', M.codeTaken({ code }), [fieldError('code', M.codeRegistered())])
    }
    throw err
  }

  async function assertCodeFree(trx: Executor, orgId: string, code: string, exceptId?: string) {
    const other = await repo.findEquipmentByCode(trx, orgId, code)
    if (other && other.id !== exceptId) {
      throw new AppError('CONFLICT', M.codeTaken({ code: other.code }), [
        fieldError('code', M.codeRegistered()),
      ])
    }
  }

  function checkServiceType(kind: string, type: string | null | undefined) {
    if (kind === 'service' && type) {
      throw validationError(M.invalidType(), [fieldError('type', M.serviceHasNoType())])
    }
  }

  async function listEquipment(actor: Actor, query: TRentalEquipmentListQuery) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listEquipment(db, actor.orgId, query)
    return { items: rows.map(toEquipment), total }
  }

  async function getEquipmentRecord(actor: Actor, id: string): Promise<TRentalEquipment> {
    requireAccess(actor, 'rental.read')
    return toEquipment(await loadEquipment(db, actor, id))
  }

  async function createEquipment(actor: Actor, input: TRentalEquipmentInput): Promise<TRentalEquipment> {
    requireAccess(actor, 'rental.manage')
    checkServiceType(input.kind, input.type)
    const code = input.code.trim()
    return inTransaction(actor, async (trx) => {
      await assertCodeFree(trx, actor.orgId, code)
      const row = await repo
        .insertEquipment(trx, actor.orgId, userId(actor), {
          code,
          name: input.name,
          kind: input.kind,
          type: input.kind === 'service' ? null : orNull(input.type),
          brand: orNull(input.brand),
          model: orNull(input.model),
          serial_number: orNull(input.serialNumber),
          condition: input.kind === 'service' ? 'operative' : (input.condition ?? 'operative'),
          location: orNull(input.location),
          review_note: null,
          notes: orNull(input.notes),
        })
        .catch((e) => codeConflict(e, code))
      await writeAudit(trx, actor, {
        action: 'rental.equipment.created',
        module: MODULE,
        entityType: 'rental_equipment',
        entityId: row.id,
        changes: diffFields(null, equipmentSnapshot(row)),
      })
      return toEquipment(row)
    })
  }

  async function updateEquipment(
    actor: Actor,
    id: string,
    patch: TRentalEquipmentPatch,
  ): Promise<TRentalEquipment> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const before = await loadEquipment(trx, actor, id, true)
      checkServiceType(before.kind, patch.type)
      const code = patch.code?.trim() ?? before.code
      if (code.toUpperCase() !== before.code.toUpperCase()) await assertCodeFree(trx, actor.orgId, code, id)
      const condition = before.kind === 'service' ? 'operative' : (patch.condition ?? before.condition)
      if (condition === 'retired' && before.availability === 'rented') {
        throw new AppError(
          'INVALID_STATE',
          M.rentedCannotRetire({ code: before.code, project: before.project_name ?? '' }),
        )
      }
      const values: Partial<repo.EquipmentValues> = {
        code,
        name: patch.name ?? before.name,
        type: patch.type !== undefined ? orNull(patch.type) : before.type,
        brand: patch.brand !== undefined ? orNull(patch.brand) : before.brand,
        model: patch.model !== undefined ? orNull(patch.model) : before.model,
        serial_number: patch.serialNumber !== undefined ? orNull(patch.serialNumber) : before.serial_number,
        condition,
        location: patch.location !== undefined ? orNull(patch.location) : before.location,
        notes: patch.notes !== undefined ? orNull(patch.notes) : before.notes,
        review_note: patch.reviewed ? null : before.review_note,
      }
      const changes = diffFields(equipmentSnapshot(before), equipmentSnapshot({ ...before, ...values }))
      if (changes.length === 0) return toEquipment(before)
      await repo
        .updateEquipment(trx, actor.orgId, id, { ...values, updated_at: clock() })
        .catch((e) => codeConflict(e, code))
      await writeAudit(trx, actor, {
        action: 'rental.equipment.updated',
        module: MODULE,
        entityType: 'rental_equipment',
        entityId: id,
        changes,
      })
      return toEquipment(await loadEquipment(trx, actor, id))
    })
  }

  async function deleteEquipment(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'rental.manage')
    await inTransaction(actor, async (trx) => {
      const before = await loadEquipment(trx, actor, id, true)
      const used = await repo.countAssignmentsOfEquipment(trx, actor.orgId, id)
      if (used > 0) {
        throw new AppError('CONFLICT', M.equipmentHasAssignments({ code: before.code, count: used }))
      }
      await repo.deleteEquipment(trx, actor.orgId, id)
      await writeAudit(trx, actor, {
        action: 'rental.equipment.deleted',
        module: MODULE,
        entityType: 'rental_equipment',
        entityId: id,
        changes: [{ field: 'code', old: before.code, new: null }],
        data: { name: before.name, kind: before.kind },
      })
    })
  }

  /**
   * Reads the uploaded list: JSON (legacy `equipments.json` shape) or a spreadsheet with a header row.
   * Control characters are dropped from its text (the spreadsheet reader does it for a workbook) and
   * counted per row (`cleaned`: row → characters dropped).
   */

  return {
    listEquipment,
    getEquipment: getEquipmentRecord,
    createEquipment,
    updateEquipment,
    deleteEquipment,
  }
}

// --- audit snapshots (API field names) ---

function equipmentSnapshot(r: repo.EquipmentValues) {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    type: r.type,
    brand: r.brand,
    model: r.model,
    serialNumber: r.serial_number,
    condition: r.condition,
    location: r.location,
    reviewNote: r.review_note,
    notes: r.notes,
  }
}
