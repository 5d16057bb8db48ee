import {
  ZProposalExportRequest,
  type TJobRun,
  type TProposalExportRequest,
  type TProposalSummary,
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

const STATUS: Record<TProposalSummary['status'], Texts> = {
  active: { es: 'Activa', en: 'Active' },
  in_progress: { es: 'En proceso', en: 'In progress' },
  finished: { es: 'Terminada', en: 'Finished' },
  cancelled: { es: 'Cancelada', en: 'Cancelled' },
  suspended: { es: 'Suspendida', en: 'Suspended' },
}
export const STATUS_ES = labelsIn(STATUS, 'es')
const PRIORITY: Record<TProposalSummary['priority'], Texts> = {
  low: { es: 'Baja', en: 'Low' },
  medium: { es: 'Media', en: 'Medium' },
  high: { es: 'Alta', en: 'High' },
  urgent: { es: 'Urgente', en: 'Urgent' },
}

export const PROPOSALS_EXPORT_JOB = 'proposals.export'

const SHEET: Texts = { es: 'Propuestas', en: 'Proposals' }
const FILE: Texts = { es: 'propuestas.xlsx', en: 'proposals.xlsx' }
const COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Oficio PTE', en: 'PTE official number' }, key: 'officialNumber', width: 22 },
  { header: { es: 'Oficio de solicitud', en: 'Request number' }, key: 'requestNumber', width: 22 },
  { header: { es: 'Descripción', en: 'Description' }, key: 'description', width: 50 },
  { header: { es: 'Cliente', en: 'Client' }, key: 'client', width: 24 },
  { header: { es: 'Tipo de cliente', en: 'Client type' }, key: 'clientType', width: 14 },
  { header: { es: 'Tipo', en: 'Type' }, key: 'type', width: 20 },
  { header: { es: 'Responsable', en: 'Project manager' }, key: 'projectManager', width: 24 },
  { header: { es: 'Prioridad', en: 'Priority' }, key: 'priority', width: 11 },
  { header: { es: 'Estatus', en: 'Status' }, key: 'status', width: 13 },
  { header: { es: 'Motivo', en: 'Reason' }, key: 'statusReason', width: 30 },
  { header: { es: 'Fecha de solicitud', en: 'Request date' }, key: 'requestDate', type: 'date', width: 14 },
  { header: { es: 'Fecha de entrega', en: 'Delivery date' }, key: 'deliveryDate', type: 'date', width: 14 },
  { header: { es: 'Plazo (días)', en: 'Term (days)' }, key: 'durationDays', type: 'number', width: 11 },
  { header: { es: 'Avance (%)', en: 'Progress (%)' }, key: 'progress', type: 'number', width: 11 },
  { header: { es: 'Pasos terminados', en: 'Steps done' }, key: 'doneSteps', type: 'number', width: 11 },
  { header: { es: 'Pasos contados', en: 'Steps counted' }, key: 'countedSteps', type: 'number', width: 11 },
  { header: { es: 'Vencida', en: 'Overdue' }, key: 'overdue', width: 9 },
]

/** One row of the workbook: one proposal, as the list shows it, with its labels in `lang`. */
const rowIn = (lang: Lang) => {
  const status = labelsIn(STATUS, lang)
  const priority = labelsIn(PRIORITY, lang)
  const yesNo = labelsIn(YES_NO, lang)
  return (p: TProposalSummary): Record<string, unknown> => ({
    ...p,
    client: p.client.name,
    clientType: p.client.clientType,
    type: p.type.name,
    projectManager: p.projectManager.name,
    priority: priority[p.priority],
    status: status[p.status],
    overdue: p.overdue ? yesNo.yes : yesNo.no,
  })
}

export type ProposalsExportDeps<F> = {
  jobs: Pick<JobsService, 'define'>
  /** the ids matching the list's filters, in its order, with what a batch needs to read them */
  listIds: (actor: Actor, f: TProposalExportRequest) => Promise<{ ids: string[] } & F>
  /** the summaries of one batch of ids (one query for the rows, one per kind of related record) */
  batch: (actor: Actor, listed: F, ids: string[]) => Promise<TProposalSummary[]>
}

/**
 * The filtered proposal list as a workbook, run as a job (docs/jobs.md): one row per proposal, in the
 * list's order, 1,000 proposals per batch, streamed into the file.
 */
export function createProposalsExport<F>({ jobs, listIds, batch }: ProposalsExportDeps<F>) {
  const job = jobs.define<TProposalExportRequest>({
    kind: PROPOSALS_EXPORT_JOB,
    permission: 'proposal.read',
    payload: ZProposalExportRequest,
    run: async (ctx, f) => {
      const listed = await listIds(ctx.actor, f)
      const lang = langOf(ctx.actor)
      const toRow = rowIn(lang)
      return exportList(ctx, {
        sheet: pick(SHEET, lang),
        columns: columnsIn(COLUMNS, lang),
        fileName: pick(FILE, lang),
        ids: listed.ids,
        rows: async (ids) => new Map((await batch(ctx.actor, listed, ids)).map((p) => [p.id, toRow(p)])),
      })
    },
  })
  return {
    /** Asks for the export (202 with the job); the filters are the list's, without pagination. */
    exportProposals: (actor: Actor, f: TProposalExportRequest): Promise<TJobRun> => job.request(actor, f),
  }
}
