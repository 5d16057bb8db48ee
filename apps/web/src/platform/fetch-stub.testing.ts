/**
 * Component tests only: the API boundary (`fetch`) answered by a function, with every call recorded.
 *
 *   const calls = stubFetch((c) => (c.method === 'PUT' ? ok(c.body) : ok(settings)))
 *   expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
 */
import { vi } from 'vitest'

/** `body`: the JSON sent, or a multipart form's entries (files as `File`). */
export type FetchCall = { url: string; method: string; body: unknown }
export type FetchAnswer = { status: number; json: unknown }

export const ok = (json: unknown): FetchAnswer => ({ status: 200, json })

/** A 400 VALIDATION answer with one field error, as the server sends it. */
export const fieldError = (path: string, message: string): FetchAnswer => ({
  status: 400,
  json: { error: { code: 'VALIDATION', message: 'Invalid request', details: [{ path, message }] } },
})

export const stubFetch = (answer: (call: FetchCall) => FetchAnswer) => {
  const calls: FetchCall[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const call: FetchCall = {
        url: input,
        method: init?.method ?? 'GET',
        body:
          typeof init?.body === 'string'
            ? (JSON.parse(init.body) as unknown)
            : init?.body instanceof FormData
              ? Object.fromEntries(init.body.entries())
              : null,
      }
      calls.push(call)
      const a = answer(call)
      return new Response(JSON.stringify(a.json), {
        status: a.status,
        headers: { 'content-type': 'application/json' },
      })
    }),
  )
  return calls
}

/** The recorded calls that change something (every method but GET), in order. */
export const sent = <C extends { method: string }>(calls: C[]) => calls.filter((c) => c.method !== 'GET')

/** The message under a field (FormField links it through aria-describedby). */
export const errorOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((x) => document.getElementById(x))
    .find((el) => el?.className.includes('field__error'))?.textContent
