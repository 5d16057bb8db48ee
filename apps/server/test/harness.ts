import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { inject } from 'vitest'
import { buildApp } from '../src/app'
import { createDb, type Database } from '../src/platform/db/create-db'
import { createLocalFileStore } from '../src/platform/files/file-store'
import { findOrganizationBySlug } from '../src/platform/tenancy/organizations'
import { TEST_PASSWORD } from './constants'

export { TEST_PASSWORD }

export type TestApp = {
  app: FastifyInstance
  database: Database
  db: Database['db']
  /** logs in a demo user (e.g. `manager@offshore.test`) and returns the Cookie header to send */
  login: (email: string, password?: string) => Promise<string>
  orgId: (slug: 'demo-offshore' | 'demo-rental') => Promise<string>
  close: () => Promise<void>
}

/**
 * A fresh app on its own copy of the migrated, demo-seeded test database (PGlite or PostgreSQL,
 * chosen by the vitest project). Call once per test file (beforeAll) and close it in afterAll.
 */
export async function createTestApp(
  opts: { clock?: () => Date; webDir?: string; trustProxy?: string[]; mailRetryDelaysMs?: number[] } = {},
): Promise<TestApp> {
  const kind = inject('testDb')
  let database: Database
  let dropCopy = async () => {}
  if (kind === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteDump'))
    database = await createDb({ loadDataDir: new Blob([dump]) })
  } else {
    const template = inject('postgresTemplate')
    const copy = `${template}_${crypto.randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${template}`)
    const url = new URL(inject('postgresAdminUrl'))
    url.pathname = `/${copy}`
    database = await createDb({ databaseUrl: url.toString() })
    dropCopy = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`)
      await admin.end()
    }
  }
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-files-'))
  const app = await buildApp({
    database,
    config: {
      uploadLimitBytes: 5 * 1024 * 1024,
      secureCookies: false,
      publicOrigin: undefined,
      logLevel: 'silent',
      ...(opts.trustProxy ? { trustProxy: opts.trustProxy } : {}),
    },
    fileStore: createLocalFileStore(filesDir),
    logger: false,
    secretKey: crypto.randomBytes(32),
    ...(opts.mailRetryDelaysMs ? { mailRetryDelaysMs: opts.mailRetryDelaysMs } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.webDir ? { webDir: opts.webDir } : {}),
  })
  await app.ready()
  const cookies = new Map<string, string>()
  return {
    app,
    database,
    db: database.db,
    async login(email, password = TEST_PASSWORD) {
      const key = `${email}\n${password}`
      const cached = cookies.get(key)
      if (cached) return cached
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
      })
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`)
      const c = res.cookies.find((x) => x.name === 'faena_session')
      if (!c) throw new Error('no session cookie')
      const header = `faena_session=${c.value}`
      cookies.set(key, header)
      return header
    },
    async orgId(slug) {
      const org = await findOrganizationBySlug(database.db, slug)
      if (!org) throw new Error(`no org ${slug}`)
      return org.id
    },
    async close() {
      await app.close()
      await database.close()
      await dropCopy()
      fs.rmSync(filesDir, { recursive: true, force: true })
    },
  }
}
