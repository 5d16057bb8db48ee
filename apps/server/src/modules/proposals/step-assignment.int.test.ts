import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, type Json } from '../../../test/json-api'

/**
 * Responsible users of proposal and work-order steps (docs/proposals.md#steps): set, cleared and checked
 * with the step's PATCH, audited, announced in the bell of the person assigned (once), and the lists'
 * "assigned to me" filter, which also finds the records of a project manager linked to the caller's account.
 */

const NOW = new Date('2026-03-10T18:00:00Z')
const N = '/api/v1/notifications'

let t: TestApp
let manager: string
let supervisor: string
let viewer: string
let admin: string
let rentalAdmin: string
const user = { manager: '', supervisor: '', viewer: '', operator: '', inactive: '', rental: '' }
let proposal: Json
let otherProposal: Json
let workOrder: Json
let otherWorkOrder: Json
let pmLinked: Json
let pmOther: Json

const { get, post, patch, ok } = jsonApi(
  () => t,
  () => manager,
)

const meId = async (cookie: string) => (await ok(get('/api/v1/auth/me', cookie))).user.id as string
const notices = async (cookie: string, kind: string) =>
  ((await ok(get(`${N}?limit=100`, cookie))).items as Json[]).filter((n) => n.kind === kind)
const stepOf = (detail: Json, id: string): Json => {
  const all = (steps: Json[]): Json[] => steps.flatMap((s) => [s, ...all(s.steps)])
  return all(detail.steps).find((s) => s.id === id)
}

async function newProposal(officialNumber: string, projectManagerId: string) {
  const clients = await ok(get('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1'))
  const types = await ok(get('/api/v1/catalogs/types?level=proposal&limit=1'))
  return ok(
    post('/api/v1/proposals', {
      officialNumber,
      requestNumber: `SOL-${officialNumber}`,
      description: `Propuesta ${officialNumber}`,
      clientId: clients.items[0].id,
      typeId: types.items[0].id,
      projectManagerId,
      requestDate: '2026-03-01',
      deliveryDate: '2026-04-01',
      durationDays: 31,
      priority: 'medium',
    }),
    201,
  )
}

async function newWorkOrder(number: string, projectManagerId: string) {
  const clients = await ok(get('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1'))
  return ok(
    post('/api/v1/work-orders', {
      number,
      description: `Orden ${number}`,
      clientId: clients.items[0].id,
      projectManagerId,
      plannedStart: '2026-03-01',
      plannedEnd: '2026-03-31',
    }),
    201,
  )
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  manager = await t.login('manager@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
  viewer = await t.login('viewer@offshore.test')
  admin = await t.login('admin@offshore.test')
  rentalAdmin = await t.login('admin@rental.test')
  user.manager = await meId(manager)
  user.supervisor = await meId(supervisor)
  user.viewer = await meId(viewer)
  user.operator = await meId(await t.login('operator@offshore.test'))
  user.rental = await meId(rentalAdmin)
  const inactive = await ok(
    post(
      '/api/v1/users',
      {
        email: 'baja@offshore.test',
        name: 'Usuario De Baja',
        role: 'supervisor',
        password: 'Xk9!vTq2#mLp7Wz',
      },
      admin,
    ),
  )
  user.inactive = inactive.id
  await ok(patch(`/api/v1/users/${inactive.id}`, { active: false }, admin))
  pmLinked = await ok(
    post('/api/v1/catalogs/project-managers', { name: 'Gerente Vinculado Asignación' }),
    201,
  )
  pmOther = await ok(
    post('/api/v1/catalogs/project-managers', { name: 'Gerente Sin Vínculo Asignación' }),
    201,
  )
  proposal = await newProposal('ASG-PTE-1', pmOther.id)
  otherProposal = await newProposal('ASG-PTE-2', pmLinked.id)
  workOrder = await newWorkOrder('ASG-OT-1', pmOther.id)
  otherWorkOrder = await newWorkOrder('ASG-OT-2', pmLinked.id)
})
afterAll(async () => {
  await t?.close()
})

describe('the users a step can be assigned to', () => {
  it('lists the active users of the caller organization by name, for any signed-in user', async () => {
    const list = await ok(get('/api/v1/users/active', viewer))
    const ids = (list.items as Json[]).map((u) => u.id)
    expect(ids).toContain(user.supervisor)
    expect(ids).not.toContain(user.inactive)
    expect(ids).not.toContain(user.rental)
    expect(Object.keys(list.items[0]).sort()).toEqual(['id', 'name'])
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users/active' })).statusCode).toBe(401)
  })
})

describe.each([
  {
    kind: 'proposal',
    base: '/api/v1/proposals',
    record: () => proposal,
    event: 'proposal.step_assigned',
    link: () => `/proposals/${proposal.id}`,
    title: 'de la PTE ASG-PTE-1',
    history: () => get(`/api/v1/proposals/${proposal.id}/history`),
  },
  {
    kind: 'work order',
    base: '/api/v1/work-orders',
    record: () => workOrder,
    event: 'work_order.step_assigned',
    link: () => `/work-orders/${workOrder.id}`,
    title: 'de la OT ASG-OT-1',
    history: () => get(`/api/v1/audit?entityType=work_order&entityId=${workOrder.id}`, admin),
  },
])('responsible user of a $kind step', ({ base, record, event, link, title, history: historyOf }) => {
  const stepUrl = (i = 0) => `${base}/${record().id}/steps/${record().steps[i].id}`

  it('is set with the PATCH, shown by name, audited and announced once to the person assigned', async () => {
    const step = record().steps[0]
    const detail = await ok(patch(stepUrl(), { responsibleUserId: user.supervisor }))
    expect(stepOf(detail, step.id).responsibleUser).toEqual({ id: user.supervisor, name: expect.any(String) })
    expect(stepOf(detail, step.id).responsibleUser.name).not.toBe('')
    expect(stepOf(detail, record().steps[1].id).responsibleUser).toBeNull()

    const history = await ok(historyOf())
    const entry = history.items[0]
    expect(entry.action).toMatch(/step_updated$/)
    expect(entry.changes).toEqual([{ field: 'responsibleUserId', old: null, new: user.supervisor }])
    expect(entry.refs[user.supervisor]).toBe(stepOf(detail, step.id).responsibleUser.name)

    const mine = await notices(supervisor, event)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ link: link(), readAt: null })
    expect(mine[0].title).toContain(title)
    expect(mine[0].title).toContain(step.name)
    expect(await notices(manager, event)).toHaveLength(0)

    // the same request again changes nothing: no audit row, no second notice
    await ok(patch(stepUrl(), { responsibleUserId: user.supervisor }))
    expect((await ok(historyOf())).total).toBe(history.total)
    expect(await notices(supervisor, event)).toHaveLength(1)
  })

  it('tells nobody when the caller assigns the step to themselves, and is cleared with null', async () => {
    await ok(patch(stepUrl(1), { responsibleUserId: user.manager }))
    expect(await notices(manager, event)).toHaveLength(0)
    const cleared = await ok(patch(stepUrl(1), { responsibleUserId: null }))
    expect(stepOf(cleared, record().steps[1].id).responsibleUser).toBeNull()
    const history = await ok(historyOf())
    expect(history.items[0].changes).toEqual([{ field: 'responsibleUserId', old: user.manager, new: null }])
  })

  it('announces a re-assignment to the new person, and a later one back to the first again', async () => {
    await ok(patch(stepUrl(), { responsibleUserId: user.operator }))
    const operator = await t.login('operator@offshore.test')
    expect(await notices(operator, event)).toHaveLength(1)
    await ok(patch(stepUrl(), { responsibleUserId: user.supervisor }))
    expect(await notices(supervisor, event)).toHaveLength(2)
  })

  it('refuses an inactive user, another organization user or an unknown id (400 naming the field)', async () => {
    for (const id of [user.inactive, user.rental, '00000000-0000-4000-8000-000000000001']) {
      const res = await patch(stepUrl(2), { responsibleUserId: id })
      expect(res.status).toBe(400)
      expect(res.body.error.details.map((d: Json) => d.path)).toEqual(['responsibleUserId'])
    }
    const detail = await ok(get(`${base}/${record().id}`))
    expect(stepOf(detail, record().steps[2].id).responsibleUser).toBeNull()
    const bad = await patch(stepUrl(2), { responsibleUserId: 'no-es-un-id' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body.error.details)).toContain('responsibleUserId')
  })

  it('a role without the update permission cannot assign (403)', async () => {
    const res = await patch(stepUrl(2), { responsibleUserId: user.viewer }, viewer)
    expect(res.status).toBe(403)
  })

  it('another organization cannot reach the step (404)', async () => {
    const res = await patch(stepUrl(2), { responsibleUserId: user.rental }, rentalAdmin)
    expect(res.status).toBe(404)
  })
})

describe('project managers linked to a user account', () => {
  it('links a manager to one active user of the organization, audited with the user name', async () => {
    const linked = await ok(
      patch(`/api/v1/catalogs/project-managers/${pmLinked.id}`, { userId: user.viewer }),
    )
    expect(linked.userId).toBe(user.viewer)
    const audit = await ok(get(`/api/v1/audit?entityType=project_manager&entityId=${pmLinked.id}`, admin))
    expect(audit.items[0].changes).toEqual([{ field: 'userId', old: null, new: user.viewer }])
    expect(audit.items[0].refs[user.viewer]).toEqual(expect.any(String))
  })

  it('refuses a user linked to another manager (409), an inactive or foreign user (400), naming userId', async () => {
    const taken = await patch(`/api/v1/catalogs/project-managers/${pmOther.id}`, { userId: user.viewer })
    expect(taken.status).toBe(409)
    expect(taken.body.error.details.map((d: Json) => d.path)).toEqual(['userId'])
    for (const id of [user.inactive, user.rental]) {
      const res = await post('/api/v1/catalogs/project-managers', {
        name: `Gerente ${id.slice(0, 8)}`,
        userId: id,
      })
      expect(res.status).toBe(400)
      expect(res.body.error.details.map((d: Json) => d.path)).toEqual(['userId'])
    }
  })
})

describe('assigned to me', () => {
  it('lists the proposals and work orders with a step assigned to the caller', async () => {
    const proposals = await ok(get('/api/v1/proposals?assignedToMe=true&limit=100', supervisor))
    expect((proposals.items as Json[]).map((p) => p.id)).toEqual([proposal.id])
    const orders = await ok(get('/api/v1/work-orders?assignedToMe=true&limit=100', supervisor))
    expect((orders.items as Json[]).map((w) => w.id)).toEqual([workOrder.id])
    expect(orders.total).toBe(1)
    const rest = await ok(get('/api/v1/proposals?assignedToMe=false&limit=500', supervisor))
    const restIds = (rest.items as Json[]).map((p) => p.id)
    expect(restIds).toContain(otherProposal.id)
    expect(restIds).not.toContain(proposal.id)
  })

  it('also lists the records whose project manager is linked to the caller', async () => {
    const proposals = await ok(get('/api/v1/proposals?assignedToMe=true&limit=100', viewer))
    expect((proposals.items as Json[]).map((p) => p.id)).toEqual([otherProposal.id])
    const orders = await ok(get('/api/v1/work-orders?assignedToMe=true&limit=100', viewer))
    expect((orders.items as Json[]).map((w) => w.id)).toEqual([otherWorkOrder.id])
  })

  it('finds nothing of another organization', async () => {
    expect((await ok(get('/api/v1/proposals?assignedToMe=true', rentalAdmin))).total).toBe(0)
    expect((await ok(get('/api/v1/work-orders?assignedToMe=true', rentalAdmin))).total).toBe(0)
  })
})
