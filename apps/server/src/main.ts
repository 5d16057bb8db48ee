import path from 'node:path'
import { parseArgs } from 'node:util'
import { ZCreateUserRequest } from '@faena/contracts'
import { buildApp, DEFAULT_WEB_DIR } from './app'
import { demoSeeders } from './demo-seeders'
import { systemActor } from './platform/access'
import { createUserRecord } from './platform/auth/users.service'
import { loadConfig, type Config } from './platform/config'
import { createDb, type Database } from './platform/db/create-db'
import { migrateToLatest } from './platform/db/migrate'
import { createLocalFileStore } from './platform/files/file-store'
import { seedDemo, writeDemoCredentials } from './platform/seed/demo'
import { findOrganizationBySlug } from './platform/tenancy/organizations'

const USAGE = `Usage: faena <command> [options]

Commands:
  serve                     serve the UI and API (default port 3000)
  migrate                   apply pending database migrations
  seed --demo               create the demo organizations and users
  user:create --org <slug> --email <email> --role <role> --password <password> [--name <name>]

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
  return createDb({ databaseUrl: config.databaseUrl, pgliteDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite') })
}

async function serve(config: Config) {
  const database = await openDatabase(config)
  await migrateToLatest(database.db)
  let seeded: Awaited<ReturnType<typeof seedDemo>> | undefined
  if (database.kind === 'pglite') {
    seeded = await seedDemo(database.db, { password: config.demoPassword, seeders: demoSeeders })
  }
  const app = await buildApp({
    database,
    config,
    fileStore: createLocalFileStore(path.join(config.dataDir, 'files')),
    webDir: DEFAULT_WEB_DIR,
  })
  const shutdown = async () => {
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
  await app.listen({ port: config.port, host: config.host })
  const url = `http://localhost:${config.port}`
  const lines = [``, `Faena is running at ${url}  (database: ${database.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`, `API docs: ${url}/api/docs`]
  if (database.kind === 'pglite') {
    lines.push('Demo logins: <role>@offshore.test and <role>@rental.test, roles admin, manager, supervisor, operator, billing, viewer')
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

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config)
  try {
    return await fn(database)
  } finally {
    await database.close()
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv
  const config = loadConfig()
  switch (command) {
    case undefined:
    case 'serve':
      return serve(config)
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
        if (r.passwordGenerated) console.log(`Password: ${r.password}  (written to ${writeDemoCredentials(config.dataDir, r)})`)
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
        const user = await db.transaction().execute((trx) => createUserRecord(trx, systemActor(org.id), parsed.data))
        console.log(`Created ${user.email} (${user.role}) in ${org.slug}`)
      })
    }
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
