/**
 * Read-only feeds for BI tools on both databases (docs/feeds.md): tokens created and revoked by admins, stored
 * as hashes; datasets read with a bearer token only, as JSON or CSV, paged, by modification time; scoped to the
 * token's datasets and organization; every read audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, type Json } from '../../../test/json-api'

let t: TestApp
let admin = ''
const api = jsonApi(
  () => t,
  () => admin,
)
const feed = (path: string, token?: string, cookie?: string, lang?: string) =>
  t.app.inject({
    method: 'GET',
    url: path,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(cookie ? { cookie } : {}),
      ...(lang ? { 'accept-language': lang } : {}),
    },
  })
const first = async (url: string): Promise<Json> => (await api.ok(api.get(url))).items[0]

async function createProposal(n: number) {
  return api.ok(
    api.post('/api/v1/proposals', {
      officialNumber: `BI-00${n}`,
      requestNumber: `SOL-BI-00${n}`,
      description: `Propuesta, "para" BI ${n}`,
      clientId: (await first('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')).id,
      requestDate: '2026-11-01',
      deliveryDate: '2026-11-30',
      durationDays: 30,
      typeId: (await first('/api/v1/catalogs/types?level=proposal&limit=1')).id,
      projectManagerId: (await first('/api/v1/catalogs/project-managers?limit=1')).id,
      priority: 'medium',
    }),
  )
}

let token = ''
let tokenId = ''

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin@offshore.test')
  await createProposal(1)
})
afterAll(async () => {
  await t?.close()
})

describe('feed tokens', () => {
  it('lists the datasets the modules offer', async () => {
    const { items } = await api.ok(api.get('/api/v1/admin/feed-datasets'))
    expect(items.map((d: Json) => d.name)).toEqual(['proposals', 'work-orders', 'billing-sheets'])
    expect(items[0].columns).toContain('updatedAt')
  })

  it('creates a token shown once and stored as a hash', async () => {
    const res = await api.post('/api/v1/admin/api-tokens', {
      name: 'Power BI',
      datasets: ['proposals', 'proposals'],
    })
    expect(res.status).toBe(201)
    token = res.body.token
    tokenId = res.body.apiToken.id
    expect(token).toMatch(/^fna_[A-Za-z0-9_-]{32}$/)
    expect(res.body.apiToken).toMatchObject({
      name: 'Power BI',
      datasets: ['proposals'],
      prefix: token.slice(0, 10),
    })
    const list = await api.ok(api.get('/api/v1/admin/api-tokens'))
    expect(JSON.stringify(list)).not.toContain(token)
    const row = await t.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow()
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(token)
  })

  it('refuses an unknown dataset naming it, and non-admins', async () => {
    const res = await api.post('/api/v1/admin/api-tokens', { name: 'X', datasets: ['proposals', 'nómina'] })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({
      key: 'feeds.unknownDataset',
      message: 'No existe el conjunto de datos «nómina»',
      details: [
        { path: 'datasets.1', key: 'feeds.unknownDatasetField', message: 'Conjunto de datos desconocido' },
      ],
    })
    const manager = await t.login('manager@offshore.test')
    expect((await api.get('/api/v1/admin/api-tokens', manager)).status).toBe(403)
  })
  it('speaks the caller language: the unknown dataset in English', async () => {
    const rentalAdmin = await t.login('admin@rental.test')
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await api.call('PATCH', '/api/v1/auth/me/preferences', { locale }, rentalAdmin)).status).toBe(
        200,
      )
    await setLocale('en')
    try {
      const res = await api.post(
        '/api/v1/admin/api-tokens',
        { name: 'X', datasets: ['payroll'] },
        rentalAdmin,
      )
      expect(res.status).toBe(400)
      expect(res.body.error).toMatchObject({
        key: 'feeds.unknownDataset',
        message: 'There is no dataset “payroll”',
        details: [{ path: 'datasets.0', message: 'Unknown dataset' }],
      })
      const gone = await api.del('/api/v1/admin/api-tokens/00000000-0000-4000-8000-000000000000', rentalAdmin)
      expect(gone.status).toBe(404)
      expect(gone.body.error.message).toBe('Token not found')
    } finally {
      await setLocale('es')
    }
  })
})

describe('reading a feed', () => {
  it('needs a token: 401 without one, 403 for a signed-in browser, 401 for a wrong one', async () => {
    expect((await feed('/api/v1/feeds/proposals')).statusCode).toBe(401)
    expect((await feed('/api/v1/feeds/proposals', undefined, admin)).statusCode).toBe(403)
    expect((await feed('/api/v1/feeds/proposals', 'fna_inventado')).statusCode).toBe(401)
  })

  it('answers JSON pages in modification order, and only what changed since an instant', async () => {
    const since = new Date()
    await new Promise((r) => setTimeout(r, 20))
    const second = await createProposal(2)
    const all = await feed('/api/v1/feeds/proposals?limit=1', token)
    expect(all.statusCode).toBe(200)
    const page1 = all.json<Json>()
    expect(page1).toMatchObject({ dataset: 'proposals', total: 2, limit: 1, offset: 0 })
    expect(page1.items[0].officialNumber).toBe('BI-001')
    expect(all.headers['x-total-count']).toBe('2')
    const page2 = (await feed('/api/v1/feeds/proposals?limit=1&offset=1', token)).json<Json>()
    expect(page2.items[0]).toMatchObject({
      id: second.id,
      officialNumber: 'BI-002',
      status: 'active',
      deletedAt: null,
    })

    const changed = await feed(
      `/api/v1/feeds/proposals?modifiedSince=${encodeURIComponent(since.toISOString())}`,
      token,
    )
    expect(changed.json<Json>().items.map((p: Json) => p.officialNumber)).toEqual(['BI-002'])
    expect((await feed('/api/v1/feeds/proposals?modifiedSince=ayer', token)).statusCode).toBe(400)
  })

  it('answers CSV for Excel: a byte-order mark, a header row, quoted text', async () => {
    const res = await feed('/api/v1/feeds/proposals?format=csv', token)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    const [header, firstRow] = res.body.replace(/^\uFEFF/, '').split('\r\n')
    expect(res.body.startsWith('\uFEFF')).toBe(true)
    expect(header!.split(',')[1]).toBe('officialNumber')
    expect(firstRow).toContain('"Propuesta, ""para"" BI 1"')
  })

  it('reads only the token’s datasets and organization', async () => {
    const forbidden = await feed('/api/v1/feeds/work-orders', token)
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.json<Json>().error.message).toBe('El token «Power BI» no puede leer «work-orders»')
    const rentalAdmin = await t.login('admin@rental.test')
    const rental = await api.ok(
      api.post(
        '/api/v1/admin/api-tokens',
        { name: 'BI rental', datasets: ['proposals', 'billing-sheets'] },
        rentalAdmin,
      ),
    )
    const theirs = (await feed('/api/v1/feeds/proposals', rental.token)).json<Json>()
    expect(theirs).toMatchObject({ total: 0, items: [] })
    expect((await feed('/api/v1/feeds/billing-sheets?format=csv', rental.token)).statusCode).toBe(200)
    // a feed has no session: it speaks the first language of Accept-Language that we speak
    const english = await feed('/api/v1/feeds/work-orders', token, undefined, 'en-US,en;q=0.9')
    expect(english.statusCode).toBe(403)
    expect(english.json<Json>().error).toMatchObject({
      key: 'feeds.tokenCannotRead',
      message: 'The token “Power BI” cannot read “work-orders”',
    })
  })

  it('audits every read and marks the token used', async () => {
    const reads = await t.db
      .selectFrom('audit_log')
      .orderBy('id')
      .select(['action', 'actor_id', 'data'])
      .where('action', '=', 'feeds.read')
      .where('entity_id', '=', tokenId)
      .execute()
    expect(reads.length).toBeGreaterThanOrEqual(4)
    expect(reads[0]!.actor_id).toBeNull()
    expect(reads[0]!.data).toMatchObject({ token: 'Power BI', dataset: 'proposals' })
    const list = await api.ok(api.get('/api/v1/admin/api-tokens'))
    expect(list.items.find((x: Json) => x.id === tokenId).lastUsedAt).not.toBeNull()
  })

  it('a revoked token reads nothing more; revoking again changes nothing; another organization gets a 404', async () => {
    const revoked = await api.ok(api.del(`/api/v1/admin/api-tokens/${tokenId}`))
    expect(revoked.revokedAt).not.toBeNull()
    expect((await feed('/api/v1/feeds/proposals', token)).statusCode).toBe(401)
    expect((await api.ok(api.del(`/api/v1/admin/api-tokens/${tokenId}`))).revokedAt).toBe(revoked.revokedAt)
    const rentalAdmin = await t.login('admin@rental.test')
    expect((await api.del(`/api/v1/admin/api-tokens/${tokenId}`, rentalAdmin)).status).toBe(404)
  })
})
