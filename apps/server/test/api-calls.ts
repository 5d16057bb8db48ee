/**
 * API calls for the integration tests written as `call(method, url, cookie, payload)`: the status, the
 * body when the answer is JSON (else `{}`) and the raw answer (headers, bytes); `ok` expects a 2xx and
 * returns the body. The app and the default cookie of `ok` are read when a call is made, so a test file
 * can create them in `beforeAll`. (test/json-api.ts is the same with the payload before the cookie.)
 */
import type { TestApp } from './harness'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export function apiCalls(app: () => TestApp, defaultCookie: () => string) {
  const call = async (method: string, url: string, cookie: string, payload?: unknown) => {
    const res = await app().app.inject({
      method: method as 'GET',
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
    return {
      status: res.statusCode,
      body: res.headers['content-type']?.toString().includes('json') ? res.json<Json>() : ({} as Json),
      raw: res,
    }
  }
  const ok = async (method: string, url: string, payload?: unknown, cookie = defaultCookie()) => {
    const r = await call(method, url, cookie, payload)
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`)
    return r.body
  }
  return { call, ok }
}
