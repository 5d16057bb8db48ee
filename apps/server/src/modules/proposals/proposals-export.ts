import {
  ZProposalExportRequest,
  type TJobRun,
  type TProposalExportRequest,
  type TProposalSummary,
} from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { JobsService } from '../../platform/jobs'
import { exportList } from '../../platform/jobs/list-export'
import type { SheetColumn } from '../../platform/spreadsheet/spreadsheet'

export const STATUS_ES: Record<TProposalSummary['status'], string> = {
  active: 'Activa',
  in_progress: 'En proceso',
  finished: 'Terminada',
  cancelled: 'Cancelada',
  suspended: 'Suspendida',
}
const PRIORITY_ES: Record<TProposalSummary['priority'], string> = {
  low: 'Baja',
  medium: 'Media',
  high: 'Alta',
  urgent: 'Urgente',
}

export const PROPOSALS_EXPORT_JOB = 'proposals.export'

const COLUMNS: SheetColumn[] = [
  { header: 'Oficio PTE', key: 'officialNumber', width: 22 },
  { header: 'Oficio de solicitud', key: 'requestNumber', width: 22 },
  { header: 'Descripción', key: 'description', width: 50 },
  { header: 'Cliente', key: 'client', width: 24 },
  { header: 'Tipo de cliente', key: 'clientType', width: 14 },
  { header: 'Tipo', key: 'type', width: 20 },
  { header: 'Responsable', key: 'projectManager', width: 24 },
  { header: 'Prioridad', key: 'priority', width: 11 },
  { header: 'Estatus', key: 'status', width: 13 },
  { header: 'Motivo', key: 'statusReason', width: 30 },
  { header: 'Fecha de solicitud', key: 'requestDate', type: 'date', width: 14 },
  { header: 'Fecha de entrega', key: 'deliveryDate', type: 'date', width: 14 },
  { header: 'Plazo (días)', key: 'durationDays', type: 'number', width: 11 },
  { header: 'Avance (%)', key: 'progress', type: 'number', width: 11 },
  { header: 'Pasos terminados', key: 'doneSteps', type: 'number', width: 11 },
  { header: 'Pasos contados', key: 'countedSteps', type: 'number', width: 11 },
  { header: 'Vencida', key: 'overdue', width: 9 },
]

/** One row of the workbook: one proposal, as the list shows it. */
const toRow = (p: TProposalSummary): Record<string, unknown> => ({
  ...p,
  client: p.client.name,
  clientType: p.client.clientType,
  type: p.type.name,
  projectManager: p.projectManager.name,
  priority: PRIORITY_ES[p.priority],
  status: STATUS_ES[p.status],
  overdue: p.overdue ? 'Sí' : 'No',
})

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
      return exportList(ctx, {
        sheet: 'Propuestas',
        columns: COLUMNS,
        fileName: 'propuestas.xlsx',
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
