/**
 * Sends wrong types, missing fields, oversized strings, broken JSON, NUL characters and bad params/queries
 * to every JSON route as an admin: the answer is never a 5xx; a refusal carries the error envelope (a NUL
 * is a 400 naming the field).
 * (An all-optional PATCH may accept `{}`: that is a valid no-op, not malformed.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { RegisteredRoute } from '../src/app'
import { createTestApp, type TestApp } from './harness'
import { createSamples, type Samples } from './samples'

let t: TestApp
let samples: Samples
let cookie: string
let routes: RegisteredRoute[]
beforeAll(async () => {
  t = await createTestApp()
  samples = await createSamples(t)
  cookie = await t.login('admin@offshore.test')
  routes = t.app.registeredRoutes.filter(
    (r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/auth/logout' && r.url !== '/api/v1/auth/login',
  )
})
afterAll(async () => t.close())

type Schema = { body?: unknown; querystring?: unknown }
const keysOf = (schema: unknown): string[] =>
  schema instanceof z.ZodObject ? Object.keys(schema.shape) : ['name', 'id', 'status']

function badBodies(schema: unknown): unknown[] {
  const keys = keysOf(schema)
  const each = (v: unknown) => Object.fromEntries(keys.map((k) => [k, v]))
  return [
    {},
    [],
    'texto',
    12345,
    each(12345),
    each(true),
    each({ nested: { deep: [1, 2, 3] } }),
    each(['a', 'b']),
    each('x'.repeat(50_000)),
    each(-1),
    each('2026-13-45'),
    each('00000000-0000-0000-0000-000000000000'),
    each(null),
  ]
}

const BAD_QUERIES = [
  'limit=-1',
  'limit=abc',
  'offset=-5',
  'limit=100000',
  'sort=nope',
  'dir=up',
  'from=2026-02-30',
  'q=' + 'x'.repeat(5000),
  'status=zzz',
  'overdue=maybe',
  'dueWithinDays=-1',
  'dueWithinDays=99999999999999999999',
]

async function send(method: string, url: string, payload?: unknown, raw?: string) {
  // the BI feeds are read with a token, never a session (docs/feeds.md): send them what a BI tool sends
  const auth = url.startsWith('/api/v1/feeds/')
    ? { authorization: `Bearer ${samples.feedToken}` }
    : { cookie }
  return t.app.inject({
    method: method as 'POST',
    url,
    headers: { ...auth, ...(raw !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(raw !== undefined
      ? { payload: raw }
      : payload === undefined
        ? {}
        : { payload: JSON.stringify(payload), headers: { cookie, 'content-type': 'application/json' } }),
  })
}

describe('malformed input never causes a 5xx', () => {
  it('JSON bodies: wrong types, missing fields, oversized strings, broken JSON', async () => {
    let sent = 0
    for (const r of routes.filter(
      (x) => ['POST', 'PATCH', 'PUT'].includes(x.method) && (x.schema as Schema | undefined)?.body,
    )) {
      const url = samples.fill(r.url, 'offshore')
      for (const body of badBodies((r.schema as Schema).body)) {
        const res = await send(r.method, url, body)
        expect(
          res.statusCode,
          `${r.method} ${r.url} ${JSON.stringify(body).slice(0, 80)} → ${res.body.slice(0, 200)}`,
        ).toBeLessThan(500)
        if (res.statusCode >= 400) expect(res.json().error.code).toBeTruthy()
        sent++
      }
      for (const raw of ['{"a":', 'not json', '{"x":1}}']) {
        const res = await send(r.method, url, undefined, raw)
        expect(res.statusCode, `${r.method} ${r.url} raw ${raw}`).toBe(400)
      }
      // a NUL character anywhere in the JSON (a value, deep down, a key): 400 naming the field
      const keys = keysOf((r.schema as Schema).body)
      const valid = (samples.body(r) ?? {}) as Record<string, unknown>
      for (const [body, path] of [
        [Object.fromEntries(keys.map((k) => [k, 'a\u0000b'])), keys[0]],
        [{ ...valid, [keys[0] ?? 'name']: ['ok', { deep: 'x\u0000' }] }, `${keys[0] ?? 'name'}.1.deep`],
        [{ ...valid, 'clave\u0000': 1 }, 'clave\\u0000'],
      ] as const) {
        const res = await send(r.method, url, body)
        expect(res.statusCode, `${r.method} ${r.url} NUL → ${res.body.slice(0, 200)}`).toBe(400)
        expect(res.json().error.details[0].path, `${r.method} ${r.url} NUL`).toBe(path)
      }
    }
    expect(sent).toBeGreaterThan(20)
  })

  it('query strings and path params', async () => {
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const url = samples.fill(r.url, 'offshore')
      for (const q of BAD_QUERIES) {
        const res = await send('GET', `${url}?${q}`)
        expect(res.statusCode, `GET ${r.url}?${q.slice(0, 40)} → ${res.body.slice(0, 200)}`).toBeLessThan(500)
      }
    }
    for (const r of routes.filter((x) => x.url.includes('/:'))) {
      const url = r.url.replace(/:[A-Za-z]+/g, 'not-a-uuid')
      const res = await send(
        r.method,
        url,
        (r.schema as Schema | undefined)?.body ? (samples.body(r) ?? {}) : undefined,
      )
      expect(res.statusCode, `${r.method} ${url}`).toBe(400)
    }
  })

  it('a NUL character (%00) in any query parameter or path segment: 400 naming it', async () => {
    // PostgreSQL text cannot hold a NUL: refused before any route runs
    let nulQueries = 0
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const url = samples.fill(r.url, 'offshore')
      const query = (r.schema as Schema | undefined)?.querystring
      for (const key of query instanceof z.ZodObject ? Object.keys(query.shape) : ['q']) {
        const res = await send('GET', `${url}?${key}=a%00b`)
        expect(res.statusCode, `GET ${r.url}?${key}=%00 → ${res.body.slice(0, 200)}`).toBe(400)
        expect(res.json().error.details[0].path).toBe(key)
        nulQueries++
      }
    }
    expect(nulQueries).toBeGreaterThan(50)
    for (const r of routes.filter((x) => x.url.includes('/:'))) {
      const res = await send(
        r.method,
        r.url.replace(/:[A-Za-z]+/g, '%00'),
        (r.schema as Schema | undefined)?.body ? (samples.body(r) ?? {}) : undefined,
      )
      expect(res.statusCode, `${r.method} ${r.url} with %00`).toBe(400)
    }
  })

  it('uploads: not multipart, empty, wrong type by magic bytes', async () => {
    const notMultipart = await send('POST', '/api/v1/files', { file: 'x' })
    expect(notMultipart.statusCode).toBeGreaterThanOrEqual(400)
    expect(notMultipart.statusCode).toBeLessThan(500)
    const boundary = 'b0undary'
    const fake = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="virus.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from('MZ this is an executable pretending to be a PDF'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: fake,
    })
    expect(res.statusCode).toBe(415)
    expect(res.json().error.details[0].path).toBe('file')
  })
})
