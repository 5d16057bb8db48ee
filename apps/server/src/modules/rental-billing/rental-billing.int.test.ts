/**
 * Billing sheets (planilla) through HTTP → service → repository, on the embedded database and PostgreSQL:
 * creation rules and series, eager recomputation from assignments and documents, day edits, removed lines,
 * IVA, lifecycle and locks, invoicing, certificates, PDFs and workbooks, tenancy and permissions.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { askExport, exportViaJob, jobStatusFor } from '../../../test/export-jobs'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, uploadFile, type Json } from '../../../test/json-api'

// 2026-02-05 10:00 in Guayaquil: "today" for the rental organization.
const NOW = new Date('2026-02-05T15:00:00Z')
const R = '/api/v1/rental'
const S = `${R}/billing-sheets`
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

let t: TestApp
let manager: string
let billing: string
let supervisor: string
let viewer: string
let offshoreAdmin: string

const { get, post, put, patch, del, ok } = jsonApi(
  () => t,
  () => manager,
)
const upload = (filename: string, bytes: Buffer, cookie = billing): Promise<Json> =>
  uploadFile(t, cookie, filename, bytes)

let seq = 0
let clientId = ''
const newProject = async (over: Record<string, unknown> = {}) =>
  ok(
    post(`${R}/projects`, {
      clientId,
      name: `Proyecto planilla ${++seq}`,
      location: 'CAMPO NORTE',
      cardinalPoint: 'north',
      contactName: 'Ing. Contacto',
      startDate: '2025-12-01',
      ...over,
    }),
  )
const newUnit = async (over: Record<string, unknown> = {}) =>
  ok(
    post(`${R}/equipment`, {
      code: `PB-BT-${++seq}`,
      name: 'BATERÍA SANITARIA',
      kind: 'equipment',
      type: 'toilet',
      ...over,
    }),
  )
const newService = async () =>
  ok(post(`${R}/equipment`, { code: `PB-SERV-${++seq}`, name: 'Limpieza', kind: 'service' }))
const assign = async (projectId: string, body: Record<string, unknown>) =>
  ok(
    post(`${R}/projects/${projectId}/assignments`, {
      operationStart: '2025-12-01',
      dailyRate: '10.00',
      ...body,
    }),
  )
const chain = async (
  projectId: string,
  activityDate: string,
  assignmentIds: string[],
  over: Record<string, unknown> = {},
) =>
  ok(
    post(`${R}/custody-chains`, {
      projectId,
      activityDate,
      assignmentIds,
      volumeUnit: 'gallons',
      volume: '180',
      ...over,
    }),
  )
const createSheet = (
  projectId: string,
  periodStart = '2026-01-01',
  periodEnd = '2026-01-31',
  cookie?: string,
) => post(S, { projectId, periodStart, periodEnd }, cookie)
const sheetOf = async (id: string) => ok(get(`${S}/${id}`))
const lineOf = (sheet: Json, key: string) => {
  const l = sheet.lines.find((x: Json) => x.key === key)
  if (!l) throw new Error(`no line ${key} in ${sheet.lines.map((x: Json) => x.key).join(', ')}`)
  return l
}
const sumTotals = (sheet: Json) =>
  sheet.lines.reduce((acc: bigint, l: Json) => acc + BigInt(l.total.replace('.', '')), 0n)
const cents = (v: string) => BigInt(v.replace('.', ''))

/** A project with one toilet on site from Dec 1 at 10.00 a day. */
const simpleProject = async (over: Record<string, unknown> = {}) => {
  const project = await newProject(over)
  const unit = await newUnit()
  const assignment = await assign(project.id, { equipmentId: unit.id, operationStart: project.startDate })
  return { project, unit, assignment }
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  manager = await t.login('manager@rental.test')
  billing = await t.login('billing@rental.test')
  supervisor = await t.login('supervisor@rental.test')
  viewer = await t.login('viewer@rental.test')
  offshoreAdmin = await t.login('admin@offshore.test')
  clientId = (await ok(post(`${R}/clients`, { name: 'Cliente de planillas', taxId: '1790011674001' }))).id
})
afterAll(async () => t?.close())

describe('billing sheet: the worked example (docs/rental-billing.md#worked-example) through the API', () => {
  it('bills 467.00 + IVA 70.05 = 537.05 with rentals, services, chain logistics, shipping and maintenance', async () => {
    const project = await newProject()
    const unit = await newUnit({ code: 'PSL-BT-185' })
    const service = await newService()
    // A1: 5.00 a day from Dec 1, retired Jan 10; A2: 6.00 a day from Jan 20
    const a1 = await assign(project.id, { equipmentId: unit.id, dailyRate: '5.00' })
    // not linked to the unit: a linked service would retire with A1 on Jan 10, and a chain never bills a
    // service outside its operating window (docs/rental-documents.md#custody-chains)
    const s = await assign(project.id, { equipmentId: service.id, dailyRate: '25.00' })
    await ok(post(`${R}/assignments/${a1.id}/retire`, { date: '2026-01-10', reason: 'Cambio' }))
    await assign(project.id, { equipmentId: unit.id, dailyRate: '6.00', operationStart: '2026-01-20' })
    // chains of the service on Jan 12 (twice), Jan 15 (with 40.00 logistics) and Jan 20
    await chain(project.id, '2026-01-12', [s.id])
    await chain(project.id, '2026-01-12', [s.id])
    await chain(project.id, '2026-01-15', [s.id], { logisticsCost: '40.00' })
    await chain(project.id, '2026-01-20', [s.id])
    await ok(
      post(`${R}/maintenance-sheets`, {
        projectId: project.id,
        startDate: '2026-01-08',
        totalCost: '120.00',
        logisticsCost: '30.00',
      }),
    )
    const guide = await ok(
      post(`${R}/shipping-guides`, {
        projectId: project.id,
        issueDate: '2026-01-09',
        transportCost: '80.00',
      }),
    )

    const res = await createSheet(project.id)
    expect(res.status).toBe(201)
    const sheet = res.body
    expect(sheet).toMatchObject({
      id: expect.any(String),
      seriesCode: expect.stringMatching(/^PSL-PS-2026-\d{4}$/),
      seriesPrefix: 'PSL-PS',
      seriesYear: 2026,
      status: 'in_progress',
      subtotal: '467.00',
      tax: '70.05',
      total: '537.05',
      taxRate: '0.1500',
      gallons: '720.00',
      projectName: project.name,
      clientName: 'Cliente de planillas',
      clientTaxId: '1790011674001',
      createdBy: { name: expect.any(String) },
    })
    expect(sheet.lines.map((l: Json) => [l.kind, l.quantity, l.unitPrice, l.total])).toEqual([
      // each day at the rate of the assignment on site that day: Jan 1–10 at 5.00, Jan 20–31 at 6.00
      ['rental', '10', '5.00', '50.00'],
      ['rental', '12', '6.00', '72.00'],
      ['service', '3', '25.00', '75.00'],
      ['custody', '1', '40.00', '40.00'],
      ['shipping', '1', '80.00', '80.00'],
      ['maintenance', '1', '120.00', '120.00'],
      ['maintenance', '1', '30.00', '30.00'],
    ])
    const rental = lineOf(sheet, `rental:${unit.id}`)
    expect(rental).toMatchObject({
      equipmentId: unit.id,
      equipmentCode: 'PSL-BT-185',
      unit: 'days',
      dayEdit: 'none',
    })
    expect(rental.dates).toHaveLength(10)
    expect(rental.dates[0]).toBe('2026-01-01')
    expect(rental.dates).toContain('2026-01-10')
    const back = lineOf(sheet, `rental:${unit.id}@2026-01-20`)
    expect(back.dates).toHaveLength(12)
    expect(back.dates[0]).toBe('2026-01-20')
    expect(lineOf(sheet, `service:${s.id}`).dates).toEqual(['2026-01-12', '2026-01-15', '2026-01-20'])
    expect(sumTotals(sheet)).toBe(cents(sheet.subtotal))
    // the guide of the period is now billed by this sheet (linked)
    expect((await ok(get(`${R}/shipping-guides/${guide.id}`))).billingSheetId).toBe(sheet.id)
  })
})

describe('creation rules', () => {
  it('numbers PSL-PS-YYYY-NNNN from 1000 per year and organization, as data; never reuses a deleted number', async () => {
    const { project } = await simpleProject()
    const a = await ok(createSheet(project.id, '2026-01-01', '2026-01-31'), 201)
    expect(a.seriesCode).toBe(`PSL-PS-2026-${a.seriesNumber}`)
    expect(a.seriesNumber).toBeGreaterThanOrEqual(1000)
    await ok(del(`${S}/${a.id}`))
    const b = await ok(createSheet(project.id, '2026-01-01', '2026-01-31'), 201)
    expect(b.seriesNumber).toBe(a.seriesNumber + 1)
    const rows = await t.db
      .selectFrom('billing_sheets')
      .select(['series_year', 'series_number', 'series_prefix'])
      .where('id', '=', b.id)
      .execute()
    expect(rows[0]).toEqual({ series_year: 2026, series_number: b.seriesNumber, series_prefix: 'PSL-PS' })
  })

  it('checks the period: start < end, inside the project (400 with the field)', async () => {
    const { project } = await simpleProject({ startDate: '2026-01-01', endDate: '2026-03-31' })
    const equal = await createSheet(project.id, '2026-01-10', '2026-01-10')
    expect(equal.status).toBe(400)
    expect(equal.body.error.details[0].path).toBe('periodEnd')
    const before = await createSheet(project.id, '2025-12-20', '2026-01-10')
    expect(before.status).toBe(400)
    expect(before.body.error.details.map((d: Json) => d.path)).toContain('periodStart')
    const after = await createSheet(project.id, '2026-03-01', '2026-04-15')
    expect(after.status).toBe(400)
    expect(after.body.error.details.map((d: Json) => d.path)).toContain('periodEnd')
    const unknown = await createSheet('00000000-0000-4000-8000-000000000000')
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.details[0].path).toBe('projectId')
  })

  it('one in progress per project, (project, period) unique, no overlaps → 409; deleting or cancelling frees the period', async () => {
    const { project } = await simpleProject()
    const jan = await ok(createSheet(project.id), 201)
    const second = await createSheet(project.id, '2026-02-01', '2026-02-28')
    expect(second.status).toBe(409)
    expect(second.body.error.code).toBe('CONFLICT')
    expect(second.body.error.message).toContain(jan.seriesCode)
    await ok(post(`${S}/${jan.id}/liquidate`))
    const same = await createSheet(project.id)
    expect(same.status).toBe(409)
    const overlap = await createSheet(project.id, '2026-01-20', '2026-02-20')
    expect(overlap.status).toBe(409)
    const feb = await ok(createSheet(project.id, '2026-02-01', '2026-02-28'), 201)
    await ok(del(`${S}/${feb.id}`))
    const febAgain = await ok(createSheet(project.id, '2026-02-01', '2026-02-28'), 201)
    await ok(post(`${S}/${febAgain.id}/cancel`, { reason: 'Mal período' }))
    const febThird = await createSheet(project.id, '2026-02-01', '2026-02-28')
    expect(febThird.status).toBe(201)
    expect((await get(`${S}/${feb.id}`)).status).toBe(404)
  })

  it('refuses a sheet for a closed project', async () => {
    const { project } = await simpleProject()
    await ok(post(`${R}/projects/${project.id}/close`, { date: '2026-01-31', reason: 'Fin' }))
    const res = await createSheet(project.id)
    expect(res.status).toBe(409)
  })
})

describe('eager recomputation', () => {
  it('follows assignments and documents at once, inside their transaction', async () => {
    const { project, unit, assignment } = await simpleProject()
    const sheet = await ok(createSheet(project.id), 201)
    expect(sheet.subtotal).toBe('310.00')
    // a second unit arrives on Jan 21: 11 days × 12.00
    const other = await newUnit()
    await assign(project.id, { equipmentId: other.id, dailyRate: '12.00', operationStart: '2026-01-21' })
    let now = await sheetOf(sheet.id)
    expect(lineOf(now, `rental:${other.id}`)).toMatchObject({ quantity: '11', total: '132.00' })
    expect(now.subtotal).toBe('442.00')
    // the first unit leaves on Jan 15
    await ok(post(`${R}/assignments/${assignment.id}/retire`, { date: '2026-01-15' }))
    now = await sheetOf(sheet.id)
    expect(lineOf(now, `rental:${unit.id}`)).toMatchObject({ quantity: '15', total: '150.00' })
    // a service visit, then its cancellation
    const svc = await assign(project.id, { equipmentId: (await newService()).id, dailyRate: '25.00' })
    const c = await chain(project.id, '2026-01-05', [svc.id], { logisticsCost: '10.00' })
    now = await sheetOf(sheet.id)
    expect(lineOf(now, `service:${svc.id}`).total).toBe('25.00')
    expect(lineOf(now, `custody:${c.id}:logistics`).total).toBe('10.00')
    expect(now.gallons).toBe('180.00')
    await ok(post(`${R}/custody-chains/${c.id}/cancel`, { reason: 'Error' }))
    now = await sheetOf(sheet.id)
    expect(now.lines.some((l: Json) => l.kind === 'service' || l.kind === 'custody')).toBe(false)
    expect(now.gallons).toBe('0.00')
    expect(sumTotals(now)).toBe(cents(now.subtotal))
    // line ids stay stable across recomputations
    expect(lineOf(now, `rental:${other.id}`).id).toBe(
      lineOf(await sheetOf(sheet.id), `rental:${other.id}`).id,
    )
    const audit = await t.db
      .selectFrom('audit_log')
      .orderBy('id')
      .select(['action', 'data'])
      .where('entity_id', '=', sheet.id)
      .execute()
    expect(audit.filter((a) => a.action === 'billing_sheet.recomputed').length).toBeGreaterThanOrEqual(3)
  })

  it('a document outside the period does not touch the sheet', async () => {
    const { project } = await simpleProject()
    const sheet = await ok(createSheet(project.id), 201)
    await ok(
      post(`${R}/maintenance-sheets`, { projectId: project.id, startDate: '2026-02-03', totalCost: '99.00' }),
    )
    expect((await sheetOf(sheet.id)).subtotal).toBe(sheet.subtotal)
  })
})

describe('manual days', () => {
  it('edits the dates of a rental line; survive recomputation until the assignment changes', async () => {
    const { project, unit, assignment } = await simpleProject()
    const sheet = await ok(createSheet(project.id), 201)
    const line = lineOf(sheet, `rental:${unit.id}`)
    const edited = await ok(
      put(`${S}/${sheet.id}/lines/${line.id}/days`, { dates: ['2026-01-15', '2026-01-03', '2026-01-15'] }),
    )
    expect(lineOf(edited, line.key)).toMatchObject({
      id: line.id,
      dates: ['2026-01-03', '2026-01-15'],
      quantity: '2',
      total: '20.00',
      dayEdit: 'applied',
    })
    expect(edited).toMatchObject({ subtotal: '20.00', tax: '3.00', total: '23.00' })
    // a document change recomputes the sheet: the edit stays
    await ok(
      post(`${R}/shipping-guides`, { projectId: project.id, issueDate: '2026-01-09', transportCost: '5.00' }),
    )
    expect(lineOf(await sheetOf(sheet.id), line.key).dates).toEqual(['2026-01-03', '2026-01-15'])
    // an assignment change that keeps the billed dates keeps the edit (docs/rental-billing.md#manual-day-edits)
    await ok(patch(`${R}/assignments/${assignment.id}`, { dailyRate: '11.00' }))
    const after = await sheetOf(sheet.id)
    expect(lineOf(after, line.key)).toMatchObject({ quantity: '2', total: '22.00', dayEdit: 'applied' })
  })

  it('validates the dates (period ∩ operation window) and refuses non-rental lines and reset works', async () => {
    const project = await newProject()
    const unit = await newUnit()
    await assign(project.id, {
      equipmentId: unit.id,
      operationStart: '2026-01-10',
      frequency: 'weekdays',
      weekdays: [0],
    })
    const sheet = await ok(createSheet(project.id), 201)
    const line = lineOf(sheet, `rental:${unit.id}`)
    expect(line.quantity).toBe('3') // Mondays (0 = Monday) from Jan 10: 12, 19, 26
    expect(line.allowedDates[0]).toBe('2026-01-10')
    const bad = await put(`${S}/${sheet.id}/lines/${line.id}/days`, { dates: ['2026-01-05', '2026-02-01'] })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d: Json) => d.path)).toEqual(['dates.0', 'dates.1'])
    const malformed = await put(`${S}/${sheet.id}/lines/${line.id}/days`, { dates: ['2026-02-30'] })
    expect(malformed.status).toBe(400)
    // an off-frequency date inside the window is allowed
    const tuesday = await ok(put(`${S}/${sheet.id}/lines/${line.id}/days`, { dates: ['2026-01-13'] }))
    expect(lineOf(tuesday, line.key).quantity).toBe('1')
    const reset = await ok(del(`${S}/${sheet.id}/lines/${line.id}/days`))
    expect(lineOf(reset, line.key)).toMatchObject({ quantity: line.quantity, dayEdit: 'none' })
    const guide = await ok(
      post(`${R}/shipping-guides`, { projectId: project.id, issueDate: '2026-01-12', transportCost: '9.00' }),
    )
    const docLine = lineOf(await sheetOf(sheet.id), `shipping:${guide.id}:transport`)
    const refused = await put(`${S}/${sheet.id}/lines/${docLine.id}/days`, { dates: ['2026-01-12'] })
    expect(refused.status).toBe(409)
    const unknown = await put(`${S}/${sheet.id}/lines/00000000-0000-4000-8000-000000000000/days`, {
      dates: [],
    })
    expect(unknown.status).toBe(404)
  })

  it('keeps dates per date across two months (Jan 15 does not select Feb 15)', async () => {
    const { project, unit } = await simpleProject()
    const sheet = await ok(createSheet(project.id, '2026-01-10', '2026-02-20'), 201)
    const line = lineOf(sheet, `rental:${unit.id}`)
    expect(line.quantity).toBe('42')
    const edited = await ok(put(`${S}/${sheet.id}/lines/${line.id}/days`, { dates: ['2026-01-15'] }))
    expect(lineOf(edited, line.key).dates).toEqual(['2026-01-15'])
  })
})

describe('removed lines', () => {
  it('a removed line stays removed whatever changes, until restored; a service line cannot be removed', async () => {
    const { project, unit, assignment } = await simpleProject()
    const svc = await assign(project.id, { equipmentId: (await newService()).id, dailyRate: '25.00' })
    await chain(project.id, '2026-01-05', [svc.id])
    const sheet = await ok(createSheet(project.id), 201)
    const line = lineOf(sheet, `rental:${unit.id}`)
    const removed = await ok(del(`${S}/${sheet.id}/lines/${line.id}`))
    expect(removed.lines.some((l: Json) => l.key === line.key)).toBe(false)
    expect(removed.removedLines).toEqual([expect.objectContaining({ key: line.key, kind: 'rental' })])
    expect(removed.subtotal).toBe('25.00')
    await ok(patch(`${R}/assignments/${assignment.id}`, { dailyRate: '13.00' }))
    expect((await sheetOf(sheet.id)).lines.some((l: Json) => l.key === line.key)).toBe(false)
    const serviceLine = lineOf(removed, `service:${svc.id}`)
    expect((await del(`${S}/${sheet.id}/lines/${serviceLine.id}`)).status).toBe(409)
    const restored = await ok(post(`${S}/${sheet.id}/lines/restore`, { key: line.key }))
    expect(lineOf(restored, line.key).total).toBe('403.00')
    expect(restored.removedLines).toEqual([])
    expect((await post(`${S}/${sheet.id}/lines/restore`, { key: line.key })).status).toBe(404)
  })
})

describe('IVA and totals', () => {
  it('rounds IVA half-up to cents: 1200.30 → 180.05 → 1380.35', async () => {
    const project = await newProject()
    const unit = await newUnit()
    await assign(project.id, {
      equipmentId: unit.id,
      dailyRate: '1200.30',
      operationStart: '2026-01-07',
      operationEnd: '2026-01-07',
    })
    const sheet = await ok(createSheet(project.id), 201)
    expect(sheet).toMatchObject({ subtotal: '1200.30', tax: '180.05', total: '1380.35' })
  })

  it('property: random day edits always give lines that sum to the subtotal, total = subtotal + IVA', async () => {
    const project = await newProject()
    const units = [await newUnit(), await newUnit(), await newUnit()]
    const rates = ['10.05', '7.33', '19.99']
    for (const [i, u] of units.entries()) await assign(project.id, { equipmentId: u.id, dailyRate: rates[i] })
    let sheet = await ok(createSheet(project.id), 201)
    let seed = 7
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let round = 0; round < 8; round++) {
      const line = sheet.lines[rand(sheet.lines.length)]
      const dates = line.allowedDates.filter(() => rand(3) === 0)
      sheet = await ok(put(`${S}/${sheet.id}/lines/${line.id}/days`, { dates }))
      expect(sumTotals(sheet)).toBe(cents(sheet.subtotal))
      // IVA half-up of the subtotal at 15 %
      const sub = cents(sheet.subtotal)
      expect(cents(sheet.tax)).toBe((sub * 15n + 50n) / 100n)
      expect(cents(sheet.total)).toBe(sub + cents(sheet.tax))
    }
  })
})

describe('lifecycle and locks', () => {
  it('liquidation recomputes, closes the drafts of the period and freezes the sheet and its period (409)', async () => {
    const { project, unit, assignment } = await simpleProject()
    const svc = await assign(project.id, { equipmentId: (await newService()).id, dailyRate: '25.00' })
    const c = await chain(project.id, '2026-01-05', [svc.id])
    const outside = await chain(project.id, '2026-02-02', [svc.id])
    const sheet = await ok(createSheet(project.id), 201)
    const line = lineOf(sheet, `rental:${unit.id}`)
    const liquidated = await ok(post(`${S}/${sheet.id}/liquidate`))
    expect(liquidated).toMatchObject({
      status: 'liquidated',
      subtotal: '335.00',
      liquidatedAt: expect.any(String),
    })
    expect(liquidated.allowedActions).toEqual(expect.arrayContaining(['reopen', 'cancel']))
    expect((await ok(get(`${R}/custody-chains/${c.id}`))).status).toBe('closed')
    expect((await ok(get(`${R}/custody-chains/${outside.id}`))).status).toBe('draft')
    // every change refused
    expect((await put(`${S}/${sheet.id}/lines/${line.id}/days`, { dates: [] })).status).toBe(409)
    expect((await del(`${S}/${sheet.id}/lines/${line.id}`)).status).toBe(409)
    expect((await patch(`${S}/${sheet.id}`, { notes: 'x' })).status).toBe(409)
    expect((await post(`${S}/${sheet.id}/liquidate`)).status).toBe(409)
    expect((await del(`${S}/${sheet.id}`)).status).toBe(409)
    // documents of the period are locked; outside it they are not
    const locked = await post(`${R}/custody-chains`, {
      projectId: project.id,
      activityDate: '2026-01-20',
      assignmentIds: [svc.id],
      volumeUnit: 'gallons',
      volume: '10',
    })
    expect(locked.status).toBe(409)
    expect(locked.body.error.message).toContain(sheet.seriesCode)
    await chain(project.id, '2026-02-03', [svc.id])
    // an assignment change does not touch the liquidated lines (it applies from the first open day)
    await ok(
      patch(`${R}/assignments/${assignment.id}`, { dailyRate: '50.00', effectiveFrom: 'firstOpenDay' }),
    )
    expect((await sheetOf(sheet.id)).subtotal).toBe('335.00')
  })

  it('reopens with a reason (audited), only without another sheet in progress; then recomputes', async () => {
    const { project, assignment } = await simpleProject()
    const jan = await ok(createSheet(project.id), 201)
    await ok(post(`${S}/${jan.id}/liquidate`))
    // the new rate applies from Feb 1: reopening January does not reprice it
    await ok(
      patch(`${R}/assignments/${assignment.id}`, { dailyRate: '20.00', effectiveFrom: 'firstOpenDay' }),
    )
    const noReason = await post(`${S}/${jan.id}/reopen`, {})
    expect(noReason.status).toBe(400)
    const feb = await ok(createSheet(project.id, '2026-02-01', '2026-02-28'), 201)
    const blocked = await post(`${S}/${jan.id}/reopen`, { reason: 'Corregir días' })
    expect(blocked.status).toBe(409)
    await ok(del(`${S}/${feb.id}`))
    const reopened = await ok(post(`${S}/${jan.id}/reopen`, { reason: 'Corregir días' }))
    expect(reopened).toMatchObject({
      status: 'in_progress',
      statusReason: 'Corregir días',
      subtotal: '310.00',
    })
    const audit = await t.db
      .selectFrom('audit_log')
      .orderBy('id')
      .select(['action', 'data'])
      .where('entity_id', '=', jan.id)
      .where('action', '=', 'billing_sheet.reopened')
      .execute()
    expect(audit[0]?.data).toMatchObject({ reason: 'Corregir días', from: 'liquidated', to: 'in_progress' })
  })

  it('invoices a liquidated sheet with the reference and a real PDF; invoiced is final', async () => {
    const { project } = await simpleProject()
    const sheet = await ok(createSheet(project.id), 201)
    const pdf = await upload('factura.pdf', PDF)
    const body = { invoiceReference: '001-001-000000777', invoiceFileId: pdf.id }
    expect((await post(`${S}/${sheet.id}/invoice`, body, billing)).status).toBe(409) // not liquidated yet
    await ok(post(`${S}/${sheet.id}/liquidate`))
    expect((await post(`${S}/${sheet.id}/invoice`, body, manager)).status).toBe(403) // manager cannot invoice
    const png = await upload('factura.png', PNG)
    const notPdf = await post(`${S}/${sheet.id}/invoice`, { ...body, invoiceFileId: png.id }, billing)
    expect(notPdf.status).toBe(400)
    expect(notPdf.body.error.details[0].path).toBe('invoiceFileId')
    const missing = await post(
      `${S}/${sheet.id}/invoice`,
      { ...body, invoiceFileId: '00000000-0000-4000-8000-000000000000' },
      billing,
    )
    expect(missing.status).toBe(400)
    expect((await post(`${S}/${sheet.id}/invoice`, { invoiceFileId: pdf.id }, billing)).status).toBe(400)
    const invoiced = await ok(post(`${S}/${sheet.id}/invoice`, body, billing))
    expect(invoiced).toMatchObject({
      status: 'invoiced',
      invoiceReference: '001-001-000000777',
      invoiceFileId: pdf.id,
      invoicedAt: expect.any(String),
    })
    for (const action of ['liquidate', 'invoice', 'cancel'])
      expect(
        (await post(`${S}/${sheet.id}/${action}`, action === 'invoice' ? body : undefined, billing)).status,
      ).toBe(409)
    expect((await post(`${S}/${sheet.id}/reopen`, { reason: 'x' })).status).toBe(409)
    expect((await del(`${S}/${sheet.id}`)).status).toBe(409)
  })

  it('cancels (reason optional) and releases the documents it billed; cancelled refuses changes', async () => {
    const { project, unit } = await simpleProject()
    const guide = await ok(
      post(`${R}/shipping-guides`, {
        projectId: project.id,
        issueDate: '2026-01-09',
        transportCost: '80.00',
      }),
    )
    const sheet = await ok(createSheet(project.id), 201)
    expect((await ok(get(`${R}/shipping-guides/${guide.id}`))).billingSheetId).toBe(sheet.id)
    const cancelled = await ok(post(`${S}/${sheet.id}/cancel`))
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledAt: expect.any(String),
      allowedActions: [],
    })
    expect((await ok(get(`${R}/shipping-guides/${guide.id}`))).billingSheetId).toBeNull()
    const line = lineOf(cancelled, `rental:${unit.id}`)
    expect((await put(`${S}/${sheet.id}/lines/${line.id}/days`, { dates: [] })).status).toBe(409)
    // the next sheet of the same period bills the guide
    const next = await ok(createSheet(project.id), 201)
    expect((await ok(get(`${R}/shipping-guides/${guide.id}`))).billingSheetId).toBe(next.id)
  })

  it('a project with a sheet in progress cannot close', async () => {
    const { project } = await simpleProject()
    await ok(createSheet(project.id), 201)
    const res = await post(`${R}/projects/${project.id}/close`, { date: '2026-01-31' })
    expect(res.status).toBe(409)
  })
})

describe('disposition certificates', () => {
  it('created explicitly and numbered per day, refreshed while in progress, frozen after', async () => {
    const { project } = await simpleProject()
    const svc = await assign(project.id, { equipmentId: (await newService()).id, dailyRate: '25.00' })
    await chain(project.id, '2026-01-05', [svc.id], { volumeUnit: 'barrels', volume: '10' })
    const cancelled = await chain(project.id, '2026-01-06', [svc.id])
    await ok(post(`${R}/custody-chains/${cancelled.id}/cancel`, { reason: 'Error' }))
    const sheet = await ok(createSheet(project.id), 201)
    expect(sheet.certificate).toBeNull()
    const cert = await ok(post(`${R}/disposition-certificates`, { billingSheetId: sheet.id }), 201)
    expect(cert).toMatchObject({
      number: expect.stringMatching(/^PSL-CDF-20260205-\d{5}$/),
      issueDate: '2026-02-05',
      billingSheetId: sheet.id,
      frozen: false,
      clientName: 'Cliente de planillas',
      location: 'CAMPO NORTE – Norte',
      totalBarrels: '10.00',
      totalGallons: '420.00',
    })
    expect(cert.items).toHaveLength(1) // the cancelled chain is not listed
    expect((await post(`${R}/disposition-certificates`, { billingSheetId: sheet.id })).status).toBe(409)
    const other = await simpleProject()
    const otherSheet = await ok(createSheet(other.project.id), 201)
    const cert2 = await ok(post(`${R}/disposition-certificates`, { billingSheetId: otherSheet.id }), 201)
    expect(Number(cert2.number.slice(-5))).toBe(Number(cert.number.slice(-5)) + 1)
    // a new chain: the certificate follows the sheet while it is in progress
    await chain(project.id, '2026-01-07', [svc.id], { volumeUnit: 'barrels', volume: '2.5' })
    expect((await ok(get(`${R}/disposition-certificates/${cert.id}`))).totalBarrels).toBe('12.50')
    const refreshed = await ok(post(`${R}/disposition-certificates/${cert.id}/refresh`))
    expect(refreshed.items).toHaveLength(2)
    expect((await sheetOf(sheet.id)).certificate).toMatchObject({ id: cert.id, number: cert.number })
    await ok(post(`${S}/${sheet.id}/liquidate`))
    expect((await post(`${R}/disposition-certificates/${cert.id}/refresh`)).status).toBe(409)
    const frozen = await ok(get(`${R}/disposition-certificates/${cert.id}`))
    expect(frozen).toMatchObject({ frozen: true, sheetStatus: 'liquidated', totalBarrels: '12.50' })
    const pdf = await get(`${R}/disposition-certificates/${cert.id}/pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-')
    const list = await ok(get(`${R}/disposition-certificates?billingSheetId=${sheet.id}`))
    expect(list).toMatchObject({ total: 1, items: [{ id: cert.id, itemCount: 2 }] })
  })
})

describe('documents: PDF and Excel', () => {
  it('prints the sheet (landscape PDF) and exports the sheet and the filtered list', async () => {
    const { project } = await simpleProject()
    const sheet = await ok(createSheet(project.id), 201)
    const pdf = await get(`${S}/${sheet.id}/pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(String(pdf.headers['content-disposition'])).toContain(`Planilla-${sheet.seriesCode}.pdf`)
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-')
    const xlsx = await get(`${S}/${sheet.id}/export.xlsx`)
    expect(xlsx.status).toBe(200)
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK')
    const list = await exportViaJob(t, manager, `${S}/export`, { projectId: project.id })
    expect(list.status).toBe(200)
    expect(list.raw.subarray(0, 2).toString()).toBe('PK')
  })

  it('lists with filters, search and sort', async () => {
    const { project } = await simpleProject()
    const sheet = await ok(createSheet(project.id), 201)
    const byProject = await ok(get(`${S}?projectId=${project.id}`))
    expect(byProject).toMatchObject({ total: 1, items: [{ id: sheet.id, lineCount: 1, subtotal: '310.00' }] })
    expect((await ok(get(`${S}?q=${sheet.seriesCode}`))).items.map((s: Json) => s.id)).toEqual([sheet.id])
    expect((await ok(get(`${S}?projectId=${project.id}&status=liquidated`))).total).toBe(0)
    expect((await ok(get(`${S}?projectId=${project.id}&periodFrom=2026-02-01`))).total).toBe(0)
    const sorted = await ok(get(`${S}?sort=total&dir=desc&limit=5`))
    const totals = sorted.items.map((s: Json) => cents(s.total))
    expect([...totals].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(totals)
  })
})

describe('the list export (a job)', () => {
  const rowsOf = async (raw: Buffer) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(raw as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    const rows: unknown[][] = []
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    return { name: ws.name, rows }
  }

  it('202 + Location, polled to done: the filtered sheets in the list order, the same columns', async () => {
    const { project } = await simpleProject()
    const jan = await ok(createSheet(project.id), 201)
    await ok(post(`${S}/${jan.id}/liquidate`))
    const feb = await ok(createSheet(project.id, '2026-02-01', '2026-02-28'), 201)
    const res = await exportViaJob(t, viewer, `${S}/export`, {
      projectId: project.id,
      sort: 'periodStart',
      dir: 'asc',
    })
    expect(res.job.kind).toBe('rental-billing.export')
    expect(res.run).toMatchObject({ done: 2, total: 2 })
    expect(res.contentDisposition).toContain('planillas.xlsx')
    const { name, rows } = await rowsOf(res.raw)
    expect(name).toBe('Planillas')
    expect(rows[0]).toEqual([
      'Serie',
      'Estado',
      'Proyecto',
      'Cliente',
      'RUC',
      'Inicio del período',
      'Fin del período',
      'Líneas',
      'Subtotal',
      'IVA',
      'Total',
      'Galones',
      'Barriles',
      'm³',
      'Factura',
      'Liquidada el',
      'Facturada el',
    ])
    expect(rows.slice(1).map((r) => r[0])).toEqual([jan.seriesCode, feb.seriesCode])
    const first = rows[1]!
    expect(first.slice(0, 5)).toEqual([
      jan.seriesCode,
      'Liquidada',
      project.name,
      'Cliente de planillas',
      '1790011674001',
    ])
    expect((first[5] as Date).toISOString().slice(0, 10)).toBe('2026-01-01')
    expect((first[6] as Date).toISOString().slice(0, 10)).toBe('2026-01-31')
    expect(first[7]).toBe(1)
    expect(first[8]).toBe(Number(jan.subtotal))
    expect(first[10]).toBe(Number(jan.total))
    expect(first[15]).toBeInstanceOf(Date)
    expect(rows[2]![1]).toBe('En proceso')
    // the filters apply: the period from February leaves January out; a status none has, nothing
    const fromFeb = await exportViaJob(t, viewer, `${S}/export`, {
      projectId: project.id,
      periodFrom: '2026-02-01',
    })
    expect((await rowsOf(fromFeb.raw)).rows.slice(1).map((r) => r[0])).toEqual([feb.seriesCode])
    const none = await exportViaJob(t, viewer, `${S}/export`, { projectId: project.id, status: 'invoiced' })
    expect(none.run).toMatchObject({ done: 0, total: 0 })
    expect((await rowsOf(none.raw)).rows).toHaveLength(1)
  })

  it('the job is seen by its requester and the admin only; bad filters are a 400; no GET export.xlsx', async () => {
    const res = await exportViaJob(t, viewer, `${S}/export`, { q: 'nada-coincide' })
    expect(res.run).toMatchObject({ done: 0, total: 0 })
    const rentalAdmin = await t.login('admin@rental.test')
    expect(await jobStatusFor(t, rentalAdmin, res.job.id)).toEqual({ run: 200, result: 200 })
    expect(await jobStatusFor(t, manager, res.job.id)).toEqual({ run: 404, result: 404 })
    expect(await jobStatusFor(t, offshoreAdmin, res.job.id)).toEqual({ run: 404, result: 404 })
    const bad = await askExport(t, viewer, `${S}/export`, { projectId: 'x' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d: Json) => d.path)).toContain('projectId')
    expect((await get(`${S}/export.xlsx`)).status).not.toBe(200)
  })
  it('speaks the caller language: a service rule, the sheet workbook and the list export in English', async () => {
    const setLocale = async (cookie: string, locale: 'es' | 'en') =>
      expect((await patch('/api/v1/auth/me/preferences', { locale }, cookie)).status).toBe(200)
    const { project } = await simpleProject()
    const jan = await ok(createSheet(project.id), 201)
    await setLocale(manager, 'en')
    await setLocale(viewer, 'en')
    try {
      const second = await createSheet(project.id, '2026-02-01', '2026-02-28')
      expect(second.status).toBe(409)
      expect(second.body.error).toMatchObject({
        key: 'rentalBilling.openSheetExists',
        params: { code: jan.seriesCode },
        message: `The project already has billing sheet ${jan.seriesCode} in progress; liquidate or cancel it first`,
      })
      const xlsx = await get(`${S}/${jan.id}/export.xlsx`)
      expect(String(xlsx.headers['content-disposition'])).toContain(`Billing-sheet-${jan.seriesCode}.xlsx`)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer)
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Billing sheet', 'Summary'])
      expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 6)).toEqual([
        'No.',
        'Equipment',
        'Description',
        'Quantity',
        'Unit',
      ])
      const list = await exportViaJob(t, viewer, `${S}/export`, { projectId: project.id })
      expect(list.contentDisposition).toContain('billing-sheets.xlsx')
      const { name, rows } = await rowsOf(list.raw)
      expect(name).toBe('Billing sheets')
      expect(rows[0]!.slice(0, 3)).toEqual(['Series', 'Status', 'Project'])
      expect(rows[1]![1]).toBe('In progress')
    } finally {
      await setLocale(manager, 'es')
      await setLocale(viewer, 'es')
    }
  })
})

describe('tenancy and permissions', () => {
  it("another organization's sheet is a 404; roles without the permission get 403", async () => {
    const { project } = await simpleProject()
    const sheet = await ok(createSheet(project.id), 201)
    expect((await get(`${S}/${sheet.id}`, offshoreAdmin)).status).toBe(404)
    expect((await post(`${S}/${sheet.id}/liquidate`, undefined, offshoreAdmin)).status).toBe(404)
    expect((await ok(get(S, offshoreAdmin))).total).toBe(0)
    expect((await createSheet(project.id, '2026-02-01', '2026-02-28', offshoreAdmin)).status).toBe(400)
    expect((await get(`${S}/${sheet.id}`, viewer)).status).toBe(200)
    expect((await createSheet(project.id, '2026-02-01', '2026-02-28', viewer)).status).toBe(403)
    expect((await post(`${S}/${sheet.id}/liquidate`, undefined, supervisor)).status).toBe(403)
    const detail = await ok(get(`${S}/${sheet.id}`, viewer))
    expect(detail.allowedActions).toEqual([])
  })
})
