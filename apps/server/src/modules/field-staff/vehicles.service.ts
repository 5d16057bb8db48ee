import type {
  TVehicle,
  TVehicleDetail,
  TVehicleInput,
  TVehicleListQuery,
  TVehiclePatch,
} from '@faena/contracts'
import { can, requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, validationError } from '../../platform/errors'
import { classifyExpiry } from './compliance-rules'
import { writeVehiclesWorkbook } from './field-staff-export'
import {
  EXPORT_LIMIT,
  isUniqueViolation,
  MODULE,
  orNull,
  type FieldStaffContext,
} from './field-staff.context'
import * as repo from './field-staff.repository'
import { normalizePlate } from './identity'

const snapshot = (v: repo.VehicleValues) => ({
  plate: v.plate,
  brand: v.brand,
  model: v.model,
  year: v.year,
  active: v.active,
  notes: v.notes,
})

/** Vehicles: list, export, read, create, update, delete (docs/field-staff.md). */
export function createVehicleUseCases(ctx: FieldStaffContext) {
  const { db, clock, userId, today } = ctx

  const toVehicle = (r: repo.VehicleRow, day: string): TVehicle => ({
    id: r.id,
    plate: r.plate,
    brand: r.brand,
    model: r.model,
    year: r.year,
    active: r.active,
    notes: r.notes,
    status: r.next_expiry ? classifyExpiry(r.next_expiry, day) : null,
    nextExpiry: r.next_expiry,
    documentCount: Number(r.document_count),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  })

  function values(input: TVehicleInput): repo.VehicleValues {
    const plate = normalizePlate(input.plate)
    if (!plate)
      throw validationError('Placa no válida', [
        {
          path: 'plate',
          message: 'Placa no válida: letra de provincia, dos letras y 3 o 4 dígitos (PBA-1234)',
        },
      ])
    return {
      plate,
      brand: orNull(input.brand),
      model: orNull(input.model),
      year: input.year ?? null,
      active: input.active ?? true,
      notes: orNull(input.notes),
    }
  }

  const plateConflict = (plate: string) =>
    new AppError('CONFLICT', `Ya existe un vehículo con la placa ${plate}`, [
      { path: 'plate', message: 'Placa ya registrada' },
    ])
  async function assertPlateFree(trx: Executor, orgId: string, plate: string, exceptId?: string) {
    const other = await repo.findVehicleByPlate(trx, orgId, plate)
    if (other && other.id !== exceptId) throw plateConflict(plate)
  }
  const onConflict = (plate: string) => (err: unknown) => {
    if (isUniqueViolation(err, 'vehicles_plate_uq')) throw plateConflict(plate)
    throw err
  }

  async function loadVehicle(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.findVehicle(trx, actor.orgId, id, forUpdate)
    if (!row) throw new AppError('NOT_FOUND', 'Vehículo no encontrado')
    return row
  }

  async function listVehicles(actor: Actor, query: TVehicleListQuery) {
    requireAccess(actor, 'fieldStaff.read')
    await ctx.requireRentalLine(actor)
    const day = await today(actor.orgId)
    const { rows, total } = await repo.listVehicles(db, actor.orgId, query, day)
    return { items: rows.map((r) => toVehicle(r, day)), total }
  }

  async function exportVehicles(actor: Actor, query: TVehicleListQuery) {
    const { items } = await listVehicles(actor, { ...query, limit: EXPORT_LIMIT, offset: 0 })
    return writeVehiclesWorkbook(items)
  }

  async function getVehicle(actor: Actor, id: string): Promise<TVehicleDetail> {
    requireAccess(actor, 'fieldStaff.read')
    const day = await today(actor.orgId)
    return db.transaction().execute(async (trx) => {
      const r = await loadVehicle(trx, actor, id)
      const [documents, files] = await Promise.all([
        repo.listDocuments(trx, actor.orgId, 'vehicle', id),
        ctx.filesOf(trx, actor.orgId, 'vehicle', id),
      ])
      return {
        ...toVehicle(r, day),
        documents: documents.map((d) => ctx.toDocument(d, day)),
        files,
        canManage: can(actor, 'fieldStaff.manage'),
      }
    })
  }

  async function createVehicle(actor: Actor, input: TVehicleInput): Promise<TVehicleDetail> {
    requireAccess(actor, 'fieldStaff.manage')
    await ctx.requireRentalLine(actor)
    const v = values(input)
    const id = await db.transaction().execute(async (trx) => {
      await assertPlateFree(trx, actor.orgId, v.plate)
      const row = await repo.insertVehicle(trx, actor.orgId, userId(actor), v).catch(onConflict(v.plate))
      await writeAudit(trx, actor, {
        action: 'vehicle.created',
        module: MODULE,
        entityType: 'vehicle',
        entityId: row.id,
        changes: diffFields(null, snapshot(v)),
      })
      return row.id
    })
    return getVehicle(actor, id)
  }

  async function updateVehicle(actor: Actor, id: string, patch: TVehiclePatch): Promise<TVehicleDetail> {
    requireAccess(actor, 'fieldStaff.manage')
    await db.transaction().execute(async (trx) => {
      const b = await loadVehicle(trx, actor, id, true)
      const v = values({
        plate: patch.plate ?? b.plate,
        brand: patch.brand !== undefined ? patch.brand : b.brand,
        model: patch.model !== undefined ? patch.model : b.model,
        year: patch.year !== undefined ? patch.year : b.year,
        active: patch.active ?? b.active,
        notes: patch.notes !== undefined ? patch.notes : b.notes,
      })
      if (v.plate !== b.plate) await assertPlateFree(trx, actor.orgId, v.plate, id)
      const changes = diffFields(snapshot(b), snapshot(v))
      if (changes.length === 0) return
      await repo.updateVehicle(trx, actor.orgId, id, { ...v, updated_at: clock() }).catch(onConflict(v.plate))
      await writeAudit(trx, actor, {
        action: 'vehicle.updated',
        module: MODULE,
        entityType: 'vehicle',
        entityId: id,
        changes,
      })
    })
    return getVehicle(actor, id)
  }

  async function deleteVehicle(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'fieldStaff.manage')
    await db.transaction().execute(async (trx) => {
      const b = await loadVehicle(trx, actor, id, true)
      await repo.deleteOwner(trx, actor.orgId, 'vehicle', id).catch((err: unknown) => {
        if (typeof err === 'object' && err && 'code' in err && err.code === '23503')
          throw new AppError(
            'CONFLICT',
            `El vehículo ${b.plate} figura en documentos de campo; márcalo como inactivo en lugar de eliminarlo`,
          )
        throw err
      })
      await writeAudit(trx, actor, {
        action: 'vehicle.deleted',
        module: MODULE,
        entityType: 'vehicle',
        entityId: id,
        changes: diffFields({ plate: b.plate }, { plate: null }),
      })
    })
  }

  return { listVehicles, exportVehicles, getVehicle, createVehicle, updateVehicle, deleteVehicle }
}
