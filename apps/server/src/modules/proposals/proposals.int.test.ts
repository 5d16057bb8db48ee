import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type {
  TClientType,
  TProposalDetail,
  TProposalStep,
  TProposalSummary,
  TProposalWarning,
  ZStepAttachment,
} from '@faena/contracts'
import { askExport, exportViaJob, jobStatusFor } from '../../../test/export-jobs'
import { createTestApp, type TestApp } from '../../../test/harness'

// 2026-03-10 12:00 in Mexico City: "today" for the offshore organization is 2026-03-10.
const NOW = new Date('2026-03-10T18:00:00Z')

let t: TestApp
let admin: string
let manager: string
let operator: string
let viewer: string
let rentalAdmin: string
let offshore: string
let rental: string

/** Catalog records of this test (inserted directly: the catalogs module has its own tests). */
const ref = {
  clientA: '',
  clientB: '',
  clientIntercom: '',
  typeProposal: '',
  typeWorkOrder: '',
  pmOne: '',
  pmTwo: '',
  rentalClient: '',
  rentalType: '',
  rentalPm: '',
}

/** What the routes under test answer, loosely typed so assertions can reach any part of it. */
type Body = TProposalDetail &
  Partial<z.infer<typeof ZStepAttachment>> & {
    warnings: TProposalWarning[]
    error: {
      code: string
      message: string
      details: {
        path: string
        message: string
        proposalId?: string
        officialNumber?: string
        code?: string
      }[] & {
        from?: string
        to?: string
      }
    }
    items: (TProposalSummary & { action: string })[]
    total: number
  }
type Res = {
  statusCode: number
  body: string
  headers: Record<string, unknown>
  rawPayload: Buffer
  json: () => Body
}

const call = async (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  cookie: string,
  payload?: unknown,
): Promise<Res> => {
  const res = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
  return {
    statusCode: res.statusCode,
    body: res.body,
    headers: res.headers,
    rawPayload: res.rawPayload,
    json: () => JSON.parse(res.body) as Body,
  }
}

const body = (over: Record<string, unknown> = {}) => ({
  officialNumber: 'BME-3801-015-2026',
  requestNumber: 'PEP-SOL-0101',
  description: 'Mantenimiento a ductos de plataforma',
  clientId: ref.clientA,
  requestDate: '2026-02-01',
  deliveryDate: '2026-04-30',
  durationDays: 30,
  typeId: ref.typeProposal,
  projectManagerId: ref.pmOne,
  priority: 'high',
  ...over,
})

async function create(over: Record<string, unknown> = {}, cookie = manager): Promise<TProposalDetail> {
  const res = await call('POST', '/api/v1/proposals', cookie, body(over))
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`)
  return res.json()
}

const stepByName = (steps: TProposalStep[], name: string): TProposalStep => {
  for (const s of steps) {
    if (s.name === name) return s
    const inner = s.steps.length ? stepByName.call(null, s.steps, name) : undefined
    if (inner) return inner
  }
  return undefined as unknown as TProposalStep
}
const patchStep = (id: string, stepId: string, payload: unknown, cookie = operator) =>
  call('PATCH', `/api/v1/proposals/${id}/steps/${stepId}`, cookie, payload)

async function auditOf(entityId: string, action?: string) {
  let q = t.db
    .selectFrom('audit_log')
    .orderBy('id')
    .selectAll()
    .where('entity_type', '=', 'proposal')
    .where('entity_id', '=', entityId)
  if (action) q = q.where('action', '=', action)
  return q.orderBy('id').execute()
}

async function counts() {
  const n = async (table: 'proposals' | 'proposal_steps' | 'audit_log') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return { proposals: await n('proposals'), steps: await n('proposal_steps'), audit: await n('audit_log') }
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date(NOW) })
  ;[admin, manager, operator, viewer, rentalAdmin] = await Promise.all([
    t.login('admin@offshore.test'),
    t.login('manager@offshore.test'),
    t.login('operator@offshore.test'),
    t.login('viewer@offshore.test'),
    t.login('admin@rental.test'),
  ])
  offshore = await t.orgId('demo-offshore')
  rental = await t.orgId('demo-rental')

  const id = async (table: 'clients' | 'types' | 'project_managers', values: Record<string, unknown>) =>
    (
      await t.db
        .insertInto(table)
        .values(values as never)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  ref.clientA = await id('clients', {
    org_id: offshore,
    name: 'Petróleos Ñandú del Golfo',
    client_type: 'CONTRATO',
  })
  ref.clientB = await id('clients', {
    org_id: offshore,
    name: 'Astillero Bahía Azul',
    client_type: 'CONTRATO',
  })
  ref.clientIntercom = await id('clients', {
    org_id: offshore,
    name: 'Zeta Intercompañía de Prueba',
    client_type: 'INTERCOM',
  })
  ref.typeProposal = await id('types', { org_id: offshore, name: 'PTE de prueba', level: 'proposal' })
  ref.typeWorkOrder = await id('types', { org_id: offshore, name: 'OT de prueba', level: 'work_order' })
  ref.pmOne = await id('project_managers', { org_id: offshore, name: 'Ing. Uno de Prueba' })
  ref.pmTwo = await id('project_managers', { org_id: offshore, name: 'Ing. Dos de Prueba' })
  ref.rentalClient = await id('clients', { org_id: rental, name: 'Cliente Rental', client_type: 'INTERCOM' })
  ref.rentalType = await id('types', { org_id: rental, name: 'PTE Rental', level: 'proposal' })
  ref.rentalPm = await id('project_managers', { org_id: rental, name: 'Responsable Rental' })

  // Deterministic step templates: 5 main steps, the 4th ("Volumetría") with 3 sub-steps → 8 step rows.
  await t.db
    .updateTable('proposal_step_templates')
    .set({ active: false })
    .where('org_id', 'in', [offshore, rental])
    .execute()
  const tpl = async (
    name: string,
    position: number,
    parentId: string | null = null,
    clientType: TClientType = 'CONTRATO',
  ) =>
    (
      await t.db
        .insertInto('proposal_step_templates')
        .values({ org_id: offshore, client_type: clientType, name, position, parent_id: parentId })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  await tpl('Revisión inicial', 1)
  await tpl('Análisis técnico', 2)
  await tpl('Presupuesto', 3)
  const vol = await tpl('Volumetría', 4)
  await tpl('Volumetría de equipo', 2, vol)
  await tpl('Volumetría de materiales', 1, vol)
  await tpl('Volumetría de personal', 3, vol)
  await tpl('Documentación final', 5)
  await tpl('Paso intercompañía', 1, null, 'INTERCOM')
})
afterAll(async () => t.close())

describe('create', () => {
  it('creates the proposal with its steps copied from the templates (sub-steps under their parent): 201', async () => {
    const res = await call('POST', '/api/v1/proposals', manager, body({ comment: 'Urgente para el cliente' }))
    expect(res.statusCode).toBe(201)
    const p = res.json() as TProposalDetail
    expect(p).toMatchObject({
      officialNumber: 'BME-3801-015-2026',
      requestNumber: 'PEP-SOL-0101',
      client: { id: ref.clientA, name: 'Petróleos Ñandú del Golfo', clientType: 'CONTRATO' },
      type: { id: ref.typeProposal, name: 'PTE de prueba' },
      projectManager: { id: ref.pmOne, name: 'Ing. Uno de Prueba' },
      priority: 'high',
      status: 'active',
      progress: 0,
      doneSteps: 0,
      countedSteps: 8,
      overdue: false,
      deleted: false,
      comment: 'Urgente para el cliente',
      allowedTransitions: ['in_progress', 'cancelled', 'suspended'],
    })
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(p.steps.map((s) => s.name)).toEqual([
      'Revisión inicial',
      'Análisis técnico',
      'Presupuesto',
      'Volumetría',
      'Documentación final',
    ])
    const vol = stepByName(p.steps, 'Volumetría')
    expect(vol.steps.map((s) => s.name)).toEqual([
      'Volumetría de materiales',
      'Volumetría de equipo',
      'Volumetría de personal',
    ])
    expect(vol.progress).toBe(0)
    expect(p.steps[0]).toMatchObject({
      status: 'pending',
      progress: null,
      steps: [],
      attachments: [],
      completedDate: null,
    })
    const created = await auditOf(p.id, 'proposal.created')
    expect(created).toHaveLength(1)
    expect(created[0]!.changes).toEqual(
      expect.arrayContaining([{ field: 'officialNumber', old: null, new: 'BME-3801-015-2026' }]),
    )
    expect(created[0]!.actor_email).toBe('manager@offshore.test')

    const get = await call('GET', `/api/v1/proposals/${p.id}`, viewer)
    expect(get.statusCode).toBe(200)
    // the detail is what create answered, less the warnings of the save (none: the number is new)
    const { warnings, ...detail } = p as TProposalDetail & { warnings: unknown }
    expect(warnings).toEqual([])
    expect(get.json()).toEqual(detail)
  })

  it('refuses invalid input with 400 naming the fields', async () => {
    const res = await call('POST', '/api/v1/proposals', manager, {})
    expect(res.statusCode).toBe(400)
    const paths = (res.json().error.details as { path: string }[]).map((d) => d.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'officialNumber',
        'requestNumber',
        'description',
        'clientId',
        'durationDays',
        'priority',
      ]),
    )

    const bad = await call(
      'POST',
      '/api/v1/proposals',
      manager,
      body({ durationDays: 0, priority: 'whenever', requestDate: '2026-02-30' }),
    )
    expect(bad.statusCode).toBe(400)
    const badPaths = (bad.json().error.details as { path: string }[]).map((d) => d.path)
    expect(badPaths).toEqual(expect.arrayContaining(['durationDays', 'priority', 'requestDate']))

    const dates = await call(
      'POST',
      '/api/v1/proposals',
      manager,
      body({ requestDate: '2026-05-01', deliveryDate: '2026-04-01' }),
    )
    expect(dates.statusCode).toBe(400)
    expect(dates.json().error.details).toEqual([expect.objectContaining({ path: 'deliveryDate' })])
  })

  it('answers 400 naming clientId, typeId, projectManagerId for unknown, foreign or wrong-level references', async () => {
    const unknown = await call('POST', '/api/v1/proposals', manager, body({ clientId: crypto.randomUUID() }))
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details).toEqual([expect.objectContaining({ path: 'clientId' })])

    const foreign = await call(
      'POST',
      '/api/v1/proposals',
      manager,
      body({ clientId: ref.rentalClient, projectManagerId: ref.rentalPm }),
    )
    expect(foreign.statusCode).toBe(400)
    expect((foreign.json().error.details as { path: string }[]).map((d) => d.path).sort()).toEqual([
      'clientId',
      'projectManagerId',
    ])

    const level = await call('POST', '/api/v1/proposals', manager, body({ typeId: ref.typeWorkOrder }))
    expect(level.statusCode).toBe(400)
    expect(level.json().error.details).toEqual([expect.objectContaining({ path: 'typeId' })])
  })

  it('refuses a client type without step templates and saves nothing', async () => {
    const before = await counts()
    const res = await call(
      'POST',
      '/api/v1/proposals',
      rentalAdmin,
      body({ clientId: ref.rentalClient, typeId: ref.rentalType, projectManagerId: ref.rentalPm }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'clientId' })])
    expect(res.json().error.message).toContain('INTERCOM')
    expect(await counts()).toEqual(before)
  })

  it('forbids roles without proposal.create (403)', async () => {
    expect((await call('POST', '/api/v1/proposals', viewer, body())).statusCode).toBe(403)
    expect((await call('POST', '/api/v1/proposals', operator, body())).statusCode).toBe(403)
  })
})

describe('steps', () => {
  it('stamps the completion date, clears it when leaving completed, and audits each field', async () => {
    const p = await create()
    const first = p.steps[0]!
    const res = await patchStep(p.id, first.id, {
      status: 'completed',
      comment: 'Revisado',
      startDate: '2026-02-02',
    })
    expect(res.statusCode).toBe(200)
    const s = stepByName((res.json() as TProposalDetail).steps, 'Revisión inicial')
    expect(s).toMatchObject({
      status: 'completed',
      completedDate: '2026-03-10',
      comment: 'Revisado',
      startDate: '2026-02-02',
    })
    expect(res.json().progress).toBe(13) // 1 of 8 = 12.5 → 13 (half-up)

    const given = await patchStep(p.id, first.id, { completedDate: '2026-03-01' })
    expect(stepByName(given.json().steps, 'Revisión inicial').completedDate).toBe('2026-03-01')

    const reopened = await patchStep(p.id, first.id, { status: 'in_progress' })
    expect(stepByName(reopened.json().steps, 'Revisión inicial')).toMatchObject({
      status: 'in_progress',
      completedDate: null,
    })

    const notCompleted = await patchStep(p.id, first.id, { completedDate: '2026-03-01' })
    expect(notCompleted.statusCode).toBe(400)
    expect(notCompleted.json().error.details).toEqual([expect.objectContaining({ path: 'completedDate' })])

    const rows = await auditOf(p.id, 'proposal.step_updated')
    expect(rows).toHaveLength(3)
    expect(rows[0]!.data).toMatchObject({ stepId: first.id, stepName: 'Revisión inicial' })
    expect(rows[0]!.changes).toEqual([
      { field: 'status', old: 'pending', new: 'completed' },
      { field: 'startDate', old: null, new: '2026-02-02' },
      { field: 'completedDate', old: null, new: '2026-03-10' },
      { field: 'comment', old: null, new: 'Revisado' },
    ])
    expect(rows[2]!.changes).toEqual([
      { field: 'status', old: 'completed', new: 'in_progress' },
      { field: 'completedDate', old: '2026-03-01', new: null },
    ])
  })

  it('completes a parent by itself when all its sub-steps are done; completing everything gives 100', async () => {
    const p = await create()
    const vol = stepByName(p.steps, 'Volumetría')
    const [a, b, c] = vol.steps as [TProposalStep, TProposalStep, TProposalStep]
    await patchStep(p.id, a.id, { status: 'completed' })
    const two = await patchStep(p.id, b.id, { status: 'not_applicable' })
    expect(stepByName(two.json().steps, 'Volumetría')).toMatchObject({ status: 'pending', progress: 67 })
    const three = await patchStep(p.id, c.id, { status: 'completed' })
    const detail = three.json() as TProposalDetail
    expect(stepByName(detail.steps, 'Volumetría')).toMatchObject({
      status: 'completed',
      completedDate: '2026-03-10',
      progress: 100,
    })
    expect(detail).toMatchObject({ doneSteps: 4, countedSteps: 8, progress: 50 })

    const auto = await auditOf(p.id, 'proposal.step_auto_completed')
    expect(auto).toHaveLength(1)
    expect(auto[0]!.data).toMatchObject({ stepId: vol.id, stepName: 'Volumetría', triggeredBy: c.id })
    expect(auto[0]!.changes).toEqual([
      { field: 'status', old: 'pending', new: 'completed' },
      { field: 'completedDate', old: null, new: '2026-03-10' },
    ])

    // it does not revert by itself
    const back = await patchStep(p.id, c.id, { status: 'in_progress' })
    expect(stepByName(back.json().steps, 'Volumetría').status).toBe('completed')
    await patchStep(p.id, c.id, { status: 'completed' })

    let last: TProposalDetail = detail
    for (const name of ['Revisión inicial', 'Análisis técnico', 'Presupuesto', 'Documentación final']) {
      last = (await patchStep(p.id, stepByName(p.steps, name).id, { status: 'completed' })).json()
    }
    expect(last).toMatchObject({ progress: 100, doneSteps: 8, countedSteps: 8 })
    const list = await call('GET', '/api/v1/proposals?limit=500', viewer)
    expect((list.json().items as TProposalSummary[]).find((x) => x.id === p.id)?.progress).toBe(100)
  })

  it('leaves cancelled steps out of progress', async () => {
    const p = await create()
    await patchStep(p.id, p.steps[0]!.id, { status: 'cancelled' })
    const res = await patchStep(p.id, p.steps[1]!.id, { status: 'completed' })
    expect(res.json()).toMatchObject({ doneSteps: 1, countedSteps: 7, progress: 14 })
    // a parent whose open sub-steps are cancelled completes when the rest are done
    const vol = stepByName(p.steps, 'Volumetría')
    await patchStep(p.id, vol.steps[0]!.id, { status: 'cancelled' })
    await patchStep(p.id, vol.steps[1]!.id, { status: 'cancelled' })
    const r = await patchStep(p.id, vol.steps[2]!.id, { status: 'completed' })
    expect(stepByName(r.json().steps, 'Volumetría')).toMatchObject({ status: 'completed', progress: 100 })
    expect(r.json()).toMatchObject({ doneSteps: 3, countedSteps: 5, progress: 60 })
  })

  it('flags past-due steps; refuses unknown steps (404) and roles without proposal.update (403)', async () => {
    const p = await create()
    const res = await patchStep(p.id, p.steps[0]!.id, { deliveryDate: '2026-03-09' })
    expect(res.json().steps[0]).toMatchObject({ deliveryDate: '2026-03-09', overdue: true })
    const today = await patchStep(p.id, p.steps[1]!.id, { deliveryDate: '2026-03-10' })
    expect(today.json().steps[1]!.overdue).toBe(false)
    const done = await patchStep(p.id, p.steps[0]!.id, { status: 'completed' })
    expect(done.json().steps[0]!.overdue).toBe(false)
    expect((await patchStep(p.id, crypto.randomUUID(), { status: 'completed' })).statusCode).toBe(404)
    expect((await patchStep(p.id, p.steps[1]!.id, { status: 'completed' }, viewer)).statusCode).toBe(403)
    expect((await patchStep(p.id, p.steps[1]!.id, { status: 'done' })).statusCode).toBe(400)
  })
})

describe('header status', () => {
  it('enforces transitions, requires a reason for suspend and cancel, audits every change', async () => {
    const p = await create()
    const status = (payload: unknown, cookie = manager) =>
      call('POST', `/api/v1/proposals/${p.id}/status`, cookie, payload)

    const invalid = await status({ status: 'finished' })
    expect(invalid.statusCode).toBe(409)
    expect(invalid.json().error).toMatchObject({
      code: 'INVALID_STATE',
      details: { from: 'active', to: 'finished' },
    })

    const noReason = await status({ status: 'suspended' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.details).toEqual([expect.objectContaining({ path: 'reason' })])

    const suspended = await status({ status: 'suspended', reason: 'El cliente pausó la solicitud' })
    expect(suspended.statusCode).toBe(200)
    expect(suspended.json()).toMatchObject({
      status: 'suspended',
      statusReason: 'El cliente pausó la solicitud',
      allowedTransitions: ['active', 'in_progress', 'cancelled'],
    })
    expect((await status({ status: 'in_progress' })).json()).toMatchObject({
      status: 'in_progress',
      statusReason: null,
    })
    expect((await status({ status: 'finished' })).json()).toMatchObject({
      status: 'finished',
      allowedTransitions: [],
    })

    const reopen = await status({ status: 'active' })
    expect(reopen.statusCode).toBe(409)
    expect(reopen.json().error.details).toMatchObject({ from: 'finished', to: 'active' })
    expect((await status({ status: 'in_progress' }, operator)).statusCode).toBe(403)

    const step = await patchStep(p.id, p.steps[0]!.id, { status: 'completed' })
    expect(step.statusCode).toBe(409)
    expect(step.json().error.code).toBe('INVALID_STATE')
    const att = await call(
      'POST',
      `/api/v1/proposals/${p.id}/steps/${p.steps[0]!.id}/attachments`,
      operator,
      { url: 'https://example.com/a.pdf' },
    )
    expect(att.statusCode).toBe(409)

    const rows = await auditOf(p.id, 'proposal.status_changed')
    expect(rows.map((r) => r.changes)).toEqual([
      [
        { field: 'status', old: 'active', new: 'suspended' },
        { field: 'statusReason', old: null, new: 'El cliente pausó la solicitud' },
      ],
      [
        { field: 'status', old: 'suspended', new: 'in_progress' },
        { field: 'statusReason', old: 'El cliente pausó la solicitud', new: null },
      ],
      [{ field: 'status', old: 'in_progress', new: 'finished' }],
    ])
  })

  it('speaks the caller language: a refused transition, the missing reason and a duplicate-number warning in English', async () => {
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await call('PATCH', '/api/v1/auth/me/preferences', manager, { locale })).statusCode).toBe(200)
    const p = await create({ officialNumber: 'LANG-0001-2026' })
    await setLocale('en')
    try {
      const invalid = await call('POST', `/api/v1/proposals/${p.id}/status`, manager, { status: 'finished' })
      expect(invalid.statusCode).toBe(409)
      expect(invalid.json().error).toMatchObject({
        key: 'proposals.transitionRefused',
        params: { from: 'active', to: 'finished' },
        message: 'A proposal in status active cannot move to finished',
      })
      const noReason = await call('POST', `/api/v1/proposals/${p.id}/status`, manager, {
        status: 'suspended',
      })
      expect(noReason.statusCode).toBe(400)
      expect(noReason.json().error).toMatchObject({
        message: 'Give the reason',
        details: [
          {
            path: 'reason',
            key: 'proposals.reasonRequiredField',
            message: 'A reason is required to move to suspended',
          },
        ],
      })
      const twin = await call(
        'POST',
        '/api/v1/proposals',
        manager,
        body({ officialNumber: 'lang-0001-2026' }),
      )
      expect(twin.statusCode).toBe(201)
      expect(twin.json().warnings[0]!.message).toBe(
        'Another proposal has the same official number: LANG-0001-2026',
      )
    } finally {
      await setLocale('es')
    }
    const es = await call('POST', `/api/v1/proposals/${p.id}/status`, manager, { status: 'finished' })
    expect(es.json().error.message).toBe('Una propuesta en estado active no puede pasar a finished')
  })

  it('cancels with a reason', async () => {
    const p = await create()
    const none = await call('POST', `/api/v1/proposals/${p.id}/status`, manager, {
      status: 'cancelled',
      reason: '  ',
    })
    expect(none.statusCode).toBe(400)
    const ok = await call('POST', `/api/v1/proposals/${p.id}/status`, manager, {
      status: 'cancelled',
      reason: 'Sin presupuesto',
    })
    expect(ok.json()).toMatchObject({ status: 'cancelled', statusReason: 'Sin presupuesto', overdue: false })
  })
})

describe('header edit', () => {
  it('edits the header with field-level audit; refuses bad references and dates', async () => {
    const p = await create()
    const res = await call('PATCH', `/api/v1/proposals/${p.id}`, manager, {
      description: 'Nueva descripción',
      priority: 'urgent',
      projectManagerId: ref.pmTwo,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      description: 'Nueva descripción',
      priority: 'urgent',
      projectManager: { id: ref.pmTwo, name: 'Ing. Dos de Prueba' },
    })
    const rows = await auditOf(p.id, 'proposal.updated')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.changes).toEqual([
      { field: 'description', old: 'Mantenimiento a ductos de plataforma', new: 'Nueva descripción' },
      { field: 'projectManagerId', old: ref.pmOne, new: ref.pmTwo },
      { field: 'priority', old: 'high', new: 'urgent' },
    ])
    // the same values again: no change, no audit row
    expect(
      (await call('PATCH', `/api/v1/proposals/${p.id}`, manager, { priority: 'urgent' })).statusCode,
    ).toBe(200)
    expect(await auditOf(p.id, 'proposal.updated')).toHaveLength(1)

    const badType = await call('PATCH', `/api/v1/proposals/${p.id}`, manager, { typeId: ref.typeWorkOrder })
    expect(badType.json().error.details).toEqual([expect.objectContaining({ path: 'typeId' })])
    const badDate = await call('PATCH', `/api/v1/proposals/${p.id}`, manager, { deliveryDate: '2026-01-01' })
    expect(badDate.statusCode).toBe(400)
    expect(badDate.json().error.details).toEqual([expect.objectContaining({ path: 'deliveryDate' })])
    expect((await call('PATCH', `/api/v1/proposals/${p.id}`, viewer, { priority: 'low' })).statusCode).toBe(
      403,
    )
  })
})

describe('duplicate official numbers', () => {
  const post = (over: Record<string, unknown>) => call('POST', '/api/v1/proposals', manager, body(over))
  const patch = (id: string, payload: unknown) => call('PATCH', `/api/v1/proposals/${id}`, manager, payload)
  const numberOf = async (id: string) =>
    (
      await t.db
        .selectFrom('proposals')
        .select('official_number')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).official_number
  /** `settings.proposals` of the offshore organization; null removes it. */
  const setProposalSettings = (v: object | null) =>
    sql`update organizations set settings = ${
      v === null
        ? sql`settings - 'proposals'`
        : sql`jsonb_set(settings, '{proposals}', ${JSON.stringify(v)}::jsonb)`
    } where id = ${offshore}`.execute(t.db)

  it('warns on create and on a number edit when another live proposal has it (trimmed, any case), and saves', async () => {
    const first = await post({ officialNumber: 'DUP-0001-2026' })
    expect(first.statusCode).toBe(201)
    expect(first.json().warnings).toEqual([])
    const a = first.json()

    const before = await counts()
    const second = await post({ officialNumber: '  dup-0001-2026 ' })
    expect(second.statusCode).toBe(201)
    const b = second.json()
    expect(b.warnings).toEqual([
      {
        code: 'DUPLICATE_OFFICIAL_NUMBER',
        field: 'officialNumber',
        message: 'Otra PTE tiene el mismo número oficial: DUP-0001-2026',
        proposalId: a.id,
        officialNumber: 'DUP-0001-2026',
      },
    ])
    // saved all the same, with its steps and its audit row
    expect(await counts()).toEqual({
      proposals: before.proposals + 1,
      steps: before.steps + 8,
      audit: before.audit + 1,
    })
    expect(await numberOf(b.id)).toBe('dup-0001-2026')

    // an edit to the number warns, naming every other live proposal (oldest first)
    const c = await create({ officialNumber: 'DUP-0002-2026' })
    const edited = await patch(c.id, { officialNumber: 'Dup-0001-2026' })
    expect(edited.statusCode).toBe(200)
    expect(edited.json().officialNumber).toBe('Dup-0001-2026')
    expect(edited.json().warnings.map((w) => [w.proposalId, w.officialNumber])).toEqual([
      [a.id, 'DUP-0001-2026'],
      [b.id, 'dup-0001-2026'],
    ])
    // an edit that keeps the number is not checked; its own number is never a duplicate of itself
    expect((await patch(c.id, { description: 'Otra descripción' })).json().warnings).toEqual([])
    expect((await patch(c.id, { officialNumber: 'DUP-0001-2026 ' })).json().warnings).toEqual([])
    const own = await create({ officialNumber: 'DUP-0003-2026' })
    expect((await patch(own.id, { officialNumber: 'dup-0003-2026' })).json().warnings).toEqual([])

    // deleted proposals and other organizations' proposals do not count
    expect((await call('DELETE', `/api/v1/proposals/${a.id}`, manager)).statusCode).toBe(200)
    await t.db
      .insertInto('proposals')
      .values({
        org_id: rental,
        official_number: 'DUP-0001-2026',
        request_number: 'R-1',
        description: 'De otra organización',
        client_id: ref.rentalClient,
        type_id: ref.rentalType,
        project_manager_id: ref.rentalPm,
        priority: 'low',
        request_date: '2026-02-01',
        delivery_date: '2026-02-10',
        duration_days: 10,
      })
      .execute()
    const d = await post({ officialNumber: 'DUP-0001-2026' })
    expect(d.json().warnings.map((w) => w.proposalId)).toEqual([b.id, c.id])
    expect((await post({ officialNumber: 'DUP-0009-2026' })).json().warnings).toEqual([])
  })

  it('refuses a duplicate with 409 naming officialNumber where the organization wants numbers unique', async () => {
    const a = await create({ officialNumber: 'UNQ-0001-2026' })
    const older = await create({ officialNumber: 'UNQ-0002-2026' })
    const olderTwin = await create({ officialNumber: 'UNQ-0002-2026' })
    await setProposalSettings({ uniqueOfficialNumbers: true })
    try {
      const before = await counts()
      const refused = await post({ officialNumber: ' unq-0001-2026' })
      expect(refused.statusCode).toBe(409)
      expect(refused.json().error).toMatchObject({
        code: 'CONFLICT',
        details: [
          {
            path: 'officialNumber',
            code: 'DUPLICATE_OFFICIAL_NUMBER',
            proposalId: a.id,
            officialNumber: 'UNQ-0001-2026',
          },
        ],
      })
      expect(refused.json().error.message).toContain('UNQ-0001-2026')
      expect(refused.json().error.details[0]!.message).toContain('UNQ-0001-2026')
      expect(await counts()).toEqual(before)

      const other = await create({ officialNumber: 'UNQ-0003-2026' })
      const renamed = await patch(other.id, { officialNumber: 'UNQ-0001-2026', priority: 'low' })
      expect(renamed.statusCode).toBe(409)
      expect(renamed.json().error.details).toEqual([expect.objectContaining({ path: 'officialNumber' })])
      expect(await numberOf(other.id)).toBe('UNQ-0003-2026')
      expect((await call('GET', `/api/v1/proposals/${other.id}`, manager)).json().priority).toBe('high')

      // duplicates saved before the setting stay editable while they keep their number
      const kept = await patch(olderTwin.id, {
        description: 'Sigue editable',
        officialNumber: 'unq-0002-2026',
      })
      expect(kept.statusCode).toBe(200)
      expect(kept.json().warnings).toEqual([])
      expect((await patch(older.id, { priority: 'urgent' })).statusCode).toBe(200)

      // a new number, or the number of a deleted proposal, is free
      expect((await patch(other.id, { officialNumber: 'UNQ-0004-2026' })).json().warnings).toEqual([])
      expect((await call('DELETE', `/api/v1/proposals/${a.id}`, manager)).statusCode).toBe(200)
      const reused = await post({ officialNumber: 'UNQ-0001-2026' })
      expect(reused.statusCode).toBe(201)
      expect(reused.json().warnings).toEqual([])

      // two saves of one new number at the same time: one is saved, the other refused
      const racing = await Promise.all([
        post({ officialNumber: 'UNQ-0005-2026' }),
        post({ officialNumber: 'unq-0005-2026' }),
      ])
      expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409])

      // a setting that does not parse falls back to the default: warn
      await setProposalSettings({ uniqueOfficialNumbers: 'yes' })
      const warned = await post({ officialNumber: 'UNQ-0001-2026' })
      expect(warned.statusCode).toBe(201)
      expect(warned.json().warnings.map((w) => w.proposalId)).toEqual([reused.json().id])
    } finally {
      await setProposalSettings(null)
    }
  })
})

describe('attachments', () => {
  it('attaches an uploaded file and a link, removes one, all audited', async () => {
    const p = await create()
    const step = p.steps[1]!
    const boundary = 'proposalsTestBoundary'
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { cookie: operator, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidencia.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    })
    expect(upload.statusCode).toBe(201)
    const fileId = upload.json<{ id: string }>().id
    const url = `/api/v1/proposals/${p.id}/steps/${step.id}/attachments`

    const file = await call('POST', url, operator, { fileId })
    expect(file.statusCode).toBe(201)
    expect(file.json()).toMatchObject({ kind: 'file', fileId, name: 'evidencia.pdf', url: null })
    const link = await call('POST', url, operator, { url: 'https://docs.example.com/carpeta/plano.pdf' })
    expect(link.json()).toMatchObject({
      kind: 'link',
      url: 'https://docs.example.com/carpeta/plano.pdf',
      name: 'docs.example.com/carpeta/plano.pdf',
    })

    const bad = await call('POST', url, operator, { url: 'ftp://example.com/x' })
    expect(bad.statusCode).toBe(400)
    const js = await call('POST', url, operator, { url: 'javascript:alert(1)' })
    expect(js.statusCode).toBe(400)
    const missing = await call('POST', url, operator, { fileId: crypto.randomUUID() })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.details).toEqual([expect.objectContaining({ path: 'fileId' })])

    const detail = (await call('GET', `/api/v1/proposals/${p.id}`, viewer)).json() as TProposalDetail
    expect(detail.steps[1]!.attachments.map((a) => a.kind)).toEqual(['file', 'link'])

    const del = await call('DELETE', `${url}/${link.json().id}`, operator)
    expect(del.statusCode).toBe(200)
    expect((await call('DELETE', `${url}/${link.json().id}`, operator)).statusCode).toBe(404)
    const after = (await call('GET', `/api/v1/proposals/${p.id}`, viewer)).json() as TProposalDetail
    expect(after.steps[1]!.attachments).toHaveLength(1)

    expect((await auditOf(p.id, 'proposal.attachment_added')).map((r) => r.changes)).toEqual([
      [{ field: 'attachments', old: null, new: 'evidencia.pdf' }],
      [{ field: 'attachments', old: null, new: 'docs.example.com/carpeta/plano.pdf' }],
    ])
    expect((await auditOf(p.id, 'proposal.attachment_removed'))[0]!.changes).toEqual([
      { field: 'attachments', old: 'docs.example.com/carpeta/plano.pdf', new: null },
    ])
  })

  it('refuses a file of another organization (400 naming fileId)', async () => {
    const p = await create()
    const boundary = 'rentalBoundary'
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { cookie: rentalAdmin, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ajeno.pdf"\r\n\r\n`,
        ),
        Buffer.from('%PDF-1.4\n%%EOF\n'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    })
    expect(upload.statusCode).toBe(201)
    const res = await call(
      'POST',
      `/api/v1/proposals/${p.id}/steps/${p.steps[0]!.id}/attachments`,
      operator,
      { fileId: upload.json<{ id: string }>().id },
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'fileId' })])
  })
})

describe('history', () => {
  it("lists the proposal's audit rows (header, steps, status) for any reader", async () => {
    const p = await create()
    await patchStep(p.id, p.steps[0]!.id, { status: 'in_progress' })
    await call('POST', `/api/v1/proposals/${p.id}/status`, manager, { status: 'in_progress' })
    const res = await call('GET', `/api/v1/proposals/${p.id}/history`, viewer)
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((i: { action: string }) => i.action)).toEqual([
      'proposal.status_changed',
      'proposal.step_updated',
      'proposal.created',
    ])
    expect(res.json().total).toBe(3)
  })

  it('names the records an entry mentions by id (project manager, step, the proposal itself), here and in the activity log', async () => {
    const p = await create()
    const step = p.steps[0]!
    await patchStep(p.id, step.id, { status: 'in_progress' })
    expect(
      (await call('PATCH', `/api/v1/proposals/${p.id}`, manager, { projectManagerId: ref.pmTwo })).statusCode,
    ).toBe(200)
    type Entry = { action: string; refs: Record<string, string> }
    const entries = async (url: string, cookie: string) =>
      (JSON.parse((await call('GET', url, cookie)).body) as { items: Entry[] }).items
    const history = await entries(`/api/v1/proposals/${p.id}/history`, viewer)
    const byAction = (a: string) => history.find((i) => i.action === a)!
    expect(byAction('proposal.updated').refs).toEqual({
      [ref.pmOne]: 'Ing. Uno de Prueba',
      [ref.pmTwo]: 'Ing. Dos de Prueba',
      [p.id]: expect.any(String),
    })
    expect(byAction('proposal.step_updated').refs[step.id]).toBe(step.name)

    const log = await entries(`/api/v1/audit?entityType=proposal&entityId=${p.id}`, admin)
    expect(log.find((i) => i.action === 'proposal.updated')!.refs[ref.pmTwo]).toBe('Ing. Dos de Prueba')
  })
})

describe('list and export', () => {
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    // a fresh, clearly tagged set to filter on: tag "LST" in the request number
    ids.overdue = (
      await create({
        officialNumber: 'LST-001-2026',
        requestNumber: 'LST-A',
        requestDate: '2026-01-05',
        deliveryDate: '2026-03-01',
        priority: 'urgent',
      })
    ).id
    ids.future = (
      await create({
        officialNumber: 'LST-002-2026',
        requestNumber: 'LST-B',
        requestDate: '2026-02-10',
        deliveryDate: '2026-06-30',
        priority: 'low',
        clientId: ref.clientB,
        projectManagerId: ref.pmTwo,
      })
    ).id
    ids.finishedLate = (
      await create({
        officialNumber: 'LST-003-2026',
        requestNumber: 'LST-C',
        requestDate: '2026-01-20',
        deliveryDate: '2026-02-15',
        priority: 'medium',
        description: 'Inspección submarina',
      })
    ).id
    ids.intercom = (
      await create({
        officialNumber: 'LST-004-2026',
        requestNumber: 'LST-D',
        requestDate: '2026-03-01',
        deliveryDate: '2026-03-10',
        priority: 'high',
        clientId: ref.clientIntercom,
      })
    ).id
    for (const s of ['in_progress', 'finished'])
      await call('POST', `/api/v1/proposals/${ids.finishedLate}/status`, manager, { status: s })
    // progress: future 1/8 → 13; overdue 2/8 → 25
    const future = (await call('GET', `/api/v1/proposals/${ids.future}`, viewer)).json() as TProposalDetail
    await patchStep(ids.future, future.steps[0]!.id, { status: 'completed' })
    const overdue = (await call('GET', `/api/v1/proposals/${ids.overdue}`, viewer)).json() as TProposalDetail
    await patchStep(ids.overdue, overdue.steps[0]!.id, { status: 'completed' })
    await patchStep(ids.overdue, overdue.steps[1]!.id, { status: 'not_applicable' })
  })

  const list = async (qs: string, cookie = viewer) => {
    const res = await call('GET', `/api/v1/proposals?q=LST-&${qs}`, cookie)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as { items: TProposalSummary[]; total: number }
  }
  const numbers = (r: { items: TProposalSummary[] }) => r.items.map((i) => i.officialNumber)

  it('searches numbers, description and client name (accent-insensitive)', async () => {
    expect((await list('')).total).toBe(4)
    const byRequest = await call('GET', '/api/v1/proposals?q=lst-d', viewer)
    expect(byRequest.json().items.map((i: TProposalSummary) => i.officialNumber)).toEqual(['LST-004-2026'])
    const byDescription = await call('GET', '/api/v1/proposals?q=submarina', viewer)
    expect(byDescription.json().items.map((i: TProposalSummary) => i.officialNumber)).toEqual([
      'LST-003-2026',
    ])
    const byClient = await call('GET', '/api/v1/proposals?q=bahia%20azul', viewer)
    expect(byClient.json().items.map((i: TProposalSummary) => i.officialNumber)).toEqual(['LST-002-2026'])
    const byClientAccent = await call(
      'GET',
      `/api/v1/proposals?q=${encodeURIComponent('ñandú')}&limit=500`,
      viewer,
    )
    expect(byClientAccent.json().items.length).toBeGreaterThan(3)
    const wildcard = await call('GET', '/api/v1/proposals?q=%25', viewer)
    expect(wildcard.json().total).toBe(0)
  })

  it('filters by status, client, type, manager, priority, date ranges and overdue', async () => {
    expect(numbers(await list('status=finished'))).toEqual(['LST-003-2026'])
    expect(numbers(await list(`clientId=${ref.clientB}`))).toEqual(['LST-002-2026'])
    expect(numbers(await list(`projectManagerId=${ref.pmTwo}`))).toEqual(['LST-002-2026'])
    expect((await list(`typeId=${ref.typeProposal}`)).total).toBe(4)
    expect((await list(`typeId=${ref.typeWorkOrder}`)).total).toBe(0)
    expect(numbers(await list('priority=urgent'))).toEqual(['LST-001-2026'])
    expect(
      numbers(await list('requestFrom=2026-02-01&requestTo=2026-03-01&sort=requestDate&dir=asc')),
    ).toEqual(['LST-002-2026', 'LST-004-2026'])
    expect(
      numbers(await list('deliveryFrom=2026-03-01&deliveryTo=2026-03-10&sort=deliveryDate&dir=asc')),
    ).toEqual(['LST-001-2026', 'LST-004-2026'])
    // overdue: delivered before 2026-03-10 and not finished/cancelled (LST-003 is finished, LST-004 is due today)
    const overdue = await list('overdue=true')
    expect(numbers(overdue)).toEqual(['LST-001-2026'])
    expect(overdue.items[0]!.overdue).toBe(true)
    expect(numbers(await list('overdue=false&sort=officialNumber&dir=asc'))).toEqual([
      'LST-002-2026',
      'LST-003-2026',
      'LST-004-2026',
    ])
  })

  it('sorts and paginates on the server, with progress per row', async () => {
    const byProgress = await list('sort=progress&dir=desc')
    expect(byProgress.items.map((i) => [i.officialNumber, i.progress])).toEqual([
      ['LST-001-2026', 25],
      ['LST-002-2026', 13],
      ['LST-004-2026', 0],
      ['LST-003-2026', 0],
    ])
    expect(numbers(await list('sort=priority&dir=desc'))).toEqual([
      'LST-001-2026',
      'LST-004-2026',
      'LST-003-2026',
      'LST-002-2026',
    ])
    expect(numbers(await list('sort=client&dir=asc'))[0]).toBe('LST-002-2026') // "Astillero…" first
    expect(numbers(await list('sort=client&dir=desc'))[0]).toBe('LST-004-2026') // "Zeta…" last
    expect(numbers(await list('sort=status&dir=asc')).at(-1)).toBe('LST-003-2026')
    const page1 = await list('sort=officialNumber&dir=asc&limit=3&offset=0')
    const page2 = await list('sort=officialNumber&dir=asc&limit=3&offset=3')
    expect(page1.total).toBe(4)
    expect(numbers(page1)).toEqual(['LST-001-2026', 'LST-002-2026', 'LST-003-2026'])
    expect(numbers(page2)).toEqual(['LST-004-2026'])
    expect(page1.items[1]).toMatchObject({
      doneSteps: 1,
      countedSteps: 8,
      client: { name: 'Astillero Bahía Azul' },
      projectManager: { name: 'Ing. Dos de Prueba' },
    })
  })

  it('exports the filtered list as a real workbook, as a job', async () => {
    const filters = { q: 'LST-', sort: 'officialNumber', dir: 'asc', overdue: 'false' }
    const res = await exportViaJob(t, viewer, '/api/v1/proposals/export', filters)
    expect(res.job.kind).toBe('proposals.export')
    expect(res.run).toMatchObject({ done: 3, total: 3 })
    expect(res.contentDisposition).toContain('propuestas.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.name).toBe('Propuestas')
    expect(ws.rowCount).toBe(4) // header + 3
    const header = (ws.getRow(1).values as unknown[]).slice(1)
    expect(header[0]).toBe('Oficio PTE')
    const col = (name: string) => header.indexOf(name) + 1
    expect(ws.getRow(2).getCell(col('Oficio PTE')).value).toBe('LST-002-2026')
    expect(ws.getRow(2).getCell(col('Cliente')).value).toBe('Astillero Bahía Azul')
    expect(ws.getRow(2).getCell(col('Avance (%)')).value).toBe(13)
    expect(ws.getRow(3).getCell(col('Estatus')).value).toBe('Terminada')
    expect(ws.getRow(4).getCell(col('Oficio PTE')).value).toBe('LST-004-2026')
    expect(ws.getRow(2).getCell(col('Fecha de entrega')).value).toEqual(new Date('2026-06-30T00:00:00Z'))
  })

  it('the export job is seen by its requester and the admin only; deleted ones need their permission', async () => {
    const res = await exportViaJob(t, viewer, '/api/v1/proposals/export', { q: 'nada-coincide-con-esto' })
    expect(res.run).toMatchObject({ done: 0, total: 0 })
    expect(await jobStatusFor(t, admin, res.job.id)).toEqual({ run: 200, result: 200 })
    expect(await jobStatusFor(t, manager, res.job.id)).toEqual({ run: 404, result: 404 })
    expect(await jobStatusFor(t, rentalAdmin, res.job.id)).toEqual({ run: 404, result: 404 })
    expect((await askExport(t, viewer, '/api/v1/proposals/export', { deleted: 'true' })).status).toBe(403)
    const bad = await askExport(t, viewer, '/api/v1/proposals/export', { priority: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain('priority')
  })
})

describe('soft delete', () => {
  it('hides a deleted proposal; admins list and read deleted ones', async () => {
    const p = await create({ officialNumber: 'DEL-001-2026' })
    expect((await call('DELETE', `/api/v1/proposals/${p.id}`, operator)).statusCode).toBe(403)
    const del = await call('DELETE', `/api/v1/proposals/${p.id}`, manager)
    expect(del.statusCode).toBe(200)
    expect((await call('GET', `/api/v1/proposals/${p.id}`, manager)).statusCode).toBe(404)
    expect((await call('PATCH', `/api/v1/proposals/${p.id}`, manager, { priority: 'low' })).statusCode).toBe(
      404,
    )
    expect((await call('DELETE', `/api/v1/proposals/${p.id}`, manager)).statusCode).toBe(404)
    expect((await call('GET', '/api/v1/proposals?q=DEL-001', manager)).json().total).toBe(0)
    expect((await call('GET', '/api/v1/proposals?q=DEL-001&deleted=true', manager)).statusCode).toBe(403)

    const deleted = await call('GET', '/api/v1/proposals?q=DEL-001&deleted=true', admin)
    expect(deleted.json().items.map((i: TProposalSummary) => [i.officialNumber, i.deleted])).toEqual([
      ['DEL-001-2026', true],
    ])
    const detail = await call('GET', `/api/v1/proposals/${p.id}`, admin)
    expect(detail.statusCode).toBe(200)
    expect(detail.json()).toMatchObject({ deleted: true, allowedTransitions: [] })
    expect((await auditOf(p.id, 'proposal.deleted'))[0]!.changes).toEqual([
      { field: 'deleted', old: false, new: true },
    ])
  })
})

describe('tenancy', () => {
  it('answers 404 to another organization on get, patch, delete, status, steps and attachments', async () => {
    const p = await create()
    const step = p.steps[0]!.id
    const base = `/api/v1/proposals/${p.id}`
    expect((await call('GET', base, rentalAdmin)).statusCode).toBe(404)
    expect((await call('PATCH', base, rentalAdmin, { priority: 'low' })).statusCode).toBe(404)
    expect((await call('DELETE', base, rentalAdmin)).statusCode).toBe(404)
    expect((await call('POST', `${base}/status`, rentalAdmin, { status: 'in_progress' })).statusCode).toBe(
      404,
    )
    expect(
      (await call('PATCH', `${base}/steps/${step}`, rentalAdmin, { status: 'completed' })).statusCode,
    ).toBe(404)
    expect(
      (await call('POST', `${base}/steps/${step}/attachments`, rentalAdmin, { url: 'https://example.com' }))
        .statusCode,
    ).toBe(404)
    expect((await call('GET', `${base}/history`, rentalAdmin)).statusCode).toBe(404)
    const theirs = await call('GET', '/api/v1/proposals?limit=500', rentalAdmin)
    expect(theirs.json().items.some((i: TProposalSummary) => i.id === p.id)).toBe(false)
    // nothing changed
    const mine = (await call('GET', base, viewer)).json() as TProposalDetail
    expect(mine).toMatchObject({ status: 'active', priority: 'high', deleted: false, progress: 0 })
  })
})
