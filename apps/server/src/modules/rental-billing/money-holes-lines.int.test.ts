/**
 * Money holes of the rental line found after the first round (issue 12), each reproduced first, on the
 * embedded database and PostgreSQL: a unit back on a project at a new rate repriced the days a frozen
 * sheet had billed (the merged line took the active assignment's rate for every date); closing a project
 * on a day a frozen sheet billed; a service whose window shrank past a custody chain silently stopped
 * billing it; a sheet whose totals would overflow at creation was named by a number it never got.
 * Rules: docs/rental-billing.md#rate-changes, docs/rental-projects.md#frozen-billing-periods.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, type Json } from '../../../test/json-api'

// 2026-12-10 10:00 in Guayaquil: October and November are behind us, December is the open month.
const NOW = new Date('2026-12-10T15:00:00Z')
const R = '/api/v1/rental'
const S = `${R}/billing-sheets`

let t: TestApp
let manager: string
const { get, post, patch, put, del, ok } = jsonApi(
  () => t,
  () => manager,
)
let seq = 0
let clientId = ''
const newProject = (startDate = '2026-10-01') =>
  ok(post(`${R}/projects`, { clientId, name: `Proyecto líneas ${++seq}`, startDate }))
const newUnit = () =>
  ok(post(`${R}/equipment`, { code: `HL-BT-${++seq}`, name: 'BATERÍA', kind: 'equipment', type: 'toilet' }))
const newService = () =>
  ok(post(`${R}/equipment`, { code: `HL-SV-${++seq}`, name: 'Limpieza', kind: 'service' }))
const assign = (projectId: string, body: Record<string, unknown>) =>
  post(`${R}/projects/${projectId}/assignments`, {
    operationStart: '2026-10-01',
    dailyRate: '50.00',
    ...body,
  })
const sheet = (projectId: string, periodStart: string, periodEnd: string) =>
  ok(post(S, { projectId, periodStart, periodEnd }))
const chain = (projectId: string, activityDate: string, assignmentIds: string[]) =>
  post(`${R}/custody-chains`, {
    projectId,
    activityDate,
    assignmentIds,
    volumeUnit: 'gallons',
    volume: '100',
  })
const rentalLines = (s: Json, unitId: string) =>
  s.lines
    .filter((l: Json) => l.equipmentId === unitId && l.kind === 'rental')
    .map((l: Json) => [l.key.replace(unitId, 'U'), l.quantity, l.unitPrice, l.total])

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  manager = await t.login('manager@rental.test')
  clientId = (await ok(post(`${R}/clients`, { name: 'Cliente líneas', taxId: '1790011674001' }))).id
})
afterAll(async () => t?.close())

describe('a unit back on the project at another rate', () => {
  it('never reprices the days a liquidated sheet billed; the open sheet bills each day at its own rate', async () => {
    const project = await newProject()
    const unit = await newUnit()
    const a1 = await ok(assign(project.id, { equipmentId: unit.id }))
    const oct = await sheet(project.id, '2026-10-01', '2026-10-31')
    await ok(post(`${R}/assignments/${a1.id}/retire`, { date: '2026-10-20' }))
    expect((await ok(post(`${S}/${oct.id}/liquidate`))).subtotal).toBe('1000.00') // 20 × 50.00

    // back from Nov 5 at 100.00 (outside the frozen October), then its whole rate raised to 200.00
    const a2 = await ok(
      assign(project.id, { equipmentId: unit.id, dailyRate: '100.00', operationStart: '2026-11-05' }),
    )
    await ok(patch(`${R}/assignments/${a2.id}`, { dailyRate: '200.00' }))
    const reopened = await ok(post(`${S}/${oct.id}/reopen`, { reason: 'Revisar' }))
    expect(reopened.subtotal).toBe('1000.00') // was 4000.00: every October day at the new 200.00
    expect(rentalLines(reopened, unit.id)).toEqual([['rental:U', '20', '50.00', '1000.00']])
    await ok(post(`${S}/${oct.id}/liquidate`))

    // a sheet over both stays: Oct 21 – Nov 30 bills Nov 5–30 at 200.00 only (A1 left on Oct 20)
    const nov = await sheet(project.id, '2026-11-01', '2026-11-30')
    expect(rentalLines(nov, unit.id)).toEqual([['rental:U', '26', '200.00', '5200.00']])
  })

  it('a sheet over both stays shows both rates: API lines, Excel export and the printed line text', async () => {
    const project = await newProject('2026-11-01')
    const unit = await newUnit()
    const a1 = await ok(assign(project.id, { equipmentId: unit.id, operationStart: '2026-11-01' }))
    await ok(post(`${R}/assignments/${a1.id}/retire`, { date: '2026-11-10' }))
    await ok(assign(project.id, { equipmentId: unit.id, dailyRate: '60.00', operationStart: '2026-11-21' }))
    const nov = await sheet(project.id, '2026-11-01', '2026-11-30')
    expect(rentalLines(nov, unit.id)).toEqual([
      ['rental:U', '10', '50.00', '500.00'],
      ['rental:U@2026-11-21', '10', '60.00', '600.00'],
    ])
    expect(nov.subtotal).toBe('1100.00') // the old engine: 20 × 60.00 = 1200.00
    const later = nov.lines.find((l: Json) => l.key === `rental:${unit.id}@2026-11-21`)
    expect(later.description).toMatch(/\(TARIFA DESDE 21\/11\/2026\)$/)

    const res = await get(`${S}/${nov.id}/export.xlsx`)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer)
    const rows: unknown[][] = []
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)))
    const priced = rows.filter((r) => r.some((c) => String(c).includes('BATERÍA')))
    expect(priced).toHaveLength(2)
    expect(priced.map((r) => r.filter((c) => typeof c === 'number' && [50, 60].includes(c)))).toEqual([
      [50],
      [60],
    ])
    expect((await get(`${S}/${nov.id}/pdf`)).status).toBe(200)
  })
})

describe('closing a project over a frozen period', () => {
  it('a closing date on a day a liquidated sheet billed → 409 naming the sheet; its last day closes', async () => {
    const project = await newProject()
    await ok(assign(project.id, { equipmentId: (await newUnit()).id }))
    const oct = await sheet(project.id, '2026-10-01', '2026-10-31')
    await ok(post(`${S}/${oct.id}/liquidate`))
    const refused = await post(`${R}/projects/${project.id}/close`, { date: '2026-10-15' })
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toContain(oct.seriesCode)
    expect(refused.body.error.message).toContain('liquidada')
    expect(refused.body.error.details).toMatchObject({
      reason: 'frozenPeriod',
      seriesCode: oct.seriesCode,
      status: 'liquidated',
      earliestClosingDate: '2026-10-31',
    })
    expect((await ok(get(`${R}/projects/${project.id}`))).closed).toBe(false)
    const closed = await ok(post(`${R}/projects/${project.id}/close`, { date: '2026-10-31' }))
    expect(closed).toMatchObject({ closed: true, closedOn: '2026-10-31' })
  })
})

describe('custody chains and the operating window of the service they attend', () => {
  it('retiring a service, moving its end, or retiring its linked unit before a live chain → 409 naming the chain', async () => {
    const project = await newProject()
    const unit = await newUnit()
    await ok(assign(project.id, { equipmentId: unit.id, operationStart: '2026-12-01' }))
    const service = await newService()
    const s = await ok(
      assign(project.id, {
        equipmentId: service.id,
        operationStart: '2026-12-01',
        linkedEquipmentId: unit.id,
      }),
    )
    const dec = await sheet(project.id, '2026-12-01', '2026-12-31')
    const c = await ok(chain(project.id, '2026-12-08', [s.id]))

    const retire = await post(`${R}/assignments/${s.id}/retire`, { date: '2026-12-05' })
    expect(retire.status).toBe(409)
    expect(retire.body.error.details).toMatchObject({
      reason: 'chainsOutsideWindow',
      chains: [{ number: c.number, activityDate: '2026-12-08' }],
    })
    expect(retire.body.error.message).toContain('2026-12-08')
    const end = await patch(`${R}/assignments/${s.id}`, { operationEnd: '2026-12-07' })
    expect(end.status).toBe(409)
    expect(end.body.error.details.reason).toBe('chainsOutsideWindow')
    const cascade = await post(
      `${R}/assignments/${(await ok(get(`${R}/projects/${project.id}/assignments`))).items.find((a: Json) => a.kind === 'equipment').id}/retire`,
      { date: '2026-12-06' },
    )
    expect(cascade.status).toBe(409)
    expect(cascade.body.error.details.reason).toBe('chainsOutsideWindow')

    // still billed; once the chain is cancelled the service may leave earlier
    const line = (await ok(get(`${S}/${dec.id}`))).lines.find((l: Json) => l.key === `service:${s.id}`)
    expect(line).toMatchObject({ quantity: '1', dates: ['2026-12-08'] })
    await ok(post(`${R}/custody-chains/${c.id}/cancel`, { reason: 'Mal registrada' }))
    await ok(post(`${R}/assignments/${s.id}/retire`, { date: '2026-12-05' }))
  })

  it('reactivating a service with a start after a live chain → 409 naming the chain', async () => {
    const project = await newProject()
    const s = await ok(
      assign(project.id, { equipmentId: (await newService()).id, operationStart: '2026-12-01' }),
    )
    const c = await ok(chain(project.id, '2026-12-03', [s.id]))
    await ok(post(`${R}/assignments/${s.id}/retire`, { date: '2026-12-05' }))
    const later = await post(`${R}/assignments/${s.id}/reactivate`, { operationStart: '2026-12-04' })
    expect(later.status).toBe(409)
    expect(later.body.error.details).toMatchObject({
      reason: 'chainsOutsideWindow',
      chains: [{ number: c.number, activityDate: '2026-12-03' }],
    })
    expect((await ok(post(`${R}/assignments/${s.id}/reactivate`, {}))).status).toBe('active')
  })

  it('closing the project before a live chain of one of its services → 409 naming the chain', async () => {
    const project = await newProject()
    const s = await ok(
      assign(project.id, { equipmentId: (await newService()).id, operationStart: '2026-12-01' }),
    )
    const c = await ok(chain(project.id, '2026-12-08', [s.id]))
    const closing = await post(`${R}/projects/${project.id}/close`, { date: '2026-12-05' })
    expect(closing.status).toBe(409)
    expect(closing.body.error.details).toMatchObject({
      reason: 'chainsOutsideWindow',
      chains: [{ number: c.number, activityDate: '2026-12-08' }],
    })
    expect((await ok(post(`${R}/projects/${project.id}/close`, { date: '2026-12-08' }))).closed).toBe(true)
  })
})

describe('a sheet whose totals would not fit', () => {
  it('five lines × 365 days at creation → 400 naming periodEnd and the period (no number it never got)', async () => {
    const project = await newProject('2025-12-01')
    for (let i = 0; i < 5; i++)
      await ok(
        assign(project.id, {
          equipmentId: (await newUnit()).id,
          dailyRate: '999999999.99',
          operationStart: '2025-12-01',
        }),
      )
    const year = await post(S, { projectId: project.id, periodStart: '2025-12-01', periodEnd: '2026-11-30' })
    expect(year.status).toBe(400)
    expect(year.body.error.details[0].path).toBe('periodEnd')
    expect(year.body.error.details[0].message).toContain('2025-12-01 – 2026-11-30')
    expect(year.body.error.message).not.toMatch(/PSL-PS-\d{4}-\d+/)
    // the project keeps working: a month fits, and its manual days can still be set
    const month = await sheet(project.id, '2025-12-01', '2025-12-31')
    expect(month.subtotal).toBe('154999999998.45') // 5 × 31 × 999,999,999.99
    const line = month.lines[0]
    await ok(put(`${S}/${month.id}/lines/${line.id}/days`, { dates: ['2025-12-01'] }))
  })
})

describe('a document amount that would not fit the open sheet', () => {
  it('a custody chain logistics cost → 400 naming logisticsCost; the chain is not saved, the sheet works', async () => {
    const project = await newProject('2026-12-01')
    // three units at 9,300,000,000.00 × 31 days: subtotal 864,900,000,000.00, total 994,635,000,000.00
    for (let i = 0; i < 3; i++)
      await ok(
        assign(project.id, {
          equipmentId: (await newUnit()).id,
          dailyRate: '9300000000.00',
          operationStart: '2026-12-01',
        }),
      )
    const s = await ok(
      assign(project.id, { equipmentId: (await newService()).id, operationStart: '2026-12-01' }),
    )
    const dec = await sheet(project.id, '2026-12-01', '2026-12-31')
    expect(dec.total).toBe('994635000000.00')
    const body = {
      projectId: project.id,
      activityDate: '2026-12-05',
      assignmentIds: [s.id],
      volumeUnit: 'gallons',
      volume: '100',
      logisticsCost: '9999999999.99',
    }
    const refused = await post(`${R}/custody-chains`, body)
    expect(refused.status).toBe(400)
    expect(refused.body.error.details[0].path).toBe('logisticsCost')
    expect(refused.body.error.details[0].message).toContain(dec.seriesCode)
    const after = await ok(get(`${S}/${dec.id}`))
    expect(after.total).toBe('994635000000.00')
    expect((await post(`${R}/custody-chains`, { ...body, logisticsCost: '100.00' })).status).toBe(201)
  })
})

describe('liquidating a period that has not ended', () => {
  it('a period ending today → 409 saying it is liquidated from tomorrow; one ended yesterday liquidates', async () => {
    const project = await newProject('2026-12-01')
    await ok(assign(project.id, { equipmentId: (await newUnit()).id, operationStart: '2026-12-01' }))
    const today = await sheet(project.id, '2026-12-01', '2026-12-10')
    const early = await post(`${S}/${today.id}/liquidate`)
    expect(early.status).toBe(409)
    expect(early.body.error.message).toContain('se liquida desde el 2026-12-11')
    await ok(del(`${S}/${today.id}`))
    const ended = await sheet(project.id, '2026-12-01', '2026-12-09')
    expect((await ok(post(`${S}/${ended.id}/liquidate`))).status).toBe('liquidated')
  })
})

describe('a shipping guide answers with its current billing sheet after a status change', () => {
  it('voiding a guide billed by the open sheet answers billingSheetId null (it was released)', async () => {
    const project = await newProject('2026-12-01')
    await ok(assign(project.id, { equipmentId: (await newUnit()).id, operationStart: '2026-12-01' }))
    const dec = await sheet(project.id, '2026-12-01', '2026-12-31')
    const guide = await ok(
      post(`${R}/shipping-guides`, {
        projectId: project.id,
        issueDate: '2026-12-05',
        transportCost: '10.00',
      }),
    )
    expect(guide.billingSheetId).toBe(dec.id)
    const voided = await ok(post(`${R}/shipping-guides/${guide.id}/void`, { reason: 'Duplicada' }))
    expect(voided.status).toBe('void')
    expect(voided.billingSheetId).toBeNull()
    expect((await ok(get(`${R}/shipping-guides/${guide.id}`))).billingSheetId).toBeNull()
  })
})
