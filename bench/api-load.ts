/**
 * API load: the main list endpoints (limit 50) and detail endpoints of a realistic organization, through
 * the real server (`faena serve` in a child process), with autocannon. Issue 11 targets: on PostgreSQL each
 * list ≥ 1,500 req/s with p99 < 150 ms at 100 connections and 0 errors, details ≥ 2,000 req/s; on PGlite
 * p99 < 500 ms at 10 connections.
 *
 *   npx tsx bench/api-load.ts [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--db-name faena_bench]
 *   npx tsx bench/api-load.ts --pglite [--pglite-dir /tmp/faena-bench-api] --connections 10
 *   options: --connections 100 --duration 10 --warmup 2 --port 3331 --only proposals,audit --reseed
 *            --cpu-prof DIR (the server writes a V8 CPU profile there when it stops)
 *
 * Setup, once per database (kept and reused by later runs; --reseed starts over): migrated, demo-seeded, then
 * through the services as the API writes it: in demo-offshore 1,000 proposals (with their steps), 5,000 work
 * orders (with their steps) and a 50,000-concept contract catalog (the workbook import); in demo-rental 10
 * projects with 30 units each (300 assignments), 60 custody chains and 60 billing sheets (6 months × 10
 * projects). Every one of those writes its audit rows, so the audit log holds ~60,000 rows.
 * Then the server starts on that database, the admins of both organizations sign in, and each endpoint gets
 * a warm-up and a timed autocannon run. Beside req/s and latency, the server's CPU time per request (from
 * /proc, user + system, divided by the requests served): the machines are shared, and CPU per request says
 * more about Faena than wall time does on a busy machine.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { VERSION } from '../apps/server/src/app'
import { demoSeeders } from '../apps/server/src/demo-seeders'
import { systemActor, type Actor } from '../apps/server/src/platform/access'
import { createDb, type Database } from '../apps/server/src/platform/db/create-db'
import { migrateToLatest } from '../apps/server/src/platform/db/migrate'
import { createLocalFileStore } from '../apps/server/src/platform/files/file-store'
import { seedDemo } from '../apps/server/src/platform/seed/demo'
import { findOrganizationBySlug } from '../apps/server/src/platform/tenancy/organizations'
import { buildServices } from '../apps/server/src/services'
import { contractWorkbook } from '../apps/server/test/concept-workbooks'

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'db-name': { type: 'string', default: 'faena_bench' },
    pglite: { type: 'boolean', default: false },
    'pglite-dir': { type: 'string', default: path.join(os.tmpdir(), 'faena-bench-api') },
    connections: { type: 'string', default: '100' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    port: { type: 'string', default: '3331' },
    only: { type: 'string' },
    reseed: { type: 'boolean', default: false },
    'seed-only': { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
    'cpu-prof': { type: 'string' },
    'server-dir': { type: 'string' },
  },
})
const CONNECTIONS = Number(values.connections)
const DURATION = Number(values.duration)
const WARMUP = Number(values.warmup)
const PORT = Number(values.port)
const PASSWORD = 'bench-Password-2026!'
const repoRoot = path.resolve(import.meta.dirname, '..')
// --server-dir: the server of another checkout of the repository (a before/after comparison on one database)
const serverRoot = values['server-dir'] ? path.resolve(values['server-dir']) : repoRoot
const bin = path.join(serverRoot, 'apps/server/bin/faena.mjs')
const autocannonBin = path.join(repoRoot, 'node_modules/autocannon/autocannon.js')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// --scale 0.1: a tenth of each (a quicker seed, e.g. on the embedded database)
const SCALE = Number(values.scale)
const scaled = (n: number) => Math.max(1, Math.round(n * SCALE))
const SIZE = {
  proposals: scaled(1000),
  workOrders: scaled(5000),
  concepts: scaled(50_000),
  projects: scaled(10),
  unitsPerProject: 30,
  months: 6,
}

// --- the database -----------------------------------------------------------------------------------

let databaseUrl: string | undefined
if (!values.pglite) {
  const admin = new pg.Client({ connectionString: values['database-url'] })
  await admin.connect()
  const name = values['db-name']
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--db-name ${name}: letters, digits and _ only`)
  if (values.reseed) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(values['database-url'])
  url.pathname = `/${name}`
  databaseUrl = url.toString()
} else if (values.reseed) {
  fs.rmSync(values['pglite-dir'], { recursive: true, force: true })
}
const dataDir = values.pglite
  ? values['pglite-dir']
  : fs.mkdtempSync(path.join(os.tmpdir(), 'faena-bench-api-'))

/** Runs `work(i)` for i in [0, n) with `parallel` at a time. */
async function times(n: number, parallel: number, work: (i: number) => Promise<unknown>) {
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) await work(next++)
    }),
  )
}

async function seed(database: Database) {
  const db = database.db
  await migrateToLatest(db)
  const count = async (table: 'proposals' | 'work_orders' | 'contract_concepts' | 'billing_sheets') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const done = {
    proposals: (await count('proposals')) >= SIZE.proposals,
    workOrders: (await count('work_orders')) >= SIZE.workOrders,
    concepts: (await count('contract_concepts')) >= SIZE.concepts,
    sheets: (await count('billing_sheets')) >= SIZE.projects * SIZE.months,
  }
  if (Object.values(done).every(Boolean)) return false
  const started = performance.now()
  await seedDemo(db, { password: PASSWORD, seeders: demoSeeders })
  const services = buildServices({
    database,
    fileStore: createLocalFileStore(path.join(dataDir, 'files')),
    log: console,
    faenaVersion: VERSION,
  })
  const parallel = database.kind === 'postgres' ? 6 : 1
  const step = (what: string) =>
    console.log(`  ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)`)

  // offshore: proposals, work orders, the contract catalog
  const offshore = await findOrganizationBySlug(db, 'demo-offshore')
  if (!offshore) throw new Error('no demo-offshore')
  const actor: Actor = systemActor(offshore.id)
  const clients = (
    await db
      .selectFrom('clients')
      .select('id')
      .where('org_id', '=', offshore.id)
      .where('active', '=', true)
      .where('client_type', '=', 'CONTRATO')
      .execute()
  ).map((r) => r.id)
  const managers = (
    await db
      .selectFrom('project_managers')
      .select('id')
      .where('org_id', '=', offshore.id)
      .where('active', '=', true)
      .execute()
  ).map((r) => r.id)
  const types = (
    await db
      .selectFrom('types')
      .select('id')
      .where('org_id', '=', offshore.id)
      .where('level', '=', 'proposal')
      .where('active', '=', true)
      .execute()
  ).map((r) => r.id)
  const pick = <T>(list: T[], i: number) => list[i % list.length] as T
  const day = (i: number, base = 0) => {
    const d = new Date(Date.UTC(2025, 0, 1 + ((i * 7) % 700) + base))
    return d.toISOString().slice(0, 10)
  }
  const priorities = ['low', 'medium', 'high'] as const
  if (!done.proposals)
    await times(SIZE.proposals, parallel, (i) =>
      services.proposals.createProposal(actor, {
        officialNumber: `BME-${String(i).padStart(4, '0')}-001-2026`,
        requestNumber: `PEP-SOL-${String(i).padStart(5, '0')}`,
        description: `Propuesta de carga ${i}: mantenimiento a estructura, pintura anticorrosiva y reemplazo de barandales en plataforma ${i % 40}`,
        clientId: pick(clients, i),
        requestDate: day(i),
        deliveryDate: day(i, 30),
        durationDays: 30 + (i % 60),
        typeId: pick(types, i),
        projectManagerId: pick(managers, i),
        priority: pick([...priorities], i),
        comment: i % 3 === 0 ? 'Requiere visita previa' : null,
      }),
    )
  step(`${SIZE.proposals} proposals`)
  if (!done.workOrders)
    await times(SIZE.workOrders, parallel, (i) =>
      services.workOrders.createWorkOrder(actor, {
        number: `OT-CARGA-${String(i).padStart(5, '0')}`,
        officialDocument: `OF-${i}`,
        description: `Orden de trabajo de carga ${i}: inspección y reparación de líneas de descarga`,
        clientId: pick(clients, i),
        projectManagerId: pick(managers, i),
        plannedStart: day(i),
        plannedEnd: day(i, 45),
        durationDays: 45,
        amountMxn: `${1000 + i}.50`,
        amountUsd: `${50 + (i % 500)}.25`,
      }),
    )
  step(`${SIZE.workOrders} work orders`)
  if (!done.concepts) {
    const workbook = await contractWorkbook({ concepts: SIZE.concepts })
    const imported = await services.concepts.service.importConcepts(actor, {
      kind: 'contract',
      fileName: 'catalogo-carga.xlsx',
      bytes: workbook,
    })
    step(`contract catalog: ${imported.status}, ${imported.concepts} concepts`)
  }
  if (done.sheets) return true

  // rental: projects with 30 units each, documents, monthly billing sheets
  const rental = await findOrganizationBySlug(db, 'demo-rental')
  if (!rental) throw new Error('no demo-rental')
  const ra = systemActor(rental.id)
  const P = services.rentalProjects.service
  const run = Date.now().toString(36).toUpperCase()
  // an earlier, interrupted seed may have left the client behind
  const client =
    (await db
      .selectFrom('rental_clients')
      .select('id')
      .where('org_id', '=', rental.id)
      .where('tax_id', '=', '1790011674001')
      .executeTakeFirst()) ??
    (await P.createClient(ra, { name: `Cliente de carga ${run}`, taxId: '1790011674001' }))
  for (let p = 0; p < SIZE.projects; p++) {
    const project = await P.createProject(ra, {
      clientId: client.id,
      name: `Campamento de carga ${p}`,
      location: `BLOQUE ${10 + p}`,
      startDate: '2025-06-01',
    })
    const assignments: string[] = []
    await times(SIZE.unitsPerProject, parallel, async (i) => {
      const unit = await P.createEquipment(ra, {
        code: `LOAD-${run}-${p}-BT-${1000 + i}`,
        name: 'BATERÍA SANITARIA',
        kind: 'equipment',
        type: 'toilet',
      })
      const a = await P.createAssignment(ra, project.id, {
        equipmentId: unit.id,
        dailyRate: `${10 + (i % 17)}.${String(i % 100).padStart(2, '0')}`,
        frequency: i % 10 === 0 ? { kind: 'weekdays' as const, days: [0, 2, 4] } : 'daily',
        operationStart: '2025-06-01',
      })
      assignments.push(a.id)
    })
    for (let m = 0; m < SIZE.months; m++) {
      const month = `2025-${String(7 + m).padStart(2, '0')}`
      await services.rentalDocuments.service.createCustodyChain(ra, {
        projectId: project.id,
        activityDate: `${month}-10`,
        assignmentIds: [assignments[m % assignments.length]!],
        volumeUnit: 'gallons',
        volume: String(100 + m),
        logisticsCost: '0',
      })
      const end = new Date(Date.UTC(2025, 7 + m, 0)).toISOString().slice(0, 10)
      const sheet = await services.rentalBilling.service.createSheet(ra, {
        projectId: project.id,
        periodStart: `${month}-01`,
        periodEnd: end,
      })
      // one sheet in progress per project: the earlier months are liquidated
      if (m < SIZE.months - 1) await services.rentalBilling.service.liquidate(ra, sheet.id)
    }
  }
  step(
    `${SIZE.projects} rental projects, ${SIZE.projects * SIZE.unitsPerProject} assignments, ${SIZE.projects * SIZE.months} billing sheets`,
  )
  return true
}

{
  const database = await createDb(databaseUrl ? { databaseUrl } : { pgliteDir: path.join(dataDir, 'pglite') })
  try {
    const t0 = performance.now()
    console.log(`database: ${databaseUrl ?? `PGlite in ${dataDir}`}`)
    const seeded = await seed(database)
    console.log(
      seeded ? `seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s` : 'already seeded, reused',
    )
    // as autovacuum leaves a table at rest: statistics and visibility map (index-only scans) up to date
    await sql`VACUUM ANALYZE`.execute(database.db)
  } finally {
    await database.close()
  }
}

if (values['seed-only']) process.exit(0)

// --- the server -------------------------------------------------------------------------------------

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

const base = `http://127.0.0.1:${PORT}`
const nodeArgs = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : []
const server: ChildProcess = spawn(process.execPath, [...nodeArgs, bin, 'serve'], {
  cwd: serverRoot,
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    FAENA_DATA_DIR: dataDir,
    FAENA_DEMO_PASSWORD: PASSWORD,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const stopServer = async () => {
  if (server.exitCode !== null) return
  server.kill('SIGINT')
  await new Promise((r) => server.once('exit', r))
}
process.on('exit', () => server.exitCode === null && server.kill('SIGKILL'))

try {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`)
    try {
      if ((await fetch(`${base}/api/health`)).ok) break
    } catch {
      // not listening yet
    }
    await sleep(100)
  }

  async function login(email: string): Promise<string> {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    })
    if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('faena_session='))
    if (!cookie) throw new Error(`login ${email}: no session cookie`)
    return cookie.split(';')[0]!
  }
  const offshore = await login('admin@offshore.test')
  const rental = await login('admin@rental.test')
  const getJson = async (url: string, cookie: string) => {
    const res = await fetch(base + url, { headers: { cookie } })
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
    return { body: (await res.json()) as { items: { id: string }[]; total: number }, bytes: 0 }
  }
  const firstId = async (url: string, cookie: string) => {
    const { body } = await getJson(url, cookie)
    const id = body.items[0]?.id
    if (!id) throw new Error(`${url}: empty`)
    return id
  }

  type Endpoint = { name: string; kind: 'list' | 'detail'; url: string; cookie: string }
  const endpoints: Endpoint[] = [
    { name: 'proposals', kind: 'list', url: '/api/v1/proposals?limit=50', cookie: offshore },
    { name: 'work orders', kind: 'list', url: '/api/v1/work-orders?limit=50', cookie: offshore },
    { name: 'concepts', kind: 'list', url: '/api/v1/concepts?limit=50', cookie: offshore },
    { name: 'rental projects', kind: 'list', url: '/api/v1/rental/projects?limit=50', cookie: rental },
    { name: 'billing sheets', kind: 'list', url: '/api/v1/rental/billing-sheets?limit=50', cookie: rental },
    { name: 'audit', kind: 'list', url: '/api/v1/audit?limit=50', cookie: offshore },
    {
      name: 'proposal',
      kind: 'detail',
      url: `/api/v1/proposals/${await firstId('/api/v1/proposals?limit=1', offshore)}`,
      cookie: offshore,
    },
    {
      name: 'work order',
      kind: 'detail',
      url: `/api/v1/work-orders/${await firstId('/api/v1/work-orders?limit=1', offshore)}`,
      cookie: offshore,
    },
    {
      name: 'concept',
      kind: 'detail',
      url: `/api/v1/concepts/${await firstId('/api/v1/concepts?limit=1', offshore)}`,
      cookie: offshore,
    },
    {
      name: 'rental project',
      kind: 'detail',
      url: `/api/v1/rental/projects/${await firstId('/api/v1/rental/projects?limit=1', rental)}`,
      cookie: rental,
    },
    {
      name: 'billing sheet',
      kind: 'detail',
      url: `/api/v1/rental/billing-sheets/${await firstId('/api/v1/rental/billing-sheets?limit=1', rental)}`,
      cookie: rental,
    },
  ]
  const only = values.only?.split(',').map((s) => s.trim())
  const chosen = only ? endpoints.filter((e) => only.includes(e.name)) : endpoints

  const pid = server.pid!
  type Result = {
    e: Endpoint
    total: number
    bytes: number
    rps: number
    p50: number
    p90: number
    p99: number
    errors: number
    cpuMs: number
    dbCpuMs: number
  }
  const results: Result[] = []
  /** What autocannon's `--json` prints that the table uses. */
  type Cannon = {
    requests: { average: number; total: number }
    latency: { p50: number; p90: number; p99: number }
    errors: number
    timeouts: number
    non2xx: number
  }
  const cannon = (url: string, cookie: string, seconds: number) =>
    new Promise<Cannon>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          autocannonBin,
          '-c',
          String(CONNECTIONS),
          '-d',
          String(seconds),
          '-H',
          `cookie=${cookie}`,
          '-j',
          base + url,
        ],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      )
      let out = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.on('error', reject)
      child.on('exit', () => {
        try {
          resolve(JSON.parse(out) as Cannon)
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)))
        }
      })
    })

  // PostgreSQL's share: CPU of the server's backends on the bench database (same machine), per request
  const admin = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : undefined
  await admin?.connect()
  const backendCpu = async (): Promise<Map<number, number>> => {
    const out = new Map<number, number>()
    if (!admin) return out
    const { rows } = await admin.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    )
    for (const { pid } of rows) {
      try {
        out.set(pid, cpuSeconds(pid))
      } catch {
        // gone meanwhile
      }
    }
    return out
  }
  const cpuSince = (before: Map<number, number>, after: Map<number, number>) =>
    [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0)
  /** Requests the previous endpoint left queued (timed out at the client) must not slow the next one. */
  const drain = async () => {
    for (const until = Date.now() + 30_000; Date.now() < until;) {
      const t0 = performance.now()
      await fetch(`${base}/api/v1/auth/me`, { headers: { cookie: offshore } })
      if (performance.now() - t0 < 250) return
      await sleep(500)
    }
  }

  for (const e of chosen) {
    await drain()
    const { body } = await getJson(e.url, e.cookie)
    const bytes = Buffer.byteLength(JSON.stringify(body))
    if (WARMUP > 0) await cannon(e.url, e.cookie, WARMUP)
    const cpu0 = cpuSeconds(pid)
    const db0 = await backendCpu()
    const r = await cannon(e.url, e.cookie, DURATION)
    const cpu = cpuSeconds(pid) - cpu0
    const dbCpu = cpuSince(db0, await backendCpu())
    const served = Number(r.requests.total)
    const result: Result = {
      e,
      total: e.kind === 'list' ? body.total : 1,
      bytes,
      rps: Number(r.requests.average),
      p50: Number(r.latency.p50),
      p90: Number(r.latency.p90),
      p99: Number(r.latency.p99),
      errors: Number(r.errors) + Number(r.timeouts) + Number(r.non2xx),
      cpuMs: served > 0 ? (cpu * 1000) / served : NaN,
      dbCpuMs: admin && served > 0 ? (dbCpu * 1000) / served : NaN,
    }
    results.push(result)
    console.log(
      `${e.name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p90 ${result.p90} ms, p99 ${result.p99} ms, ` +
        `${result.errors} errors, ${result.cpuMs.toFixed(2)} ms server CPU/request, ${result.dbCpuMs.toFixed(2)} ms PostgreSQL CPU/request (${served} requests, ${(bytes / 1024).toFixed(1)} KiB)`,
    )
  }

  // --- the table --------------------------------------------------------------------------------------
  const pass = (r: Result) => {
    if (values.pglite) return r.p99 < 500 && r.errors === 0
    const minRps = r.e.kind === 'list' ? 1500 : 2000
    return r.rps >= minRps && (r.e.kind === 'detail' || r.p99 < 150) && r.errors === 0
  }
  const load = os.loadavg().map((x) => x.toFixed(2))
  console.log(
    `\n${values.pglite ? 'PGlite' : 'PostgreSQL'}, ${CONNECTIONS} connections, ${DURATION} s per endpoint ` +
      `(after ${WARMUP} s of warm-up), Node ${process.version}, load average ${load.join(' ')}\n`,
  )
  console.log(
    '| endpoint | rows (total) | KiB | req/s | p50 ms | p90 ms | p99 ms | errors | server CPU ms/req | PostgreSQL CPU ms/req | target |',
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const r of results) {
    console.log(
      `| ${r.e.kind === 'list' ? `${r.e.name} (limit 50)` : `${r.e.name} (detail)`} | ${r.total.toLocaleString('en')} | ` +
        `${(r.bytes / 1024).toFixed(1)} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p90} | ${r.p99} | ` +
        `${r.errors} | ${r.cpuMs.toFixed(2)} | ${admin ? r.dbCpuMs.toFixed(2) : '—'} | ${pass(r) ? 'pass' : 'fail'} |`,
    )
  }
  await admin?.end()
} finally {
  await stopServer()
  if (!values.pglite) fs.rmSync(dataDir, { recursive: true, force: true })
}
