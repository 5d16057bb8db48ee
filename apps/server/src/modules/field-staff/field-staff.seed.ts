import { addDays } from '@faena/domain/calendar-date'
import type { DemoSeeder } from '../../platform/seed/demo'
import { todayIn } from '../../platform/tenancy/today'
import * as repo from './field-staff.repository'
import { checkCedula } from './identity'

/**
 * The demo rental organization's document kinds (the defaults), two technicians and a pickup with their
 * credentials and papers, dated around today so the home page's "Vencimientos" has something to show.
 */
export const seedDemoFieldStaff: DemoSeeder = async (trx, actor, org) => {
  if (!org.linesOfBusiness.includes('rental')) return
  const orgId = actor.orgId
  await repo.ensureDefaultKinds(trx, orgId)
  const kinds = new Map((await repo.listKinds(trx, orgId)).map((k) => [`${k.owner_kind}:${k.code}`, k.id]))
  const today = todayIn('America/Guayaquil', new Date())
  const doc = (kind: string, days: number, subject: string | null = null) => ({
    kind_id: kinds.get(kind)!,
    subject,
    number: null,
    issued_on: null,
    expires_on: addDays(today, days),
    notes: null,
  })
  const people = [
    {
      first_names: 'Juan Carlos',
      last_names: 'Pérez Mora',
      cedula: '1710034065',
      docs: [
        doc('staff:licence', 400, 'Tipo E'),
        doc('staff:defensive_driving', 8),
        doc('staff:medical', 120),
      ],
    },
    {
      first_names: 'María Fernanda',
      last_names: 'Andrade Vega',
      cedula: '0926687856',
      docs: [
        doc('staff:licence', -5, 'Tipo C'),
        doc('staff:block_pass', 25, 'Bloque 16'),
        doc('staff:quest', 200),
      ],
    },
  ]
  for (const p of people) {
    if (!checkCedula(p.cedula).ok) throw new Error(`demo cédula ${p.cedula} is not valid`)
    const { id } = await repo.insertStaff(trx, orgId, null, {
      first_names: p.first_names,
      last_names: p.last_names,
      cedula: p.cedula,
      phone: null,
      email: null,
      active: true,
      notes: null,
    })
    for (const d of p.docs) await repo.insertDocument(trx, orgId, 'staff', id, null, d)
  }
  const { id } = await repo.insertVehicle(trx, orgId, null, {
    plate: 'PBA-1234',
    brand: 'Toyota',
    model: 'Hilux',
    year: 2021,
    active: true,
    notes: null,
  })
  for (const d of [doc('vehicle:registration', 180), doc('vehicle:insurance', 20), doc('vehicle:mtop', 90)])
    await repo.insertDocument(trx, orgId, 'vehicle', id, null, d)
}
