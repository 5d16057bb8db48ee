/**
 * The production grid (docs/production.md#save): saving 300 concepts × 31 days (9,300 cells) in one transaction
 * including the family-wide excess recomputation, as an insert (new grid) and as an update (every cell changed),
 * and reading the grid, through the production service as the API calls it, on the embedded PGlite in a
 * temporary data directory or on PostgreSQL with --database-url. Targets (issue 9): save under 250 ms on
 * PostgreSQL and 600 ms on PGlite; read under 100 ms on PostgreSQL; still true with 1 million production rows in
 * the organization (--org-rows 1000000 adds them to another family before timing).
 *   npx tsx bench/production-grid.ts [--rows 300] [--runs 5] [--org-rows 0] [--database-url postgres://…/db]
 *     [--explain]   EXPLAIN (ANALYZE, BUFFERS) of the save's statement (a new month and a changed
 *                   one, rolled back) and of the grid read's queries, after the timings
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { ZCreateWorkOrderRequest } from '@faena/contracts'
import { annexCWorkbook, type AnnexRow } from '../apps/server/test/annex-c-workbooks'
import { contractWorkbook } from '../apps/server/test/concept-workbooks'
import { demoSeeders } from '../apps/server/src/demo-seeders'
import { VERSION } from '../apps/server/src/app'
import { listActiveClients } from '../apps/server/src/modules/catalogs'
import { systemActor } from '../apps/server/src/platform/access'
import { createDb } from '../apps/server/src/platform/db/create-db'
import { migrateToLatest } from '../apps/server/src/platform/db/migrate'
import { createLocalFileStore } from '../apps/server/src/platform/files/file-store'
import { seedDemo } from '../apps/server/src/platform/seed/demo'
import { findOrganizationBySlug } from '../apps/server/src/platform/tenancy/organizations'
import { buildServices } from '../apps/server/src/services'
// the benchmark explains the repository's own statements
// eslint-disable-next-line no-restricted-imports
import * as grepo from '../apps/server/src/modules/production/production-grid.repository'

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    rows: { type: 'string', default: '300' },
    runs: { type: 'string', default: '5' },
    'org-rows': { type: 'string', default: '0' },
    explain: { type: 'boolean', default: false },
  },
})
const ROWS = Number(values.rows)
const RUNS = Number(values.runs)
const ORG_ROWS = Number(values['org-rows'])
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  return `median ${at(0.5).toFixed(0)} ms, min ${s[0]!.toFixed(0)} ms, max ${s[s.length - 1]!.toFixed(0)} ms (${s.length} runs)`
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-bench-production-'))
const database = await createDb(
  values['database-url'] ? { databaseUrl: values['database-url'] } : { pgliteDir: path.join(dataDir, 'db') },
)
try {
  const db = database.db
  await migrateToLatest(db)
  await seedDemo(db, { password: 'bench-password-1', seeders: demoSeeders })
  const org = await findOrganizationBySlug(db, 'demo-offshore')
  if (!org) throw new Error('no demo-offshore')
  const actor = systemActor(org.id)
  const services = buildServices({
    database,
    fileStore: createLocalFileStore(path.join(dataDir, 'files')),
    log: console,
    faenaVersion: VERSION,
  })

  // setup: the catalog, a work order at a vessel with a confirmed Anexo C of ROWS concepts
  const concepts = services.concepts.service
  const imported = await concepts.importConcepts(actor, {
    kind: 'contract',
    fileName: 'catalogo.xlsx',
    bytes: await contractWorkbook({ concepts: ROWS }),
  })
  if (imported.status !== 'saved') throw new Error(`catalog: ${imported.errors[0]?.message}`)
  const all: {
    id: string
    annex: string | null
    code: string
    description: string
    unit: string
    unitPriceMxn: string
    unitPriceUsd: string
  }[] = []
  for (let offset = 0; offset < ROWS; offset += 500)
    all.push(
      ...(
        await concepts.listConcepts(actor, { kind: 'ordinary', limit: 500, offset, sort: 'code', dir: 'asc' })
      ).items,
    )
  const [client] = await listActiveClients(db, org.id)
  const pm = await db
    .selectFrom('project_managers')
    .select('id')
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow()
  const front = await db
    .selectFrom('fronts')
    .select('id')
    .where('org_id', '=', org.id)
    .where('name', '=', 'BARCO')
    .executeTakeFirstOrThrow()
  const vessel = await db
    .selectFrom('sites')
    .select('id')
    .where('org_id', '=', org.id)
    .where('kind', '=', 'vessel')
    .executeTakeFirstOrThrow()
  const newWorkOrder = (number: string) =>
    services.workOrders.createWorkOrder(
      actor,
      ZCreateWorkOrderRequest.parse({
        number,
        description: 'Banco de pruebas de producción',
        clientId: client!.id,
        projectManagerId: pm.id,
        plannedStart: '2020-01-01',
        plannedEnd: '2026-12-31',
        frontId: front.id,
        vesselId: vessel.id,
      }),
    )
  const wo = await newWorkOrder('OT-BENCH-PROD')
  const rows: AnnexRow[] = all.slice(0, ROWS).map((c, i) => ({
    annex: c.annex,
    code: c.code,
    description: c.description,
    unit: c.unit,
    volume: 40 + (i % 50), // part of each row ends in excess
    priceMxn: Number(c.unitPriceMxn),
    priceUsd: Number(c.unitPriceUsd),
  }))
  const annex = services.workOrderConcepts.service
  const r = await annex.importAnnex(actor, wo.id, {
    fileName: 'anexo-c.xlsx',
    bytes: await annexCWorkbook(rows),
  })
  if (r.outcome !== 'pending') throw new Error(`annex rejected: ${r.rejection.message}`)
  await annex.confirmImport(actor, wo.id, r.detail.id)

  if (ORG_ROWS > 0) {
    // another family of the organization with ORG_ROWS entries (its concepts × consecutive days × TE/CMA)
    const other = await newWorkOrder('OT-BENCH-HISTORIA')
    const ids = all.slice(0, ROWS).map((c) => c.id)
    const started = performance.now()
    await sql`
      INSERT INTO production_entries (org_id, family_id, work_order_id, site_id, concept_id, day, time_type, volume)
      SELECT ${org.id}, ${other.id}, ${other.id}, ${vessel.id}, c.id, date '2018-01-01' + (n / (2 * ${ids.length})),
             CASE WHEN n % 2 = 0 THEN 'TE' ELSE 'CMA' END, 1 + (n % 7)
      FROM generate_series(0, ${ORG_ROWS - 1}) AS n
      JOIN LATERAL (SELECT (${JSON.stringify(ids)}::jsonb ->> ((n / 2) % ${ids.length})::int)::uuid AS id) c ON true
    `.execute(db)
    await sql`ANALYZE production_entries`.execute(db)
    console.log(
      `added ${ORG_ROWS.toLocaleString('en')} production rows to another family in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
  }

  const grid = (month: string) => ({ workOrderId: wo.id, siteId: vessel.id, month, timeType: 'TE' as const })
  const days = (month: string) =>
    Array.from({ length: 31 }, (_, d) => `${month}-${String(d + 1).padStart(2, '0')}`)
  const cells = (month: string, plus: number) =>
    all
      .slice(0, ROWS)
      .flatMap((c, i) =>
        days(month).map((date, d) => ({ conceptId: c.id, date, volume: String(1 + ((i + d + plus) % 5)) })),
      )
  console.log(
    `production grid: ${ROWS} concepts × 31 days = ${ROWS * 31} cells on ${database.kind}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  const insert: number[] = []
  const update: number[] = []
  const read: number[] = []
  let excess = 0
  let LAST_MONTH = ''
  for (let run = 0; run < RUNS; run++) {
    // a new month each run (months with 31 days of 2026)
    const month = ['2026-01', '2026-03', '2026-05', '2026-07', '2026-08', '2026-10', '2026-12'][run % 7]!
    LAST_MONTH = month
    let t = performance.now()
    const first = await services.production.service.saveGrid(actor, {
      ...grid(month),
      version: 0,
      cells: cells(month, 0),
    })
    insert.push(performance.now() - t)
    t = performance.now()
    const second = await services.production.service.saveGrid(actor, {
      ...grid(month),
      version: first.version,
      cells: cells(month, 1),
    })
    update.push(performance.now() - t)
    excess = second.excess.length
    t = performance.now()
    const g = await services.production.service.getGrid(actor, grid(month))
    read.push(performance.now() - t)
    if (g.rows.length !== ROWS) throw new Error(`read ${g.rows.length} rows`)
  }
  console.log(`save, insert (${ROWS * 31} new cells + family excess): ${stats(insert)}`)
  console.log(
    `save, update (${ROWS * 31} changed cells + family excess): ${stats(update)}; excess cells in the grid: ${excess}`,
  )
  console.log(`read the grid: ${stats(read)}`)
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  const entries = (await sql<{ n: string }>`SELECT count(*)::text AS n FROM production_entries`.execute(db))
    .rows[0]!
  console.log(`production rows in the database: ${Number(entries.n).toLocaleString('en')}`)
  if (values.explain) {
    const auth = await db
      .selectFrom('work_order_concepts as c')
      .innerJoin('work_order_annex_imports as i', 'i.id', 'c.import_id')
      .select(['c.concept_id', 'c.authorized_volume'])
      .where('i.work_order_id', '=', wo.id)
      .where('i.status', '=', 'active')
      .execute()
    const key = {
      orgId: org.id,
      familyId: wo.id,
      workOrderId: wo.id,
      siteId: vessel.id,
      timeType: 'TE' as const,
    }
    // long literals (the cells, the concept ids) shortened in the printed plans
    const short = (line: string) => line.replace(/'[^']{120,}'/g, (m) => `'${m.slice(1, 60)}…'`)
    const explain = async (title: string, query: unknown) => {
      await db
        .transaction()
        .execute(async (trx) => {
          await grepo.setSaveSettings(trx)
          const plan = await sql<{
            'QUERY PLAN': string
          }>`EXPLAIN (ANALYZE, BUFFERS) ${query}`.execute(trx)
          console.log(`\n${title}:`)
          for (const p of plan.rows) console.log(`  ${short(p['QUERY PLAN'])}`)
          throw new Error('rollback')
        })
        .catch((e: Error) => {
          if (e.message !== 'rollback') throw e
        })
    }
    for (const [title, month, plus] of [
      ['save of a new month (2027-01, 9,300 new cells)', '2027-01', 0],
      ['save changing every cell of the last month written', LAST_MONTH, 2],
    ] as const) {
      const rows = cells(month, plus).map((c) => ({ conceptId: c.conceptId, day: c.date, volume: c.volume }))
      const touched = auth.map((a) => ({
        conceptId: a.concept_id!,
        volume: a.authorized_volume,
        from: `${month}-01`,
      }))
      await explain(title, grepo.writeEntriesWithExcessSql(key, null, rows, touched))
    }
    const m = LAST_MONTH
    await explain(
      'grid read: the entries of the grid',
      db
        .selectFrom('production_entries')
        .selectAll()
        .where('org_id', '=', org.id)
        .where('work_order_id', '=', wo.id)
        .where('site_id', '=', vessel.id)
        .where('day', '>=', `${m}-01`)
        .where('day', '<=', `${m}-31`),
    )
    await explain(
      "grid read: the family's sums",
      db
        .selectFrom('production_entries')
        .select([
          'concept_id',
          sql`trim_scale(coalesce(sum(volume) FILTER (WHERE day < ${`${m}-01`}), 0))::text`.as('before'),
          sql`trim_scale(coalesce(sum(volume) FILTER (WHERE day >= ${`${m}-01`}), 0))::text`.as('within'),
          sql`trim_scale(coalesce(sum(volume) FILTER (WHERE day >= ${`${m}-01`} AND work_order_id = ${wo.id}
            AND site_id = ${vessel.id}), 0))::text`.as('mine'),
        ])
        .where('org_id', '=', org.id)
        .where('family_id', '=', wo.id)
        .where('day', '<=', `${m}-31`)
        .groupBy('concept_id'),
    )
  }
} finally {
  await database.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
