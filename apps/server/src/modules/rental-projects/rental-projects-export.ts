import { CARDINAL_ES, type CardinalPoint } from '@faena/domain'
import {
  ZRentalClientExportRequest,
  ZRentalEquipmentExportRequest,
  ZRentalProjectExportRequest,
  type TJobRun,
  type TRentalClient,
  type TRentalClientExportRequest,
  type TRentalEquipment,
  type TRentalEquipmentExportRequest,
  type TRentalEquipmentType,
  type TRentalProject,
  type TRentalProjectExportRequest,
} from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Db } from '../../platform/db/executor'
import type { JobsService } from '../../platform/jobs'
import { byId, exportList } from '../../platform/jobs/list-export'
import {
  columnsIn,
  labelsIn,
  langOf,
  pick,
  type LocalizedColumn,
  type Texts,
} from '../../platform/i18n/export-texts'
import type { Lang } from '../../platform/i18n/messages'
import { TYPE_LABELS_ES } from './assignment-rules'
import { toClient, toEquipment, toProject } from './rental-projects.mapping'
import * as repo from './rental-projects.repository'

/**
 * The filtered lists of clients, projects and equipment as workbooks, run as jobs (docs/jobs.md): the ids
 * in the list's order, then one query per 1,000 records (each list's own query, with its joined client,
 * project and counts), streamed into the file; one row per record.
 */

export const RENTAL_PROJECTS_EXPORT_JOBS = {
  clients: 'rental-projects.export-clients',
  projects: 'rental-projects.export-projects',
  equipment: 'rental-projects.export-equipment',
} as const

const KIND: Record<TRentalEquipment['kind'], Texts> = {
  equipment: { es: 'Equipo', en: 'Equipment' },
  service: { es: 'Servicio', en: 'Service' },
}
const CONDITION: Record<TRentalEquipment['condition'], Texts> = {
  operative: { es: 'Operativo', en: 'Operative' },
  in_repair: { es: 'En reparación', en: 'In repair' },
  damaged: { es: 'Dañado', en: 'Damaged' },
  retired: { es: 'Retirado', en: 'Retired' },
}
export const CONDITION_ES = labelsIn(CONDITION, 'es')
const AVAILABILITY: Record<TRentalEquipment['availability'], Texts> = {
  available: { es: 'Disponible', en: 'Available' },
  rented: { es: 'Rentado', en: 'Rented' },
}
export const AVAILABILITY_ES = labelsIn(AVAILABILITY, 'es')
const TAX_KIND: Record<TRentalClient['taxIdKind'], Texts> = {
  natural: { es: 'Persona natural', en: 'Natural person' },
  public: { es: 'Entidad pública', en: 'Public entity' },
  private: { es: 'Sociedad', en: 'Company' },
}
const TYPE: Record<TRentalEquipmentType, Texts> = {
  toilet: { es: TYPE_LABELS_ES.toilet, en: 'Portable toilet' },
  hand_wash_station: { es: TYPE_LABELS_ES.hand_wash_station, en: 'Hand-wash station' },
  urinal_station: { es: TYPE_LABELS_ES.urinal_station, en: 'Urinal station' },
  camper: { es: TYPE_LABELS_ES.camper, en: 'Camper' },
  potable_water_plant: { es: TYPE_LABELS_ES.potable_water_plant, en: 'Drinking water plant' },
  wastewater_plant: { es: TYPE_LABELS_ES.wastewater_plant, en: 'Wastewater plant' },
  raw_water_tank: { es: TYPE_LABELS_ES.raw_water_tank, en: 'Raw water tank' },
  wastewater_tank: { es: TYPE_LABELS_ES.wastewater_tank, en: 'Wastewater tank' },
  other: { es: TYPE_LABELS_ES.other, en: 'Other' },
}
const CARDINAL: Record<CardinalPoint, Texts> = {
  north: { es: CARDINAL_ES.north, en: 'North' },
  south: { es: CARDINAL_ES.south, en: 'South' },
  east: { es: CARDINAL_ES.east, en: 'East' },
  west: { es: CARDINAL_ES.west, en: 'West' },
  northeast: { es: CARDINAL_ES.northeast, en: 'Northeast' },
  northwest: { es: CARDINAL_ES.northwest, en: 'Northwest' },
  southeast: { es: CARDINAL_ES.southeast, en: 'Southeast' },
  southwest: { es: CARDINAL_ES.southwest, en: 'Southwest' },
}
const PROJECT_STATUS = { closed: { es: 'Cerrado', en: 'Closed' }, open: { es: 'Abierto', en: 'Open' } }

const CLIENT_COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Nombre', en: 'Name' }, key: 'name', width: 36 },
  { header: { es: 'RUC', en: 'RUC' }, key: 'taxId', width: 16 },
  { header: { es: 'Tipo de contribuyente', en: 'Taxpayer type' }, key: 'taxIdKind', width: 18 },
  { header: { es: 'Correo', en: 'Email' }, key: 'email', width: 28 },
  { header: { es: 'Teléfono', en: 'Phone' }, key: 'phone', width: 16 },
  { header: { es: 'Dirección', en: 'Address' }, key: 'address', width: 36 },
  { header: { es: 'Contactos', en: 'Contacts' }, key: 'contacts', width: 40 },
  { header: { es: 'Proyectos', en: 'Projects' }, key: 'projectCount', type: 'number', width: 10 },
  {
    header: { es: 'Proyectos abiertos', en: 'Open projects' },
    key: 'openProjectCount',
    type: 'number',
    width: 10,
  },
  { header: { es: 'Notas', en: 'Notes' }, key: 'notes', width: 30 },
]

const clientRow = (c: TRentalClient, lang: Lang): Record<string, unknown> => ({
  ...c,
  taxIdKind: TAX_KIND[c.taxIdKind][lang],
  contacts: c.contacts
    .map((x) => [x.name, x.position, x.phone, x.email].filter(Boolean).join(' · '))
    .join('; '),
})

const PROJECT_COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Proyecto', en: 'Project' }, key: 'name', width: 30 },
  { header: { es: 'Cliente', en: 'Client' }, key: 'client', width: 30 },
  { header: { es: 'RUC', en: 'RUC' }, key: 'taxId', width: 16 },
  { header: { es: 'Ubicación / campamento', en: 'Location / camp' }, key: 'location', width: 24 },
  { header: { es: 'Punto cardinal', en: 'Cardinal point' }, key: 'cardinalPoint', width: 12 },
  { header: { es: 'Contacto', en: 'Contact' }, key: 'contactName', width: 22 },
  { header: { es: 'Teléfono', en: 'Phone' }, key: 'contactPhone', width: 14 },
  { header: { es: 'Inicio', en: 'Start' }, key: 'startDate', type: 'date', width: 12 },
  { header: { es: 'Fin', en: 'End' }, key: 'endDate', type: 'date', width: 12 },
  { header: { es: 'Estado', en: 'Status' }, key: 'status', width: 10 },
  {
    header: { es: 'Equipos activos', en: 'Active equipment' },
    key: 'activeEquipment',
    type: 'number',
    width: 10,
  },
  {
    header: { es: 'Servicios activos', en: 'Active services' },
    key: 'activeServices',
    type: 'number',
    width: 10,
  },
  { header: { es: 'Renta diaria', en: 'Daily rental' }, key: 'dailyRental', type: 'money', width: 12 },
]

const projectRow = (p: TRentalProject, lang: Lang): Record<string, unknown> => ({
  ...p,
  client: p.client.name,
  taxId: p.client.taxId,
  cardinalPoint: p.cardinalPoint
    ? ((CARDINAL as Record<string, Texts>)[p.cardinalPoint]?.[lang] ?? p.cardinalPoint)
    : null,
  status: PROJECT_STATUS[p.closed ? 'closed' : 'open'][lang],
})

const EQUIPMENT_COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Código', en: 'Code' }, key: 'code', width: 18 },
  { header: { es: 'Nombre', en: 'Name' }, key: 'name', width: 30 },
  { header: { es: 'Clase', en: 'Kind' }, key: 'kind', width: 10 },
  { header: { es: 'Tipo', en: 'Type' }, key: 'type', width: 24 },
  { header: { es: 'Marca', en: 'Brand' }, key: 'brand', width: 14 },
  { header: { es: 'Modelo', en: 'Model' }, key: 'model', width: 14 },
  { header: { es: 'Serie', en: 'Serial number' }, key: 'serialNumber', width: 14 },
  { header: { es: 'Estado', en: 'Condition' }, key: 'condition', width: 14 },
  { header: { es: 'Disponibilidad', en: 'Availability' }, key: 'availability', width: 12 },
  { header: { es: 'Proyecto actual', en: 'Current project' }, key: 'project', width: 26 },
  { header: { es: 'Ubicación', en: 'Location' }, key: 'location', width: 24 },
  { header: { es: 'Revisión pendiente', en: 'Pending review' }, key: 'reviewNote', width: 40 },
  { header: { es: 'Notas', en: 'Notes' }, key: 'notes', width: 30 },
]

const equipmentRow = (e: TRentalEquipment, lang: Lang): Record<string, unknown> => ({
  ...e,
  kind: KIND[e.kind][lang],
  type: e.type ? TYPE[e.type][lang] : null,
  condition: CONDITION[e.condition][lang],
  availability: AVAILABILITY[e.availability][lang],
  project: e.currentProject ? `${e.currentProject.name} (${e.currentProject.clientName})` : null,
  location: e.currentProject?.location ?? e.location,
})

const SHEETS = {
  clients: { es: 'Clientes', en: 'Clients' },
  projects: { es: 'Proyectos', en: 'Projects' },
  equipment: { es: 'Equipos', en: 'Equipment' },
}
const FILES = {
  clients: { es: 'clientes.xlsx', en: 'clients.xlsx' },
  projects: { es: 'proyectos.xlsx', en: 'projects.xlsx' },
  equipment: { es: 'equipos.xlsx', en: 'equipment.xlsx' },
}

export function createRentalProjectsExports({ db, jobs }: { db: Db; jobs: Pick<JobsService, 'define'> }) {
  const clients = jobs.define<TRentalClientExportRequest>({
    kind: RENTAL_PROJECTS_EXPORT_JOBS.clients,
    permission: 'rental.read',
    payload: ZRentalClientExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      const lang = langOf(ctx.actor)
      return exportList(ctx, {
        sheet: pick(SHEETS.clients, lang),
        columns: columnsIn(CLIENT_COLUMNS, lang),
        fileName: pick(FILES.clients, lang),
        ids: await repo.listClientIds(db, orgId, f),
        rows: async (ids) =>
          byId(await repo.listClientsByIds(db, orgId, ids), (r) => clientRow(toClient(r), lang)),
      })
    },
  })
  const projects = jobs.define<TRentalProjectExportRequest>({
    kind: RENTAL_PROJECTS_EXPORT_JOBS.projects,
    permission: 'rental.read',
    payload: ZRentalProjectExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      const lang = langOf(ctx.actor)
      return exportList(ctx, {
        sheet: pick(SHEETS.projects, lang),
        columns: columnsIn(PROJECT_COLUMNS, lang),
        fileName: pick(FILES.projects, lang),
        ids: await repo.listProjectIds(db, orgId, f),
        rows: async (ids) =>
          byId(await repo.listProjectsByIds(db, orgId, ids), (r) => projectRow(toProject(r), lang)),
      })
    },
  })
  const equipment = jobs.define<TRentalEquipmentExportRequest>({
    kind: RENTAL_PROJECTS_EXPORT_JOBS.equipment,
    permission: 'rental.read',
    payload: ZRentalEquipmentExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      const lang = langOf(ctx.actor)
      return exportList(ctx, {
        sheet: pick(SHEETS.equipment, lang),
        columns: columnsIn(EQUIPMENT_COLUMNS, lang),
        fileName: pick(FILES.equipment, lang),
        ids: await repo.listEquipmentIds(db, orgId, f),
        rows: async (ids) =>
          byId(await repo.listEquipmentByIds(db, orgId, ids), (r) => equipmentRow(toEquipment(r), lang)),
      })
    },
  })
  return {
    exportClients: (actor: Actor, f: TRentalClientExportRequest): Promise<TJobRun> =>
      clients.request(actor, f),
    exportProjects: (actor: Actor, f: TRentalProjectExportRequest): Promise<TJobRun> =>
      projects.request(actor, f),
    exportEquipment: (actor: Actor, f: TRentalEquipmentExportRequest): Promise<TJobRun> =>
      equipment.request(actor, f),
  }
}
export type RentalProjectsExports = ReturnType<typeof createRentalProjectsExports>
