/**
 * A 1,500-row Anexo C of one work order, end to end through the service (read the workbook → look every row
 * up in the catalog → diff against the active version → store the file, the version, 1,500 lines and their
 * planned volumes → audit), then its confirmation, then a second import of the same size with changes (the
 * diff against 1,500 active lines). On a fresh migrated and demo-seeded database: the embedded PGlite in a
 * temporary data directory (as `faena serve` runs it), or PostgreSQL with --database-url.
 *   npx tsx bench/work-order-annex-import.ts [--rows 1500] [--days 30] [--database-url postgres://…/db]
 * The catalog (as many concepts as rows, synthetic contract workbook) is imported first, not timed.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ZCreateWorkOrderRequest } from '@faena/contracts'
import { annexCWorkbook, type AnnexRow } from '../apps/server/test/annex-c-workbooks'
import { contractWorkbook } from '../apps/server/test/concept-workbooks'
import { demoSeeders } from '../apps/server/src/demo-seeders'
import { VERSION } from '../apps/server/src/app'
import { listActiveClients } from '../apps/server/src/modules/catalogs'
import { locateAnnexCTable, parseAnnexCWithCatalog } from '../apps/server/src/modules/work-order-concepts'
import { systemActor } from '../apps/server/src/platform/access'
import { createDb } from '../apps/server/src/platform/db/create-db'
import { migrateToLatest } from '../apps/server/src/platform/db/migrate'
import { createLocalFileStore } from '../apps/server/src/platform/files/file-store'
import { seedDemo } from '../apps/server/src/platform/seed/demo'
import { findOrganizationBySlug } from '../apps/server/src/platform/tenancy/organizations'
import { buildServices } from '../apps/server/src/services'

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    rows: { type: 'string', default: '1500' },
    days: { type: 'string', default: '30' },
  },
})
const ROWS = Number(values.rows)
const DAYS = Number(values.days)
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`
const peak = () => process.resourceUsage().maxRSS
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-bench-annex-'))
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
  // every service as the server wires it (services.ts)
  const services = buildServices({
    database,
    fileStore: createLocalFileStore(path.join(dataDir, 'files')),
    log: console,
    faenaVersion: VERSION,
  })

  // setup: the catalog and a work order
  const concepts = services.concepts.service
  const catalogFile = await contractWorkbook({ concepts: ROWS })
  const imported = await concepts.importConcepts(actor, {
    kind: 'contract',
    fileName: 'catalogo.xlsx',
    bytes: catalogFile,
  })
  if (imported.status !== 'saved') throw new Error(`catalog: ${imported.errors[0]?.message}`)
  const workOrders = services.workOrders
  const [client] = await listActiveClients(db, org.id)
  const pm = await db
    .selectFrom('project_managers')
    .select('id')
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow()
  const wo = await workOrders.createWorkOrder(
    actor,
    ZCreateWorkOrderRequest.parse({
      number: 'OT-BENCH-1',
      description: 'Banco de pruebas',
      clientId: client!.id,
      projectManagerId: pm.id,
    }),
  )
  const items = (
    await concepts.listConcepts(actor, { kind: 'ordinary', limit: 500, offset: 0, sort: 'code', dir: 'asc' })
  ).total
  const all: {
    annex: string | null
    code: string
    description: string
    unit: string
    unitPriceMxn: string
    unitPriceUsd: string
  }[] = []
  for (let offset = 0; offset < items; offset += 500) {
    all.push(
      ...(
        await concepts.listConcepts(actor, { kind: 'ordinary', limit: 500, offset, sort: 'code', dir: 'asc' })
      ).items,
    )
  }
  const dates = Array.from({ length: DAYS }, (_, d) =>
    new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10),
  )
  const rows = (edit: boolean): AnnexRow[] =>
    all.slice(0, ROWS).map((c, i) => ({
      annex: c.annex,
      code: c.code,
      description: c.description,
      unit: c.unit,
      volume: edit && i % 10 === 0 ? 200 + i : 100 + i,
      priceMxn: Number(c.unitPriceMxn),
      priceUsd: Number(c.unitPriceUsd),
      // a programme over a third of the days
      planned: Object.fromEntries(dates.filter((_, d) => (d + i) % 3 === 0).map((d) => [d, 1 + (i % 7)])),
    }))
  const first = await annexCWorkbook(rows(false), { dates })
  const second = await annexCWorkbook(
    rows(true).filter((_, i) => i !== 5),
    { dates },
  )
  const service = services.workOrderConcepts.service
  global.gc?.()
  console.log(
    `Anexo C: ${ROWS} rows × ${DAYS} date columns (${(first.length / 1024).toFixed(0)} KiB) on ${database.kind}; peak RSS before ${mb(peak())}`,
  )

  // the read alone (workbook + catalog look-ups, no writes), for the breakdown
  {
    const t0 = performance.now()
    const located = await locateAnnexCTable(first)
    const t1 = performance.now()
    const parsed = await parseAnnexCWithCatalog(db, org.id, first)
    const t2 = performance.now()
    if (!parsed.ok) throw new Error('not parsed')
    console.log(
      `  read only: workbook ${Math.round(t1 - t0)} ms; workbook + two passes + catalog look-ups ${Math.round(t2 - t1)} ms (${located.ok ? located.table.rows.length : 0} rows)`,
    )
  }
  for (const [label, bytes] of [
    ['first import (1,500 lines added)', first],
    ['second import (diff against 1,500 active lines)', second],
  ] as const) {
    const started = performance.now()
    const r = await service.importAnnex(actor, wo.id, { fileName: 'anexo-c.xlsx', bytes })
    const imported = performance.now() - started
    if (r.outcome !== 'pending')
      throw new Error(`rejected: ${r.rejection.message} ${JSON.stringify(r.rejection.details.rows[0])}`)
    const t2 = performance.now()
    await service.confirmImport(actor, wo.id, r.detail.id)
    const confirmed = performance.now() - t2
    const c = r.detail.changes
    console.log(
      `${label}: ${r.detail.conceptCount} lines, ${r.detail.plannedDayCount} planned days; diff ${c.added} added, ${c.removed} removed, ` +
        `${c.changed} changed — import ${seconds(imported)}, confirm ${seconds(confirmed)}, peak RSS ${mb(peak())}`,
    )
  }
  const t3 = performance.now()
  const list = await service.listConcepts(actor, wo.id, {})
  console.log(
    `GET concepts (active version, ${list.items.length} lines with their programme): ${Math.round(performance.now() - t3)} ms`,
  )
} finally {
  await database.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
