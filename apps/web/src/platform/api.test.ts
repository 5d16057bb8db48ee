import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, apiUrl, isApiError } from './api'

type Call = { url: string; method: string; body: unknown; contentType: string | null }

/** The browser's fetch, answering `status` with `json` and recording what the client sent. */
const serve = (status: number, json: unknown) => {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const headers = new Headers(init?.headers)
      calls.push({
        url,
        method: init?.method ?? 'GET',
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
        contentType: headers.get('content-type'),
      })
      return new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } })
    }),
  )
  return calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the typed API client', () => {
  it('fills the declared path, encodes its parameters and sends the query without empty values', async () => {
    const calls = serve(200, { items: [], total: 0 })
    await api.get('/api/v1/work-orders/{id}/annex-imports', {
      path: { id: 'a/b c' },
      query: { limit: 100 },
    })
    await api.get('/api/v1/proposals', { query: { q: '', status: 'active', limit: 20 } })
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/work-orders/a%2Fb%20c/annex-imports?limit=100',
      '/api/v1/proposals?status=active&limit=20',
    ])
  })

  it('sends the body as JSON with the method of the call', async () => {
    const calls = serve(200, {})
    await api.patch('/api/v1/proposals/{id}/steps/{stepId}', {
      path: { id: 'p1', stepId: 's1' },
      body: { comment: 'listo' },
    })
    expect(calls).toEqual([
      {
        url: '/api/v1/proposals/p1/steps/s1',
        method: 'PATCH',
        body: { comment: 'listo' },
        contentType: 'application/json',
      },
    ])
  })

  it('keeps a rejected answer whole in ApiError.body (an import report to show)', async () => {
    const report = {
      error: { code: 'VALIDATION', message: 'Filas con problemas', details: { badRowCount: 2 } },
    }
    serve(422, report)
    const error = await api
      .upload('/api/v1/work-orders/{id}/annex-imports', {
        path: { id: 'w1' },
        files: { file: new Blob(['x']) },
      })
      .catch((e: unknown) => e)
    expect(isApiError(error) && error.status).toBe(422)
    expect(isApiError(error) && error.body).toEqual(report)
    expect(isApiError(error) && error.info).toEqual({ badRowCount: 2 })
  })

  it('builds links from declared paths and refuses a missing path parameter', () => {
    expect(apiUrl('/api/v1/files/{id}', { path: { id: 'f1' } })).toBe('/api/v1/files/f1')
    expect(apiUrl('/api/v1/proposals/export')).toBe('/api/v1/proposals/export')
    expect(() => apiUrl('/api/v1/files/{id}')).toThrow('missing path parameter id')
  })
})
