import ExcelJS from 'exceljs'
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

let t: TestApp
let manager: string
let supervisor: string
let billing: string
let refs: SiteRefs
let api: ProductionApi
let catalog: CatalogConcept[]
let wo: { id: string; number: string }
/** concept ids of the Anexo C: A authorizes 10, B 5, C 100 */
let A: string
let B: string
const { call, ok } = apiCalls(
  () => t,
  () => manager,
)

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
  billing = await t.login('billing@offshore.test')
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
  const vols = [10, 5, 100]
  wo = await workOrderWithAnnex(api, refs, {
    number: 'OT-SABANA-001',
    start: '2026-03-01',
    end: '2026-03-31',
    rows: annexRows(
      catalog.slice(0, 3),
      (i) => vols[i]!,
      () => ({ '2026-03-05': 2 }),
    ),
    dates: ['2026-03-05'],
  })
  const ids = catalog.slice(0, 3).map((c) => c.id)
  ;[A, B] = ids as [string, string]
})
afterAll(async () => t?.close())

const q = (o: { siteId?: string; timeType?: 'TE' | 'CMA'; month?: string } = {}) =>
  `workOrderId=${wo.id}&siteId=${o.siteId ?? refs.vessel}&month=${o.month ?? '2026-03'}&timeType=${o.timeType ?? 'TE'}`
const grid = async (o: Parameters<typeof q>[0] = {}) =>
  (await ok('GET', `/api/v1/production/grid?${q(o)}`)) as TProductionGrid
const save = (
  cells: { conceptId: string; date: string; volume: string }[],
  version: number,
  o: { siteId?: string; timeType?: 'TE' | 'CMA'; cookie?: string } = {},
) =>
  call('PUT', '/api/v1/production/grid', o.cookie ?? manager, {
    workOrderId: wo.id,
    siteId: o.siteId ?? refs.vessel,
    month: '2026-03',
    timeType: o.timeType ?? 'TE',
    version,
    cells,
  })
const cell = (g: TProductionGrid, conceptId: string, date: string) =>
  g.rows.find((r) => r.conceptId === conceptId)!.days.find((d) => d.date === date)!
const row = (g: TProductionGrid, conceptId: string) => g.rows.find((r) => r.conceptId === conceptId)!

describe('production grid', () => {
  it('one row per catalog concept of the confirmed Anexo C with authorized volume, prices and the programme', async () => {
    const g = await grid()
    expect(g.version).toBe(0)
    expect(g.rows).toHaveLength(3)
    expect(row(g, A)).toMatchObject({
      code: catalog[0]!.code,
      authorizedVolume: '10',
      unitPriceMxn: String(Number(catalog[0]!.unitPriceMxn)),
      monthVolume: '0',
      status: 'authorized',
    })
    expect(row(g, A).days).toHaveLength(31)
    expect(cell(g, A, '2026-03-05')).toMatchObject({
      volume: '0',
      planned: '2',
      excess: false,
      blocked: false,
    })
  })

  it('flags excess by the family running total (all sites, TE before CMA) and zero clears a cell', async () => {
    let r = await save(
      [
        { conceptId: A, date: '2026-03-03', volume: '6' },
        { conceptId: A, date: '2026-03-04', volume: '3.5' },
        { conceptId: B, date: '2026-03-03', volume: '1.25' },
      ],
      0,
    )
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ version: 1, changed: 3, excess: [] })
    // CMA at the platform on day 3: TE of day 3 (6) counts first, then CMA 3 → 9; day 4 TE 3.5 → 12.5 > 10
    r = await save([{ conceptId: A, date: '2026-03-03', volume: '3' }], 0, {
      siteId: refs.platform,
      timeType: 'CMA',
    })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    let g = await grid()
    expect(cell(g, A, '2026-03-03')).toMatchObject({ volume: '6', excess: false })
    expect(cell(g, A, '2026-03-04')).toMatchObject({ volume: '3.5', excess: true })
    expect(row(g, A)).toMatchObject({ monthVolume: '9.5', volumeToDate: '12.5', status: 'excess' })
    const platform = await grid({ siteId: refs.platform, timeType: 'CMA' })
    expect(cell(platform, A, '2026-03-03')).toMatchObject({ volume: '3', excess: false })

    // zero clears the cell; the running total drops below the authorization again
    r = await save([{ conceptId: A, date: '2026-03-03', volume: '0' }], 1)
    expect(r.status).toBe(200)
    expect(r.body.excess).toEqual([])
    g = await grid()
    expect(cell(g, A, '2026-03-03').volume).toBe('0')
    expect(cell(g, A, '2026-03-04').excess).toBe(false)
    const audit = await ok('GET', '/api/v1/audit?action=production.grid_saved&limit=1')
    expect(audit.items[0].changes).toEqual([
      { field: `${catalog[0]!.code} 2026-03-03 TE`, old: '6', new: '0' },
    ])
  })

  it('a stale version is refused with what the other save changed; nothing is written', async () => {
    const g = await grid()
    expect(g.version).toBe(2)
    const r = await save([{ conceptId: B, date: '2026-03-10', volume: '1' }], 1)
    expect(r.status).toBe(409)
    expect(r.body.error.details).toMatchObject({ reason: 'stale_version', version: 2 })
    expect(r.body.error.details.changes[0].field).toContain('2026-03-03 TE')
    expect(cell(await grid(), B, '2026-03-10').volume).toBe('0')
  })

  it('a signed day at this site refuses the whole save naming the cells; a standby day takes no production', async () => {
    const daily = (date: string, dayStatus: string, signature: string | null, siteId = refs.vessel) =>
      ok('PUT', '/api/v1/production/daily-status', {
        siteId,
        month: '2026-03',
        cells: [{ workOrderId: wo.id, date, dayStatus, signature }],
      })
    await daily('2026-03-12', 'operating', 'signed')
    await daily('2026-03-13', 'weather_standby', null)
    await daily('2026-03-14', 'operating', 'signed', refs.platform) // another site's signature
    let g = await grid()
    expect(g.blockedDays).toEqual([
      { date: '2026-03-12', reason: 'signed' },
      { date: '2026-03-13', reason: 'no_production' },
    ])
    expect(cell(g, A, '2026-03-12').blocked).toBe(true)
    const v = g.version
    let r = await save(
      [
        { conceptId: B, date: '2026-03-11', volume: '1' },
        { conceptId: A, date: '2026-03-12', volume: '2' },
      ],
      v,
    )
    expect(r.status).toBe(409)
    expect(r.body.error.details).toMatchObject({
      reason: 'signed_days',
      cells: [{ conceptId: A, date: '2026-03-12' }],
    })
    expect(r.body.error.message).toContain('2026-03-12')
    r = await save([{ conceptId: A, date: '2026-03-13', volume: '2' }], v)
    expect(r.status).toBe(409)
    expect(r.body.error.details.reason).toBe('no_production_days')
    g = await grid()
    expect(cell(g, B, '2026-03-11').volume).toBe('0')
    expect(g.version).toBe(v)
    // the platform's signed day does not lock the vessel's production
    expect((await save([{ conceptId: B, date: '2026-03-14', volume: '1' }], v)).status).toBe(200)
  })

  it('refuses concepts outside the family and bad volumes; viewers and other organizations cannot write', async () => {
    const g = await grid()
    const other = catalog[10]!.id
    let r = await save([{ conceptId: other, date: '2026-03-02', volume: '1' }], g.version)
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.body.error.details)).toContain('cells.0.conceptId')
    r = await save([{ conceptId: A, date: '2026-03-02', volume: '-1' }], g.version)
    expect(r.status).toBe(400)
    r = await save([{ conceptId: A, date: '2026-04-02', volume: '1' }], g.version)
    expect(r.status).toBe(400)
    r = await save([{ conceptId: A, date: '2026-03-02', volume: '1' }], g.version, {
      cookie: await t.login('viewer@offshore.test'),
    })
    expect(r.status).toBe(403)
    r = await save([{ conceptId: A, date: '2026-03-02', volume: '1' }], g.version, {
      cookie: await t.login('admin@rental.test'),
    })
    expect(r.status).toBe(404)
  })

  it('KPIs cover the family at every site; the homologated total uses the rate in force', async () => {
    let g = await grid()
    const pm = (i: number) => Number(catalog[i]!.unitPriceMxn)
    expect(Number(g.totals.authorizedMxn)).toBeCloseTo(10 * pm(0) + 5 * pm(1) + 100 * pm(2), 6)
    // executed this month: A 3.5 (vessel) + 3 (platform CMA), B 1.25 + 1
    expect(Number(g.totals.executedMxn)).toBeCloseTo(6.5 * pm(0) + 2.25 * pm(1), 6)
    expect(g.totals.accumulatedMxn).toBe('0')
    expect(g.totals.exchangeRate).toBeNull()
    const rate = { validFrom: '2026-03-01', rate: '18.5' }
    expect((await call('PUT', '/api/v1/production/exchange-rates', supervisor, rate)).status).toBe(403)
    expect((await call('PUT', '/api/v1/production/exchange-rates', billing, rate)).status).toBe(200)
    await ok('PUT', '/api/v1/production/exchange-rates', { validFrom: '2026-04-01', rate: '20' }, billing)
    g = await grid()
    expect(g.totals).toMatchObject({ exchangeRate: '18.5', exchangeRateFrom: '2026-03-01' })
    expect(Number(g.totals.executedHomologatedMxn)).toBeCloseTo(
      Number(g.totals.executedMxn) + 18.5 * Number(g.totals.executedUsd),
      6,
    )
  })

  it('exchange rates: a page newest first with the total; editing a date replaces its rate; delete is audited', async () => {
    for (const [d, r] of [
      ['2025-01-01', '17.1'],
      ['2025-06-01', '17.9'],
      ['2025-09-01', '18.2'],
    ] as const)
      await ok('PUT', '/api/v1/production/exchange-rates', { validFrom: d, rate: r }, billing)
    const all = await ok('GET', '/api/v1/production/exchange-rates')
    expect(all.total).toBe(5)
    expect(all.items.map((r: { validFrom: string }) => r.validFrom)).toEqual([
      '2026-04-01',
      '2026-03-01',
      '2025-09-01',
      '2025-06-01',
      '2025-01-01',
    ])
    const page = await ok('GET', '/api/v1/production/exchange-rates?limit=2&offset=2')
    expect(page).toMatchObject({
      total: 5,
      items: [{ validFrom: '2025-09-01' }, { validFrom: '2025-06-01' }],
    })
    expect((await call('GET', '/api/v1/production/exchange-rates?limit=0', manager)).status).toBe(400)
    const edited = await ok(
      'PUT',
      '/api/v1/production/exchange-rates',
      { validFrom: '2025-06-01', rate: '17.95' },
      billing,
    )
    expect(edited.total).toBe(5)
    const bad = await call('PUT', '/api/v1/production/exchange-rates', billing, {
      validFrom: '2025-06-01',
      rate: '0',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details[0].path).toBe('rate')

    const url = '/api/v1/production/exchange-rates/2025-06-01'
    expect((await call('DELETE', url, supervisor)).status).toBe(403)
    const other = await t.login('admin@rental.test')
    expect((await call('DELETE', url, other)).status).toBe(404)
    const after = (await call('DELETE', url, billing)).body
    expect(after.total).toBe(4)
    expect(after.items.map((r: { validFrom: string }) => r.validFrom)).not.toContain('2025-06-01')
    expect((await call('DELETE', url, billing)).status).toBe(404)
    expect((await call('DELETE', '/api/v1/production/exchange-rates/2025-13-01', billing)).status).toBe(400)
    const audit = await t.db
      .selectFrom('audit_log')
      .orderBy('id')
      .select(['action', 'changes'])
      .where('action', '=', 'production.exchange_rate_deleted')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit[0]!.changes)).toContain('17.95')
    // the grid of March 2026 still reads the rate in force then
    expect((await grid()).totals.exchangeRate).toBe('18.5')
  })

  it('a reprogramming’s Anexo C that raises the authorization clears the excess', async () => {
    await save([{ conceptId: A, date: '2026-03-20', volume: '8' }], (await grid()).version)
    expect(cell(await grid(), A, '2026-03-20').excess).toBe(true)
    const repro = await ok('POST', `/api/v1/work-orders/${wo.id}/reprogrammings`, {
      plannedStart: '2026-03-01',
      plannedEnd: '2026-04-30',
    })
    await confirmAnnex(
      api,
      repro.id,
      annexRows(catalog.slice(0, 2), (i) => (i === 0 ? 40 : 5)),
    )
    const g = await grid()
    expect(cell(g, A, '2026-03-20').excess).toBe(false)
    expect(row(g, A).authorizedVolume).toBe('40')
    // the third concept left the family's scope: its authorization is the initial's still (latest member that has it)
    expect(g.rows).toHaveLength(3)
  })

  it('exports the grid as shown (subtotal per annex, excess marked)', async () => {
    const res = await call('GET', `/api/v1/production/grid/export.xlsx?${q()}`, manager)
    expect(res.status).toBe(200)
    expect(String(res.raw.headers['content-type'])).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    const texts: string[] = []
    ws.eachRow((r) => texts.push(r.getCell(3).text))
    expect(texts.some((x) => x.startsWith('TOTAL ANEXO'))).toBe(true)
    expect(texts).toContain(row(await grid(), A).description)
  })

  it('speaks the caller language: a grid rule and the workbook in English', async () => {
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await call('PATCH', '/api/v1/auth/me/preferences', manager, { locale })).status).toBe(200)
    await setLocale('en')
    try {
      const r = await save([{ conceptId: A, date: '2026-04-01', volume: '1' }], (await grid()).version)
      expect(r.status).toBe(400)
      expect(r.body.error).toMatchObject({
        key: 'production.invalidCells',
        message: 'Some cells are not valid',
      })
      expect(r.body.error.details[0]).toMatchObject({
        path: 'cells.0.date',
        key: 'production.dayNotInMonth',
        params: { date: '2026-04-01', month: '2026-03' },
        message: 'Day 2026-04-01 is not in 2026-03',
      })
      const res = await call('GET', `/api/v1/production/grid/export.xlsx?${q()}`, manager)
      expect(res.status).toBe(200)
      expect(String(res.raw.headers['content-disposition'])).toContain(
        `production-${wo.number}-2026-03-TE.xlsx`,
      )
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer)
      const ws = wb.worksheets[0]!
      expect(ws.getRow(1).getCell(1).text).toMatch(/^Production /)
      expect((ws.getRow(3).values as unknown[]).slice(1, 6)).toEqual([
        'Annex',
        'Item',
        'Concept',
        'Unit',
        'Authorized vol.',
      ])
      const texts: string[] = []
      ws.eachRow((row) => texts.push(row.getCell(3).text))
      expect(texts.some((x) => x.startsWith('ANNEX TOTAL'))).toBe(true)
      expect(texts).toContain('Family indicators')
    } finally {
      await setLocale('es')
    }
    const es = await save([{ conceptId: A, date: '2026-04-01', volume: '1' }], (await grid()).version)
    expect(es.body.error.details[0].message).toBe('El día 2026-04-01 no es de 2026-03')
  })

  it('records the reason for an excess cell: shown in the grid, audited, refused where there is no excess or the day is signed', async () => {
    const day = '2026-03-28'
    const r = await save([{ conceptId: A, date: day, volume: '100000' }], (await grid()).version)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(cell(await grid(), A, day)).toMatchObject({ excess: true, excessReason: null })
    const body = (o: Record<string, unknown> = {}) => ({
      workOrderId: wo.id,
      siteId: refs.vessel,
      timeType: 'TE',
      conceptId: A,
      date: day,
      reason: 'Trabajo adicional solicitado por el cliente en sitio',
      ...o,
    })
    const url = '/api/v1/production/grid/excess-reason'
    expect((await call('PUT', url, await t.login('viewer@offshore.test'), body())).status).toBe(403)
    const short = await call('PUT', url, manager, body({ reason: 'ok' }))
    expect(short.status).toBe(400)
    expect(short.body.error.details[0].path).toBe('reason')
    // no production there / no excess there
    expect((await call('PUT', url, manager, body({ timeType: 'CMA' }))).status).toBe(400)
    const notExcess = await call('PUT', url, manager, body({ date: '2026-03-20' }))
    expect(notExcess.status).toBe(400)
    expect(notExcess.body.error.details[0]).toMatchObject({
      path: 'date',
      message: 'La celda no es excedente',
    })

    expect((await call('PUT', url, supervisor, body())).body).toMatchObject({
      conceptId: A,
      date: day,
      timeType: 'TE',
    })
    let g = await grid()
    expect(cell(g, A, day)).toMatchObject({ excess: true, excessReason: body().reason })
    // changing the volume keeps the reason; the other time type's grid does not show it
    const v = await save([{ conceptId: A, date: day, volume: '90000' }], g.version)
    expect(v.status).toBe(200)
    expect(cell(await grid(), A, day).excessReason).toBe(body().reason)
    expect(cell(await grid({ timeType: 'CMA' }), A, day).excessReason).toBeNull()
    const audit = await ok('GET', '/api/v1/audit?action=production.excess_reason_saved&limit=1')
    expect(audit.items[0].changes).toEqual([{ field: 'excessReason', old: null, new: body().reason }])

    // cleared with null; recorded again; a signed day is not written
    await ok('PUT', url, body({ reason: null }))
    expect(cell(await grid(), A, day).excessReason).toBeNull()
    await ok('PUT', url, body({ reason: 'Volumen extra por reparación' }))
    await ok('PUT', '/api/v1/production/daily-status', {
      siteId: refs.vessel,
      month: '2026-03',
      cells: [{ workOrderId: wo.id, date: day, dayStatus: 'operating', signature: 'signed' }],
    })
    const signed = await call('PUT', url, manager, body({ reason: 'Otro motivo más largo' }))
    expect(signed.status).toBe(409)
    expect(signed.body.error.details.reason).toBe('signed_days')
    g = await grid()
    expect(cell(g, A, day).excessReason).toBe('Volumen extra por reparación')
    const other = await call('PUT', url, await t.login('admin@rental.test'), body())
    expect(other.status).toBe(404)

    // the export carries the reason: the excess cell's note, and the list of the month's excess cells
    const res = await call('GET', `/api/v1/production/grid/export.xlsx?${q()}`, manager)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    const header = ws.getRow(3)
    let dayColumn = 0
    header.eachCell((c, n) => {
      if (c.value === 28) dayColumn = n
    })
    let noted = ''
    let listed = ''
    ws.eachRow((r) => {
      if (r.getCell(3).text === row(g, A).description) {
        const note = r.getCell(dayColumn).note
        noted = typeof note === 'string' ? note : (note?.texts ?? []).map((x) => x.text).join('')
      }
      if (r.getCell(3).text.startsWith(`${row(g, A).description} — `) && r.getCell(4).text === '28/03/2026')
        listed = r.getCell(3).text
    })
    expect(noted).toBe('Motivo del excedente: Volumen extra por reparación')
    expect(listed).toBe(`${row(g, A).description} — Volumen extra por reparación`)
  })
})
