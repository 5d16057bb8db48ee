/**
 * JSON calls to a test app for the integration tests: `call` and its verbs send as one user by default
 * and answer the status with the body parsed (the text when it is not JSON, null when empty); `ok`
 * expects a 2xx (or exactly the given status) and returns the body; `uploadFile` stores a file through
 * POST /api/v1/files. The app and the default cookie are read when a call is made, so a test file can
 * create them in `beforeAll`.
 */
import type { TestApp } from './harness'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any
export type JsonRes = { status: number; body: Json; raw: Buffer; headers: Record<string, unknown> }
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export function jsonApi(app: () => TestApp, defaultCookie: () => string) {
  const call = async (
    method: Method,
    url: string,
    payload?: unknown,
    cookie = defaultCookie(),
  ): Promise<JsonRes> => {
    const res = await app().app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
    let body: Json = null
    if (res.body !== '') {
      try {
        body = JSON.parse(res.body)
      } catch {
        body = res.body
      }
    }
    return { status: res.statusCode, body, raw: res.rawPayload, headers: res.headers }
  }
  return {
    call,
    get: (url: string, cookie?: string) => call('GET', url, undefined, cookie),
    post: (url: string, payload?: unknown, cookie?: string) => call('POST', url, payload, cookie),
    put: (url: string, payload: unknown, cookie?: string) => call('PUT', url, payload, cookie),
    patch: (url: string, payload: unknown, cookie?: string) => call('PATCH', url, payload, cookie),
    del: (url: string, cookie?: string) => call('DELETE', url, undefined, cookie),
    /** Expects a 2xx (and exactly `status` when given) and returns the body. */
    ok: async (p: Promise<JsonRes>, status?: number): Promise<Json> => {
      const res = await p
      if (res.status >= 300 || (status && res.status !== status))
        throw new Error(`${res.status} ${JSON.stringify(res.body)}`)
      return res.body
    },
  }
}

/** Stores a file through POST /api/v1/files (expects 201) and returns what the API answers. */
export async function uploadFile(t: TestApp, cookie: string, filename: string, bytes: Buffer): Promise<Json> {
  const b = 'faenaFileBoundary'
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  })
  if (res.statusCode !== 201) throw new Error(`upload ${res.statusCode} ${res.body}`)
  return JSON.parse(res.body)
}
