import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDailyStatusGrid, TMonthlyReport, TMonthlyReportList, TProductionGrid } from '@faena/contracts'
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

/** The monthly report and its close (docs/production.md#monthly-report-and-close). */
let t: TestApp
let manager: string
let supervisor: string
let operator: string
let viewer: string
let refs: SiteRefs
let wo: { id: string; number: string }
let A: string
const { call, ok } = apiCalls(
  () => t,
  () => manager,
)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')

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
    number: 'OT-CIERRE-001',
    start: '2026-03-01',
    end: '2026-04-30',
    rows: annexRows(catalog.slice(0, 2), () => 10),
  })
  A = catalog[0]!.id
})
afterAll(async () => t?.close())

const R = (month = '2026-03') => `/api/v1/production/monthly-reports/${wo.id}/${month}`
const report = async (month = '2026-03') => (await ok('GET', R(month))) as TMonthlyReport
const upload = (name: string, bytes: Buffer, cookie = operator) =>
  postFile(t, cookie, `${R()}/files`, name, bytes)
const gridQ = (siteId: string, month = '2026-03') =>
  `/api/v1/production/grid?workOrderId=${wo.id}&siteId=${siteId}&month=${month}&timeType=TE`
const grid = async (siteId: string, month = '2026-03') =>
  (await ok('GET', gridQ(siteId, month))) as TProductionGrid
const saveGrid = async (siteId: string, cells: object[], month = '2026-03') =>
  call('PUT', '/api/v1/production/grid', manager, {
    workOrderId: wo.id,
    siteId,
    month,
    timeType: 'TE',
    version: (await grid(siteId, month)).version,
    cells,
  })
const daily = async (siteId: string) =>
  (
    (await ok('GET', `/api/v1/production/daily-status?siteId=${siteId}&month=2026-03`)) as TDailyStatusGrid
  ).rows.find((r) => r.workOrderId === wo.id)!
const saveDaily = (cells: object[], siteId = refs.vessel) =>
  call('PUT', '/api/v1/production/daily-status', manager, { siteId, month: '2026-03', cells })

describe('monthly report', () => {
  it('lists the work orders of the site and month, open with no evidence', async () => {
    const list = (await ok(
      'GET',
      `/api/v1/production/monthly-reports?siteId=${refs.platform}&month=2026-03`,
    )) as TMonthlyReportList
    expect(list.items.find((i) => i.workOrderId === wo.id)).toMatchObject({
      number: 'OT-CIERRE-001',
      description: 'Trabajos de OT-CIERRE-001',
      status: 'open',
      files: [],
      closedAt: null,
    })
  })

  it('takes PDFs, images and links as evidence (checked by content), and removes them', async () => {
    let r = await upload('reporte.pdf', PDF)
    expect(r.statusCode, r.body).toBe(201)
    r = await upload('foto.png', PNG)
    expect(r.statusCode, r.body).toBe(201)
    const bad = await upload('notas.pdf', Buffer.from('no soy un pdf'))
    expect(bad.statusCode).toBe(415)
    expect(bad.json().error.details[0].path).toBe('file')
    expect((await upload('x.pdf', PDF, viewer)).statusCode).toBe(403)
    const badLink = await call('POST', `${R()}/links`, operator, { url: 'ftp://x' })
    expect(badLink.status).toBe(400)
    expect(JSON.stringify(badLink.body)).toContain('url')
    const link = await call('POST', `${R()}/links`, operator, {
      url: 'https://drive.example.com/reporte-marzo',
      label: 'Carpeta del cliente',
    })
    expect(link.status).toBe(201)
    const rep = await report()
    expect(rep.files.map((f) => [f.kind, f.name])).toEqual([
      ['file', 'reporte.pdf'],
      ['file', 'foto.png'],
      ['link', 'Carpeta del cliente'],
    ])
    expect(rep.files[0]).toMatchObject({ size: PDF.length, createdBy: { name: expect.any(String) } })
    const file = await call('GET', `/api/v1/files/${rep.files[1]!.fileId}`, viewer)
    expect(file.status).toBe(200)
    const png = rep.files[1]!.id
    const del = await call('DELETE', `${R()}/files/${png}`, operator)
    expect(del.status).toBe(200)
    expect((del.body as TMonthlyReport).files.map((f) => f.name)).toEqual([
      'reporte.pdf',
      'Carpeta del cliente',
    ])
    expect((await call('DELETE', `${R()}/files/${png}`, operator)).status).toBe(404)
    const audit = await ok('GET', '/api/v1/audit?action=production.monthly_report_file_removed&limit=1')
    expect(audit.items[0].changes).toEqual([{ field: 'files', old: 'foto.png', new: null }])
  })

  it('goes to review with evidence only, and only who may close closes it', async () => {
    const empty = await call('PUT', `${R('2026-04')}/status`, operator, { status: 'in_review' })
    expect(empty.status).toBe(409)
    expect(empty.body.error.details.reason).toBe('no_evidence')
    const direct = await call('PUT', `${R()}/status`, supervisor, { status: 'closed' })
    expect(direct.status).toBe(409) // from open: review first
    const review = await call('PUT', `${R()}/status`, operator, { status: 'in_review' })
    expect(review.status).toBe(200)
    expect(review.body).toMatchObject({ status: 'in_review', submittedBy: { id: expect.any(String) } })
    expect((await call('PUT', `${R()}/status`, operator, { status: 'closed' })).status).toBe(403)
    expect((await call('PUT', `${R()}/status`, viewer, { status: 'closed' })).status).toBe(403)
  })

  it('closing records who and when and locks both grids of the month at every site, read and write', async () => {
    // before closing: production with an excess on the 10th at the platform, a signed day at the vessel
    expect((await saveGrid(refs.platform, [{ conceptId: A, date: '2026-03-10', volume: '12' }])).status).toBe(
      200,
    )
    expect(
      (
        await saveDaily([
          { workOrderId: wo.id, date: '2026-03-11', dayStatus: 'operating', signature: 'signed' },
        ])
      ).status,
    ).toBe(200)

    const closed = await call('PUT', `${R()}/status`, supervisor, { status: 'closed' })
    expect(closed.status, JSON.stringify(closed.body)).toBe(200)
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedBy: { id: expect.any(String) },
      closedAt: expect.any(String),
    })
    const audit = await ok('GET', '/api/v1/audit?action=production.month_closed&limit=1')
    expect(audit.items[0]).toMatchObject({
      entityId: wo.id,
      changes: [{ field: 'status', old: 'in_review', new: 'closed' }],
    })

    for (const site of [refs.vessel, refs.platform]) {
      const g = await grid(site)
      expect(g.blockedDays).toHaveLength(31)
      expect(new Set(g.blockedDays.map((b) => b.reason))).toEqual(new Set(['closed']))
      expect(g.rows[0]!.days.every((d) => d.blocked)).toBe(true)
      const d = await daily(site)
      expect(d.days.every((x) => x.blocked && x.blockedReason === 'closed')).toBe(true)
    }
    // April is not closed
    expect((await grid(refs.vessel, '2026-04')).blockedDays).toEqual([])

    const g = await saveGrid(refs.vessel, [
      { conceptId: A, date: '2026-03-02', volume: '1' },
      { conceptId: A, date: '2026-03-03', volume: '2' },
    ])
    expect(g.status).toBe(409)
    expect(g.body.error.details).toMatchObject({
      reason: 'closed_month',
      cells: [
        { conceptId: A, date: '2026-03-02' },
        { conceptId: A, date: '2026-03-03' },
      ],
    })
    expect((await grid(refs.vessel)).rows[0]!.days[1]!.volume).toBe('0')
    const ds = await saveDaily(
      [{ workOrderId: wo.id, date: '2026-03-04', dayStatus: 'weather_standby', signature: null }],
      refs.platform,
    )
    expect(ds.status).toBe(409)
    expect(ds.body.error.details).toMatchObject({
      reason: 'closed_month',
      cells: [{ workOrderId: wo.id, date: '2026-03-04' }],
    })
    const reason = await call('PUT', '/api/v1/production/grid/excess-reason', manager, {
      workOrderId: wo.id,
      siteId: refs.platform,
      timeType: 'TE',
      conceptId: A,
      date: '2026-03-10',
      reason: 'Volumen adicional pedido',
    })
    expect(reason.status).toBe(409)
    expect(reason.body.error.details.reason).toBe('closed_month')
    const unlock = await call('POST', '/api/v1/production/daily-status/unlock', supervisor, {
      workOrderId: wo.id,
      siteId: refs.vessel,
      date: '2026-03-11',
      reason: 'Corregir la firma',
    })
    expect(unlock.status).toBe(409)
    expect(unlock.body.error.details.reason).toBe('closed_month')
    // April still takes production
    expect(
      (await saveGrid(refs.vessel, [{ conceptId: A, date: '2026-04-02', volume: '1' }], '2026-04')).status,
    ).toBe(200)
    // the evidence of a closed report does not change
    expect((await upload('otro.pdf', PDF)).statusCode).toBe(409)
    expect((await call('PUT', `${R()}/status`, manager, { status: 'open' })).status).toBe(409)
  })

  it('reopening needs a manager and a reason, is audited, and unlocks the month', async () => {
    expect(
      (await call('POST', `${R()}/reopen`, supervisor, { reason: 'Corrección del volumen' })).status,
    ).toBe(403)
    const short = await call('POST', `${R()}/reopen`, manager, { reason: 'no' })
    expect(short.status).toBe(400)
    expect(JSON.stringify(short.body)).toContain('reason')
    const r = await call('POST', `${R()}/reopen`, manager, { reason: 'Corrección del volumen del día 2' })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({
      status: 'open',
      closedAt: null,
      reopenedBy: { id: expect.any(String) },
      reopenReason: 'Corrección del volumen del día 2',
    })
    const audit = await ok('GET', '/api/v1/audit?action=production.month_reopened&limit=1')
    expect(audit.items[0]).toMatchObject({
      entityId: wo.id,
      changes: [{ field: 'status', old: 'closed', new: 'open' }],
      data: { reason: 'Corrección del volumen del día 2', month: '2026-03' },
    })
    expect((await call('POST', `${R()}/reopen`, manager, { reason: 'Otra vez abierto' })).status).toBe(409)
    const g = await grid(refs.vessel)
    expect(g.blockedDays.filter((b) => b.reason === 'closed')).toEqual([])
    expect(g.blockedDays).toEqual([{ date: '2026-03-11', reason: 'signed' }])
    expect((await saveGrid(refs.vessel, [{ conceptId: A, date: '2026-03-02', volume: '1' }])).status).toBe(
      200,
    )
    expect((await daily(refs.platform)).days[3]).toMatchObject({ blocked: false, blockedReason: null })
  })

  it("is another organization's 404", async () => {
    const rental = await t.login('admin@rental.test')
    expect((await call('GET', R(), rental)).status).toBe(404)
    expect((await call('PUT', `${R()}/status`, rental, { status: 'in_review' })).status).toBe(404)
    expect((await call('POST', `${R()}/reopen`, rental, { reason: 'De otra organización' })).status).toBe(404)
    expect((await postFile(t, rental, `${R()}/files`, 'x.pdf', PDF)).statusCode).toBe(404)
    const list = await call(
      'GET',
      `/api/v1/production/monthly-reports?siteId=${refs.vessel}&month=2026-03`,
      rental,
    )
    expect(list.status).toBe(200)
    expect(list.body.items).toEqual([])
  })
})
