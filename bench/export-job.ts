/**
 * A 20,000-row export as a job (docs/jobs.md): the maintenance-sheet export of the rental documents
 * (`--list maintenance`, the default) or the concept catalog (`--list concepts`, 100,000 rows and more),
 * through the HTTP API of a real app (pg-boss started with it), on the embedded PGlite in a temporary
 * directory, or on PostgreSQL with --database-url (a database of its own is created there and dropped).
 * Issue 8 target: constant memory, progress visible, under 10 s on PostgreSQL.
 *   npx tsx --expose-gc bench/export-job.ts [--list maintenance|concepts] [--rows 20000] [--database-url postgres://postgres@127.0.0.1:5432/test]
 * Setup: 20 projects with one unit each, then N maintenance sheets spread over them (one SQL insert);
 * or N ordinary concepts of demo-offshore over 10 sub-annexes (one SQL insert).
 * Timed: POST …/maintenance-sheets/export → 202, GET /api/v1/jobs/:id every 100 ms until done (the
 * progress samples the UI would see), then the download. The same for a quarter of the rows (a date
 * filter; for concepts, one sub-annex of ten), to compare peak memory. Resident memory and the JS heap are
 * sampled every 20 ms; on PGlite RSS includes the database (it runs in this process), on PostgreSQL it is
 * the app alone.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import pg from 'pg'
import { buildApp } from '../apps/server/src/app'
import { createDb } from '../apps/server/src/platform/db/create-db'
import { migrateToLatest } from '../apps/server/src/platform/db/migrate'
import { createLocalFileStore } from '../apps/server/src/platform/files/file-store'
import { seedDemo } from '../apps/server/src/platform/seed/demo'
import { findOrganizationBySlug } from '../apps/server/src/platform/tenancy/organizations'

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    rows: { type: 'string', default: '20000' },
    list: { type: 'string', default: 'maintenance' },
  },
})
const ROWS = Number(values.rows)
const CONCEPTS = values.list === 'concepts'
if (!CONCEPTS && values.list !== 'maintenance') throw new Error('--list maintenance|concepts')
const PASSWORD = 'bench-password-1'
const EXPORT_URL = CONCEPTS ? '/api/v1/concepts/export' : '/api/v1/rental/maintenance-sheets/export'
const LIST_URL = CONCEPTS ? '/api/v1/concepts?limit=50' : '/api/v1/rental/maintenance-sheets?limit=50'
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-bench-export-'))
let dropDatabase = async () => {}
let databaseUrl: string | undefined
if (values['database-url']) {
  const admin = new pg.Client({ connectionString: values['database-url'] })
  await admin.connect()
  const name = `faena_bench_export_${process.pid}`
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(values['database-url'])
  url.pathname = `/${name}`
  databaseUrl = url.toString()
  dropDatabase = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}
const database = await createDb(databaseUrl ? { databaseUrl } : { pgliteDir: path.join(dataDir, 'db') })

try {
  await migrateToLatest(database.db)
  await seedDemo(database.db, { password: PASSWORD, seeders: [] })
  const org = await findOrganizationBySlug(database.db, CONCEPTS ? 'demo-offshore' : 'demo-rental')
  if (!org) throw new Error('no demo organization')
  const app = await buildApp({
    database,
    config: {
      uploadLimitBytes: 25 * 1024 * 1024,
      secureCookies: false,
      publicOrigin: undefined,
      logLevel: 'warn',
    },
    fileStore: createLocalFileStore(path.join(dataDir, 'files')),
    logger: false,
  })
  await app.ready()
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: CONCEPTS ? 'manager@offshore.test' : 'manager@rental.test', password: PASSWORD },
  })
  const session = login.cookies.find((c) => c.name === 'faena_session')
  if (!session) throw new Error(`login: ${login.statusCode} ${login.body}`)
  const cookie = `faena_session=${session.value}`
  const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) })
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
    return res
  }

  const refs: { project: string; assignment: string; equipment: string }[] = []
  if (CONCEPTS) await seedConcepts()
  else await seedMaintenance()

  /** N ordinary concepts over 10 sub-annexes, in one insert. */
  async function seedConcepts() {
    const started = performance.now()
    await sql`
      INSERT INTO contract_concepts (org_id, kind, identity_key, annex, annex_sort, code, code_key, code_sort,
        description, description_key, unit, unit_key, quantity, unit_price_mxn, unit_price_usd, category,
        subcategory, classification, search_text, content_hash)
      SELECT ${org!.id}::uuid, 'ordinary', md5('BENCH|' || g) || md5('identity' || g), 'C-' || (1 + g % 10), lpad((1 + g % 10)::text, 4, '0'),
        (g / 10) || '.' || (g % 10) || '.', (g / 10) || '.' || (g % 10), lpad((g / 10)::text, 8, '0') || lpad((g % 10)::text, 4, '0'),
        'SUMINISTRO E INSTALACIÓN DE TUBERÍA DE ACERO AL CARBÓN DE 8" Ø, PARTIDA ' || g,
        'suministro e instalacion de tuberia ' || g, 'M', 'M', (g % 500) + 0.25, 1234.56 + g % 1000, 61.73 + g % 100,
        'TUBERÍA', 'ACERO', 'CÉDULA 80', 'suministro e instalacion de tuberia ' || g, md5(g::text) || md5('h' || g)
      FROM generate_series(1, ${ROWS}::int) AS g`.execute(database.db)
    console.log(`setup: ${ROWS} concepts in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }

  async function seedMaintenance() {
    // --- setup: 20 projects with a unit each, then the sheets in one insert ---
    const setupStarted = performance.now()
    const client = (
      await api('POST', '/api/v1/rental/clients', { name: 'Cliente de carga', taxId: '1790011674001' })
    ).json<{ id: string }>()
    for (let i = 0; i < 20; i++) {
      const project = (
        await api('POST', '/api/v1/rental/projects', {
          clientId: client.id,
          name: `Campamento ${i + 1}`,
          location: `BLOQUE ${i + 1}`,
          startDate: '2025-12-01',
        })
      ).json<{ id: string }>()
      const unit = (
        await api('POST', '/api/v1/rental/equipment', {
          code: `LOAD-BT-${1000 + i}`,
          name: 'BATERÍA SANITARIA',
          kind: 'equipment',
          type: 'toilet',
        })
      ).json<{ id: string }>()
      const assignment = (
        await api('POST', `/api/v1/rental/projects/${project.id}/assignments`, {
          equipmentId: unit.id,
          dailyRate: '18.00',
          operationStart: '2025-12-01',
        })
      ).json<{ id: string }>()
      refs.push({ project: project.id, assignment: assignment.id, equipment: unit.id })
    }
    await sql`
      INSERT INTO rental_maintenance_sheets (org_id, number, project_id, assignment_id, equipment_id,
        maintenance_type, start_date, end_date, total_days, technician_name, cost_per_day, total_cost,
        technical_description, logistics_cost, logistics_description)
      SELECT ${org!.id}::uuid, g, (${refs.map((r) => r.project)}::uuid[])[1 + g % 20],
        (${refs.map((r) => r.assignment)}::uuid[])[1 + g % 20], (${refs.map((r) => r.equipment)}::uuid[])[1 + g % 20],
        CASE WHEN g % 3 = 0 THEN 'corrective' ELSE 'preventive' END,
        DATE '2026-01-01' + (g % 28), DATE '2026-01-01' + (g % 28) + 1, 2, 'Técnico ' || g,
        40.00, 80.00, 'SERVICIO TÉCNICO ESPECIALIZADO', 0, 'LOGÍSTICA'
      FROM generate_series(1, ${ROWS}::int) AS g`.execute(database.db)
    console.log(
      `setup: ${ROWS} sheets over 20 projects in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
    )
  }

  // --- the export as the web app runs it ---
  // with --expose-gc, each run starts from a collected heap (the previous run's garbage is not counted)
  const gc = (globalThis as { gc?: () => void }).gc
  async function exportRun(label: string, filters: object) {
    gc?.()
    const baseline = process.memoryUsage().rss
    const heapBaseline = process.memoryUsage().heapUsed
    let peak = baseline
    let heapPeak = heapBaseline
    const sampler = setInterval(() => {
      const m = process.memoryUsage()
      peak = Math.max(peak, m.rss)
      heapPeak = Math.max(heapPeak, m.heapUsed)
    }, 20)
    // the live heap: after a full collection every second (with --expose-gc), what the process still holds
    const liveBaseline = heapBaseline
    let livePeak = heapBaseline
    const liveSampler = setInterval(() => {
      if (!gc) return
      gc()
      livePeak = Math.max(livePeak, process.memoryUsage().heapUsed)
    }, 1000)
    const started = performance.now()
    const accepted = await api('POST', EXPORT_URL, filters)
    if (accepted.statusCode !== 202) throw new Error(`expected 202, got ${accepted.statusCode}`)
    const job = accepted.json<{ id: string }>()
    const acceptedMs = performance.now() - started
    const samples: { ms: number; status: string; done: number; total: number | null }[] = []
    const listLatencies: number[] = []
    let run: { status: string; done: number; total: number | null; error: string | null } | undefined
    for (;;) {
      run = (await api('GET', `/api/v1/jobs/${job.id}`)).json()
      samples.push({
        ms: performance.now() - started,
        status: run!.status,
        done: run!.done,
        total: run!.total,
      })
      if (run!.status === 'done' || run!.status === 'failed') break
      // a user browsing meanwhile: one list page per poll
      const t0 = performance.now()
      await api('GET', LIST_URL)
      listLatencies.push(performance.now() - t0)
      await new Promise((r) => setTimeout(r, 100))
    }
    const doneMs = performance.now() - started
    const download = await api('GET', `/api/v1/jobs/${job.id}/result`)
    const totalMs = performance.now() - started
    clearInterval(sampler)
    clearInterval(liveSampler)
    if (run!.status !== 'done') throw new Error(`job failed: ${run!.error}`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(download.rawPayload as unknown as ArrayBuffer)
    const written = wb.worksheets[0]!.rowCount - 1
    const running = samples.filter((s) => s.status === 'running')
    console.log(`\n${label}: ${written} rows, file ${(download.rawPayload.length / 1024).toFixed(0)} kB`)
    console.log(
      `  202 in ${acceptedMs.toFixed(0)} ms; done after ${(doneMs / 1000).toFixed(2)} s; downloaded at ${(totalMs / 1000).toFixed(2)} s`,
    )
    console.log(`  RSS ${MB(baseline)} before, peak ${MB(peak)} (+${MB(peak - baseline)})`)
    console.log(
      `  heap used ${MB(heapBaseline)} before, peak ${MB(heapPeak)} (+${MB(heapPeak - heapBaseline)})`,
      console.log(
        `  live heap (after a full GC each second) peak ${MB(livePeak)} (+${MB(livePeak - liveBaseline)})`,
      ),
    )
    console.log(
      `  progress seen by the poller (${samples.length} polls, ${running.length} while running): ` +
        samples
          .map(
            (s) =>
              `${(s.ms / 1000).toFixed(1)}s ${s.status === 'running' ? `${s.done}/${s.total ?? '?'}` : s.status}`,
          )
          .join(', '),
    )
    if (listLatencies.length)
      console.log(
        `  list page meanwhile: max ${Math.max(...listLatencies).toFixed(0)} ms, median ${[...listLatencies].sort((a, b) => a - b)[Math.floor(listLatencies.length / 2)]!.toFixed(0)} ms (${listLatencies.length} requests)`,
      )
    return { written, doneMs, totalMs, peakDelta: peak - baseline, liveDelta: livePeak - liveBaseline }
  }

  if (CONCEPTS) {
    // warm-up (module loading, first workbook) on a search, then a tenth of the rows, then all of them
    await exportRun('warm-up (a search)', { q: 'partida 1234' })
    await exportRun(`a tenth (${Math.round(ROWS / 10)} rows, sub-annex C-1)`, {
      kind: 'ordinary',
      annex: 'C-1',
    })
    await exportRun(`all ${ROWS} rows`, { kind: 'ordinary' })
  } else {
    // warm-up (module loading, first workbook), then a quarter of the rows, then all of them
    await exportRun('warm-up (one project)', { projectId: refs[0]!.project })
    await exportRun(`a quarter (${Math.round(ROWS / 4)} rows, 7 days of 28)`, {
      from: '2026-01-01',
      to: '2026-01-07',
    })
    await exportRun(`all ${ROWS} rows`, {})
  }
  await app.close()
} finally {
  await database.close()
  await dropDatabase()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
