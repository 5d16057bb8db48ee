import type {
  TCardinalPoint,
  TRentalCondition,
  TRentalEquipmentKind,
  TRentalEquipmentType,
} from '@faena/contracts'
import { writeAudit } from '../../platform/audit/audit'
import type { DemoSeeder } from '../../platform/seed/demo'
import { addDays } from '../rental-billing'
import { defaultDescription } from './assignment-rules'
import * as repo from './rental-projects.repository'
import { checkRuc } from './ruc'

/**
 * Demo data of a rental organization: clients with valid RUCs, the services catalog, ~30 units of several
 * types, two open projects with equipment and services (one retirement and its replacement) and a closed
 * project. Dates are relative to the day of seeding, so the demo always looks current.
 */

const CLIENTS = [
  {
    key: 'amazonica',
    name: 'Petrolera Amazónica del Oriente S.A.',
    taxId: '2191803224001',
    email: 'operaciones@amazonica.test',
    phone: '06 283 0400',
    address: 'Av. Quito y Colombia, Nueva Loja',
    contact: 'Ing. Marcelo Andrade',
  },
  {
    key: 'sacha',
    name: 'Servicios Petroleros Sacha Cía. Ltda.',
    taxId: '2190563319001',
    email: 'compras@spsacha.test',
    phone: '06 289 1122',
    address: 'Vía a Coca km 4, Joya de los Sachas',
    contact: 'Lcda. Paola Cedeño',
  },
  {
    key: 'ep',
    name: 'Empresa Pública de Hidrocarburos del Norte EP',
    taxId: '2260452010001',
    email: 'contratos@ephn.test',
    phone: '06 283 9000',
    address: 'Shushufindi, barrio Central',
    contact: 'Ing. Rubén Tapia',
  },
  {
    key: 'natural',
    name: 'Carlos Vinicio Guamán Rivas',
    taxId: '2103456782001',
    email: null,
    phone: '099 123 4567',
    address: 'Lago Agrio, calle 12 de Febrero',
    contact: null,
  },
] as const

const SERVICES = [
  { code: 'PEISOL-SERV01', name: 'Limpieza de batería sanitaria' },
  { code: 'PEISOL-SERV02', name: 'Limpieza de estación de lavamanos' },
  { code: 'PEISOL-SERV03', name: 'Succión y transporte de aguas negras y grises' },
  { code: 'PEISOL-SERV04', name: 'Análisis de laboratorio PTAR' },
  { code: 'PEISOL-SERV05', name: 'Movilización de equipos' },
  { code: 'PEISOL-SERV06', name: 'Disposición final de aguas negras y grises' },
] as const

type Unit = {
  code: string
  name: string
  type: TRentalEquipmentType
  brand?: string
  condition?: TRentalCondition
  location?: string
  notes?: string
}
const BASE_UNITS: Unit[] = [
  ...Array.from({ length: 12 }, (_, i): Unit => ({
    code: `PSL-BT-${101 + i}`,
    name: 'BATERÍA SANITARIA',
    type: 'toilet',
    brand: 'Satelite',
  })),
  ...Array.from({ length: 8 }, (_, i): Unit => ({
    code: `PSL-LV-${201 + i}`,
    name: 'ESTACIÓN DE LAVAMANOS',
    type: 'hand_wash_station',
    brand: 'PolyJohn',
  })),
  { code: 'PSL-UP-301', name: 'ESTACIÓN CUÁDRUPLE DE URINARIOS', type: 'urinal_station' },
  { code: 'PSL-UP-302', name: 'ESTACIÓN CUÁDRUPLE DE URINARIOS', type: 'urinal_station' },
  { code: 'PSL-CP-401', name: 'CAMPER BAÑO 4 PUESTOS', type: 'camper' },
  { code: 'PSL-CP-402', name: 'CAMPER BAÑO 6 PUESTOS', type: 'camper' },
  {
    code: 'PSL-PTAP-501',
    name: 'PLANTA DE TRATAMIENTO DE AGUA POTABLE 10 M3',
    type: 'potable_water_plant',
  },
  { code: 'PSL-PTAR-601', name: 'PLANTA DE TRATAMIENTO DE AGUA RESIDUAL 15 M3', type: 'wastewater_plant' },
  { code: 'PSL-TQ-701', name: 'TANQUE DE AGUA CRUDA 5000 L', type: 'raw_water_tank' },
  { code: 'PSL-TQ-702', name: 'TANQUE DE AGUA CRUDA 5000 L', type: 'raw_water_tank' },
  { code: 'PSL-TQ-703', name: 'TANQUE DE AGUA RESIDUAL 10000 L', type: 'wastewater_tank' },
]
const UNITS = BASE_UNITS.map((u): Unit =>
  u.code === 'PSL-BT-112'
    ? { ...u, condition: 'in_repair', location: 'BASE PEISOL - TALLER', notes: 'Cambio de bomba de pie' }
    : u.code === 'PSL-LV-208'
      ? { ...u, condition: 'damaged', location: 'BASE PEISOL', notes: 'Tanque fisurado' }
      : { ...u, location: 'BASE PEISOL' },
)

/** First day of the month `offset` months from `date` (UTC calendar). */
const monthStart = (date: Date, offset: number) => {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1))
  return d.toISOString().slice(0, 10)
}

export const seedDemoRentalProjects: DemoSeeder = async (trx, actor, org) => {
  if (!org.linesOfBusiness.includes('rental')) return
  const orgId = actor.orgId
  if ((await repo.listClients(trx, orgId, { limit: 1, offset: 0, sort: 'name', dir: 'asc' })).total > 0)
    return

  const now = new Date()
  const m0 = monthStart(now, 0)
  const m1 = monthStart(now, -1)
  const m2 = monthStart(now, -2)
  const m4 = monthStart(now, -4)

  const clients: Record<string, string> = {}
  for (const c of CLIENTS) {
    if (!checkRuc(c.taxId).ok) throw new Error(`demo RUC ${c.taxId} is not valid`)
    const row = await repo.insertClient(trx, orgId, null, {
      name: c.name,
      tax_id: c.taxId,
      email: c.email,
      phone: c.phone,
      address: c.address,
      contacts: c.contact
        ? [{ name: c.contact, position: 'Administrador de contrato', phone: c.phone, email: c.email }]
        : [],
      notes: null,
    })
    clients[c.key] = row.id
  }

  const items = new Map<
    string,
    { id: string; code: string; name: string; kind: TRentalEquipmentKind; type: TRentalEquipmentType | null }
  >()
  for (const s of SERVICES) {
    const row = await repo.insertEquipment(trx, orgId, null, {
      code: s.code,
      name: s.name,
      kind: 'service',
      type: null,
      brand: null,
      model: null,
      serial_number: null,
      condition: 'operative',
      location: null,
      review_note: null,
      notes: null,
    })
    items.set(s.code, row)
  }
  for (const u of UNITS) {
    const row = await repo.insertEquipment(trx, orgId, null, {
      code: u.code,
      name: u.name,
      kind: 'equipment',
      type: u.type,
      brand: u.brand ?? null,
      model: null,
      serial_number: null,
      condition: u.condition ?? 'operative',
      location: u.location ?? null,
      review_note: null,
      notes: u.notes ?? null,
    })
    items.set(u.code, row)
  }

  const project = async (v: {
    client: string
    name: string
    location: string
    cardinal: TCardinalPoint
    contact: string
    phone: string
    start: string
    end?: string
  }) =>
    (
      await repo.insertProject(trx, orgId, null, {
        client_id: clients[v.client]!,
        name: v.name,
        location: v.location,
        cardinal_point: v.cardinal,
        contact_name: v.contact,
        contact_phone: v.phone,
        start_date: v.start,
        end_date: v.end ?? null,
        notes: null,
      })
    ).id

  const assign = async (
    projectId: string,
    code: string,
    v: {
      rate: string
      start: string
      end?: string
      frequency?: 'daily' | 'weekdays' | 'monthdays'
      days?: number[]
      linked?: string
      retiredOn?: string
      reason?: string
    },
  ) => {
    const item = items.get(code)!
    const linked = v.linked ? items.get(v.linked)! : null
    const row = await repo.insertAssignment(trx, orgId, null, {
      project_id: projectId,
      equipment_id: item.id,
      kind: item.kind,
      daily_rate: v.rate,
      description: defaultDescription(item, linked),
      frequency: v.frequency ?? 'daily',
      frequency_days: v.days ?? [],
      operation_start: v.start,
      operation_end: v.end ?? null,
      linked_equipment_id: linked?.id ?? null,
      notes: null,
    })
    if (v.retiredOn) {
      await repo.updateAssignment(trx, orgId, row.id, {
        retired_on: v.retiredOn,
        retirement_reason: v.reason ?? null,
        updated_at: new Date(),
      })
    } else if (item.kind === 'equipment') {
      await repo.updateEquipment(trx, orgId, item.id, {
        availability: 'rented',
        current_project_id: projectId,
        updated_at: new Date(),
      })
    }
  }

  // P1: two months running, toilets, hand-wash stations, urinals, a wastewater plant and their services
  const p1 = await project({
    client: 'amazonica',
    name: 'Campamento Auca Sur',
    location: 'AUCA SUR CPF',
    cardinal: 'south',
    contact: 'Ing. Marcelo Andrade',
    phone: '0991234001',
    start: m2,
  })
  for (const code of ['PSL-BT-101', 'PSL-BT-102', 'PSL-BT-103', 'PSL-BT-104', 'PSL-BT-105'])
    await assign(p1, code, { rate: '18.00', start: m2 })
  await assign(p1, 'PSL-BT-106', {
    rate: '18.00',
    start: m2,
    retiredOn: addDays(m1, 9),
    reason: 'Enviada a mantenimiento correctivo',
  })
  await assign(p1, 'PSL-BT-107', { rate: '18.50', start: addDays(m1, 11) })
  for (const code of ['PSL-LV-201', 'PSL-LV-202', 'PSL-LV-203'])
    await assign(p1, code, { rate: '9.50', start: m2 })
  await assign(p1, 'PSL-UP-301', { rate: '25.00', start: m2 })
  await assign(p1, 'PSL-PTAR-601', { rate: '120.00', start: addDays(m2, 4) })
  await assign(p1, 'PEISOL-SERV01', {
    rate: '25.00',
    start: m2,
    frequency: 'weekdays',
    days: [0, 3],
    linked: 'PSL-BT-101',
  })
  await assign(p1, 'PEISOL-SERV02', {
    rate: '15.00',
    start: m2,
    frequency: 'weekdays',
    days: [2],
    linked: 'PSL-LV-201',
  })
  await assign(p1, 'PEISOL-SERV03', { rate: '180.00', start: m2, frequency: 'monthdays', days: [1, 15] })
  await assign(p1, 'PEISOL-SERV04', {
    rate: '95.00',
    start: addDays(m2, 4),
    frequency: 'monthdays',
    days: [28],
    linked: 'PSL-PTAR-601',
  })

  // P2: since last month, a camper and a raw-water tank too
  const p2 = await project({
    client: 'sacha',
    name: 'Plataforma Sacha 470',
    location: 'SACHA 470',
    cardinal: 'north',
    contact: 'Lcda. Paola Cedeño',
    phone: '0987654321',
    start: m1,
  })
  for (const code of ['PSL-BT-108', 'PSL-BT-109', 'PSL-BT-110'])
    await assign(p2, code, { rate: '17.00', start: m1 })
  for (const code of ['PSL-LV-204', 'PSL-LV-205']) await assign(p2, code, { rate: '9.00', start: m1 })
  await assign(p2, 'PSL-CP-401', { rate: '85.00', start: addDays(m1, 2) })
  await assign(p2, 'PSL-TQ-701', { rate: '30.00', start: m1, end: addDays(m0, 27) })
  await assign(p2, 'PEISOL-SERV01', {
    rate: '22.00',
    start: m1,
    frequency: 'weekdays',
    days: [0, 2, 4],
    linked: 'PSL-BT-108',
  })
  await assign(p2, 'PEISOL-SERV03', { rate: '175.00', start: m1, frequency: 'weekdays', days: [5] })

  // P3: a finished project, closed with every assignment retired
  const closedOn = addDays(m2, -1)
  const p3 = await project({
    client: 'ep',
    name: 'Pozo Shushufindi 29',
    location: 'SHUSHUFINDI 29',
    cardinal: 'east',
    contact: 'Ing. Rubén Tapia',
    phone: '0998765432',
    start: m4,
    end: closedOn,
  })
  await assign(p3, 'PSL-BT-111', {
    rate: '16.00',
    start: m4,
    retiredOn: closedOn,
    reason: 'Cierre de proyecto',
  })
  await assign(p3, 'PSL-LV-206', {
    rate: '8.50',
    start: m4,
    retiredOn: closedOn,
    reason: 'Cierre de proyecto',
  })
  await assign(p3, 'PEISOL-SERV01', {
    rate: '20.00',
    start: m4,
    frequency: 'weekdays',
    days: [1, 4],
    linked: 'PSL-BT-111',
    retiredOn: closedOn,
    reason: 'Cierre de proyecto',
  })
  await repo.updateProject(trx, orgId, p3, { closed: true, closed_on: closedOn, updated_at: new Date() })

  await writeAudit(trx, actor, {
    action: 'rental.demo_seeded',
    module: 'rental-projects',
    entityType: 'rental_project',
    entityId: null,
    data: { clients: CLIENTS.length, services: SERVICES.length, units: UNITS.length, projects: 3 },
  })
}
