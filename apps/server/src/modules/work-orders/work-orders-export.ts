import type { TWorkOrderSummary } from '@faena/contracts'
import { writeWorkbook } from '../../platform/spreadsheet/spreadsheet'

export const STATUS_ES: Record<TWorkOrderSummary['status'], string> = {
  assigned: 'Asignada',
  deferred: 'Diferida',
  deferred_not_started: 'Diferida sin iniciar',
  in_execution: 'En ejecución',
  suspended: 'Suspendida',
  finished: 'Terminada',
  to_cancel: 'Por cancelar',
  cancelled: 'Cancelada',
}
const TYPE_ES: Record<TWorkOrderSummary['type'], string> = {
  initial: 'Inicial',
  reprogramming: 'Reprogramación',
}

/** The filtered work-order list as a workbook: one row per work order, in the order of the list. */
export async function writeWorkOrdersWorkbook(items: TWorkOrderSummary[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Órdenes de trabajo',
      columns: [
        { header: 'Orden de trabajo', key: 'number', width: 28 },
        { header: 'Tipo', key: 'type', width: 15 },
        { header: 'Reprogramación', key: 'reprogrammingNumber', type: 'number', width: 9 },
        { header: 'Oficio', key: 'officialDocument', width: 22 },
        { header: 'Estatus', key: 'status', width: 18 },
        { header: 'Descripción', key: 'description', width: 50 },
        { header: 'PTE', key: 'proposal', width: 22 },
        { header: 'Cliente', key: 'client', width: 26 },
        { header: 'Responsable del cliente', key: 'clientRepresentative', width: 24 },
        { header: 'Responsable de proyecto', key: 'projectManager', width: 26 },
        { header: 'Frente', key: 'front', width: 12 },
        { header: 'Embarcación', key: 'vessel', width: 20 },
        { header: 'Plataforma', key: 'platform', width: 16 },
        { header: 'Patio', key: 'yard', width: 20 },
        { header: 'Interconexión', key: 'interconnection', width: 24 },
        { header: 'Plazo (días)', key: 'durationDays', type: 'number', width: 10 },
        { header: 'Inicio programado', key: 'plannedStart', type: 'date', width: 13 },
        { header: 'Término programado', key: 'plannedEnd', type: 'date', width: 13 },
        { header: 'Inicio real', key: 'actualStart', type: 'date', width: 13 },
        { header: 'Término real', key: 'actualEnd', type: 'date', width: 13 },
        { header: 'Monto MXN', key: 'amountMxn', type: 'money', width: 18 },
        { header: 'Monto USD', key: 'amountUsd', type: 'money', width: 16 },
        { header: 'Fase de patio', key: 'requiresYardPhase', width: 10 },
        { header: 'Inicio patio', key: 'yardStart', type: 'date', width: 13 },
        { header: 'Fin patio', key: 'yardEnd', type: 'date', width: 13 },
        { header: 'Avance (%)', key: 'progress', type: 'number', width: 10 },
        { header: 'Avance de tiempo (%)', key: 'timeProgress', type: 'number', width: 10 },
        { header: 'Reprogramaciones', key: 'reprogrammingCount', type: 'number', width: 10 },
        { header: 'Término de la familia', key: 'familyEnd', type: 'date', width: 13 },
        { header: 'Días restantes', key: 'remainingDays', type: 'number', width: 10 },
        { header: 'Vencida', key: 'overdue', width: 9 },
      ],
      rows: items.map((w) => ({
        ...w,
        type: TYPE_ES[w.type],
        status: STATUS_ES[w.status],
        proposal: w.proposal?.officialNumber ?? null,
        client: w.client.name,
        projectManager: w.projectManager.name,
        front: w.front?.name ?? null,
        vessel: w.sites.vessel?.name ?? null,
        platform: w.sites.platform?.name ?? null,
        yard: w.sites.yard?.name ?? null,
        interconnection: w.sites.interconnection?.name ?? null,
        requiresYardPhase: w.requiresYardPhase ? 'Sí' : 'No',
        reprogrammingCount: w.type === 'initial' ? w.reprogrammingCount : null,
        overdue: w.overdue ? 'Sí' : 'No',
      })),
    },
  ])
}
