import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZImportRejected } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import { writeWorkbook } from '../../platform/spreadsheet/spreadsheet'
import { createTimeZoneLookup } from '../../platform/tenancy/organizations'
import { equipmentListJson, equipmentListWorkbook } from '../../../test/fixtures/equipment-list'
import { askExport, exportViaJob, jobStatusFor } from '../../../test/export-jobs'
import { createTestApp, type TestApp } from '../../../test/harness'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import { getAssignments, getClient, getEquipment, getProject, listAssignments, findProjectIds } from './index'
import { createRentalProjectsService, type RentalProjectsHooks } from './rental-projects.service'

// 2026-03-15 10:00 in Guayaquil: "today" for the rental organization is 2026-03-15.
const NOW = new Date('2026-03-15T15:00:00Z')

let t: TestApp
let manager: string
let viewer: string
let supervisor: string
let offshoreAdmin: string
let rentalOrg: string

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any
type Res = { status: number; body: Json; raw: Buffer; headers: Record<string, unknown> }

const call = async (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  cookie = manager,
): Promise<Res> => {
  const res = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
  let body: Json
  try {
    body = JSON.parse(res.body)
  } catch {
    body = res.body
  }
  return { status: res.statusCode, body, raw: res.rawPayload, headers: res.headers }
}
const get = (url: string, cookie?: string) => call('GET', url, undefined, cookie)
const post = (url: string, payload?: unknown, cookie?: string) => call('POST', url, payload, cookie)
const patch = (url: string, payload: unknown, cookie?: string) => call('PATCH', url, payload, cookie)
const del = (url: string, cookie?: string) => call('DELETE', url, undefined, cookie)

const upload = async (
  url: string,
  filename: string,
  bytes: Buffer,
  fields: Record<string, string> = {},
  cookie = manager,
): Promise<Res> => {
  const b = 'rentalBoundary'
  const parts = [
    ...Object.entries(fields).map(([k, v]) =>
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    ),
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat(parts),
  })
  return { status: res.statusCode, body: JSON.parse(res.body), raw: res.rawPayload, headers: res.headers }
}

let seq = 0
const newClient = async (body: { name: string; taxId: string } & Record<string, unknown>) => {
  const res = await post('/api/v1/rental/clients', body)
  if (res.status !== 201) throw new Error(`client: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
let clientId = ''
const newProject = async (over: Record<string, unknown> = {}) => {
  const res = await post('/api/v1/rental/projects', {
    clientId,
    name: `Proyecto ${++seq}`,
    location: 'CAMPO',
    startDate: '2026-01-01',
    ...over,
  })
  if (res.status !== 201) throw new Error(`project: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
const newUnit = async (over: Record<string, unknown> = {}) => {
  const res = await post('/api/v1/rental/equipment', {
    code: `T-${++seq}`,
    name: 'Batería de prueba',
    kind: 'equipment',
    type: 'toilet',
    ...over,
  })
  if (res.status !== 201) throw new Error(`unit: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
const newService = async (over: Record<string, unknown> = {}) =>
  newUnit({ code: `S-${++seq}`, name: 'Limpieza', kind: 'service', type: null, ...over })
const assign = async (projectId: string, body: Record<string, unknown>) =>
  post(`/api/v1/rental/projects/${projectId}/assignments`, {
    operationStart: '2026-01-01',
    dailyRate: '18.00',
    ...body,
  })

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  manager = await t.login('manager@rental.test')
  viewer = await t.login('viewer@rental.test')
  supervisor = await t.login('supervisor@rental.test')
  offshoreAdmin = await t.login('admin@offshore.test')
  rentalOrg = await t.orgId('demo-rental')
  clientId = (await newClient({ name: 'Cliente base de pruebas', taxId: '1790011674001' })).id
})
afterAll(async () => t?.close())

describe('demo seed', () => {
  it('gives the rental organization clients, units, services and three projects (none to offshore)', async () => {
    const clients = await get('/api/v1/rental/clients?limit=100')
    expect(clients.body.items.map((c: Json) => c.taxId)).toEqual(
      expect.arrayContaining(['2191803224001', '2190563319001', '2260452010001', '2103456782001']),
    )
    const services = await get('/api/v1/rental/equipment?kind=service&limit=100')
    expect(services.body.items.map((s: Json) => s.code)).toContain('PEISOL-SERV01')
    const units = await get('/api/v1/rental/equipment?kind=equipment&q=PSL-&limit=100')
    expect(units.body.total).toBe(29)
    const bt101 = units.body.items.find((u: Json) => u.code === 'PSL-BT-101')
    expect(bt101).toMatchObject({ availability: 'rented', currentProject: { name: 'Campamento Auca Sur' } })
    const closed = await get('/api/v1/rental/projects?status=closed')
    expect(closed.body.items.map((p: Json) => p.name)).toContain('Pozo Shushufindi 29')
    const offshore = await get('/api/v1/rental/projects', offshoreAdmin)
    expect(offshore.body).toEqual({ items: [], total: 0 })
  })
})

describe('clients', () => {
  it('creates with a valid RUC (201 with id) and tells its kind', async () => {
    const res = await post('/api/v1/rental/clients', {
      name: 'Municipio de Lago Agrio',
      taxId: '1760013210001',
      address: 'Nueva Loja',
      contacts: [{ name: 'Ana Pérez', position: 'Compras', phone: '0991112223' }],
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      id: expect.any(String),
      taxIdKind: 'public',
      projectCount: 0,
      contacts: [{ name: 'Ana Pérez', email: null }],
    })
    // an active company whose RUC fails module 11 is still a valid client
    const odd = await post('/api/v1/rental/clients', { name: 'Carnada S.A.S.', taxId: '1793213150001' })
    expect(odd.status).toBe(201)
    expect(odd.body.taxIdKind).toBe('private')
  })

  it('refuses bad RUCs with the field path, and duplicates with 409', async () => {
    for (const taxId of [
      '179001167400',
      '1710034064001',
      '2510034065001',
      '1770011674001',
      'ABCDEFGHIJKLM',
    ]) {
      const res = await post('/api/v1/rental/clients', { name: 'Malo', taxId })
      expect(res.status, taxId).toBe(400)
      expect(res.body.error.details[0].path).toBe('taxId')
    }
    const dup = await post('/api/v1/rental/clients', { name: 'Duplicado', taxId: '1790011674001' })
    expect(dup.status).toBe(409)
    expect(dup.body.error.code).toBe('CONFLICT')
  })

  it('lists with search, sort and pagination, exports, edits and deletes only without projects', async () => {
    const list = await get('/api/v1/rental/clients?q=2191803224001')
    expect(list.body.total).toBe(1)
    const sorted = await get('/api/v1/rental/clients?sort=taxId&dir=desc&limit=2')
    expect(sorted.body.items).toHaveLength(2)
    expect(sorted.body.items[0].taxId >= sorted.body.items[1].taxId).toBe(true)
    const xlsx = await exportViaJob(t, manager, '/api/v1/rental/clients/export', {})
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml')
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK')

    const c = await newClient({ name: 'Para borrar', taxId: '1713175071001' })
    const edited = await patch(`/api/v1/rental/clients/${c.id}`, { phone: '022 600 600' })
    expect(edited.body.phone).toBe('022 600 600')
    expect((await del(`/api/v1/rental/clients/${c.id}`)).status).toBe(200)
    expect((await get(`/api/v1/rental/clients/${c.id}`)).status).toBe(404)
    const withProject = await newClient({ name: 'Con proyecto', taxId: '1768153530001' })
    await post('/api/v1/rental/projects', { clientId: withProject.id, name: 'Obra', startDate: '2026-01-01' })
    const used = await del(`/api/v1/rental/clients/${withProject.id}`)
    expect(used.status).toBe(409)
    expect((await get(`/api/v1/rental/clients/${withProject.id}`)).body).toMatchObject({
      projectCount: 1,
      openProjectCount: 1,
    })
  })
})

describe('projects', () => {
  it('creates with client, location and start date (201), validates references and dates', async () => {
    const res = await post('/api/v1/rental/projects', {
      clientId,
      name: 'Campamento MDC',
      location: 'MDC CPF',
      startDate: '2026-02-01',
      cardinalPoint: 'north',
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      id: expect.any(String),
      client: { id: clientId },
      closed: false,
      endDate: null,
      activeEquipment: 0,
      dailyRental: '0.00',
    })
    const unknown = await post('/api/v1/rental/projects', {
      clientId: '00000000-0000-4000-8000-000000000000',
      name: 'X',
      startDate: '2026-01-01',
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.details[0].path).toBe('clientId')
    const dates = await post('/api/v1/rental/projects', {
      clientId,
      name: 'X',
      startDate: '2026-02-01',
      endDate: '2026-01-31',
    })
    expect(dates.status).toBe(400)
    expect(dates.body.error.details[0].path).toBe('endDate')
    expect(
      (await post('/api/v1/rental/projects', { clientId, name: 'X', startDate: '2026-02-01' }, viewer))
        .status,
    ).toBe(403)
  })

  it('lists with filters and search by client, edits, exports', async () => {
    const p = await newProject({ name: 'Estación Paraíso', location: 'PARAISO' })
    const byQ = await get('/api/v1/rental/projects?q=paraiso')
    expect(byQ.body.items.map((x: Json) => x.id)).toContain(p.id)
    const byClient = await get(`/api/v1/rental/projects?clientId=${clientId}&sort=name&dir=asc`)
    expect(byClient.body.items.every((x: Json) => x.client.id === clientId)).toBe(true)
    const open = await get('/api/v1/rental/projects?status=open&limit=500')
    expect(open.body.items.every((x: Json) => x.closed === false)).toBe(true)
    const edited = await patch(`/api/v1/rental/projects/${p.id}`, {
      contactName: 'Ing. Luis Mora',
      contactPhone: '0991234567',
    })
    expect(edited.body).toMatchObject({ contactName: 'Ing. Luis Mora', contactPhone: '0991234567' })
    expect((await exportViaJob(t, manager, '/api/v1/rental/projects/export', {})).status).toBe(200)
  })

  it("answers 404 for another organization's project", async () => {
    const p = await newProject()
    expect((await get(`/api/v1/rental/projects/${p.id}`, offshoreAdmin)).status).toBe(404)
    expect(
      (
        await post(
          `/api/v1/rental/projects/${p.id}/assignments`,
          { equipmentId: p.id, dailyRate: '1', operationStart: '2026-01-01' },
          offshoreAdmin,
        )
      ).status,
    ).toBe(404)
  })
})

describe('equipment', () => {
  it('creates with only code, name and kind (201), available and operative', async () => {
    const res = await post('/api/v1/rental/equipment', {
      code: 'PSL-XX-1',
      name: 'Lavamanos doble',
      kind: 'equipment',
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      id: expect.any(String),
      type: null,
      condition: 'operative',
      availability: 'available',
      currentProject: null,
      reviewNote: null,
    })
    const dup = await post('/api/v1/rental/equipment', { code: 'psl-xx-1', name: 'Otro', kind: 'equipment' })
    expect(dup.status).toBe(409)
    const typedService = await post('/api/v1/rental/equipment', {
      code: 'SV-X',
      name: 'Servicio',
      kind: 'service',
      type: 'toilet',
    })
    expect(typedService.status).toBe(400)
    expect(typedService.body.error.details[0].path).toBe('type')
  })

  it('lists by kind, type, condition and text; exports', async () => {
    await newUnit({ code: 'FILTRO-1', type: 'camper', brand: 'Marca Rara' })
    const campers = await get('/api/v1/rental/equipment?type=camper&q=rara')
    expect(campers.body.items.map((e: Json) => e.code)).toEqual(['FILTRO-1'])
    const repair = await get('/api/v1/rental/equipment?condition=in_repair')
    expect(repair.body.items.map((e: Json) => e.code)).toContain('PSL-BT-112')
    const assignable = await get('/api/v1/rental/equipment?assignable=true&limit=500')
    expect(
      assignable.body.items.some((e: Json) => e.availability === 'rented' || e.condition !== 'operative'),
    ).toBe(false)
    const xlsx = await exportViaJob(t, manager, '/api/v1/rental/equipment/export', { kind: 'service' })
    expect(xlsx.status).toBe(200)
  })
})

describe('exports as jobs', () => {
  const rowsOf = async (raw: Buffer) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(raw as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    const rows: unknown[][] = []
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    return { name: ws.name, rows }
  }

  it('clients: the filtered list in its order, with the counts', async () => {
    const name = `Exportable ${Date.now()}`
    const c = await newClient({ name, taxId: '1790016919001', email: 'exporta@cliente.ec' })
    await post('/api/v1/rental/projects', { clientId: c.id, name: 'Obra exportada', startDate: '2026-01-01' })
    const res = await exportViaJob(t, viewer, '/api/v1/rental/clients/export', { q: name })
    expect(res.job.kind).toBe('rental-projects.export-clients')
    expect(res.run).toMatchObject({ done: 1, total: 1 })
    expect(res.contentDisposition).toContain('clientes.xlsx')
    const { name: sheet, rows } = await rowsOf(res.raw)
    expect(sheet).toBe('Clientes')
    expect(rows[0]!.slice(0, 3)).toEqual(['Nombre', 'RUC', 'Tipo de contribuyente'])
    expect(rows).toHaveLength(2)
    expect(rows[1]!.slice(0, 4)).toEqual([name, '1790016919001', 'Sociedad', 'exporta@cliente.ec'])
    expect(rows[1]![7]).toBe(1)
  })

  it('projects and equipment: filters applied, the list order, related client and project', async () => {
    const client = await newClient({ name: `Cliente export ${Date.now()}`, taxId: '0990005737001' })
    const p1 = await newProject({ clientId: client.id, name: 'B exportado', startDate: '2026-02-01' })
    await newProject({ clientId: client.id, name: 'A exportado', startDate: '2026-01-01' })
    const projects = await exportViaJob(t, manager, '/api/v1/rental/projects/export', {
      clientId: client.id,
      sort: 'name',
      dir: 'asc',
    })
    expect(projects.job.kind).toBe('rental-projects.export-projects')
    const pw = await rowsOf(projects.raw)
    expect(pw.name).toBe('Proyectos')
    expect(pw.rows.slice(1).map((r) => r[0])).toEqual(['A exportado', 'B exportado'])
    expect(pw.rows[1]!.slice(1, 3)).toEqual([client.name, '0990005737001'])
    expect(pw.rows[1]![9]).toBe('Abierto')

    const unit = await newUnit({ code: `EXP-${Date.now()}`, name: 'Batería exportada' })
    await assign(p1.id, { equipmentId: unit.id, dailyRate: '18.00', operationStart: '2026-02-01' })
    const equipment = await exportViaJob(t, manager, '/api/v1/rental/equipment/export', { q: unit.code })
    expect(equipment.job.kind).toBe('rental-projects.export-equipment')
    expect(equipment.run).toMatchObject({ done: 1, total: 1 })
    const ew = await rowsOf(equipment.raw)
    expect(ew.name).toBe('Equipos')
    expect(ew.rows[1]!.slice(0, 3)).toEqual([unit.code, 'Batería exportada', 'Equipo'])
    expect(ew.rows[1]![8]).toBe('Rentado')
    expect(ew.rows[1]![9]).toBe(`B exportado (${client.name})`)
  })

  it('the job is seen by its requester and the admin only; bad filters are a 400', async () => {
    const res = await exportViaJob(t, viewer, '/api/v1/rental/equipment/export', { q: 'nada-coincide' })
    expect(res.run).toMatchObject({ done: 0, total: 0 })
    const rentalAdmin = await t.login('admin@rental.test')
    expect(await jobStatusFor(t, rentalAdmin, res.job.id)).toEqual({ run: 200, result: 200 })
    expect(await jobStatusFor(t, manager, res.job.id)).toEqual({ run: 404, result: 404 })
    expect(await jobStatusFor(t, offshoreAdmin, res.job.id)).toEqual({ run: 404, result: 404 })
    const bad = await askExport(t, viewer, '/api/v1/rental/projects/export', { clientId: 'x' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d: Json) => d.path)).toContain('clientId')
  })

  it('speaks the caller language: a RUC rule and the clients workbook in English', async () => {
    const setLocale = async (cookie: string, locale: 'es' | 'en') =>
      expect((await patch('/api/v1/auth/me/preferences', { locale }, cookie)).status).toBe(200)
    const name = `Bilingüe ${Date.now()}`
    await newClient({ name, taxId: '1791234567001' })
    await setLocale(manager, 'en')
    await setLocale(viewer, 'en')
    try {
      const bad = await post('/api/v1/rental/clients', {
        name: 'RUC de provincia 33',
        taxId: '3390011674001',
      })
      expect(bad.status).toBe(400)
      expect(bad.body.error.details).toContainEqual(
        expect.objectContaining({
          path: 'taxId',
          key: 'rentalProjects.rucProvince',
          message: 'Invalid province code (33): it must be 01 to 24 or 30',
        }),
      )
      const res = await exportViaJob(t, viewer, '/api/v1/rental/clients/export', { q: name })
      expect(res.contentDisposition).toContain('clients.xlsx')
      const { name: sheet, rows } = await rowsOf(res.raw)
      expect(sheet).toBe('Clients')
      expect(rows[0]!.slice(0, 3)).toEqual(['Name', 'RUC', 'Taxpayer type'])
      expect(rows[1]![2]).toBe('Company')
    } finally {
      await setLocale(manager, 'es')
      await setLocale(viewer, 'es')
    }
  })
})

/** What importing one legacy equipment list (the layout of equipments.json) must give. */
interface EquipmentImportExpectations {
  units: number
  /** Units flagged for review: exactly, or at least so many. */
  flagged: number | { atLeast: number }
  /** A row whose code is only right after normalisation, as written in the file and as stored. */
  normalised: { row: number; written: string; code: string }
  /** A unit whose status and location say BUSCAR, and a donated one. */
  lostCode: string
  donatedCode: string
  /** A unit with a blank name, named after its type (where the list has one). */
  blankNameCode?: string
}

/** The import tests every legacy equipment list passes; the built list and the real one differ in `expected`. */
function equipmentImportSuite(list: () => Buffer, expected: EquipmentImportExpectations) {
  const { units } = expected

  it('dry run reports without writing', async () => {
    const before = (await get('/api/v1/rental/equipment?limit=1')).body.total
    const res = await upload('/api/v1/rental/equipment/import', 'equipments.json', list(), {
      dryRun: 'true',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ dryRun: true, imported: false, total: units, created: units, errors: 0 })
    expect((await get('/api/v1/rental/equipment?limit=1')).body.total).toBe(before)
  })

  it(`imports the ${units} legacy units, normalising what is clear and flagging the rest per row`, async () => {
    const before = (await get('/api/v1/rental/equipment?limit=1')).body.total
    // units already pending review (from earlier tests and lists)
    const reviewBefore = (await get('/api/v1/rental/equipment?review=true&limit=1')).body.total
    const res = await upload('/api/v1/rental/equipment/import', 'equipments.json', list())
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ imported: true, total: units, created: units, errors: 0 })
    if (typeof expected.flagged === 'number') expect(res.body.flagged).toBe(expected.flagged)
    else expect(res.body.flagged).toBeGreaterThanOrEqual(expected.flagged.atLeast)
    expect(res.body.rows).toHaveLength(units)
    const normalised = res.body.rows.find((r: Json) => r.row === expected.normalised.row)
    expect(normalised).toMatchObject({ code: expected.normalised.code, action: 'create' })
    expect(normalised.changes.join()).toContain(expected.normalised.written)
    expect((await get('/api/v1/rental/equipment?limit=1')).body.total).toBe(before + units)

    const lost = (await get(`/api/v1/rental/equipment?q=${expected.lostCode}`)).body.items[0]
    expect(lost).toMatchObject({
      condition: 'operative',
      location: null,
      reviewNote: expect.stringContaining('BUSCAR'),
    })
    const donated = (await get(`/api/v1/rental/equipment?q=${expected.donatedCode}`)).body.items[0]
    expect(donated.condition).toBe('retired')
    if (expected.blankNameCode) {
      const blank = (await get(`/api/v1/rental/equipment?q=${expected.blankNameCode}`)).body.items[0]
      expect(blank).toMatchObject({ name: 'BATERÍA SANITARIA', type: 'toilet', reviewNote: null })
    }
    const review = await get('/api/v1/rental/equipment?review=true&limit=1')
    expect(review.body.total).toBe(reviewBefore + res.body.flagged)

    // a unit pending review cannot be assigned until someone reviews it
    const p = await newProject()
    const refused = await assign(p.id, { equipmentId: lost.id })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('INVALID_STATE')
    expect(
      (await patch(`/api/v1/rental/equipment/${lost.id}`, { reviewed: true, location: 'BASE PEISOL' })).body
        .reviewNote,
    ).toBeNull()
    expect((await assign(p.id, { equipmentId: lost.id })).status).toBe(201)

    // importing the same file again changes nothing
    const again = await upload('/api/v1/rental/equipment/import', 'equipments.json', list())
    expect(again.body).toMatchObject({ imported: true, created: 0, errors: 0 })
    expect(again.body.unchanged + again.body.updated).toBe(units)
  })
}

describeRealFiles('equipments.json', () => {
  describe('equipment import', () => {
    equipmentImportSuite(() => fs.readFileSync(realFixturePath('rental/equipments.json')), {
      units: 255,
      flagged: { atLeast: 53 },
      normalised: { row: 39, written: 'PSLLV- 19-66864', code: 'PSLLV-19-66864' },
      lostCode: 'PSLBT-105',
      donatedCode: 'PSLBT-104',
    })
  })
})

describe('equipment import', () => {
  // a list in the legacy dump layout, with its dirty data (see test/fixtures/equipment-list.ts)
  const list = () => equipmentListJson()

  equipmentImportSuite(list, {
    units: 30,
    flagged: 13,
    normalised: { row: 17, written: 'PSLLV- 19-96864', code: 'PSLLV-19-96864' },
    lostCode: 'PSLBT-905',
    donatedCode: 'PSLBT-904',
    blankNameCode: 'PSLBT-968',
  })

  it('reads the same list from a spreadsheet with Spanish headers: the same report, unit by unit', async () => {
    const fromJson = await upload('/api/v1/rental/equipment/import', 'equipments.json', list(), {
      dryRun: 'true',
    })
    const fromXlsx = await upload(
      '/api/v1/rental/equipment/import',
      'equipos.xlsx',
      await equipmentListWorkbook(),
      { dryRun: 'true' },
    )
    expect(fromXlsx.status).toBe(200)
    const report = (body: Json) =>
      body.rows.map((r: Json) => [r.code, r.name, r.action, r.changes, r.warnings, r.errors])
    expect(report(fromXlsx.body)).toEqual(report(fromJson.body))
    expect(fromXlsx.body).toMatchObject({ total: 30, errors: 0, flagged: fromJson.body.flagged })
  })

  it('is all-or-nothing: one bad row imports nothing and the report names the rows', async () => {
    const before = (await get('/api/v1/rental/equipment?limit=1')).body.total
    const rows = [
      { name: 'BATERIAS SANITARIAS', code: 'NEW-1', type: 'EQUIPO', status: 'OPERATIVA' },
      { name: 'BATERIAS SANITARIAS', code: '', type: 'EQUIPO', status: 'OPERATIVA' },
      { name: 'BATERIAS SANITARIAS', code: 'new 1', type: 'EQUIPO', status: 'OPERATIVA' },
    ]
    const res = await upload(
      '/api/v1/rental/equipment/import',
      'lista.json',
      Buffer.from(JSON.stringify(rows)),
    )
    expect(res.status).toBe(422)
    const { details } = ZImportRejected.parse(res.body).error
    expect(details).toMatchObject({
      fileName: 'lista.json',
      reason: 'rows',
      badRowCount: 2,
      validRowCount: 1,
    })
    expect(details.rows.map((r) => [r.row, r.values?.code ?? null])).toEqual([
      [2, null],
      [3, 'NEW-1'],
    ])
    expect(details.rows.every((r) => r.messages.length > 0)).toBe(true)
    expect((await get('/api/v1/rental/equipment?limit=1')).body.total).toBe(before)
    const notJson = await upload('/api/v1/rental/equipment/import', 'x.txt', Buffer.from('hola'))
    expect(notJson.status).toBe(400)
    expect(notJson.body.error.details[0].path).toBe('file')
    expect(
      (await upload('/api/v1/rental/equipment/import', 'x.json', Buffer.from('[]'), {}, viewer)).status,
    ).toBe(403)
  })

  it('answers an English requester in English: the row report, the refusal and its rows', async () => {
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await patch('/api/v1/auth/me/preferences', { locale }, manager)).status).toBe(200)
    const rows = [
      { name: '', code: 'en 1', type: 'EQUIPO', status: 'EN REPARACION' },
      { name: 'BATERIAS SANITARIAS', code: 'EN-SN', type: 'EQUIPO', status: 'BUSCAR' },
    ]
    const file = (r: unknown[]) => Buffer.from(JSON.stringify(r))
    await setLocale('en')
    try {
      const dry = await upload('/api/v1/rental/equipment/import', 'list.json', file(rows), { dryRun: 'true' })
      expect(dry.status).toBe(200)
      expect(dry.body.rows[0].changes).toEqual(['Code "en 1" → "EN-1"', 'Status "EN REPARACION" → in repair'])
      expect(dry.body.rows[0].errors).toEqual(['The name is missing'])
      expect(dry.body.rows[1].warnings).toEqual([
        'Code "EN-SN" has no number (S/N): give it a real code',
        'Status "BUSCAR": the unit has not been located; review it before renting it',
      ])
      const refused = await upload('/api/v1/rental/equipment/import', 'list.json', file(rows))
      expect(refused.status).toBe(422)
      expect(refused.body.error).toMatchObject({
        message: '1 row(s) with errors; no equipment was imported',
        key: 'rentalProjects.equipmentImport.rejected',
        params: { count: 1 },
      })
      expect(refused.body.error.details.rows).toEqual([
        expect.objectContaining({ row: 1, messages: ['The name is missing'] }),
      ])
      const notJson = await upload('/api/v1/rental/equipment/import', 'x.txt', Buffer.from('hola'))
      expect(notJson.body.error).toMatchObject({
        message: 'Unrecognised format',
        details: [
          expect.objectContaining({
            path: 'file',
            key: 'rentalProjects.equipmentImport.uploadJsonOrXlsx',
            message: 'Upload a JSON file (a list of equipment) or an Excel .xlsx with headers',
          }),
        ],
      })
    } finally {
      await setLocale('es')
    }
    const spanish = await upload('/api/v1/rental/equipment/import', 'list.json', file(rows))
    expect(spanish.body.error.message).toBe('1 fila(s) con errores; no se importó ningún equipo')
    expect(spanish.body.error.details.rows[0].messages).toEqual(['Falta el nombre'])
  })

  it('reads a spreadsheet with Spanish headers', async () => {
    const xlsx = await writeWorkbook([
      {
        name: 'Equipos',
        columns: [
          { header: 'Código', key: 'code' },
          { header: 'Nombre', key: 'name' },
          { header: 'Tipo', key: 'type' },
          { header: 'Estado', key: 'status' },
          { header: 'Marca', key: 'brand' },
        ],
        rows: [
          {
            code: 'XL-PTAP-1',
            name: 'Planta de agua potable 10 m3',
            type: 'PTRTAP',
            status: 'EN REPARACION',
            brand: 'Hydro',
          },
          { code: 'XL-TQ-1', name: 'Tanque agua cruda', type: '', status: 'OPERATIVO', brand: null },
        ],
      },
    ])
    const res = await upload('/api/v1/rental/equipment/import', 'equipos.xlsx', xlsx)
    expect(res.status).toBe(200)
    expect(res.body.created).toBe(2)
    const plant = (await get('/api/v1/rental/equipment?q=XL-PTAP-1')).body.items[0]
    expect(plant).toMatchObject({ type: 'potable_water_plant', condition: 'in_repair', brand: 'Hydro' })
  })
})

describe('assignments', () => {
  it('assigns an equipment (201, money with two decimals), marks it rented; a second open project gets 409', async () => {
    const a = await newProject()
    const b = await newProject()
    const unit = await newUnit()
    const res = await assign(a.id, { equipmentId: unit.id, dailyRate: 18 })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      id: expect.any(String),
      kind: 'equipment',
      dailyRate: '18.00',
      frequency: 'daily',
      weekdays: [],
      status: 'active',
      version: 1,
      description: `ALQUILER / ${unit.code} / BATERÍA SANITARIA`,
    })
    const u = (await get(`/api/v1/rental/equipment/${unit.id}`)).body
    expect(u).toMatchObject({ availability: 'rented', currentProject: { id: a.id } })
    const other = await assign(b.id, { equipmentId: unit.id })
    expect(other.status).toBe(409)
    expect(other.body.error.details).toMatchObject({ projectId: a.id })
    const same = await assign(a.id, { equipmentId: unit.id })
    expect(same.status).toBe(409)
    const detail = (await get(`/api/v1/rental/projects/${a.id}`)).body
    expect(detail).toMatchObject({ activeEquipment: 1, dailyRental: '18.00' })
  })

  it('validates frequency (0 = Monday), money and the operation window', async () => {
    const p = await newProject({ startDate: '2026-02-01' })
    const s = await newService()
    const weekly = await assign(p.id, {
      equipmentId: s.id,
      operationStart: '2026-02-01',
      frequency: 'weekdays',
      weekdays: [4, 0],
      dailyRate: '25.5',
    })
    expect(weekly.status).toBe(201)
    expect(weekly.body).toMatchObject({
      frequency: 'weekdays',
      weekdays: [0, 4],
      dailyRate: '25.50',
      kind: 'service',
    })
    const monthly = await assign(p.id, {
      equipmentId: s.id,
      operationStart: '2026-02-01',
      frequency: { kind: 'monthdays', days: [15, 1] },
    })
    expect(monthly.body).toMatchObject({ frequency: 'monthdays', monthdays: [1, 15] })
    const cases: [Record<string, unknown>, string][] = [
      [{ frequency: 'weekdays' }, 'weekdays'],
      [{ frequency: 'monthdays', monthdays: [] }, 'monthdays'],
      [{ operationStart: '2026-01-31' }, 'operationStart'],
      [{ operationStart: '2026-02-10', operationEnd: '2026-02-09' }, 'operationEnd'],
      [{ dailyRate: '12.345' }, 'dailyRate'],
      [{ dailyRate: '-1' }, 'dailyRate'],
      [{ weekdays: [7], frequency: 'weekdays' }, 'weekdays.0'],
      [{ equipmentId: '00000000-0000-4000-8000-000000000000' }, 'equipmentId'],
    ]
    for (const [over, pathName] of cases) {
      const res = await assign(p.id, { equipmentId: s.id, operationStart: '2026-02-01', ...over })
      expect(res.status, JSON.stringify(over)).toBe(400)
      expect(res.body.error.details.map((d: Json) => d.path).join(), JSON.stringify(over)).toContain(pathName)
    }
  })

  it('refuses units that are not operative; links a service only to an equipment active in the project', async () => {
    const p = await newProject()
    const broken = await newUnit({ condition: 'damaged' })
    expect((await assign(p.id, { equipmentId: broken.id })).status).toBe(409)
    const unit = await newUnit()
    const elsewhere = await newUnit()
    await assign(p.id, { equipmentId: unit.id })
    const s = await newService({ name: 'Limpieza de batería' })
    const linked = await assign(p.id, {
      equipmentId: s.id,
      linkedEquipmentId: unit.id,
      frequency: 'weekdays',
      weekdays: [1],
    })
    expect(linked.status).toBe(201)
    expect(linked.body.linkedEquipment).toMatchObject({ id: unit.id })
    expect(linked.body.description).toBe(`SERVICIO / ${unit.code} / LIMPIEZA DE BATERÍA`)
    const notHere = await assign(p.id, { equipmentId: s.id, linkedEquipmentId: elsewhere.id })
    expect(notHere.status).toBe(400)
    expect(notHere.body.error.details[0].path).toBe('linkedEquipmentId')
    const equipmentLinked = await assign(p.id, { equipmentId: elsewhere.id, linkedEquipmentId: unit.id })
    expect(equipmentLinked.status).toBe(400)
  })

  it('retiring releases the unit and retires the linked services with the same date and reason', async () => {
    const p = await newProject()
    const unit = await newUnit()
    const eq = (await assign(p.id, { equipmentId: unit.id })).body
    const s = await newService()
    const svc = (await assign(p.id, { equipmentId: s.id, linkedEquipmentId: unit.id })).body
    const free = (await assign(p.id, { equipmentId: s.id })).body

    const early = await post(`/api/v1/rental/assignments/${eq.id}/retire`, { date: '2025-12-31' })
    expect(early.status).toBe(400)
    const res = await post(`/api/v1/rental/assignments/${eq.id}/retire`, {
      date: '2026-02-10',
      reason: 'Fin de contrato',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      status: 'retired',
      retiredOn: '2026-02-10',
      retirementReason: 'Fin de contrato',
      version: 2,
      cascadedAssignmentIds: [svc.id],
    })
    const list = (await get(`/api/v1/rental/projects/${p.id}/assignments`)).body
    expect(list.total).toBe(3)
    expect(list.items.find((a: Json) => a.id === svc.id)).toMatchObject({
      status: 'retired',
      retiredOn: '2026-02-10',
      retirementReason: 'Fin de contrato',
    })
    expect(list.items.find((a: Json) => a.id === free.id)).toMatchObject({ status: 'active' })
    expect((await get(`/api/v1/rental/equipment/${unit.id}`)).body).toMatchObject({
      availability: 'available',
      currentProject: null,
    })
    expect((await post(`/api/v1/rental/assignments/${eq.id}/retire`, {})).status).toBe(409)
    expect((await patch(`/api/v1/rental/assignments/${eq.id}`, { dailyRate: '20' })).status).toBe(409)
    // retiring without a date uses today in the organization's time zone
    const svc2 = await post(`/api/v1/rental/assignments/${free.id}/retire`)
    expect(svc2.status, JSON.stringify(svc2.body)).toBe(200)
    expect(svc2.body.retiredOn).toBe('2026-03-15')
    const active = (await get(`/api/v1/rental/projects/${p.id}/assignments?status=active`)).body
    expect(active.total).toBe(0)
  })

  it('reactivation is refused while the unit is active elsewhere; dates never overlap; services come back', async () => {
    const a = await newProject()
    const b = await newProject()
    const unit = await newUnit()
    const eq = (await assign(a.id, { equipmentId: unit.id })).body
    const s = await newService()
    const svc = (await assign(a.id, { equipmentId: s.id, linkedEquipmentId: unit.id })).body
    await post(`/api/v1/rental/assignments/${eq.id}/retire`, { date: '2026-01-31', reason: 'Traslado' })

    const overlapping = await assign(b.id, { equipmentId: unit.id, operationStart: '2026-01-20' })
    expect(overlapping.status).toBe(409)
    const inB = await assign(b.id, { equipmentId: unit.id, operationStart: '2026-02-05' })
    expect(inB.status).toBe(201)

    const blocked = await post(`/api/v1/rental/assignments/${eq.id}/reactivate`, {})
    expect(blocked.status).toBe(409)
    expect(blocked.body.error.details).toMatchObject({ projectId: b.id })

    await post(`/api/v1/rental/assignments/${inB.body.id}/retire`, { date: '2026-02-20' })
    const stillOverlaps = await post(`/api/v1/rental/assignments/${eq.id}/reactivate`, {})
    expect(stillOverlaps.status).toBe(409)
    const back = await post(`/api/v1/rental/assignments/${eq.id}/reactivate`, {
      operationStart: '2026-02-21',
    })
    expect(back.status).toBe(200)
    expect(back.body).toMatchObject({
      status: 'active',
      retiredOn: null,
      operationStart: '2026-02-21',
      cascadedAssignmentIds: [svc.id],
      version: 3,
    })
    expect((await get(`/api/v1/rental/assignments/${svc.id}`)).body).toMatchObject({
      status: 'active',
      operationStart: '2026-02-21',
    })
    expect((await get(`/api/v1/rental/equipment/${unit.id}`)).body.currentProject.id).toBe(a.id)
    expect((await post(`/api/v1/rental/assignments/${eq.id}/reactivate`, {})).status).toBe(409)
  })

  it('edits rate, text, frequency and window; the version grows', async () => {
    const p = await newProject()
    const unit = await newUnit()
    const eq = (await assign(p.id, { equipmentId: unit.id })).body
    const res = await patch(`/api/v1/rental/assignments/${eq.id}`, {
      dailyRate: '21',
      description: 'ALQUILER ESPECIAL',
      operationEnd: '2026-06-30',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      dailyRate: '21.00',
      description: 'ALQUILER ESPECIAL',
      operationEnd: '2026-06-30',
      version: 2,
    })
    const same = await patch(`/api/v1/rental/assignments/${eq.id}`, { dailyRate: '21.00' })
    expect(same.body.version).toBe(2)
    const bad = await patch(`/api/v1/rental/assignments/${eq.id}`, { operationEnd: '2025-12-01' })
    expect(bad.status).toBe(400)
  })

  it('deleting an equipment assignment deletes its linked services and releases the unit', async () => {
    const p = await newProject()
    const unit = await newUnit()
    const eq = (await assign(p.id, { equipmentId: unit.id })).body
    const s = await newService()
    const svc = (await assign(p.id, { equipmentId: s.id, linkedEquipmentId: unit.id })).body
    expect(eq.deletable).toBe(true)
    const res = await del(`/api/v1/rental/assignments/${eq.id}`)
    expect(res.status).toBe(200)
    expect(res.body.deletedIds.sort()).toEqual([eq.id, svc.id].sort())
    expect((await get(`/api/v1/rental/assignments/${svc.id}`)).status).toBe(404)
    expect((await get(`/api/v1/rental/equipment/${unit.id}`)).body.availability).toBe('available')
    // units and services without assignments can be deleted
    expect((await del(`/api/v1/rental/equipment/${s.id}`)).status).toBe(200)
    expect((await del(`/api/v1/rental/equipment/${unit.id}`)).status).toBe(200)
  })

  it('writes audit rows in the same transaction', async () => {
    const p = await newProject()
    const unit = await newUnit()
    const eq = (await assign(p.id, { equipmentId: unit.id })).body
    await post(`/api/v1/rental/assignments/${eq.id}/retire`, { date: '2026-02-01', reason: 'Auditoría' })
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_id', '=', eq.id)
      .orderBy('at')
      .execute()
    expect(rows.map((r) => r.action)).toEqual(['rental.assignment.created', 'rental.assignment.retired'])
  })
})

describe('closing a project', () => {
  it('previews, closes retiring every assignment on the closing date (or its earlier end) and locks the project', async () => {
    const p = await newProject()
    const u1 = await newUnit()
    const u2 = await newUnit()
    await assign(p.id, { equipmentId: u1.id })
    await assign(p.id, { equipmentId: u2.id, operationEnd: '2026-02-15' })
    const s = await newService()
    await assign(p.id, { equipmentId: s.id, linkedEquipmentId: u1.id, frequency: 'weekdays', weekdays: [0] })

    const check = await get(`/api/v1/rental/projects/${p.id}/close`)
    expect(check.body).toMatchObject({ canClose: true, assignmentsToRetire: 3 })
    expect(check.body.equipmentToRelease.map((e: Json) => e.id).sort()).toEqual([u1.id, u2.id].sort())

    const early = await post(`/api/v1/rental/projects/${p.id}/close`, { date: '2025-12-31' })
    expect(early.status).toBe(400)
    const res = await post(`/api/v1/rental/projects/${p.id}/close`, { date: '2026-02-28' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      closed: true,
      closedOn: '2026-02-28',
      endDate: '2026-02-28',
      activeEquipment: 0,
      activeServices: 0,
    })
    const list = (await get(`/api/v1/rental/projects/${p.id}/assignments`)).body.items
    expect(list.map((a: Json) => [a.equipmentId, a.retiredOn, a.retirementReason])).toEqual(
      expect.arrayContaining([
        [u1.id, '2026-02-28', 'Cierre de proyecto'],
        [u2.id, '2026-02-15', 'Cierre de proyecto'],
        [s.id, '2026-02-28', 'Cierre de proyecto'],
      ]),
    )
    expect((await get(`/api/v1/rental/equipment/${u1.id}`)).body.availability).toBe('available')

    const u3 = await newUnit()
    const locked = [
      await assign(p.id, { equipmentId: u3.id }),
      await patch(`/api/v1/rental/projects/${p.id}`, { notes: 'x' }),
      await post(`/api/v1/rental/assignments/${list[0].id}/reactivate`, {}),
      await del(`/api/v1/rental/assignments/${list[0].id}`),
      await post(`/api/v1/rental/projects/${p.id}/close`, {}),
    ]
    expect(locked.map((r) => r.status)).toEqual([409, 409, 409, 409, 409])
    expect((await get(`/api/v1/rental/projects/${p.id}/close`)).body).toMatchObject({
      canClose: false,
      blockers: [{ code: 'already_closed' }],
    })
    // the unit is free for another project right after the closing date
    const q = await newProject()
    expect((await assign(q.id, { equipmentId: u1.id, operationStart: '2026-03-01' })).status).toBe(201)
  })
})

describe('maintenance calendar', () => {
  it('places the visits of each service by its frequency inside its window', async () => {
    const p = await newProject({ startDate: '2026-02-01' })
    const s = await newService({ name: 'Limpieza' })
    // Mondays and Thursdays from Feb 1; Feb 2026: Mondays 2, 9, 16, 23; Thursdays 5, 12, 19, 26
    await assign(p.id, {
      equipmentId: s.id,
      operationStart: '2026-02-01',
      frequency: 'weekdays',
      weekdays: [0, 3],
      dailyRate: '25',
    })
    // monthly suction on the 15th and 30th, only until Feb 20
    await assign(p.id, {
      equipmentId: s.id,
      operationStart: '2026-02-01',
      operationEnd: '2026-02-20',
      frequency: 'monthdays',
      monthdays: [15, 30],
      dailyRate: '100',
    })
    const res = await get(`/api/v1/rental/projects/${p.id}/calendar?month=2026-02`)
    expect(res.status).toBe(200)
    expect(res.body.days).toHaveLength(28)
    expect(res.body.summary).toEqual({ visits: 9, services: 2, amount: '300.00' })
    expect(res.body.days.find((d: Json) => d.date === '2026-02-15').visits).toHaveLength(1)
    // upcoming from today (2026-03-15, a Sunday) for 14 days: Mondays and Thursdays only (the monthly one ended)
    const march = (await get(`/api/v1/rental/projects/${p.id}/calendar`)).body
    expect(march.month).toBe('2026-03')
    expect(march.upcoming.map((v: Json) => v.date)).toEqual([
      '2026-03-16',
      '2026-03-19',
      '2026-03-23',
      '2026-03-26',
    ])
    expect((await get(`/api/v1/rental/projects/${p.id}/calendar?month=2026-13`)).status).toBe(400)
  })
})

describe('permissions and tenancy', () => {
  it('viewers read, supervisors cannot manage, other organizations see nothing', async () => {
    const p = await newProject()
    expect((await get(`/api/v1/rental/projects/${p.id}/assignments`, viewer)).status).toBe(200)
    expect((await post(`/api/v1/rental/projects/${p.id}/close`, {}, supervisor)).status).toBe(403)
    expect((await get(`/api/v1/rental/projects/${p.id}/calendar`, offshoreAdmin)).status).toBe(404)
    expect((await get(`/api/v1/rental/equipment?limit=1`, offshoreAdmin)).body.total).toBe(0)
  })
})

describe('hooks and read functions for the other rental modules', () => {
  const actor = (): Actor => ({
    userId: '00000000-0000-0000-0000-000000000000',
    email: 'system',
    orgId: rentalOrg,
    role: 'admin',
    requestId: 'test',
    ip: null,
    userAgent: null,
  })
  // every port is required: the ones a test does not look at are given explicitly as "nothing there"
  const nothing: RentalProjectsHooks = {
    onAssignmentsChanged: async () => {},
    frozenPeriods: async () => [],
    hasDocumentsForAssignment: async () => false,
    chainsOfAssignment: async () => [],
    hasSheetInProgress: async () => false,
  }
  const service = (hooks: Partial<RentalProjectsHooks>) =>
    createRentalProjectsService({
      db: t.db,
      clock: () => NOW,
      timeZoneOf: createTimeZoneLookup(t.db),
      hooks: { ...nothing, ...hooks },
    })

  it('calls onAssignmentsChanged inside the change transaction; a failing hook rolls the change back', async () => {
    const p = await newProject()
    const unit = await newUnit()
    const seen: { projectId: string; count: number }[] = []
    const ok = service({
      async onAssignmentsChanged(trx: Executor, _actor, projectId) {
        seen.push({ projectId, count: (await listAssignments(trx, rentalOrg, projectId)).length })
      },
    })
    const a = await ok.createAssignment(actor(), p.id, {
      equipmentId: unit.id,
      dailyRate: '10',
      frequency: 'daily',
      operationStart: '2026-01-01',
    })
    await ok.retireAssignment(actor(), a.id, { date: '2026-01-20' })
    await ok.updateProject(actor(), p.id, { notes: 'sin cambio de asignaciones' })
    expect(seen).toEqual([
      { projectId: p.id, count: 1 },
      { projectId: p.id, count: 1 },
    ])
    const failing = service({
      onAssignmentsChanged: () => Promise.reject(new Error('billing exploded')),
    })
    await expect(failing.reactivateAssignment(actor(), a.id, {})).rejects.toThrow('billing exploded')
    expect((await get(`/api/v1/rental/assignments/${a.id}`)).body.status).toBe('retired')
  })

  it('refuses deletion when documents reference the assignment, and closing while a sheet is in progress', async () => {
    const p = await newProject()
    const unit = await newUnit()
    const guarded = service({
      hasDocumentsForAssignment: async (_trx, orgId, id) => orgId === rentalOrg && id !== '',
      hasSheetInProgress: async (_trx, _orgId, projectId) => projectId === p.id,
    })
    const a = await guarded.createAssignment(actor(), p.id, {
      equipmentId: unit.id,
      dailyRate: '10',
      frequency: 'daily',
      operationStart: '2026-01-01',
    })
    expect(a.deletable).toBe(false)
    await expect(guarded.deleteAssignment(actor(), a.id)).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await guarded.closeCheck(actor(), p.id)).blockers).toEqual([
      { code: 'sheet_in_progress', message: expect.any(String) },
    ])
    await expect(guarded.closeProject(actor(), p.id, {})).rejects.toMatchObject({ code: 'INVALID_STATE' })
    expect((await get(`/api/v1/rental/projects/${p.id}`)).body.closed).toBe(false)
  })

  it('exposes projects, clients, equipment and assignments (engine frequency, version) by organization', async () => {
    const p = await newProject({ name: 'Lectura externa' })
    const unit = await newUnit()
    const s = await newService()
    await assign(p.id, { equipmentId: unit.id, dailyRate: '12.5' })
    await assign(p.id, {
      equipmentId: s.id,
      linkedEquipmentId: unit.id,
      frequency: 'weekdays',
      weekdays: ['mon', 'fri'],
    })
    const offshoreOrg = await t.orgId('demo-offshore')
    await t.db.transaction().execute(async (trx) => {
      expect(await getProject(trx, rentalOrg, p.id)).toMatchObject({
        name: 'Lectura externa',
        client: { id: clientId },
      })
      expect(await getProject(trx, offshoreOrg, p.id)).toBeUndefined()
      expect(await getClient(trx, rentalOrg, clientId)).toMatchObject({ id: clientId })
      const list = await listAssignments(trx, rentalOrg, p.id)
      expect(list.map((a) => [a.kind, a.dailyRate, a.frequency, a.version])).toEqual([
        ['equipment', '12.50', { kind: 'daily' }, 1],
        ['service', '18.00', { kind: 'weekdays', days: [0, 4] }, 1],
      ])
      expect(list[1]).toMatchObject({
        linkedEquipmentId: unit.id,
        linkedEquipmentCode: unit.code,
        retiredOn: null,
      })
      expect((await getAssignments(trx, rentalOrg, [list[0]!.id, list[0]!.id])).length).toBe(1)
      expect((await getEquipment(trx, rentalOrg, [unit.id, s.id])).map((e) => e.id).sort()).toEqual(
        [unit.id, s.id].sort(),
      )
      expect(await getEquipment(trx, offshoreOrg, [unit.id])).toEqual([])
      expect(await findProjectIds(trx, rentalOrg, 'lectura ext')).toEqual([p.id])
    })
  })
})

describe('with the other rental modules wired (app.ts)', () => {
  const has = (url: string) => t.app.registeredRoutes.some((r) => r.url === url)

  it('a billing sheet in progress blocks closing; assignment changes recompute it', async () => {
    if (!has('/api/v1/rental/billing-sheets')) return
    const p = await newProject({ startDate: '2026-02-01' })
    const unit = await newUnit()
    const a = (await assign(p.id, { equipmentId: unit.id, operationStart: '2026-02-01', dailyRate: '10' }))
      .body
    const sheet = await post('/api/v1/rental/billing-sheets', {
      projectId: p.id,
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
    })
    expect(sheet.status).toBe(201)
    const totalOf = async () => (await get(`/api/v1/rental/billing-sheets/${sheet.body.id}`)).body.subtotal
    expect(await totalOf()).toBe('280.00')
    await post(`/api/v1/rental/assignments/${a.id}/retire`, { date: '2026-02-10', reason: 'Recorte' })
    expect(await totalOf()).toBe('100.00')

    const check = (await get(`/api/v1/rental/projects/${p.id}/close`)).body
    expect(check).toMatchObject({ canClose: false, blockers: [{ code: 'sheet_in_progress' }] })
    const refused = await post(`/api/v1/rental/projects/${p.id}/close`, {})
    expect(refused.status).toBe(409)
    expect((await get(`/api/v1/rental/projects/${p.id}`)).body.closed).toBe(false)
  })

  it('a custody chain that attended a service makes its assignment non-deletable', async () => {
    if (!has('/api/v1/rental/custody-chains')) return
    const p = await newProject({ startDate: '2026-02-01' })
    const unit = await newUnit()
    await assign(p.id, { equipmentId: unit.id, operationStart: '2026-02-01' })
    const s = await newService()
    const svc = (
      await assign(p.id, { equipmentId: s.id, linkedEquipmentId: unit.id, operationStart: '2026-02-01' })
    ).body
    const chain = await post('/api/v1/rental/custody-chains', {
      projectId: p.id,
      activityDate: '2026-02-05',
      assignmentIds: [svc.id],
      volumeUnit: 'gallons',
      volume: '180',
    })
    expect(chain.status).toBe(201)
    expect((await get(`/api/v1/rental/assignments/${svc.id}`)).body.deletable).toBe(false)
    const refused = await del(`/api/v1/rental/assignments/${svc.id}`)
    expect(refused.status).toBe(409)
    // the equipment assignment takes its linked service with it: refused too
    const eq = (await get(`/api/v1/rental/projects/${p.id}/assignments`)).body.items.find(
      (x: Json) => x.kind === 'equipment',
    )
    expect((await del(`/api/v1/rental/assignments/${eq.id}`)).status).toBe(409)
    // retiring is still possible
    expect((await post(`/api/v1/rental/assignments/${svc.id}/retire`, { date: '2026-02-28' })).status).toBe(
      200,
    )
  })

  it('an assignment on a maintenance sheet or a shipping guide is not offered for deletion and answers 409', async () => {
    if (!has('/api/v1/rental/maintenance-sheets')) return
    const p = await newProject({ startDate: '2026-02-01' })
    const onSheet = (await assign(p.id, { equipmentId: (await newUnit()).id, operationStart: '2026-02-01' }))
      .body
    const onGuide = (await assign(p.id, { equipmentId: (await newUnit()).id, operationStart: '2026-02-01' }))
      .body
    const sheet = await post('/api/v1/rental/maintenance-sheets', {
      projectId: p.id,
      assignmentId: onSheet.id,
      startDate: '2026-02-03',
    })
    expect(sheet.status).toBe(201)
    const guide = await post('/api/v1/rental/shipping-guides', {
      projectId: p.id,
      issueDate: '2026-02-04',
      items: [{ assignmentId: onGuide.id, description: 'Generador', quantity: 1 }],
    })
    expect(guide.status).toBe(201)
    const listed = (await get(`/api/v1/rental/projects/${p.id}/assignments`)).body.items
    for (const a of [onSheet, onGuide]) {
      expect(listed.find((x: Json) => x.id === a.id).deletable).toBe(false)
      expect((await get(`/api/v1/rental/assignments/${a.id}`)).body.deletable).toBe(false)
      const refused = await del(`/api/v1/rental/assignments/${a.id}`)
      expect(refused.status).toBe(409)
      expect(refused.body.error).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('retírala en lugar de eliminarla'),
        details: { assignmentIds: [a.id] },
      })
      expect((await get(`/api/v1/rental/assignments/${a.id}`)).status).toBe(200)
    }
    // without its documents the assignment goes
    expect((await del(`/api/v1/rental/maintenance-sheets/${sheet.body.id}`)).status).toBe(200)
    expect((await get(`/api/v1/rental/assignments/${onSheet.id}`)).body.deletable).toBe(true)
    expect((await del(`/api/v1/rental/assignments/${onSheet.id}`)).status).toBe(200)
  })
})
