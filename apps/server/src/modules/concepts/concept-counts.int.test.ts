import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TConcept, TConceptFacets } from '@faena/contracts'
import { contractWorkbook, pueRow, pueWorkbook } from '../../../test/concept-workbooks'
import { createTestApp, type TestApp } from '../../../test/harness'
import { postFile } from '../../../test/multipart'

/**
 * The catalog's totals come from counts kept by triggers (migration 0041_concept_counts,
 * docs/concepts.md#totals): after every kind of write they must equal a count of the concepts, for the list
 * with and without filters and for the facets.
 */

let t: TestApp
let manager: string
let offshore: string

type List = { items: TConcept[]; total: number }
const get = async <T>(url: string): Promise<T> => {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: manager } })
  expect(res.statusCode, res.body).toBe(200)
  return JSON.parse(res.body) as T
}
const importFile = async (kind: 'contract' | 'extraordinary', bytes: Buffer) => {
  const res = await postFile(t, manager, '/api/v1/concepts/import', 'catalogo.xlsx', bytes, { kind })
  expect(res.statusCode, res.body).toBe(200)
}

/** The counts table and a GROUP BY of the concepts, side by side (sorted JSON lines). */
async function countsAndTruth() {
  const counts = await sql<{ line: string }>`
    SELECT json_build_array(org_id, kind, annex, annex_sort, status, concepts::int)::text AS line
    FROM contract_concept_counts ORDER BY 1`.execute(t.db)
  const truth = await sql<{ line: string }>`
    SELECT json_build_array(org_id, kind, annex, annex_sort, status, count(*)::int)::text AS line
    FROM contract_concepts GROUP BY org_id, kind, annex, annex_sort, status ORDER BY 1`.execute(t.db)
  return { counts: counts.rows.map((r) => r.line), truth: truth.rows.map((r) => r.line) }
}

/** Every total the list and the facets answer equals a count of the concepts matching the same filters. */
async function expectExactTotals() {
  const { counts, truth } = await countsAndTruth()
  expect(counts).toEqual(truth)
  const count = async (where: ReturnType<typeof sql>) =>
    Number(
      (
        await sql<{ n: string }>`SELECT count(*) AS n FROM contract_concepts
          WHERE org_id = ${offshore} AND ${where}`.execute(t.db)
      ).rows[0]!.n,
    )
  const annexes = await sql<{ annex: string }>`
    SELECT DISTINCT annex FROM contract_concepts WHERE org_id = ${offshore} AND annex IS NOT NULL`.execute(
    t.db,
  )
  const cases: [string, ReturnType<typeof sql>][] = [
    ['', sql`true`],
    ['kind=ordinary', sql`kind = 'ordinary'`],
    ['kind=extraordinary', sql`kind = 'extraordinary'`],
    ['status=authorized', sql`status = 'authorized'`],
    ['kind=extraordinary&status=cancelled', sql`kind = 'extraordinary' AND status = 'cancelled'`],
    ['annex=ZZ-99', sql`annex = 'ZZ-99'`],
    ...annexes.rows
      .slice(0, 4)
      .map((a): [string, ReturnType<typeof sql>] => [
        `annex=${encodeURIComponent(a.annex)}`,
        sql`annex = ${a.annex}`,
      ]),
  ]
  for (const [query, where] of cases) {
    const expected = await count(where)
    // first page, and a page past the end (the total counted on its own)
    expect((await get<List>(`/api/v1/concepts?limit=5&${query}`)).total, query).toBe(expected)
    expect((await get<List>(`/api/v1/concepts?limit=5&offset=1000000&${query}`)).total, query).toBe(expected)
  }
  const facets = await get<TConceptFacets>('/api/v1/concepts/facets')
  expect(facets.counts).toEqual({
    ordinary: await count(sql`kind = 'ordinary'`),
    extraordinary: await count(sql`kind = 'extraordinary'`),
  })
  for (const a of facets.annexes) expect(a.concepts, a.annex).toBe(await count(sql`annex = ${a.annex}`))
}

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  offshore = await t.orgId('demo-offshore')
})
afterAll(async () => t.close())

describe('concept counts (the list total without a search)', () => {
  it('start empty and follow a contract import (inserts)', async () => {
    expect((await countsAndTruth()).counts).toEqual([])
    await importFile('contract', await contractWorkbook({ concepts: 120 }))
    await expectExactTotals()
    expect((await get<List>('/api/v1/concepts?limit=1')).total).toBe(120)
  })

  it('follow a PUE import and a re-import that changes statuses and sub-annexes (updates)', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => pueRow(i))
    await importFile('extraordinary', await pueWorkbook(rows))
    await expectExactTotals()
    const changed = rows.map((r, i) =>
      i % 3 === 0 ? { ...r, ESTATUS: 'CANCELADA', ...(r.ANEXO ? { ANEXO: 'C-8' } : {}) } : r,
    )
    await importFile('extraordinary', await pueWorkbook(changed))
    await expectExactTotals()
  })

  it('follow deletes and inserts written in SQL, and a rolled-back transaction', async () => {
    await sql`DELETE FROM contract_concepts WHERE org_id = ${offshore} AND kind = 'extraordinary'
      AND status = 'cancelled'`.execute(t.db)
    await expectExactTotals()
    await sql`DELETE FROM contract_concepts WHERE id IN (SELECT id FROM contract_concepts
      WHERE org_id = ${offshore} AND kind = 'ordinary' ORDER BY code_sort LIMIT 7)`.execute(t.db)
    await expectExactTotals()
    await t.db
      .transaction()
      .execute(async (trx) => {
        await sql`DELETE FROM contract_concepts WHERE org_id = ${offshore}`.execute(trx)
        throw new Error('rolled back')
      })
      .catch(() => undefined)
    await expectExactTotals()
    // a status changed by hand on one row moves it between keys; a key left empty is gone
    await sql`UPDATE contract_concepts SET status = 'in_preparation' WHERE id = (SELECT id FROM contract_concepts
      WHERE org_id = ${offshore} AND kind = 'extraordinary' ORDER BY code_sort LIMIT 1)`.execute(t.db)
    await expectExactTotals()
    await sql`DELETE FROM contract_concepts WHERE org_id = ${offshore} AND kind = 'extraordinary'`.execute(
      t.db,
    )
    await expectExactTotals()
    expect((await get<TConceptFacets>('/api/v1/concepts/facets')).counts.extraordinary).toBe(0)
  })

  it('a search is still counted: its total is the matching rows', async () => {
    const [one] = (await get<List>('/api/v1/concepts?limit=1&kind=ordinary')).items
    const term = one!.description.split(' ')[0]!
    const all = await get<List>(`/api/v1/concepts?limit=500&q=${encodeURIComponent(term)}`)
    expect(all.total).toBe(all.items.length)
    expect(all.total).toBeGreaterThan(0)
    expect((await get<List>(`/api/v1/concepts?limit=1&q=${encodeURIComponent(term)}`)).total).toBe(all.total)
  })

  it('TRUNCATE empties them', async () => {
    await sql`TRUNCATE contract_concepts CASCADE`.execute(t.db)
    expect(await countsAndTruth()).toEqual({ counts: [], truth: [] })
    expect((await get<List>('/api/v1/concepts?limit=5')).total).toBe(0)
  })
})
