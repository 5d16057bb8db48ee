/**
 * A list export as a job seen from the integration tests (docs/jobs.md): ask for it, expect 202 with the
 * job and its Location, poll it until done, download the workbook.
 */
import { expect } from 'vitest'
import type { TestApp } from './harness'
import { settleJob } from './jobs'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** POSTs `body` to the export route as `cookie`; the raw answer (for 4xx checks). */
export async function askExport(t: TestApp, cookie: string, url: string, body: object = {}) {
  const res = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload: body })
  return { status: res.statusCode, body: res.json<Json>(), headers: res.headers }
}

/**
 * Runs the export at `url` with `body` as `cookie` through the API: 202, Location, the job settled as
 * done with done = total, then its result. `raw` is the workbook's bytes.
 */
export async function exportViaJob(t: TestApp, cookie: string, url: string, body: object = {}) {
  const asked = await askExport(t, cookie, url, body)
  expect(asked.status, JSON.stringify(asked.body)).toBe(202)
  const job = asked.body
  expect(asked.headers.location).toBe(`/api/v1/jobs/${job.id}`)
  expect(job).toMatchObject({ status: 'queued', done: 0 })
  const { run, seen } = await settleJob(t, job.id, cookie)
  expect(run, JSON.stringify(run)).toMatchObject({ status: 'done', error: null })
  expect(run.done).toBe(run.total)
  expect(seen.every((s) => s.total === null || (s.done >= 0 && s.done <= s.total))).toBe(true)
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}/result`, headers: { cookie } })
  expect(res.statusCode).toBe(200)
  expect(String(res.headers['content-type'])).toContain('spreadsheetml')
  return {
    job,
    run,
    status: res.statusCode,
    headers: res.headers,
    raw: res.rawPayload,
    contentDisposition: String(res.headers['content-disposition']),
  }
}

/** What another user sees of a job: the run's and the result's status codes. */
export async function jobStatusFor(t: TestApp, cookie: string, id: string) {
  const get = async (url: string) =>
    (await t.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode
  return { run: await get(`/api/v1/jobs/${id}`), result: await get(`/api/v1/jobs/${id}/result`) }
}
