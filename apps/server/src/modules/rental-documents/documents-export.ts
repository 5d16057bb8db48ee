import {
  ZCustodyChainExportRequest,
  ZMaintenanceSheetExportRequest,
  ZShippingGuideExportRequest,
  type TChainStatus,
  type TChainVolumeUnit,
  type TCustodyChainExportRequest,
  type TFieldDocumentStatus,
  type TGuideReason,
  type TGuideType,
  type TJobRun,
  type TMaintenanceSheetExportRequest,
  type TShippingGuideExportRequest,
  type TWasteType,
} from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Db } from '../../platform/db/executor'
import type { JobContext, JobOutcome, JobsService } from '../../platform/jobs'
import type { SheetColumn } from '../../platform/spreadsheet/spreadsheet'
import { streamWorkbook } from '../../platform/spreadsheet/workbook-stream'
import { WASTE_TYPE_LABELS } from './custody-chain-pdf'
import { money2, NUMBER_WIDTH, padNumber } from './document-rules'
import { equipmentOf } from './field-document-context'
import type { DocumentAssignment, DocumentProject, RentalProjectsPort } from './rental-documents.ports'
import * as repo from './rental-documents.repository'
import { GUIDE_REASON_LABELS, GUIDE_TYPE_LABELS } from './shipping-guide-pdf'

/**
 * The filtered lists as workbooks, run as jobs (docs/jobs.md): the request answers 202 with the job; the
 * job reads the matching ids in the list's order, then walks them 1,000 at a time — each batch is one
 * query for the documents (with their counts), one for the projects and clients not seen yet and, for
 * maintenance sheets, one for the assignments with their equipment — and streams the rows into the
 * workbook. Nothing is read per row and memory does not grow with the number of rows.
 */

const BATCH = 1_000

const DOC_STATUS_ES = { draft: 'Borrador', closed: 'Cerrada', void: 'Anulada' } as const
const CHAIN_STATUS_ES = { draft: 'Borrador', closed: 'Cerrada', cancelled: 'Cancelada' } as const
const VOLUME_UNIT_ES = { gallons: 'Galones', barrels: 'Barriles', cubicMeters: 'm³' } as const

export const EXPORT_JOBS = {
  maintenance: 'rental-documents.export-maintenance-sheets',
  chain: 'rental-documents.export-custody-chains',
  guide: 'rental-documents.export-shipping-guides',
} as const

const MAINTENANCE_COLUMNS: SheetColumn[] = [
  { header: 'Número', key: 'displayNumber', width: 10 },
  { header: 'Estado', key: 'status', width: 11 },
  { header: 'Cliente', key: 'clientName', width: 26 },
  { header: 'Proyecto', key: 'projectName', width: 26 },
  { header: 'Equipo', key: 'equipment', width: 28 },
  { header: 'Tipo', key: 'maintenanceType', width: 12 },
  { header: 'Inicio', key: 'startDate', type: 'date', width: 12 },
  { header: 'Fin', key: 'endDate', type: 'date', width: 12 },
  { header: 'Días', key: 'days', type: 'number', width: 7 },
  { header: 'Técnico', key: 'technicianName', width: 24 },
  { header: 'Costo por día', key: 'costPerDay', type: 'money', width: 13 },
  { header: 'Costo técnico', key: 'totalCost', type: 'money', width: 13 },
  { header: 'Logística', key: 'logisticsCost', type: 'money', width: 12 },
  { header: 'Adjuntos', key: 'attachmentCount', type: 'number', width: 9 },
]

const CHAIN_COLUMNS: SheetColumn[] = [
  { header: 'Número', key: 'displayNumber', width: 10 },
  { header: 'Estado', key: 'status', width: 11 },
  { header: 'Fecha', key: 'activityDate', type: 'date', width: 12 },
  { header: 'Cliente', key: 'clientName', width: 26 },
  { header: 'Proyecto', key: 'projectName', width: 26 },
  { header: 'Llegada', key: 'startTime', width: 8 },
  { header: 'Salida', key: 'endTime', width: 8 },
  { header: 'Horas', key: 'durationHours', type: 'number', width: 8 },
  { header: 'Conductor', key: 'driverName', width: 22 },
  { header: 'Placa', key: 'vehiclePlate', width: 10 },
  { header: 'Unidad digitada', key: 'volumeUnit', width: 12 },
  { header: 'Galones', key: 'gallons', type: 'number', width: 11 },
  { header: 'Barriles', key: 'barrels', type: 'number', width: 11 },
  { header: 'm³', key: 'cubicMeters', type: 'number', width: 10 },
  { header: 'Tipos de agua', key: 'wasteTypes', width: 30 },
  { header: 'Logística', key: 'logisticsCost', type: 'money', width: 12 },
  { header: 'Equipos atendidos', key: 'attendedCount', type: 'number', width: 10 },
  { header: 'Adjuntos', key: 'attachmentCount', type: 'number', width: 9 },
]

const GUIDE_COLUMNS: SheetColumn[] = [
  { header: 'Número', key: 'displayNumber', width: 10 },
  { header: 'Estado', key: 'status', width: 11 },
  { header: 'Tipo', key: 'guideType', width: 22 },
  { header: 'Motivo', key: 'reason', width: 20 },
  { header: 'Emisión', key: 'issueDate', type: 'date', width: 12 },
  { header: 'Cliente', key: 'clientName', width: 26 },
  { header: 'Proyecto', key: 'projectName', width: 26 },
  { header: 'Origen', key: 'originPlace', width: 20 },
  { header: 'Destino', key: 'destinationPlace', width: 20 },
  { header: 'Transportista', key: 'carrierName', width: 22 },
  { header: 'Placa', key: 'vehiclePlate', width: 10 },
  { header: 'Ítems', key: 'itemCount', type: 'number', width: 7 },
  { header: 'Transporte', key: 'transportCost', type: 'money', width: 12 },
  { header: 'Estiba', key: 'stowageCost', type: 'money', width: 12 },
  { header: 'En planilla', key: 'billed', width: 10 },
]

/** "code · name" of the physical equipment of an assignment (its own item, or a service's linked equipment). */
const equipmentText = (a: DocumentAssignment | undefined) => {
  const e = a ? equipmentOf(a) : null
  return e ? [e.code, e.name].filter(Boolean).join(' · ') : ''
}

const projectCells = (p: DocumentProject | undefined) => ({
  clientName: p?.clientName ?? '',
  projectName: p?.name ?? '',
})

type Related = { projects: Map<string, DocumentProject>; assignments: Map<string, DocumentAssignment> }

type ExportSpec<R extends { id: string; project_id: string }> = {
  sheet: string
  columns: SheetColumn[]
  fileName: string
  /** ids of the matching documents, in the list's order */
  ids: () => Promise<string[]>
  /** one batch of documents by id */
  load: (ids: string[]) => Promise<R[]>
  /** the assignment a row refers to, when the sheet shows its equipment */
  assignmentOf?: (r: R) => string | null
  toRow: (r: R, related: Related) => Record<string, unknown>
}

export type DocumentExportsDeps = {
  db: Db
  projects: RentalProjectsPort
  jobs: Pick<JobsService, 'define'>
}

/** Defines the three export jobs; the returned functions ask for one (202 with the job). */
export function createDocumentExports({ db, projects, jobs }: DocumentExportsDeps) {
  async function projectIdsMatching(orgId: string, q: string | undefined) {
    if (!q) return []
    return projects.findProjectIds(db, orgId, q)
  }

  async function run<R extends { id: string; project_id: string }>(
    ctx: JobContext,
    spec: ExportSpec<R>,
  ): Promise<JobOutcome> {
    const orgId = ctx.actor.orgId
    const ids = await spec.ids()
    await ctx.progress(0, ids.length)
    const projectCache = new Map<string, DocumentProject>()
    let done = 0
    async function* batches() {
      for (let i = 0; i < ids.length; i += BATCH) {
        const chunk = ids.slice(i, i + BATCH)
        const byId = new Map((await spec.load(chunk)).map((r) => [r.id, r]))
        const missing = [...new Set([...byId.values()].map((r) => r.project_id))].filter(
          (id) => !projectCache.has(id),
        )
        for (const p of await projects.getProjects(db, orgId, missing)) projectCache.set(p.id, p)
        const assignmentIds = spec.assignmentOf
          ? [...byId.values()].map(spec.assignmentOf).filter((x): x is string => Boolean(x))
          : []
        const assignments = new Map(
          (await projects.getAssignments(db, orgId, assignmentIds)).map((a) => [a.id, a]),
        )
        const related = { projects: projectCache, assignments }
        // in the list's order; a document deleted since the ids were read is left out
        const rows = chunk.flatMap((id) => {
          const r = byId.get(id)
          return r ? [spec.toRow(r, related)] : []
        })
        done += chunk.length
        yield rows
        await ctx.progress(done)
      }
    }
    const file = ctx.tempFile(spec.fileName)
    const written = await streamWorkbook(file, { name: spec.sheet, columns: spec.columns }, batches())
    return { file: { name: spec.fileName, kind: 'xlsx', path: file }, done: written }
  }

  const maintenance = jobs.define<TMaintenanceSheetExportRequest>({
    kind: EXPORT_JOBS.maintenance,
    permission: 'rental.read',
    payload: ZMaintenanceSheetExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      const filter = { ...f, projectIdsMatching: await projectIdsMatching(orgId, f.q) }
      return run(ctx, {
        sheet: 'Hojas de mantenimiento',
        columns: MAINTENANCE_COLUMNS,
        fileName: 'hojas-de-mantenimiento.xlsx',
        ids: () => repo.listMaintenanceIds(db, orgId, filter),
        load: (ids) => repo.findMaintenanceByIds(db, orgId, ids),
        assignmentOf: (r) => r.assignment_id,
        toRow: (r, { projects: ps, assignments }) => ({
          displayNumber: padNumber(r.number, NUMBER_WIDTH.maintenance),
          status: DOC_STATUS_ES[r.status as TFieldDocumentStatus],
          ...projectCells(ps.get(r.project_id)),
          equipment: equipmentText(r.assignment_id ? assignments.get(r.assignment_id) : undefined),
          maintenanceType: r.maintenance_type === 'preventive' ? 'Preventivo' : 'Correctivo',
          startDate: r.start_date,
          endDate: r.end_date,
          days: r.total_days,
          technicianName: r.technician_name,
          costPerDay: money2(r.cost_per_day),
          totalCost: money2(r.total_cost),
          logisticsCost: money2(r.logistics_cost),
          attachmentCount: r.attachment_count,
        }),
      })
    },
  })

  const chains = jobs.define<TCustodyChainExportRequest>({
    kind: EXPORT_JOBS.chain,
    permission: 'rental.read',
    payload: ZCustodyChainExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      const filter = { ...f, projectIdsMatching: await projectIdsMatching(orgId, f.q) }
      return run(ctx, {
        sheet: 'Cadenas de custodia',
        columns: CHAIN_COLUMNS,
        fileName: 'cadenas-de-custodia.xlsx',
        ids: () => repo.listChainIds(db, orgId, filter),
        load: (ids) => repo.findChainsByIds(db, orgId, ids),
        toRow: (r, { projects: ps }) => ({
          displayNumber: padNumber(r.number, NUMBER_WIDTH.chain),
          status: CHAIN_STATUS_ES[r.status as TChainStatus],
          activityDate: r.activity_date,
          ...projectCells(ps.get(r.project_id)),
          startTime: r.start_time,
          endTime: r.end_time,
          durationHours: r.duration_hours === null ? null : money2(r.duration_hours),
          driverName: r.driver_name,
          vehiclePlate: r.vehicle_plate,
          volumeUnit: VOLUME_UNIT_ES[r.volume_unit as TChainVolumeUnit],
          gallons: money2(r.gallons),
          barrels: money2(r.barrels),
          cubicMeters: money2(r.cubic_meters),
          wasteTypes: (r.waste_types as TWasteType[]).map((w) => WASTE_TYPE_LABELS[w]).join(', '),
          logisticsCost: money2(r.logistics_cost),
          attendedCount: r.attended_count,
          attachmentCount: r.attachment_count,
        }),
      })
    },
  })

  const guides = jobs.define<TShippingGuideExportRequest>({
    kind: EXPORT_JOBS.guide,
    permission: 'rental.read',
    payload: ZShippingGuideExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      const filter = { ...f, projectIdsMatching: await projectIdsMatching(orgId, f.q) }
      return run(ctx, {
        sheet: 'Guías de remisión',
        columns: GUIDE_COLUMNS,
        fileName: 'guias-de-remision.xlsx',
        ids: () => repo.listGuideIds(db, orgId, filter),
        load: (ids) => repo.findGuidesByIds(db, orgId, ids),
        toRow: (r, { projects: ps }) => ({
          displayNumber: padNumber(r.number, NUMBER_WIDTH.guide),
          status: DOC_STATUS_ES[r.status as TFieldDocumentStatus],
          guideType: GUIDE_TYPE_LABELS[r.guide_type as TGuideType],
          reason: r.reason ? GUIDE_REASON_LABELS[r.reason as TGuideReason] : '',
          issueDate: r.issue_date,
          ...projectCells(ps.get(r.project_id)),
          originPlace: r.origin_place,
          destinationPlace: r.destination_place,
          carrierName: r.carrier_name,
          vehiclePlate: r.vehicle_plate,
          itemCount: r.item_count,
          transportCost: money2(r.transport_cost),
          stowageCost: money2(r.stowage_cost),
          billed: r.billing_sheet_id ? 'Sí' : 'No',
        }),
      })
    },
  })

  return {
    exportMaintenanceSheets: (actor: Actor, f: TMaintenanceSheetExportRequest): Promise<TJobRun> =>
      maintenance.request(actor, f),
    exportCustodyChains: (actor: Actor, f: TCustodyChainExportRequest): Promise<TJobRun> =>
      chains.request(actor, f),
    exportShippingGuides: (actor: Actor, f: TShippingGuideExportRequest): Promise<TJobRun> =>
      guides.request(actor, f),
  }
}
export type DocumentExports = ReturnType<typeof createDocumentExports>
