/**
 * An /api path that no API route declares answers 404 with the JSON error envelope, for every method
 * and whoever asks; any other unknown path keeps serving the web app (client-side routes).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './harness'

const INDEX_HTML = '<!doctype html><html><body><div id="root">faena web</div></body></html>'

let t: TestApp
let webDir: string
let cookie: string
beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-web-'))
  fs.writeFileSync(path.join(webDir, 'index.html'), INDEX_HTML)
  fs.writeFileSync(path.join(webDir, 'app.js'), 'console.log("faena")')
  t = await createTestApp({ webDir })
  cookie = await t.login('admin@offshore.test')
})
afterAll(async () => {
  await t.close()
  fs.rmSync(webDir, { recursive: true, force: true })
})

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
const UNKNOWN = ['/api/v1/anything-unknown', '/api/v1/work-orders-x/1/y', '/api/nothing', '/api/v2/?q=1']

describe('unknown API paths', () => {
  for (const signedIn of [false, true]) {
    it(`answer 404 with the error envelope for every method (${signedIn ? 'signed in' : 'anonymous'})`, async () => {
      for (const url of UNKNOWN) {
        for (const method of METHODS) {
          const res = await t.app.inject({
            method,
            url,
            headers: signedIn ? { cookie } : {},
            ...(method === 'GET' || method === 'HEAD' || method === 'DELETE' ? {} : { payload: {} }),
          })
          expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBe(404)
          expect(res.headers['content-type'], `${method} ${url}`).toMatch(/application\/json/)
          if (method === 'HEAD') continue
          const body = res.json()
          expect(body.error.code).toBe('NOT_FOUND')
          expect(body.error.message).toContain(url.split('?')[0])
          expect(body.error.requestId).toBeTruthy()
        }
      }
    })
  }

  it('known API routes still answer as before', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/work-orders' })).statusCode).toBe(401)
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/work-orders', headers: { cookie } })
    expect(res.statusCode).toBe(200)
  })

  it('unknown non-API paths keep serving the web app', async () => {
    for (const url of ['/', '/work-orders/123', '/some/client/route?x=1']) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-type'], url).toMatch(/text\/html/)
      expect(res.body, url).toContain('faena web')
    }
    const js = await t.app.inject({ method: 'GET', url: '/app.js' })
    expect(js.statusCode).toBe(200)
    expect(js.body).toContain('faena')
  })

  it('a non-GET to an unknown non-API path is a 404 envelope, not the web app', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/some/client/route', payload: {} })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('NOT_FOUND')
  })
})
