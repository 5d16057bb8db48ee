import type { TProposalSummary } from '@faena/contracts'
import { writeWorkbook } from '../../platform/spreadsheet/spreadsheet'

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

/** The filtered proposal list as a workbook: one row per proposal, in the order of the list. */
export async function writeProposalsWorkbook(items: TProposalSummary[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Propuestas',
      columns: [
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
      ],
      rows: items.map((p) => ({
        ...p,
        client: p.client.name,
        clientType: p.client.clientType,
        type: p.type.name,
        projectManager: p.projectManager.name,
        priority: PRIORITY_ES[p.priority],
        status: STATUS_ES[p.status],
        overdue: p.overdue ? 'Sí' : 'No',
      })),
    },
  ])
}
