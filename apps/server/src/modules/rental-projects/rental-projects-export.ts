import { cardinalPointEs } from '@faena/domain'
import {
  ZRentalClientExportRequest,
  ZRentalEquipmentExportRequest,
  ZRentalProjectExportRequest,
  type TJobRun,
  type TRentalClient,
  type TRentalClientExportRequest,
  type TRentalEquipment,
  type TRentalEquipmentExportRequest,
  type TRentalProject,
  type TRentalProjectExportRequest,
} from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Db } from '../../platform/db/executor'
import type { JobsService } from '../../platform/jobs'
import { byId, exportList } from '../../platform/jobs/list-export'
import type { SheetColumn } from '../../platform/spreadsheet/spreadsheet'
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

const KIND_ES = { equipment: 'Equipo', service: 'Servicio' } as const
export const CONDITION_ES = {
  operative: 'Operativo',
  in_repair: 'En reparación',
  damaged: 'Dañado',
  retired: 'Retirado',
} as const
export const AVAILABILITY_ES = { available: 'Disponible', rented: 'Rentado' } as const
const TAX_KIND_ES = { natural: 'Persona natural', public: 'Entidad pública', private: 'Sociedad' } as const

const CLIENT_COLUMNS: SheetColumn[] = [
  { header: 'Nombre', key: 'name', width: 36 },
  { header: 'RUC', key: 'taxId', width: 16 },
  { header: 'Tipo de contribuyente', key: 'taxIdKind', width: 18 },
  { header: 'Correo', key: 'email', width: 28 },
  { header: 'Teléfono', key: 'phone', width: 16 },
  { header: 'Dirección', key: 'address', width: 36 },
  { header: 'Contactos', key: 'contacts', width: 40 },
  { header: 'Proyectos', key: 'projectCount', type: 'number', width: 10 },
  { header: 'Proyectos abiertos', key: 'openProjectCount', type: 'number', width: 10 },
  { header: 'Notas', key: 'notes', width: 30 },
]

const clientRow = (c: TRentalClient): Record<string, unknown> => ({
  ...c,
  taxIdKind: TAX_KIND_ES[c.taxIdKind],
  contacts: c.contacts
    .map((x) => [x.name, x.position, x.phone, x.email].filter(Boolean).join(' · '))
    .join('; '),
})

const PROJECT_COLUMNS: SheetColumn[] = [
  { header: 'Proyecto', key: 'name', width: 30 },
  { header: 'Cliente', key: 'client', width: 30 },
  { header: 'RUC', key: 'taxId', width: 16 },
  { header: 'Ubicación / campamento', key: 'location', width: 24 },
  { header: 'Punto cardinal', key: 'cardinalPoint', width: 12 },
  { header: 'Contacto', key: 'contactName', width: 22 },
  { header: 'Teléfono', key: 'contactPhone', width: 14 },
  { header: 'Inicio', key: 'startDate', type: 'date', width: 12 },
  { header: 'Fin', key: 'endDate', type: 'date', width: 12 },
  { header: 'Estado', key: 'status', width: 10 },
  { header: 'Equipos activos', key: 'activeEquipment', type: 'number', width: 10 },
  { header: 'Servicios activos', key: 'activeServices', type: 'number', width: 10 },
  { header: 'Renta diaria', key: 'dailyRental', type: 'money', width: 12 },
]

const projectRow = (p: TRentalProject): Record<string, unknown> => ({
  ...p,
  client: p.client.name,
  taxId: p.client.taxId,
  cardinalPoint: cardinalPointEs(p.cardinalPoint),
  status: p.closed ? 'Cerrado' : 'Abierto',
})

const EQUIPMENT_COLUMNS: SheetColumn[] = [
  { header: 'Código', key: 'code', width: 18 },
  { header: 'Nombre', key: 'name', width: 30 },
  { header: 'Clase', key: 'kind', width: 10 },
  { header: 'Tipo', key: 'type', width: 24 },
  { header: 'Marca', key: 'brand', width: 14 },
  { header: 'Modelo', key: 'model', width: 14 },
  { header: 'Serie', key: 'serialNumber', width: 14 },
  { header: 'Estado', key: 'condition', width: 14 },
  { header: 'Disponibilidad', key: 'availability', width: 12 },
  { header: 'Proyecto actual', key: 'project', width: 26 },
  { header: 'Ubicación', key: 'location', width: 24 },
  { header: 'Revisión pendiente', key: 'reviewNote', width: 40 },
  { header: 'Notas', key: 'notes', width: 30 },
]

const equipmentRow = (e: TRentalEquipment): Record<string, unknown> => ({
  ...e,
  kind: KIND_ES[e.kind],
  type: e.type ? TYPE_LABELS_ES[e.type] : null,
  condition: CONDITION_ES[e.condition],
  availability: AVAILABILITY_ES[e.availability],
  project: e.currentProject ? `${e.currentProject.name} (${e.currentProject.clientName})` : null,
  location: e.currentProject?.location ?? e.location,
})

export function createRentalProjectsExports({ db, jobs }: { db: Db; jobs: Pick<JobsService, 'define'> }) {
  const clients = jobs.define<TRentalClientExportRequest>({
    kind: RENTAL_PROJECTS_EXPORT_JOBS.clients,
    permission: 'rental.read',
    payload: ZRentalClientExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      return exportList(ctx, {
        sheet: 'Clientes',
        columns: CLIENT_COLUMNS,
        fileName: 'clientes.xlsx',
        ids: await repo.listClientIds(db, orgId, f),
        rows: async (ids) => byId(await repo.listClientsByIds(db, orgId, ids), (r) => clientRow(toClient(r))),
      })
    },
  })
  const projects = jobs.define<TRentalProjectExportRequest>({
    kind: RENTAL_PROJECTS_EXPORT_JOBS.projects,
    permission: 'rental.read',
    payload: ZRentalProjectExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      return exportList(ctx, {
        sheet: 'Proyectos',
        columns: PROJECT_COLUMNS,
        fileName: 'proyectos.xlsx',
        ids: await repo.listProjectIds(db, orgId, f),
        rows: async (ids) =>
          byId(await repo.listProjectsByIds(db, orgId, ids), (r) => projectRow(toProject(r))),
      })
    },
  })
  const equipment = jobs.define<TRentalEquipmentExportRequest>({
    kind: RENTAL_PROJECTS_EXPORT_JOBS.equipment,
    permission: 'rental.read',
    payload: ZRentalEquipmentExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      return exportList(ctx, {
        sheet: 'Equipos',
        columns: EQUIPMENT_COLUMNS,
        fileName: 'equipos.xlsx',
        ids: await repo.listEquipmentIds(db, orgId, f),
        rows: async (ids) =>
          byId(await repo.listEquipmentByIds(db, orgId, ids), (r) => equipmentRow(toEquipment(r))),
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
