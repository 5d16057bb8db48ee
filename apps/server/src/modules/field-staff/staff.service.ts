import type {
  TFieldStaff,
  TFieldStaffDetail,
  TFieldStaffInput,
  TFieldStaffListQuery,
  TFieldStaffPatch,
  TVaccine,
  TVaccineInput,
} from '@faena/contracts'
import { can, requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, validationError } from '../../platform/errors'
import { classifyExpiry } from './compliance-rules'
import { writeStaffWorkbook } from './field-staff-export'
import {
  EXPORT_LIMIT,
  isUniqueViolation,
  MODULE,
  orNull,
  type FieldStaffContext,
} from './field-staff.context'
import * as repo from './field-staff.repository'
import { checkCedula } from './identity'

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

/** Field staff (técnicos): list, export, read, create, update, delete, vaccines (docs/field-staff.md). */
export function createStaffUseCases(ctx: FieldStaffContext) {
  const { db, clock, userId, today } = ctx

  const toStaff = (r: repo.StaffRow, day: string): TFieldStaff => ({
    id: r.id,
    firstNames: r.first_names,
    lastNames: r.last_names,
    fullName: fullName(r),
    cedula: r.cedula,
    phone: r.phone,
    email: r.email,
    active: r.active,
    notes: r.notes,
    status: r.next_expiry ? classifyExpiry(r.next_expiry, day) : null,
    nextExpiry: r.next_expiry,
    documentCount: Number(r.document_count),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  })

  function values(input: TFieldStaffInput): repo.StaffValues {
    const c = checkCedula(input.cedula)
    if (!c.ok) throw validationError('Cédula no válida', [{ path: 'cedula', message: c.message }])
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

  async function assertCedulaFree(trx: Executor, orgId: string, cedula: string, exceptId?: string) {
    const other = await repo.findStaffByCedula(trx, orgId, cedula)
    if (other && other.id !== exceptId) throw cedulaConflict(cedula, fullName(other))
  }
  const cedulaConflict = (cedula: string, who?: string) =>
    new AppError('CONFLICT', `Ya existe un técnico con la cédula ${cedula}${who ? `: ${who}` : ''}`, [
      { path: 'cedula', message: who ? `Ya registrada para ${who}` : 'Cédula ya registrada' },
    ])
  const onConflict = (cedula: string) => (err: unknown) => {
    if (isUniqueViolation(err, 'field_staff_cedula_uq')) throw cedulaConflict(cedula)
    throw err
  }

  async function loadStaff(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.findStaff(trx, actor.orgId, id, forUpdate)
    if (!row) throw new AppError('NOT_FOUND', 'Técnico no encontrado')
    return row
  }

  async function listStaff(actor: Actor, query: TFieldStaffListQuery) {
    requireAccess(actor, 'fieldStaff.read')
    await ctx.requireRentalLine(actor)
    const day = await today(actor.orgId)
    const { rows, total } = await repo.listStaff(db, actor.orgId, query, day)
    return { items: rows.map((r) => toStaff(r, day)), total }
  }

  async function exportStaff(actor: Actor, query: TFieldStaffListQuery) {
    const { items } = await listStaff(actor, { ...query, limit: EXPORT_LIMIT, offset: 0 })
    return writeStaffWorkbook(items)
  }

  async function getStaff(actor: Actor, id: string): Promise<TFieldStaffDetail> {
    requireAccess(actor, 'fieldStaff.read')
    const day = await today(actor.orgId)
    return db.transaction().execute(async (trx) => {
      const r = await loadStaff(trx, actor, id)
      const [documents, vaccines, files] = await Promise.all([
        repo.listDocuments(trx, actor.orgId, 'staff', id),
        repo.listVaccines(trx, actor.orgId, id),
        ctx.filesOf(trx, actor.orgId, 'staff', id),
      ])
      return {
        ...toStaff(r, day),
        documents: documents.map((d) => ctx.toDocument(d, day)),
        vaccines: vaccines.map(toVaccine),
        files,
        canManage: can(actor, 'fieldStaff.manage'),
      }
    })
  }

  async function createStaff(actor: Actor, input: TFieldStaffInput): Promise<TFieldStaffDetail> {
    requireAccess(actor, 'fieldStaff.manage')
    await ctx.requireRentalLine(actor)
    const v = values(input)
    const id = await db.transaction().execute(async (trx) => {
      await assertCedulaFree(trx, actor.orgId, v.cedula)
      const row = await repo.insertStaff(trx, actor.orgId, userId(actor), v).catch(onConflict(v.cedula))
      await writeAudit(trx, actor, {
        action: 'fieldStaff.created',
        module: MODULE,
        entityType: 'field_staff',
        entityId: row.id,
        changes: diffFields(null, snapshot(v)),
      })
      return row.id
    })
    return getStaff(actor, id)
  }

  async function updateStaff(actor: Actor, id: string, patch: TFieldStaffPatch): Promise<TFieldStaffDetail> {
    requireAccess(actor, 'fieldStaff.manage')
    await db.transaction().execute(async (trx) => {
      const b = await loadStaff(trx, actor, id, true)
      const v = values({
        firstNames: patch.firstNames ?? b.first_names,
        lastNames: patch.lastNames ?? b.last_names,
        cedula: patch.cedula ?? b.cedula,
        phone: patch.phone !== undefined ? patch.phone : b.phone,
        email: patch.email !== undefined ? patch.email : b.email,
        active: patch.active ?? b.active,
        notes: patch.notes !== undefined ? patch.notes : b.notes,
      })
      if (v.cedula !== b.cedula) await assertCedulaFree(trx, actor.orgId, v.cedula, id)
      const changes = diffFields(snapshot(b), snapshot(v))
      if (changes.length === 0) return
      await repo.updateStaff(trx, actor.orgId, id, { ...v, updated_at: clock() }).catch(onConflict(v.cedula))
      await writeAudit(trx, actor, {
        action: 'fieldStaff.updated',
        module: MODULE,
        entityType: 'field_staff',
        entityId: id,
        changes,
      })
    })
    return getStaff(actor, id)
  }

  async function deleteStaff(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'fieldStaff.manage')
    await db.transaction().execute(async (trx) => {
      const b = await loadStaff(trx, actor, id, true)
      await repo.deleteOwner(trx, actor.orgId, 'staff', id).catch((err: unknown) => {
        if (typeof err === 'object' && err && 'code' in err && err.code === '23503')
          throw new AppError(
            'CONFLICT',
            `${fullName(b)} figura en documentos de campo; márcalo como inactivo en lugar de eliminarlo`,
          )
        throw err
      })
      await writeAudit(trx, actor, {
        action: 'fieldStaff.deleted',
        module: MODULE,
        entityType: 'field_staff',
        entityId: id,
        changes: diffFields({ name: fullName(b), cedula: b.cedula }, { name: null, cedula: null }),
      })
    })
  }

  // --- vaccines ---

  async function addVaccine(actor: Actor, id: string, input: TVaccineInput): Promise<TVaccine> {
    requireAccess(actor, 'fieldStaff.manage')
    return db.transaction().execute(async (trx) => {
      await loadStaff(trx, actor, id, true)
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
              `La dosis ${input.doseNumber} de ${input.vaccine} ya está registrada`,
              [{ path: 'doseNumber', message: 'Dosis ya registrada' }],
            )
          throw err
        })
      await writeAudit(trx, actor, {
        action: 'fieldStaff.vaccine_added',
        module: MODULE,
        entityType: 'field_staff',
        entityId: id,
        changes: [
          {
            field: 'vaccines',
            old: null,
            new: `${input.vaccine} · dosis ${input.doseNumber} · ${input.appliedOn}`,
          },
        ],
      })
      return toVaccine(row)
    })
  }

  async function removeVaccine(actor: Actor, id: string, vaccineId: string): Promise<void> {
    requireAccess(actor, 'fieldStaff.manage')
    await db.transaction().execute(async (trx) => {
      await loadStaff(trx, actor, id, true)
      const v = await repo.findVaccine(trx, actor.orgId, id, vaccineId)
      if (!v) throw new AppError('NOT_FOUND', 'Vacuna no encontrada')
      await repo.deleteVaccine(trx, actor.orgId, vaccineId)
      await writeAudit(trx, actor, {
        action: 'fieldStaff.vaccine_removed',
        module: MODULE,
        entityType: 'field_staff',
        entityId: id,
        changes: [
          { field: 'vaccines', old: `${v.vaccine} · dosis ${v.dose_number} · ${v.applied_on}`, new: null },
        ],
      })
    })
  }

  return {
    listStaff,
    exportStaff,
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
