/**
 * The notices of issue 13 on both databases (docs/platform.md#due-and-overdue and #notifications): steps and
 * work orders due soon or overdue from the daily scan at fixed instants (the organization's 07:00, once per item
 * and kind even when the tick runs twice), a work order's status change (to its step responsibles, not the
 * person who changed it; by e-mail for who asked, caught by an SMTP server in the test process), excess volume
 * once per cell becoming excess, and an invoiced billing sheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, uploadFile, type Json } from '../../../test/json-api'
import { postFile } from '../../../test/multipart'
import {
  annexRows,
  importCatalog,
  siteRefs,
  workOrderWithAnnex,
  type CatalogConcept,
} from '../../../test/production-setup'
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher'

let now = new Date('2026-03-02T14:00:00Z')
let t: TestApp
let smtp: SmtpCatcher
let admin = ''
let manager = ''
let supervisor = ''
let operator = ''
const userId: Record<string, string> = {}
const api = jsonApi(
  () => t,
  () => admin,
)
const { get, post, patch, put, ok } = api
const first = async (url: string): Promise<Json> => (await ok(get(url))).items[0]
const noticesOf = async (cookie: string, kind: string): Promise<Json[]> =>
  (await ok(get('/api/v1/notifications?limit=100', cookie))).items.filter((n: Json) => n.kind === kind)

let proposal: Json
let workOrder: Json

beforeAll(async () => {
  smtp = await startSmtpCatcher()
  t = await createTestApp({ clock: () => now, mailRetryDelaysMs: [20] })
  admin = await t.login('admin@offshore.test')
  manager = await t.login('manager@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
  operator = await t.login('operator@offshore.test')
  for (const role of ['admin', 'manager', 'supervisor', 'operator'])
    userId[role] = (
      await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', `${role}@offshore.test`)
        .executeTakeFirstOrThrow()
    ).id
  const clientId = (await first('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')).id
  // a project manager of our own, linked to nobody: notices without a responsible go to the managers
  const projectManagerId = (
    await ok(post('/api/v1/catalogs/project-managers', { name: 'GERENTE SIN CUENTA' }))
  ).id
  proposal = await ok(
    post('/api/v1/proposals', {
      officialNumber: 'VENCE-001',
      requestNumber: 'SOL-VENCE-001',
      description: 'Propuesta con pasos por vencer',
      clientId,
      requestDate: '2026-02-01',
      deliveryDate: '2026-04-30',
      durationDays: 30,
      typeId: (await first('/api/v1/catalogs/types?level=proposal&limit=1')).id,
      projectManagerId,
      priority: 'medium',
    }),
  )
  workOrder = await ok(
    post('/api/v1/work-orders', {
      number: 'OT-VENCE-001',
      description: 'OT que termina pronto',
      clientId,
      projectManagerId,
      plannedStart: '2026-02-01',
      plannedEnd: '2026-03-04',
    }),
  )
}, 120_000)
afterAll(async () => {
  await t?.close()
  await smtp?.close()
})

const leaf = (steps: Json[]): Json => {
  for (const s of steps) if ((s.steps ?? []).length === 0) return s
  return leaf(steps[0].steps)
}

describe('due and overdue notices', () => {
  it('the daily scan at the organization’s 07:00: due soon and overdue, once per item and kind', async () => {
    const [a, b] = proposal.steps as Json[]
    // step A: the operator's, due in two days; step B: nobody's, overdue
    await ok(
      patch(`/api/v1/proposals/${proposal.id}/steps/${a.id}`, {
        responsibleUserId: userId.operator,
        deliveryDate: '2026-03-04',
      }),
    )
    await ok(patch(`/api/v1/proposals/${proposal.id}/steps/${b.id}`, { deliveryDate: '2026-02-20' }))
    const tick = (at: string) => t.app.services.insights.dueAlerts.tick(new Date(at))

    // 06:59 in Mexico City: not yet
    expect(await tick('2026-03-02T12:59:00Z')).toBe(0)
    // 08:00: the operator's step, the overdue step (to the managers), the work order ending on 4 March
    expect(await tick('2026-03-02T14:00:00Z')).toBeGreaterThan(0)
    const soon = await noticesOf(operator, 'deadline.due_soon')
    expect(soon).toHaveLength(1)
    expect(soon[0]).toMatchObject({
      title: `El paso «${a.name}» de la PTE VENCE-001 vence el 04/03/2026`,
      link: `/proposals/${proposal.id}`,
    })
    const overdue = await noticesOf(manager, 'deadline.overdue')
    expect(overdue.map((n) => n.title)).toContain(
      `El paso «${b.name}» de la PTE VENCE-001 venció el 20/02/2026`,
    )
    const endingSoon = (await noticesOf(manager, 'deadline.due_soon')).map((n) => n.title)
    expect(endingSoon).toContain('La OT OT-VENCE-001 termina el 04/03/2026')
    expect(await noticesOf(operator, 'deadline.overdue')).toHaveLength(0)

    // the tick again in the same day, and the next day: nothing new for the same items and kinds
    expect(await tick('2026-03-02T15:00:00Z')).toBe(0)
    expect(await tick('2026-03-03T14:00:00Z')).toBe(0)
    expect(await noticesOf(operator, 'deadline.due_soon')).toHaveLength(1)
    // once past its date, the operator's step is announced overdue (once)
    expect(await tick('2026-03-05T14:00:00Z')).toBeGreaterThan(0)
    expect(await tick('2026-03-06T14:00:00Z')).toBe(0)
    expect(await noticesOf(operator, 'deadline.overdue')).toHaveLength(1)
  })

  it('days before is the organization’s setting (default 3), admins only, audited', async () => {
    expect(await ok(get('/api/v1/insights/due-alerts/settings'))).toMatchObject({ daysBefore: 3, hour: 7 })
    expect((await put('/api/v1/insights/due-alerts/settings', { daysBefore: 10 }, manager)).status).toBe(403)
    const bad = await put('/api/v1/insights/due-alerts/settings', { daysBefore: 99 })
    expect(bad.status).toBe(400)
    expect(await ok(put('/api/v1/insights/due-alerts/settings', { daysBefore: 10 }))).toMatchObject({
      daysBefore: 10,
    })
    const audit = await t.db
      .selectFrom('audit_log')
      .orderBy('id')
      .select('changes')
      .where('action', '=', 'insights.due_alert_settings_saved')
      .executeTakeFirstOrThrow()
    expect(audit.changes).toEqual([{ field: 'days_before', old: 3, new: 10 }])
    // a step due in 9 days is now "due soon"
    const c = (proposal.steps as Json[])[2]
    await ok(
      patch(`/api/v1/proposals/${proposal.id}/steps/${c.id}`, {
        responsibleUserId: userId.supervisor,
        deliveryDate: '2026-03-16',
      }),
    )
    await t.app.services.insights.dueAlerts.tick(new Date('2026-03-07T14:00:00Z'))
    expect((await noticesOf(supervisor, 'deadline.due_soon')).map((n) => n.title)).toEqual([
      `El paso «${c.name}» de la PTE VENCE-001 vence el 16/03/2026`,
    ])
  })
})

describe('work-order status change', () => {
  it('tells the responsible users of its steps, not who changed it; by e-mail to who asked', async () => {
    await ok(
      put('/api/v1/settings/mail', {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        fromAddress: 'avisos@offshore.test',
      }),
    )
    await ok(
      put(
        '/api/v1/notifications/preferences',
        { items: [{ kind: 'work_order.status_changed', inApp: true, email: true }] },
        operator,
      ),
    )
    const step = leaf(workOrder.steps)
    await ok(
      patch(`/api/v1/work-orders/${workOrder.id}/steps/${step.id}`, { responsibleUserId: userId.operator }),
    )
    await ok(
      patch(`/api/v1/work-orders/${workOrder.id}/steps/${leaf(workOrder.steps.slice(1)).id}`, {
        responsibleUserId: userId.admin,
      }),
    )
    await ok(patch(`/api/v1/work-orders/${workOrder.id}`, { status: 'in_execution' }))
    const notices = await noticesOf(operator, 'work_order.status_changed')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({
      title: 'La OT OT-VENCE-001 pasó de Asignada a En ejecución',
      link: `/work-orders/${workOrder.id}`,
    })
    // the admin made the change: not told, although responsible for a step
    expect(await noticesOf(admin, 'work_order.status_changed')).toHaveLength(0)
    const mails = await smtp.waitFor(1)
    expect(mails[0]!.subject).toBe('La OT OT-VENCE-001 pasó de Asignada a En ejecución')
    expect(mails[0]!.text).toContain(`/work-orders/${workOrder.id}`)
  })
})

describe('excess volume', () => {
  it('tells supervisors and managers once per cell becoming excess, not per save', async () => {
    const apiOf = {
      json: async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
        ok(api.call(method, url, body, manager)),
      async upload(url: string, fileName: string, bytes: Buffer, fields?: Record<string, string>) {
        const res = await postFile(t, manager, url, fileName, bytes, fields)
        if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
        return res.json()
      },
    }
    const catalog: CatalogConcept[] = await importCatalog(apiOf)
    const refs = await siteRefs(apiOf)
    const wo = await workOrderWithAnnex(apiOf, refs, {
      number: 'OT-EXCEDE-001',
      start: '2026-03-01',
      end: '2026-03-31',
      rows: annexRows(catalog.slice(0, 1), () => 10),
    })
    const A = catalog[0]!.id
    let version = 0
    const save = async (cells: { date: string; volume: string }[]) => {
      const r = await ok(
        api.call(
          'PUT',
          '/api/v1/production/grid',
          {
            workOrderId: wo.id,
            siteId: refs.vessel,
            month: '2026-03',
            timeType: 'TE',
            version,
            cells: cells.map((c) => ({ conceptId: A, ...c })),
          },
          manager,
        ),
      )
      version = r.version
      return r
    }
    await save([{ date: '2026-03-02', volume: '8' }])
    expect(await noticesOf(supervisor, 'production.excess')).toHaveLength(0)
    // 8 + 4 passes the 10 authorized: the cell of 3 March becomes excess
    await save([{ date: '2026-03-03', volume: '4' }])
    let notices = await noticesOf(supervisor, 'production.excess')
    expect(notices).toHaveLength(1)
    expect(notices[0].title).toBe('Volumen excedente en la OT OT-EXCEDE-001: 1 celda(s)')
    expect(notices[0].body).toContain('2026-03-03 TE')
    // the same cell changed (still excess): nothing new; a new excess cell: one more
    await save([{ date: '2026-03-03', volume: '5' }])
    expect(await noticesOf(supervisor, 'production.excess')).toHaveLength(1)
    await save([{ date: '2026-03-04', volume: '1' }])
    notices = await noticesOf(supervisor, 'production.excess')
    expect(notices).toHaveLength(2)
    expect(notices[0].body).toContain('2026-03-04 TE')
    expect(notices[0].body).not.toContain('2026-03-03')
    // the admin is told too; the manager saved: not told; an operator is not a supervisor
    expect(await noticesOf(admin, 'production.excess')).toHaveLength(2)
    expect(await noticesOf(manager, 'production.excess')).toHaveLength(0)
    expect(await noticesOf(operator, 'production.excess')).toHaveLength(0)
  })
})

describe('billing sheet invoiced', () => {
  it('tells who can invoice (billing, admins), not who invoiced it', async () => {
    now = new Date('2026-02-05T15:00:00Z')
    const R = '/api/v1/rental'
    const rManager = await t.login('manager@rental.test')
    const rBilling = await t.login('billing@rental.test')
    const rAdmin = await t.login('admin@rental.test')
    const client = await ok(
      post(`${R}/clients`, { name: 'Cliente facturado', taxId: '1790011674001' }, rManager),
    )
    const project = await ok(
      post(
        `${R}/projects`,
        {
          clientId: client.id,
          name: 'Proyecto facturado',
          location: 'CAMPO NORTE',
          cardinalPoint: 'north',
          contactName: 'Ing. Contacto',
          startDate: '2026-01-01',
        },
        rManager,
      ),
    )
    const unit = await ok(
      post(
        `${R}/equipment`,
        { code: 'FAC-BT-1', name: 'BATERÍA SANITARIA', kind: 'equipment', type: 'toilet' },
        rManager,
      ),
    )
    await ok(
      post(
        `${R}/projects/${project.id}/assignments`,
        { equipmentId: unit.id, operationStart: '2026-01-01', dailyRate: '10.00' },
        rManager,
      ),
    )
    const sheet = await ok(
      post(
        `${R}/billing-sheets`,
        { projectId: project.id, periodStart: '2026-01-01', periodEnd: '2026-01-31' },
        rManager,
      ),
      201,
    )
    await ok(post(`${R}/billing-sheets/${sheet.id}/liquidate`, undefined, rManager))
    const pdf = await uploadFile(t, rBilling, 'factura.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'))
    await ok(
      post(
        `${R}/billing-sheets/${sheet.id}/invoice`,
        { invoiceReference: '001-001-000000123', invoiceFileId: pdf.id },
        rBilling,
      ),
    )
    const forAdmin = await noticesOf(rAdmin, 'billingSheet.invoiced')
    expect(forAdmin).toHaveLength(1)
    expect(forAdmin[0]).toMatchObject({ link: `/rental/billing-sheets/${sheet.id}` })
    expect(forAdmin[0].title).toContain('001-001-000000123')
    expect(await noticesOf(rBilling, 'billingSheet.invoiced')).toHaveLength(0)
  })
})
