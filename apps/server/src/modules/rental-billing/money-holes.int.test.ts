/**
 * The money holes of the rental line (each reproduced first, then closed), through HTTP → services →
 * database, on the embedded database and PostgreSQL: frozen periods and assignments, rate history,
 * manual days across assignment edits, unique invoice numbers, amounts that do not fit, future periods,
 * chains outside a service's window, and a shipping guide's sheet after an edit.
 * Rules: docs/rental-projects.md#frozen-billing-periods, docs/rental-billing.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, uploadFile, type Json } from '../../../test/json-api'

// 2026-12-10 10:00 in Guayaquil: October and November are behind us, December is the open month.
const NOW = new Date('2026-12-10T15:00:00Z')
const R = '/api/v1/rental'
const S = `${R}/billing-sheets`
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

let t: TestApp
let manager: string
let billing: string

const { get, post, put, patch, del, ok } = jsonApi(
  () => t,
  () => manager,
)
const uploadPdf = (): Promise<Json> => uploadFile(t, billing, 'factura.pdf', PDF)

let seq = 0
let clientId = ''
let invoiceSeq = 100
const nextInvoice = () => `001-002-${String(++invoiceSeq).padStart(9, '0')}`
const newProject = () =>
  ok(post(`${R}/projects`, { clientId, name: `Proyecto huecos ${++seq}`, startDate: '2026-10-01' }))
const newUnit = () =>
  ok(post(`${R}/equipment`, { code: `HX-BT-${++seq}`, name: 'BATERÍA', kind: 'equipment', type: 'toilet' }))
const newService = () =>
  ok(post(`${R}/equipment`, { code: `HX-SV-${++seq}`, name: 'Limpieza', kind: 'service' }))
const assign = (projectId: string, body: Record<string, unknown>) =>
  post(`${R}/projects/${projectId}/assignments`, {
    operationStart: '2026-10-01',
    dailyRate: '50.00',
    ...body,
  })
const sheet = (projectId: string, periodStart: string, periodEnd: string) =>
  ok(post(S, { projectId, periodStart, periodEnd }))
const lineOf = (s: Json, key: string) => {
  const l = s.lines.find((x: Json) => x.key === key)
  if (!l) throw new Error(`no line ${key} in ${s.lines.map((x: Json) => x.key).join(', ')}`)
  return l
}

/** A project with a unit at 50.00 from Oct 1: October invoiced, November liquidated. */
const frozenProject = async () => {
  const project = await newProject()
  const unit = await newUnit()
  const a = await ok(assign(project.id, { equipmentId: unit.id }))
  const oct = await sheet(project.id, '2026-10-01', '2026-10-31')
  await ok(post(`${S}/${oct.id}/liquidate`))
  const pdf = await uploadPdf()
  await ok(
    post(`${S}/${oct.id}/invoice`, { invoiceReference: nextInvoice(), invoiceFileId: pdf.id }, billing),
  )
  const nov = await sheet(project.id, '2026-11-01', '2026-11-30')
  await ok(post(`${S}/${nov.id}/liquidate`))
  return { project, unit, a, oct, nov }
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  manager = await t.login('manager@rental.test')
  billing = await t.login('billing@rental.test')
  clientId = (await ok(post(`${R}/clients`, { name: 'Cliente huecos', taxId: '1790011674001' }))).id
})
afterAll(async () => t?.close())

describe('hole 1: assignments and the liquidated / invoiced periods', () => {
  it('a new assignment starting inside a frozen period → 409 naming the sheet, or from the first open day', async () => {
    const { project, oct } = await frozenProject()
    const unit = await newUnit()
    const refused = await assign(project.id, { equipmentId: unit.id, operationStart: '2026-10-20' })
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toContain(oct.seriesCode)
    expect(refused.body.error.details).toMatchObject({
      reason: 'frozenPeriod',
      seriesCode: oct.seriesCode,
      seriesNumber: oct.seriesNumber,
      firstOpenDay: '2026-12-01',
    })
    const fromOpen = await ok(
      assign(project.id, {
        equipmentId: unit.id,
        operationStart: '2026-10-20',
        effectiveFrom: 'firstOpenDay',
      }),
    )
    expect(fromOpen.operationStart).toBe('2026-12-01')
  })

  it('a rate change over a frozen period → 409; from the first open day it never reprices a reopened sheet', async () => {
    const { a, nov } = await frozenProject()
    const refused = await patch(`${R}/assignments/${a.id}`, { dailyRate: '100.00' })
    expect(refused.status).toBe(409)
    expect(refused.body.error.details.reason).toBe('frozenPeriod')
    const changed = await ok(
      patch(`${R}/assignments/${a.id}`, { dailyRate: '100.00', effectiveFrom: 'firstOpenDay' }),
    )
    expect(changed.rates).toEqual([
      { from: null, dailyRate: '50.00' },
      { from: '2026-12-01', dailyRate: '100.00' },
    ])
    expect(changed.dailyRate).toBe('100.00')
    const reopened = await ok(post(`${S}/${nov.id}/reopen`, { reason: 'Revisar' }))
    expect(reopened.subtotal).toBe('1500.00') // 30 days × 50.00, as liquidated
  })

  it('deleting an assignment billed by an invoiced sheet → 409; from the first open day it leaves on the last frozen day', async () => {
    const { a, oct } = await frozenProject()
    const refused = await del(`${R}/assignments/${a.id}`)
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toContain(oct.seriesCode)
    const done = await ok(del(`${R}/assignments/${a.id}?effectiveFrom=firstOpenDay`))
    expect(done).toMatchObject({ deletedIds: [], retiredIds: [a.id] })
    expect((await ok(get(`${R}/assignments/${a.id}`))).retiredOn).toBe('2026-11-30')
  })

  it('a retirement dated inside a frozen period → 409, or on the last frozen day', async () => {
    const { a } = await frozenProject()
    expect((await post(`${R}/assignments/${a.id}/retire`, { date: '2026-10-25' })).status).toBe(409)
    const retired = await ok(
      post(`${R}/assignments/${a.id}/retire`, { date: '2026-10-25', effectiveFrom: 'firstOpenDay' }),
    )
    expect(retired.retiredOn).toBe('2026-11-30')
  })
})

describe('hole 2: rates with effective dates', () => {
  it('a rate from a date splits the line at the change; the sheet shows both rates', async () => {
    const project = await newProject()
    const unit = await newUnit()
    const a = await ok(assign(project.id, { equipmentId: unit.id, operationStart: '2026-12-01' }))
    const dec = await sheet(project.id, '2026-12-01', '2026-12-31')
    await ok(patch(`${R}/assignments/${a.id}`, { dailyRate: '60.00', rateEffectiveFrom: '2026-12-15' }))
    const s = await ok(get(`${S}/${dec.id}`))
    const key = `rental:${unit.id}`
    expect(lineOf(s, key)).toMatchObject({ quantity: '14', unitPrice: '50.00', total: '700.00' })
    expect(lineOf(s, `${key}@2026-12-15`)).toMatchObject({
      quantity: '17',
      unitPrice: '60.00',
      total: '1020.00',
    })
    expect(s.subtotal).toBe('1720.00')
  })
})

describe('hole 3: manual billing days across assignment edits', () => {
  it('survive an edit that keeps the billed dates; dropping them needs confirmation', async () => {
    const project = await newProject()
    const unit = await newUnit()
    const a = await ok(assign(project.id, { equipmentId: unit.id, operationStart: '2026-12-01' }))
    const dec = await sheet(project.id, '2026-12-01', '2026-12-31')
    const key = `rental:${unit.id}`
    const line = lineOf(dec, key)
    await ok(
      put(`${S}/${dec.id}/lines/${line.id}/days`, { dates: ['2026-12-01', '2026-12-02', '2026-12-03'] }),
    )
    await ok(patch(`${R}/assignments/${a.id}`, { notes: 'Solo una nota' }))
    expect(lineOf(await ok(get(`${S}/${dec.id}`)), key)).toMatchObject({ quantity: '3', dayEdit: 'applied' })

    const moved = await patch(`${R}/assignments/${a.id}`, { operationStart: '2026-12-05' })
    expect(moved.status).toBe(409)
    expect(moved.body.error.details).toMatchObject({ reason: 'manualDays', seriesCode: dec.seriesCode })
    expect(lineOf(await ok(get(`${S}/${dec.id}`)), key)).toMatchObject({ quantity: '3', dayEdit: 'applied' })
    await ok(patch(`${R}/assignments/${a.id}`, { operationStart: '2026-12-05', confirmDropManualDays: true }))
    expect(lineOf(await ok(get(`${S}/${dec.id}`)), key)).toMatchObject({ quantity: '27', dayEdit: 'none' })
  })
})

describe('hole 4: invoice numbers', () => {
  it('one SRI number per organization (409 naming the sheet); establishment-point-sequential format', async () => {
    const p1 = await newProject()
    const p2 = await newProject()
    for (const p of [p1, p2]) await ok(assign(p.id, { equipmentId: (await newUnit()).id }))
    const s1 = await sheet(p1.id, '2026-10-01', '2026-10-31')
    const s2 = await sheet(p2.id, '2026-10-01', '2026-10-31')
    await ok(post(`${S}/${s1.id}/liquidate`))
    await ok(post(`${S}/${s2.id}/liquidate`))
    const pdf = await uploadPdf()
    const number = nextInvoice()
    await ok(post(`${S}/${s1.id}/invoice`, { invoiceReference: number, invoiceFileId: pdf.id }, billing))
    const twice = await post(
      `${S}/${s2.id}/invoice`,
      { invoiceReference: number, invoiceFileId: pdf.id },
      billing,
    )
    expect(twice.status).toBe(409)
    expect(twice.body.error.message).toContain(s1.seriesCode)
    const bad = await post(
      `${S}/${s2.id}/invoice`,
      { invoiceReference: 'F-1', invoiceFileId: pdf.id },
      billing,
    )
    expect(bad.status).toBe(400)
    expect(bad.body.error.details[0].path).toBe('invoiceReference')
  })
})

describe('hole 5: amounts that do not fit', () => {
  it('a rate that would overflow the open sheet → 400 naming dailyRate, and the project keeps working', async () => {
    const project = await newProject()
    const dec = await sheet(project.id, '2026-12-01', '2026-12-31')
    const max = '9999999999.99'
    for (let i = 0; i < 2; i++)
      await ok(
        assign(project.id, {
          equipmentId: (await newUnit()).id,
          dailyRate: max,
          operationStart: '2026-12-01',
        }),
      )
    const third = await assign(project.id, {
      equipmentId: (await newUnit()).id,
      dailyRate: max,
      operationStart: '2026-12-01',
    })
    expect(third.status).toBe(400)
    expect(third.body.error.details[0].path).toBe('dailyRate')
    expect(third.body.error.details[0].message).toContain(dec.seriesCode)
    const small = await assign(project.id, {
      equipmentId: (await newUnit()).id,
      operationStart: '2026-12-01',
    })
    expect(small.status).toBe(201)
    const tooBig = await assign(project.id, {
      equipmentId: (await newUnit()).id,
      dailyRate: '99999999999.00',
    })
    expect(tooBig.status).toBe(400)
    expect(tooBig.body.error.details[0].path).toBe('dailyRate')
  })
})

describe('hole 6: future periods and chains outside the service window', () => {
  it('refuses a sheet for a period not started and liquidating one not ended', async () => {
    const project = await newProject()
    await ok(assign(project.id, { equipmentId: (await newUnit()).id }))
    const future = await post(S, {
      projectId: project.id,
      periodStart: '2027-01-01',
      periodEnd: '2027-01-31',
    })
    expect(future.status).toBe(400)
    expect(future.body.error.details[0].path).toBe('periodStart')
    const dec = await sheet(project.id, '2026-12-01', '2026-12-31')
    const early = await post(`${S}/${dec.id}/liquidate`)
    expect(early.status).toBe(409)
    expect(early.body.error.message).toContain('2026-12-31')
  })

  it('refuses a custody chain dated outside the operating window of a service it attends', async () => {
    const project = await newProject()
    const service = await newService()
    const s = await ok(
      assign(project.id, {
        equipmentId: service.id,
        operationStart: '2026-12-01',
        operationEnd: '2026-12-20',
      }),
    )
    const chain = (activityDate: string) =>
      post(`${R}/custody-chains`, {
        projectId: project.id,
        activityDate,
        assignmentIds: [s.id],
        volumeUnit: 'gallons',
        volume: '100',
      })
    const outside = await chain('2026-12-25')
    expect(outside.status).toBe(400)
    expect(outside.body.error.details[0].path).toBe('assignmentIds.0')
    expect(outside.body.error.details[0].message).toContain('2026-12-20')
    expect((await chain('2026-12-10')).status).toBe(201)
  })
})

describe('hole 7: a shipping guide answers with its current billing sheet', () => {
  it('PATCH that moves a guide into the open sheet returns that sheet', async () => {
    const project = await newProject()
    await ok(assign(project.id, { equipmentId: (await newUnit()).id, operationStart: '2026-12-01' }))
    const dec = await sheet(project.id, '2026-12-01', '2026-12-31')
    const guide = await ok(
      post(`${R}/shipping-guides`, {
        projectId: project.id,
        issueDate: '2027-01-05',
        transportCost: '10.00',
      }),
    )
    expect(guide.billingSheetId).toBeNull()
    const moved = await ok(patch(`${R}/shipping-guides/${guide.id}`, { issueDate: '2026-12-05' }))
    expect(moved.billingSheetId).toBe(dec.id)
    const created = await ok(
      post(`${R}/shipping-guides`, {
        projectId: project.id,
        issueDate: '2026-12-06',
        transportCost: '10.00',
      }),
    )
    expect(created.billingSheetId).toBe(dec.id)
  })
})
