import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

const login = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip })

describe('auth', () => {
  it('logs in with a session cookie that is HttpOnly and SameSite, and answers /me', async () => {
    const res = await login('admin@offshore.test', TEST_PASSWORD)
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'faena_session')
    expect(cookie?.httpOnly).toBe(true)
    expect(cookie?.sameSite).toBe('Lax')
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `faena_session=${cookie?.value}` },
    })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({
      user: { email: 'admin@offshore.test', role: 'admin' },
      organization: { slug: 'demo-offshore', currencies: ['MXN', 'USD'] },
    })
  })

  it('refuses a wrong password with 401 and audits the failure', async () => {
    const res = await login('viewer@rental.test', 'wrong-password')
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('UNAUTHENTICATED')
    const failed = await t.db
      .selectFrom('audit_log')
      .orderBy('id')
      .selectAll()
      .where('action', '=', 'auth.login_failed')
      .execute()
    expect(failed.some((r) => (r.data as { email: string }).email === 'viewer@rental.test')).toBe(true)
  })

  it('answers 429 after 10 failed logins for the same account and IP within 15 minutes', async () => {
    for (let i = 0; i < 10; i++)
      expect((await login('billing@rental.test', `nope-${i}`, '10.9.9.9')).statusCode).toBe(401)
    expect((await login('billing@rental.test', TEST_PASSWORD, '10.9.9.9')).statusCode).toBe(429)
    // another IP is not blocked for that account
    expect((await login('billing@rental.test', TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200)
  })

  it('rejects anonymous calls with 401 and the error envelope', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
  })

  it('logs out: the cookie no longer works', async () => {
    const cookie = await t.login('operator@offshore.test')
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(200)
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode,
    ).toBe(401)
  })

  it('refuses state-changing requests from another origin', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'admin@offshore.test', password: TEST_PASSWORD },
    })
    expect(res.statusCode).toBe(403)
  })

  it('sends security headers and a CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.json()).toMatchObject({ status: 'ok', db: t.database.kind })
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('changes the password; the old one stops working', async () => {
    const cookie = await t.login('supervisor@rental.test')
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'not-it-at-all', newPassword: 'another-password-2' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].path).toBe('currentPassword')
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'another-password-2' },
    })
    expect(ok.statusCode).toBe(200)
    expect((await login('supervisor@rental.test', TEST_PASSWORD, '10.1.1.1')).statusCode).toBe(401)
    expect((await login('supervisor@rental.test', 'another-password-2', '10.1.1.1')).statusCode).toBe(200)
  })
})

describe('users admin', () => {
  it('creates a user, changes the role, deactivates it (who then cannot log in), all audited', async () => {
    const cookie = await t.login('admin@rental.test')
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie },
      payload: {
        email: 'Nuevo@Rental.test',
        name: 'Nuevo Usuario',
        role: 'viewer',
        password: 'a-good-password',
      },
    })
    expect(created.statusCode).toBe(201)
    const user = created.json()
    expect(user.email).toBe('nuevo@rental.test')
    expect((await login('nuevo@rental.test', 'a-good-password', '10.2.2.2')).statusCode).toBe(200)

    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie },
      payload: { email: 'nuevo@rental.test', name: 'Otra', role: 'viewer', password: 'a-good-password' },
    })
    expect(dup.statusCode).toBe(409)

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: { cookie },
      payload: { role: 'billing', active: false },
    })
    expect(patched.statusCode).toBe(200)
    expect(patched.json()).toMatchObject({ role: 'billing', active: false })
    expect((await login('nuevo@rental.test', 'a-good-password', '10.2.2.3')).statusCode).toBe(401)

    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?entityType=user&entityId=${user.id}`,
      headers: { cookie },
    })
    const actions = audit.json().items.map((i: { action: string }) => i.action)
    expect(actions).toEqual(expect.arrayContaining(['user.created', 'user.deactivated']))
    const deact = audit.json().items.find((i: { action: string }) => i.action === 'user.deactivated')
    expect(deact.changes).toEqual(
      expect.arrayContaining([
        { field: 'role', old: 'viewer', new: 'billing' },
        { field: 'active', old: true, new: false },
      ]),
    )
  })

  it('forbids users without user.manage and hides other organizations', async () => {
    const viewer = await t.login('viewer@offshore.test')
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { viewer } as never })).statusCode,
    ).toBe(401)
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: viewer } })).statusCode,
    ).toBe(403)
    const admin = await t.login('admin@offshore.test')
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?limit=100',
      headers: { cookie: admin },
    })
    expect(list.json().items.every((u: { email: string }) => u.email.endsWith('@offshore.test'))).toBe(true)
    const rentalUser = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'viewer@rental.test')
      .executeTakeFirstOrThrow()
    const cross = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${rentalUser.id}`,
      headers: { cookie: admin },
      payload: { active: false },
    })
    expect(cross.statusCode).toBe(404)
  })

  it('keeps at least one active admin', async () => {
    const cookie = await t.login('admin@offshore.test')
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json()
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.user.id}`,
      headers: { cookie },
      payload: { active: false },
    })
    expect(res.statusCode).toBe(409)
  })
})
