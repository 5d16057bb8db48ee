/**
 * The offshore dashboard's production cards (docs/insights.md#production-money) through HTTP, on the embedded
 * database and PostgreSQL: a work order at two sites with production saved through the grid, a rate and a signed
 * evidence cell; executed, remaining, unbilled and evidence computed here by hand; the site filter.
 */
import Decimal from 'decimal.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TOffshoreDashboard } from '@faena/contracts'
import { apiCalls } from '../../../test/api-calls'
import { createTestApp, type TestApp } from '../../../test/harness'
import { billableFamily, injectApi, saveGridCells, signEvidence } from '../../../test/estimate-setup'
import type { CatalogConcept, SiteRefs } from '../../../test/production-setup'

const NOW = new Date('2026-04-10T17:00:00Z')
let t: TestApp
let manager: string
let admin: string
let refs: SiteRefs
let catalog: CatalogConcept[]
let wo: { id: string; number: string }
const { ok } = apiCalls(
  () => t,
  () => manager,
)
const dashboard = async (q: string): Promise<TOffshoreDashboard> =>
  (await ok('GET', `/api/v1/insights/offshore?${q}`)) as TOffshoreDashboard

const price = (i: number) => ({ mxn: catalog[i]!.unitPriceMxn, usd: catalog[i]!.unitPriceUsd })
const money = (i: number, volume: string) => ({
  mxn: new Decimal(price(i).mxn).times(volume),
  usd: new Decimal(price(i).usd).times(volume),
})
const sum = (...xs: { mxn: Decimal; usd: Decimal }[]) => ({
  mxn: xs.reduce((a, x) => a.plus(x.mxn), new Decimal(0)),
  usd: xs.reduce((a, x) => a.plus(x.usd), new Decimal(0)),
})

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  manager = await t.login('manager@offshore.test')
  admin = await t.login('admin@offshore.test')
  const api = injectApi(
    () => t,
    () => manager,
  )
  ;({ catalog, refs, wo } = await billableFamily(api, {
    number: 'OT-TABLERO-PROD',
    start: '2026-03-01',
    end: '2026-04-30',
    volumes: [10, 5, 100],
    concepts: (f) => f.catalog.slice(0, 3),
  }))
  const save = (
    siteId: string,
    month: string,
    cells: { conceptId: string; date: string; volume: string }[],
  ) => saveGridCells(api, wo.id, siteId, month, cells)
  await save(refs.vessel, '2026-03', [
    { conceptId: catalog[0]!.id, date: '2026-03-05', volume: '2' },
    { conceptId: catalog[1]!.id, date: '2026-03-06', volume: '1.5' },
  ])
  await save(refs.platform, '2026-03', [{ conceptId: catalog[0]!.id, date: '2026-03-07', volume: '3' }])
  await save(refs.vessel, '2026-04', [{ conceptId: catalog[2]!.id, date: '2026-04-02', volume: '0.25' }])
  // a rate for March only: April's money is not homologated
  await ok('PUT', '/api/v1/production/exchange-rates', { validFrom: '2026-03-01', rate: '17.25' }, admin)
  await ok('PUT', '/api/v1/production/exchange-rates', { validFrom: '2026-04-05', rate: '18' }, admin)
  // one signed evidence cell
  await signEvidence(
    api,
    { workOrderId: wo.id, siteId: refs.vessel, conceptId: catalog[0]!.id, date: '2026-03-05' },
    'https://example.com/gpu.pdf',
  )
}, 120_000)
afterAll(async () => t?.close())

describe('offshore dashboard: production', () => {
  it('money executed by month at the family prices, homologated at the rate of the month’s last day', async () => {
    const d = await dashboard('from=2026-03-01&to=2026-04-30')
    const march = sum(money(0, '2'), money(1, '1.5'), money(0, '3'))
    const april = money(2, '0.25')
    expect(d.production.executedByMonth).toEqual([
      {
        month: '2026-03',
        mxn: march.mxn.toFixed(),
        usd: march.usd.toFixed(),
        homologatedMxn: march.mxn.plus(march.usd.times('17.25')).toFixed(),
        rate: '17.25',
        rateFrom: '2026-03-01',
      },
      {
        month: '2026-04',
        mxn: april.mxn.toFixed(),
        usd: april.usd.toFixed(),
        homologatedMxn: april.mxn.plus(april.usd.times('18')).toFixed(),
        rate: '18',
        rateFrom: '2026-04-05',
      },
    ])
    const all = sum(march, april)
    expect(d.production.executed).toMatchObject({ mxn: all.mxn.toFixed(), usd: all.usd.toFixed() })
    // remaining: authorized (10, 5, 100 at the prices) − everything executed up to the period's end
    const authorized = sum(money(0, '10'), money(1, '5'), money(2, '100'))
    expect(d.production.remaining).toMatchObject({
      asOf: '2026-04-10',
      authorizedMxn: authorized.mxn.toFixed(),
      mxn: authorized.mxn.minus(all.mxn).toFixed(),
      usd: authorized.usd.minus(all.usd).toFixed(),
      rate: '18',
    })
    // no estimate yet: every cell is unbilled; all four cells are on evidence annexes, one signed
    expect(d.production.unbilled).toEqual({ cells: 4, mxn: all.mxn.toFixed(), usd: all.usd.toFixed() })
    expect(d.production.evidence).toMatchObject({ needed: 4, signed: 1, percent: '25.0' })
    expect(d.production.byWorkOrder).toEqual([
      expect.objectContaining({ workOrderId: wo.id, number: 'OT-TABLERO-PROD', unbilledCells: 4 }),
    ])
  })

  it('the site filter keeps the production of that site (and the work orders at it)', async () => {
    const d = await dashboard(`from=2026-03-01&to=2026-03-31&siteId=${refs.platform}`)
    const platform = money(0, '3')
    expect(d.production.executedByMonth.map((m) => [m.month, m.mxn])).toEqual([
      ['2026-03', platform.mxn.toFixed()],
    ])
    expect(d.production.evidence).toMatchObject({ needed: 1, signed: 0 })
    expect(d.workOrders.total).toBe(1)
    // a site the work order does not work at: nothing
    const other = (await ok('GET', '/api/v1/catalogs/sites?limit=100')).items.find(
      (s: { id: string }) => s.id !== refs.vessel && s.id !== refs.platform,
    )
    const none = await dashboard(`siteId=${other.id}`)
    expect(none.workOrders.total).toBe(0)
    expect(none.production.executedByMonth).toEqual([])
    expect(none.production.remaining.authorizedMxn).toBe('0')
  })
})
