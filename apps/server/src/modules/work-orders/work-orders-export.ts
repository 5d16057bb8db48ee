import {
  ZWorkOrderExportRequest,
  type TJobRun,
  type TWorkOrderExportRequest,
  type TWorkOrderSummary,
} from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { JobsService } from '../../platform/jobs'
import { exportList } from '../../platform/jobs/list-export'
import {
  columnsIn,
  labelsIn,
  langOf,
  pick,
  YES_NO,
  type LocalizedColumn,
  type Texts,
} from '../../platform/i18n/export-texts'
import type { Lang } from '../../platform/i18n/messages'

/** A work order's status in both languages (the export and the status-change notices). */
export const STATUS: Record<TWorkOrderSummary['status'], Texts> = {
  assigned: { es: 'Asignada', en: 'Assigned' },
  deferred: { es: 'Diferida', en: 'Deferred' },
  deferred_not_started: { es: 'Diferida sin iniciar', en: 'Deferred, not started' },
  in_execution: { es: 'En ejecución', en: 'In execution' },
  suspended: { es: 'Suspendida', en: 'Suspended' },
  finished: { es: 'Terminada', en: 'Finished' },
  to_cancel: { es: 'Por cancelar', en: 'To cancel' },
  cancelled: { es: 'Cancelada', en: 'Cancelled' },
}
export const STATUS_ES = labelsIn(STATUS, 'es')
const TYPE: Record<TWorkOrderSummary['type'], Texts> = {
  initial: { es: 'Inicial', en: 'Initial' },
  reprogramming: { es: 'Reprogramación', en: 'Reprogramming' },
}

export const WORK_ORDERS_EXPORT_JOB = 'work-orders.export'

const SHEET: Texts = { es: 'Órdenes de trabajo', en: 'Work orders' }
const FILE: Texts = { es: 'ordenes-de-trabajo.xlsx', en: 'work-orders.xlsx' }
const COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Orden de trabajo', en: 'Work order' }, key: 'number', width: 28 },
  { header: { es: 'Tipo', en: 'Type' }, key: 'type', width: 15 },
  {
    header: { es: 'Reprogramación', en: 'Reprogramming' },
    key: 'reprogrammingNumber',
    type: 'number',
    width: 9,
  },
  { header: { es: 'Oficio', en: 'Official letter' }, key: 'officialDocument', width: 22 },
  { header: { es: 'Estatus', en: 'Status' }, key: 'status', width: 18 },
  { header: { es: 'Descripción', en: 'Description' }, key: 'description', width: 50 },
  { header: { es: 'PTE', en: 'PTE' }, key: 'proposal', width: 22 },
  { header: { es: 'Cliente', en: 'Client' }, key: 'client', width: 26 },
  {
    header: { es: 'Responsable del cliente', en: 'Client representative' },
    key: 'clientRepresentative',
    width: 24,
  },
  { header: { es: 'Responsable de proyecto', en: 'Project manager' }, key: 'projectManager', width: 26 },
  { header: { es: 'Frente', en: 'Front' }, key: 'front', width: 12 },
  { header: { es: 'Embarcación', en: 'Vessel' }, key: 'vessel', width: 20 },
  { header: { es: 'Plataforma', en: 'Platform' }, key: 'platform', width: 16 },
  { header: { es: 'Patio', en: 'Yard' }, key: 'yard', width: 20 },
  { header: { es: 'Interconexión', en: 'Interconnection' }, key: 'interconnection', width: 24 },
  { header: { es: 'Plazo (días)', en: 'Term (days)' }, key: 'durationDays', type: 'number', width: 10 },
  { header: { es: 'Inicio programado', en: 'Planned start' }, key: 'plannedStart', type: 'date', width: 13 },
  { header: { es: 'Término programado', en: 'Planned end' }, key: 'plannedEnd', type: 'date', width: 13 },
  { header: { es: 'Inicio real', en: 'Actual start' }, key: 'actualStart', type: 'date', width: 13 },
  { header: { es: 'Término real', en: 'Actual end' }, key: 'actualEnd', type: 'date', width: 13 },
  { header: { es: 'Monto MXN', en: 'Amount MXN' }, key: 'amountMxn', type: 'money', width: 18 },
  { header: { es: 'Monto USD', en: 'Amount USD' }, key: 'amountUsd', type: 'money', width: 16 },
  { header: { es: 'Fase de patio', en: 'Yard phase' }, key: 'requiresYardPhase', width: 10 },
  { header: { es: 'Inicio patio', en: 'Yard start' }, key: 'yardStart', type: 'date', width: 13 },
  { header: { es: 'Fin patio', en: 'Yard end' }, key: 'yardEnd', type: 'date', width: 13 },
  { header: { es: 'Avance (%)', en: 'Progress (%)' }, key: 'progress', type: 'number', width: 10 },
  {
    header: { es: 'Avance de tiempo (%)', en: 'Time progress (%)' },
    key: 'timeProgress',
    type: 'number',
    width: 10,
  },
  {
    header: { es: 'Reprogramaciones', en: 'Reprogrammings' },
    key: 'reprogrammingCount',
    type: 'number',
    width: 10,
  },
  { header: { es: 'Término de la familia', en: 'Family end' }, key: 'familyEnd', type: 'date', width: 13 },
  { header: { es: 'Días restantes', en: 'Days left' }, key: 'remainingDays', type: 'number', width: 10 },
  { header: { es: 'Vencida', en: 'Overdue' }, key: 'overdue', width: 9 },
]

/** One row of the workbook: one work order, as the list shows it, with its labels in `lang`. */
const rowIn = (lang: Lang) => {
  const status = labelsIn(STATUS, lang)
  const type = labelsIn(TYPE, lang)
  const yesNo = labelsIn(YES_NO, lang)
  return (w: TWorkOrderSummary): Record<string, unknown> => ({
    ...w,
    type: type[w.type],
    status: status[w.status],
    proposal: w.proposal?.officialNumber ?? null,
    client: w.client.name,
    projectManager: w.projectManager.name,
    front: w.front?.name ?? null,
    vessel: w.sites.vessel?.name ?? null,
    platform: w.sites.platform?.name ?? null,
    yard: w.sites.yard?.name ?? null,
    interconnection: w.sites.interconnection?.name ?? null,
    requiresYardPhase: w.requiresYardPhase ? yesNo.yes : yesNo.no,
    reprogrammingCount: w.type === 'initial' ? w.reprogrammingCount : null,
    overdue: w.overdue ? yesNo.yes : yesNo.no,
  })
}

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
      const lang = langOf(ctx.actor)
      const toRow = rowIn(lang)
      return exportList(ctx, {
        sheet: pick(SHEET, lang),
        columns: columnsIn(COLUMNS, lang),
        fileName: pick(FILE, lang),
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
