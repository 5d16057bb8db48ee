import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATALOG_NAMES, type TCatalogName } from '@faena/contracts'
import { askExport, exportViaJob, jobStatusFor } from '../../../test/export-jobs'
import { createTestApp, type TestApp } from '../../../test/harness'
import { findUnitByKey, getReferences, listStepTemplates, normalizeUnitKey } from './index'

let t: TestApp
let admin: string
let offshoreOrg: string
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin@offshore.test')
  offshoreOrg = await t.orgId('demo-offshore')
})
afterAll(async () => t.close())

type Json = Record<string, unknown> & { id: string }
type ErrorBody = {
  error: {
    code: string
    key?: string
    message: string
    details: { path: string; key?: string; message: string }[]
  }
}
const bodyOf = <T = Json>(res: { json: () => unknown }) => res.json() as T
const errorOf = (res: { json: () => unknown }) => bodyOf<ErrorBody>(res).error
const url = (name: TCatalogName, rest = '') => `/api/v1/catalogs/${name}${rest}`
const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object, cookie = admin) =>
  t.app.inject({ method, url: path, headers: { cookie }, ...(payload ? { payload } : {}) })
const list = async (name: TCatalogName, query = '', cookie = admin) => {
  const res = await call('GET', `${url(name)}?limit=500${query}`, undefined, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return bodyOf<{ items: Json[]; total: number }>(res)
}
const create = async (name: TCatalogName, body: object) => {
  const res = await call('POST', url(name), body)
  expect(res.statusCode, res.body).toBe(201)
  return bodyOf(res)
}
const auditOf = async (entityType: string, entityId: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['action', 'module', 'changes', 'org_id'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()

/** A valid new record per catalog, its patch, and the audit entity type. */
const CASES: Record<TCatalogName, { body: (tag: string) => object; patch: object; entityType: string }> = {
  clients: {
    body: (s) => ({ name: `Cliente Prueba ${s}`, clientType: 'INTERCOM' }),
    patch: { clientType: 'CONTRATO' },
    entityType: 'client',
  },
  'project-managers': {
    body: (s) => ({ name: `Ing. Prueba ${s}`, email: `prueba.${s.toLowerCase()}@offshore.test` }),
    patch: { email: null },
    entityType: 'project_manager',
  },
  types: {
    body: (s) => ({ name: `TIPO ${s}`, level: 'proposal' }),
    patch: { level: 'work_order' },
    entityType: 'type',
  },
  statuses: {
    body: (s) => ({ name: `ESTATUS ${s}`, level: 'billing' }),
    patch: { comment: 'Revisado' },
    entityType: 'status',
  },
  fronts: {
    body: (s) => ({ name: `FRENTE ${s}`, siteKinds: ['vessel'] }),
    patch: { siteKinds: ['vessel', 'yard'] },
    entityType: 'front',
  },
  sites: {
    body: (s) => ({ name: `PLATAFORMA ${s}`, kind: 'platform' }),
    patch: { kind: 'interconnection' },
    entityType: 'site',
  },
  units: {
    body: (s) => ({ key: `U${s}`, description: `Unidad ${s}` }),
    patch: { description: 'Unidad cambiada' },
    entityType: 'unit',
  },
  'proposal-step-templates': {
    body: (s) => ({ clientType: 'CONTRATO', name: `Paso ${s}`, position: 90 }),
    patch: { position: 91 },
    entityType: 'proposal_step_template',
  },
  'work-order-step-templates': {
    body: (s) => ({ clientType: 'INTERCOM', name: `Paso OT ${s}`, position: 90 }),
    patch: { name: 'Paso OT Crud renombrado' },
    entityType: 'work_order_step_template',
  },
}

describe('demo seed', () => {
  it('seeds realistic catalogs for the offshore organization only', async () => {
    const clients = await list('clients')
    expect(clients.items).toContainEqual(
      expect.objectContaining({ name: 'PEMEX Exploración y Producción', clientType: 'CONTRATO' }),
    )
    expect(clients.items.filter((c) => c.clientType === 'INTERCOM').length).toBeGreaterThanOrEqual(2)
    expect((await list('project-managers')).total).toBeGreaterThanOrEqual(6)

    const types = await list('types')
    const typeNames = (level: string) => types.items.filter((x) => x.level === level).map((x) => x.name)
    expect(typeNames('proposal')).toEqual(
      expect.arrayContaining([
        'LICITACION',
        'COSTEO CLASE V',
        'COSTEO CLASE IV',
        'COSTEO CLASE III',
        'OBRA',
        'UDC',
        'MERCADEOS',
        'SERVICIO DE MTTO',
        'SERVICIOS',
        'MANTENIMIENTO',
      ]),
    )
    expect(typeNames('work_order')).toEqual(expect.arrayContaining(['INICIAL', 'REPROGRAMACION']))
    expect(typeNames('concept')).toEqual(expect.arrayContaining(['ORDINARIA', 'EXTRAORDINARIA']))

    const statuses = await list('statuses', '&level=daily_report')
    expect(statuses.items.map((s) => s.name)).toEqual(
      expect.arrayContaining(['FIRMADO', 'FALTA FIRMA PEMEX', 'PENDIENTE', 'PROCESO']),
    )

    const fronts = await list('fronts')
    expect(fronts.items.map((f) => f.name).sort()).toEqual(['BARCO', 'CP / PS', 'TIERRA'])
    expect(fronts.items.find((f) => f.name === 'BARCO')?.siteKinds).toContain('vessel')

    const sites = await list('sites')
    const count = (kind: string) => sites.items.filter((s) => s.kind === kind).length
    expect(count('vessel')).toBe(3)
    expect(count('platform')).toBe(12)
    expect(count('yard')).toBe(2)
    expect(count('interconnection')).toBeGreaterThan(0)
    expect(sites.items.map((s) => s.name)).toEqual(expect.arrayContaining(['AKAL-C', 'KU-A', 'ABKATUN-A']))

    const rental = await t.login('admin@rental.test')
    for (const name of CATALOG_NAMES) expect((await list(name, '', rental)).total, name).toBe(0)
  })

  it('has every unit of the fixtures (Anexo C contract and PUEs), one per normalized key', async () => {
    const units = await list('units')
    const keys = new Set(units.items.map((u) => u.normalizedKey))
    const fixtureUnits = [
      // ANEXO_C_CONTRATO.xlsx, column UNIDAD (and Día / Lote of the summary sheet)
      ...[
        'COMIDA',
        'DÍA',
        'H-H',
        'HOM/DÍA',
        'HORA',
        'JORNADA',
        'JUNTA',
        'M',
        'M2',
        'ML',
        'PIEZA',
        'SERVICIO',
        'TON',
        'Día',
        'Lote',
      ],
      // ANEXO_C_PUES.xlsx (docs/imports.md#pue-workbook)
      ...[
        'PIEZA',
        'SERVICIO',
        'M',
        'TON',
        'DÍA',
        'HORA',
        'M3',
        'JORNADA',
        'M2',
        'EVENTO',
        'LOTE',
        'KG',
        'ML',
        'LITRO',
        'H-H',
      ],
      ...['SERV/DIA', 'PAQUETE', 'EQUIPO', 'JUNTA', 'SISTEMA', 'ESTACION', 'M2/DÍA', 'HOM/DÍA'],
    ]
    for (const u of fixtureUnits) expect(keys.has(normalizeUnitKey(u)), u).toBe(true)
    expect(keys.size).toBe(units.items.length)
  })

  it('has proposal and work-order step templates for both client types, with sub-steps under Volumetría', async () => {
    for (const kind of ['proposal', 'work_order'] as const) {
      for (const clientType of ['CONTRATO', 'INTERCOM'] as const) {
        const steps = await listStepTemplates(t.db, offshoreOrg, kind, clientType)
        expect(steps.length, `${kind} ${clientType}`).toBeGreaterThan(5)
        expect(
          steps.some((s) => s.parentId !== null),
          `${kind} ${clientType} sub-steps`,
        ).toBe(true)
      }
    }
    const contrato = await listStepTemplates(t.db, offshoreOrg, 'proposal', 'CONTRATO')
    const step4 = contrato.find((s) => s.parentId === null && s.position === 4)
    expect(step4?.name).toMatch(/Volumetría/)
    const subs = contrato.filter((s) => s.parentId === step4?.id)
    expect(subs.length).toBeGreaterThanOrEqual(3)
    expect(subs.map((s) => s.position)).toEqual([...subs.map((s) => s.position)].sort((a, b) => a - b))
    // parents before their children, children right after their parent
    const mains = contrato.filter((s) => s.parentId === null)
    expect(mains.map((s) => s.position)).toEqual(mains.map((_, i) => i + 1))
    const i4 = contrato.indexOf(step4!)
    expect(contrato.slice(i4 + 1, i4 + 1 + subs.length)).toEqual(subs)
  })
})

describe('CRUD on every catalog', () => {
  it.each(CATALOG_NAMES)('%s: create, get, patch, search, deactivate, restore, all audited', async (name) => {
    const c = CASES[name]
    const created = await create(name, c.body('Crud'))
    expect(created).toMatchObject({ active: true, comment: null })

    const got = await call('GET', url(name, `/${created.id}`))
    expect(got.statusCode).toBe(200)
    expect(bodyOf(got)).toEqual(created)

    const patched = await call('PATCH', url(name, `/${created.id}`), c.patch)
    expect(patched.statusCode, patched.body).toBe(200)
    expect(bodyOf(patched)).toMatchObject(c.patch)

    const found = await list(name, '&q=crud')
    expect(found.items.map((i) => i.id)).toContain(created.id)

    const deleted = await call('DELETE', url(name, `/${created.id}`))
    expect(deleted.statusCode).toBe(200)
    expect(bodyOf(deleted)).toMatchObject({ id: created.id, active: false })
    expect((await list(name)).items.map((i) => i.id)).not.toContain(created.id)
    expect((await list(name, '&includeInactive=true')).items.map((i) => i.id)).toContain(created.id)

    const restored = await call('POST', url(name, `/${created.id}/restore`))
    expect(restored.statusCode).toBe(200)
    expect(bodyOf(restored)).toMatchObject({ active: true })

    const audit = await auditOf(c.entityType, created.id)
    expect(audit.map((a) => a.action)).toEqual(
      ['created', 'updated', 'deactivated', 'restored'].map((v) => `${c.entityType}.${v}`),
    )
    expect(audit.every((a) => a.module === 'catalogs' && a.org_id === offshoreOrg)).toBe(true)
    const [field, value] = Object.entries(c.patch)[0] as [string, unknown]
    expect(audit[1]!.changes).toContainEqual({
      field,
      old: (created as Record<string, unknown>)[field],
      new: value,
    })
    expect(audit[2]!.changes).toEqual([{ field: 'active', old: true, new: false }])
  })

  it('paginates with limit/offset and a total', async () => {
    const all = await list('sites')
    const page = await call('GET', `${url('sites')}?limit=5&offset=5`)
    expect(bodyOf<{ total: number }>(page).total).toBe(all.total)
    expect(bodyOf<{ items: Json[] }>(page).items.map((i) => i.id)).toEqual(
      all.items.slice(5, 10).map((i) => i.id),
    )
  })

  it('sorts by name both ways and filters by kind', async () => {
    const asc = (await list('sites', '&kind=platform&sort=name&dir=asc')).items.map((i) => i.name as string)
    const desc = (await list('sites', '&kind=platform&sort=name&dir=desc')).items.map((i) => i.name as string)
    expect(asc).toHaveLength(12)
    expect(desc).toEqual([...asc].reverse())
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, 'en')))
  })

  it('keeps the fields a PATCH does not send (no defaults applied)', async () => {
    const front = await create('fronts', { name: 'FRENTE PARCIAL', siteKinds: ['platform', 'yard'] })
    const res = await call('PATCH', url('fronts', `/${front.id}`), { comment: 'sólo comentario' })
    expect(bodyOf(res)).toMatchObject({ siteKinds: ['platform', 'yard'], comment: 'sólo comentario' })
  })

  it('exports the filtered list to Excel (a job: 202 + Location, polled to done, the workbook)', async () => {
    const res = await exportViaJob(t, admin, `${url('sites')}/export`, { kind: 'vessel' })
    expect(res.job.kind).toBe('catalogs.export')
    expect(res.run).toMatchObject({ done: 3, total: 3 })
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(res.contentDisposition).toContain('sitios.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.name).toBe('Sitios')
    expect(ws.getRow(1).getCell(1).value).toBe('Sitio')
    expect(ws.getRow(1).getCell(2).value).toBe('Tipo de sitio')
    expect(ws.rowCount).toBe(1 + 3)
    // the filter applies and the list's order is kept: every row a vessel, names in order
    const vessels = (await list('sites', '&kind=vessel')).items
    const names = (ws.getColumn(1).values as unknown[]).slice(2)
    expect(names).toEqual(vessels.map((s) => s.name))
    expect((ws.getColumn(2).values as unknown[]).slice(2).every((k) => k === 'vessel')).toBe(true)

    const steps = await exportViaJob(t, admin, `${url('proposal-step-templates')}/export`, {
      clientType: 'CONTRATO',
      sort: 'position',
    })
    const wb2 = new ExcelJS.Workbook()
    await wb2.xlsx.load(steps.raw as unknown as ArrayBuffer)
    const numbers = wb2.worksheets[0]!.getColumn(2).values.slice(2)
    expect(numbers.slice(0, 6)).toEqual(['1', '2', '3', '4', '4.1', '4.2'])
  })

  it("the export job is another organization's 404; bad filters are a 400", async () => {
    const res = await exportViaJob(t, admin, `${url('clients')}/export`, { q: 'nada-coincide-con-esto' })
    expect(res.run).toMatchObject({ done: 0, total: 0 })
    const rental = await t.login('admin@rental.test')
    expect(await jobStatusFor(t, rental, res.job.id)).toEqual({ run: 404, result: 404 })
    expect(await jobStatusFor(t, admin, res.job.id)).toEqual({ run: 200, result: 200 })
    const bad = await askExport(t, admin, `${url('sites')}/export`, { kind: 'nave' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('kind')
  })
})

describe('messages and exports in the caller language', () => {
  const setLocale = async (cookie: string, locale: 'es' | 'en') =>
    expect((await call('PATCH', '/api/v1/auth/me/preferences', { locale }, cookie)).statusCode).toBe(200)
  const TEXTS = {
    es: {
      duplicate: 'Ya existe un cliente activo con ese nombre',
      notFound: 'Unidad de medida no encontrada',
      invalid: 'Datos no válidos',
      parent: 'El paso padre no existe o está inactivo',
      subSteps: 'El paso tiene sub-pasos activos; desactívalos primero',
      file: 'frentes.xlsx',
      sheet: 'Frentes',
      headers: ['Frente', 'Tipos de sitio', 'Activo', 'Comentario', 'Creado'],
      yes: 'Sí',
    },
    en: {
      duplicate: 'An active client with that name already exists',
      notFound: 'Unit of measure not found',
      invalid: 'Invalid data',
      parent: 'The parent step does not exist or is inactive',
      subSteps: 'The step has active sub-steps; deactivate them first',
      file: 'fronts.xlsx',
      sheet: 'Fronts',
      headers: ['Front', 'Site kinds', 'Active', 'Comment', 'Created'],
      yes: 'Yes',
    },
  } as const

  it.each(['es', 'en'] as const)(
    '%s: a duplicate, a missing record, a step rule and a workbook',
    async (lang) => {
      const manager = await t.login('manager@offshore.test')
      const x = TEXTS[lang]
      await setLocale(manager, lang)
      try {
        const dup = await call(
          'POST',
          url('clients'),
          { name: 'PEMEX Exploración y Producción', clientType: 'CONTRATO' },
          manager,
        )
        expect(dup.statusCode).toBe(409)
        expect(bodyOf<ErrorBody>(dup).error).toMatchObject({
          code: 'CONFLICT',
          key: 'catalogs.duplicateClient',
          message: x.duplicate,
          details: [{ path: 'name', key: 'catalogs.duplicateClient', message: x.duplicate }],
        })

        const missing = await call(
          'GET',
          url('units', '/00000000-0000-4000-8000-000000000000'),
          undefined,
          manager,
        )
        expect(missing.statusCode).toBe(404)
        expect(errorOf(missing).message).toBe(x.notFound)

        const badParent = await call(
          'POST',
          url('proposal-step-templates'),
          {
            clientType: 'CONTRATO',
            name: 'Sub sin padre',
            position: 1,
            parentId: '00000000-0000-4000-8000-000000000000',
          },
          manager,
        )
        expect(badParent.statusCode).toBe(400)
        expect(errorOf(badParent)).toMatchObject({
          message: x.invalid,
          details: [{ path: 'parentId', key: 'catalogs.parentMissing', message: x.parent }],
        })

        const main = (await list('proposal-step-templates', '&clientType=CONTRATO&sort=position')).items.find(
          (s) => s.parentId === null && s.position === 4,
        )!
        const busy = await call('DELETE', url('proposal-step-templates', `/${main.id}`), undefined, manager)
        expect(busy.statusCode).toBe(409)
        expect(errorOf(busy).message).toBe(x.subSteps)

        const res = await exportViaJob(t, manager, `${url('fronts')}/export`)
        expect(res.contentDisposition).toContain(x.file)
        const wb = new ExcelJS.Workbook()
        await wb.xlsx.load(res.raw as unknown as ArrayBuffer)
        const ws = wb.worksheets[0]!
        expect(ws.name).toBe(x.sheet)
        expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(x.headers)
        expect(ws.getRow(2).getCell(3).value).toBe(x.yes)
      } finally {
        await setLocale(manager, 'es')
      }
    },
  )
})

describe('search', () => {
  it('ignores case and accents in names', async () => {
    for (const q of ['exploracion', 'EXPLORACIÓN', 'Producción', 'pemex explo']) {
      const r = await list('clients', `&q=${encodeURIComponent(q)}`)
      expect(
        r.items.map((i) => i.name),
        q,
      ).toContain('PEMEX Exploración y Producción')
    }
    const steps = await list('proposal-step-templates', `&q=${encodeURIComponent('VOLUMETRIA')}`)
    expect(steps.items.some((s) => s.name === 'Volumetría de materiales')).toBe(true)
  })

  it('finds units by key or description ignoring case, accents and spaces', async () => {
    for (const q of ['hom / dia', 'HOM/DÍA', 'hombre por dia']) {
      const r = await list('units', `&q=${encodeURIComponent(q)}`)
      expect(
        r.items.map((i) => i.key),
        q,
      ).toContain('HOM/DÍA')
    }
  })

  it('treats % and _ literally', async () => {
    expect((await list('clients', '&q=%25')).total).toBe(0)
    expect((await list('clients', '&q=_')).total).toBe(0)
  })
})

describe('units', () => {
  it('are matched ignoring case, accents and spaces (findUnitByKey) and keys are unique that way', async () => {
    for (const k of ['hom / dia', 'Hom/Día', ' HOM/DIA '])
      expect((await findUnitByKey(t.db, offshoreOrg, k))?.key, k).toBe('HOM/DÍA')
    expect(await findUnitByKey(t.db, offshoreOrg, 'NOPE')).toBeUndefined()
    expect(await findUnitByKey(t.db, offshoreOrg, '   ')).toBeUndefined()

    const dup = await call('POST', url('units'), { key: 'hom / dia', description: 'Otra' })
    expect(dup.statusCode).toBe(409)
    expect(errorOf(dup).code).toBe('CONFLICT')
    expect(errorOf(dup).details[0]?.path).toBe('key')

    const created = await create('units', { key: 'Pza Esp', description: 'Pieza especial' })
    expect(created.normalizedKey).toBe('pzaesp')
    const renamed = await call('PATCH', url('units', `/${created.id}`), { key: 'PZA-ESP' })
    expect(bodyOf(renamed).normalizedKey).toBe('pza-esp')
  })

  it('are not found in another organization', async () => {
    const rentalOrg = await t.orgId('demo-rental')
    expect(await findUnitByKey(t.db, rentalOrg, 'TON')).toBeUndefined()
  })
})

describe('uniqueness and validation', () => {
  it('answers 409 naming the field for a duplicate name among active rows, ignoring case and accents', async () => {
    for (const name of ['PEMEX Exploración y Producción', 'pemex exploracion y produccion']) {
      const res = await call('POST', url('clients'), { name, clientType: 'CONTRATO' })
      expect(res.statusCode).toBe(409)
      expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', details: [{ path: 'name' }] })
    }
    // the same name on another level is another type
    await create('types', { name: 'INICIAL', level: 'production' })
    expect((await call('POST', url('types'), { name: 'inicial', level: 'work_order' })).statusCode).toBe(409)
  })

  it('lets a deactivated name be reused, and then refuses to restore the old record', async () => {
    const old = await create('sites', { name: 'PLATAFORMA REUSO', kind: 'platform' })
    await call('DELETE', url('sites', `/${old.id}`))
    await create('sites', { name: 'Plataforma Reuso', kind: 'platform' })
    const restore = await call('POST', url('sites', `/${old.id}/restore`))
    expect(restore.statusCode).toBe(409)
    expect(errorOf(restore).details[0]?.path).toBe('name')
  })

  it('refuses a rename onto an existing name', async () => {
    const a = await create('project-managers', { name: 'Ing. Renombre Uno' })
    const res = await call('PATCH', url('project-managers', `/${a.id}`), { name: 'ING. RENOMBRE UNO ' })
    expect(res.statusCode).toBe(200) // itself
    const dup = await call('PATCH', url('project-managers', `/${a.id}`), {
      name: 'Ing. Luis Alberto Hernández Cruz',
    })
    expect(dup.statusCode).toBe(409)
  })

  it('answers 400 naming every bad field', async () => {
    const res = await call('POST', url('clients'), { name: '  ', clientType: 'OTRO' })
    expect(res.statusCode).toBe(400)
    const paths = errorOf(res).details.map((d) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['name', 'clientType']))

    const pm = await call('POST', url('project-managers'), { name: 'X', email: 'no-es-correo' })
    expect(errorOf(pm).details[0]?.path).toBe('email')

    const step = await call('POST', url('proposal-step-templates'), {
      clientType: 'CONTRATO',
      name: 'X',
      position: 0,
    })
    expect(step.statusCode).toBe(400)
    expect(errorOf(step).details[0]?.path).toBe('position')

    const unknown = await call('POST', url('sites'), { name: 'X', kind: 'platform', org: 'x' })
    expect(unknown.statusCode).toBe(400)

    const badId = await call('GET', url('sites', '/not-a-uuid'))
    expect(badId.statusCode).toBe(400)
  })
})

describe('access', () => {
  it('lets a viewer read but not change (403), and checks the service too', async () => {
    const viewer = await t.login('viewer@offshore.test')
    expect((await call('GET', url('clients'), undefined, viewer)).statusCode).toBe(200)
    const res = await call('POST', url('clients'), { name: 'Cliente Visor', clientType: 'CONTRATO' }, viewer)
    expect(res.statusCode).toBe(403)
    const anyClient = (await list('clients')).items[0]!
    expect((await call('DELETE', url('clients', `/${anyClient.id}`), undefined, viewer)).statusCode).toBe(403)
    const manager = await t.login('manager@offshore.test')
    expect(
      (await call('POST', url('clients'), { name: 'Cliente Gerencia', clientType: 'INTERCOM' }, manager))
        .statusCode,
    ).toBe(201)
  })

  it("answers 404 for another organization's record", async () => {
    const rental = await t.login('admin@rental.test')
    const client = (await list('clients')).items[0]!
    expect((await call('GET', url('clients', `/${client.id}`), undefined, rental)).statusCode).toBe(404)
    expect((await call('PATCH', url('clients', `/${client.id}`), { comment: 'x' }, rental)).statusCode).toBe(
      404,
    )
    expect((await call('DELETE', url('clients', `/${client.id}`), undefined, rental)).statusCode).toBe(404)
    expect((await call('POST', url('clients', `/${client.id}/restore`), undefined, rental)).statusCode).toBe(
      404,
    )
    expect(bodyOf(await call('GET', url('clients', `/${client.id}`))).active).toBe(true)
  })
})

describe('step templates', () => {
  const base = url('proposal-step-templates')
  const mainOf = async (clientType: string, position: number) =>
    (await list('proposal-step-templates', `&clientType=${clientType}&sort=position`)).items.find(
      (s) => s.parentId === null && s.position === position,
    )!

  it('lists in tree order: each main step followed by its sub-steps', async () => {
    const items = (await list('proposal-step-templates', '&clientType=CONTRATO&sort=position')).items
    for (const [i, s] of items.entries()) {
      if (s.parentId === null) continue
      const prev = items[i - 1]!
      expect(prev.id === s.parentId || prev.parentId === s.parentId).toBe(true)
    }
  })

  it('accepts a sub-step under a main step of the same client type', async () => {
    const step4 = await mainOf('CONTRATO', 4)
    const sub = await create('proposal-step-templates', {
      clientType: 'CONTRATO',
      name: 'Cuantificación de pintura',
      position: 9,
      parentId: step4.id,
    })
    expect(sub.parentId).toBe(step4.id)
    const tree = await listStepTemplates(t.db, offshoreOrg, 'proposal', 'CONTRATO')
    const i = tree.findIndex((s) => s.id === sub.id)
    expect(tree[i - 1]!.parentId).toBe(step4.id)
  })

  it('refuses (400 parentId) a parent of another client type, a sub-step parent, an unknown or other-kind parent', async () => {
    const step4 = await mainOf('CONTRATO', 4)
    const intercomMain = await mainOf('INTERCOM', 1)
    const sub = (await list('proposal-step-templates', '&clientType=CONTRATO')).items.find(
      (s) => s.parentId === step4.id,
    )!
    const woMain = (await list('work-order-step-templates', '&clientType=CONTRATO')).items.find(
      (s) => s.parentId === null,
    )!
    for (const parentId of [intercomMain.id, sub.id, '00000000-0000-4000-8000-000000000000', woMain.id]) {
      const res = await call('POST', base, {
        clientType: 'CONTRATO',
        name: 'Sub inválido',
        position: 1,
        parentId,
      })
      expect(res.statusCode, parentId).toBe(400)
      expect(errorOf(res).details[0]?.path).toBe('parentId')
    }
    // a step with sub-steps cannot itself become a sub-step
    const res = await call('PATCH', `${base}/${step4.id}`, { parentId: (await mainOf('CONTRATO', 1)).id })
    expect(res.statusCode).toBe(400)
    expect(errorOf(res).details[0]?.path).toBe('parentId')
    // nor change client type while it has sub-steps
    const ct = await call('PATCH', `${base}/${step4.id}`, { clientType: 'INTERCOM' })
    expect(ct.statusCode).toBe(400)
    expect(errorOf(ct).details[0]?.path).toBe('clientType')
  })

  it('refuses to deactivate a main step with active sub-steps (409) and to restore a sub-step of an inactive parent', async () => {
    const main = await create('work-order-step-templates', {
      clientType: 'CONTRATO',
      name: 'Principal temporal',
      position: 50,
    })
    const child = await create('work-order-step-templates', {
      clientType: 'CONTRATO',
      name: 'Hijo temporal',
      position: 1,
      parentId: main.id,
    })
    const wo = url('work-order-step-templates')
    expect((await call('DELETE', `${wo}/${main.id}`)).statusCode).toBe(409)
    expect((await call('DELETE', `${wo}/${child.id}`)).statusCode).toBe(200)
    expect((await call('DELETE', `${wo}/${main.id}`)).statusCode).toBe(200)
    const restoreChild = await call('POST', `${wo}/${child.id}/restore`)
    expect(restoreChild.statusCode).toBe(409)
    expect(errorOf(restoreChild).code).toBe('INVALID_STATE')
    expect((await call('POST', `${wo}/${main.id}/restore`)).statusCode).toBe(200)
    expect((await call('POST', `${wo}/${child.id}/restore`)).statusCode).toBe(200)
  })
})

describe('references for other modules', () => {
  it('returns only active records of the organization; missing ones are absent', async () => {
    const client = (await list('clients', '&clientType=CONTRATO')).items[0]!
    const type = (await list('types', '&level=proposal')).items[0]!
    const pm = (await list('project-managers')).items[0]!
    const front = (await list('fronts')).items[0]!
    const sites = (await list('sites', '&kind=platform')).items.slice(0, 2)
    const refs = await getReferences(t.db, offshoreOrg, {
      clientId: client.id,
      typeId: type.id,
      projectManagerId: pm.id,
      frontId: front.id,
      siteIds: sites.map((s) => s.id),
    })
    expect(refs.client).toEqual({ id: client.id, name: client.name, clientType: 'CONTRATO' })
    expect(refs.type).toMatchObject({ id: type.id, level: 'proposal' })
    expect(refs.projectManager).toMatchObject({ id: pm.id, name: pm.name })
    expect(refs.front).toMatchObject({ id: front.id, siteKinds: front.siteKinds })
    expect(refs.sites?.map((s) => s.id).sort()).toEqual(sites.map((s) => s.id).sort())

    const rentalOrg = await t.orgId('demo-rental')
    expect(
      await getReferences(t.db, rentalOrg, { clientId: client.id, typeId: type.id, siteIds: [sites[0]!.id] }),
    ).toEqual({ sites: [] })

    const gone = await create('clients', { name: 'Cliente Inactivo', clientType: 'INTERCOM' })
    await call('DELETE', url('clients', `/${gone.id}`))
    expect(await getReferences(t.db, offshoreOrg, { clientId: gone.id })).toEqual({})
    expect(await getReferences(t.db, offshoreOrg, { clientId: 'not-a-uuid' })).toEqual({})
  })

  it('works inside a transaction', async () => {
    const client = (await list('clients')).items[0]!
    const refs = await t.db
      .transaction()
      .execute((trx) => getReferences(trx, offshoreOrg, { clientId: client.id }))
    expect(refs.client?.id).toBe(client.id)
  })
})
