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
import {
  columnsIn,
  labelsIn,
  langOf,
  pick,
  YES_NO,
  type LocalizedColumn,
  type Texts,
} from '../../platform/i18n/export-texts'
import type { SheetColumn } from '../../platform/spreadsheet/spreadsheet'
import { streamWorkbook } from '../../platform/spreadsheet/workbook-stream'
import { money2, NUMBER_WIDTH, padNumber } from './document-rules'
import { equipmentOf } from './field-document-context'
import type { DocumentAssignment, DocumentProject, RentalProjectsPort } from './rental-documents.ports'
import * as repo from './rental-documents.repository'

/**
 * The filtered lists as workbooks, run as jobs (docs/jobs.md): the request answers 202 with the job; the
 * job reads the matching ids in the list's order, then walks them 1,000 at a time — each batch is one
 * query for the documents (with their counts), one for the projects and clients not seen yet and, for
 * maintenance sheets, one for the assignments with their equipment — and streams the rows into the
 * workbook. Nothing is read per row and memory does not grow with the number of rows.
 */

const BATCH = 1_000

/** The workbooks' labels in both languages (docs/platform.md "Messages and languages"). */
const DOC_STATUS: Record<TFieldDocumentStatus, Texts> = {
  draft: { es: 'Borrador', en: 'Draft' },
  closed: { es: 'Cerrada', en: 'Closed' },
  void: { es: 'Anulada', en: 'Void' },
}
const CHAIN_STATUS: Record<TChainStatus, Texts> = {
  draft: { es: 'Borrador', en: 'Draft' },
  closed: { es: 'Cerrada', en: 'Closed' },
  cancelled: { es: 'Cancelada', en: 'Cancelled' },
}
const VOLUME_UNIT: Record<TChainVolumeUnit, Texts> = {
  gallons: { es: 'Galones', en: 'Gallons' },
  barrels: { es: 'Barriles', en: 'Barrels' },
  cubicMeters: { es: 'm³', en: 'm³' },
}
const MAINTENANCE_TYPE: Record<'preventive' | 'corrective', Texts> = {
  preventive: { es: 'Preventivo', en: 'Preventive' },
  corrective: { es: 'Correctivo', en: 'Corrective' },
}
/** the Spanish ones are the PDFs' (custody-chain-pdf.ts, shipping-guide-pdf.ts) */
const WASTE_TYPE: Record<TWasteType, Texts> = {
  blackWater: { es: 'Aguas negras', en: 'Black water' },
  greyWater: { es: 'Aguas grises', en: 'Grey water' },
  cleanWater: { es: 'Agua limpia', en: 'Clean water' },
  activatedSludge: { es: 'Lodos activados', en: 'Activated sludge' },
  treatedWastewater: { es: 'Agua residual tratada', en: 'Treated wastewater' },
  organicGrease: { es: 'Grasa orgánica', en: 'Organic grease' },
}
const GUIDE_TYPE: Record<TGuideType, Texts> = {
  exit: { es: 'Salida a proyecto', en: 'Out to a project' },
  entry: { es: 'Entrada a base', en: 'Into the base' },
  transfer: { es: 'Transferencia entre proyectos', en: 'Transfer between projects' },
}
const GUIDE_REASON: Record<TGuideReason, Texts> = {
  use_in_project: { es: 'Utilización en proyectos', en: 'Use in projects' },
  return: { es: 'Devolución', en: 'Return' },
  rent: { es: 'Alquiler', en: 'Rent' },
  sale: { es: 'Venta', en: 'Sale' },
}
const SHEETS = {
  maintenance: { es: 'Hojas de mantenimiento', en: 'Maintenance sheets' },
  maintenanceFile: { es: 'hojas-de-mantenimiento.xlsx', en: 'maintenance-sheets.xlsx' },
  chain: { es: 'Cadenas de custodia', en: 'Custody chains' },
  chainFile: { es: 'cadenas-de-custodia.xlsx', en: 'custody-chains.xlsx' },
  guide: { es: 'Guías de remisión', en: 'Shipping guides' },
  guideFile: { es: 'guias-de-remision.xlsx', en: 'shipping-guides.xlsx' },
} satisfies Record<string, Texts>

export const EXPORT_JOBS = {
  maintenance: 'rental-documents.export-maintenance-sheets',
  chain: 'rental-documents.export-custody-chains',
  guide: 'rental-documents.export-shipping-guides',
} as const

const MAINTENANCE_COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Número', en: 'Number' }, key: 'displayNumber', width: 10 },
  { header: { es: 'Estado', en: 'Status' }, key: 'status', width: 11 },
  { header: { es: 'Cliente', en: 'Client' }, key: 'clientName', width: 26 },
  { header: { es: 'Proyecto', en: 'Project' }, key: 'projectName', width: 26 },
  { header: { es: 'Equipo', en: 'Unit' }, key: 'equipment', width: 28 },
  { header: { es: 'Tipo', en: 'Type' }, key: 'maintenanceType', width: 12 },
  { header: { es: 'Inicio', en: 'Start' }, key: 'startDate', type: 'date', width: 12 },
  { header: { es: 'Fin', en: 'End' }, key: 'endDate', type: 'date', width: 12 },
  { header: { es: 'Días', en: 'Days' }, key: 'days', type: 'number', width: 7 },
  { header: { es: 'Técnico', en: 'Technician' }, key: 'technicianName', width: 24 },
  { header: { es: 'Costo por día', en: 'Cost per day' }, key: 'costPerDay', type: 'money', width: 13 },
  { header: { es: 'Costo técnico', en: 'Technician cost' }, key: 'totalCost', type: 'money', width: 13 },
  { header: { es: 'Logística', en: 'Logistics' }, key: 'logisticsCost', type: 'money', width: 12 },
  { header: { es: 'Adjuntos', en: 'Attachments' }, key: 'attachmentCount', type: 'number', width: 9 },
]

const CHAIN_COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Número', en: 'Number' }, key: 'displayNumber', width: 10 },
  { header: { es: 'Estado', en: 'Status' }, key: 'status', width: 11 },
  { header: { es: 'Fecha', en: 'Date' }, key: 'activityDate', type: 'date', width: 12 },
  { header: { es: 'Cliente', en: 'Client' }, key: 'clientName', width: 26 },
  { header: { es: 'Proyecto', en: 'Project' }, key: 'projectName', width: 26 },
  { header: { es: 'Llegada', en: 'Arrival' }, key: 'startTime', width: 8 },
  { header: { es: 'Salida', en: 'Departure' }, key: 'endTime', width: 8 },
  { header: { es: 'Horas', en: 'Hours' }, key: 'durationHours', type: 'number', width: 8 },
  { header: { es: 'Conductor', en: 'Driver' }, key: 'driverName', width: 22 },
  { header: { es: 'Placa', en: 'Plate' }, key: 'vehiclePlate', width: 10 },
  { header: { es: 'Unidad digitada', en: 'Unit entered' }, key: 'volumeUnit', width: 12 },
  { header: { es: 'Galones', en: 'Gallons' }, key: 'gallons', type: 'number', width: 11 },
  { header: { es: 'Barriles', en: 'Barrels' }, key: 'barrels', type: 'number', width: 11 },
  { header: { es: 'm³', en: 'm³' }, key: 'cubicMeters', type: 'number', width: 10 },
  { header: { es: 'Tipos de agua', en: 'Water types' }, key: 'wasteTypes', width: 30 },
  { header: { es: 'Logística', en: 'Logistics' }, key: 'logisticsCost', type: 'money', width: 12 },
  {
    header: { es: 'Equipos atendidos', en: 'Units attended' },
    key: 'attendedCount',
    type: 'number',
    width: 10,
  },
  { header: { es: 'Adjuntos', en: 'Attachments' }, key: 'attachmentCount', type: 'number', width: 9 },
]

const GUIDE_COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Número', en: 'Number' }, key: 'displayNumber', width: 10 },
  { header: { es: 'Estado', en: 'Status' }, key: 'status', width: 11 },
  { header: { es: 'Tipo', en: 'Type' }, key: 'guideType', width: 22 },
  { header: { es: 'Motivo', en: 'Reason' }, key: 'reason', width: 20 },
  { header: { es: 'Emisión', en: 'Issued' }, key: 'issueDate', type: 'date', width: 12 },
  { header: { es: 'Cliente', en: 'Client' }, key: 'clientName', width: 26 },
  { header: { es: 'Proyecto', en: 'Project' }, key: 'projectName', width: 26 },
  { header: { es: 'Origen', en: 'Origin' }, key: 'originPlace', width: 20 },
  { header: { es: 'Destino', en: 'Destination' }, key: 'destinationPlace', width: 20 },
  { header: { es: 'Transportista', en: 'Carrier' }, key: 'carrierName', width: 22 },
  { header: { es: 'Placa', en: 'Plate' }, key: 'vehiclePlate', width: 10 },
  { header: { es: 'Ítems', en: 'Items' }, key: 'itemCount', type: 'number', width: 7 },
  { header: { es: 'Transporte', en: 'Transport' }, key: 'transportCost', type: 'money', width: 12 },
  { header: { es: 'Estiba', en: 'Stowage' }, key: 'stowageCost', type: 'money', width: 12 },
  { header: { es: 'En planilla', en: 'On a billing sheet' }, key: 'billed', width: 10 },
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
      const lang = langOf(ctx.actor)
      const status = labelsIn(DOC_STATUS, lang)
      const type = labelsIn(MAINTENANCE_TYPE, lang)
      return run(ctx, {
        sheet: pick(SHEETS.maintenance, lang),
        columns: columnsIn(MAINTENANCE_COLUMNS, lang),
        fileName: pick(SHEETS.maintenanceFile, lang),
        ids: () => repo.listMaintenanceIds(db, orgId, filter),
        load: (ids) => repo.findMaintenanceByIds(db, orgId, ids),
        assignmentOf: (r) => r.assignment_id,
        toRow: (r, { projects: ps, assignments }) => ({
          displayNumber: padNumber(r.number, NUMBER_WIDTH.maintenance),
          status: status[r.status],
          ...projectCells(ps.get(r.project_id)),
          equipment: equipmentText(r.assignment_id ? assignments.get(r.assignment_id) : undefined),
          maintenanceType: r.maintenance_type === 'preventive' ? type.preventive : type.corrective,
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
      const lang = langOf(ctx.actor)
      const status = labelsIn(CHAIN_STATUS, lang)
      const unit = labelsIn(VOLUME_UNIT, lang)
      const waste = labelsIn(WASTE_TYPE, lang)
      return run(ctx, {
        sheet: pick(SHEETS.chain, lang),
        columns: columnsIn(CHAIN_COLUMNS, lang),
        fileName: pick(SHEETS.chainFile, lang),
        ids: () => repo.listChainIds(db, orgId, filter),
        load: (ids) => repo.findChainsByIds(db, orgId, ids),
        toRow: (r, { projects: ps }) => ({
          displayNumber: padNumber(r.number, NUMBER_WIDTH.chain),
          status: status[r.status],
          activityDate: r.activity_date,
          ...projectCells(ps.get(r.project_id)),
          startTime: r.start_time,
          endTime: r.end_time,
          durationHours: r.duration_hours === null ? null : money2(r.duration_hours),
          driverName: r.driver_name,
          vehiclePlate: r.vehicle_plate,
          volumeUnit: unit[r.volume_unit],
          gallons: money2(r.gallons),
          barrels: money2(r.barrels),
          cubicMeters: money2(r.cubic_meters),
          wasteTypes: r.waste_types.map((w) => waste[w]).join(', '),
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
      const lang = langOf(ctx.actor)
      const status = labelsIn(DOC_STATUS, lang)
      const guideType = labelsIn(GUIDE_TYPE, lang)
      const reason = labelsIn(GUIDE_REASON, lang)
      const yesNo = labelsIn(YES_NO, lang)
      return run(ctx, {
        sheet: pick(SHEETS.guide, lang),
        columns: columnsIn(GUIDE_COLUMNS, lang),
        fileName: pick(SHEETS.guideFile, lang),
        ids: () => repo.listGuideIds(db, orgId, filter),
        load: (ids) => repo.findGuidesByIds(db, orgId, ids),
        toRow: (r, { projects: ps }) => ({
          displayNumber: padNumber(r.number, NUMBER_WIDTH.guide),
          status: status[r.status],
          guideType: guideType[r.guide_type],
          reason: r.reason ? reason[r.reason] : '',
          issueDate: r.issue_date,
          ...projectCells(ps.get(r.project_id)),
          originPlace: r.origin_place,
          destinationPlace: r.destination_place,
          carrierName: r.carrier_name,
          vehiclePlate: r.vehicle_plate,
          itemCount: r.item_count,
          transportCost: money2(r.transport_cost),
          stowageCost: money2(r.stowage_cost),
          billed: r.billing_sheet_id ? yesNo.yes : yesNo.no,
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
