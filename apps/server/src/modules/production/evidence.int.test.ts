import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TEvidenceCell, TEvidenceGrid } from '@faena/contracts'
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
import { evidenceAnnexesOf, evidenceCellKey, evidenceStatusOf } from '.'

/** A 1×1 PNG and a minimal PDF, built here (magic bytes are what the files service checks). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

let t: TestApp
let manager: string
let operator: string
let viewer: string
let billing: string
let supervisor: string
let refs: SiteRefs
let wo: { id: string; number: string }
/** A and B: C-2 concepts; C: a C-3 concept */
let A: string
let B: string
let C: string
const { call, ok } = apiCalls(
  () => t,
  () => manager,
)
const versions = new Map<string, number>()

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  operator = await t.login('operator@offshore.test')
  viewer = await t.login('viewer@offshore.test')
  billing = await t.login('billing@offshore.test')
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
  const c2 = catalog.filter((c) => c.annex === 'C-2')
  const c3 = catalog.filter((c) => c.annex === 'C-3')
  const concepts = [c2[0]!, c2[1]!, c3[0]!]
  wo = await workOrderWithAnnex(api, refs, {
    number: 'OT-GPU-001',
    start: '2026-05-01',
    end: '2026-05-31',
    rows: annexRows(concepts, () => 1000),
  })
  ;[A, B, C] = concepts.map((c) => c.id) as [string, string, string]
})
afterAll(async () => t?.close())

async function produce(
  timeType: 'TE' | 'CMA',
  cells: { conceptId: string; date: string; volume: string }[],
  siteId = refs.vessel,
) {
  const k = `${siteId}|${timeType}`
  const r = await call('PUT', '/api/v1/production/grid', manager, {
    workOrderId: wo.id,
    siteId,
    month: '2026-05',
    timeType,
    version: versions.get(k) ?? 0,
    cells,
  })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  versions.set(k, r.body.version as number)
}

const grid = async (cookie = manager, siteId: string | null = refs.vessel) =>
  (await ok(
    'GET',
    `/api/v1/production/evidence?workOrderId=${wo.id}&month=2026-05${siteId ? `&siteId=${siteId}` : ''}`,
    undefined,
    cookie,
  )) as TEvidenceGrid
const key = (conceptId: string, date: string, timeType: 'TE' | 'CMA' = 'TE', siteId = refs.vessel) => ({
  workOrderId: wo.id,
  siteId,
  conceptId,
  date,
  timeType,
})
const qs = (k: Record<string, string>) => new URLSearchParams(k).toString()
const cellOf = (g: TEvidenceGrid, conceptId: string, timeType: 'TE' | 'CMA', date: string) =>
  g.rows.find((r) => r.conceptId === conceptId && r.timeType === timeType)?.cells.find((c) => c.date === date)
const upload = (
  k: ReturnType<typeof key>,
  name: string,
  bytes: Buffer,
  extra: Record<string, string> = {},
  cookie = manager,
) => postFile(t, cookie, '/api/v1/production/evidence/files', name, bytes, { ...k, ...extra })
const status = (k: ReturnType<typeof key>, s: string, note?: string | null, cookie = manager) =>
  call('PUT', '/api/v1/production/evidence/status', cookie, {
    ...k,
    status: s,
    ...(note === undefined ? {} : { note }),
  })
const audits = (action: string) =>
  t.db
    .selectFrom('audit_log')
    .orderBy('id')
    .select(['entity_id', 'changes', 'data'])
    .where('action', '=', action)
    .execute()

describe('production evidence (GPU)', () => {
  it('a month without production on evidence annexes is an empty grid with zero counts', async () => {
    const g = await grid()
    expect(g).toMatchObject({ number: 'OT-GPU-001', rows: [], pendingCount: 0, withoutProduction: 0 })
    expect(g.days).toHaveLength(31)
    expect(g.annexes).toEqual(['C-2', 'C-3', 'C2EXT', 'C3EXT'])
    expect(Object.values(g.counts).every((n) => n === 0)).toBe(true)
  })

  it('every production cell on an evidence annex is pending; TE and CMA of one day are two cells', async () => {
    await produce('TE', [
      { conceptId: A, date: '2026-05-03', volume: '2.5' },
      { conceptId: C, date: '2026-05-04', volume: '1' },
    ])
    await produce('CMA', [
      { conceptId: A, date: '2026-05-03', volume: '1.25' },
      { conceptId: B, date: '2026-05-05', volume: '4' },
    ])
    const g = await grid()
    expect(g.rows.map((r) => [r.code, r.annex, r.timeType])).toEqual([
      [expect.any(String), 'C-2', 'TE'],
      [expect.any(String), 'C-2', 'CMA'],
      [expect.any(String), 'C-2', 'CMA'],
      [expect.any(String), 'C-3', 'TE'],
    ])
    expect(cellOf(g, A, 'TE', '2026-05-03')).toMatchObject({
      volume: '2.5',
      status: 'pending',
      fileCount: 0,
      pending: true,
    })
    expect(cellOf(g, A, 'CMA', '2026-05-03')).toMatchObject({
      volume: '1.25',
      status: 'pending',
      pending: true,
    })
    expect(g.counts.pending).toBe(4)
    expect(g.pendingCount).toBe(4)
    // the platform has none of it
    expect((await grid(manager, refs.platform)).rows).toEqual([])
  })

  it('several files per cell (PNG, PDF) with time and location, and links; wrong type and no production refused', async () => {
    let r = await upload(key(A, '2026-05-03'), 'foto.png', PNG, {
      takenAt: '2026-05-03T14:30:00-06:00',
      latitude: '19.4326',
      longitude: '-99.1332',
    })
    expect(r.statusCode, r.body).toBe(201)
    r = await upload(key(A, '2026-05-03'), 'generador.pdf', PDF)
    expect(r.statusCode, r.body).toBe(201)
    const cell = r.json<TEvidenceCell>()
    expect(cell.items.map((i) => [i.kind, i.fileName, i.mimeType])).toEqual([
      ['file', 'foto.png', 'image/png'],
      ['file', 'generador.pdf', 'application/pdf'],
    ])
    expect(cell.items[0]).toMatchObject({
      latitude: '19.4326',
      longitude: '-99.1332',
      takenAt: '2026-05-03T20:30:00.000Z',
    })
    expect(cell.items[1]!.takenAt).toBeTruthy()

    const link = await call('POST', '/api/v1/production/evidence/links', operator, {
      ...key(A, '2026-05-03'),
      url: 'https://example.com/gpu/123',
      label: 'Carpeta compartida',
    })
    expect(link.status, JSON.stringify(link.body)).toBe(201)
    expect(link.body.items).toHaveLength(3)

    // a text file is not a photo nor a PDF
    r = await upload(key(A, '2026-05-03'), 'nota.png', Buffer.from('solo texto'))
    expect(r.statusCode).toBe(415)
    // half a location, a bad date
    r = await upload(key(A, '2026-05-03'), 'foto.png', PNG, { latitude: '19.4' })
    expect(r.statusCode).toBe(400)
    expect(r.json().error.details[0].path).toBe('longitude')
    r = await upload({ ...key(A, '2026-05-03'), date: '2026-05-32' }, 'foto.png', PNG)
    expect(r.statusCode).toBe(400)
    expect(r.json().error.details[0].path).toBe('date')
    // over the server's upload limit (5 MB in the tests)
    r = await upload(key(A, '2026-05-03'), 'grande.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]))
    expect(r.statusCode).toBe(413)
    // no production that day: no evidence
    r = await upload(key(A, '2026-05-10'), 'foto.png', PNG)
    expect(r.statusCode).toBe(400)
    expect(r.json().error.details[0].path).toBe('date')
    const badUrl = await call('POST', '/api/v1/production/evidence/links', manager, {
      ...key(A, '2026-05-03'),
      url: 'ftp://example.com/x',
    })
    expect(badUrl.status).toBe(400)
    expect(JSON.stringify(badUrl.body.error.details)).toContain('url')

    const g = await grid()
    expect(cellOf(g, A, 'TE', '2026-05-03')).toMatchObject({ fileCount: 2, linkCount: 1 })
    expect(cellOf(g, A, 'CMA', '2026-05-03')).toMatchObject({ fileCount: 0, linkCount: 0 })

    // the file downloads as stored
    const file = cell.items[0]!
    const dl = await call('GET', `/api/v1/production/evidence/items/${file.id}/file`, viewer)
    expect(dl.status).toBe(200)
    expect(dl.raw.headers['content-type']).toBe('image/png')
    expect(Buffer.compare(dl.raw.rawPayload, PNG)).toBe(0)

    const added = await audits('production.evidence_file_added')
    expect(added).toHaveLength(2)
    expect(JSON.stringify(added[0]!.changes)).toContain('foto.png')
    expect(await audits('production.evidence_link_added')).toHaveLength(1)
  })

  it('statuses: a rejection needs a note, signing needs a file or link; counts follow; audited old → new', async () => {
    let r = await status(key(A, '2026-05-03'), 'rejected')
    expect(r.status).toBe(400)
    expect(r.body.error.details[0].path).toBe('note')
    r = await status(key(A, '2026-05-03'), 'rejected', 'Foto sin fecha visible')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ status: 'rejected', note: 'Foto sin fecha visible', pending: true })

    // the CMA cell of the same day has nothing attached: it cannot be signed
    r = await status(key(A, '2026-05-03', 'CMA'), 'signed')
    expect(r.status).toBe(400)
    expect(r.body.error.details[0].path).toBe('status')
    r = await status(key(A, '2026-05-03', 'CMA'), 'in_process', null, operator)
    expect(r.status).toBe(200)

    for (const s of ['in_process', 'missing_client_signature', 'signed'])
      expect((await status(key(A, '2026-05-03'), s)).status).toBe(200)
    const g = await grid()
    expect(cellOf(g, A, 'TE', '2026-05-03')).toMatchObject({ status: 'signed', pending: false, note: null })
    expect(g.counts).toEqual({
      pending: 2,
      in_process: 1,
      missing_client_signature: 0,
      signed: 1,
      rejected: 0,
    })
    expect(g.pendingCount).toBe(3)

    const changes = (await audits('production.evidence_status_changed')).map((a) => a.changes)
    expect(changes[0]).toEqual([
      { field: 'status', old: 'pending', new: 'rejected' },
      { field: 'note', old: null, new: 'Foto sin fecha visible' },
    ])
    expect(changes.at(-1)).toEqual([{ field: 'status', old: 'missing_client_signature', new: 'signed' }])
    // the same status again changes nothing and writes no audit row
    expect((await status(key(A, '2026-05-03'), 'signed')).status).toBe(200)
    expect(await audits('production.evidence_status_changed')).toHaveLength(changes.length)
  })

  it('deleting a file or link: audited; a signed cell keeps at least one', async () => {
    const cell = (await ok(
      'GET',
      `/api/v1/production/evidence/cell?${qs(key(A, '2026-05-03'))}`,
    )) as TEvidenceCell
    expect(cell.items).toHaveLength(3)
    for (const item of cell.items.slice(0, 2)) {
      const r = await call('DELETE', `/api/v1/production/evidence/items/${item.id}`, supervisor)
      expect(r.status, JSON.stringify(r.body)).toBe(200)
    }
    const last = await call('DELETE', `/api/v1/production/evidence/items/${cell.items[2]!.id}`, manager)
    expect(last.status).toBe(409)
    const deleted = await audits('production.evidence_item_deleted')
    expect(deleted).toHaveLength(2)
    expect(deleted[0]!.changes).toEqual([
      { field: 'file', old: expect.objectContaining({ name: 'foto.png' }), new: null },
    ])
    expect(cellOf(await grid(), A, 'TE', '2026-05-03')).toMatchObject({
      fileCount: 0,
      linkCount: 1,
      status: 'signed',
    })
  })

  it('a cell whose production drops to zero keeps its record and files but leaves the pending list', async () => {
    const up = await upload(
      key(A, '2026-05-03', 'CMA'),
      'foto.jpg',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
    )
    expect(up.statusCode, up.body).toBe(201)
    const before = await grid()
    await produce('CMA', [{ conceptId: A, date: '2026-05-03', volume: '0' }])
    const g = await grid()
    expect(cellOf(g, A, 'CMA', '2026-05-03')).toMatchObject({
      volume: '0',
      status: 'in_process',
      fileCount: 1,
      pending: false,
    })
    expect(g.pendingCount).toBe(before.pendingCount - 1)
    expect(g.withoutProduction).toBe(1)
    expect(g.counts.in_process).toBe(0)
    // no more writes on it, but its file can still be removed
    expect((await status(key(A, '2026-05-03', 'CMA'), 'signed')).status).toBe(400)
    const cell = (await ok(
      'GET',
      `/api/v1/production/evidence/cell?${qs(key(A, '2026-05-03', 'CMA'))}`,
    )) as TEvidenceCell
    expect(cell).toMatchObject({ volume: '0', pending: false, status: 'in_process' })
    expect(cell.items).toHaveLength(1)
    // production back: the same record, with its file
    await produce('CMA', [{ conceptId: A, date: '2026-05-03', volume: '3' }])
    expect(cellOf(await grid(), A, 'CMA', '2026-05-03')).toMatchObject({
      volume: '3',
      fileCount: 1,
      pending: true,
    })
  })

  it('permissions: read with production.read, write with production.capture, annexes with production.configure', async () => {
    expect((await grid(viewer)).rows.length).toBeGreaterThan(0)
    expect((await status(key(C, '2026-05-04'), 'in_process', null, viewer)).status).toBe(403)
    expect(
      (
        await call('POST', '/api/v1/production/evidence/links', billing, {
          ...key(C, '2026-05-04'),
          url: 'https://x.test',
        })
      ).status,
    ).toBe(403)
    expect((await upload(key(C, '2026-05-04'), 'foto.png', PNG, {}, viewer)).statusCode).toBe(403)
    expect(
      (await call('PUT', '/api/v1/production/evidence/annexes', supervisor, { annexes: ['C-2'] })).status,
    ).toBe(403)
    expect((await status(key(C, '2026-05-04'), 'in_process', null, operator)).status).toBe(200)
  })

  it("another organization's work order, cell or file is a 404", async () => {
    const other = await t.login('admin@rental.test')
    expect(
      (await call('GET', `/api/v1/production/evidence?workOrderId=${wo.id}&month=2026-05`, other)).status,
    ).toBe(404)
    expect(
      (await call('GET', `/api/v1/production/evidence/cell?${qs(key(A, '2026-05-03'))}`, other)).status,
    ).toBe(404)
    expect((await status(key(A, '2026-05-03'), 'pending', null, other)).status).toBe(404)
    const cell = (await ok(
      'GET',
      `/api/v1/production/evidence/cell?${qs(key(A, '2026-05-03', 'CMA'))}`,
    )) as TEvidenceCell
    const item = cell.items[0]!.id
    expect((await call('GET', `/api/v1/production/evidence/items/${item}/file`, other)).status).toBe(404)
    expect((await call('DELETE', `/api/v1/production/evidence/items/${item}`, other)).status).toBe(404)
    // and the read port answers nothing of it to the other organization
    const rentalOrg = await t.orgId('demo-rental')
    const offshoreOrg = await t.orgId('demo-offshore')
    const cells = [
      { familyId: wo.id, siteId: refs.vessel, conceptId: A, date: '2026-05-03', timeType: 'TE' as const },
      { familyId: wo.id, siteId: refs.vessel, conceptId: C, date: '2026-05-04', timeType: 'TE' as const },
      { familyId: wo.id, siteId: refs.vessel, conceptId: B, date: '2026-05-05', timeType: 'CMA' as const },
    ]
    const mine = await evidenceStatusOf(t.db, offshoreOrg, cells)
    expect(cells.map((c) => mine.get(evidenceCellKey(c)))).toEqual(['signed', 'in_process', 'pending'])
    const theirs = await evidenceStatusOf(t.db, rentalOrg, cells)
    expect([...theirs.values()]).toEqual(['pending', 'pending', 'pending'])
  })

  it('the organization chooses its evidence annexes (normalized, audited); others leave the grid', async () => {
    expect(await ok('GET', '/api/v1/production/evidence/annexes')).toEqual({
      annexes: ['C-2', 'C-3', 'C2EXT', 'C3EXT'],
      isDefault: true,
    })
    const saved = await ok('PUT', '/api/v1/production/evidence/annexes', { annexes: ['c 3', 'C-3', 'c3ext'] })
    expect(saved).toEqual({ annexes: ['C-3', 'C3EXT'], isDefault: false })
    expect(await evidenceAnnexesOf(t.db, await t.orgId('demo-offshore'))).toEqual(['C-3', 'C3EXT'])
    const g = await grid()
    expect(g.rows.map((r) => r.conceptId)).toEqual([C])
    // a C-2 concept no longer takes evidence; its stored record stays
    const r = await status(key(B, '2026-05-05', 'CMA'), 'in_process')
    expect(r.status).toBe(400)
    expect(r.body.error.details[0].path).toBe('conceptId')
    const audit = await audits('production.evidence_annexes_saved')
    expect(audit).toHaveLength(1)
    expect(audit[0]!.changes).toEqual([
      { field: 'annexes', old: ['C-2', 'C-3', 'C2EXT', 'C3EXT'], new: ['C-3', 'C3EXT'] },
    ])
    expect(
      (await call('PUT', '/api/v1/production/evidence/annexes', manager, { annexes: ['C-2$'] })).status,
    ).toBe(400)
    await ok('PUT', '/api/v1/production/evidence/annexes', { annexes: ['C-2', 'C-3'] })
    expect((await grid()).rows).toHaveLength(4)
  })
})
