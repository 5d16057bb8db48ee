/**
 * Sign-in hardening (docs/platform.md#sign-in-limits, #passwords): the failure limit holds under parallel
 * guessing, on sign-in and on password change; failures from one address against unknown accounts do not
 * lock out a browser that signed in before; the client address behind a trusted proxy; the session
 * cookie's Max-Age slides with the session; weak passwords are refused; an e-mail is unique per
 * organization, so creating a user never reveals another organization's accounts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TEST_PASSWORD, type TestApp } from './harness'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

type Headers = Record<string, string>
const login = (app: TestApp, email: string, password: string, ip: string, headers: Headers = {}) =>
  app.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
    headers,
  })
const codes = (rs: { statusCode: number }[]) => rs.map((r) => r.statusCode)
const count = (xs: number[], x: number) => xs.filter((y) => y === x).length

describe('the sign-in limit holds under parallel guessing', () => {
  it('40 parallel wrong passwords: only 10 are checked, the rest answer 429', async () => {
    const rs = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(t, 'operator@rental.test', `wrong-${i}`, '10.20.0.1')),
    )
    const s = codes(rs)
    expect(count(s, 401)).toBe(10)
    expect(count(s, 429)).toBe(30)
    expect(rs.find((r) => r.statusCode === 429)?.json().error.code).toBe('RATE_LIMITED')
  })

  it('15 wrong and the right one together: no more than 10 are checked, and the right one is refused after', async () => {
    const batch = [
      ...Array.from({ length: 15 }, (_, i) => ({ password: `wrong-${i}` })),
      { password: TEST_PASSWORD },
    ]
    const rs = await Promise.all(batch.map((b) => login(t, 'viewer@rental.test', b.password, '10.20.0.2')))
    const s = codes(rs)
    expect(count(s, 401) + count(s, 200)).toBeLessThanOrEqual(10)
    expect(count(s, 429)).toBeGreaterThanOrEqual(6)
    expect((await login(t, 'viewer@rental.test', TEST_PASSWORD, '10.20.0.2')).statusCode).toBe(429)
    // the account is not locked for other addresses
    expect((await login(t, 'viewer@rental.test', TEST_PASSWORD, '10.20.0.3')).statusCode).toBe(200)
  })

  it('a right password does not count: after 9 failures and a success, one more failure is checked', async () => {
    const ip = '10.20.0.4'
    for (let i = 0; i < 9; i++) await login(t, 'billing@offshore.test', `wrong-${i}`, ip)
    expect((await login(t, 'billing@offshore.test', TEST_PASSWORD, ip)).statusCode).toBe(200)
    expect((await login(t, 'billing@offshore.test', 'wrong-again', ip)).statusCode).toBe(401)
    expect((await login(t, 'billing@offshore.test', 'wrong-again', ip)).statusCode).toBe(429)
  })

  it('password change: wrong current passwords are limited (also in parallel) and audited', async () => {
    const cookie = await t.login('manager@rental.test')
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword, newPassword: 'tres palabras raras 9' },
      })
    const rs = await Promise.all(Array.from({ length: 15 }, (_, i) => change(`not-it-${i}`)))
    const s = codes(rs)
    expect(count(s, 400)).toBe(10)
    expect(count(s, 429)).toBe(5)
    expect((await change(TEST_PASSWORD)).statusCode).toBe(429)
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json()
    const failed = await t.db
      .selectFrom('audit_log')
      .select(['action', 'ip'])
      .where('action', '=', 'auth.password_change_failed')
      .where('entity_id', '=', me.user.id)
      .execute()
    expect(failed).toHaveLength(10)
  })
})

describe('failures against unknown accounts do not lock out a browser that signed in before', () => {
  it('50 unknown e-mails from one address: a new browser waits, one that signed in before gets in', async () => {
    const ip = '10.30.0.1'
    const first = await login(t, 'admin@rental.test', TEST_PASSWORD, ip)
    expect(first.statusCode).toBe(200)
    const device = first.cookies.find((c) => c.name === 'faena_device')
    expect(device?.httpOnly).toBe(true)
    expect(device?.path).toBe('/api/v1/auth/login')
    const deviceCookie = { cookie: `faena_device=${device?.value}` }

    const spray = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login(t, `nobody-${i}@example.test`, 'guess-1234', ip)),
    )
    expect(codes(spray).every((c) => c === 401)).toBe(true)
    // the address is now held back for browsers it does not know...
    expect((await login(t, 'admin@rental.test', TEST_PASSWORD, ip)).statusCode).toBe(429)
    expect((await login(t, 'nobody-x@example.test', 'guess-1234', ip)).statusCode).toBe(429)
    // ...but the admin's browser signs in, and its cookie does not help another account
    expect((await login(t, 'admin@rental.test', TEST_PASSWORD, ip, deviceCookie)).statusCode).toBe(200)
    expect((await login(t, 'supervisor@rental.test', TEST_PASSWORD, ip, deviceCookie)).statusCode).toBe(429)
  })

  it('the per-account limit still holds for a known browser', async () => {
    const ip = '10.30.0.2'
    const first = await login(t, 'operator@offshore.test', TEST_PASSWORD, ip)
    const device = first.cookies.find((c) => c.name === 'faena_device')
    const headers = { cookie: `faena_device=${device?.value}` }
    for (let i = 0; i < 10; i++)
      expect((await login(t, 'operator@offshore.test', `wrong-${i}`, ip, headers)).statusCode).toBe(401)
    expect((await login(t, 'operator@offshore.test', TEST_PASSWORD, ip, headers)).statusCode).toBe(429)
  })
})

describe('behind a reverse proxy, a sliding session cookie', () => {
  let now = new Date('2026-03-02T08:00:00Z')
  let p: TestApp
  beforeAll(async () => {
    p = await createTestApp({ clock: () => now, trustProxy: ['10.40.0.1', '192.168.50.0/24'] })
  })
  afterAll(async () => p.close())

  it('takes the client address from X-Forwarded-For only when the peer is a trusted proxy', async () => {
    const viaProxy = { 'x-forwarded-for': '203.0.113.7' }
    await login(p, 'viewer@offshore.test', 'wrong-one', '10.40.0.1', viaProxy)
    await login(p, 'viewer@offshore.test', 'wrong-two', '192.168.50.9', { 'x-forwarded-for': '203.0.113.8' })
    await login(p, 'viewer@offshore.test', 'wrong-three', '10.40.0.2', viaProxy)
    const rows = await p.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'auth.login_failed')
      .orderBy('id')
      .execute()
    expect(rows.map((r) => r.ip)).toEqual(['203.0.113.7', '203.0.113.8', '10.40.0.2'])
  })

  it('renews the session cookie Max-Age as the session slides, so the browser keeps it', async () => {
    const res = await login(p, 'manager@offshore.test', TEST_PASSWORD, '10.40.0.9')
    const token = res.cookies.find((c) => c.name === 'faena_session')?.value
    expect(res.cookies.find((c) => c.name === 'faena_session')?.maxAge).toBe(7200)
    const cookie = `faena_session=${token}`
    const me = () => p.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })
    // within a minute: no need to renew
    now = new Date(now.getTime() + 30_000)
    expect((await me()).cookies.find((c) => c.name === 'faena_session')).toBeUndefined()
    // 90 minutes later: the session slides and the cookie with it
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + 90 * 60_000)
      const r = await me()
      expect(r.statusCode).toBe(200)
      const renewed = r.cookies.find((c) => c.name === 'faena_session')
      expect(renewed).toMatchObject({ value: token, maxAge: 7200, httpOnly: true, path: '/' })
    }
    // idle past two hours: gone on the server too
    now = new Date(now.getTime() + 121 * 60_000)
    expect((await me()).statusCode).toBe(401)
  })
})

describe('password policy', () => {
  const create = (cookie: string, email: string, password: string, name = 'Persona Nueva') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie },
      payload: { email, name, role: 'viewer', password },
    })

  it('refuses common and trivial passwords on user creation, naming the field, in the user language', async () => {
    const cookie = await t.login('admin@offshore.test')
    for (const weak of ['aaaaaaaaaa', '1234567890', 'password123', 'qwertyuiop', 'contraseña1']) {
      const r = await create(cookie, 'weak@offshore.test', weak)
      expect(r.statusCode, weak).toBe(400)
      expect(r.json().error.details[0]).toMatchObject({ path: 'password' })
      expect(r.json().error.message).toMatch(/demasiado fácil de adivinar/)
    }
    // common names are guessable words too
    expect((await create(cookie, 'ramirez.solis@offshore.test', 'ramirezsolis')).statusCode).toBe(400)
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me/preferences',
      headers: { cookie },
      payload: { locale: 'en' },
    })
    const en = await create(cookie, 'weak@offshore.test', '1234567890')
    expect(en.json().error.message).toMatch(/too easy to guess/)
    expect((await create(cookie, 'strong@offshore.test', 'lámpara tortuga 47')).statusCode).toBe(201)
  })

  it('refuses a weak new password on password change', async () => {
    const cookie = await t.login('supervisor@offshore.test')
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'aaaaaaaaaa' },
    })
    expect(r.statusCode).toBe(400)
    expect(r.json().error.details[0].path).toBe('newPassword')
  })
})

describe('an e-mail is unique per organization', () => {
  it('creating a user answers the same whether or not another organization has that e-mail', async () => {
    const offshore = await t.login('admin@offshore.test')
    const body = (email: string) => ({ email, name: 'Cruzado', role: 'viewer', password: TEST_PASSWORD })
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: offshore },
      payload: body('billing@rental.test'),
    })
    const fresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: offshore },
      payload: body('never-seen@rental.test'),
    })
    expect(taken.statusCode).toBe(201)
    expect(fresh.statusCode).toBe(201)
    // the same e-mail twice in one organization is a conflict
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: offshore },
      payload: body('billing@rental.test'),
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.details[0].path).toBe('email')
  })

  it('signs in to the organization the password fits; asks which when it fits both', async () => {
    const offshore = await t.login('admin@offshore.test')
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: offshore },
      payload: {
        email: 'manager@rental.test',
        name: 'Doble',
        role: 'viewer',
        password: 'otra clave distinta 5',
      },
    })
    const mine = await login(t, 'manager@rental.test', 'otra clave distinta 5', '10.50.0.1')
    expect(mine.statusCode).toBe(200)
    expect(mine.json().organization.slug).toBe('demo-offshore')

    // billing@rental.test now exists in both organizations with the same password
    const both = await login(t, 'billing@rental.test', TEST_PASSWORD, '10.50.0.1')
    expect(both.statusCode).toBe(409)
    expect(both.json().error.details[0].path).toBe('organization')
    const chosen = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.50.0.1',
      payload: { email: 'billing@rental.test', password: TEST_PASSWORD, organization: 'demo-rental' },
    })
    expect(chosen.statusCode).toBe(200)
    expect(chosen.json()).toMatchObject({ user: { role: 'billing' }, organization: { slug: 'demo-rental' } })
  })
})
