import type { TComplianceReportRow, TComplianceStatus, TFieldStaff, TVehicle } from '@faena/contracts'
import { toDayMonthYear } from '@faena/domain/calendar-date'
import { writeWorkbook } from '../../platform/spreadsheet/spreadsheet'

/** The Excel exports of the field-staff module: what the lists show, in Spanish. */

export const STATUS_ES: Record<TComplianceStatus, string> = {
  expired: 'Vencido',
  due10: 'Vence en ≤ 10 días',
  due30: 'Vence en ≤ 30 días',
  ok: 'Vigente',
}
const statusOf = (s: TComplianceStatus | null) => (s ? STATUS_ES[s] : 'Sin documentos')

export function writeStaffWorkbook(items: TFieldStaff[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Técnicos',
      columns: [
        { header: 'Apellidos', key: 'lastNames', width: 24 },
        { header: 'Nombres', key: 'firstNames', width: 24 },
        { header: 'Cédula', key: 'cedula', width: 12 },
        { header: 'Teléfono', key: 'phone', width: 14 },
        { header: 'Correo', key: 'email', width: 28 },
        { header: 'Activo', key: 'active', width: 8 },
        { header: 'Estado', key: 'status', width: 18 },
        { header: 'Próximo vencimiento', key: 'nextExpiry', width: 14 },
        { header: 'Documentos', key: 'documentCount', type: 'number', width: 10 },
      ],
      rows: items.map((s) => ({
        ...s,
        active: s.active ? 'Sí' : 'No',
        status: statusOf(s.status),
        nextExpiry: toDayMonthYear(s.nextExpiry),
      })),
    },
  ])
}

export function writeVehiclesWorkbook(items: TVehicle[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Vehículos',
      columns: [
        { header: 'Placa', key: 'plate', width: 12 },
        { header: 'Marca', key: 'brand', width: 18 },
        { header: 'Modelo', key: 'model', width: 18 },
        { header: 'Año', key: 'year', type: 'number', width: 8 },
        { header: 'Activo', key: 'active', width: 8 },
        { header: 'Estado', key: 'status', width: 18 },
        { header: 'Próximo vencimiento', key: 'nextExpiry', width: 14 },
        { header: 'Documentos', key: 'documentCount', type: 'number', width: 10 },
      ],
      rows: items.map((v) => ({
        ...v,
        active: v.active ? 'Sí' : 'No',
        status: statusOf(v.status),
        nextExpiry: toDayMonthYear(v.nextExpiry),
      })),
    },
  ])
}

export function writeComplianceWorkbook(items: TComplianceReportRow[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Vencimientos',
      columns: [
        { header: 'Tipo', key: 'ownerKind', width: 10 },
        { header: 'Técnico / vehículo', key: 'ownerName', width: 30 },
        { header: 'Documento', key: 'kindName', width: 26 },
        { header: 'Detalle', key: 'subject', width: 20 },
        { header: 'Número', key: 'number', width: 16 },
        { header: 'Vence', key: 'expiresOn', width: 12 },
        { header: 'Días', key: 'daysLeft', type: 'number', width: 8 },
        { header: 'Estado', key: 'status', width: 18 },
      ],
      rows: items.map((r) => ({
        ...r,
        ownerKind: r.ownerKind === 'staff' ? 'Técnico' : 'Vehículo',
        expiresOn: toDayMonthYear(r.expiresOn),
        status: STATUS_ES[r.status],
      })),
    },
  ])
}
