import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDailyStatusGrid, TDayStatusCatalog } from '@faena/contracts'
import { apiCalls } from '../../../test/api-calls'
import { createTestApp, type TestApp } from '../../../test/harness'
import { postFile } from '../../../test/multipart'
import {
  annexRows,
  importCatalog,
  siteRefs,
  workOrderWithAnnex,
  type ProductionApi,
  type SiteRefs,
} from '../../../test/production-setup'

let t: TestApp
let manager: string
let supervisor: string
let operator: string
let viewer: string
let refs: SiteRefs
let wo: { id: string; number: string }
const { call, ok } = apiCalls(
  () => t,
  () => manager,
)

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
  operator = await t.login('operator@offshore.test')
  viewer = await t.login('viewer@offshore.test')
  const api: ProductionApi = {
    json: (method, url, body) => ok(method, url, body),
    async upload(url, fileName, bytes, fields) {
      const res = await postFile(t, manager, url, fileName, bytes, fields)
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
      return res.json()
    },
  }
  const catalog = await importCatalog(api)
  refs = await siteRefs(api)
  wo = await workOrderWithAnnex(api, refs, {
    number: 'OT-PROD-001',
    start: '2026-03-05',
    end: '2026-03-25',
    rows: annexRows(catalog.slice(0, 3), () => 10),
  })
})
afterAll(async () => t?.close())

const grid = async (siteId = refs.vessel, month = '2026-03') =>
  (await ok('GET', `/api/v1/production/daily-status?siteId=${siteId}&month=${month}`)) as TDailyStatusGrid
const save = (cells: object[], cookie = manager, siteId = refs.vessel) =>
  call('PUT', '/api/v1/production/daily-status', cookie, { siteId, month: '2026-03', cells })
const day = async (date: string, siteId = refs.vessel) =>
  (await grid(siteId)).rows.find((r) => r.workOrderId === wo.id)!.days.find((d) => d.date === date)!

describe('sites and the day-status catalog', () => {
  it('lists the sites with active work in the month, and none outside the window', async () => {
    const march = await ok('GET', '/api/v1/production/sites?month=2026-03')
    const ids = march.items.map((s: { id: string }) => s.id)
    expect(ids).toEqual(expect.arrayContaining([refs.vessel, refs.platform]))
    expect(march.items.find((s: { id: string }) => s.id === refs.vessel).workOrderCount).toBe(1)
    const may = await ok('GET', '/api/v1/production/sites?month=2026-05')
    expect(may.items.map((s: { id: string }) => s.id)).not.toContain(refs.vessel)
    expect((await call('GET', '/api/v1/production/sites?month=2026-13', manager)).status).toBe(400)
  })

  it('starts with the default catalog, which says which statuses allow production; only managers change it', async () => {
    const cat = (await ok('GET', '/api/v1/production/day-statuses')) as TDayStatusCatalog
    expect(cat.items.map((s) => [s.code, s.allowsProduction])).toEqual([
      ['operating', true],
      ['weather_standby', false],
      ['mechanical_standby', false],
      ['waiting_on_client', false],
      ['mobilization', true],
      ['non_operational', false],
    ])
    const items = cat.items.map((s) => ({ code: s.code, name: s.name, allowsProduction: s.allowsProduction }))
    expect((await call('PUT', '/api/v1/production/day-statuses', supervisor, { items })).status).toBe(403)
    const renamed = await ok('PUT', '/api/v1/production/day-statuses', {
      items: [...items, { code: 'crew_change', name: 'Cambio de guardia', allowsProduction: true }],
    })
    expect(renamed.items.at(-1)).toMatchObject({ code: 'crew_change', allowsProduction: true, active: true })
    const dropped = await ok('PUT', '/api/v1/production/day-statuses', { items })
    expect(dropped.items.find((s: { code: string }) => s.code === 'crew_change').active).toBe(false)
    const dup = await call('PUT', '/api/v1/production/day-statuses', manager, {
      items: [...items, items[0]],
    })
    expect(dup.status).toBe(400)
  })
})

describe('daily status grid', () => {
  it('has one row per work order at the site; days outside the window are blocked and say why', async () => {
    const g = await grid()
    expect(g.rows.map((r) => r.number)).toEqual(['OT-PROD-001'])
    const row = g.rows[0]!
    expect(row.days).toHaveLength(31)
    expect(row).toMatchObject({ windowStart: '2026-03-05', windowEnd: '2026-03-25', yardPhase: false })
    expect(row.days[3]).toMatchObject({ date: '2026-03-04', blocked: true, blockedReason: 'before_start' })
    expect(row.days[4]).toMatchObject({ date: '2026-03-05', blocked: false, blockedReason: null })
    expect(row.days[25]).toMatchObject({ date: '2026-03-26', blocked: true, blockedReason: 'after_end' })
    expect(g.dayStatuses.length).toBeGreaterThan(0)
  })

  it('saves a range in one transaction; one bad cell saves nothing; a blocked day is refused', async () => {
    const cells = ['2026-03-05', '2026-03-06', '2026-03-07'].map((date) => ({
      workOrderId: wo.id,
      date,
      dayStatus: 'operating',
      signature: 'pending',
    }))
    const bad = await save([
      ...cells,
      { workOrderId: wo.id, date: '2026-03-08', dayStatus: 'nope', signature: null },
    ])
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body.error.details)).toContain('cells.3.dayStatus')
    expect((await day('2026-03-05')).dayStatus).toBeNull()

    const blocked = await save([
      { workOrderId: wo.id, date: '2026-03-02', dayStatus: 'operating', signature: null },
    ])
    expect(blocked.status).toBe(400)

    const saved = await save(cells)
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body).toEqual({ created: 3, updated: 0, deleted: 0, unchanged: 0 })
    expect(await day('2026-03-06')).toMatchObject({ dayStatus: 'operating', signature: 'pending' })
    // the same save again changes nothing; the platform site is a different grid
    expect((await save(cells)).body).toMatchObject({ unchanged: 3 })
    expect((await day('2026-03-06', refs.platform)).dayStatus).toBeNull()
  })

  it('weather standby with a comment; clearing a cell deletes it (audited)', async () => {
    const res = await save([
      {
        workOrderId: wo.id,
        date: '2026-03-09',
        dayStatus: 'weather_standby',
        signature: null,
        comment: 'Frente frío',
      },
    ])
    expect(res.status).toBe(200)
    expect(await day('2026-03-09')).toMatchObject({ dayStatus: 'weather_standby', comment: 'Frente frío' })
    const cleared = await save([
      { workOrderId: wo.id, date: '2026-03-09', dayStatus: null, signature: null, comment: null },
    ])
    expect(cleared.body).toMatchObject({ deleted: 1 })
    expect(await day('2026-03-09')).toMatchObject({ dayStatus: null, signature: null, comment: null })
    const audit = await ok('GET', '/api/v1/audit?action=production.daily_status_saved&limit=1')
    expect(audit.items[0].changes[0]).toMatchObject({
      field: 'OT-PROD-001 2026-03-09',
      old: { dayStatus: 'weather_standby', comment: 'Frente frío' },
      new: null,
    })
  })

  it('a signed day cannot change until a supervisor unlocks it with a reason', async () => {
    expect(
      (
        await save(
          [{ workOrderId: wo.id, date: '2026-03-10', dayStatus: 'operating', signature: 'signed' }],
          operator,
        )
      ).status,
    ).toBe(200)
    const refused = await save([
      { workOrderId: wo.id, date: '2026-03-11', dayStatus: 'operating', signature: 'pending' },
      { workOrderId: wo.id, date: '2026-03-10', dayStatus: 'mechanical_standby', signature: 'signed' },
    ])
    expect(refused.status).toBe(409)
    expect(refused.body.error.details.cells).toEqual([
      { workOrderId: wo.id, number: 'OT-PROD-001', date: '2026-03-10' },
    ])
    expect(refused.body.error.message).toContain('2026-03-10')
    expect((await day('2026-03-11')).dayStatus).toBeNull() // nothing of that save was written

    const unlock = {
      workOrderId: wo.id,
      siteId: refs.vessel,
      date: '2026-03-10',
      reason: 'Corrección del reporte',
    }
    expect((await call('POST', '/api/v1/production/daily-status/unlock', operator, unlock)).status).toBe(403)
    expect(
      (await call('POST', '/api/v1/production/daily-status/unlock', supervisor, { ...unlock, reason: '' }))
        .status,
    ).toBe(400)
    expect((await call('POST', '/api/v1/production/daily-status/unlock', supervisor, unlock)).status).toBe(
      200,
    )
    expect(await day('2026-03-10')).toMatchObject({ signature: 'in_process' })
    const again = await call('POST', '/api/v1/production/daily-status/unlock', supervisor, unlock)
    expect(again.status).toBe(409)
    const audit = await ok('GET', '/api/v1/audit?action=production.day_unlocked&limit=1')
    expect(audit.items[0].data).toMatchObject({ reason: 'Corrección del reporte', date: '2026-03-10' })
    expect(
      (
        await save([
          { workOrderId: wo.id, date: '2026-03-10', dayStatus: 'mechanical_standby', signature: 'signed' },
        ])
      ).status,
    ).toBe(200)
  })

  it('viewers read but do not write; another organization does not see the work order', async () => {
    expect(
      (await call('GET', `/api/v1/production/daily-status?siteId=${refs.vessel}&month=2026-03`, viewer))
        .status,
    ).toBe(200)
    expect(
      (
        await save(
          [{ workOrderId: wo.id, date: '2026-03-12', dayStatus: 'operating', signature: null }],
          viewer,
        )
      ).status,
    ).toBe(403)
    const rental = await t.login('admin@rental.test')
    const other = await save(
      [{ workOrderId: wo.id, date: '2026-03-12', dayStatus: 'operating', signature: null }],
      rental,
    )
    expect(other.status).toBe(404)
  })
})
