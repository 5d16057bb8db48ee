import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TSearchResult } from '@faena/contracts'
import crypto from 'node:crypto'
import { sql } from 'kysely'
import { runInOrg } from '../../platform/db/org-scope'
import { createTestApp, type TestApp } from '../../../test/harness'
import { searchTerms } from './search-rules'
import { findDocuments } from './search.repository'

let t: TestApp
let offshore: string
let rental: string
const ids: Record<string, string> = {}

async function call(
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) })
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
  return res.json()
}

async function search(cookie: string, q: string, extra = ''): Promise<TSearchResult> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/search?q=${encodeURIComponent(q)}${extra}`,
    headers: { cookie },
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

beforeAll(async () => {
  t = await createTestApp()
  offshore = await t.login('admin@offshore.test')
  rental = await t.login('admin@rental.test')
  const clients = await call(offshore, 'GET', '/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')
  const types = await call(offshore, 'GET', '/api/v1/catalogs/types?level=proposal&limit=1')
  const managers = await call(offshore, 'GET', '/api/v1/catalogs/project-managers?limit=1')
  const proposal = (officialNumber: string, description: string) =>
    call(offshore, 'POST', '/api/v1/proposals', {
      officialNumber,
      requestNumber: `SOL-${officialNumber}`,
      description,
      clientId: clients.items[0].id,
      requestDate: '2026-11-01',
      deliveryDate: '2026-12-01',
      durationDays: 30,
      typeId: types.items[0].id,
      projectManagerId: managers.items[0].id,
      priority: 'medium',
    })
  const p1 = await proposal('PEP-BUSQ-0001', 'Inspección de tuberías en plataforma Akal-C')
  ids.p1 = p1.id
  ids.p1Step = p1.steps[0].id
  ids.p1StepName = p1.steps[0].name
  const p2 = await proposal('PEP-BUSQ-0002', 'Reparación de grúa; ver referencia PEP-BUSQ-0001')
  ids.p2 = p2.id
  const wo = await call(offshore, 'POST', '/api/v1/work-orders', {
    number: 'OT-BUSQ-0001',
    description: 'Mantenimiento de grúa pedestal en Akal-C',
    clientId: clients.items[0].id,
    projectManagerId: managers.items[0].id,
    plannedStart: '2026-11-01',
    plannedEnd: '2026-11-30',
  })
  ids.wo = wo.id
  const client = await call(rental, 'POST', '/api/v1/rental/clients', {
    name: 'Constructora Ñandú Petróleos',
    taxId: '1790011674001',
  })
  ids.client = client.id
  const project = await call(rental, 'POST', '/api/v1/rental/projects', {
    clientId: client.id,
    name: 'Campamento Río Napo',
    startDate: '2026-01-01',
  })
  ids.project = project.id
  const unit = await call(rental, 'POST', '/api/v1/rental/equipment', {
    code: 'BUSQ-01',
    name: 'Batería sanitaria ejecutiva',
    kind: 'equipment',
    type: 'toilet',
  })
  ids.unit = unit.id
})
afterAll(async () => t.close())

const kindsOf = (r: TSearchResult) => r.items.map((i) => i.kind)
const idsOf = (r: TSearchResult) => r.items.map((i) => i.id)

describe('global search', () => {
  it('finds without accents, in any case, with accents typed, and with a typo', async () => {
    for (const q of [
      'inspeccion',
      'INSPECCIÓN',
      'Inspección',
      'inspecion',
      'tuberias akal',
      'AKAL tuberías',
    ]) {
      const r = await search(offshore, q)
      expect(idsOf(r), q).toContain(ids.p1)
    }
    const rentalHits = await search(rental, 'nandu petroleos')
    expect(idsOf(rentalHits)).toContain(ids.client)
    expect(rentalHits.items.find((i) => i.id === ids.client)).toMatchObject({
      kind: 'rentalClient',
      title: 'Constructora Ñandú Petróleos',
      subtitle: '1790011674001',
      url: `/rental/clients?q=${encodeURIComponent('Constructora Ñandú Petróleos')}`,
    })
    expect(idsOf(await search(rental, 'rio napo'))).toContain(ids.project)
  })

  it('does not find what is not there', async () => {
    const r = await search(offshore, 'zzqx wvyk')
    expect(r).toEqual({ items: [], groups: [], searched: true })
  })

  it('ranks the record whose title is the query first', async () => {
    const r = await search(offshore, 'PEP-BUSQ-0001')
    expect(r.items[0]).toMatchObject({ kind: 'proposal', id: ids.p1, url: `/proposals/${ids.p1}` })
    // the other proposal only mentions it: found, below
    const other = r.items.find((i) => i.id === ids.p2)
    expect(other).toBeDefined()
    expect(other!.score).toBeLessThan(r.items[0]!.score)
    // a title prefix outranks a text match
    const prefix = await search(offshore, 'pep-busq')
    expect(
      prefix.items
        .slice(0, 2)
        .map((i) => i.id)
        .sort(),
    ).toEqual([ids.p1, ids.p2].sort())
  })

  it('groups hits by kind, each group once, with its count', async () => {
    const r = await search(offshore, 'akal')
    const kinds = kindsOf(r)
    expect(kinds).toContain('proposal')
    expect(kinds).toContain('workOrder')
    // each kind's hits are contiguous
    const seen = new Set<string>()
    kinds.forEach((k, i) => {
      if (i > 0 && kinds[i - 1] !== k) expect(seen.has(k), `${k} appears twice`).toBe(false)
      seen.add(k)
    })
    expect(r.groups.map((g) => g.kind)).toEqual([...new Set(kinds)])
    expect(r.groups.reduce((n, g) => n + g.count, 0)).toBe(r.items.length)
    const wo = r.items.find((i) => i.id === ids.wo)
    expect(wo).toMatchObject({ title: 'OT-BUSQ-0001', url: `/work-orders/${ids.wo}` })
  })

  it('finds steps, linking to their proposal', async () => {
    const r = await search(offshore, ids.p1StepName!, '&kinds=proposalStep&perKind=50')
    const hit = r.items.find((i) => i.id === ids.p1Step)
    expect(hit).toMatchObject({
      kind: 'proposalStep',
      subtitle: 'PEP-BUSQ-0001',
      url: `/proposals/${ids.p1}`,
    })
    expect(new Set(kindsOf(r))).toEqual(new Set(['proposalStep']))
  })

  it('keeps the index in step with changes and deletions', async () => {
    await call(offshore, 'PATCH', `/api/v1/proposals/${ids.p2}`, {
      description: 'Pintura anticorrosiva del helipuerto',
    })
    expect(idsOf(await search(offshore, 'helipuerto'))).toContain(ids.p2)
    expect(idsOf(await search(offshore, 'reparacion grua'))).not.toContain(ids.p2)
    await call(offshore, 'PATCH', `/api/v1/proposals/${ids.p1}`, { officialNumber: 'PEP-BUSQ-0100' })
    const steps = await search(offshore, ids.p1StepName!, '&kinds=proposalStep&perKind=50')
    expect(steps.items.find((i) => i.id === ids.p1Step)?.subtitle).toBe('PEP-BUSQ-0100')
    await call(offshore, 'DELETE', `/api/v1/proposals/${ids.p2}`)
    expect(idsOf(await search(offshore, 'helipuerto'))).not.toContain(ids.p2)
  })

  it('is scoped by organization: the rental org sees no offshore kinds, and the other way round', async () => {
    expect((await search(rental, 'inspeccion tuberias')).items).toEqual([])
    expect((await search(rental, 'akal')).items).toEqual([])
    expect((await search(offshore, 'rio napo')).items).toEqual([])
    expect((await search(offshore, 'nandu')).items).toEqual([])
    // asking for an offshore kind from the rental org finds nothing either
    expect((await search(rental, 'akal', '&kinds=proposal,workOrder')).items).toEqual([])
    const all = await search(rental, 'auca')
    for (const k of kindsOf(all))
      expect(['proposal', 'proposalStep', 'workOrder', 'workOrderStep', 'concept']).not.toContain(k)
  })

  it("never returns another organization's documents, though it runs outside row-level security", async () => {
    // the search drops to the database user for its transaction (indexes: docs/search.md#organizations):
    // the same kind, title and words in both organizations, written straight into the index
    const offshoreId = await t.orgId('demo-offshore')
    const rentalId = await t.orgId('demo-rental')
    const doc = (orgId: string) => ({
      kind: 'proposal' as const,
      record_id: crypto.randomUUID(),
      org_id: orgId,
      title: 'Zafirolita',
      title_key: 'zafirolita',
      search_text: 'zafirolita esmeraldina',
    })
    const mine = doc(offshoreId)
    const theirs = doc(rentalId)
    await t.db.insertInto('search_documents').values([mine, theirs]).execute()
    try {
      // title pass, exact pass, typo pass
      for (const q of ['zafirolita', 'esmeraldina', 'esmeraldinna'])
        expect(idsOf(await search(offshore, q)), q).toEqual([mine.record_id])
      expect((await search(rental, 'esmeraldina')).items).toEqual([])
      // the role comes back at commit: the same connection, in the organization, is bound by the policy again
      const terms = searchTerms('esmeraldina')!
      const seen = await runInOrg(offshoreId, async () => {
        const hits = await t.db
          .transaction()
          .execute((trx) =>
            findDocuments(trx, { orgId: rentalId, kinds: ['proposal'], query: terms, perKind: 5 }),
          )
        expect([...new Set(hits.map((h) => h.id))]).toEqual([theirs.record_id]) // only org_id filters inside the search
        const { rows } = await sql<{ user: string; n: number }>`select current_user as user,
          (select count(*)::int from search_documents where record_id = ${theirs.record_id}) as n`.execute(
          t.db,
        )
        return rows[0]
      })
      expect(seen).toEqual({ user: 'faena_app', n: 0 })
    } finally {
      await t.db
        .deleteFrom('search_documents')
        .where('record_id', 'in', [mine.record_id, theirs.record_id])
        .execute()
    }
  })

  it('finds a field document by its number typed without zeros', async () => {
    const orgId = await t.orgId('demo-rental')
    const sheet = await t.db
      .selectFrom('rental_maintenance_sheets')
      .select(['id', 'number'])
      .where('org_id', '=', orgId)
      .orderBy('number')
      .executeTakeFirstOrThrow()
    const r = await search(rental, String(sheet.number), '&kinds=maintenanceSheet')
    expect(r.items[0]).toMatchObject({
      kind: 'maintenanceSheet',
      id: sheet.id,
      title: String(sheet.number).padStart(6, '0'),
      url: `/rental/maintenance-sheets/${sheet.id}`,
    })
  })

  it('filters by kind, caps each kind, and refuses unknown kinds naming the field', async () => {
    const only = await search(offshore, 'busq', '&kinds=workOrder')
    expect(new Set(kindsOf(only))).toEqual(new Set(['workOrder']))
    const capped = await search(offshore, 'busq', '&perKind=1')
    for (const g of capped.groups) expect(g.count).toBe(1)
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/search?q=x&kinds=nope',
      headers: { cookie: offshore },
    })
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json().error.details)).toContain('kinds')
  })

  it('answers an empty, unsearched result to a query too short', async () => {
    expect(await search(offshore, '')).toEqual({ items: [], groups: [], searched: false })
    expect(await search(offshore, ' a ')).toEqual({ items: [], groups: [], searched: false })
  })

  it('needs a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=akal' })
    expect(res.statusCode).toBe(401)
  })

  it('lets every role search, each seeing only what it may read', async () => {
    for (const role of ['viewer', 'operator', 'billing']) {
      const cookie = await t.login(`${role}@offshore.test`)
      expect(idsOf(await search(cookie, 'akal'))).toContain(ids.p1)
    }
  })
})
