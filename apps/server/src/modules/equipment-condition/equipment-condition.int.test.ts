/**
 * Equipment condition on both databases (docs/equipment-condition.md): the demo checklists, a checklist
 * saved all or nothing (400 naming `items.<n>`), an inspection recorded against it (400 naming the field,
 * nothing saved), the status derived (incomplete, damaged, in repair, available, rented), the report with
 * filters, sorting and counts, its export as a job, the PDFs, the audit, permissions and organizations.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportViaJob } from '../../../test/export-jobs'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, type Json } from '../../../test/json-api'

// Monday 7 December 2026, 07:30 in Guayaquil (UTC-5)
const NOW = new Date('2026-12-07T12:30:00Z')
const R = '/api/v1/rental'

let t: TestApp
let admin = ''
const api = jsonApi(
  () => t,
  () => admin,
)
let units: Json[] = []
const unit = (code: string) => units.find((u) => u.code === code)!

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  admin = await t.login('admin@rental.test')
  units = (await api.ok(api.get(`${R}/equipment?limit=200&kind=equipment`))).items
})
afterAll(async () => t?.close())

const answersFor = (
  items: Json[],
  f: (label: string) => Json = () => ({ present: true, condition: 'good' }),
) => items.map((i) => ({ itemId: i.id, ...f(i.label) }))

describe('equipment condition', () => {
  it('lists the demo checklists per type with their units', async () => {
    const { items } = await api.ok(api.get(`${R}/equipment-checklists`))
    const toilet = items.find((c: Json) => c.type === 'toilet')
    expect(toilet.items.map((i: Json) => i.label)).toContain('Dispensador de jabón')
    expect(toilet.unitCount).toBe(12)
    expect(items.find((c: Json) => c.type === 'other').items).toEqual([])
  })

  it('saves a checklist all or nothing: a repeated label is a 400 naming the row, nothing changes', async () => {
    const before = (await api.ok(api.get(`${R}/equipment-checklists`))).items.find(
      (c: Json) => c.type === 'raw_water_tank',
    )
    const bad = await api.put(`${R}/equipment-checklists`, {
      type: 'raw_water_tank',
      items: [{ label: 'Escalera' }, { label: 'escalera' }],
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'items.1.label' })])
    const foreign = await api.put(`${R}/equipment-checklists`, {
      type: 'raw_water_tank',
      items: [{ id: '00000000-0000-4000-8000-000000000000', label: 'X' }],
    })
    expect(foreign.status).toBe(400)
    expect(foreign.body.error.details).toEqual([expect.objectContaining({ path: 'items.0.id' })])
    const same = (await api.ok(api.get(`${R}/equipment-checklists`))).items.find(
      (c: Json) => c.type === 'raw_water_tank',
    )
    expect(same).toEqual(before)
    // keep the first (renamed), drop the second, add one
    const saved = await api.ok(
      api.put(`${R}/equipment-checklists`, {
        type: 'raw_water_tank',
        items: [{ id: before.items[0].id, label: 'Tapa superior' }, { label: 'Escalera' }],
      }),
    )
    expect(saved.items.map((i: Json) => i.label)).toEqual(['Tapa superior', 'Escalera'])
    expect(saved.items[0].id).toBe(before.items[0].id)
    const audit = await api.ok(api.get('/api/v1/audit?action=equipmentChecklist.saved&limit=5'))
    expect(audit.items[0].changes[0]).toMatchObject({
      field: 'items.raw_water_tank',
      new: ['Tapa superior', 'Escalera'],
    })
  })

  it('records an inspection: every item answered, a condition for present items, the inspector named', async () => {
    const u = unit('PSL-TQ-702')
    const cond = await api.ok(api.get(`${R}/equipment/${u.id}/condition`))
    expect(cond.unit.status).toBe('available')
    expect(cond.checklist.map((i: Json) => i.label)).toEqual(['Tapa superior', 'Escalera'])
    const items = cond.checklist
    const bad = await api.post(`${R}/equipment/${u.id}/inspections`, {
      inspectedOn: '2026-12-07',
      answers: [{ itemId: items[0].id, present: true }],
    })
    expect(bad.status).toBe(400)
    const paths = bad.body.error.details.map((d: Json) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['answers.0.condition', 'answers', 'inspectorName']))
    const future = await api.post(`${R}/equipment/${u.id}/inspections`, {
      inspectedOn: '2026-12-08',
      inspectorName: 'Ana',
      answers: answersFor(items),
    })
    expect(future.status).toBe(400)
    expect(future.body.error.details).toEqual([expect.objectContaining({ path: 'inspectedOn' })])
    const unknownTech = await api.post(`${R}/equipment/${u.id}/inspections`, {
      inspectedOn: '2026-12-07',
      technicianId: '00000000-0000-4000-8000-000000000000',
      answers: answersFor(items),
    })
    expect(unknownTech.status).toBe(400)
    expect(JSON.stringify(unknownTech.body.error.details)).toContain('technicianId')
    expect((await api.ok(api.get(`${R}/equipment/${u.id}/condition`))).inspections).toEqual([])

    const staff = (await api.ok(api.get(`${R}/staff?limit=5`))).items[0]
    const missing = await api.ok(
      api.post(`${R}/equipment/${u.id}/inspections`, {
        inspectedOn: '2026-12-06',
        technicianId: staff.id,
        answers: answersFor(items, (l) =>
          l === 'Escalera'
            ? { present: false, notes: 'Se la llevaron' }
            : { present: true, condition: 'fair' },
        ),
      }),
      201,
    )
    expect(missing).toMatchObject({ inspectorName: staff.fullName, missingCount: 1, damagedCount: 0 })
    expect((await api.ok(api.get(`${R}/equipment/${u.id}/condition`))).unit.status).toBe('incomplete')

    const damaged = await api.ok(
      api.post(`${R}/equipment/${u.id}/inspections`, {
        inspectedOn: '2026-12-07',
        inspectorName: 'Ana Torres',
        answers: answersFor(items, (l) =>
          l === 'Escalera' ? { present: false } : { present: true, condition: 'damaged' },
        ),
      }),
      201,
    )
    const c2 = await api.ok(api.get(`${R}/equipment/${u.id}/condition`))
    expect(c2.unit).toMatchObject({
      status: 'damaged',
      missingCount: 1,
      damagedCount: 1,
      lastInspectedOn: '2026-12-07',
    })
    expect(c2.lastInspection.id).toBe(damaged.id)

    // a later inspection with everything in place clears it
    await api.ok(
      api.post(`${R}/equipment/${u.id}/inspections`, {
        inspectedOn: '2026-12-07',
        inspectorName: 'Ana Torres',
        answers: answersFor(items),
      }),
      201,
    )
    expect((await api.ok(api.get(`${R}/equipment/${u.id}/condition`))).unit.status).toBe('available')
    // deleting it (recorded by mistake) falls back to the previous one, audited
    const last = (await api.ok(api.get(`${R}/equipment/${u.id}/condition`))).lastInspection
    await api.ok(api.del(`${R}/equipment-inspections/${last.id}`))
    expect((await api.ok(api.get(`${R}/equipment/${u.id}/condition`))).unit.status).toBe('damaged')
    const audit = await api.ok(api.get('/api/v1/audit?limit=20'))
    const actions = audit.items.map((a: Json) => a.action)
    expect(actions).toEqual(
      expect.arrayContaining(['equipmentInspection.recorded', 'equipmentInspection.deleted']),
    )

    // the recorded inspection and the blank checklist as PDFs
    const pdf = await api.get(`${R}/equipment-inspections/${damaged.id}/pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-')
    expect(String(pdf.headers['content-disposition'])).toContain('Checklist-PSL-TQ-702-20261207.pdf')
    const blank = await api.get(`${R}/equipment/${u.id}/checklist.pdf`)
    expect(blank.status).toBe(200)
    expect(blank.raw.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('marks a unit sent to repair until it is returned; a rented unit cannot be sent', async () => {
    const u = unit('PSL-BT-111')
    const sent = await api.ok(
      api.post(`${R}/equipment/${u.id}/repair`, { sentOn: '2026-12-05', reason: 'Fuga en la válvula' }),
    )
    expect(sent.unit).toMatchObject({ status: 'in_repair', repairSince: '2026-12-05' })
    const again = await api.post(`${R}/equipment/${u.id}/repair`, { sentOn: '2026-12-06', reason: 'x' })
    expect(again.status).toBe(409)
    const early = await api.post(`${R}/equipment/${u.id}/repair/return`, { returnedOn: '2026-12-01' })
    expect(early.status).toBe(400)
    expect(early.body.error.details).toEqual([expect.objectContaining({ path: 'returnedOn' })])
    const back = await api.ok(api.post(`${R}/equipment/${u.id}/repair/return`, { returnedOn: '2026-12-07' }))
    expect(back.unit.status).toBe('available')
    expect(back.repairs[0]).toMatchObject({ sentOn: '2026-12-05', returnedOn: '2026-12-07' })
    const notIn = await api.post(`${R}/equipment/${u.id}/repair/return`, { returnedOn: '2026-12-07' })
    expect(notIn.status).toBe(409)
    const rented = await api.post(`${R}/equipment/${unit('PSL-BT-101').id}/repair`, {
      sentOn: '2026-12-07',
      reason: 'x',
    })
    expect(rented.status).toBe(409)
  })

  it('reports the status of every unit: filters, search, sorting, pagination, counts', async () => {
    const all = await api.ok(api.get(`${R}/equipment-status?limit=500`))
    expect(all.total).toBe(units.filter((u) => u.condition !== 'retired').length)
    const by = (code: string) => all.items.find((r: Json) => r.code === code)
    expect(by('PSL-BT-101').status).toBe('rented')
    expect(by('PSL-BT-101').projectName).toBeTruthy()
    expect(by('PSL-BT-112').status).toBe('in_repair')
    expect(by('PSL-CP-402').status).toBe('damaged')
    expect(by('PSL-UP-302').status).toBe('incomplete')
    expect(by('PSL-BT-111').status).toBe('available')
    const sum = Object.values(all.counts as Record<string, number>).reduce((a, b) => a + b, 0)
    expect(sum).toBe(all.total)
    const damaged = await api.ok(api.get(`${R}/equipment-status?status=damaged`))
    expect(damaged.items.every((r: Json) => r.status === 'damaged')).toBe(true)
    expect(damaged.total).toBe(all.counts.damaged)
    const toilets = await api.ok(
      api.get(`${R}/equipment-status?type=toilet&sort=status&dir=asc&limit=3&offset=0`),
    )
    expect(toilets.total).toBe(12)
    expect(toilets.items).toHaveLength(3)
    expect(toilets.items[0].status).toBe('rented')
    const search = await api.ok(api.get(`${R}/equipment-status?q=camper`))
    expect(search.items.map((r: Json) => r.code).sort()).toEqual(['PSL-CP-401', 'PSL-CP-402'])
    const bad = await api.get(`${R}/equipment-status?status=roto`)
    expect(bad.status).toBe(400)
  })

  it('answers the statuses of the units asked for by id (the equipment list page)', async () => {
    const ids = [unit('PSL-BT-101').id, unit('PSL-CP-402').id, unit('PSL-BT-111').id]
    const some = await api.ok(api.get(`${R}/equipment-status?ids=${ids.join(',')}&limit=3`))
    expect(some.total).toBe(3)
    expect(Object.fromEntries(some.items.map((r: Json) => [r.code, r.status]))).toEqual({
      'PSL-BT-101': 'rented',
      'PSL-CP-402': 'damaged',
      'PSL-BT-111': 'available',
    })
    const bad = await api.get(`${R}/equipment-status?ids=PSL-BT-101`)
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d: Json) => d.path)).toEqual(['ids'])
  })

  it('exports the report as a job with the filters', async () => {
    const out = await exportViaJob(t, admin, `${R}/equipment-status/export`, { type: 'camper' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(out.raw as unknown as ArrayBuffer)
    const rows: unknown[][] = []
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    expect(rows[0]).toContain('Estado técnico')
    expect(rows.slice(1).map((r) => r[0])).toEqual(['PSL-CP-401', 'PSL-CP-402'])
    expect(rows.find((r) => r[0] === 'PSL-CP-402')).toContain('Dañado')
  })

  it('speaks the caller language: a repair rule and the report export in English', async () => {
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await api.patch('/api/v1/auth/me/preferences', { locale })).status).toBe(200)
    await setLocale('en')
    try {
      const rented = await api.post(`${R}/equipment/${unit('PSL-BT-101').id}/repair`, {
        sentOn: '2026-12-07',
        reason: 'x',
      })
      expect(rented.status).toBe(409)
      expect(rented.body.error).toMatchObject({
        key: 'equipmentCondition.rentedNoRepair',
        message: 'PSL-BT-101 is rented: retire it from the project before sending it to repair',
      })
      const out = await exportViaJob(t, admin, `${R}/equipment-status/export`, { type: 'camper' })
      expect(out.contentDisposition).toContain('equipment-status.xlsx')
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(out.raw as unknown as ArrayBuffer)
      expect(wb.worksheets[0]!.name).toBe('Equipment status')
      const rows: unknown[][] = []
      wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
      expect(rows[0]!.slice(0, 4)).toEqual(['Code', 'Name', 'Type', 'Technical status'])
      expect(rows.find((r) => r[0] === 'PSL-CP-402')).toContain('Damaged')
    } finally {
      await setLocale('es')
    }
  })

  it('checks permissions and organizations', async () => {
    const viewer = await t.login('viewer@rental.test')
    const u = unit('PSL-TQ-703')
    expect((await api.get(`${R}/equipment-status`, viewer)).status).toBe(200)
    const put = await api.call('PUT', `${R}/equipment-checklists`, { type: 'other', items: [] }, viewer)
    expect(put.status).toBe(403)
    const ins = await api.call(
      'POST',
      `${R}/equipment/${u.id}/inspections`,
      { inspectedOn: '2026-12-07', answers: [] },
      viewer,
    )
    expect(ins.status).toBe(403)
    const operator = await t.login('operator@rental.test')
    const items = (await api.ok(api.get(`${R}/equipment/${u.id}/condition`))).checklist
    const byOperator = await api.call(
      'POST',
      `${R}/equipment/${u.id}/inspections`,
      { inspectedOn: '2026-12-07', inspectorName: 'Operador', answers: answersFor(items) },
      operator,
    )
    expect(byOperator.status).toBe(201)
    const offshore = await t.login('admin@offshore.test')
    expect((await api.get(`${R}/equipment/${u.id}/condition`, offshore)).status).toBe(404)
    expect((await api.get(`${R}/equipment-status`, offshore)).status).toBe(403)
    const service = units.length
      ? (await api.ok(api.get(`${R}/equipment?kind=service&limit=1`))).items[0]
      : null
    expect((await api.get(`${R}/equipment/${service.id}/condition`)).status).toBe(409)
  })
})
