import type {
  TRentalAssignment,
  TRentalClient,
  TRentalEquipment,
  TRentalEquipmentKind,
  TRentalEquipmentType,
  TRentalFrequency,
  TRentalProject,
} from '@faena/contracts'
import { normaliseRates, type Frequency, type RateEntry } from '../rental-billing'
import { engineFrequency } from './assignment-rules'
import type * as repo from './rental-projects.repository'
import { rucKind } from './ruc'

/** Database rows → API records (and the read model other modules get through index.ts). */

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString())

export const toClient = (r: repo.ClientRow): TRentalClient => ({
  id: r.id,
  name: r.name,
  taxId: r.tax_id,
  taxIdKind: rucKind(r.tax_id),
  email: r.email,
  phone: r.phone,
  address: r.address,
  contacts: (r.contacts ?? []).map((c) => ({
    name: c.name,
    position: c.position ?? null,
    phone: c.phone ?? null,
    email: c.email ?? null,
  })),
  notes: r.notes,
  projectCount: Number(r.project_count ?? 0),
  openProjectCount: Number(r.open_project_count ?? 0),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
})

export const toProject = (r: repo.ProjectRow): TRentalProject => ({
  id: r.id,
  client: { id: r.client_id, name: r.client_name, taxId: r.client_tax_id },
  name: r.name,
  location: r.location,
  cardinalPoint: r.cardinal_point,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  startDate: r.start_date,
  endDate: r.end_date,
  closed: r.closed,
  closedOn: r.closed_on,
  notes: r.notes,
  activeEquipment: Number(r.active_equipment ?? 0),
  activeServices: Number(r.active_services ?? 0),
  assignmentCount: Number(r.assignment_count ?? 0),
  dailyRental: r.daily_rental ?? '0.00',
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
})

export const toEquipment = (r: repo.EquipmentRow): TRentalEquipment => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  type: r.type,
  brand: r.brand,
  model: r.model,
  serialNumber: r.serial_number,
  condition: r.condition,
  availability: r.availability,
  currentProject:
    r.current_project_id && r.project_name
      ? {
          id: r.current_project_id,
          name: r.project_name,
          location: r.project_location ?? null,
          clientName: r.project_client_name ?? '',
        }
      : null,
  location: r.location,
  reviewNote: r.review_note,
  notes: r.notes,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
})

export const toAssignment = (r: repo.AssignmentRow, deletable: boolean): TRentalAssignment => ({
  id: r.id,
  projectId: r.project_id,
  kind: r.kind,
  equipmentId: r.equipment_id,
  equipment: {
    id: r.equipment_id,
    code: r.equipment_code,
    name: r.equipment_name,
    kind: r.kind,
    type: r.equipment_type,
  },
  dailyRate: r.daily_rate,
  rates: normaliseRates(r.rate_history, r.daily_rate),
  description: r.description,
  frequency: r.frequency,
  weekdays: r.frequency === 'weekdays' ? r.frequency_days : [],
  monthdays: r.frequency === 'monthdays' ? r.frequency_days : [],
  operationStart: r.operation_start,
  operationEnd: r.operation_end,
  linkedEquipment:
    r.linked_equipment_id && r.linked_code
      ? {
          id: r.linked_equipment_id,
          code: r.linked_code,
          name: r.linked_name ?? '',
          kind: r.linked_kind ?? 'equipment',
          type: r.linked_type ?? null,
        }
      : null,
  status: r.retired_on ? 'retired' : 'active',
  retiredOn: r.retired_on,
  retirementReason: r.retirement_reason,
  notes: r.notes,
  deletable,
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
})

/**
 * An assignment as the other rental modules read it (billing sheets, field documents): plain data with
 * the billing engine's frequency and the version that invalidates billing day edits.
 */
export type RentalAssignmentInfo = {
  id: string
  projectId: string
  kind: TRentalEquipmentKind
  /** the catalog item assigned: the physical unit for equipment, the service item for a service */
  equipmentId: string
  equipmentCode: string
  equipmentName: string
  equipmentType: TRentalEquipmentType | null
  /** a service's linked physical equipment */
  linkedEquipmentId: string | null
  linkedEquipmentCode: string | null
  linkedEquipmentName: string | null
  /** price per day (equipment) or per service day (service), two decimals: the latest of `rates` */
  dailyRate: string
  /** the rate history, first entry (`from` null) from the operation start (docs/rental-projects.md#rate-history) */
  rates: RateEntry[]
  description: string
  frequencyKind: TRentalFrequency
  /** weekdays (0 = Monday … 6 = Sunday) or month days (1..31); empty for daily */
  frequencyDays: number[]
  frequency: Frequency
  operationStart: string
  operationEnd: string | null
  retiredOn: string | null
  retirementReason: string | null
  /** grows on every change of the assignment */
  version: number
  updatedAt: string
}

export const toAssignmentInfo = (r: repo.AssignmentRow): RentalAssignmentInfo => ({
  id: r.id,
  projectId: r.project_id,
  kind: r.kind,
  equipmentId: r.equipment_id,
  equipmentCode: r.equipment_code,
  equipmentName: r.equipment_name,
  equipmentType: r.equipment_type,
  linkedEquipmentId: r.linked_equipment_id,
  linkedEquipmentCode: r.linked_code ?? null,
  linkedEquipmentName: r.linked_name ?? null,
  dailyRate: r.daily_rate,
  rates: normaliseRates(r.rate_history, r.daily_rate),
  description: r.description,
  frequencyKind: r.frequency,
  frequencyDays: [...r.frequency_days],
  frequency: engineFrequency(r.frequency, r.frequency_days),
  operationStart: r.operation_start,
  operationEnd: r.operation_end,
  retiredOn: r.retired_on,
  retirementReason: r.retirement_reason,
  version: r.version,
  updatedAt: iso(r.updated_at),
})

/** A rate history as one readable audit value: `50.00; 60.00 desde 2026-12-15`. */
const ratesText = (rates: readonly RateEntry[]) =>
  rates.map((x) => (x.from ? `${x.dailyRate} desde ${x.from}` : x.dailyRate)).join('; ')

/** The audit snapshot of an assignment (API field names). */
export const assignmentSnapshot = (r: {
  daily_rate: string
  rate_history?: readonly RateEntry[] | null
  description: string
  frequency: string
  frequency_days: number[]
  operation_start: string
  operation_end: string | null
  linked_equipment_id: string | null
  retired_on: string | null
  retirement_reason: string | null
  notes: string | null
}) => ({
  dailyRate: r.daily_rate,
  rates: ratesText(normaliseRates(r.rate_history, r.daily_rate)),
  description: r.description,
  frequency: r.frequency,
  frequencyDays: r.frequency_days,
  operationStart: r.operation_start,
  operationEnd: r.operation_end,
  linkedEquipmentId: r.linked_equipment_id,
  retiredOn: r.retired_on,
  retirementReason: r.retirement_reason,
  notes: r.notes,
})
