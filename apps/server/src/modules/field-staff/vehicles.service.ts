import type {
  TVehicle,
  TVehicleDetail,
  TVehicleInput,
  TVehicleListQuery,
  TVehiclePatch,
} from '@faena/contracts'
import type { Actor } from '../../platform/access'
import { diffFields } from '../../platform/audit/audit'
import { AppError, validationError, fieldError } from '../../platform/errors'
import { orNull, type FieldStaffContext } from './field-staff.context'
import * as repo from './field-staff.repository'
import { normalizePlate } from './identity'
import { createOwnerLifecycle, ownerSummary } from './owner-lifecycle'
import { staffMessages as M } from './field-staff.messages'

const snapshot = (v: repo.VehicleValues) => ({
  plate: v.plate,
  brand: v.brand,
  model: v.model,
  year: v.year,
  active: v.active,
  notes: v.notes,
})

/** Vehicles: list, read, create, update, delete (docs/field-staff.md). */
export function createVehicleUseCases(ctx: FieldStaffContext) {
  const { db } = ctx

  const owner = createOwnerLifecycle(ctx, {
    owner: 'vehicle',
    entityType: 'vehicle',
    action: 'vehicle',
    notFound: M.vehicleNotFound(),
    find: repo.findVehicle,
    insert: repo.insertVehicle,
    update: repo.updateVehicle,
    snapshot,
    key: (v: repo.VehicleValues) => v.plate,
    findByKey: repo.findVehicleByPlate,
    uniqueConstraint: 'vehicles_plate_uq',
    conflict: (plate) =>
      new AppError('CONFLICT', M.plateTaken({ plate }), [fieldError('plate', M.plateRegistered())]),
    inUse: (b) => M.vehicleInUse({ plate: b.plate }),
    deletedChanges: (b) => diffFields({ plate: b.plate }, { plate: null }),
  })

  const toVehicle = (r: repo.VehicleRow, day: string): TVehicle => ({
    id: r.id,
    plate: r.plate,
    brand: r.brand,
    model: r.model,
    year: r.year,
    ...ownerSummary(r, day),
  })

  function values(input: TVehicleInput): repo.VehicleValues {
    const plate = normalizePlate(input.plate)
    if (!plate) throw validationError(M.invalidPlate(), [fieldError('plate', M.plateFormat())])
    return {
      plate,
      brand: orNull(input.brand),
      model: orNull(input.model),
      year: input.year ?? null,
      active: input.active ?? true,
      notes: orNull(input.notes),
    }
  }

  const listVehicles = (actor: Actor, query: TVehicleListQuery) =>
    owner.list(actor, query, (orgId, q, day) => repo.listVehicles(db, orgId, q, day), toVehicle)

  const getVehicle = (actor: Actor, id: string): Promise<TVehicleDetail> =>
    owner.detail(actor, id, toVehicle, () => Promise.resolve({}))

  async function createVehicle(actor: Actor, input: TVehicleInput): Promise<TVehicleDetail> {
    return getVehicle(actor, await owner.create(actor, () => values(input)))
  }

  async function updateVehicle(actor: Actor, id: string, patch: TVehiclePatch): Promise<TVehicleDetail> {
    await owner.update(actor, id, (b) =>
      values({
        plate: patch.plate ?? b.plate,
        brand: patch.brand !== undefined ? patch.brand : b.brand,
        model: patch.model !== undefined ? patch.model : b.model,
        year: patch.year !== undefined ? patch.year : b.year,
        active: patch.active ?? b.active,
        notes: patch.notes !== undefined ? patch.notes : b.notes,
      }),
    )
    return getVehicle(actor, id)
  }

  const deleteVehicle = (actor: Actor, id: string): Promise<void> => owner.remove(actor, id)

  return { listVehicles, getVehicle, createVehicle, updateVehicle, deleteVehicle }
}
