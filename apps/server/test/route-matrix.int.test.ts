/**
 * Walks every registered route: anonymous → 401; a role without the route's permission → 403;
 * another organization's record → 404 (samples live in the route's home organization, see samples.ts). A new route without a permission, or with path params but
 * without a sample below, fails this test until it is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type TRole } from '@faena/contracts'
import { ROLE_PERMISSIONS, type Permission } from '../src/platform/access'
import type { RegisteredRoute } from '../src/app'
import { createTestApp, type TestApp } from './harness'
import { createSamples, type Samples } from './samples'

let t: TestApp
let samples: Samples
let apiRoutes: RegisteredRoute[]
beforeAll(async () => {
  t = await createTestApp()
  samples = await createSamples(t)
  apiRoutes = t.app.registeredRoutes.filter(
    (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'),
  )
})
afterAll(async () => t.close())

const configOf = (r: RegisteredRoute) =>
  (r.config ?? {}) as { public?: boolean; permission?: Permission | 'session' }
const PUBLIC = new Set(['GET /api/health', 'POST /api/v1/auth/login'])

describe('route matrix', () => {
  it('knows the routes (sanity)', () => {
    expect(apiRoutes.length).toBeGreaterThan(10)
  })

  it('only health and login are public; every other route declares a permission', () => {
    for (const r of apiRoutes) {
      const key = `${r.method} ${r.url}`
      const c = configOf(r)
      if (PUBLIC.has(key)) expect(c.public, key).toBe(true)
      else {
        expect(c.public, key).toBeFalsy()
        expect(c.permission, `${key} declares no permission`).toBeTruthy()
      }
    }
  })

  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const r of apiRoutes.filter((x) => !configOf(x).public)) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: samples.fill(r.url, 'offshore'),
        payload: samples.body(r),
      })
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401)
      expect(res.json().error.code).toBe('UNAUTHENTICATED')
    }
  })

  it('answers 403 to a signed-in role without the permission', async () => {
    let checked = 0
    for (const r of apiRoutes) {
      const permission = configOf(r).permission
      if (!permission || permission === 'session') continue
      const role = ROLES.find((x: TRole) => !ROLE_PERMISSIONS[x].includes(permission))
      if (!role) continue // every role has it
      const cookie = await t.login(`${role}@offshore.test`)
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: samples.fill(r.url, 'offshore'),
        headers: { cookie },
        payload: samples.body(r),
      })
      expect(res.statusCode, `${r.method} ${r.url} as ${role}`).toBe(403)
      checked++
    }
    expect(checked).toBeGreaterThan(5)
  })

  it("answers 404 for another organization's records", async () => {
    // samples live in the route's home organization (demo-rental for rental routes); ask from the other one
    const otherAdmin = {
      offshore: await t.login('admin@rental.test'),
      rental: await t.login('admin@offshore.test'),
    }
    let checked = 0
    for (const r of apiRoutes.filter((x) => x.url.includes('/:'))) {
      if (configOf(r).public) continue
      const home = samples.homeOrg(r.url)
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: samples.fill(r.url, home),
        headers: { cookie: otherAdmin[home] },
        payload: samples.body(r),
      })
      expect(res.statusCode, `${r.method} ${r.url}: ${res.body.slice(0, 200)}`).toBe(404)
      checked++
    }
    expect(checked).toBeGreaterThan(3)
  })
})
