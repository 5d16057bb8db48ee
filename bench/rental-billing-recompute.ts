/**
 * Recomputation of a billing sheet (planilla) with 300 assignments and 500 field documents, through the
 * billing service, on the embedded PGlite in a temporary data directory (as `faena serve` runs it), or on
 * PostgreSQL with --database-url. Target (issue 4): under 300 ms.
 *   npx tsx bench/rental-billing-recompute.ts [--runs 20] [--database-url postgres://…/db]
 * Setup (through the rental services, as the API does): 200 units + 100 services assigned to one project
 * (daily, weekday and month-day frequencies, some retired mid-month), 300 custody chains, 100 maintenance
 * sheets, 100 shipping guides in January 2026. Then it times:
 *   - create: the sheet's creation with its first computation (every line written);
 *   - recompute: `recomputeOpenSheets` in a transaction, as the rental modules call it after a change
 *     (everything read, computed and compared; nothing to write);
 *   - day edit: the whole `setLineDays` use case (lock, validate, store, recompute, write the changed line,
 *     audit, read the detail back).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { VERSION } from '../apps/server/src/app'
import { systemActor } from '../apps/server/src/platform/access'
import { createDb } from '../apps/server/src/platform/db/create-db'
import { migrateToLatest } from '../apps/server/src/platform/db/migrate'
import { createLocalFileStore } from '../apps/server/src/platform/files/file-store'
import { seedDemo } from '../apps/server/src/platform/seed/demo'
import { findOrganizationBySlug } from '../apps/server/src/platform/tenancy/organizations'
import { buildServices } from '../apps/server/src/services'

const { values } = parseArgs({
  options: { 'database-url': { type: 'string' }, runs: { type: 'string', default: '20' } },
})
const RUNS = Number(values.runs)

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-bench-billing-'))
const database = await createDb(
  values['database-url'] ? { databaseUrl: values['database-url'] } : { pgliteDir: path.join(dataDir, 'db') },
)
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, min ${s[0]!.toFixed(1)} ms, max ${s[s.length - 1]!.toFixed(1)} ms (${s.length} runs)`
}

try {
  await migrateToLatest(database.db)
  await seedDemo(database.db, { password: 'bench-password-1', seeders: [] })
  const org = await findOrganizationBySlug(database.db, 'demo-rental')
  if (!org) throw new Error('no demo-rental')
  const actor = systemActor(org.id)
  const db = database.db
  // every service as the server wires it (services.ts); the export jobs are defined but never started here
  const wired = buildServices({
    database,
    fileStore: createLocalFileStore(path.join(dataDir, 'files')),
    clock: () => new Date('2026-02-05T15:00:00Z'),
    log: console,
    faenaVersion: VERSION,
  })
  const { rentalProjects: projects, rentalDocuments: documents, rentalBilling: billing } = wired
  const P = projects.service
  const D = documents.service

  const setupStarted = performance.now()
  const client = await P.createClient(actor, { name: 'Cliente de carga', taxId: '1790011674001' })
  const project = await P.createProject(actor, {
    clientId: client.id,
    name: 'Campamento de carga',
    location: 'BLOQUE 16',
    startDate: '2025-12-01',
  })
  const day = (d: number) => `2026-01-${String(d).padStart(2, '0')}`
  const units: { id: string; assignment: string }[] = []
  for (let i = 0; i < 200; i++) {
    const unit = await P.createEquipment(actor, {
      code: `LOAD-BT-${1000 + i}`,
      name: 'BATERÍA SANITARIA',
      kind: 'equipment',
      type: 'toilet',
    })
    const frequency =
      i % 10 === 0
        ? { kind: 'weekdays' as const, days: [0, 2, 4] }
        : i % 10 === 1
          ? { kind: 'monthdays' as const, days: [1, 15, 30] }
          : 'daily'
    const a = await P.createAssignment(actor, project.id, {
      equipmentId: unit.id,
      dailyRate: `${10 + (i % 17)}.${String(i % 100).padStart(2, '0')}`,
      frequency,
      operationStart: i % 4 === 0 ? day(1 + (i % 20)) : '2025-12-01',
    })
    units.push({ id: unit.id, assignment: a.id })
  }
  const serviceItems = []
  for (let i = 0; i < 10; i++)
    serviceItems.push(
      await P.createEquipment(actor, { code: `LOAD-SERV-${i}`, name: `Servicio ${i}`, kind: 'service' }),
    )
  const services: string[] = []
  for (let i = 0; i < 100; i++) {
    const a = await P.createAssignment(actor, project.id, {
      equipmentId: serviceItems[i % 10]!.id,
      dailyRate: '25.00',
      linkedEquipmentId: units[i]!.id,
      operationStart: '2025-12-01',
    })
    services.push(a.id)
  }
  // a few units leave mid-month (their linked services retire with them)
  for (let i = 150; i < 160; i++)
    await P.retireAssignment(actor, units[i]!.assignment, { date: day(12 + (i % 10)), reason: 'Fin' })
  for (let i = 0; i < 300; i++) {
    await D.createCustodyChain(actor, {
      projectId: project.id,
      activityDate: day(1 + (i % 31)),
      assignmentIds: [services[i % 100]!, services[(i * 7) % 100]!],
      volumeUnit: 'gallons',
      volume: String(100 + (i % 90)),
      logisticsCost: i % 3 === 0 ? '35.50' : '0',
    })
  }
  for (let i = 0; i < 100; i++) {
    await D.createMaintenanceSheet(actor, {
      projectId: project.id,
      startDate: day(1 + (i % 31)),
      totalCost: `${50 + i}.25`,
      logisticsCost: i % 2 ? '20.00' : '0',
    })
    await D.createShippingGuide(actor, {
      projectId: project.id,
      issueDate: day(1 + (i % 31)),
      transportCost: `${80 + i}.00`,
      stowageCost: i % 2 ? '15.00' : '0',
    })
  }
  console.log(
    `setup (300 assignments, 500 documents, through the services) on ${database.kind}: ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
  )

  const B = billing.service
  let started = performance.now()
  const sheet = await B.createSheet(actor, {
    projectId: project.id,
    periodStart: '2026-01-01',
    periodEnd: '2026-01-31',
  })
  console.log(
    `create (first computation, ${sheet.lines.length} lines written): ${(performance.now() - started).toFixed(1)} ms — ` +
      `subtotal ${sheet.subtotal}, IVA ${sheet.tax}, total ${sheet.total}, ${sheet.gallons} gal`,
  )

  const recompute: number[] = []
  for (let i = 0; i < RUNS; i++) {
    started = performance.now()
    await db.transaction().execute((trx) => B.recomputeOpenSheets(trx, actor, { projectId: project.id }))
    recompute.push(performance.now() - started)
  }
  console.log(`recompute (300 assignments, 500 documents, nothing changed): ${stats(recompute)}`)

  const edits: number[] = []
  const rentalLines = sheet.lines.filter((l) => l.kind === 'rental')
  for (let i = 0; i < RUNS; i++) {
    const line = rentalLines[i % rentalLines.length]!
    const dates = line.allowedDates.filter((_, j) => (j + i) % 2 === 0)
    started = performance.now()
    await B.setLineDays(actor, sheet.id, line.id, { dates })
    edits.push(performance.now() - started)
  }
  console.log(`day edit use case (validate, store, recompute, write, audit, read back): ${stats(edits)}`)
} finally {
  await database.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
