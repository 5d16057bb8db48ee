/**
 * Background jobs seen from the integration tests (docs/jobs.md): poll a job through the API until it has
 * settled, as a client does.
 */
import type { TestApp } from './harness'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Polls GET /api/v1/jobs/:id as `cookie` until the job is done or failed (any other answer than 2xx
 * throws); returns the last run and every run the client saw on the way.
 */
export async function settleJob(
  t: TestApp,
  id: string,
  cookie: string,
  { polls = 2400, everyMs = 25 }: { polls?: number; everyMs?: number } = {},
): Promise<{ run: Json; seen: Json[] }> {
  const seen: Json[] = []
  for (let i = 0; i < polls; i++) {
    const url = `/api/v1/jobs/${id}`
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie } })
    if (res.statusCode >= 300) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`)
    const run = res.json<Json>()
    seen.push(run)
    if (run.status === 'done' || run.status === 'failed') return { run, seen }
    await new Promise((r) => setTimeout(r, everyMs))
  }
  throw new Error(`job ${id} did not finish`)
}
