import type { Executor } from '../../platform/db/executor'
import { keepOr } from './field-document-context'
import type { FieldStaffPort } from './rental-documents.ports'

/**
 * The links of a field document to the field staff and the vehicles (docs/field-staff.md#use-on-documents),
 * one implementation for the three types: a shipping guide's and a custody chain's driver and vehicle, a
 * maintenance sheet's technician. The link kept is the request's (`null` unlinks) or the stored one; whenever
 * a document is created or changed the links it keeps are checked on its activity date through field-staff's
 * port (an inactive person, an expired licence or registration → 400 naming the field).
 */

/** One link of a change: its request field, what the request says (`undefined`: left out) and what is stored. */
export type LinkInput = { field: string; input: string | null | undefined; before: string | null | undefined }

export type ResolvedLinks = {
  driverStaffId: string | null
  vehicleId: string | null
  /** the person chosen by this request (null when the link did not change): fills the free text left out */
  newDriver: { name: string; cedula: string } | null
  /** the vehicle chosen by this request */
  newVehicle: { plate: string } | null
}

const kept = (l: LinkInput | undefined) => (l ? (l.input !== undefined ? l.input : (l.before ?? null)) : null)
const changed = (l: LinkInput | undefined) => !!l?.input && l.input !== l.before

/**
 * Resolves and checks a document's links on `date`. `needsLicence`: the person drives (guides, chains); a
 * maintenance sheet's technician only has to be an active technician of the organization.
 */
export async function resolveFieldLinks(
  port: FieldStaffPort,
  trx: Executor,
  orgId: string,
  p: { date: string; person?: LinkInput; needsLicence: boolean; vehicle?: LinkInput },
): Promise<ResolvedLinks> {
  const driverStaffId = kept(p.person)
  const vehicleId = kept(p.vehicle)
  const checked =
    driverStaffId || vehicleId
      ? await port.checkFieldAssignment(trx, orgId, {
          date: p.date,
          driver:
            driverStaffId && p.person
              ? { staffId: driverStaffId, field: p.person.field, needsLicence: p.needsLicence }
              : null,
          vehicle: vehicleId && p.vehicle ? { vehicleId, field: p.vehicle.field } : null,
        })
      : { driver: null, vehicle: null }
  return {
    driverStaffId,
    vehicleId,
    newDriver: changed(p.person) ? checked.driver : null,
    newVehicle: changed(p.vehicle) ? checked.vehicle : null,
  }
}

/**
 * A free-text field next to a link: what the request says; when the request leaves it out and a link was
 * chosen now, the linked value; else what was stored (the text is kept as printed, for history).
 */
export const linkedText = (
  input: string | null | undefined,
  fromLink: string | null | undefined,
  before: string | null | undefined,
): string | null => (input === undefined && fromLink ? fromLink : keepOr(input, before))
