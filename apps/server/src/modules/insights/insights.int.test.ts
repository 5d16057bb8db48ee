/**
 * The dashboards through HTTP → service → the owning modules, on the embedded database and PostgreSQL: each
 * figure is computed here by hand from the data the test creates (isolated by its own client) and compared;
 * every count equals the total of the list it drills down to; scope by line of business and permission.
 */
import Decimal from 'decimal.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TOffshoreDashboard, TRentalDashboard } from '@faena/contracts'
import {
  annexCWorkbook,
  multipartFile,
  rowsFromCatalog,
  type CatalogItem,
} from '../../../test/annex-c-workbooks'
import { contractWorkbook } from '../../../test/concept-workbooks'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, uploadFile, type Json } from '../../../test/json-api'

// 2026-02-05 in Mexico City and in Guayaquil: "today" of both organizations
const NOW = new Date('2026-02-05T17:00:00Z')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

let t: TestApp
let offshore: string
let rental: string
let rentalBilling: string
const { get, post, patch, ok } = jsonApi(
  () => t,
  () => offshore,
)

let catalog: CatalogItem[]
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ids filled in beforeAll
const ids: Record<string, any> = {}

const offshoreDashboard = async (query = '', cookie = offshore): Promise<TOffshoreDashboard> =>
  ok(get(`/api/v1/insights/offshore${query}`, cookie))
const rentalDashboard = async (query = ''): Promise<TRentalDashboard> =>
  ok(get(`/api/v1/insights/rental${query}`, rental))

/** volume × price of catalog item i, exact */
const lineMoney = (i: number, volume: number) => ({
  mxn: new Decimal(catalog[i]!.unitPriceMxn).times(volume),
  usd: new Decimal(catalog[i]!.unitPriceUsd).times(volume),
})
const sumMoney = (...xs: { mxn: Decimal; usd: Decimal }[]) => ({
  mxn: xs.reduce((a, x) => a.plus(x.mxn), new Decimal(0)).toFixed(),
  usd: xs.reduce((a, x) => a.plus(x.usd), new Decimal(0)).toFixed(),
})

async function confirmAnnex(workOrderId: string, items: number[], volume: (i: number) => number) {
  const rows = rowsFromCatalog(
    items.map((i) => catalog[i]!),
    (k) => volume(items[k]!),
  )
  const { payload, contentType } = multipartFile('anexo-c.xlsx', await annexCWorkbook(rows))
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/work-orders/${workOrderId}/annex-imports`,
    headers: { cookie: offshore, 'content-type': contentType },
    payload,
  })
  expect(res.statusCode, res.body).toBe(201)
  await ok(post(`/api/v1/work-orders/${workOrderId}/annex-imports/${res.json().id}/confirm`))
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  offshore = await t.login('admin@offshore.test')
  rental = await t.login('manager@rental.test')
  rentalBilling = await t.login('billing@rental.test')

  // --- offshore: a contract catalog, one client of our own, two fronts
  const { payload, contentType } = multipartFile('contrato.xlsx', await contractWorkbook({ concepts: 8 }))
  const imp = await t.app.inject({
    method: 'POST',
    url: '/api/v1/concepts/import',
    headers: { cookie: offshore, 'content-type': contentType },
    payload: Buffer.concat([
      Buffer.from(`--faenaAnnexBoundary\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncontract\r\n`),
      payload,
    ]),
  })
  expect(imp.statusCode, imp.body).toBe(200)
  catalog = (await ok(get('/api/v1/concepts?kind=ordinary&limit=100&sort=code'))).items
  ids.client = (
    await ok(post('/api/v1/catalogs/clients', { name: 'CLIENTE TABLERO', clientType: 'CONTRATO' }))
  ).id
  const fronts: Json[] = (await ok(get('/api/v1/catalogs/fronts?limit=10'))).items
  ids.frontA = fronts[0].id
  ids.frontB = fronts[1].id
  ids.frontAName = fronts[0].name
  const type = (await ok(get('/api/v1/catalogs/types?level=proposal&limit=1'))).items[0].id
  ids.manager = (await ok(get('/api/v1/catalogs/project-managers?limit=1'))).items[0].id

  const proposal = async (n: number, deliveryDate: string) =>
    (
      await ok(
        post('/api/v1/proposals', {
          officialNumber: `PEP-TAB-${n}`,
          requestNumber: `SOL-TAB-${n}`,
          description: `Propuesta del tablero ${n}`,
          clientId: ids.client,
          requestDate: `2026-01-0${n}`,
          deliveryDate,
          durationDays: 20,
          typeId: type,
          projectManagerId: ids.manager,
          priority: 'medium',
        }),
      )
    ).id
  // P1 overdue (delivery before today), P2 on time, P3 suspended and overdue
  ids.p1 = await proposal(1, '2026-01-20')
  ids.p2 = await proposal(2, '2026-03-01')
  ids.p3 = await proposal(3, '2026-01-25')
  await ok(post(`/api/v1/proposals/${ids.p3}/status`, { status: 'suspended', reason: 'Espera del cliente' }))

  const workOrder = async (number: string, over: Record<string, unknown>) =>
    (
      await ok(
        post('/api/v1/work-orders', {
          number,
          description: `OT del tablero ${number}`,
          clientId: ids.client,
          projectManagerId: ids.manager,
          ...over,
        }),
      )
    ).id
  // W1 (front A, January) and its reprogramming R1 (February): the family ends Feb 28, not overdue
  ids.w1 = await workOrder('OT-TAB-1', {
    frontId: ids.frontA,
    plannedStart: '2026-01-05',
    plannedEnd: '2026-01-31',
  })
  ids.r1 = (
    await ok(
      post(`/api/v1/work-orders/${ids.w1}/reprogrammings`, {
        plannedStart: '2026-02-01',
        plannedEnd: '2026-02-28',
      }),
    )
  ).id
  // W2 (front B, March); W3 (no front, December, in execution: overdue, no Anexo C)
  ids.w2 = await workOrder('OT-TAB-2', {
    frontId: ids.frontB,
    plannedStart: '2026-03-01',
    plannedEnd: '2026-03-31',
  })
  ids.w3 = await workOrder('OT-TAB-3', { plannedStart: '2025-12-01', plannedEnd: '2025-12-20' })
  await ok(patch(`/api/v1/work-orders/${ids.w3}`, { status: 'in_execution' }))

  // Anexo C: W1 items 0–2, R1 items 1–3 (replaces 1 and 2, adds 3), W2 item 4
  await confirmAnnex(ids.w1, [0, 1, 2], (i) => 10 + i)
  await confirmAnnex(ids.r1, [1, 2, 3], (i) => 20 + i)
  await confirmAnnex(ids.w2, [4], () => 5)
}, 120_000)
afterAll(async () => t?.close())

describe('offshore dashboard', () => {
  it('counts proposals and work orders of the client by status, client, front and overdue', async () => {
    const d = await offshoreDashboard(`?clientId=${ids.client}`)
    expect(d.today).toBe('2026-02-05')
    expect(d.proposals.total).toBe(3)
    expect(d.proposals.overdue).toBe(2)
    expect(d.proposals.byStatus).toContainEqual({ status: 'active', count: 2 })
    expect(d.proposals.byStatus).toContainEqual({ status: 'suspended', count: 1 })
    expect(d.proposals.byStatus.reduce((a, s) => a + s.count, 0)).toBe(3)
    expect(d.proposals.byClient).toEqual([
      {
        clientId: ids.client,
        clientName: 'CLIENTE TABLERO',
        total: 3,
        byStatus: [
          { status: 'active', count: 2 },
          { status: 'suspended', count: 1 },
        ],
      },
    ])

    expect(d.workOrders.total).toBe(4)
    expect(d.workOrders.overdue).toBe(1)
    expect(d.workOrders.byStatus).toContainEqual({ status: 'assigned', count: 3 })
    expect(d.workOrders.byStatus).toContainEqual({ status: 'in_execution', count: 1 })
    expect(d.workOrders.byFront).toEqual([
      { frontId: ids.frontA, frontName: ids.frontAName, count: 2, overdue: 0 },
      { frontId: ids.frontB, frontName: expect.any(String), count: 1, overdue: 0 },
      { frontId: null, frontName: null, count: 1, overdue: 1 },
    ])
  })

  it('adds the money of the consolidated Anexo C by the month of the work order that gives each line', async () => {
    const d = await offshoreDashboard(`?clientId=${ids.client}`)
    // item 0 stays with W1 (January); items 1–3 are R1's (February); item 4 is W2's (March)
    const jan = sumMoney(lineMoney(0, 10))
    const feb = sumMoney(lineMoney(1, 21), lineMoney(2, 22), lineMoney(3, 23))
    const mar = sumMoney(lineMoney(4, 5))
    expect(d.authorized.byMonth).toEqual([
      { month: '2026-01', ...jan, workOrders: 1 },
      { month: '2026-02', ...feb, workOrders: 1 },
      { month: '2026-03', ...mar, workOrders: 1 },
    ])
    expect(d.authorized.total).toEqual(
      sumMoney(lineMoney(0, 10), lineMoney(1, 21), lineMoney(2, 22), lineMoney(3, 23), lineMoney(4, 5)),
    )
    expect(d.authorized.withoutAnnex).toBe(1)
  })

  it('filters by period, front and status', async () => {
    // February: only R1's window overlaps; W1's line of item 0 is not counted
    const feb = await offshoreDashboard(`?clientId=${ids.client}&from=2026-02-01&to=2026-02-28`)
    expect(feb.workOrders.total).toBe(1)
    expect(feb.authorized.byMonth).toEqual([
      { month: '2026-02', ...sumMoney(lineMoney(1, 21), lineMoney(2, 22), lineMoney(3, 23)), workOrders: 1 },
    ])
    // proposals by request date: Jan 1 … Jan 2
    const early = await offshoreDashboard(`?clientId=${ids.client}&from=2026-01-01&to=2026-01-02`)
    expect(early.proposals.total).toBe(2)

    const front = await offshoreDashboard(`?clientId=${ids.client}&frontId=${ids.frontA}`)
    expect(front.workOrders.total).toBe(2)
    expect(front.authorized.byMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02'])

    const status = await offshoreDashboard(
      `?clientId=${ids.client}&workOrderStatus=in_execution&proposalStatus=suspended`,
    )
    expect(status.workOrders.total).toBe(1)
    expect(status.workOrders.overdue).toBe(1)
    expect(status.proposals.total).toBe(1)
    expect(status.authorized).toEqual({ byMonth: [], total: { mxn: '0', usd: '0' }, withoutAnnex: 1 })
  })

  it('every count equals the total of the list it drills down to', async () => {
    const d = await offshoreDashboard()
    for (const s of d.proposals.byStatus) {
      const list = await ok(get(`/api/v1/proposals?status=${s.status}&limit=1`))
      expect(list.total, `proposals ${s.status}`).toBe(s.count)
    }
    for (const c of d.proposals.byClient) {
      const list = await ok(get(`/api/v1/proposals?clientId=${c.clientId}&limit=1`))
      expect(list.total, `proposals of ${c.clientName}`).toBe(c.total)
    }
    expect((await ok(get('/api/v1/proposals?overdue=true&limit=1'))).total).toBe(d.proposals.overdue)
    for (const s of d.workOrders.byStatus) {
      const list = await ok(get(`/api/v1/work-orders?status=${s.status}&limit=1`))
      expect(list.total, `work orders ${s.status}`).toBe(s.count)
    }
    for (const f of d.workOrders.byFront.filter((x) => x.frontId)) {
      const list = await ok(get(`/api/v1/work-orders?frontId=${f.frontId}&limit=1`))
      expect(list.total, `work orders of ${f.frontName}`).toBe(f.count)
    }
    expect((await ok(get('/api/v1/work-orders?overdue=true&limit=1'))).total).toBe(d.workOrders.overdue)
    const q = `clientId=${ids.client}&from=2026-02-01&to=2026-03-31`
    const filtered = await offshoreDashboard(`?${q}`)
    expect((await ok(get(`/api/v1/work-orders?${q}&limit=1`))).total).toBe(filtered.workOrders.total)
  })
})

describe('rental dashboard', () => {
  it('equipment, utilization and revenue of a client computed by hand', async () => {
    const R = '/api/v1/rental'
    const before = await rentalDashboard()
    const client = (
      await ok(post(`${R}/clients`, { name: 'Cliente tablero renta', taxId: '1790011674001' }, rental))
    ).id
    const project = await ok(
      post(
        `${R}/projects`,
        { clientId: client, name: 'Proyecto tablero', location: 'CAMPO SUR', startDate: '2026-01-01' },
        rental,
      ),
    )
    const unit = async (code: string) =>
      (await ok(post(`${R}/equipment`, { code, name: 'BATERÍA', kind: 'equipment', type: 'toilet' }, rental)))
        .id
    const u1 = await unit('TAB-U1')
    const u2 = await unit('TAB-U2')
    await ok(
      post(
        `${R}/projects/${project.id}/assignments`,
        { equipmentId: u1, operationStart: '2026-01-01', dailyRate: '10.00' },
        rental,
      ),
    )
    await ok(
      post(
        `${R}/projects/${project.id}/assignments`,
        { equipmentId: u2, operationStart: '2026-01-16', dailyRate: '7.50' },
        rental,
      ),
    )
    // January: 31 × 10.00 + 16 × 7.50 = 430.00, liquidated then invoiced; February in progress
    const jan = await ok(
      post(
        `${R}/billing-sheets`,
        { projectId: project.id, periodStart: '2026-01-01', periodEnd: '2026-01-31' },
        rental,
      ),
    )
    expect(jan.subtotal).toBe('430.00')
    await ok(post(`${R}/billing-sheets/${jan.id}/liquidate`, {}, rental))
    const file = await uploadFile(t, rentalBilling, 'factura.pdf', PDF)
    const invoiced = await ok(
      post(
        `${R}/billing-sheets/${jan.id}/invoice`,
        { invoiceReference: '001-001-000000777', invoiceFileId: file.id },
        rentalBilling,
      ),
    )
    const feb = await ok(
      post(
        `${R}/billing-sheets`,
        { projectId: project.id, periodStart: '2026-02-01', periodEnd: '2026-02-28' },
        rental,
      ),
    )
    expect(feb.subtotal).toBe('490.00')

    const after = await rentalDashboard()
    expect(after.equipment.fleet).toBe(before.equipment.fleet + 2)
    const rented = (d: TRentalDashboard) =>
      d.equipment.byAvailability.find((a) => a.availability === 'rented')!.count
    expect(rented(after)).toBe(rented(before) + 2)

    const d = await rentalDashboard(`?clientId=${client}&from=2026-01-01&to=2026-01-31`)
    expect(d.equipment.utilization).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      days: 31,
      equipmentDays: 47,
      capacityDays: after.equipment.fleet * 31,
      percent: new Decimal(4700)
        .div(after.equipment.fleet * 31)
        .toDecimalPlaces(1, Decimal.ROUND_HALF_UP)
        .toFixed(1),
    })
    const usd = (subtotal: string, total: string) => [{ currency: invoiced.currency, subtotal, total }]
    expect(d.revenueByMonth).toEqual([
      { month: '2026-01', amounts: usd('430', new Decimal(invoiced.total).toFixed()) },
    ])
    expect(d.revenueByClient).toEqual([
      {
        clientId: client,
        clientName: 'Cliente tablero renta',
        amounts: usd('430', new Decimal(invoiced.total).toFixed()),
      },
    ])
    expect(d.sheets.byStatus.find((s) => s.status === 'invoiced')?.count).toBe(1)

    // both months: February's sheet is in progress, not revenue
    const both = await rentalDashboard(`?clientId=${client}&from=2026-01-01&to=2026-02-28`)
    expect(both.sheets.byStatus.find((s) => s.status === 'in_progress')).toEqual({
      status: 'in_progress',
      count: 1,
      amounts: usd('490', new Decimal(feb.total).toFixed()),
    })
    expect(both.revenueByMonth.map((m) => m.month)).toEqual(['2026-01'])
    // drill-down: the sheets list with the same period and status has the same count
    for (const s of both.sheets.byStatus) {
      const list = await ok(
        get(
          `${R}/billing-sheets?status=${s.status}&periodFrom=2026-01-01&periodTo=2026-02-28&q=Cliente%20tablero%20renta`,
          rental,
        ),
      )
      expect(list.total, s.status).toBe(s.count)
    }
  })
})

describe('scope', () => {
  it('a user sees the dashboard of its line of business only; no figure of another organization', async () => {
    const wrongLine = await get('/api/v1/insights/rental', offshore)
    expect(wrongLine.status).toBe(403)
    expect(wrongLine.body.error.message).toBe('Tu organización no trabaja en esta línea de negocio')
    // in the caller's language
    await ok(patch('/api/v1/auth/me/preferences', { locale: 'en' }, offshore))
    try {
      const en = await get('/api/v1/insights/rental', offshore)
      expect(en.body.error).toMatchObject({
        key: 'insights.lineNotRun',
        message: 'Your organization does not work in this line of business',
      })
    } finally {
      await ok(patch('/api/v1/auth/me/preferences', { locale: 'es' }, offshore))
    }
    expect((await get('/api/v1/insights/offshore', rental)).status).toBe(403)
    // a client of another organization filters to nothing
    const rentalClient = (await ok(get('/api/v1/rental/clients?limit=1', rental))).items[0].id
    const d = await offshoreDashboard(`?clientId=${rentalClient}`)
    expect(d.proposals.total + d.workOrders.total).toBe(0)
  })

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await get('/api/v1/insights/offshore?from=2026-02-01&to=2026-01-01', offshore)
    expect(res.status).toBe(400)
    expect(res.body.error.details[0].path).toBe('to')
  })
})
