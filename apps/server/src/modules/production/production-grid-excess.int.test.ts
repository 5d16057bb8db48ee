import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TProductionGrid } from '@faena/contracts'
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

/**
 * The save recomputes the excess only for the concepts it changed, from the first day it changed
 * (docs/production.md#excess): these check that the flags of later days, other sites and other time types
 * still follow the family's running total, and that untouched concepts keep theirs.
 */
let t: TestApp
let manager: string
let refs: SiteRefs
let wo: { id: string; number: string }
/** A authorizes 10, B 5 */
let A: string
let B: string
const { call, ok } = apiCalls(
  () => t,
  () => manager,
)

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
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
    number: 'OT-EXCEDENTE-001',
    start: '2026-03-01',
    end: '2026-04-30',
    rows: annexRows(catalog.slice(0, 2), (i) => [10, 5][i]!),
  })
  ;[A, B] = catalog.slice(0, 2).map((c) => c.id) as [string, string]
})
afterAll(async () => t?.close())

type Where = { month: string; siteId?: string; timeType?: 'TE' | 'CMA' }
const query = (w: Where) =>
  `workOrderId=${wo.id}&siteId=${w.siteId ?? refs.vessel}&month=${w.month}&timeType=${w.timeType ?? 'TE'}`
const grid = async (w: Where) => (await ok('GET', `/api/v1/production/grid?${query(w)}`)) as TProductionGrid
async function save(w: Where, cells: { conceptId: string; date: string; volume: string }[]) {
  const { version } = await grid(w)
  const r = await call('PUT', '/api/v1/production/grid', manager, {
    workOrderId: wo.id,
    siteId: w.siteId ?? refs.vessel,
    month: w.month,
    timeType: w.timeType ?? 'TE',
    version,
    cells,
  })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body as { excess: { conceptId: string; date: string; timeType: string }[] }
}
const flags = (g: TProductionGrid, conceptId: string) =>
  Object.fromEntries(
    g.rows
      .find((r) => r.conceptId === conceptId)!
      .days.filter((d) => d.volume !== '0')
      .map((d) => [d.date, d.excess]),
  )
const april = { month: '2026-04' }
const marchPlatformCma = { month: '2026-03', siteId: '', timeType: 'CMA' as const }

describe('excess recomputed for the concepts a save changes', () => {
  it('an earlier day at another site and time type flips the later cells; other concepts keep their flags', async () => {
    marchPlatformCma.siteId = refs.platform
    let r = await save(april, [
      { conceptId: A, date: '2026-04-02', volume: '4' },
      { conceptId: A, date: '2026-04-03', volume: '4' },
      { conceptId: B, date: '2026-04-02', volume: '6' },
    ])
    expect(r.excess).toEqual([{ conceptId: B, date: '2026-04-02', timeType: 'TE' }])

    // March CMA at the platform: 3 of A before April → 3, 7, 11 > 10
    await save(marchPlatformCma, [{ conceptId: A, date: '2026-03-10', volume: '3' }])
    let g = await grid(april)
    expect(flags(g, A)).toEqual({ '2026-04-02': false, '2026-04-03': true })
    expect(flags(g, B)).toEqual({ '2026-04-02': true })
    expect(g.rows.find((x) => x.conceptId === A)).toMatchObject({ monthVolume: '8', volumeToDate: '11' })

    // clearing it (a deletion) flips them back
    await save(marchPlatformCma, [{ conceptId: A, date: '2026-03-10', volume: '0' }])
    expect(flags(await grid(april), A)).toEqual({ '2026-04-02': false, '2026-04-03': false })

    // a save whose first change comes before the stored cells: 1, then 4.5 and 4 stored (9.5), then 2 → 11.5
    r = await save(april, [
      { conceptId: A, date: '2026-04-05', volume: '2' },
      { conceptId: A, date: '2026-04-01', volume: '1' },
      { conceptId: A, date: '2026-04-02', volume: '4.50' },
    ])
    expect(r.excess).toEqual([
      { conceptId: B, date: '2026-04-02', timeType: 'TE' },
      { conceptId: A, date: '2026-04-05', timeType: 'TE' },
    ])
    g = await grid(april)
    expect(flags(g, A)).toEqual({
      '2026-04-01': false,
      '2026-04-02': false,
      '2026-04-03': false,
      '2026-04-05': true,
    })
    expect(g.rows.find((x) => x.conceptId === A)!.days[1]!.volume).toBe('4.5')

    // CMA at the vessel on a day counts after that day's TE: 04-03 CMA 0.5 → 10 (not over), 04-05 TE then passes
    await save({ month: '2026-04', timeType: 'CMA' }, [{ conceptId: A, date: '2026-04-03', volume: '0.5' }])
    const cma = await grid({ month: '2026-04', timeType: 'CMA' })
    expect(flags(cma, A)).toEqual({ '2026-04-03': false })
    expect(flags(await grid(april), A)['2026-04-05']).toBe(true)
    // 0.6 instead: 10.1 passes on 04-03 CMA
    await save({ month: '2026-04', timeType: 'CMA' }, [{ conceptId: A, date: '2026-04-03', volume: '0.6' }])
    expect(flags(await grid({ month: '2026-04', timeType: 'CMA' }), A)).toEqual({ '2026-04-03': true })
    expect(flags(await grid(april), B)).toEqual({ '2026-04-02': true })
  })
})
