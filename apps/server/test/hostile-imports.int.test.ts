/**
 * Hostile workbooks through every spreadsheet import, with `GET /api/health` asked again and again while each
 * import runs: a worksheet stored before `xl/workbook.xml` (after the shared strings: the order that made the
 * old reader load the whole workbook in memory) with 1.2 million one-cell rows, and a zip bomb (1 GB from 1.6
 * MB). Each import is refused with a 4xx as soon as a limit is passed, the health checks all answer 200, some
 * of them while the import is still running, and the heap does not grow by more than a fraction of the file's
 * inflated size. Limits: docs/imports.md ("Limits").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { worksheetFirstWorkbook, zipBombWorkbook, SHEET_NAME } from './fixtures/hostile-xlsx'
import { createTestApp, type TestApp } from './harness'
import { postFile } from './multipart'

let t: TestApp
let hostile: Buffer
let bomb: Buffer
beforeAll(async () => {
  t = await createTestApp()
  hostile = await worksheetFirstWorkbook(1_200_000, { compact: true })
  bomb = zipBombWorkbook(1024)
}, 120_000)
afterAll(async () => t?.close())

const MB = 1024 * 1024

const upload = (cookie: string, url: string, bytes: Buffer, fields: Record<string, string> = {}) =>
  postFile(t, cookie, url, 'libro.xlsx', bytes, fields)

/**
 * Runs `work` while asking `GET /api/health` in a loop; returns its result, every health status, how many
 * answered before `work` ended, and how much the heap grew at most meanwhile.
 */
async function withHealthChecks<T>(work: () => Promise<T>) {
  global.gc?.()
  const start = process.memoryUsage().heapUsed
  let peak = start
  let done = false
  let during = 0
  const statuses: number[] = []
  const poll = (async () => {
    while (!done) {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' })
      statuses.push(res.statusCode)
      if (!done) during++
      peak = Math.max(peak, process.memoryUsage().heapUsed)
      await new Promise((resolve) => setImmediate(resolve))
    }
  })()
  const result = await work().finally(() => {
    done = true
  })
  await poll
  return { result, statuses, during, heapGrowthMB: (peak - start) / MB }
}

type ErrorBody = { error: { code: string; message: string; details?: { message: string; limit?: string }[] } }

describe('a worksheet before xl/workbook.xml with 1.2 million one-cell rows', () => {
  it('is small enough to upload: the limits, not the upload size, must stop it', () => {
    expect(hostile.length).toBeLessThan(2 * MB)
  })

  it('concept import (PUE): 413 at the row limit naming the sheet; health answers throughout', async () => {
    const cookie = await t.login('manager@offshore.test')
    const {
      result: res,
      statuses,
      during,
      heapGrowthMB,
    } = await withHealthChecks(() =>
      upload(cookie, '/api/v1/concepts/import', hostile, { kind: 'extraordinary' }),
    )
    expect(res.statusCode, res.body).toBe(413)
    const body = res.json<ErrorBody>()
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE')
    expect(body.error.message).toBe(
      `La hoja «${SHEET_NAME}» lleva el libro a más de 100,000 filas con datos (límite por importación). Divide el archivo o quita lo que sobra.`,
    )
    expect(body.error.details?.[0]).toMatchObject({
      limit: 'rows',
      message: `Sheet "${SHEET_NAME}" takes the workbook past 100,000 rows with data (limit per import). Split the file or remove what is not needed.`,
    })
    expect(statuses.every((s) => s === 200)).toBe(true)
    expect(during).toBeGreaterThan(0)
    expect(heapGrowthMB).toBeLessThan(256) // loose: the old reader took gigabytes
  }, 120_000)

  it('historical work-order import: 413, health answers throughout', async () => {
    const cookie = await t.login('manager@offshore.test')
    const {
      result: res,
      statuses,
      during,
    } = await withHealthChecks(() => upload(cookie, '/api/v1/work-orders/import', hostile))
    expect(res.statusCode, res.body).toBe(413)
    expect(res.json<ErrorBody>().error.details?.[0]?.limit).toBe('rows')
    expect(statuses.every((s) => s === 200)).toBe(true)
    expect(during).toBeGreaterThan(0)
  }, 120_000)

  it('per-work-order Anexo C import: 413, health answers throughout', async () => {
    const cookie = await t.login('manager@offshore.test')
    const id = await aWorkOrder(cookie)
    const {
      result: res,
      statuses,
      during,
    } = await withHealthChecks(() => upload(cookie, `/api/v1/work-orders/${id}/annex-imports`, hostile))
    expect(res.statusCode, res.body).toBe(413)
    expect(res.json<ErrorBody>().error.details?.[0]?.limit).toBe('rows')
    expect(statuses.every((s) => s === 200)).toBe(true)
    expect(during).toBeGreaterThan(0)
  }, 120_000)

  it('equipment import (rental): its own 5,000-unit limit answers 400 first; the reader stops there', async () => {
    const cookie = await t.login('manager@rental.test')
    const { result: res, statuses } = await withHealthChecks(() =>
      upload(cookie, '/api/v1/rental/equipment/import', hostile),
    )
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json<ErrorBody>().error.details?.[0]?.message).toBe('Máximo 5000 equipos por archivo')
    expect(statuses.every((s) => s === 200)).toBe(true)
  }, 120_000)
})

describe('a zip bomb (1 GB worksheet in 1.6 MB)', () => {
  const imports = [
    ['concept import', 'manager@offshore.test', '/api/v1/concepts/import', { kind: 'contract' }],
    ['historical work-order import', 'manager@offshore.test', '/api/v1/work-orders/import', {}],
    ['equipment import', 'manager@rental.test', '/api/v1/rental/equipment/import', {}],
  ] as const
  for (const [name, login, url, fields] of imports) {
    it(`${name}: 413 before anything is inflated, naming the sheet; health answers`, async () => {
      const cookie = await t.login(login)
      const { result: res, statuses } = await withHealthChecks(() => upload(cookie, url, bomb, fields))
      expect(res.statusCode, res.body).toBe(413)
      const body = res.json<ErrorBody>()
      expect(body.error.message).toContain(`La hoja «${SHEET_NAME}» ocupa más de 100 MB sin comprimir`)
      expect(body.error.details?.[0]?.limit).toBe('partBytes')
      expect(statuses.every((s) => s === 200)).toBe(true)
    })
  }

  it('Anexo C import: 413 too', async () => {
    const cookie = await t.login('manager@offshore.test')
    const res = await upload(cookie, `/api/v1/work-orders/${await aWorkOrder(cookie)}/annex-imports`, bomb)
    expect(res.statusCode, res.body).toBe(413)
    expect(res.json<ErrorBody>().error.details?.[0]?.limit).toBe('partBytes')
  })
})

let workOrderId: string | undefined
/** A work order of demo-offshore (created once). */
async function aWorkOrder(cookie: string): Promise<string> {
  if (workOrderId) return workOrderId
  const get = async <T>(url: string) =>
    (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json<T>()
  const clients = await get<{ items: { id: string }[] }>(
    '/api/v1/catalogs/clients?clientType=CONTRATO&limit=1',
  )
  const managers = await get<{ items: { id: string }[] }>('/api/v1/catalogs/project-managers?limit=1')
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/work-orders',
    headers: { cookie },
    payload: {
      number: 'OT-HOSTIL-0001',
      description: 'Orden para las importaciones hostiles',
      clientId: clients.items[0]?.id,
      projectManagerId: managers.items[0]?.id,
      plannedStart: '2026-11-01',
      plannedEnd: '2026-11-30',
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  workOrderId = res.json<{ id: string }>().id
  return workOrderId
}
