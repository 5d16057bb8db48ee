import type {
  TFieldStaff,
  TFieldStaffDetail,
  TFieldStaffInput,
  TFieldStaffListQuery,
  TFieldStaffPatch,
  TVaccine,
  TVaccineInput,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields } from '../../platform/audit/audit'
import { AppError, validationError, fieldError } from '../../platform/errors'
import { isUniqueViolation, orNull, type FieldStaffContext } from './field-staff.context'
import * as repo from './field-staff.repository'
import { checkCedula } from './identity'
import { createOwnerLifecycle, ownerSummary } from './owner-lifecycle'
import { staffMessages as M } from './field-staff.messages'

export const fullName = (r: { first_names: string; last_names: string }) => `${r.first_names} ${r.last_names}`

const snapshot = (v: repo.StaffValues) => ({
  firstNames: v.first_names,
  lastNames: v.last_names,
  cedula: v.cedula,
  phone: v.phone,
  email: v.email,
  active: v.active,
  notes: v.notes,
})

/** Field staff (técnicos): list, read, create, update, delete, vaccines (docs/field-staff.md). */
export function createStaffUseCases(ctx: FieldStaffContext) {
  const { db } = ctx

  const cedulaConflict = (cedula: string, who?: string) =>
    new AppError('CONFLICT', who ? M.cedulaTakenBy({ cedula, name: who }) : M.cedulaTaken({ cedula }), [
      fieldError('cedula', who ? M.cedulaRegisteredFor({ name: who }) : M.cedulaRegistered()),
    ])

  const owner = createOwnerLifecycle(ctx, {
    owner: 'staff',
    entityType: 'field_staff',
    action: 'fieldStaff',
    notFound: M.staffNotFound(),
    find: repo.findStaff,
    insert: repo.insertStaff,
    update: repo.updateStaff,
    snapshot,
    key: (v: repo.StaffValues) => v.cedula,
    findByKey: repo.findStaffByCedula,
    uniqueConstraint: 'field_staff_cedula_uq',
    conflict: (cedula, other?: { first_names: string; last_names: string }) =>
      cedulaConflict(cedula, other && fullName(other)),
    inUse: (b) => M.staffInUse({ name: fullName(b) }),
    deletedChanges: (b) => diffFields({ name: fullName(b), cedula: b.cedula }, { name: null, cedula: null }),
  })

  const toStaff = (r: repo.StaffRow, day: string): TFieldStaff => ({
    id: r.id,
    firstNames: r.first_names,
    lastNames: r.last_names,
    fullName: fullName(r),
    cedula: r.cedula,
    phone: r.phone,
    email: r.email,
    ...ownerSummary(r, day),
  })

  function values(input: TFieldStaffInput): repo.StaffValues {
    const c = checkCedula(input.cedula)
    if (!c.ok) throw validationError(M.invalidCedula(), [fieldError('cedula', c.message)])
    return {
      first_names: input.firstNames,
      last_names: input.lastNames,
      cedula: input.cedula,
      phone: orNull(input.phone),
      email: orNull(input.email)?.toLowerCase() ?? null,
      active: input.active ?? true,
      notes: orNull(input.notes),
    }
  }

  const listStaff = (actor: Actor, query: TFieldStaffListQuery) =>
    owner.list(actor, query, (orgId, q, day) => repo.listStaff(db, orgId, q, day), toStaff)

  const getStaff = (actor: Actor, id: string): Promise<TFieldStaffDetail> =>
    owner.detail(actor, id, toStaff, async (trx, orgId) => ({
      vaccines: (await repo.listVaccines(trx, orgId, id)).map(toVaccine),
    }))

  async function createStaff(actor: Actor, input: TFieldStaffInput): Promise<TFieldStaffDetail> {
    return getStaff(actor, await owner.create(actor, () => values(input)))
  }

  async function updateStaff(actor: Actor, id: string, patch: TFieldStaffPatch): Promise<TFieldStaffDetail> {
    await owner.update(actor, id, (b) =>
      values({
        firstNames: patch.firstNames ?? b.first_names,
        lastNames: patch.lastNames ?? b.last_names,
        cedula: patch.cedula ?? b.cedula,
        phone: patch.phone !== undefined ? patch.phone : b.phone,
        email: patch.email !== undefined ? patch.email : b.email,
        active: patch.active ?? b.active,
        notes: patch.notes !== undefined ? patch.notes : b.notes,
      }),
    )
    return getStaff(actor, id)
  }

  const deleteStaff = (actor: Actor, id: string): Promise<void> => owner.remove(actor, id)

  // --- vaccines ---

  async function addVaccine(actor: Actor, id: string, input: TVaccineInput): Promise<TVaccine> {
    requireAccess(actor, 'fieldStaff.manage')
    return db.transaction().execute(async (trx) => {
      await owner.load(trx, actor, id, true)
      const row = await repo
        .insertVaccine(trx, actor.orgId, id, {
          vaccine: input.vaccine,
          dose_number: input.doseNumber,
          applied_on: input.appliedOn,
        })
        .catch((err: unknown) => {
          if (isUniqueViolation(err, 'field_staff_vaccines_dose_uq'))
            throw new AppError(
              'CONFLICT',
              M.doseRecorded({ dose: input.doseNumber, vaccine: input.vaccine }),
              [fieldError('doseNumber', M.doseRegistered())],
            )
          throw err
        })
      await owner.audit(trx, actor, 'vaccine_added', id, [
        {
          field: 'vaccines',
          old: null,
          new: `${input.vaccine} · dosis ${input.doseNumber} · ${input.appliedOn}`,
        },
      ])
      return toVaccine(row)
    })
  }

  async function removeVaccine(actor: Actor, id: string, vaccineId: string): Promise<void> {
    requireAccess(actor, 'fieldStaff.manage')
    await db.transaction().execute(async (trx) => {
      await owner.load(trx, actor, id, true)
      const v = await repo.findVaccine(trx, actor.orgId, id, vaccineId)
      if (!v) throw new AppError('NOT_FOUND', M.vaccineNotFound())
      await repo.deleteVaccine(trx, actor.orgId, vaccineId)
      await owner.audit(trx, actor, 'vaccine_removed', id, [
        { field: 'vaccines', old: `${v.vaccine} · dosis ${v.dose_number} · ${v.applied_on}`, new: null },
      ])
    })
  }

  return {
    listStaff,
    getStaff,
    createStaff,
    updateStaff,
    deleteStaff,
    addVaccine,
    removeVaccine,
  }
}

const toVaccine = (r: {
  id: string
  vaccine: string
  dose_number: number
  applied_on: string
}): TVaccine => ({
  id: r.id,
  vaccine: r.vaccine,
  doseNumber: r.dose_number,
  appliedOn: r.applied_on,
})
