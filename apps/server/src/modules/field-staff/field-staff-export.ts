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
import type { SheetColumn } from '../../platform/spreadsheet/spreadsheet'
import { classifyExpiry, daysLeft } from './compliance-rules'
import type { FieldStaffContext } from './field-staff.context'
import * as repo from './field-staff.repository'
import { ownerSummary } from './owner-lifecycle'

/**
 * The exports of the field-staff module — technicians, vehicles and the compliance report — run as jobs
 * (docs/jobs.md): the ids in the list's order on the organization's day, then one query per 1,000 records
 * (each list's own columns with the document summary), streamed into the file; what the lists show, in
 * Spanish.
 */

export const FIELD_STAFF_EXPORT_JOBS = {
  staff: 'field-staff.export-staff',
  vehicles: 'field-staff.export-vehicles',
  compliance: 'field-staff.export-compliance',
} as const

export const STATUS_ES: Record<TComplianceStatus, string> = {
  expired: 'Vencido',
  due10: 'Vence en ≤ 10 días',
  due30: 'Vence en ≤ 30 días',
  ok: 'Vigente',
}
const statusOf = (s: TComplianceStatus | null) => (s ? STATUS_ES[s] : 'Sin documentos')

const STAFF_COLUMNS: SheetColumn[] = [
  { header: 'Apellidos', key: 'lastNames', width: 24 },
  { header: 'Nombres', key: 'firstNames', width: 24 },
  { header: 'Cédula', key: 'cedula', width: 12 },
  { header: 'Teléfono', key: 'phone', width: 14 },
  { header: 'Correo', key: 'email', width: 28 },
  { header: 'Activo', key: 'active', width: 8 },
  { header: 'Estado', key: 'status', width: 18 },
  { header: 'Próximo vencimiento', key: 'nextExpiry', width: 14 },
  { header: 'Documentos', key: 'documentCount', type: 'number', width: 10 },
]

const staffRow = (r: repo.StaffRow, day: string): Record<string, unknown> => {
  const o = ownerSummary(r, day)
  return {
    lastNames: r.last_names,
    firstNames: r.first_names,
    cedula: r.cedula,
    phone: r.phone,
    email: r.email,
    active: o.active ? 'Sí' : 'No',
    status: statusOf(o.status),
    nextExpiry: toDayMonthYear(o.nextExpiry),
    documentCount: o.documentCount,
  }
}

const VEHICLE_COLUMNS: SheetColumn[] = [
  { header: 'Placa', key: 'plate', width: 12 },
  { header: 'Marca', key: 'brand', width: 18 },
  { header: 'Modelo', key: 'model', width: 18 },
  { header: 'Año', key: 'year', type: 'number', width: 8 },
  { header: 'Activo', key: 'active', width: 8 },
  { header: 'Estado', key: 'status', width: 18 },
  { header: 'Próximo vencimiento', key: 'nextExpiry', width: 14 },
  { header: 'Documentos', key: 'documentCount', type: 'number', width: 10 },
]

const vehicleRow = (r: repo.VehicleRow, day: string): Record<string, unknown> => {
  const o = ownerSummary(r, day)
  return {
    plate: r.plate,
    brand: r.brand,
    model: r.model,
    year: r.year,
    active: o.active ? 'Sí' : 'No',
    status: statusOf(o.status),
    nextExpiry: toDayMonthYear(o.nextExpiry),
    documentCount: o.documentCount,
  }
}

const COMPLIANCE_COLUMNS: SheetColumn[] = [
  { header: 'Tipo', key: 'ownerKind', width: 10 },
  { header: 'Técnico / vehículo', key: 'ownerName', width: 30 },
  { header: 'Documento', key: 'kindName', width: 26 },
  { header: 'Detalle', key: 'subject', width: 20 },
  { header: 'Número', key: 'number', width: 16 },
  { header: 'Vence', key: 'expiresOn', width: 12 },
  { header: 'Días', key: 'daysLeft', type: 'number', width: 8 },
  { header: 'Estado', key: 'status', width: 18 },
]

const complianceRow = (r: repo.ReportRow, day: string): Record<string, unknown> => ({
  ownerKind: r.owner_kind === 'staff' ? 'Técnico' : 'Vehículo',
  ownerName: r.owner_name,
  kindName: r.kind_name,
  subject: r.subject,
  number: r.number,
  expiresOn: toDayMonthYear(r.expires_on),
  daysLeft: daysLeft(r.expires_on, day),
  status: STATUS_ES[classifyExpiry(r.expires_on, day)],
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
      return exportList(job, {
        sheet: 'Técnicos',
        columns: STAFF_COLUMNS,
        fileName: 'tecnicos.xlsx',
        ids: await repo.listStaffIds(db, orgId, f, day),
        rows: async (ids) => byId(await repo.listStaffByIds(db, orgId, ids), (r) => staffRow(r, day)),
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
      return exportList(job, {
        sheet: 'Vehículos',
        columns: VEHICLE_COLUMNS,
        fileName: 'vehiculos.xlsx',
        ids: await repo.listVehicleIds(db, orgId, f, day),
        rows: async (ids) => byId(await repo.listVehiclesByIds(db, orgId, ids), (r) => vehicleRow(r, day)),
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
      return exportList(job, {
        sheet: 'Vencimientos',
        columns: COMPLIANCE_COLUMNS,
        fileName: 'vencimientos.xlsx',
        ids: await repo.listReportIds(db, orgId, f, day),
        rows: async (ids) =>
          new Map(
            (await repo.listReportByIds(db, orgId, ids)).map((r) => [r.document_id, complianceRow(r, day)]),
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
