/**
 * The activity log's export as a job (docs/jobs.md), on both databases: 202 with the job, the workbook
 * newest first with the log's filters, and who may ask for it and see it.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { askExport, exportViaJob, jobStatusFor } from '../../../test/export-jobs'
import { createTestApp, type TestApp } from '../../../test/harness'

let t: TestApp
let admin: string
let manager: string
let viewer: string
let rentalAdmin: string

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin@offshore.test')
  manager = await t.login('manager@offshore.test')
  viewer = await t.login('viewer@offshore.test')
  rentalAdmin = await t.login('admin@rental.test')
})
afterAll(async () => t.close())

async function rowsOf(raw: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(raw as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]!
  const rows: unknown[][] = []
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { name: ws.name, rows }
}

describe('activity log export as a job', () => {
  it('202 with the job; the filtered log newest first, with its changes', async () => {
    // two changes of one record: a client of the catalogs, created then renamed
    const name = `Cliente auditoría ${Date.now()}`
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalogs/clients',
      headers: { cookie: admin },
      payload: { name, clientType: 'CONTRATO' },
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json<{ id: string }>().id
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/catalogs/clients/${id}`,
      headers: { cookie: admin },
      payload: { name: `${name} 2` },
    })
    expect(renamed.statusCode, renamed.body).toBe(200)

    const res = await exportViaJob(t, manager, '/api/v1/audit/export', { entityId: id })
    expect(res.job.kind).toBe('audit.export')
    expect(res.run).toMatchObject({ done: 2, total: 2 })
    expect(res.contentDisposition).toContain('registro-de-actividad.xlsx')
    const { name: sheet, rows } = await rowsOf(res.raw)
    expect(sheet).toBe('Registro de actividad')
    expect(rows[0]).toEqual([
      'Fecha y hora (UTC)',
      'Usuario',
      'Módulo',
      'Acción',
      'Entidad',
      'Id',
      'Cambios',
      'IP',
      'Solicitud',
    ])
    expect(rows).toHaveLength(3)
    const list = (
      await t.app.inject({ method: 'GET', url: `/api/v1/audit?entityId=${id}`, headers: { cookie: manager } })
    ).json<{ items: { action: string; actorEmail: string }[] }>()
    expect(rows.slice(1).map((r) => r[3])).toEqual(list.items.map((i) => i.action))
    expect(rows[1]![1]).toBe('admin@offshore.test')
    expect(rows[1]![5]).toBe(id)
    expect(String(rows[1]![6])).toContain(`${name} 2`)
    expect(rows[1]![0]).toBeInstanceOf(Date)
  })

  it('needs audit.read; the job is seen by its requester and the admin only', async () => {
    const denied = await askExport(t, viewer, '/api/v1/audit/export', {})
    expect(denied.status).toBe(403)
    const res = await exportViaJob(t, manager, '/api/v1/audit/export', { entityId: 'nada-coincide' })
    expect(res.run).toMatchObject({ done: 0, total: 0 })
    expect((await rowsOf(res.raw)).rows).toHaveLength(1)
    expect(await jobStatusFor(t, admin, res.job.id)).toEqual({ run: 200, result: 200 })
    expect(await jobStatusFor(t, viewer, res.job.id)).toEqual({ run: 404, result: 404 })
    expect(await jobStatusFor(t, rentalAdmin, res.job.id)).toEqual({ run: 404, result: 404 })
    const bad = await askExport(t, manager, '/api/v1/audit/export', { from: 'ayer' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain('from')
  })
})
