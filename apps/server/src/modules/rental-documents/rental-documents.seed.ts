import type { TWasteType } from '@faena/contracts'
import { writeAudit } from '../../platform/audit/audit'
import { allocateNumber } from '../../platform/numbering'
import type { DemoSeeder } from '../../platform/seed/demo'
import { addDays, convertVolume, type VolumeUnit } from '../rental-billing'
import { durationHours, inclusiveDays, maintenanceTotal, NUMBER_SERIES } from './document-rules'
import { rentalProjectsPort } from './rental-projects-port'
import * as repo from './rental-documents.repository'
import { DEFAULT_TEXTS } from './field-document-context'

/**
 * Demo field documents of a rental organization (after the rental-projects seeder): on the two open
 * demo projects, custody chains (one cancelled), maintenance sheets and shipping guides of last month and
 * this one, drafts and closed. Dates are relative to the day of seeding.
 */
export const seedDemoRentalDocuments: DemoSeeder = async (trx, actor, org) => {
  if (!org.linesOfBusiness.includes('rental')) return
  const orgId = actor.orgId
  const [p1] = await rentalProjectsPort.findProjectIds(trx, orgId, 'Auca Sur')
  const [p2] = await rentalProjectsPort.findProjectIds(trx, orgId, 'Sacha 470')
  if (!p1 || !p2) return
  if ((await repo.listChains(trx, orgId, { sort: 'number', dir: 'desc', limit: 1, offset: 0 })).total > 0)
    return

  const now = new Date()
  const monthStart = (offset: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10)
  const m0 = monthStart(0)
  const m1 = monthStart(-1)
  const today = now.toISOString().slice(0, 10)
  const clampToday = (d: string) => (d > today ? today : d)

  const a1 = await rentalProjectsPort.listAssignments(trx, orgId, p1)
  const a2 = await rentalProjectsPort.listAssignments(trx, orgId, p2)
  const byCode = (list: typeof a1, code: string) =>
    list.find((a) => a.itemCode === code && !a.retiredOn) ?? list.find((a) => a.itemCode === code)
  const equipmentOf = (a: (typeof a1)[number] | undefined) =>
    a ? (a.kind === 'equipment' ? a.itemId : a.linkedEquipmentId) : null

  const chain = async (v: {
    projectId: string
    date: string
    start: string
    end: string
    attended: (typeof a1)[number][]
    unit: VolumeUnit
    volume: string
    waste: TWasteType[]
    logistics?: string
    status?: 'draft' | 'closed' | 'cancelled'
    reason?: string
  }) => {
    const volumes = convertVolume(v.unit, v.volume)
    const number = await allocateNumber(trx, { orgId, series: NUMBER_SERIES.chain })
    const row = await repo.insertChain(trx, {
      org_id: orgId,
      number,
      project_id: v.projectId,
      created_by: null,
      activity_date: v.date,
      location: null,
      driver_staff_id: null,
      vehicle_id: null,
      start_time: v.start,
      end_time: v.end,
      duration_hours: durationHours(v.start, v.end).hours,
      contact_name: 'Ing. Marcelo Andrade',
      contact_dni: '1712345678',
      contact_position: 'Supervisor de campamento',
      driver_name: 'Jorge Pilco',
      driver_dni: '2100456789',
      vehicle_plate: 'PBA-1234',
      volume_unit: v.unit,
      gallons: volumes.gallons,
      barrels: volumes.barrels,
      cubic_meters: volumes.cubicMeters,
      waste_types: v.waste,
      logistics_cost: v.logistics ?? '0.00',
      billing_text: DEFAULT_TEXTS.logistics,
      notes: null,
    })
    await repo.setChainAssignments(
      trx,
      orgId,
      row.id,
      v.attended.map((a) => ({ assignmentId: a.id, equipmentId: equipmentOf(a) })),
    )
    if (v.status && v.status !== 'draft')
      await repo.updateChain(trx, orgId, row.id, {
        status: v.status,
        status_reason: v.reason ?? null,
        updated_at: new Date(),
      })
  }

  const services1 = a1.filter((a) => a.kind === 'service' && !a.retiredOn)
  const suction1 = services1.find((a) => a.itemCode === 'PEISOL-SERV03')
  const toilets1 = services1.find((a) => a.itemCode === 'PEISOL-SERV01')
  const visit1 = [toilets1, suction1].filter((a): a is (typeof a1)[number] => Boolean(a))
  if (visit1.length > 0) {
    await chain({
      projectId: p1,
      date: addDays(m1, 0),
      start: '08:00',
      end: '10:30',
      attended: visit1,
      unit: 'gallons',
      volume: '180',
      waste: ['blackWater', 'greyWater'],
      logistics: '40.00',
      status: 'closed',
    })
    await chain({
      projectId: p1,
      date: addDays(m1, 14),
      start: '07:30',
      end: '09:10',
      attended: visit1,
      unit: 'barrels',
      volume: '12.5',
      waste: ['blackWater', 'greyWater'],
      status: 'closed',
    })
    await chain({
      projectId: p1,
      date: addDays(m1, 20),
      start: '09:00',
      end: '09:45',
      attended: visit1,
      unit: 'gallons',
      volume: '95',
      waste: ['greyWater'],
      status: 'cancelled',
      reason: 'Visita duplicada',
    })
    await chain({
      projectId: p1,
      date: clampToday(addDays(m0, 0)),
      start: '08:15',
      end: '10:00',
      attended: visit1,
      unit: 'cubicMeters',
      volume: '1.5',
      waste: ['blackWater', 'greyWater'],
    })
  }
  const services2 = a2.filter((a) => a.kind === 'service' && !a.retiredOn)
  if (services2.length > 0) {
    await chain({
      projectId: p2,
      date: clampToday(addDays(m0, 1)),
      start: '13:00',
      end: '14:20',
      attended: services2,
      unit: 'gallons',
      volume: '240',
      waste: ['blackWater'],
    })
  }

  const maintenance = async (v: {
    projectId: string
    assignment: (typeof a1)[number] | undefined
    type: 'preventive' | 'corrective'
    start: string
    end: string
    costPerDay: string
    logistics: string
    fault?: string
    status?: 'draft' | 'closed'
  }) => {
    const days = inclusiveDays(v.start, v.end) ?? 1
    const number = await allocateNumber(trx, { orgId, series: NUMBER_SERIES.maintenance })
    const row = await repo.insertMaintenance(trx, {
      org_id: orgId,
      number,
      project_id: v.projectId,
      created_by: null,
      technician_staff_id: null,
      assignment_id: v.assignment?.id ?? null,
      equipment_id: equipmentOf(v.assignment),
      maintenance_type: v.type,
      start_date: v.start,
      end_date: v.end,
      total_days: days,
      technician_name: 'Luis Andrade Yumbo',
      requested_by: 'Ing. Marcelo Andrade',
      rig: null,
      location: null,
      cost_per_day: v.costPerDay,
      total_cost: maintenanceTotal(days, v.costPerDay),
      technical_description: DEFAULT_TEXTS.technical,
      logistics_cost: v.logistics,
      logistics_description: DEFAULT_TEXTS.logistics,
      maintenance_description:
        v.type === 'preventive'
          ? 'Revisión general, limpieza de filtros y prueba de bombas.'
          : 'Cambio de bomba de recirculación.',
      fault_description: v.fault ?? null,
      possible_causes: v.fault ? 'Desgaste por operación continua' : null,
      replaced_parts: v.type === 'corrective' ? 'Bomba 1 HP' : null,
      observations: null,
      performed_by: 'Luis Andrade Yumbo',
      performed_by_position: 'Técnico de mantenimiento',
      approved_by: 'Ing. Marcelo Andrade',
      approved_by_position: 'Supervisor de campamento',
    })
    if (v.status === 'closed')
      await repo.updateMaintenance(trx, orgId, row.id, { status: 'closed', updated_at: new Date() })
  }
  const ptar = byCode(a1, 'PSL-PTAR-601')
  await maintenance({
    projectId: p1,
    assignment: ptar,
    type: 'preventive',
    start: addDays(m1, 7),
    end: addDays(m1, 8),
    costPerDay: '60.00',
    logistics: '30.00',
    status: 'closed',
  })
  await maintenance({
    projectId: p1,
    assignment: byCode(a1, 'PSL-BT-101'),
    type: 'corrective',
    start: clampToday(addDays(m0, 0)),
    end: clampToday(addDays(m0, 0)),
    costPerDay: '45.00',
    logistics: '0.00',
    fault: 'La bomba de pie no succiona',
  })

  const guide = async (v: {
    projectId: string
    type: 'exit' | 'entry'
    date: string
    units: (typeof a1)[number][]
    transport: string
    stowage: string
    status?: 'draft' | 'closed'
  }) => {
    const number = await allocateNumber(trx, { orgId, series: NUMBER_SERIES.guide })
    const row = await repo.insertGuide(trx, {
      org_id: orgId,
      number,
      project_id: v.projectId,
      created_by: null,
      guide_type: v.type,
      reason: v.type === 'exit' ? 'rent' : 'return',
      issue_date: v.date,
      start_date: v.date,
      end_date: v.date,
      origin_place: v.type === 'exit' ? 'BASE PEISOL' : 'CAMPAMENTO',
      destination_place: v.type === 'exit' ? 'CAMPAMENTO' : 'BASE PEISOL',
      carrier_name: 'Transportes Río Napo',
      carrier_dni: '2100987654',
      vehicle_plate: 'PBC-9876',
      driver_staff_id: null,
      vehicle_id: null,
      dispatcher_name: 'Bodega PEISOL',
      dispatcher_dni: null,
      receiver_name: 'Ing. Marcelo Andrade',
      receiver_dni: '1712345678',
      contact_name: 'Ing. Marcelo Andrade',
      contact_phone: '0991234001',
      transport_cost: v.transport,
      transport_description: DEFAULT_TEXTS.transport,
      stowage_cost: v.stowage,
      stowage_description: DEFAULT_TEXTS.stowage,
      notes: null,
    })
    await repo.replaceGuideItems(
      trx,
      orgId,
      row.id,
      v.units.map((a) => ({
        assignment_id: a.id,
        equipment_id: equipmentOf(a),
        description: `${a.itemCode} / ${a.itemName}`,
        quantity: 1,
        unit: 'u',
      })),
    )
    if (v.status === 'closed')
      await repo.updateGuide(trx, orgId, row.id, { status: 'closed', updated_at: new Date() })
  }
  const replacement = byCode(a1, 'PSL-BT-107')
  await guide({
    projectId: p1,
    type: 'exit',
    date: addDays(m1, 10),
    units: replacement ? [replacement] : [],
    transport: '80.00',
    stowage: '0.00',
    status: 'closed',
  })
  const units2 = a2.filter((a) => a.kind === 'equipment').slice(0, 3)
  await guide({
    projectId: p2,
    type: 'exit',
    date: addDays(m1, 1),
    units: units2,
    transport: '120.00',
    stowage: '25.00',
  })

  await writeAudit(trx, actor, {
    action: 'rental.demo_documents_seeded',
    module: 'rental-documents',
    entityType: 'custody_chain',
    entityId: null,
    data: { projects: 2 },
  })
}
