/**
 * Due bands of work orders (docs/work-orders.md#due-bands): days left to the family's end (the latest
 * reprogramming's end counts) in the organization's time zone, `overdue`, the band by the organization's
 * thresholds, and the list filters `overdue` / `dueWithinDays` applied in SQL (totals and pages agree).
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TWorkOrderDetail, TWorkOrderSummary } from '@faena/contracts'
import { createTestApp, type TestApp } from '../../../test/harness'

// 2026-03-10 05:30 UTC is still 2026-03-09 (23:30) in Mexico City: "today" is the organization's date.
const NOW = new Date('2026-03-10T05:30:00Z')

let t: TestApp
let manager: string
let rentalAdmin: string
const ref = { contract: '', pm: '', barco: '', vessel: '' }

const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) => {
  const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) })
  return { status: res.statusCode, body: res.body, json: <T>() => JSON.parse(res.body) as T }
}

async function workOrder(number: string, plannedEnd: string) {
  const res = await call('POST', '/api/v1/work-orders', manager, {
    number,
    description: `Trabajo ${number}`,
    clientId: ref.contract,
    projectManagerId: ref.pm,
    plannedStart: '2026-02-01',
    plannedEnd,
    frontId: ref.barco,
    vesselId: ref.vessel,
  })
  expect(res.status, res.body).toBe(201)
  return res.json<TWorkOrderDetail>()
}

async function reprogram(id: string, plannedEnd: string) {
  const res = await call('POST', `/api/v1/work-orders/${id}/reprogrammings`, manager, {
    plannedStart: '2026-02-15',
    plannedEnd,
  })
  expect(res.status, res.body).toBe(201)
  return res.json<TWorkOrderDetail>()
}

const list = async (query: string, cookie = manager) => {
  const params = new URLSearchParams({ q: 'OTV-', sort: 'number', dir: 'asc', limit: '100' })
  for (const [k, v] of new URLSearchParams(query)) params.set(k, v)
  const res = await call('GET', `/api/v1/work-orders?${params.toString()}`, cookie)
  expect(res.status, res.body).toBe(200)
  return res.json<TWorkOrderList>()
}
const numbers = (items: TWorkOrderSummary[]) =>
  items.map((w) => (w.reprogrammingNumber ? `${w.number}/R${w.reprogrammingNumber}` : w.number))
const signal = (w: TWorkOrderSummary) => [w.familyEnd, w.remainingDays, w.overdue, w.dueBand]

type TWorkOrderList = { items: TWorkOrderSummary[]; total: number }
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  manager = await t.login('manager@offshore.test')
  rentalAdmin = await t.login('admin@rental.test')
  const items = async (url: string) =>
    (await call('GET', url, manager)).json<{
      items: { id: string; name: string; clientType?: string; kind?: string }[]
    }>().items
  ref.contract = (await items('/api/v1/catalogs/clients?limit=50')).find(
    (c) => c.clientType === 'CONTRATO',
  )!.id
  ref.pm = (await items('/api/v1/catalogs/project-managers?limit=50'))[0]!.id
  ref.barco = (await items('/api/v1/catalogs/fronts?limit=50')).find((f) => f.name === 'BARCO')!.id
  ref.vessel = (await items('/api/v1/catalogs/sites?limit=100')).find((s) => s.kind === 'vessel')!.id

  // today is 2026-03-09
  ids.A = (await workOrder('OTV-A', '2026-03-08')).id // 1 day past the end
  ids.B = (await workOrder('OTV-B', '2026-03-09')).id // last day
  ids.C = (await workOrder('OTV-C', '2026-03-16')).id // 7 days
  ids.D = (await workOrder('OTV-D', '2026-03-17')).id // 8 days
  ids.E = (await workOrder('OTV-E', '2026-03-23')).id // 14 days
  ids.F = (await workOrder('OTV-F', '2026-03-24')).id // 15 days
  // past its own end, but reprogrammed to end later: the reprogramming's end counts for the whole family
  ids.G = (await workOrder('OTV-G', '2026-03-01')).id
  ids.G1 = (await reprogram(ids.G, '2026-04-30')).id
  // reprogrammed to end earlier than the initial: overdue, though the initial's own end is ahead
  ids.H = (await workOrder('OTV-H', '2026-04-30')).id
  ids.H1 = (await reprogram(ids.H, '2026-03-05')).id
  // past its end but finished: no countdown
  ids.I = (await workOrder('OTV-I', '2026-03-01')).id
  const done = await call('PATCH', `/api/v1/work-orders/${ids.I}`, manager, { status: 'finished' })
  expect(done.status, done.body).toBe(200)
})
afterAll(async () => t?.close())

describe('remaining days, overdue and band', () => {
  it('in the list, from the family end in the organization time zone, with the default thresholds 7 / 14', async () => {
    const { items, total } = await list('')
    expect(total).toBe(11)
    const by = Object.fromEntries(items.map((w) => [numbers([w])[0], signal(w)]))
    expect(by).toEqual({
      'OTV-A': ['2026-03-08', -1, true, 'overdue'],
      'OTV-B': ['2026-03-09', 0, false, 'urgent'],
      'OTV-C': ['2026-03-16', 7, false, 'urgent'],
      'OTV-D': ['2026-03-17', 8, false, 'soon'],
      'OTV-E': ['2026-03-23', 14, false, 'soon'],
      'OTV-F': ['2026-03-24', 15, false, null],
      'OTV-G': ['2026-04-30', 52, false, null],
      'OTV-G/R1': ['2026-04-30', 52, false, null],
      'OTV-H': ['2026-03-05', -4, true, 'overdue'],
      'OTV-H/R1': ['2026-03-05', -4, true, 'overdue'],
      'OTV-I': ['2026-03-01', null, false, null],
    })
  })

  it('in the detail too', async () => {
    const a = (await call('GET', `/api/v1/work-orders/${ids.A}`, manager)).json<TWorkOrderDetail>()
    expect(signal(a)).toEqual(['2026-03-08', -1, true, 'overdue'])
    const g = (await call('GET', `/api/v1/work-orders/${ids.G}`, manager)).json<TWorkOrderDetail>()
    expect(g.plannedEnd).toBe('2026-03-01')
    expect(signal(g)).toEqual(['2026-04-30', 52, false, null])
    const i = (await call('GET', `/api/v1/work-orders/${ids.I}`, manager)).json<TWorkOrderDetail>()
    expect(signal(i)).toEqual(['2026-03-01', null, false, null])
  })

  it("follows the organization's thresholds (settings workOrderDue)", async () => {
    const orgId = await t.orgId('demo-offshore')
    const setThresholds = (v: object | null) =>
      sql`update organizations set settings = ${
        v === null
          ? sql`settings - 'workOrderDue'`
          : sql`jsonb_set(settings, '{workOrderDue}', ${JSON.stringify(v)}::jsonb)`
      } where id = ${orgId}`.execute(t.db)
    await setThresholds({ urgentDays: 3, soonDays: 10 })
    try {
      const { items } = await list('')
      const band = Object.fromEntries(items.map((w) => [numbers([w])[0], w.dueBand]))
      expect(band).toMatchObject({
        'OTV-A': 'overdue',
        'OTV-B': 'urgent',
        'OTV-C': 'soon',
        'OTV-D': 'soon',
        'OTV-E': null,
      })
      const c = (await call('GET', `/api/v1/work-orders/${ids.C}`, manager)).json<TWorkOrderDetail>()
      expect(c.dueBand).toBe('soon')
    } finally {
      await setThresholds(null)
    }
    const c = (await call('GET', `/api/v1/work-orders/${ids.C}`, manager)).json<TWorkOrderDetail>()
    expect(c.dueBand).toBe('urgent')
  })
})

describe('list filters overdue / due within N days', () => {
  it('overdue=true: open work orders past their family end; totals and pages agree', async () => {
    const all = await list('overdue=true')
    expect(numbers(all.items)).toEqual(['OTV-A', 'OTV-H', 'OTV-H/R1'])
    expect(all.total).toBe(3)
    const pages: string[] = []
    for (let offset = 0; offset < 3; offset++) {
      const page = await list(`overdue=true&limit=1&offset=${offset}`)
      expect(page.total).toBe(3)
      pages.push(...numbers(page.items))
    }
    expect(pages).toEqual(numbers(all.items))
  })

  it('overdue=false: the rest (finished ones included)', async () => {
    const rest = await list('overdue=false')
    expect(numbers(rest.items)).toEqual([
      'OTV-B',
      'OTV-C',
      'OTV-D',
      'OTV-E',
      'OTV-F',
      'OTV-G',
      'OTV-G/R1',
      'OTV-I',
    ])
  })

  it('dueWithinDays=N: open, from today to today + N, not overdue', async () => {
    expect(numbers((await list('dueWithinDays=0')).items)).toEqual(['OTV-B'])
    const week = await list('dueWithinDays=7&limit=1')
    expect(week.total).toBe(2)
    expect(numbers(week.items)).toEqual(['OTV-B'])
    expect(numbers((await list('dueWithinDays=14')).items)).toEqual(['OTV-B', 'OTV-C', 'OTV-D', 'OTV-E'])
  })

  it('sorts by the family end', async () => {
    const { items } = await list('sort=familyEnd&dir=asc&overdue=false&dueWithinDays=14')
    expect(numbers(items)).toEqual(['OTV-B', 'OTV-C', 'OTV-D', 'OTV-E'])
  })

  it('rejects bad values with 400 naming the field', async () => {
    for (const q of ['overdue=maybe', 'dueWithinDays=-1', 'dueWithinDays=abc', 'dueWithinDays=4000']) {
      const res = await call('GET', `/api/v1/work-orders?${q}`, manager)
      expect(res.status, q).toBe(400)
      expect(JSON.stringify(res.json()), q).toContain(q.split('=')[0])
    }
  })

  it('another organization sees none of them', async () => {
    const res = await call('GET', '/api/v1/work-orders?q=OTV-&overdue=true', rentalAdmin)
    expect([200, 403]).toContain(res.status)
    if (res.status === 200) expect(res.json<TWorkOrderList>().total).toBe(0)
  })
})
