import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workOrderHistoryWorkbook } from '../../../test/fixtures/work-order-history-workbook'
import { askExport, exportViaJob, jobStatusFor } from '../../../test/export-jobs'
import { createTestApp, type TestApp } from '../../../test/harness'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'

// 2026-03-10 12:00 in Mexico City: "today" for the offshore organization is 2026-03-10.
const NOW = new Date('2026-03-10T18:00:00Z')
const TODAY = '2026-03-10'

let t: TestApp
let admin: string
let manager: string
let supervisor: string
let operator: string
let viewer: string
let rentalAdmin: string

const ref = {
  contract: '',
  intercom: '',
  pm: '',
  pm2: '',
  proposalType: '',
  barco: '',
  tierra: '',
  cpps: '',
  vessel: '',
  vessel2: '',
  platform: '',
  platform2: '',
  yard: '',
  interconnection: '',
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any
const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: unknown) => {
  const res = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
  return {
    status: res.statusCode,
    json: () => JSON.parse(res.body),
    raw: res.rawPayload,
    headers: res.headers,
  }
}
const upload = async (url: string, cookie: string, filename: string, bytes: Buffer) => {
  const b = 'faenaWorkOrderTest'
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${b}--\r\n`),
  ])
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload,
  })
  return { status: res.statusCode, json: () => JSON.parse(res.body) }
}

const woBody = (over: Record<string, unknown> = {}) => ({
  number: 'OT-801-26-001',
  officialDocument: 'PEP-SUBTEC-0001-2026',
  clientRepresentative: 'Ing. Pedro Gómez',
  description: 'Rehabilitación de ductos en plataforma',
  clientId: ref.contract,
  projectManagerId: ref.pm,
  plannedStart: '2026-03-01',
  plannedEnd: '2026-03-30',
  frontId: ref.barco,
  vesselId: ref.vessel,
  platformId: ref.platform,
  amountMxn: '1500000.50',
  amountUsd: '25000',
  ...over,
})

/** Every step of the tree, depth first. */
const flat = (steps: Json[]): Json[] => steps.flatMap((s) => [s, ...flat(s.steps)])

/** A proposal of the contract client; with `complete`, every step done but `leaveOpen` of them. */
async function proposal(number: string, opts: { complete?: boolean; leaveOpen?: number } = {}) {
  const res = await call('POST', '/api/v1/proposals', manager, {
    officialNumber: number,
    requestNumber: `SOL-${number}`,
    description: `Propuesta ${number}`,
    clientId: ref.contract,
    requestDate: '2026-02-01',
    deliveryDate: '2026-04-30',
    durationDays: 45,
    typeId: ref.proposalType,
    projectManagerId: ref.pm2,
    priority: 'high',
  })
  expect(res.status).toBe(201)
  const p = res.json()
  if (opts.complete) {
    // leaves (steps without sub-steps) only: parents complete by themselves
    const leaves = flat(p.steps).filter((s) => s.steps.length === 0)
    for (const s of leaves.slice(0, leaves.length - (opts.leaveOpen ?? 0))) {
      const r = await call('PATCH', `/api/v1/proposals/${p.id}/steps/${s.id}`, manager, {
        status: 'completed',
      })
      expect(r.status).toBe(200)
    }
  }
  return (await call('GET', `/api/v1/proposals/${p.id}`, manager)).json()
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  admin = await t.login('admin@offshore.test')
  manager = await t.login('manager@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
  operator = await t.login('operator@offshore.test')
  viewer = await t.login('viewer@offshore.test')
  rentalAdmin = await t.login('admin@rental.test')
  const list = async (url: string) => (await call('GET', url, admin)).json().items as Json[]
  const clients = await list('/api/v1/catalogs/clients?limit=50&sort=createdAt')
  ref.contract = clients.find((c) => c.clientType === 'CONTRATO').id
  ref.intercom = clients.find((c) => c.clientType === 'INTERCOM').id
  const pms = await list('/api/v1/catalogs/project-managers?limit=50&sort=createdAt')
  ref.pm = pms[0].id
  ref.pm2 = pms[1].id
  ref.proposalType = (await list('/api/v1/catalogs/types?level=proposal&limit=1'))[0].id
  const fronts = await list('/api/v1/catalogs/fronts?limit=50')
  ref.barco = fronts.find((f) => f.name === 'BARCO').id
  ref.tierra = fronts.find((f) => f.name === 'TIERRA').id
  ref.cpps = fronts.find((f) => f.name === 'CP / PS').id
  const sites = await list('/api/v1/catalogs/sites?limit=100&sort=createdAt')
  const ofKind = (k: string) => sites.filter((s) => s.kind === k)
  ;[ref.vessel, ref.vessel2] = ofKind('vessel').map((s) => s.id)
  ;[ref.platform, ref.platform2] = ofKind('platform').map((s) => s.id)
  ref.yard = ofKind('yard')[0].id
  ref.interconnection = ofKind('interconnection')[0].id
})
afterAll(async () => t?.close())

describe('creating a work order without a proposal', () => {
  it('copies the steps of the client type, starts assigned, derives the duration (inclusive days)', async () => {
    const res = await call('POST', '/api/v1/work-orders', manager, woBody())
    expect(res.status).toBe(201)
    const wo = res.json()
    expect(wo).toMatchObject({
      number: 'OT-801-26-001',
      type: 'initial',
      reprogrammingNumber: null,
      familyId: wo.id,
      status: 'assigned',
      durationDays: 30,
      amountMxn: '1500000.5',
      amountUsd: '25000',
      proposal: null,
      client: { id: ref.contract, clientType: 'CONTRATO' },
      front: { id: ref.barco, name: 'BARCO' },
      progress: 0,
      // 2026-03-01 → 2026-03-30 is 30 days; on the 10th, 9 have elapsed: trunc(900 / 30) = 30
      timeProgress: 30,
      actualEnd: null,
    })
    expect(wo.sites.vessel.id).toBe(ref.vessel)
    expect(wo.sites.platform.id).toBe(ref.platform)
    // CONTRATO work-order templates: 12 main steps, one of them with 3 sub-steps
    expect(wo.steps).toHaveLength(12)
    expect(flat(wo.steps)).toHaveLength(15)
    expect(wo.countedSteps).toBe(15)
  })

  it('refuses a repeated initial number (ignoring case and spaces) with 409', async () => {
    const res = await call('POST', '/api/v1/work-orders', manager, woBody({ number: '  ot-801-26-001 ' }))
    expect(res.status).toBe(409)
    expect(res.json().error.details[0].path).toBe('number')
  })

  it('speaks the caller language: the repeated number and a site of the wrong kind in English', async () => {
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await call('PATCH', '/api/v1/auth/me/preferences', manager, { locale })).status).toBe(200)
    await setLocale('en')
    try {
      const taken = await call('POST', '/api/v1/work-orders', manager, woBody())
      expect(taken.status).toBe(409)
      expect(taken.json().error).toMatchObject({
        key: 'workOrders.numberTaken',
        params: { number: 'OT-801-26-001' },
        message: 'An initial work order numbered OT-801-26-001 already exists',
        details: [
          {
            path: 'number',
            key: 'workOrders.numberTakenField',
            message: 'An initial work order with this number already exists',
          },
        ],
      })
      const site = await call(
        'POST',
        '/api/v1/work-orders',
        manager,
        woBody({ number: 'OT-EN', vesselId: ref.platform2 }),
      )
      expect(site.status).toBe(400)
      expect(site.json().error).toMatchObject({
        key: 'workOrders.invalidData',
        message: 'Invalid data',
        details: [
          { path: 'vesselId', key: 'workOrders.siteMustBeVessel', message: 'The site must be a vessel' },
        ],
      })
    } finally {
      await setLocale('es')
    }
    const es = await call('POST', '/api/v1/work-orders', manager, woBody())
    expect(es.json().error.message).toBe('Ya existe una OT inicial con el número OT-801-26-001')
  })

  it('checks front and sites (docs/work-orders.md#front-and-sites), the yard phase and the date order, naming the fields', async () => {
    const bad = async (over: Record<string, unknown>) => {
      const res = await call('POST', '/api/v1/work-orders', manager, woBody({ number: 'OT-BAD', ...over }))
      expect(res.status).toBe(400)
      return (res.json().error.details as { path: string }[]).map((d) => d.path).sort()
    }
    expect(await bad({ frontId: null })).toEqual(['frontId'])
    expect(await bad({ vesselId: ref.platform2 })).toEqual(['vesselId'])
    expect(await bad({ frontId: ref.cpps })).toEqual(['vesselId']) // CP / PS: platform and yard only
    expect(await bad({ requiresYardPhase: true })).toEqual(['yardId'])
    expect(
      await bad({
        frontId: ref.tierra,
        vesselId: null,
        requiresYardPhase: true,
        yardId: ref.yard,
        yardStart: '2026-03-05',
        yardEnd: '2026-03-01',
      }),
    ).toEqual(['yardEnd'])
    expect(await bad({ plannedEnd: '2026-02-01' })).toEqual(['plannedEnd'])
    expect(await bad({ interconnectionId: '00000000-0000-4000-8000-000000000000' })).toEqual([
      'interconnectionId',
    ])
    expect(await bad({ projectManagerId: '00000000-0000-4000-8000-000000000000' })).toEqual([
      'projectManagerId',
    ])
    expect(await bad({ amountMxn: '-5' })).toEqual(['amountMxn'])
  })

  it('keeps a yard phase on a vessel front', async () => {
    const res = await call(
      'POST',
      '/api/v1/work-orders',
      manager,
      woBody({
        number: 'OT-801-26-YARD',
        requiresYardPhase: true,
        yardId: ref.yard,
        yardStart: '2026-02-20',
        yardEnd: '2026-02-28',
      }),
    )
    expect(res.status).toBe(201)
    expect(res.json()).toMatchObject({
      requiresYardPhase: true,
      yardStart: '2026-02-20',
      yardEnd: '2026-02-28',
      sites: { yard: { id: ref.yard } },
    })
  })
})

describe('creating from a proposal', () => {
  let complete: Json

  it('refuses a proposal below 100 % with 409 and says where it is', async () => {
    const p = await proposal('BME-0100-001-2026', { complete: true, leaveOpen: 1 })
    expect(p.progress).toBeLessThan(100)
    expect(p.progress).toBeGreaterThan(90)
    const res = await call('POST', `/api/v1/proposals/${p.id}/work-orders`, manager, {
      number: 'OT-FROM-LOW',
    })
    expect(res.status).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'INVALID_STATE', details: { progress: p.progress } })
  })

  it('creates from a proposal at 100 %, pre-filled from it', async () => {
    complete = await proposal('BME-0100-002-2026', { complete: true })
    expect(complete.progress).toBe(100)
    const res = await call('POST', `/api/v1/proposals/${complete.id}/work-orders`, manager, {
      number: 'OT-801-26-010-A',
      frontId: ref.barco,
      vesselId: ref.vessel,
      platformId: ref.platform,
    })
    expect(res.status).toBe(201)
    expect(res.json()).toMatchObject({
      proposal: { id: complete.id, officialNumber: 'BME-0100-002-2026' },
      description: 'Propuesta BME-0100-002-2026',
      client: { id: ref.contract },
      projectManager: { id: ref.pm2 },
      durationDays: 45,
      status: 'assigned',
    })
  })

  it('gives several work orders for a multi-site job, one per site', async () => {
    const res = await call('POST', `/api/v1/proposals/${complete.id}/work-orders`, manager, {
      number: 'OT-801-26-010-B',
      frontId: ref.barco,
      vesselId: ref.vessel2,
      platformId: ref.platform2,
      plannedStart: '2026-04-01',
      plannedEnd: '2026-04-15',
    })
    expect(res.status).toBe(201)
    expect(res.json().durationDays).toBe(15)
    const list = (
      await call('GET', `/api/v1/work-orders?proposalId=${complete.id}&sort=number&dir=asc`, viewer)
    ).json()
    expect(list.total).toBe(2)
    expect(list.items.map((w: Json) => [w.number, w.sites.platform.id])).toEqual([
      ['OT-801-26-010-A', ref.platform],
      ['OT-801-26-010-B', ref.platform2],
    ])
  })

  it('answers 404 for an unknown or foreign proposal', async () => {
    const missing = await call(
      'POST',
      '/api/v1/proposals/00000000-0000-4000-8000-000000000000/work-orders',
      manager,
      { number: 'X' },
    )
    expect(missing.status).toBe(404)
    const foreign = await call('POST', `/api/v1/proposals/${complete.id}/work-orders`, rentalAdmin, {
      number: 'X',
    })
    expect(foreign.status).toBe(404)
  })
})

describe('status, steps and edits', () => {
  let wo: Json
  beforeAll(async () => {
    wo = (await call('POST', '/api/v1/work-orders', manager, woBody({ number: 'OT-801-26-STATUS' }))).json()
  })

  it('entering "finished" stamps the real end with today (org time zone) unless given; leaving clears it', async () => {
    const finished = await call('PATCH', `/api/v1/work-orders/${wo.id}`, supervisor, { status: 'finished' })
    expect(finished.status).toBe(200)
    expect(finished.json()).toMatchObject({ status: 'finished', actualEnd: TODAY })
    const back = (
      await call('PATCH', `/api/v1/work-orders/${wo.id}`, supervisor, {
        status: 'in_execution',
        actualStart: '2026-03-02',
      })
    ).json()
    expect(back).toMatchObject({ status: 'in_execution', actualEnd: null, actualStart: '2026-03-02' })
    const given = (
      await call('PATCH', `/api/v1/work-orders/${wo.id}`, supervisor, {
        status: 'finished',
        actualEnd: '2026-03-08',
      })
    ).json()
    expect(given.actualEnd).toBe('2026-03-08')
  })

  it('asks a reason to suspend, to put to cancel or to cancel', async () => {
    const noReason = await call('PATCH', `/api/v1/work-orders/${wo.id}`, supervisor, { status: 'suspended' })
    expect(noReason.status).toBe(400)
    expect(noReason.json().error.details[0].path).toBe('statusReason')
    const ok = await call('PATCH', `/api/v1/work-orders/${wo.id}`, supervisor, {
      status: 'suspended',
      statusReason: 'Mal tiempo',
    })
    expect(ok.json()).toMatchObject({ status: 'suspended', statusReason: 'Mal tiempo', actualEnd: null })
  })

  it('edits fields and audits only what changed', async () => {
    const res = await call('PATCH', `/api/v1/work-orders/${wo.id}`, manager, {
      amountUsd: '30000.25',
      clientRepresentative: 'Ing. Laura Díaz',
      description: wo.description,
    })
    expect(res.status).toBe(200)
    const audit = (
      await call('GET', `/api/v1/audit?entityType=work_order&entityId=${wo.id}&limit=50`, admin)
    ).json()
    const last = audit.items[0]
    expect(last.action).toBe('work_order.updated')
    expect(last.changes.map((c: Json) => c.field).sort()).toEqual(['amountUsd', 'clientRepresentative'])
    expect(audit.items.map((e: Json) => e.action)).toContain('work_order.status_changed')
    expect(audit.items.at(-1).action).toBe('work_order.created')
  })

  it('steps: completing stamps the date, progress follows the proposals rule, parents complete by themselves', async () => {
    const parent = wo.steps.find((s: Json) => s.steps.length > 0)
    let detail: Json
    for (const sub of parent.steps) {
      const r = await call('PATCH', `/api/v1/work-orders/${wo.id}/steps/${sub.id}`, supervisor, {
        status: 'completed',
      })
      expect(r.status).toBe(200)
      detail = r.json()
    }
    const after = detail.steps.find((s: Json) => s.id === parent.id)
    expect(after).toMatchObject({ status: 'completed', completedDate: TODAY, progress: 100 })
    // 4 of 15 done: 26.67 → 27
    expect(detail).toMatchObject({ doneSteps: 4, countedSteps: 15, progress: 27 })
    const na = await call('PATCH', `/api/v1/work-orders/${wo.id}/steps/${wo.steps[0].id}`, supervisor, {
      status: 'cancelled',
    })
    // 4 of 14 counted: 28.57 → 29
    expect(na.json()).toMatchObject({ doneSteps: 4, countedSteps: 14, progress: 29 })
    const bad = await call('PATCH', `/api/v1/work-orders/${wo.id}/steps/${wo.steps[1].id}`, supervisor, {
      completedDate: '2026-03-01',
    })
    expect(bad.status).toBe(400)
  })

  it('403 for roles without the permission; 404 for another organization', async () => {
    expect((await call('POST', '/api/v1/work-orders', viewer, woBody({ number: 'OT-NOPE' }))).status).toBe(
      403,
    )
    expect(
      (await call('POST', '/api/v1/work-orders', supervisor, woBody({ number: 'OT-NOPE' }))).status,
    ).toBe(403)
    expect((await call('PATCH', `/api/v1/work-orders/${wo.id}`, operator, { description: 'x' })).status).toBe(
      403,
    )
    expect(
      (
        await call('PATCH', `/api/v1/work-orders/${wo.id}/steps/${wo.steps[1].id}`, viewer, {
          status: 'completed',
        })
      ).status,
    ).toBe(403)
    expect((await call('GET', `/api/v1/work-orders/${wo.id}`, viewer)).status).toBe(200)
    for (const [method, url, payload] of [
      ['GET', `/api/v1/work-orders/${wo.id}`, undefined],
      ['GET', `/api/v1/work-orders/${wo.id}/family`, undefined],
      ['PATCH', `/api/v1/work-orders/${wo.id}`, { description: 'x' }],
      ['PATCH', `/api/v1/work-orders/${wo.id}/steps/${wo.steps[1].id}`, { status: 'completed' }],
      [
        'POST',
        `/api/v1/work-orders/${wo.id}/reprogrammings`,
        { plannedStart: '2026-05-01', plannedEnd: '2026-05-02' },
      ],
    ] as const) {
      const res = await call(method, url, rentalAdmin, payload)
      expect(res.status, `${method} ${url}`).toBe(404)
    }
    const list = (await call('GET', '/api/v1/work-orders?limit=500', rentalAdmin)).json()
    expect(list.total).toBe(0)
  })
})

describe('reprogrammings and the family', () => {
  let initial: Json
  let first: Json
  let second: Json

  it('numbers reprogrammings 1..n in the family of the initial, copying the data with new dates', async () => {
    initial = (await call('POST', '/api/v1/work-orders', manager, woBody({ number: 'OT-801-26-FAM' }))).json()
    const r1 = await call('POST', `/api/v1/work-orders/${initial.id}/reprogrammings`, manager, {
      plannedStart: '2026-04-01',
      plannedEnd: '2026-04-20',
      amountMxn: '1750000',
    })
    expect(r1.status).toBe(201)
    first = r1.json()
    expect(first).toMatchObject({
      type: 'reprogramming',
      reprogrammingNumber: 1,
      familyId: initial.id,
      number: 'OT-801-26-FAM',
      status: 'assigned',
      plannedStart: '2026-04-01',
      plannedEnd: '2026-04-20',
      durationDays: 20,
      amountMxn: '1750000',
      amountUsd: '25000',
      officialDocument: initial.officialDocument,
      front: { id: ref.barco },
    })
    expect(first.id).not.toBe(initial.id)
    expect(flat(first.steps)).toHaveLength(15)
  })

  it('a reprogramming of a reprogramming joins the same family with the next number', async () => {
    const r2 = await call('POST', `/api/v1/work-orders/${first.id}/reprogrammings`, manager, {
      plannedStart: '2026-04-10',
      plannedEnd: '2026-05-10',
      durationDays: 60,
    })
    expect(r2.status).toBe(201)
    second = r2.json()
    expect(second).toMatchObject({
      reprogrammingNumber: 2,
      familyId: initial.id,
      amountMxn: '1750000',
      durationDays: 60,
    })
    const bad = await call('POST', `/api/v1/work-orders/${first.id}/reprogrammings`, manager, {
      plannedStart: '2026-04-10',
      plannedEnd: '2026-04-01',
    })
    expect(bad.status).toBe(400)
    expect(
      (
        await call('POST', `/api/v1/work-orders/${first.id}/reprogrammings`, supervisor, {
          plannedStart: '2026-04-10',
          plannedEnd: '2026-04-11',
        })
      ).status,
    ).toBe(403)
  })

  it('the family view lists the versions side by side with what changed', async () => {
    const fam = (await call('GET', `/api/v1/work-orders/${second.id}/family`, viewer)).json()
    expect(fam.familyId).toBe(initial.id)
    expect(fam.number).toBe('OT-801-26-FAM')
    expect(fam.versions.map((v: Json) => [v.type, v.reprogrammingNumber])).toEqual([
      ['initial', null],
      ['reprogramming', 1],
      ['reprogramming', 2],
    ])
    const [v0, v1, v2] = fam.versions
    expect(v0.changes).toEqual([])
    expect(v1.changes).toEqual([
      { field: 'durationDays', previous: 30, current: 20 },
      { field: 'plannedStart', previous: '2026-03-01', current: '2026-04-01' },
      { field: 'plannedEnd', previous: '2026-03-30', current: '2026-04-20' },
      { field: 'amountMxn', previous: '1500000.5', current: '1750000' },
    ])
    expect(v2.changes.map((c: Json) => c.field)).toEqual(['durationDays', 'plannedStart', 'plannedEnd'])
    expect(v2.authorizedVolumes).toBeNull()
    const initialNow = (await call('GET', `/api/v1/work-orders/${initial.id}`, viewer)).json()
    expect(initialNow.reprogrammingCount).toBe(2)
    const members = (
      await call(
        'GET',
        `/api/v1/work-orders?familyId=${initial.id}&type=reprogramming&sort=number&dir=asc`,
        viewer,
      )
    ).json()
    expect(members.items.map((w: Json) => w.reprogrammingNumber)).toEqual([1, 2])
  })
})

describe('list and export', () => {
  it('filters by type, status, front, site, dates and text; sorts; pages', async () => {
    const get = async (q: string) => (await call('GET', `/api/v1/work-orders?${q}`, viewer)).json()
    const all = await get('limit=500')
    expect(all.total).toBeGreaterThanOrEqual(8)
    expect((await get('type=reprogramming')).items.every((w: Json) => w.type === 'reprogramming')).toBe(true)
    expect((await get('status=suspended')).items.map((w: Json) => w.number)).toEqual(['OT-801-26-STATUS'])
    expect((await get(`siteId=${ref.platform2}`)).items.map((w: Json) => w.number)).toEqual([
      'OT-801-26-010-B',
    ])
    expect((await get(`siteId=${ref.yard}`)).items.map((w: Json) => w.number)).toEqual(['OT-801-26-YARD'])
    expect((await get(`frontId=${ref.tierra}`)).total).toBe(0)
    expect(
      (await get('from=2026-04-16&to=2026-04-30&sort=plannedStart&dir=asc')).items.map((w: Json) => [
        w.number,
        w.reprogrammingNumber,
      ]),
    ).toEqual([
      ['OT-801-26-FAM', 1],
      ['OT-801-26-FAM', 2],
    ])
    expect((await get('q=laura')).items.map((w: Json) => w.number)).toEqual(['OT-801-26-STATUS'])
    const page = await get('limit=2&offset=1&sort=number&dir=asc')
    expect(page.items).toHaveLength(2)
    expect(page.total).toBe(all.total)
    expect((await call('GET', '/api/v1/work-orders?sort=nope', viewer)).status).toBe(400)
  })

  it('exports what the list shows as an Excel workbook, as a job', async () => {
    const filters = { type: 'reprogramming', sort: 'number', dir: 'asc' }
    const res = await exportViaJob(t, viewer, '/api/v1/work-orders/export', filters)
    expect(res.job.kind).toBe('work-orders.export')
    expect(res.contentDisposition).toContain('ordenes-de-trabajo.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.name).toBe('Órdenes de trabajo')
    expect(ws.getRow(1).getCell(1).value).toBe('Orden de trabajo')
    expect(ws.rowCount).toBe(3)
    expect(ws.getRow(2).getCell(2).value).toBe('Reprogramación')
    // the list's rows in its order, with their values
    const list = (
      await call('GET', '/api/v1/work-orders?type=reprogramming&sort=number&dir=asc', viewer)
    ).json()
    expect([2, 3].map((r) => ws.getRow(r).getCell(1).value)).toEqual(list.items.map((w: Json) => w.number))
    expect(ws.getRow(2).getCell(3).value).toBe(list.items[0].reprogrammingNumber)
    expect(ws.getRow(2).getCell(8).value).toBe(list.items[0].client.name)
  })

  it('the export job is seen by its requester and the admin only; bad filters are a 400', async () => {
    const res = await exportViaJob(t, viewer, '/api/v1/work-orders/export', { q: 'nada-coincide-con-esto' })
    expect(res.run).toMatchObject({ done: 0, total: 0 })
    expect(await jobStatusFor(t, admin, res.job.id)).toEqual({ run: 200, result: 200 })
    expect(await jobStatusFor(t, manager, res.job.id)).toEqual({ run: 404, result: 404 })
    expect(await jobStatusFor(t, rentalAdmin, res.job.id)).toEqual({ run: 404, result: 404 })
    const bad = await askExport(t, viewer, '/api/v1/work-orders/export', { status: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d: Json) => d.path)).toContain('status')
  })
})

/** What importing one historical workbook (the layout of OT_IMPORTAR.xlsx) must give. */
interface HistoryImportExpectations {
  initials: number
  reprogrammings: number
  /** Placeholder proposals created for the proposal numbers the organization does not have. */
  placeholders: number
  /** Rows of the two typo dates, 13/112023 and 15/04/204. */
  typoDateRows: [number, number]
  /** A family by the folio of its initial work order, and how many reprogrammings it has. */
  family: { folio: string; reprogrammings: number }
  /** Whether that family's initial work order is finished (its steps are then all completed). */
  familyFinished: boolean
  /** The row with the amount 135177954.896. */
  exactAmountRow: number
}

/**
 * Import, re-import and a changed row, for one historical workbook; the counts before the import are
 * read first (earlier tests and workbooks leave work orders and placeholder proposals behind). Returns
 * the report of the first import.
 */
function historyImportSuite(load: () => Promise<Buffer>, expected: HistoryImportExpectations) {
  let bytes: Buffer
  let report: Json
  const rows = expected.initials + expected.reprogrammings
  const before = { initials: 0, reprogrammings: 0, placeholders: 0 }
  const total = async (url: string) => (await call('GET', url, viewer)).json().total as number
  const familyInitial = async () =>
    (await call('GET', `/api/v1/work-orders?q=${expected.family.folio}&type=initial`, viewer)).json()
  beforeAll(async () => {
    bytes = await load()
    before.initials = await total('/api/v1/work-orders?type=initial&limit=1')
    before.reprogrammings = await total('/api/v1/work-orders?type=reprogramming&limit=1')
    before.placeholders = await total('/api/v1/proposals?q=POR%20DEFINIR&limit=1')
  })

  it(`imports ${rows} rows: ${expected.initials} initial + ${expected.reprogrammings} reprogrammings in ${expected.initials} families, reporting typo dates per row`, async () => {
    const res = await upload('/api/v1/work-orders/import', manager, 'OT_IMPORTAR.xlsx', bytes)
    expect(res.status).toBe(200)
    const r = (report = res.json())
    expect(r).toMatchObject({
      created: rows,
      updated: 0,
      unchanged: 0,
      errors: 0,
      families: expected.initials,
      placeholderProposals: expected.placeholders,
    })
    expect(r.rows).toHaveLength(rows)
    const row = (n: number) => r.rows.find((x: Json) => x.rowNumber === n)
    const [firstTypo, secondTypo] = expected.typoDateRows
    expect(row(firstTypo).issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'plannedStart', message: expect.stringContaining('13/112023') }),
      ]),
    )
    expect(row(secondTypo).issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'plannedStart', message: expect.stringContaining('15/04/204') }),
      ]),
    )
    // the messages are for the people who fix the workbook: in Spanish (work-order-import-messages.ts)
    expect(
      row(firstTypo)
        .issues.map((i: Json) => i.message)
        .join(' | '),
    ).toMatch(/no es una fecha/)
    expect(JSON.stringify(r.rows)).not.toMatch(/not a date|date out of range|is empty/)
    expect(r.rows.filter((x: Json) => x.type === 'reprogramming')).toHaveLength(expected.reprogrammings)

    expect(await total('/api/v1/work-orders?type=reprogramming&limit=1')).toBe(
      before.reprogrammings + expected.reprogrammings,
    )
    const fam = await familyInitial()
    expect(fam.total).toBe(1)
    const family = (await call('GET', `/api/v1/work-orders/${fam.items[0].id}/family`, viewer)).json()
    expect(family.versions.map((v: Json) => v.reprogrammingNumber)).toEqual([
      null,
      ...Array.from({ length: expected.family.reprogrammings }, (_, i) => i + 1),
    ])
    const detail = (await call('GET', `/api/v1/work-orders/${fam.items[0].id}`, viewer)).json()
    expect(detail.proposal.officialNumber).toMatch(/^BME-/)
    expect(detail.front.name).toBe('BARCO')
    expect(detail.legacy).toMatchObject({ source: 'OT_IMPORTAR', frontId: 2 })
    expect(detail.projectManager.name).toBe('POR DEFINIR')
    // steps follow the work order's status (finished → completed)
    if (expected.familyFinished) expect(detail.status).toBe('finished')
    if (detail.status === 'finished') expect(detail.progress).toBe(100)
    // amounts exact
    const exact = (
      await call('GET', `/api/v1/work-orders/${row(expected.exactAmountRow).workOrderId}`, viewer)
    ).json()
    expect(exact.amountMxn).toBe('135177954.896')
    // a typo date is imported as empty
    const typo = (await call('GET', `/api/v1/work-orders/${row(firstTypo).workOrderId}`, viewer)).json()
    expect(typo.plannedStart).toBeNull()
  })

  it(`running it again creates nothing: ${rows} unchanged`, async () => {
    const res = await upload('/api/v1/work-orders/import', manager, 'OT_IMPORTAR.xlsx', bytes)
    expect(res.status).toBe(200)
    expect(res.json()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: rows,
      errors: 0,
      placeholderProposals: 0,
    })
    expect(await total('/api/v1/work-orders?type=initial&limit=1')).toBe(before.initials + expected.initials)
  })

  it('a changed row is an update, audited; the placeholder proposals are findable', async () => {
    const id = (await familyInitial()).items[0].id
    await call('PATCH', `/api/v1/work-orders/${id}`, manager, { amountUsd: '1', projectManagerId: ref.pm })
    const res = (await upload('/api/v1/work-orders/import', manager, 'OT_IMPORTAR.xlsx', bytes)).json()
    expect(res).toMatchObject({ created: 0, updated: 1, unchanged: rows - 1 })
    const updated = res.rows.find((x: Json) => x.outcome === 'updated')
    expect(updated).toMatchObject({ workOrderId: id, changed: ['amount_usd'] })
    // the project manager chosen by a user is not overwritten by the import
    expect((await call('GET', `/api/v1/work-orders/${id}`, viewer)).json().projectManager.id).toBe(ref.pm)
    const audit = (
      await call('GET', `/api/v1/audit?entityType=work_order&entityId=${id}&limit=5`, admin)
    ).json()
    expect(audit.items[0].action).toBe('work_order.import_updated')
    // placeholders: request number POR DEFINIR, status finished
    const proposals = (await call('GET', '/api/v1/proposals?q=POR%20DEFINIR&limit=5', viewer)).json()
    expect(proposals.total).toBe(before.placeholders + expected.placeholders)
    expect(proposals.items[0].status).toBe('finished')
  })

  return { report: () => report }
}

describeRealFiles('OT_IMPORTAR.xlsx', () => {
  describe('historical import (OT_IMPORTAR.xlsx)', () => {
    historyImportSuite(() => readFile(realFixturePath('excel/OT_IMPORTAR.xlsx')), {
      initials: 136,
      reprogrammings: 150,
      placeholders: 139,
      typoDateRows: [9, 165],
      family: { folio: 'OT-GRZ-801-24-016.7-J-NHA', reprogrammings: 11 },
      familyFinished: false,
      exactAmountRow: 193,
    })
  })
})

describe('historical import (built workbook in the OT_IMPORTAR.xlsx layout)', () => {
  it('refuses what is not the workbook: 403 without the permission, 415 for another type, 400 without the header', async () => {
    const bytes = await workOrderHistoryWorkbook()
    expect((await upload('/api/v1/work-orders/import', supervisor, 'OT.xlsx', bytes)).status).toBe(403)
    expect(
      (await upload('/api/v1/work-orders/import', manager, 'OT.xlsx', Buffer.from('%PDF-1.4 nope'))).status,
    ).toBe(415)
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Hoja1').addRow(['nada', 'que', 'ver'])
    const other = Buffer.from(await wb.xlsx.writeBuffer())
    const res = await upload('/api/v1/work-orders/import', manager, 'otro.xlsx', other)
    expect(res.status).toBe(400)
    expect(res.json().error.details[0].path).toBe('file')
  })

  const imported = historyImportSuite(workOrderHistoryWorkbook, {
    initials: 12,
    reprogrammings: 15,
    placeholders: 14,
    typoDateRows: [3, 21],
    // the file lists its reprogrammings 1, 2, 4, 3
    family: { folio: 'OT-GRZ-901-24-016.7-J-NHA', reprogrammings: 4 },
    familyFinished: true,
    exactAmountRow: 26,
  })

  it('cleans descriptions, maps the other legacy fronts and trims folios that end with a space', async () => {
    const r = imported.report()
    const row = (n: number) => r.rows.find((x: Json) => x.rowNumber === n)
    // line breaks and curly quotes around the description are gone
    const fam = (
      await call('GET', '/api/v1/work-orders?q=OT-GRZ-901-24-016.7-J-NHA&type=initial', viewer)
    ).json()
    const detail = (await call('GET', `/api/v1/work-orders/${fam.items[0].id}`, viewer)).json()
    expect(detail.description).toBe(
      'INSTALACIÓN, PRUEBAS Y PUESTA EN OPERACIÓN DEL SEPARADOR EN LA PLATAFORMA NOHOCH-A',
    )
    // the other legacy fronts: 4 → CP / PS, 1 → TIERRA
    const front = async (n: number) =>
      (await call('GET', `/api/v1/work-orders/${row(n).workOrderId}`, viewer)).json().front.name
    expect([await front(9), await front(10)]).toEqual(['CP / PS', 'TIERRA'])
    // folios ending with a space: one family, numbers without the space
    const lit = (await call('GET', `/api/v1/work-orders/${row(22).workOrderId}/family`, viewer)).json()
    expect(lit.versions.map((v: Json) => [v.number, v.reprogrammingNumber])).toEqual([
      ['OT-901-25-083-HA-LT-01', null],
      ['OT-901-25-083-HA-LT-01', 1],
      ['OT-901-25-083-HA-LT-01', 2],
    ])
  })
})
