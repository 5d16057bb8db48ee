import {
  ZComplianceExportRequest,
  ZFieldStaffExportRequest,
  ZVehicleExportRequest,
  type TComplianceExportRequest,
  type TComplianceStatus,
  type TFieldStaffExportRequest,
  type TJobRun,
  type TVehicleExportRequest,
} from '@faena/contracts'
import { toDayMonthYear } from '@faena/domain/calendar-date'
import type { Actor } from '../../platform/access'
import { byId, exportList } from '../../platform/jobs/list-export'
import {
  columnsIn,
  langOf,
  pick,
  YES_NO,
  type LocalizedColumn,
  type Texts,
} from '../../platform/i18n/export-texts'
import type { Lang } from '../../platform/i18n/messages'
import { classifyExpiry, daysLeft } from './compliance-rules'
import type { FieldStaffContext } from './field-staff.context'
import * as repo from './field-staff.repository'
import { ownerSummary } from './owner-lifecycle'

/**
 * The exports of the field-staff module — technicians, vehicles and the compliance report — run as jobs
 * (docs/jobs.md): the ids in the list's order on the organization's day, then one query per 1,000 records
 * (each list's own columns with the document summary), streamed into the file; what the lists show, in the
 * requester's language.
 */

export const FIELD_STAFF_EXPORT_JOBS = {
  staff: 'field-staff.export-staff',
  vehicles: 'field-staff.export-vehicles',
  compliance: 'field-staff.export-compliance',
} as const

export const STATUS: Record<TComplianceStatus | 'none', Texts> = {
  expired: { es: 'Vencido', en: 'Expired' },
  due10: { es: 'Vence en ≤ 10 días', en: 'Expires in ≤ 10 days' },
  due30: { es: 'Vence en ≤ 30 días', en: 'Expires in ≤ 30 days' },
  ok: { es: 'Vigente', en: 'Valid' },
  none: { es: 'Sin documentos', en: 'No documents' },
}
const OWNER: Record<'staff' | 'vehicle', Texts> = {
  staff: { es: 'Técnico', en: 'Technician' },
  vehicle: { es: 'Vehículo', en: 'Vehicle' },
}
const FILES = {
  staff: { es: 'Técnicos', en: 'Technicians' },
  staffFile: { es: 'tecnicos.xlsx', en: 'technicians.xlsx' },
  vehicles: { es: 'Vehículos', en: 'Vehicles' },
  vehiclesFile: { es: 'vehiculos.xlsx', en: 'vehicles.xlsx' },
  compliance: { es: 'Vencimientos', en: 'Expiries' },
  complianceFile: { es: 'vencimientos.xlsx', en: 'expiries.xlsx' },
} satisfies Record<string, Texts>
const statusOf = (s: TComplianceStatus | null, lang: Lang) => STATUS[s ?? 'none'][lang]
const yesNo = (b: boolean, lang: Lang) => YES_NO[b ? 'yes' : 'no'][lang]

const STAFF_COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Apellidos', en: 'Last names' }, key: 'lastNames', width: 24 },
  { header: { es: 'Nombres', en: 'First names' }, key: 'firstNames', width: 24 },
  { header: { es: 'Cédula', en: 'Cédula' }, key: 'cedula', width: 12 },
  { header: { es: 'Teléfono', en: 'Phone' }, key: 'phone', width: 14 },
  { header: { es: 'Correo', en: 'Email' }, key: 'email', width: 28 },
  { header: { es: 'Activo', en: 'Active' }, key: 'active', width: 8 },
  { header: { es: 'Estado', en: 'Status' }, key: 'status', width: 18 },
  { header: { es: 'Próximo vencimiento', en: 'Next expiry' }, key: 'nextExpiry', width: 14 },
  { header: { es: 'Documentos', en: 'Documents' }, key: 'documentCount', type: 'number', width: 10 },
]

const staffRow = (r: repo.StaffRow, day: string, lang: Lang): Record<string, unknown> => {
  const o = ownerSummary(r, day)
  return {
    lastNames: r.last_names,
    firstNames: r.first_names,
    cedula: r.cedula,
    phone: r.phone,
    email: r.email,
    active: yesNo(o.active, lang),
    status: statusOf(o.status, lang),
    nextExpiry: toDayMonthYear(o.nextExpiry),
    documentCount: o.documentCount,
  }
}

const VEHICLE_COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Placa', en: 'Plate' }, key: 'plate', width: 12 },
  { header: { es: 'Marca', en: 'Brand' }, key: 'brand', width: 18 },
  { header: { es: 'Modelo', en: 'Model' }, key: 'model', width: 18 },
  { header: { es: 'Año', en: 'Year' }, key: 'year', type: 'number', width: 8 },
  { header: { es: 'Activo', en: 'Active' }, key: 'active', width: 8 },
  { header: { es: 'Estado', en: 'Status' }, key: 'status', width: 18 },
  { header: { es: 'Próximo vencimiento', en: 'Next expiry' }, key: 'nextExpiry', width: 14 },
  { header: { es: 'Documentos', en: 'Documents' }, key: 'documentCount', type: 'number', width: 10 },
]

const vehicleRow = (r: repo.VehicleRow, day: string, lang: Lang): Record<string, unknown> => {
  const o = ownerSummary(r, day)
  return {
    plate: r.plate,
    brand: r.brand,
    model: r.model,
    year: r.year,
    active: yesNo(o.active, lang),
    status: statusOf(o.status, lang),
    nextExpiry: toDayMonthYear(o.nextExpiry),
    documentCount: o.documentCount,
  }
}

const COMPLIANCE_COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Tipo', en: 'Type' }, key: 'ownerKind', width: 10 },
  { header: { es: 'Técnico / vehículo', en: 'Technician / vehicle' }, key: 'ownerName', width: 30 },
  { header: { es: 'Documento', en: 'Document' }, key: 'kindName', width: 26 },
  { header: { es: 'Detalle', en: 'Detail' }, key: 'subject', width: 20 },
  { header: { es: 'Número', en: 'Number' }, key: 'number', width: 16 },
  { header: { es: 'Vence', en: 'Expires' }, key: 'expiresOn', width: 12 },
  { header: { es: 'Días', en: 'Days' }, key: 'daysLeft', type: 'number', width: 8 },
  { header: { es: 'Estado', en: 'Status' }, key: 'status', width: 18 },
]

const complianceRow = (r: repo.ReportRow, day: string, lang: Lang): Record<string, unknown> => ({
  ownerKind: OWNER[r.owner_kind === 'staff' ? 'staff' : 'vehicle'][lang],
  ownerName: r.owner_name,
  kindName: r.kind_name,
  subject: r.subject,
  number: r.number,
  expiresOn: toDayMonthYear(r.expires_on),
  daysLeft: daysLeft(r.expires_on, day),
  status: STATUS[classifyExpiry(r.expires_on, day)][lang],
})

export function createFieldStaffExports(ctx: FieldStaffContext) {
  const { db, jobs, today } = ctx
  const staff = jobs.define<TFieldStaffExportRequest>({
    kind: FIELD_STAFF_EXPORT_JOBS.staff,
    permission: 'fieldStaff.read',
    payload: ZFieldStaffExportRequest,
    run: async (job, f) => {
      const orgId = job.actor.orgId
      const day = await today(orgId)
      const lang = langOf(job.actor)
      return exportList(job, {
        sheet: pick(FILES.staff, lang),
        columns: columnsIn(STAFF_COLUMNS, lang),
        fileName: pick(FILES.staffFile, lang),
        ids: await repo.listStaffIds(db, orgId, f, day),
        rows: async (ids) => byId(await repo.listStaffByIds(db, orgId, ids), (r) => staffRow(r, day, lang)),
      })
    },
  })
  const vehicles = jobs.define<TVehicleExportRequest>({
    kind: FIELD_STAFF_EXPORT_JOBS.vehicles,
    permission: 'fieldStaff.read',
    payload: ZVehicleExportRequest,
    run: async (job, f) => {
      const orgId = job.actor.orgId
      const day = await today(orgId)
      const lang = langOf(job.actor)
      return exportList(job, {
        sheet: pick(FILES.vehicles, lang),
        columns: columnsIn(VEHICLE_COLUMNS, lang),
        fileName: pick(FILES.vehiclesFile, lang),
        ids: await repo.listVehicleIds(db, orgId, f, day),
        rows: async (ids) =>
          byId(await repo.listVehiclesByIds(db, orgId, ids), (r) => vehicleRow(r, day, lang)),
      })
    },
  })
  const compliance = jobs.define<TComplianceExportRequest>({
    kind: FIELD_STAFF_EXPORT_JOBS.compliance,
    permission: 'fieldStaff.read',
    payload: ZComplianceExportRequest,
    run: async (job, f) => {
      const orgId = job.actor.orgId
      const day = await today(orgId)
      const lang = langOf(job.actor)
      return exportList(job, {
        sheet: pick(FILES.compliance, lang),
        columns: columnsIn(COMPLIANCE_COLUMNS, lang),
        fileName: pick(FILES.complianceFile, lang),
        ids: await repo.listReportIds(db, orgId, f, day),
        rows: async (ids) =>
          new Map(
            (await repo.listReportByIds(db, orgId, ids)).map((r) => [
              r.document_id,
              complianceRow(r, day, lang),
            ]),
          ),
      })
    },
  })
  /** Asked for on the rental line only (403 otherwise), like the lists. */
  const asked =
    <F>(handle: { request: (actor: Actor, f: F) => Promise<TJobRun> }) =>
    async (actor: Actor, f: F): Promise<TJobRun> => {
      await ctx.requireRentalLine(actor)
      return handle.request(actor, f)
    }
  return { exportStaff: asked(staff), exportVehicles: asked(vehicles), exportReport: asked(compliance) }
}
