import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TProductionGrid } from '@faena/contracts'
import { apiCalls } from '../../../test/api-calls'
import { createTestApp, type TestApp } from '../../../test/harness'
import { postFile } from '../../../test/multipart'
import {
  annexRows,
  confirmAnnex,
  importCatalog,
  siteRefs,
  workOrderWithAnnex,
  type CatalogConcept,
  type ProductionApi,
  type SiteRefs,
} from '../../../test/production-setup'

/** Adding a concept from the catalog with its volume to authorize (docs/production.md#adding-a-concept-from-the-catalog). */
let t: TestApp
let manager: string
let supervisor: string
let api: ProductionApi
let refs: SiteRefs
let catalog: CatalogConcept[]
let wo: { id: string; number: string }
const { call, ok } = apiCalls(
  () => t,
  () => manager,
)

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
  api = {
    json: (method, url, body) => ok(method, url, body),
    async upload(url, fileName, bytes, fields) {
      const res = await postFile(t, manager, url, fileName, bytes, fields)
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
      return res.json()
    },
  }
  catalog = await importCatalog(api)
  refs = await siteRefs(api)
  wo = await workOrderWithAnnex(api, refs, {
    number: 'OT-ALTA-001',
    start: '2026-05-01',
    end: '2026-06-30',
    rows: annexRows(
      catalog.slice(0, 2),
      () => 10,
      () => ({ '2026-05-04': 1 }),
    ),
    dates: ['2026-05-04'],
  })
})
afterAll(async () => t?.close())

const where = { workOrderId: '', siteId: '', month: '2026-05' }
const grid = async () =>
  (await ok(
    'GET',
    `/api/v1/production/grid?workOrderId=${wo.id}&siteId=${refs.vessel}&month=2026-05&timeType=TE`,
  )) as TProductionGrid
const add = (body: Record<string, unknown>, cookie = manager) =>
  call('POST', '/api/v1/production/grid/concepts', cookie, {
    ...where,
    workOrderId: wo.id,
    siteId: refs.vessel,
    ...body,
  })

describe('adding a concept from the catalog', () => {
  it('asks for the volume to authorize and a reason; refuses concepts already in the family, bad input and who may not', async () => {
    const C = catalog[2]!
    let r = await add({ conceptId: C.id, volume: '0', reason: 'Trabajo adicional' })
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.body.error.details)).toContain('volume')
    r = await add({ conceptId: C.id, volume: '1,5', reason: 'Trabajo adicional' })
    expect(r.status).toBe(400)
    r = await add({ conceptId: C.id, volume: '3', reason: 'no' })
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.body.error.details)).toContain('reason')
    r = await add({ conceptId: catalog[0]!.id, volume: '3', reason: 'Trabajo adicional' })
    expect(r.status).toBe(409)
    expect(r.body.error.details).toMatchObject({ reason: 'concept_in_family' })
    r = await add({ conceptId: C.id, volume: '3', reason: 'Trabajo adicional' }, supervisor)
    expect(r.status).toBe(403)
    r = await add({ conceptId: wo.id, volume: '3', reason: 'Trabajo adicional' })
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.body.error.details)).toContain('conceptId')
    expect((await grid()).rows).toHaveLength(2)
  })

  it('adds it as a new confirmed Anexo C version of the latest member: audited, in the history, the excess follows', async () => {
    // production of concept 0 first; then a reprogramming whose Anexo C has concepts 0 and 1 again
    const g0 = await grid()
    let r = await call('PUT', '/api/v1/production/grid', manager, {
      workOrderId: wo.id,
      siteId: refs.vessel,
      month: '2026-05',
      timeType: 'TE',
      version: g0.version,
      cells: [{ conceptId: catalog[0]!.id, date: '2026-05-06', volume: '12' }],
    })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.excess).toHaveLength(1)
    const repro = await ok('POST', `/api/v1/work-orders/${wo.id}/reprogrammings`, {
      reason: 'Ampliación',
      plannedStart: '2026-05-01',
      plannedEnd: '2026-06-30',
    })
    await confirmAnnex(
      api,
      repro.id,
      annexRows(catalog.slice(0, 2), () => 10),
    )

    const C = catalog[2]!
    r = await add({ conceptId: C.id, volume: '7.125', reason: '  Trabajo adicional pedido por el cliente  ' })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({
      conceptId: C.id,
      code: C.code,
      authorizedVolume: '7.125',
      workOrderId: repro.id,
      annexVersion: 2,
    })
    // the grid shows it with the catalog's prices and no programme
    const g = await grid()
    expect(g.rows).toHaveLength(3)
    expect(g.rows.find((x) => x.conceptId === C.id)).toMatchObject({
      authorizedVolume: '7.125',
      unitPriceMxn: String(Number(C.unitPriceMxn)),
      monthVolume: '0',
      status: 'authorized',
    })
    // the reprogramming's versions: v2 made in the app, with the reason, one line added, its workbook
    const versions = await ok('GET', `/api/v1/work-orders/${repro.id}/annex-imports`)
    expect(versions.items[0]).toMatchObject({
      version: 2,
      status: 'active',
      reason: 'Trabajo adicional pedido por el cliente',
      conceptCount: 3,
      changes: { added: 1, removed: 0, changed: 0, unchanged: 2 },
      baseVersion: 1,
    })
    expect(versions.items[1]).toMatchObject({ version: 1, status: 'superseded' })
    const file = await call('GET', `/api/v1/files/${versions.items[0].fileId}`, manager)
    expect(file.status).toBe(200)
    // its file is an Anexo C the import reads: imported on the reprogramming it changes nothing
    const again = await api.upload(
      `/api/v1/work-orders/${repro.id}/annex-imports`,
      'otra-vez.xlsx',
      file.raw.rawPayload,
    )
    expect(again).toMatchObject({
      conceptCount: 3,
      changes: { added: 0, removed: 0, changed: 0, unchanged: 3 },
    })
    await ok('POST', `/api/v1/work-orders/${repro.id}/annex-imports/${again.id}/discard`)
    // the lines in force keep the programme of the earlier lines and add the new one
    const lines = await ok('GET', `/api/v1/work-orders/${repro.id}/concepts`)
    expect(lines.items.map((l: { conceptId: string }) => l.conceptId)).toEqual([
      catalog[0]!.id,
      catalog[1]!.id,
      C.id,
    ])
    // audited on the family and on the version
    const onFamily = await ok('GET', '/api/v1/audit?action=production.concept_added&limit=1')
    expect(onFamily.items[0]).toMatchObject({ entityType: 'work_order', entityId: wo.id })
    expect(onFamily.items[0].changes).toEqual([
      { field: `authorizedVolume ${C.code}`, old: null, new: '7.125' },
    ])
    const onVersion = await ok('GET', '/api/v1/audit?action=annex_import.concept_added&limit=1')
    expect(onVersion.items[0].changes).toContainEqual({ field: 'activeVersion', old: 1, new: 2 })

    // the excess basis followed: production of the new concept passes its authorization at once
    r = await call('PUT', '/api/v1/production/grid', manager, {
      workOrderId: wo.id,
      siteId: refs.vessel,
      month: '2026-05',
      timeType: 'TE',
      version: g.version,
      cells: [
        { conceptId: C.id, date: '2026-05-07', volume: '7' },
        { conceptId: C.id, date: '2026-05-08', volume: '0.2' },
      ],
    })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.excess).toContainEqual({ conceptId: C.id, date: '2026-05-08', timeType: 'TE' })
    expect(r.body.excess).not.toContainEqual({ conceptId: C.id, date: '2026-05-07', timeType: 'TE' })
    // adding it again is refused
    expect((await add({ conceptId: C.id, volume: '1', reason: 'Otra vez' })).status).toBe(409)
  })
})
