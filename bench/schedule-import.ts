/**
 * MS Project schedule import of one work order, end to end through the service (parse the MSPDI file →
 * diff against the active version → store the file, the version, its tasks and dependencies → audit), on a
 * fresh migrated and demo-seeded database: the embedded PGlite in a temporary data directory (as `faena
 * serve` runs it), or PostgreSQL with --database-url.
 *   npx tsx bench/schedule-import.ts [FILE] [--synthetic 5000] [--runs 3] [--database-url postgres://…/db]
 * Without FILE: a built file, the 22-task WBS of the test fixtures (3 outline levels, 6 links, resources,
 * assignments, calendars; apps/server/test/fixtures/mspdi.ts); FILE times a real MS Project XML export
 * instead. `--synthetic N` also times a generated file of N tasks (two outline levels, a finish-to-start
 * chain with lags).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ZCreateWorkOrderRequest } from '@faena/contracts'
import { mspdiBytes, wbsProject } from '../apps/server/test/fixtures/mspdi'
import { demoSeeders } from '../apps/server/src/demo-seeders'
import { listActiveClients } from '../apps/server/src/modules/catalogs'
import { VERSION } from '../apps/server/src/app'
import { parseMspdi } from '../apps/server/src/modules/schedules'
import { systemActor } from '../apps/server/src/platform/access'
import { createDb } from '../apps/server/src/platform/db/create-db'
import { migrateToLatest } from '../apps/server/src/platform/db/migrate'
import { createLocalFileStore } from '../apps/server/src/platform/files/file-store'
import { seedDemo } from '../apps/server/src/platform/seed/demo'
import { findOrganizationBySlug } from '../apps/server/src/platform/tenancy/organizations'
import { buildServices } from '../apps/server/src/services'

const { values, positionals } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    runs: { type: 'string', default: '3' },
    synthetic: { type: 'string' },
  },
  allowPositionals: true,
})
const file = positionals[0]
const RUNS = Number(values.runs)
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`
const peak = () => process.resourceUsage().maxRSS

/** An MSPDI file with `n` tasks: every 20th a summary of the next 19, each linked to the previous one. */
function synthetic(n: number): Buffer {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Project xmlns="http://schemas.microsoft.com/project"><Name>Sintético</Name><MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek>',
    '<StartDate>2026-01-05T08:00:00</StartDate><FinishDate>2027-12-31T17:00:00</FinishDate><Tasks>',
    '<Task><UID>0</UID><ID>0</ID><Name>Sintético</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>',
  ]
  for (let i = 1; i <= n; i++) {
    const summary = i % 20 === 1
    const day = new Date(Date.UTC(2026, 0, 5 + Math.floor(i / 4))).toISOString().slice(0, 10)
    const link =
      i > 1 && !summary
        ? `<PredecessorLink><PredecessorUID>${i - 1}</PredecessorUID><Type>1</Type><LinkLag>${(i % 3) * 4800}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>`
        : ''
    parts.push(
      `<Task><UID>${i}</UID><ID>${i}</ID><Name>Tarea ${i}</Name><WBS>${Math.ceil(i / 20)}${summary ? '' : `.${((i - 1) % 20) + 0}`}</WBS>` +
        `<OutlineLevel>${summary ? 1 : 2}</OutlineLevel><Start>${day}T08:00:00</Start><Finish>${day}T17:00:00</Finish>` +
        `<Duration>PT${8 + (i % 5) * 8}H0M0S</Duration><PercentComplete>${i % 100}</PercentComplete>${link}</Task>`,
    )
  }
  parts.push('</Tasks></Project>')
  return Buffer.from(parts.join('\n'))
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-bench-schedule-'))
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
      number: 'OT-BENCH-PROG',
      description: 'Banco de pruebas',
      clientId: client!.id,
      projectManagerId: pm.id,
    }),
  )
  const service = services.schedules.service
  const inputs: [string, Buffer][] = [
    file
      ? [path.basename(file), fs.readFileSync(file)]
      : ['wbs-22-tasks.xml (built)', mspdiBytes(wbsProject())],
  ]
  if (values.synthetic)
    inputs.push([`synthetic-${values.synthetic}.xml`, synthetic(Number(values.synthetic))])
  console.log(`on ${database.kind}; peak RSS before ${mb(peak())}`)
  for (const [name, bytes] of inputs) {
    const p0 = performance.now()
    const parsed = parseMspdi(bytes)
    const parseMs = performance.now() - p0
    const times: number[] = []
    let last = { tasks: 0, dependencies: 0 }
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      last = await service.importSchedule(actor, wo.id, { fileName: name, bytes })
      times.push(performance.now() - started)
    }
    const t = performance.now()
    const active = await service.getActive(actor, wo.id)
    const readMs = performance.now() - t
    console.log(
      `${name} (${(bytes.length / 1024).toFixed(0)} KiB): ${last.tasks} tasks, ${last.dependencies} dependencies; parse alone ${Math.round(parseMs)} ms (${parsed.tasks.length} tasks); ` +
        `import (parse + diff + store + version + rows + audit) ${times.map((x) => `${Math.round(x)} ms`).join(', ')}; ` +
        `GET active ${Math.round(readMs)} ms (${active.tasks.length} tasks); peak RSS ${mb(peak())}`,
    )
  }
} finally {
  await database.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
