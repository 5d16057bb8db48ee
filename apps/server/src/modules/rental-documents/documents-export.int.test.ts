/**
 * The exports of maintenance sheets, custody chains and shipping guides as jobs (docs/jobs.md), on both
 * databases: 202 with the job, progress to done/total, the workbook in the list's order with the related
 * project, client and equipment, who may see the job, and a number of queries that does not grow with
 * the number of rows.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { Kysely, PostgresDialect } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiCalls } from '../../../test/api-calls'
import { createTestApp, type TestApp } from '../../../test/harness'
import { settleJob } from '../../../test/jobs'
import type { DB } from '../../db-schema'
import type { Actor } from '../../platform/access'
import type { JobContext, JobDefinition, JobOutcome } from '../../platform/jobs'
import { createDocumentExports, EXPORT_JOBS } from './documents-export'
import { rentalProjectsPort } from './rental-projects-port'

const R = '/api/v1/rental'
let t: TestApp
let manager: string
let viewer: string
let rentalAdmin: string
let offshoreAdmin: string
let seq = 0

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const { call, ok } = apiCalls(
  () => t,
  () => manager,
)

/** Polls the job until it is done (or failed), keeping what the client saw on the way. */
const settle = (id: string, cookie = manager) => settleJob(t, id, cookie)

async function workbookOf(id: string, cookie = manager) {
  const { status, raw: res } = await call('GET', `/api/v1/jobs/${id}/result`, cookie)
  expect(status).toBe(200)
  expect(res.headers['content-type']).toContain('spreadsheetml')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]!
  const rows: unknown[][] = []
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { name: ws.name, rows, contentDisposition: String(res.headers['content-disposition']) }
}

/** A project of demo-rental with an equipment unit and a service linked to it. */
async function newProject() {
  seq++
  const tag = `${seq}${Date.now() % 100000}`
  const clients = await ok('GET', `${R}/clients?limit=1`)
  const project = await ok('POST', `${R}/projects`, {
    clientId: clients.items[0].id,
    name: `Proyecto exportación ${tag}`,
    location: `CAMPO ${tag}`,
    startDate: '2026-01-01',
  })
  const unit = await ok('POST', `${R}/equipment`, {
    code: `EXP-BT-${tag}`,
    name: 'BATERÍA SANITARIA',
    kind: 'equipment',
    type: 'toilet',
  })
  const svc = await ok('POST', `${R}/equipment`, {
    code: `EXP-SERV-${tag}`,
    name: 'Limpieza',
    kind: 'service',
  })
  const equipment = await ok('POST', `${R}/projects/${project.id}/assignments`, {
    equipmentId: unit.id,
    dailyRate: '18.00',
    operationStart: '2026-01-01',
  })
  const service = await ok('POST', `${R}/projects/${project.id}/assignments`, {
    equipmentId: svc.id,
    dailyRate: '25.00',
    operationStart: '2026-01-01',
    linkedEquipmentId: unit.id,
  })
  return {
    projectId: project.id as string,
    projectName: project.name as string,
    clientName: clients.items[0].name as string,
    unitCode: unit.code as string,
    equipment,
    service,
  }
}

type Project = Awaited<ReturnType<typeof newProject>>
const day = (d: number) => `2026-01-${String(d).padStart(2, '0')}`

async function addMaintenance(p: Project, n: number) {
  for (let i = 0; i < n; i++)
    await ok('POST', `${R}/maintenance-sheets`, {
      projectId: p.projectId,
      assignmentId: i % 2 === 0 ? p.equipment.id : p.service.id,
      startDate: day(1 + (i % 28)),
      technicianName: `Técnico ${i}`,
      costPerDay: '40.00',
    })
}

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@rental.test')
  viewer = await t.login('viewer@rental.test')
  rentalAdmin = await t.login('admin@rental.test')
  offshoreAdmin = await t.login('admin@offshore.test')
})
afterAll(async () => t.close())

describe('exports as jobs', () => {
  it('maintenance sheets: 202 with the job, progress to done/total, the workbook in the list order', async () => {
    const p = await newProject()
    await addMaintenance(p, 7)
    const filters = { projectId: p.projectId, sort: 'startDate', dir: 'asc' }
    const { status, raw: res } = await call('POST', `${R}/maintenance-sheets/export`, manager, filters)
    expect(status).toBe(202)
    const job = res.json()
    expect(res.headers.location).toBe(`/api/v1/jobs/${job.id}`)
    expect(job).toMatchObject({ kind: EXPORT_JOBS.maintenance, status: 'queued', done: 0 })

    const { run, seen } = await settle(job.id)
    expect(run).toMatchObject({ status: 'done', done: 7, total: 7, error: null })
    expect(run.resultFile).toMatchObject({ name: 'hojas-de-mantenimiento.xlsx' })
    expect(seen.every((s) => s.total === null || (s.done >= 0 && s.done <= s.total))).toBe(true)

    const list = await ok('GET', `${R}/maintenance-sheets?projectId=${p.projectId}&sort=startDate&dir=asc`)
    const wb = await workbookOf(job.id)
    expect(wb.contentDisposition).toContain('hojas-de-mantenimiento.xlsx')
    expect(wb.name).toBe('Hojas de mantenimiento')
    expect(wb.rows[0]).toEqual([
      'Número',
      'Estado',
      'Cliente',
      'Proyecto',
      'Equipo',
      'Tipo',
      'Inicio',
      'Fin',
      'Días',
      'Técnico',
      'Costo por día',
      'Costo técnico',
      'Logística',
      'Adjuntos',
    ])
    expect(wb.rows.slice(1).map((r) => r[0])).toEqual(list.items.map((i: Json) => i.displayNumber))
    const first = wb.rows[1]!
    expect(first.slice(1, 6)).toEqual([
      'Borrador',
      p.clientName,
      p.projectName,
      `${p.unitCode} · BATERÍA SANITARIA`,
      'Preventivo',
    ])
    // a service's sheet names the equipment the service is linked to
    expect(wb.rows[2]![4]).toBe(`${p.unitCode} · BATERÍA SANITARIA`)
    expect(first[10]).toBe(40)
  })

  it('custody chains and shipping guides, with the list filters', async () => {
    const p = await newProject()
    for (let i = 0; i < 3; i++) {
      await ok('POST', `${R}/custody-chains`, {
        projectId: p.projectId,
        activityDate: day(3 + i),
        assignmentIds: [p.service.id],
        volumeUnit: 'gallons',
        volume: String(100 + i),
        driverName: `Chofer ${i}`,
      })
      await ok('POST', `${R}/shipping-guides`, {
        projectId: p.projectId,
        issueDate: day(3 + i),
        items: [{ description: 'Batería sanitaria', quantity: 1 }],
        carrierName: `Transportes ${i}`,
      })
    }
    const chains = await ok('POST', `${R}/custody-chains/export`, { projectId: p.projectId, q: 'Chofer 1' })
    expect((await settle(chains.id)).run).toMatchObject({ status: 'done', done: 1, total: 1 })
    const cw = await workbookOf(chains.id)
    expect(cw.name).toBe('Cadenas de custodia')
    expect(cw.rows).toHaveLength(2)
    expect(cw.rows[1]!.slice(3, 5)).toEqual([p.clientName, p.projectName])
    expect(cw.rows[1]![8]).toBe('Chofer 1')
    expect(cw.rows[1]![11]).toBe(101)

    const guides = await ok('POST', `${R}/shipping-guides/export`, { projectId: p.projectId, dir: 'asc' })
    expect((await settle(guides.id)).run).toMatchObject({ status: 'done', done: 3, total: 3 })
    const gw = await workbookOf(guides.id)
    expect(gw.name).toBe('Guías de remisión')
    expect(gw.rows.slice(1).map((r) => r[9])).toEqual(['Transportes 0', 'Transportes 1', 'Transportes 2'])
    expect(gw.rows[1]![14]).toBe('No')
  })

  it('speaks the caller language: a document rule, a type-named 404 and the workbook in English', async () => {
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await call('PATCH', '/api/v1/auth/me/preferences', manager, { locale })).status).toBe(200)
    const p = await newProject()
    await ok('POST', `${R}/shipping-guides`, {
      projectId: p.projectId,
      issueDate: day(4),
      guideType: 'exit',
      items: [{ description: 'Batería sanitaria', quantity: 1 }],
    })
    await setLocale('en')
    try {
      const bad = await call('POST', `${R}/maintenance-sheets`, manager, {
        projectId: p.projectId,
        assignmentId: p.equipment.id,
        startDate: day(10),
        endDate: day(5),
        technicianName: 'Técnico',
        costPerDay: '40.00',
      })
      expect(bad.status).toBe(400)
      expect(bad.body.error).toMatchObject({
        key: 'rentalDocuments.checkMaintenance',
        message: 'Check the maintenance sheet data',
      })
      expect(bad.body.error.details[0]).toMatchObject({
        path: 'endDate',
        key: 'rentalDocuments.endBeforeStart',
        message: 'The end date cannot be before the start date',
      })
      const missing = await call('GET', `${R}/custody-chains/00000000-0000-4000-8000-000000000000`, manager)
      expect(missing.status).toBe(404)
      expect(missing.body.error).toMatchObject({
        key: 'rentalDocuments.chain.notFound',
        message: 'Custody chain not found',
      })
      const guides = await ok('POST', `${R}/shipping-guides/export`, { projectId: p.projectId })
      expect((await settle(guides.id)).run).toMatchObject({ status: 'done', done: 1, total: 1 })
      const gw = await workbookOf(guides.id)
      expect(gw.name).toBe('Shipping guides')
      expect(gw.contentDisposition).toContain('shipping-guides.xlsx')
      expect(gw.rows[0]!.slice(0, 4)).toEqual(['Number', 'Status', 'Type', 'Reason'])
      expect(gw.rows[1]![1]).toBe('Draft')
      expect(gw.rows[1]![2]).toBe('Out to a project')
      expect(gw.rows[1]![14]).toBe('No')
    } finally {
      await setLocale('es')
    }
    const es = await call('GET', `${R}/custody-chains/00000000-0000-4000-8000-000000000000`, manager)
    expect(es.body.error.message).toBe('Cadena de custodia no encontrada')
  })

  it('an empty list gives a workbook with the header only; bad filters are a 400 naming the field', async () => {
    const job = await ok('POST', `${R}/maintenance-sheets/export`, { q: 'nada-coincide-con-esto' })
    expect((await settle(job.id)).run).toMatchObject({ status: 'done', done: 0, total: 0 })
    expect((await workbookOf(job.id)).rows).toHaveLength(1)
    const bad = await call('POST', `${R}/custody-chains/export`, manager, { projectId: 'x', sort: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d: Json) => d.path).sort()).toEqual(['projectId', 'sort'])
  })

  it('shows the job and its result to the requester and an admin of the organization only', async () => {
    const job = await ok('POST', `${R}/shipping-guides/export`, {})
    await settle(job.id)
    expect((await call('GET', `/api/v1/jobs/${job.id}`, rentalAdmin)).status).toBe(200)
    expect((await call('GET', `/api/v1/jobs/${job.id}/result`, rentalAdmin)).status).toBe(200)
    for (const cookie of [viewer, offshoreAdmin]) {
      expect((await call('GET', `/api/v1/jobs/${job.id}`, cookie)).status).toBe(404)
      expect((await call('GET', `/api/v1/jobs/${job.id}/result`, cookie)).status).toBe(404)
    }
    expect((await call('GET', `/api/v1/jobs/${job.id}`, '')).status).toBe(401)
  })

  it('reads related rows with joins: the number of queries does not grow with the rows', async () => {
    // The export's code on a Kysely that counts every statement, on the test database's own pool.
    let queries = 0
    const counting = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: t.database.pool }),
      log: (e) => {
        if (e.level === 'query') queries++
      },
    })
    const defs = new Map<string, JobDefinition<unknown>>()
    createDocumentExports({
      db: counting,
      projects: rentalProjectsPort,
      jobs: {
        define: <P>(def: JobDefinition<P>) => {
          defs.set(def.kind, def as JobDefinition<unknown>)
          return {
            kind: def.kind,
            enqueue: async () => ({}) as never,
            request: async () => ({}) as never,
            wake: () => {},
          }
        },
      },
    })
    const user = await t.db
      .selectFrom('users')
      .select(['id', 'org_id', 'email'])
      .where('email', '=', 'manager@rental.test')
      .executeTakeFirstOrThrow()
    const actor: Actor = {
      userId: user.id,
      email: user.email,
      orgId: user.org_id,
      role: 'manager',
      requestId: 'test',
      ip: null,
      userAgent: null,
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-export-test-'))
    const runExport = async (projectId: string): Promise<{ queries: number; outcome: JobOutcome }> => {
      const def = defs.get(EXPORT_JOBS.maintenance)!
      const ctx: JobContext = {
        jobId: 'test',
        actor,
        progress: async () => {},
        tempFile: (name) => path.join(dir, `${Date.now()}-${name}`),
      }
      queries = 0
      const outcome = await def.run(ctx, def.payload.parse({ projectId }))
      return { queries, outcome }
    }
    const few = await newProject()
    await addMaintenance(few, 2)
    const many = await newProject()
    await addMaintenance(many, 20)
    const a = await runExport(few.projectId)
    const b = await runExport(many.projectId)
    expect(a.outcome.done).toBe(2)
    expect(b.outcome.done).toBe(20)
    // ids, one batch of sheets, its projects and its assignments: the same four statements for 2 or 20 rows
    expect(a.queries).toBe(b.queries)
    expect(b.queries).toBeLessThanOrEqual(4)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
