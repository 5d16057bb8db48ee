import {
  ZWorkOrderExportRequest,
  type TJobRun,
  type TWorkOrderExportRequest,
  type TWorkOrderSummary,
} from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { JobsService } from '../../platform/jobs'
import { exportList } from '../../platform/jobs/list-export'
import type { SheetColumn } from '../../platform/spreadsheet/spreadsheet'

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

export const WORK_ORDERS_EXPORT_JOB = 'work-orders.export'

const COLUMNS: SheetColumn[] = [
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
]

/** One row of the workbook: one work order, as the list shows it. */
const toRow = (w: TWorkOrderSummary): Record<string, unknown> => ({
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
})

export type WorkOrdersExportDeps<F> = {
  jobs: Pick<JobsService, 'define'>
  /** the ids matching the list's filters, in its order, with what a batch needs to read them */
  listIds: (actor: Actor, f: TWorkOrderExportRequest) => Promise<{ ids: string[] } & F>
  /** the summaries of one batch of ids (one query for the rows, one per kind of related record) */
  batch: (actor: Actor, listed: F, ids: string[]) => Promise<TWorkOrderSummary[]>
}

/**
 * The filtered work-order list as a workbook, run as a job (docs/jobs.md): one row per work order, in the
 * list's order, 1,000 work orders per batch, streamed into the file.
 */
export function createWorkOrdersExport<F>({ jobs, listIds, batch }: WorkOrdersExportDeps<F>) {
  const job = jobs.define<TWorkOrderExportRequest>({
    kind: WORK_ORDERS_EXPORT_JOB,
    permission: 'workOrder.read',
    payload: ZWorkOrderExportRequest,
    run: async (ctx, f) => {
      const listed = await listIds(ctx.actor, f)
      return exportList(ctx, {
        sheet: 'Órdenes de trabajo',
        columns: COLUMNS,
        fileName: 'ordenes-de-trabajo.xlsx',
        ids: listed.ids,
        rows: async (ids) => new Map((await batch(ctx.actor, listed, ids)).map((w) => [w.id, toRow(w)])),
      })
    },
  })
  return {
    /** Asks for the export (202 with the job); the filters are the list's, without pagination. */
    exportWorkOrders: (actor: Actor, f: TWorkOrderExportRequest): Promise<TJobRun> => job.request(actor, f),
  }
}
