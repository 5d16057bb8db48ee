import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDailyStatusGrid, TRotationDuty, TRotations, TSuperintendents } from '@faena/contracts'
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

/** Superintendents and the rotation of a site (docs/production.md#superintendent-rotation). */
let t: TestApp
let manager: string
let supervisor: string
let refs: SiteRefs
let wo: { id: string; number: string }
let ana: string
let beto: string
let carla: string
const { call, ok } = apiCalls(
  () => t,
  () => manager,
)

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
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
    number: 'OT-GUARDIA-001',
    start: '2026-03-01',
    end: '2026-03-31',
    rows: annexRows(catalog.slice(0, 1), () => 10),
  })
})
afterAll(async () => t?.close())

const S = '/api/v1/production/superintendents'
const duty = async (siteId = refs.vessel, month = '2026-03') =>
  (await ok('GET', `/api/v1/production/rotations/duty?siteId=${siteId}&month=${month}`)) as TRotationDuty

describe('superintendents', () => {
  it('are created, renamed and deactivated by managers; names are unique per organization; audited', async () => {
    let r = await call('POST', S, manager, { name: 'Ana Bravo' })
    expect(r.status).toBe(201)
    await ok('POST', S, { name: 'Beto Cruz' })
    const list = (await ok('POST', S, { name: 'Carla Díaz' })) as TSuperintendents
    const id = (n: string) => list.items.find((s) => s.name === n)!.id
    ;[ana, beto, carla] = [id('Ana Bravo'), id('Beto Cruz'), id('Carla Díaz')]
    r = await call('POST', S, manager, { name: 'ana bravo' })
    expect(r.status).toBe(409)
    expect(r.body.error.details[0].path).toBe('name')
    expect((await call('POST', S, manager, { name: '  ' })).status).toBe(400)
    expect((await call('POST', S, supervisor, { name: 'Otro' })).status).toBe(403)
    r = await call('PATCH', `${S}/${carla}`, manager, { active: false })
    expect(r.body.items.find((s: { id: string }) => s.id === carla)).toMatchObject({ active: false })
    const audit = await ok('GET', '/api/v1/audit?action=production.superintendent_updated&limit=1')
    expect(audit.items[0].changes).toEqual([{ field: 'active', old: true, new: false }])
    const rental = await t.login('admin@rental.test')
    expect((await call('PATCH', `${S}/${ana}`, rental, { active: false })).status).toBe(404)
    expect((await call('GET', S, rental)).body.items).toEqual([])
  })
})

describe('rotations', () => {
  it('nobody is on duty before a site has a rotation', async () => {
    expect((await duty()).days.every((d) => d.superintendentId === null)).toBe(true)
  })

  it('a 14×14 rotation gives A its days, then B, and is effective-dated from its start', async () => {
    const put = (body: object, cookie = manager) => call('PUT', '/api/v1/production/rotations', cookie, body)
    let r = await put({
      siteId: refs.vessel,
      startDate: '2026-03-03',
      superintendentAId: ana,
      superintendentBId: beto,
    })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect((r.body as TRotations).items).toMatchObject([
      { startDate: '2026-03-03', cycleDays: 14, superintendentA: { name: 'Ana Bravo' } },
    ])
    expect(
      (
        await put({
          siteId: refs.vessel,
          startDate: '2026-03-03',
          superintendentAId: ana,
          superintendentBId: ana,
        })
      ).status,
    ).toBe(400)
    const inactive = await put({
      siteId: refs.vessel,
      startDate: '2026-03-25',
      superintendentAId: carla,
      superintendentBId: beto,
    })
    expect(inactive.status).toBe(400)
    expect(inactive.body.error.details[0].path).toBe('superintendentAId')
    expect(
      (
        await put(
          { siteId: refs.vessel, startDate: '2026-03-25', superintendentAId: beto, superintendentBId: ana },
          supervisor,
        )
      ).status,
    ).toBe(403)

    let d = await duty()
    const who = (date: string) => d.days.find((x) => x.date === date)!
    expect(who('2026-03-02')).toMatchObject({ superintendentId: null, slot: null })
    expect(who('2026-03-03')).toMatchObject({
      superintendentId: ana,
      initials: 'AB',
      name: 'Ana Bravo',
      slot: 'A',
    })
    expect(who('2026-03-16').superintendentId).toBe(ana)
    expect(who('2026-03-17')).toMatchObject({ superintendentId: beto, slot: 'B', initials: 'BC' })
    expect(who('2026-03-31').superintendentId).toBe(ana)
    // a 7-day rotation from the 20th: Beto starts
    r = await put({
      siteId: refs.vessel,
      startDate: '2026-03-20',
      superintendentAId: beto,
      superintendentBId: ana,
      cycleDays: 7,
    })
    expect(r.body.items).toHaveLength(2)
    d = await duty()
    expect(who('2026-03-19').superintendentId).toBe(beto)
    expect(who('2026-03-26').superintendentId).toBe(beto)
    expect(who('2026-03-27').superintendentId).toBe(ana)
    // the other site has none
    expect((await duty(refs.platform)).days.every((x) => x.superintendentId === null)).toBe(true)
    const audit = await ok('GET', '/api/v1/audit?action=production.rotation_saved&limit=1')
    expect(audit.items[0].changes).toEqual([
      { field: 'rotation 2026-03-20', old: null, new: { a: beto, b: ana, cycleDays: 7 } },
    ])
  })

  it('stores who was on duty with each saved day status, and keeps it when the rotation changes', async () => {
    const r = await call('PUT', '/api/v1/production/daily-status', manager, {
      siteId: refs.vessel,
      month: '2026-03',
      cells: [
        { workOrderId: wo.id, date: '2026-03-02', dayStatus: 'operating', signature: null },
        { workOrderId: wo.id, date: '2026-03-05', dayStatus: 'operating', signature: null },
        { workOrderId: wo.id, date: '2026-03-18', dayStatus: 'operating', signature: null },
      ],
    })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const day = async (date: string) =>
      (
        (await ok(
          'GET',
          `/api/v1/production/daily-status?siteId=${refs.vessel}&month=2026-03`,
        )) as TDailyStatusGrid
      ).rows
        .find((x) => x.workOrderId === wo.id)!
        .days.find((x) => x.date === date)!
    expect((await day('2026-03-02')).onDuty).toBeNull()
    expect((await day('2026-03-05')).onDuty).toEqual({ id: ana, name: 'Ana Bravo' })
    expect((await day('2026-03-18')).onDuty).toEqual({ id: beto, name: 'Beto Cruz' })
    // deleting the later rotation changes the bands, not what was stored
    const list = (await ok('GET', `/api/v1/production/rotations?siteId=${refs.vessel}`)) as TRotations
    const later = list.items.find((x) => x.startDate === '2026-03-20')!
    expect((await call('DELETE', `/api/v1/production/rotations/${later.id}`, manager)).status).toBe(200)
    expect((await call('DELETE', `/api/v1/production/rotations/${later.id}`, manager)).status).toBe(404)
    expect((await duty()).days.find((x) => x.date === '2026-03-26')!.superintendentId).toBe(beto)
    expect((await day('2026-03-18')).onDuty).toEqual({ id: beto, name: 'Beto Cruz' })
  })

  it("another organization's site or rotation is a 404", async () => {
    const rental = await t.login('admin@rental.test')
    expect((await call('GET', `/api/v1/production/rotations?siteId=${refs.vessel}`, rental)).status).toBe(404)
    expect(
      (await call('GET', `/api/v1/production/rotations/duty?siteId=${refs.vessel}&month=2026-03`, rental))
        .status,
    ).toBe(404)
    const list = (await ok('GET', `/api/v1/production/rotations?siteId=${refs.vessel}`)) as TRotations
    expect((await call('DELETE', `/api/v1/production/rotations/${list.items[0]!.id}`, rental)).status).toBe(
      404,
    )
  })
})
