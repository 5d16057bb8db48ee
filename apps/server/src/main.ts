import { spawn } from 'node:child_process'
import path from 'node:path'
import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { ZCreateUserRequest } from '@faena/contracts'
import { buildApp, DEFAULT_WEB_DIR, VERSION } from './app'
import { demoSeeders } from './demo-seeders'
import { findWorkOrdersByNumber } from './modules/work-orders'
import { systemActor } from './platform/access'
import { createUserRecord } from './platform/auth/users.service'
import { loadConfig, type Config } from './platform/config'
import { AppError } from './platform/errors'
import { createDb, type Database } from './platform/db/create-db'
import { migrateToLatest } from './platform/db/migrate'
import { createLocalFileStore } from './platform/files/file-store'
import { seedDemo, writeDemoCredentials } from './platform/seed/demo'
import { loadSecretKey } from './platform/secret-box'
import { startupMark } from './platform/startup-timing'
import { backupCommand, restoreCommand } from './platform/backup/cli'
import { loadBackupSettings, markServing } from './platform/backup'
import { findOrganizationBySlug } from './platform/tenancy/organizations'
import { buildServices } from './services'

const USAGE = `Usage: faena <command> [options]

Commands:
  serve                     serve the UI and API (default port 3000)
  start                     build the web app while the server starts, then serve (what npm start runs)
  migrate                   apply pending database migrations
  seed --demo               create the demo organizations and users
  user:create --org <slug> --email <email> --role <role> --password <password> [--name <name>]
  import:work-orders --org <slug> FILE [--json]
                            historical work orders (OT_IMPORTAR.xlsx format); re-running changes nothing
  import:concepts --org <slug> --kind contract|extraordinary FILE [--json]
                            contract concept catalog (Anexo C workbook) or PUE workbook; all or nothing,
                            exit code 1 when the file is rejected (every bad row is printed)
  import:annex --org <slug> --work-order <number> [--reprogramming <n>] FILE [--json]
                            a work order's Anexo C: imported and confirmed as its active version; a
                            rejected file saves nothing, writes Errores_Importacion_<OT>.xlsx here, exit code 1
  import:schedule --org <slug> --work-order <number> [--reprogramming <n>] FILE [--json]
                            a work order's MS Project schedule (.mpp or MSPDI .xml) as its new active version
  backup [--out FILE] [--json]
                            one archive of the database and its files (default: FAENA_BACKUP_DIR)
  restore FILE [--into DIR] [--force] [--json]
                            loads an archive into an empty database (DIR, else DATABASE_URL, else FAENA_DATA_DIR)

Environment: PORT, FAENA_DATA_DIR, DATABASE_URL, FAENA_DEMO_PASSWORD (see README).`

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message)
  }
}

async function openDatabase(config: Config): Promise<Database> {
  return createDb({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
  })
}

/** `vite build` of the web app in a child process (what `npm run build -w @faena/web` does). */
function buildWebApp(): Promise<void> {
  const repoRoot = path.resolve(DEFAULT_WEB_DIR, '../../..')
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '-w', '@faena/web'], { cwd: repoRoot, stdio: 'inherit' })
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the web build failed (exit ${code})`)),
    )
  })
}

/**
 * `faena serve`; with `buildWeb` (`faena start`), the web app is built at the same time as the database opens,
 * migrates and seeds, and the server listens once both are done (docs/architecture.md#start-up).
 */
async function serve(config: Config, { buildWeb = false } = {}) {
  startupMark('code loaded')
  const webBuilt = buildWeb ? buildWebApp() : Promise.resolve()
  // reported below, after the database work; not an unhandled rejection meanwhile
  webBuilt.catch(() => undefined)
  const database = await openDatabase(config)
  startupMark('database open')
  await migrateToLatest(database.db)
  startupMark('migrated')
  let seeded: Awaited<ReturnType<typeof seedDemo>> | undefined
  if (database.kind === 'pglite') {
    seeded = await seedDemo(database.db, { password: config.demoPassword, seeders: demoSeeders })
    startupMark('seeded')
  }
  await webBuilt
  if (buildWeb) startupMark('web built')
  const app = await buildApp({
    database,
    config,
    fileStore: createLocalFileStore(path.join(config.dataDir, 'files')),
    webDir: DEFAULT_WEB_DIR,
    backup: loadBackupSettings(process.env, config.dataDir),
    backupRequestsFor: database.kind === 'pglite' ? config.dataDir : undefined,
    startJobsInBackground: true,
    secretKey: loadSecretKey({ envKey: config.secretKey, dataDir: config.dataDir }),
  })
  startupMark('app built')
  if (database.kind === 'pglite') markServing(config.dataDir)
  const shutdown = async () => {
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
  await app.listen({ port: config.port, host: config.host })
  startupMark('listening')
  const url = `http://localhost:${config.port}`
  const lines = [
    ``,
    `Faena is running at ${url}  (database: ${database.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`,
    `API docs: ${url}/api/docs`,
  ]
  if (database.kind === 'pglite') {
    lines.push(
      'Demo logins: <role>@offshore.test and <role>@rental.test, roles admin, manager, supervisor, operator, billing, viewer',
    )
    if (seeded && seeded.created.length > 0 && seeded.passwordGenerated) {
      const file = writeDemoCredentials(config.dataDir, seeded)
      lines.push(`Demo password (shown once): ${seeded.password}   — also written to ${file}`)
    } else if (config.demoPassword) {
      lines.push('Demo password: the value of FAENA_DEMO_PASSWORD')
    } else {
      lines.push(`Demo password: see ${path.join(config.dataDir, 'demo-credentials.txt')}`)
    }
  }
  console.log(lines.join('\n') + '\n')
}

/** The CLI's log for the services that report (nothing runs in the background here). */
const cliLog = {
  error: (obj: object, msg: string) => console.error(msg, obj),
  warn: (obj: object, msg: string) => console.warn(msg, obj),
  info: (obj: object, msg: string) => console.log(msg, obj),
}

/** Every service as the server builds it (services.ts: every port wired), on this database and the data directory's files. */
const servicesOf = (config: Config, database: Database) =>
  buildServices({
    database,
    fileStore: createLocalFileStore(path.join(config.dataDir, 'files')),
    log: cliLog,
    faenaVersion: VERSION,
    secretKey: loadSecretKey({ envKey: config.secretKey, dataDir: config.dataDir }),
  })

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config)
  try {
    return await fn(database)
  } finally {
    await database.close()
  }
}

/** `faena import:work-orders --org <slug> FILE [--json]`: the historical work orders, as the system user. */
async function importWorkOrders(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { org: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  if (!values.org) throw new CliError('--org <slug> is required')
  const file = positionals[0]
  if (!file || positionals.length > 1) throw new CliError('import:work-orders needs exactly one FILE')
  const bytes = await readFile(file).catch(() => {
    throw new CliError(`Cannot read ${file}`, 1)
  })
  return withDatabase(config, async (database) => {
    const org = await findOrganizationBySlug(database.db, values.org ?? '')
    if (!org) throw new CliError(`Organization "${values.org}" not found`, 1)
    const service = servicesOf(config, database).workOrders
    const started = Date.now()
    let r: Awaited<ReturnType<typeof service.importHistory>>
    try {
      r = await service.importHistory(systemActor(org.id), bytes)
    } catch (err) {
      if (err instanceof AppError) {
        const details = Array.isArray(err.details) ? (err.details as { path: string; message: string }[]) : []
        if (values.json)
          console.log(JSON.stringify({ error: { code: err.code, message: err.message, details } }, null, 2))
        throw new CliError(
          [err.message, ...details.slice(0, 50).map((d) => `  ${d.path}: ${d.message}`)].join('\n'),
          1,
        )
      }
      throw err
    }
    if (values.json) return console.log(JSON.stringify(r, null, 2))
    const withIssues = r.rows.filter((x) => x.issues.length > 0)
    console.log(
      `${org.slug}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.errors} errors ` +
        `(${r.families} families, ${r.placeholderProposals} placeholder proposals) in ${Date.now() - started} ms`,
    )
    for (const x of withIssues)
      for (const i of x.issues)
        console.log(`  row ${x.rowNumber} ${x.number ?? ''}: ${i.field}: ${i.message}`)
  })
}

/** `faena import:concepts --org <slug> --kind contract|extraordinary FILE [--json]`, as the system user. */
async function importConcepts(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { org: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  if (!values.org) throw new CliError('--org <slug> is required')
  const kind = values.kind
  if (kind !== 'contract' && kind !== 'extraordinary')
    throw new CliError('--kind must be contract or extraordinary')
  const file = positionals[0]
  if (!file || positionals.length > 1) throw new CliError('import:concepts needs exactly one FILE')
  const bytes = await readFile(file).catch(() => {
    throw new CliError(`Cannot read ${file}`, 1)
  })
  return withDatabase(config, async (database) => {
    await migrateToLatest(database.db)
    const org = await findOrganizationBySlug(database.db, values.org ?? '')
    if (!org) throw new CliError(`Organization "${values.org}" not found`, 1)
    const service = servicesOf(config, database).concepts.service
    let r: Awaited<ReturnType<typeof service.importConcepts>>
    try {
      r = await service.importConcepts(systemActor(org.id), { kind, fileName: path.basename(file), bytes })
    } catch (err) {
      if (err instanceof AppError) {
        const details = Array.isArray(err.details) ? (err.details as { path: string; message: string }[]) : []
        if (values.json)
          console.log(JSON.stringify({ error: { code: err.code, message: err.message, details } }, null, 2))
        throw new CliError([err.message, ...details.map((d) => `  ${d.path}: ${d.message}`)].join('\n'), 1)
      }
      throw err
    }
    if (values.json) console.log(JSON.stringify(r, null, 2))
    else {
      const verb = r.status === 'saved' ? 'saved' : 'REJECTED, nothing saved'
      console.log(
        `${org.slug} ${r.fileName} (${r.kind}): ${verb}. ${r.concepts} concepts: ${r.created} created, ${r.updated} updated, ` +
          `${r.unchanged} unchanged; ${r.skipped} rows skipped; ${r.notInFile} in the catalog but not in the file; ` +
          `${r.errors.length} errors; ${r.durationMs} ms`,
      )
      for (const a of r.annexes) console.log(`  ${a.annex}: ${a.concepts}`)
      for (const n of r.notes) console.log(`  note ${n.sheet}!${n.row}: ${n.message}`)
      for (const e of r.errors) console.log(`  error ${e.sheet}!${e.row} ${e.field}: ${e.message}`)
    }
    if (r.status === 'rejected') process.exitCode = 1
  })
}

type WorkOrderImportArgs = {
  org: string
  number: string
  reprogramming: number | null
  file: string
  bytes: Buffer
  json: boolean
}

/** The arguments shared by `import:annex` and `import:schedule`. */
async function workOrderImportArgs(command: string, args: string[]): Promise<WorkOrderImportArgs> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      org: { type: 'string' },
      'work-order': { type: 'string' },
      reprogramming: { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  })
  if (!values.org) throw new CliError('--org <slug> is required')
  if (!values['work-order']) throw new CliError('--work-order <number> is required')
  const reprogramming = values.reprogramming === undefined ? null : Number(values.reprogramming)
  if (reprogramming !== null && !(Number.isInteger(reprogramming) && reprogramming >= 1))
    throw new CliError('--reprogramming must be 1, 2, …')
  const file = positionals[0]
  if (!file || positionals.length > 1) throw new CliError(`${command} needs exactly one FILE`)
  const bytes = await readFile(file).catch(() => {
    throw new CliError(`Cannot read ${file}`, 1)
  })
  return {
    org: values.org,
    number: values['work-order'],
    reprogramming,
    file,
    bytes,
    json: values.json ?? false,
  }
}

/** Organization, system actor, work order (the initial one of that number, or its reprogramming n) and the services. */
async function workOrderImportContext(config: Config, database: Database, a: WorkOrderImportArgs) {
  const { db } = database
  await migrateToLatest(db)
  const org = await findOrganizationBySlug(db, a.org)
  if (!org) throw new CliError(`Organization "${a.org}" not found`, 1)
  const found = await findWorkOrdersByNumber(db, org.id, a.number)
  const wo = found.find((w) => w.reprogrammingNumber === a.reprogramming)
  if (!wo)
    throw new CliError(
      `Work order "${a.number}"${a.reprogramming ? ` reprogramming ${a.reprogramming}` : ''} not found in ${org.slug}`,
      1,
    )
  const services = servicesOf(config, database)
  return { org, actor: systemActor(org.id), wo, files: services.files, services }
}

const appErrorToCli = (err: unknown, json: boolean): never => {
  if (err instanceof AppError) {
    const details = Array.isArray(err.details) ? (err.details as { path: string; message: string }[]) : []
    if (json)
      console.log(JSON.stringify({ error: { code: err.code, message: err.message, details } }, null, 2))
    throw new CliError(err.message, 1)
  }
  throw err
}

/** `faena import:annex --org <slug> --work-order <number> FILE [--json]`: imports AND confirms, as the system user. */
async function importAnnex(config: Config, args: string[]) {
  const a = await workOrderImportArgs('import:annex', args)
  return withDatabase(config, async (database) => {
    const { org, actor, wo, files, services } = await workOrderImportContext(config, database, a)
    const service = services.workOrderConcepts.service
    const r = await service
      .importAnnex(actor, wo.id, { fileName: path.basename(a.file), bytes: a.bytes })
      .catch((e: unknown) => appErrorToCli(e, a.json))
    if (r.outcome === 'rejected') {
      const d = r.rejection.details
      let written: string | null = null
      if (d.errorWorkbookFileId && d.errorWorkbookFileName) {
        written = path.resolve(d.errorWorkbookFileName)
        await writeFile(written, (await files.readFile(actor, d.errorWorkbookFileId)).bytes)
      }
      if (a.json)
        console.log(
          JSON.stringify(
            {
              status: 'rejected',
              workOrder: wo.number,
              message: r.rejection.message,
              ...d,
              errorWorkbookPath: written,
            },
            null,
            2,
          ),
        )
      else {
        console.log(`${org.slug} ${wo.number}: REJECTED, nothing saved. ${r.rejection.message}`)
        for (const b of d.rows.slice(0, 50)) console.log(`  row ${b.row}: ${b.messages.join(' | ')}`)
        if (d.badRowCount > 50) console.log(`  … ${d.badRowCount - 50} more`)
        if (written) console.log(`  error workbook: ${written}`)
      }
      process.exitCode = 1
      return
    }
    const confirmed = await service
      .confirmImport(actor, wo.id, r.detail.id)
      .catch((e: unknown) => appErrorToCli(e, a.json))
    const summary = {
      status: confirmed.status,
      workOrder: wo.number,
      importId: confirmed.id,
      version: confirmed.version,
      concepts: confirmed.conceptCount,
      plannedDays: confirmed.plannedDayCount,
      totals: confirmed.totals,
      baseVersion: confirmed.baseVersion,
      changes: confirmed.changes,
      reading: confirmed.reading,
      fileId: confirmed.fileId,
      durationMs: r.detail.durationMs,
    }
    if (a.json) return console.log(JSON.stringify(summary, null, 2))
    const c = confirmed.changes
    console.log(
      `${org.slug} ${wo.number}: version ${confirmed.version} active. ${confirmed.conceptCount} concepts, ${confirmed.plannedDayCount} planned days; ` +
        `MXN ${confirmed.totals.mxn}, USD ${confirmed.totals.usd}; against version ${confirmed.baseVersion ?? '—'}: ` +
        `${c.added} added, ${c.removed} removed, ${c.changed} changed, ${c.unchanged} unchanged; ${r.detail.durationMs ?? 0} ms`,
    )
    for (const w of confirmed.reading.warnings) console.log(`  note: ${w}`)
  })
}

/** `faena import:schedule --org <slug> --work-order <number> FILE [--json]`, as the system user. */
async function importSchedule(config: Config, args: string[]) {
  const a = await workOrderImportArgs('import:schedule', args)
  return withDatabase(config, async (database) => {
    const { org, actor, wo, services } = await workOrderImportContext(config, database, a)
    const service = services.schedules.service
    const r = await service
      .importSchedule(actor, wo.id, { fileName: path.basename(a.file), bytes: a.bytes })
      .catch((e: unknown) => appErrorToCli(e, a.json))
    if (a.json) return console.log(JSON.stringify({ workOrder: wo.number, ...r }, null, 2))
    console.log(
      `${org.slug} ${wo.number}: schedule version ${r.version} active. ${r.tasks} tasks, ${r.dependencies} dependencies, ` +
        `${r.project.minutesPerDay} min/day, ${r.project.startDate ?? '?'} → ${r.project.finishDate ?? '?'}; ${r.durationMs} ms`,
    )
    if (r.changes) {
      const c = r.changes
      console.log(
        `  against the previous version: ${c.addedTasks} tasks added, ${c.removedTasks} removed, ${c.changedTasks} changed; ${c.addedDependencies + c.removedDependencies + c.changedDependencies} dependency changes`,
      )
    }
    for (const w of r.warnings) console.log(`  note: ${w}`)
  })
}

async function main(argv: string[]) {
  const [command, ...rest] = argv
  const config = loadConfig()
  switch (command) {
    case undefined:
    case 'serve':
      return serve(config)
    case 'start':
      return serve(config, { buildWeb: true })
    case 'migrate':
      return withDatabase(config, async ({ db }) => {
        const applied = await migrateToLatest(db)
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date')
      })
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } }, strict: true })
      if (!values.demo) throw new CliError('seed needs --demo (the only seed there is)')
      return withDatabase(config, async ({ db }) => {
        await migrateToLatest(db)
        const r = await seedDemo(db, { password: config.demoPassword, seeders: demoSeeders })
        if (r.created.length === 0) return console.log('Demo organizations already exist; nothing changed')
        console.log(`Created ${r.created.join(', ')} with users:\n  ${r.logins.join('\n  ')}`)
        if (r.passwordGenerated)
          console.log(`Password: ${r.password}  (written to ${writeDemoCredentials(config.dataDir, r)})`)
      })
    }
    case 'user:create': {
      const { values } = parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          email: { type: 'string' },
          role: { type: 'string' },
          password: { type: 'string' },
          name: { type: 'string' },
        },
        strict: true,
      })
      if (!values.org) throw new CliError('--org <slug> is required')
      const parsed = ZCreateUserRequest.safeParse({
        email: values.email,
        role: values.role,
        password: values.password,
        name: values.name ?? values.email?.split('@')[0],
      })
      if (!parsed.success) {
        throw new CliError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'))
      }
      return withDatabase(config, async ({ db }) => {
        const org = await findOrganizationBySlug(db, values.org ?? '')
        if (!org) throw new CliError(`Organization "${values.org}" not found`, 1)
        const user = await db
          .transaction()
          .execute((trx) => createUserRecord(trx, systemActor(org.id), parsed.data))
        console.log(`Created ${user.email} (${user.role}) in ${org.slug}`)
      })
    }
    case 'import:work-orders':
      return importWorkOrders(config, rest)
    case 'import:concepts':
      return importConcepts(config, rest)
    case 'import:annex':
      return importAnnex(config, rest)
    case 'import:schedule':
      return importSchedule(config, rest)
    case 'backup':
      return backupCommand(config, rest, VERSION, (m, code) => new CliError(m, code))
    case 'restore':
      return restoreCommand(config, rest, (m, code) => new CliError(m, code))
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE)
      return
    default:
      throw new CliError(`Unknown command "${command}"\n\n${USAGE}`)
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof CliError) {
    console.error(`faena: ${err.message}`)
    process.exit(err.exitCode)
  }
  const message = err instanceof Error ? err.message : String(err)
  console.error(`faena: ${message}`)
  process.exit(1)
})
