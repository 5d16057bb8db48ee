import type { TOffshoreDashboard, TRentalDashboard } from '@faena/contracts'
import { proposalStatusEs } from '../proposals'
import { billingSheetStatusEs } from '../rental-billing'
import { equipmentAvailabilityEs, equipmentConditionEs } from '../rental-projects'
import { workOrderStatusEs } from '../work-orders'

/**
 * A dashboard as a report (docs/insights.md#e-mailing-a-dashboard): sections of rows, each with the figure its
 * chart draws. Pure: the workbook and the PDF are drawn from it (dashboard-report-files.ts).
 */
export type ReportCell = string | number | null
export type ReportColumn = { key: string; header: string; type?: 'number' | 'money' }
export type ReportSection = {
  title: string
  columns: ReportColumn[]
  rows: Record<string, ReportCell>[]
  /** bars: one per row, the label and value columns it draws */
  chart?: { label: string; value: string }
}
export type Report = { title: string; subtitle: string; sections: ReportSection[] }

// the names the owning modules give in their own exports
const PROPOSAL_STATUS: Record<string, string> = proposalStatusEs
const WORK_ORDER_STATUS: Record<string, string> = workOrderStatusEs
const SHEET_STATUS: Record<string, string> = billingSheetStatusEs
const AVAILABILITY: Record<string, string> = equipmentAvailabilityEs
const CONDITION: Record<string, string> = equipmentConditionEs
const label = (map: Record<string, string>, key: string) => map[key] ?? key

export function offshoreReport(d: TOffshoreDashboard, filters: string): Report {
  return {
    title: 'Tablero costa afuera',
    subtitle: `Al ${d.today}${filters ? ` · ${filters}` : ''}`,
    sections: [
      {
        title: `Propuestas por estatus (${d.proposals.total}; vencidas: ${d.proposals.overdue})`,
        columns: [
          { key: 'status', header: 'Estatus' },
          { key: 'count', header: 'Propuestas', type: 'number' },
        ],
        rows: d.proposals.byStatus.map((s) => ({ status: label(PROPOSAL_STATUS, s.status), count: s.count })),
        chart: { label: 'status', value: 'count' },
      },
      {
        title: 'Propuestas por cliente',
        columns: [
          { key: 'client', header: 'Cliente' },
          { key: 'total', header: 'Propuestas', type: 'number' },
        ],
        rows: d.proposals.byClient.map((c) => ({ client: c.clientName, total: c.total })),
        chart: { label: 'client', value: 'total' },
      },
      {
        title: `Órdenes de trabajo por estatus (${d.workOrders.total}; vencidas: ${d.workOrders.overdue})`,
        columns: [
          { key: 'status', header: 'Estatus' },
          { key: 'count', header: 'Órdenes', type: 'number' },
        ],
        rows: d.workOrders.byStatus.map((s) => ({
          status: label(WORK_ORDER_STATUS, s.status),
          count: s.count,
        })),
        chart: { label: 'status', value: 'count' },
      },
      {
        title: 'Órdenes de trabajo por frente',
        columns: [
          { key: 'front', header: 'Frente' },
          { key: 'count', header: 'Órdenes', type: 'number' },
          { key: 'overdue', header: 'Vencidas', type: 'number' },
        ],
        rows: d.workOrders.byFront.map((f) => ({
          front: f.frontName ?? 'Sin frente',
          count: f.count,
          overdue: f.overdue,
        })),
        chart: { label: 'front', value: 'count' },
      },
      {
        title: `Monto autorizado por mes (total MXN ${d.authorized.total.mxn}, USD ${d.authorized.total.usd})`,
        columns: [
          { key: 'month', header: 'Mes' },
          { key: 'mxn', header: 'MXN', type: 'money' },
          { key: 'usd', header: 'USD', type: 'money' },
          { key: 'workOrders', header: 'Órdenes', type: 'number' },
        ],
        rows: d.authorized.byMonth.map((m) => ({
          month: m.month ?? 'Sin fecha programada',
          mxn: m.mxn,
          usd: m.usd,
          workOrders: m.workOrders,
        })),
        chart: { label: 'month', value: 'mxn' },
      },
      {
        title: `Monto ejecutado por mes (total MXN ${d.production.executed.mxn}, USD ${d.production.executed.usd}; por ejecutar MXN ${d.production.remaining.mxn}, USD ${d.production.remaining.usd} al ${d.production.remaining.asOf})`,
        columns: [
          { key: 'month', header: 'Mes' },
          { key: 'mxn', header: 'MXN', type: 'money' },
          { key: 'usd', header: 'USD', type: 'money' },
          { key: 'homologated', header: 'Homologado MXN', type: 'money' },
          { key: 'rate', header: 'Tipo de cambio' },
        ],
        rows: d.production.executedByMonth.map((m) => ({
          month: m.month,
          mxn: m.mxn,
          usd: m.usd,
          homologated: m.homologatedMxn,
          rate: m.rate ?? 'sin tipo de cambio',
        })),
        chart: { label: 'month', value: 'mxn' },
      },
      {
        title: `Producción por OT (sin estimar: ${d.production.unbilled.cells} celdas; evidencias firmadas ${d.production.evidence.signed} de ${d.production.evidence.needed})`,
        columns: [
          { key: 'workOrder', header: 'OT' },
          { key: 'executedMxn', header: 'Ejecutado MXN', type: 'money' },
          { key: 'executedUsd', header: 'Ejecutado USD', type: 'money' },
          { key: 'unbilledMxn', header: 'Sin estimar MXN', type: 'money' },
          { key: 'unbilledUsd', header: 'Sin estimar USD', type: 'money' },
          { key: 'evidenceSigned', header: 'Evidencias firmadas', type: 'number' },
          { key: 'evidenceNeeded', header: 'Evidencias requeridas', type: 'number' },
        ],
        rows: d.production.byWorkOrder.map((w) => ({
          workOrder: w.number,
          executedMxn: w.executedMxn,
          executedUsd: w.executedUsd,
          unbilledMxn: w.unbilledMxn,
          unbilledUsd: w.unbilledUsd,
          evidenceSigned: w.evidenceSigned,
          evidenceNeeded: w.evidenceNeeded,
        })),
      },
    ],
  }
}

export function rentalReport(d: TRentalDashboard, filters: string): Report {
  const amountRows = (amounts: { currency: string; subtotal: string; total: string }[]) =>
    amounts.map((a) => `${a.currency} ${a.subtotal}`).join(' · ') || '—'
  const u = d.equipment.utilization
  return {
    title: 'Tablero de alquiler',
    subtitle: `Al ${d.today}${filters ? ` · ${filters}` : ''}`,
    sections: [
      {
        title: `Equipos por disponibilidad (flota: ${d.equipment.fleet}; listos para alquilar: ${d.equipment.readyToRent})`,
        columns: [
          { key: 'availability', header: 'Disponibilidad' },
          { key: 'count', header: 'Equipos', type: 'number' },
        ],
        rows: d.equipment.byAvailability.map((a) => ({
          availability: label(AVAILABILITY, a.availability),
          count: a.count,
        })),
        chart: { label: 'availability', value: 'count' },
      },
      {
        title: 'Equipos por condición',
        columns: [
          { key: 'condition', header: 'Condición' },
          { key: 'count', header: 'Equipos', type: 'number' },
        ],
        rows: d.equipment.byCondition.map((c) => ({
          condition: label(CONDITION, c.condition),
          count: c.count,
        })),
        chart: { label: 'condition', value: 'count' },
      },
      {
        title: `Utilización ${u.from} — ${u.to}: ${u.percent === null ? 'sin flota' : `${u.percent} %`}`,
        columns: [
          { key: 'equipmentDays', header: 'Días-equipo en sitio', type: 'number' },
          { key: 'capacityDays', header: 'Días-equipo posibles', type: 'number' },
          { key: 'percent', header: 'Utilización (%)' },
        ],
        rows: [{ equipmentDays: u.equipmentDays, capacityDays: u.capacityDays, percent: u.percent }],
      },
      {
        title: 'Planillas por estatus',
        columns: [
          { key: 'status', header: 'Estatus' },
          { key: 'count', header: 'Planillas', type: 'number' },
          { key: 'amounts', header: 'Subtotal' },
        ],
        rows: d.sheets.byStatus.map((s) => ({
          status: label(SHEET_STATUS, s.status),
          count: s.count,
          amounts: amountRows(s.amounts),
        })),
        chart: { label: 'status', value: 'count' },
      },
      {
        title: 'Ingresos por mes (liquidadas y facturadas)',
        columns: [
          { key: 'month', header: 'Mes' },
          { key: 'currency', header: 'Moneda' },
          { key: 'subtotal', header: 'Subtotal', type: 'money' },
          { key: 'total', header: 'Total con IVA', type: 'money' },
        ],
        rows: d.revenueByMonth.flatMap((m) =>
          m.amounts.map((a) => ({
            month: m.month,
            currency: a.currency,
            subtotal: a.subtotal,
            total: a.total,
          })),
        ),
        chart: { label: 'month', value: 'subtotal' },
      },
      {
        title: 'Ingresos por cliente',
        columns: [
          { key: 'client', header: 'Cliente' },
          { key: 'currency', header: 'Moneda' },
          { key: 'subtotal', header: 'Subtotal', type: 'money' },
          { key: 'total', header: 'Total con IVA', type: 'money' },
        ],
        rows: d.revenueByClient.flatMap((c) =>
          c.amounts.map((a) => ({
            client: c.clientName,
            currency: a.currency,
            subtotal: a.subtotal,
            total: a.total,
          })),
        ),
        chart: { label: 'client', value: 'subtotal' },
      },
    ],
  }
}

/** The bars of a section: label and value per row (values as numbers for drawing only), largest first cut at `max`. */
export function chartBars(section: ReportSection, max = 12): { label: string; value: number }[] {
  if (!section.chart) return []
  const { label: l, value: v } = section.chart
  return section.rows
    .map((r) => ({ label: String(r[l] ?? '—'), value: Number(r[v] ?? 0) }))
    .filter((b) => Number.isFinite(b.value))
    .slice(0, max)
}
