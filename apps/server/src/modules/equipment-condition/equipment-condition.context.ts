import type { TRentalEquipment } from '@faena/contracts'
import { isSystemActor, type Actor } from '../../platform/access'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import type { JobsService } from '../../platform/jobs'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { createOrgToday } from '../../platform/tenancy/today'
import { conditionMessages as M } from './equipment-condition.messages'

/** What the module reads of the equipment catalog (rental-projects' index.ts, handed over by services.ts). */
export type EquipmentPort = {
  listEquipmentUnits: (trx: Executor, orgId: string) => Promise<TRentalEquipment[]>
  getEquipment: (trx: Executor, orgId: string, ids: readonly string[]) => Promise<TRentalEquipment[]>
}
/** A technician of the field staff as inspector (field-staff's index.ts): 4xx naming `field` when unknown or inactive. */
export type TechnicianPort = {
  checkFieldAssignment: (
    trx: Executor,
    orgId: string,
    p: { date: string; driver: { staffId: string; field: string; needsLicence: boolean } },
  ) => Promise<{ driver: { name: string; cedula: string } | null }>
}

export type EquipmentConditionDeps = {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
  equipment: EquipmentPort
  fieldStaff: TechnicianPort
  jobs: Pick<JobsService, 'define'>
}

export const MODULE = 'equipment-condition'

export const orNull = (v: string | null | undefined): string | null =>
  v === undefined || v === '' ? null : v

export function createEquipmentConditionContext(deps: EquipmentConditionDeps) {
  const { db, clock, timeZoneOf } = deps
  const today = createOrgToday(clock, timeZoneOf)
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  async function requireRentalLine(actor: Actor) {
    const org = await findOrganizationById(db, actor.orgId)
    if (!org?.linesOfBusiness.includes('rental')) {
      throw new AppError('FORBIDDEN', M.notRentalLine(), {
        lineOfBusiness: 'rental',
      })
    }
  }

  /** A physical unit of the organization, or 404 (services have no condition). */
  async function loadUnit(trx: Executor, orgId: string, id: string): Promise<TRentalEquipment> {
    const [unit] = await deps.equipment.getEquipment(trx, orgId, [id])
    if (!unit) throw new AppError('NOT_FOUND', M.equipmentNotFound())
    if (unit.kind !== 'equipment')
      throw new AppError('INVALID_STATE', M.serviceHasNoStatus(), { kind: unit.kind })
    return unit
  }

  async function orgForPdf(orgId: string) {
    const org = await findOrganizationById(db, orgId)
    return { name: org?.name ?? '', timeZone: org?.timeZone ?? 'America/Guayaquil' }
  }

  return { ...deps, today, userId, requireRentalLine, loadUnit, orgForPdf }
}
export type EquipmentConditionContext = ReturnType<typeof createEquipmentConditionContext>
