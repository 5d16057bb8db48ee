import { cardinalPointEs } from '@faena/domain'
import type { TRentalClient, TRentalEquipment, TRentalProject } from '@faena/contracts'
import { writeWorkbook } from '../../platform/spreadsheet/spreadsheet'
import { TYPE_LABELS_ES } from './assignment-rules'

/** The filtered lists as workbooks: one row per record, in the order of the list. */

const KIND_ES = { equipment: 'Equipo', service: 'Servicio' } as const
export const CONDITION_ES = {
  operative: 'Operativo',
  in_repair: 'En reparación',
  damaged: 'Dañado',
  retired: 'Retirado',
} as const
export const AVAILABILITY_ES = { available: 'Disponible', rented: 'Rentado' } as const
const TAX_KIND_ES = { natural: 'Persona natural', public: 'Entidad pública', private: 'Sociedad' } as const

export async function writeClientsWorkbook(items: TRentalClient[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Clientes',
      columns: [
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
      ],
      rows: items.map((c) => ({
        ...c,
        taxIdKind: TAX_KIND_ES[c.taxIdKind],
        contacts: c.contacts
          .map((x) => [x.name, x.position, x.phone, x.email].filter(Boolean).join(' · '))
          .join('; '),
      })),
    },
  ])
}

export async function writeProjectsWorkbook(items: TRentalProject[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Proyectos',
      columns: [
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
      ],
      rows: items.map((p) => ({
        ...p,
        client: p.client.name,
        taxId: p.client.taxId,
        cardinalPoint: cardinalPointEs(p.cardinalPoint),
        status: p.closed ? 'Cerrado' : 'Abierto',
      })),
    },
  ])
}

export async function writeEquipmentWorkbook(items: TRentalEquipment[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Equipos',
      columns: [
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
      ],
      rows: items.map((e) => ({
        ...e,
        kind: KIND_ES[e.kind],
        type: e.type ? TYPE_LABELS_ES[e.type] : null,
        condition: CONDITION_ES[e.condition],
        availability: AVAILABILITY_ES[e.availability],
        project: e.currentProject ? `${e.currentProject.name} (${e.currentProject.clientName})` : null,
        location: e.currentProject?.location ?? e.location,
      })),
    },
  ])
}
