/**
 * Row-level security (docs/platform.md#row-level-security): inside an organization's scope a query that
 * forgets its `org_id` filter still sees only that organization; writing another organization's id is
 * refused; the system (no scope) sees everything, also on a connection an organization used before; a
 * route's handler runs in its caller's organization (through app.inject and through a real socket, with a
 * body); every table with an `org_id` column has the policy.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TBackupStatus } from '@faena/contracts'
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness'
import { buildApp } from '../../app'
import { openArchive } from '../backup'
import { createLocalFileStore } from '../files/file-store'
import { APP_ROLE, currentOrgId, runAsSystem, runInOrg } from './org-scope'
import { ensureRowSecurity, ORG_POLICY } from './row-security'

let t: TestApp
let offshore: string
let rental: string

beforeAll(async () => {
  t = await createTestApp()
  offshore = await t.orgId('demo-offshore')
  rental = await t.orgId('demo-rental')
})
afterAll(async () => t?.close())

const orgsOf = (rows: { org_id: string }[]) => [...new Set(rows.map((r) => r.org_id))].sort()

describe('the database', () => {
  it('has the policy and row-level security on every table with an org_id column', async () => {
    const { rows } = await sql<{ table: string; rls: boolean; policy: boolean }>`
      select c.relname as table, c.relrowsecurity as rls,
        exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = ${ORG_POLICY}) as policy
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(t.db)
    expect(rows.length).toBeGreaterThan(50)
    expect(rows.filter((r) => !r.rls || !r.policy)).toEqual([])
    const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }>`
      select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = ${APP_ROLE}`.execute(t.db)
    expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcanlogin: false }])
  })

  it('ensures again without error (idempotent) and covers a table added later', async () => {
    await sql`create table rls_probe (id serial primary key, org_id uuid not null)`.execute(t.db)
    await sql`insert into rls_probe (org_id) values (${offshore}), (${rental})`.execute(t.db)
    const again = await ensureRowSecurity(t.db)
    expect(again.role).toBe(true)
    const seen = await runInOrg(rental, () =>
      sql<{ org_id: string }>`select org_id from rls_probe`.execute(t.db),
    )
    expect(orgsOf(seen.rows)).toEqual([rental])
    await sql`drop table rls_probe`.execute(t.db)
  })
})

describe('inside an organization', () => {
  it('an unscoped select sees only that organization; a filter on the other one finds nothing', async () => {
    const users = await runInOrg(offshore, () => t.db.selectFrom('users').select('org_id').execute())
    expect(orgsOf(users)).toEqual([offshore])
    for (const table of ['users', 'sessions', 'audit_log', 'clients', 'units', 'proposals'] as const) {
      const other = await runInOrg(offshore, () =>
        t.db.selectFrom(table).select('org_id').where('org_id', '=', rental).execute(),
      )
      expect(other, table).toEqual([])
    }
    const proposals = await runInOrg(rental, () => t.db.selectFrom('proposals').select('org_id').execute())
    expect(orgsOf(proposals)).not.toContain(offshore)
  })

  it("refuses to write the other organization's id, and to move a row there", async () => {
    const insert = runInOrg(offshore, () =>
      t.db
        .insertInto('units')
        .values({ org_id: rental, key: 'RLS', normalized_key: 'rls', description: 'no' })
        .execute(),
    )
    await expect(insert).rejects.toThrow(/row-level security/)
    const move = runInOrg(offshore, () =>
      t.db.transaction().execute((trx) => trx.updateTable('units').set({ org_id: rental }).execute()),
    )
    await expect(move).rejects.toThrow(/row-level security/)
  })

  it('a transaction opened in the scope runs in it', async () => {
    const rows = await runInOrg(rental, () =>
      t.db.transaction().execute((trx) => trx.selectFrom('users').select('org_id').execute()),
    )
    expect(orgsOf(rows)).toEqual([rental])
  })

  it('the system sees every organization, also on connections an organization used just before', async () => {
    // dirty as many connections as the pool has (10 on PostgreSQL, the one of the embedded database)
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        runInOrg(i % 2 ? offshore : rental, () =>
          t.db.transaction().execute((trx) => trx.selectFrom('users').select('id').execute()),
        ),
      ),
    )
    const all = await Promise.all(
      Array.from({ length: 12 }, () => t.db.selectFrom('users').select('org_id').execute()),
    )
    for (const rows of all) expect(orgsOf(rows)).toEqual([offshore, rental].sort())
    // pg's own pool.query (pg-boss's way in) goes through the same switch
    const raw = await runInOrg(offshore, () => t.database.pool.query('select distinct org_id from users'))
    expect(raw.rows).toEqual([{ org_id: offshore }])
    const rawSystem = await t.database.pool.query<{ n: number }>(
      'select count(distinct org_id)::int as n from users',
    )
    expect(rawSystem.rows[0]?.n).toBe(2)
    // runAsSystem leaves a scope
    const fromInside = await runInOrg(offshore, () =>
      runAsSystem(() => t.db.selectFrom('users').select('org_id').execute()),
    )
    expect(orgsOf(fromInside)).toHaveLength(2)
  })
})

describe('through HTTP', () => {
  it("a route's handler runs in its caller's organization: an unscoped query sees only it", async () => {
    const proposals = t.app.services.proposals
    const original = proposals.listProposals
    const seen: { org: string | undefined; orgs: string[] }[] = []
    proposals.listProposals = async (...args) => {
      const rows = await t.db.selectFrom('users').select('org_id').execute()
      seen.push({ org: currentOrgId(), orgs: orgsOf(rows) })
      return original(...args)
    }
    try {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/proposals',
        headers: { cookie: await t.login('manager@offshore.test') },
      })
      expect(res.statusCode).toBe(200)
      expect(seen).toEqual([{ org: offshore, orgs: [offshore] }])
    } finally {
      proposals.listProposals = original
    }
  })

  it('also over a real socket with a request body, which Node reads in another async context', async () => {
    const auth = t.app.services.auth
    const original = auth.setLocale
    const seen: string[][] = []
    auth.setLocale = async (...args) => {
      seen.push(orgsOf(await t.db.selectFrom('users').select('org_id').execute()))
      return original(...args)
    }
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const cookie = await t.login('admin@rental.test')
      const res = await fetch(`${address}/api/v1/auth/me/preferences`, {
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ locale: 'es' }),
      })
      expect(res.status).toBe(200)
      expect(seen).toEqual([[rental]])
      // and the next request's session look-up (the system) still finds the session of the other org
      const me = await fetch(`${address}/api/v1/auth/me`, {
        headers: { cookie: await t.login('manager@offshore.test') },
      })
      expect(me.status).toBe(200)
    } finally {
      auth.setLocale = original
    }
  })
})

describe('the system inside a request', () => {
  it("the backup an admin starts from the backups page holds every organization's rows", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-rls-backup-'))
    const app = await buildApp({
      database: t.database,
      config: {
        uploadLimitBytes: 1024 * 1024,
        secureCookies: false,
        publicOrigin: undefined,
        logLevel: 'silent',
      },
      fileStore: createLocalFileStore(path.join(tmp, 'files')),
      logger: false,
      secretKey: crypto.randomBytes(32),
      backup: { dir: path.join(tmp, 'backups'), keep: 2, hour: 2 },
    })
    try {
      await app.ready()
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'admin@offshore.test', password: TEST_PASSWORD },
      })
      const cookie = `faena_session=${login.cookies.find((c) => c.name === 'faena_session')?.value}`
      const res = await app.inject({ method: 'POST', url: '/api/v1/admin/backups', headers: { cookie } })
      expect(res.statusCode, res.body).toBe(202)
      let status: TBackupStatus | undefined
      for (let tries = 0; tries < 300 && status?.runs[0]?.status !== 'done'; tries++) {
        await new Promise((r) => setTimeout(r, 100))
        status = (
          await app.inject({ method: 'GET', url: '/api/v1/admin/backups', headers: { cookie } })
        ).json()
        expect(status?.runs[0]?.status).not.toBe('failed')
      }
      const archive = path.join(tmp, 'backups', status?.runs[0]?.archive ?? '?')
      const manifest = await openArchive(archive, fs.mkdtempSync(path.join(tmp, 'work-')))
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from users`.execute(t.db)
      const offshoreOnly = await runInOrg(offshore, () => t.db.selectFrom('users').select('id').execute())
      expect(offshoreOnly.length).toBeLessThan(rows[0]!.n)
      expect(manifest.tables.find((x) => x.name === 'users')?.rows).toBe(rows[0]!.n)
    } finally {
      await app.close()
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  })
})
