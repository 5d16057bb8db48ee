import { addDays } from '@faena/domain/calendar-date'
import type { DemoSeeder } from '../../platform/seed/demo'
import { todayIn } from '../../platform/tenancy/today'
import { listEquipmentUnits } from '../rental-projects'
import * as repo from './equipment-condition.repository'
import { inspectionCounts } from './technical-status'

const TOILET = [
  'Dispensador de papel',
  'Dispensador de jabón',
  'Dispensador de servilletas',
  'Urinario',
  'Asiento',
  'Bomba de inodoro',
  'Bomba de lavamanos',
  'Tapa de inodoro',
  'Bases del baño',
  'Tubo de ventilación',
]
const PLANT = [
  'Soplador (marca y modelo)',
  'Banda',
  'Polea del soplador',
  'Polea del motor',
  'Tablero eléctrico',
  'Guarda del motor',
  'Relé del motor',
  'Relé del soplador',
  'Bomba dosificadora',
  'Bomba de presión',
  'Motor (marca y modelo)',
  'Tanque hidroneumático',
]

/** The demo checklists: the parts the old system checked per type (docs/equipment-condition.md#checklists). */
export const DEMO_CHECKLISTS: Record<string, string[]> = {
  toilet: TOILET,
  hand_wash_station: [
    'Bombas de pie',
    'Dispensador de jabón',
    'Dispensador de servilletas',
    'Toallas de papel',
  ],
  urinal_station: [
    'Dispensador de papel',
    'Dispensador de jabón',
    'Dispensador de servilletas',
    'Urinarios',
    'Bomba de inodoro',
    'Bomba de lavamanos',
    'Tapa de inodoro',
    'Bombas de pie',
    'Toallas de papel',
  ],
  camper: [...TOILET, 'Bombas de pie', 'Toallas de papel'],
  potable_water_plant: [...PLANT, 'Filtro UV', 'Filtro de la bomba', 'Filtro de arena y carbón'],
  wastewater_plant: PLANT,
  raw_water_tank: ['Tapa de inspección', 'Válvula de descarga'],
  wastewater_tank: ['Tapa de inspección', 'Válvula de descarga'],
}

/**
 * Demo rental organization: the checklists above and a few inspections around today — one unit with a part
 * missing (incomplete), one with a damaged part (damaged), units in order (available), one rented unit —
 * and the unit the catalog has in the workshop marked sent to repair.
 */
export const seedDemoEquipmentCondition: DemoSeeder = async (trx, actor, org) => {
  if (!org.linesOfBusiness.includes('rental')) return
  const orgId = actor.orgId
  for (const [type, labels] of Object.entries(DEMO_CHECKLISTS))
    for (const [position, label] of labels.entries())
      await repo.insertItem(trx, orgId, { equipment_type: type, label, position })
  const items = await repo.listActiveItems(trx, orgId)
  const units = new Map((await listEquipmentUnits(trx, orgId)).map((u) => [u.code, u]))
  const today = todayIn('America/Guayaquil', new Date())
  const inspect = async (
    code: string,
    daysAgo: number,
    missing: string[],
    damaged: string[],
    notes: string | null,
  ) => {
    const unit = units.get(code)
    if (!unit?.type) return
    const answers = items
      .filter((i) => i.equipment_type === unit.type)
      .map((i): repo.AnswerValues => ({
        item_id: i.id,
        label: i.label,
        position: i.position,
        present: !missing.includes(i.label),
        condition: missing.includes(i.label) ? null : damaged.includes(i.label) ? 'damaged' : 'good',
        notes: damaged.includes(i.label) ? 'Roto' : missing.includes(i.label) ? 'No está' : null,
      }))
    const counts = inspectionCounts(answers.map((a) => ({ present: a.present, condition: a.condition })))
    await repo.insertInspection(
      trx,
      orgId,
      null,
      {
        equipment_id: unit.id,
        inspected_on: addDays(today, -daysAgo),
        technician_id: null,
        inspector_name: 'Juan Carlos Pérez Mora',
        notes,
        missing_count: counts.missingCount,
        damaged_count: counts.damagedCount,
      },
      answers,
    )
  }
  await inspect('PSL-BT-101', 40, [], [], 'Antes de enviarlo al proyecto')
  await inspect('PSL-UP-302', 3, ['Dispensador de jabón'], [], 'Falta el dispensador de jabón')
  await inspect('PSL-BT-111', 2, [], [], null)
  await inspect('PSL-CP-402', 5, [], ['Bomba de inodoro'], 'La bomba del inodoro no funciona')
  await inspect('PSL-LV-207', 1, [], [], null)
  const workshop = units.get('PSL-BT-112')
  if (workshop)
    await repo.insertRepair(trx, orgId, null, {
      equipment_id: workshop.id,
      sent_on: addDays(today, -4),
      reason: 'Cambio de bomba de pie',
    })
}
