import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { demoSeeders } from '../src/demo-seeders'
import { createDb } from '../src/platform/db/create-db'
import { migrateToLatest } from '../src/platform/db/migrate'
import { seedDemo } from '../src/platform/seed/demo'
import { TEST_PASSWORD } from './constants'

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: 'pglite' | 'postgres'
    pgliteDump: string
    postgresTemplate: string
    postgresAdminUrl: string
  }
}

export const postgresAdminUrl = () =>
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * Builds one migrated, demo-seeded database per run; every test file starts from a copy of it:
 * a PGlite data-dir dump (loadDataDir) or a PostgreSQL template database (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const kind = project.name.endsWith('postgres') ? 'postgres' : 'pglite'
  project.provide('testDb', kind)
  project.provide('postgresAdminUrl', postgresAdminUrl())
  if (kind === 'pglite') {
    const database = await createDb({})
    await migrateToLatest(database.db)
    await seedDemo(database.db, { password: TEST_PASSWORD, seeders: demoSeeders })
    const dump = await dumpPglite(database)
    const file = path.join(os.tmpdir(), `faena-test-${process.pid}-${Date.now()}.tar.gz`)
    fs.writeFileSync(file, dump)
    await database.close()
    project.provide('pgliteDump', file)
    project.provide('postgresTemplate', '')
    return () => fs.rmSync(file, { force: true })
  }
  const template = `faena_tpl_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: postgresAdminUrl() })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${template}`)
  const url = new URL(postgresAdminUrl())
  url.pathname = `/${template}`
  const database = await createDb({ databaseUrl: url.toString() })
  await migrateToLatest(database.db)
  await seedDemo(database.db, { password: TEST_PASSWORD, seeders: demoSeeders })
  await database.close()
  project.provide('pgliteDump', '')
  project.provide('postgresTemplate', template)
  return async () => {
    // Drop the template and every copy made from it in this run.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`${template}\\_%`, template],
    )
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`)
    await admin.end()
  }
}

async function dumpPglite(database: Awaited<ReturnType<typeof createDb>>): Promise<Buffer> {
  if (!database.pglite) throw new Error('not an embedded database')
  const blob = await database.pglite.dumpDataDir('gzip')
  return Buffer.from(await blob.arrayBuffer())
}
