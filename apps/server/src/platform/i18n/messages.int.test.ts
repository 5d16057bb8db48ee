import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportViaJob } from '../../../test/export-jobs'
import { createTestApp, type TestApp } from '../../../test/harness'

/** Messages in the caller's language (docs/platform.md "Messages and languages"). */
let t: TestApp
let es: string // admin@offshore.test, Spanish (the default)
let en: string // admin@rental.test, who switches to English
let enViewer: string // viewer@offshore.test, English

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const BAD_USER = { email: 'no-es-correo', name: '', role: 'jefe', password: 'x' }

const ask = async (
  cookie: string | undefined,
  method: 'POST' | 'PATCH',
  url: string,
  payload: object,
  lang?: string,
) => {
  const res = await t.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(lang ? { 'accept-language': lang } : {}) },
    payload,
  })
  return { status: res.statusCode, error: res.json<{ error: Json }>().error }
}

const setLocale = async (cookie: string, locale: 'es' | 'en') => {
  const res = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/auth/me/preferences',
    headers: { cookie },
    payload: { locale },
  })
  expect(res.statusCode).toBe(200)
}

const myId = async (cookie: string) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json<Json>().user
    .id as string

beforeAll(async () => {
  t = await createTestApp()
  es = await t.login('admin@offshore.test')
  en = await t.login('admin@rental.test')
  enViewer = await t.login('viewer@offshore.test')
  await setLocale(en, 'en')
  await setLocale(enViewer, 'en')
  // one proposal to export (its catalog records inserted directly, as the proposals tests do)
  const offshore = await t.orgId('demo-offshore')
  const id = async (table: 'clients' | 'types' | 'project_managers', values: Record<string, unknown>) =>
    (
      await t.db
        .insertInto(table)
        .values(values as never)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/proposals',
    headers: { cookie: await t.login('manager@offshore.test') },
    payload: {
      officialNumber: 'I18N-001-2026',
      requestNumber: 'SOL-1',
      description: 'Propuesta para probar idiomas',
      clientId: await id('clients', { org_id: offshore, name: 'Cliente Idiomas', client_type: 'CONTRATO' }),
      requestDate: '2026-02-01',
      deliveryDate: '2026-04-30',
      durationDays: 30,
      typeId: await id('types', { org_id: offshore, name: 'PTE idiomas', level: 'proposal' }),
      projectManagerId: await id('project_managers', { org_id: offshore, name: 'Ing. Idiomas' }),
      priority: 'high',
    },
  })
  expect(created.statusCode, created.body).toBe(201)
})
afterAll(async () => t.close())

describe('messages in the caller language', () => {
  it('answers the same bad request with field errors in Spanish for a Spanish user and English for an English one', async () => {
    const inEs = await ask(es, 'POST', '/api/v1/users', BAD_USER)
    const inEn = await ask(en, 'POST', '/api/v1/users', BAD_USER)
    expect(inEs.status).toBe(400)
    expect(inEn.status).toBe(400)
    expect(inEs.error).toMatchObject({
      code: 'VALIDATION',
      key: 'http.invalidData',
      message: 'Datos no válidos',
    })
    expect(inEn.error).toMatchObject({ code: 'VALIDATION', key: 'http.invalidData', message: 'Invalid data' })
    const byPath = (e: Json) => Object.fromEntries((e.details as Json[]).map((d) => [d.path, d]))
    expect(byPath(inEs.error)).toMatchObject({
      email: { key: 'validation.email', message: 'Escribe un correo electrónico válido' },
      name: { key: 'validation.required', message: 'Este campo es obligatorio' },
      role: { key: 'validation.option', message: 'Elige una opción válida' },
    })
    expect(byPath(inEn.error)).toMatchObject({
      email: { key: 'validation.email', message: 'Enter a valid email address' },
      name: { key: 'validation.required', message: 'This field is required' },
      role: { key: 'validation.option', message: 'Choose a valid option' },
    })
  })

  it('renders a service rule in the user language, with its key and params', async () => {
    const inEs = await ask(es, 'PATCH', `/api/v1/users/${await myId(es)}`, { active: false })
    const inEn = await ask(en, 'PATCH', `/api/v1/users/${await myId(en)}`, { active: false })
    expect(inEs).toMatchObject({
      status: 409,
      error: {
        code: 'INVALID_STATE',
        key: 'auth.lastAdmin',
        params: {},
        message: 'La organización debe conservar al menos un administrador activo',
      },
    })
    expect(inEn).toMatchObject({
      status: 409,
      error: {
        key: 'auth.lastAdmin',
        message: 'The organization must keep at least one active administrator',
      },
    })
    // a field error of a service: the conflict names the field with its key
    const dup = { email: 'admin@rental.test', name: 'Otra', role: 'viewer', password: 'a-good-password-77' }
    const taken = await ask(en, 'POST', '/api/v1/users', dup)
    expect(taken.status).toBe(409)
    expect(taken.error.details).toEqual([
      {
        path: 'email',
        key: 'auth.emailTaken',
        params: {},
        message: 'A user with that e-mail already exists in the organization',
      },
    ])
  })

  it('without a session: Accept-Language, else Spanish; a parameter is filled in', async () => {
    const anonymousEn = await ask(undefined, 'POST', '/api/v1/auth/login', {}, 'en-US,en;q=0.9,es;q=0.5')
    expect(anonymousEn.error.details[0]).toMatchObject({
      key: 'validation.required',
      message: 'This field is required',
    })
    const anonymousEs = await ask(undefined, 'POST', '/api/v1/auth/login', {})
    expect(anonymousEs.error.details[0]).toMatchObject({ message: 'Este campo es obligatorio' })
    const french = await ask(undefined, 'POST', '/api/v1/auth/login', {}, 'fr-FR, en;q=0.3')
    expect(french.error.message).toBe('Invalid data')
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nowhere',
      headers: { 'accept-language': 'en' },
    })
    expect(missing.json<{ error: Json }>().error).toMatchObject({
      code: 'NOT_FOUND',
      key: 'http.routeNotFound',
      params: { method: 'GET', path: '/api/v1/nowhere' },
      message: 'Route not found: GET /api/v1/nowhere',
    })
    // the input guard's refusal (a NUL character) too
    const nul = await ask(undefined, 'POST', '/api/v1/auth/login', { email: 'a\u0000b', password: 'x' }, 'en')
    expect(nul.error).toMatchObject({
      key: 'http.invalidField',
      params: { field: 'email' },
      message: 'Invalid data: email',
    })
    expect(nul.error.details[0]).toMatchObject({ path: 'email', key: 'http.nulCharacter' })
    // the user's setting wins over the browser's header
    const header = await ask(es, 'POST', '/api/v1/users', BAD_USER, 'en')
    expect(header.error.message).toBe('Datos no válidos')
  })

  it('keeps each of many concurrent requests in its own language (no global locale)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ask(i % 2 ? en : es, 'POST', '/api/v1/users', BAD_USER)),
    )
    answers.forEach((a, i) => {
      const name = (a.error.details as Json[]).find((d) => d.path === 'name')
      expect(name?.message, `request ${i}`).toBe(
        i % 2 ? 'This field is required' : 'Este campo es obligatorio',
      )
    })
  })

  it('writes an export in the requesting user language: sheet, headers, file name and enum values', async () => {
    const read = async (cookie: string) => {
      const res = await exportViaJob(t, cookie, '/api/v1/proposals/export', { sort: 'officialNumber' })
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(res.raw as unknown as ArrayBuffer)
      const ws = wb.worksheets[0]!
      const header = (ws.getRow(1).values as unknown[]).slice(1)
      const col = (name: string) => header.indexOf(name) + 1
      return { ws, header, col, file: res.contentDisposition }
    }
    const inEs = await read(es)
    const inEn = await read(enViewer)
    expect(inEs.ws.name).toBe('Propuestas')
    expect(inEn.ws.name).toBe('Proposals')
    expect(inEs.file).toContain('propuestas.xlsx')
    expect(inEn.file).toContain('proposals.xlsx')
    expect(inEs.header.slice(0, 3)).toEqual(['Oficio PTE', 'Oficio de solicitud', 'Descripción'])
    expect(inEn.header.slice(0, 3)).toEqual(['PTE official number', 'Request number', 'Description'])
    expect(inEs.ws.rowCount).toBe(inEn.ws.rowCount)
    expect(inEs.ws.rowCount).toBeGreaterThan(1)
    const cell = (x: typeof inEs, column: string) => x.ws.getRow(2).getCell(x.col(column)).value
    expect([cell(inEs, 'Estatus'), cell(inEs, 'Prioridad')]).toEqual(['Activa', 'Alta'])
    expect([cell(inEn, 'Status'), cell(inEn, 'Priority')]).toEqual(['Active', 'High'])
    expect(cell(inEs, 'Descripción')).toBe('Propuesta para probar idiomas')
    expect(cell(inEn, 'Description')).toBe('Propuesta para probar idiomas')
  })
})
