/**
 * Races on unique keys answer 409, never 500: the error handler maps PostgreSQL unique (23505) and
 * foreign-key (23503) violations to CONFLICT naming the field, and every create route with a unique key
 * (users, catalogs, rental clients and equipment, work-order numbers, equipment assignments) gets
 * parallel duplicates: exactly one 201, the rest 409.
 */
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerErrorHandler } from '../src/platform/http/error-handler'
import { createTestApp, type TestApp } from './harness'
import { createSamples, type Samples } from './samples'

let t: TestApp
let samples: Samples
beforeAll(async () => {
  t = await createTestApp()
  samples = await createSamples(t)
})
afterAll(async () => t.close())

const PARALLEL = 8

describe('the error handler maps constraint violations', () => {
  it('unique → 409 naming the column; foreign key → 409; the values are not echoed', async () => {
    const orgId = await t.orgId('demo-offshore')
    const user = await t.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow()
    const app = Fastify({ logger: false })
    registerErrorHandler(app)
    app.post('/dup', async () =>
      t.db
        .insertInto('users')
        .values({ org_id: orgId, email: user.email, name: 'x', role: 'viewer', password_hash: 'x' })
        .execute(),
    )
    app.post('/fk', async () =>
      t.db
        .insertInto('sessions')
        .values({
          id: 'x',
          user_id: '00000000-0000-4000-8000-000000000000',
          org_id: orgId,
          expires_at: new Date(),
        })
        .execute(),
    )
    await app.ready()
    const dup = await app.inject({ method: 'POST', url: '/dup' })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().error).toMatchObject({ code: 'CONFLICT', details: [{ path: 'email' }] })
    expect(dup.body).not.toContain(user.email)
    const fk = await app.inject({ method: 'POST', url: '/fk' })
    expect(fk.statusCode).toBe(409)
    expect(fk.json().error).toMatchObject({ code: 'CONFLICT', details: [{ path: 'userId' }] })
    await app.close()
  })
})

/** Create routes with a unique key, as `METHOD url` (their sample body is the duplicate sent). */
const UNIQUE_CREATES = [
  'POST /api/v1/users',
  'POST /api/v1/catalogs/clients',
  'POST /api/v1/catalogs/project-managers',
  'POST /api/v1/catalogs/types',
  'POST /api/v1/catalogs/statuses',
  'POST /api/v1/catalogs/fronts',
  'POST /api/v1/catalogs/sites',
  'POST /api/v1/catalogs/units',
  'POST /api/v1/catalogs/proposal-step-templates',
  'POST /api/v1/catalogs/work-order-step-templates',
  'POST /api/v1/work-orders',
  'POST /api/v1/rental/clients',
  'POST /api/v1/rental/equipment',
  'POST /api/v1/rental/projects/:id/assignments',
]

/**
 * Creates whose key is allocated by the server (document numbers) or checked against a state: several may
 * succeed, or all may be refused, but every answer is a 201 or a 409.
 */
const OTHER_CREATES = [
  'POST /api/v1/proposals',
  'POST /api/v1/proposals/:id/work-orders',
  'POST /api/v1/rental/projects',
  'POST /api/v1/rental/maintenance-sheets',
  'POST /api/v1/rental/custody-chains',
  'POST /api/v1/rental/shipping-guides',
  'POST /api/v1/rental/disposition-certificates',
  // one open sheet per project: the sample project's sheet is open, so all are refused
  'POST /api/v1/rental/billing-sheets',
]

async function fire(key: string, cookies: Record<'offshore' | 'rental', string>) {
  const route = t.app.registeredRoutes.find((r) => `${r.method} ${r.url}` === key)
  if (!route) throw new Error(`no route ${key}: update the lists`)
  const url = samples.fill(route.url)
  const body = samples.body(route)
  expect(body, `${route.url} has a sample body`).toBeDefined()
  const cookie = cookies[samples.homeOrg(route.url)]
  const rs = await Promise.all(
    Array.from({ length: PARALLEL }, () =>
      t.app.inject({ method: 'POST', url, headers: { cookie }, payload: body as object }),
    ),
  )
  for (const r of rs) {
    expect([201, 409], `${key} → ${r.statusCode} ${r.body.slice(0, 300)}`).toContain(r.statusCode)
    if (r.statusCode === 409) expect(r.json().error.code).toMatch(/CONFLICT|INVALID_STATE/)
  }
  return rs.map((r) => r.statusCode)
}

describe('parallel duplicates at every create route with a unique key', () => {
  const cookies = async () => ({
    offshore: await t.login('admin@offshore.test'),
    rental: await t.login('admin@rental.test'),
  })

  it('get exactly one 201 and 409 for the rest, never a 500', async () => {
    const c = await cookies()
    for (const key of UNIQUE_CREATES) {
      const codes = await fire(key, c)
      expect(
        codes.filter((x) => x === 201),
        `${key}: ${codes.join(',')}`,
      ).toHaveLength(1)
    }
  })

  it('creates with server-allocated numbers or state checks answer 201 or 409, never a 500', async () => {
    const c = await cookies()
    for (const key of OTHER_CREATES) await fire(key, c)
  })
})
