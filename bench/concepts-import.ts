/**
 * Concept catalog import, end to end through the service (parse → units → diff → batched writes → audit).
 *   npx tsx bench/concepts-import.ts                       # the built contract workbook (layout of the real one)
 *   npx tsx bench/concepts-import.ts extraordinary         # a built PUE workbook of 3,000 rows
 *   npx tsx bench/concepts-import.ts contract /path/to/ANEXO_C_CONTRATO.xlsx
 *   npx tsx bench/concepts-import.ts contract /tmp/catalog-50k.xlsx [--database-url postgres://…/empty_db]
 * Without FILE the workbook is built (test/fixtures/contract-workbook.ts, or 3,000 PUE rows) and written to a
 * temporary file first.
 *
 * A fresh database is migrated and demo-seeded in a child process: the embedded PGlite in a temporary data
 * directory (as `faena serve` runs it), or the empty PostgreSQL database given. Then each import runs in its
 * own process (first: everything created; second: everything unchanged), which prints its time (and the CPU
 * time of the process during it: PGlite runs inside it, so on a busy machine CPU < wall), its own
 * peak resident set size (Node, tsx and, on PGlite, the embedded database engine included) and the peak RSS
 * of the same process before the import (after opening the database), so the difference is the import's.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { demoSeeders } from '../apps/server/src/demo-seeders'
import { VERSION } from '../apps/server/src/app'
import { systemActor } from '../apps/server/src/platform/access'
import { createDb } from '../apps/server/src/platform/db/create-db'
import { migrateToLatest } from '../apps/server/src/platform/db/migrate'
import { seedDemo } from '../apps/server/src/platform/seed/demo'
import { createLocalFileStore } from '../apps/server/src/platform/files/file-store'
import { findOrganizationBySlug } from '../apps/server/src/platform/tenancy/organizations'
import { buildServices } from '../apps/server/src/services'
import { pueRow, pueWorkbook } from '../apps/server/test/concept-workbooks'
import { contractWorkbookFixture } from '../apps/server/test/fixtures/contract-workbook'

const { values, positionals } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    runs: { type: 'string', default: '2' },
    setup: { type: 'string' },
    run: { type: 'string' },
  },
  allowPositionals: true,
})
const url = values['database-url']
const open = (dir: string) => createDb(url ? { databaseUrl: url } : { pgliteDir: dir })
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`
const peak = () => process.resourceUsage().maxRSS
const self = fileURLToPath(import.meta.url)

if (values.setup !== undefined) {
  // child: migrate and seed (argon2 hashes of the demo users cost more memory than an import)
  const db = await open(values.setup)
  await migrateToLatest(db.db)
  await seedDemo(db.db, { password: 'bench-password-1', seeders: demoSeeders })
  await db.close()
  process.exit(0)
}

const [kind = 'contract', given] = positionals
if (kind !== 'contract' && kind !== 'extraordinary') {
  console.error('usage: concepts-import.ts [contract|extraordinary] [FILE] [--database-url URL] [--runs N]')
  process.exit(2)
}

if (values.run !== undefined) {
  // child: one import on the prepared database (the parent always passes FILE)
  const file = given ?? ''
  const database = await open(values.run)
  try {
    const org = await findOrganizationBySlug(database.db, 'demo-offshore')
    if (!org) throw new Error('no demo-offshore')
    // the concepts service as the server wires it (services.ts)
    const service = buildServices({
      database,
      fileStore: createLocalFileStore(path.join(values.run, 'files')),
      log: console,
      faenaVersion: VERSION,
    }).concepts.service
    const bytes = fs.readFileSync(file)
    const before = peak()
    const cpu = process.cpuUsage()
    const started = performance.now()
    const r = await service.importConcepts(systemActor(org.id), {
      kind,
      fileName: path.basename(file),
      bytes,
    })
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    const used = process.cpuUsage(cpu)
    const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(2)
    console.log(
      `  ${r.status}: ${r.concepts} concepts, ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ` +
        `${r.errors.length} errors — ${seconds} s (CPU ${cpuSeconds} s); peak RSS ${mb(peak())} (${mb(before)} before the import)`,
    )
  } finally {
    await database.close()
  }
  process.exit(0)
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-bench-'))
// no FILE: the built workbook, written where the import processes can read it
const inputDir = given ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'faena-bench-input-'))
let file = given ?? ''
if (inputDir) {
  const bytes =
    kind === 'contract'
      ? await contractWorkbookFixture()
      : await pueWorkbook(Array.from({ length: 3000 }, (_, i) => pueRow(i)))
  file = path.join(inputDir, kind === 'contract' ? 'anexo-c-contrato-built.xlsx' : 'pues-3k-built.xlsx')
  fs.writeFileSync(file, bytes)
}
const child = (args: string[]) => {
  const r = spawnSync('npx', ['tsx', self, ...args, ...(url ? ['--database-url', url] : [])], {
    stdio: 'inherit',
  })
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed`)
}
try {
  console.log(
    `${path.basename(file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB) on ${url ? 'PostgreSQL' : 'PGlite'}, ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1) ?? '?'}`,
  )
  child(['--setup', dataDir])
  for (let run = 1; run <= Number(values.runs); run++) child([kind, file, '--run', dataDir])
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true })
  if (inputDir) fs.rmSync(inputDir, { recursive: true, force: true })
}
