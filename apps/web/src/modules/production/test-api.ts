/**
 * Component tests of the production dialogs: a `fetch` stub that records what the web sends and answers
 * each request with `reply(call)` (a JSON body, or an `ApiError` envelope with a status).
 */
import { vi } from 'vitest'

export type Call = { url: string; method: string; body: unknown }
export type Reply = { status?: number; json: unknown }

export const stubApi = (reply: (call: Call) => Reply) => {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const call = {
        url,
        method: init?.method ?? 'GET',
        body: (typeof init?.body === 'string' ? JSON.parse(init.body) : null) as unknown,
      }
      calls.push(call)
      const r = reply(call)
      return new Response(JSON.stringify(r.json), {
        status: r.status ?? 200,
        headers: { 'content-type': 'application/json' },
      })
    }),
  )
  /** the requests that change something */
  const sent = () => calls.filter((c) => c.method !== 'GET')
  return { calls, sent }
}

/** A 400 VALIDATION answer with one field error. */
export const fieldError = (path: string, message: string): Reply => ({
  status: 400,
  json: { error: { code: 'VALIDATION', message: 'Datos no válidos', details: [{ path, message }] } },
})
