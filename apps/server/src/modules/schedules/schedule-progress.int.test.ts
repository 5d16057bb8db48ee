import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  TScheduleFamilyCurve,
  TScheduleProgress,
  TScheduleProgressCurve,
  TScheduleProgressHistory,
  TScheduleProgressSaved,
  TTaskProgress,
} from '@faena/contracts'
import { FIELD, mspdiBytes, taskOf, wbsProject, type MspdiProject } from '../../../test/fixtures/mspdi'
import { createTestApp, type TestApp } from '../../../test/harness'
import { scheduleApi, scheduleRes } from '../../../test/schedule-api'

/**
 * Schedule progress, two truths (docs/schedules.md#progress-two-truths), HTTP → service → database. The clock
 * is 2026-02-16 03:00 UTC: still the 15th in Mexico City, the organization's time zone, so "today" is
 * 2026-02-15 (inside the built WBS schedule, 2026-01-06 … 2026-03-17).
 */
const NOW = new Date('2026-02-16T03:00:00Z')
const TODAY = '2026-02-15'

let t: TestApp
let manager: string
let supervisor: string
let viewer: string
let rentalAdmin: string

const call = async (
  method: 'GET' | 'PUT' | 'POST' | 'PATCH',
  url: string,
  cookie = manager,
  payload?: object,
) => scheduleRes(await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) }))
const schedules = scheduleApi(
  () => t,
  () => manager,
  'AVANCE',
)
const newWorkOrder = () => schedules.newWorkOrder('OT para pruebas del avance')
async function upload(workOrderId: string, p: MspdiProject): Promise<void> {
  const res = await schedules.upload(workOrderId, mspdiBytes(p))
  expect(res.statusCode, res.body).toBe(201)
}

const base = (id: string) => `/api/v1/work-orders/${id}/schedules/active/progress`
const progressOf = async (id: string, cookie = manager) => {
  const res = await call('GET', base(id), cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<TScheduleProgress>()
}
const put = (id: string, items: object[], cookie = manager) => call('PUT', base(id), cookie, { items })
const taskIn = (p: TScheduleProgress, uid: number): TTaskProgress => {
  const task = p.tasks.find((x) => x.taskUid === uid)
  if (!task) throw new Error(`no task ${uid}`)
  return task
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  manager = await t.login('manager@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
  viewer = await t.login('viewer@offshore.test')
  rentalAdmin = await t.login('admin@rental.test')
  await schedules.init()
})
afterAll(async () => t?.close())

describe('schedule progress, two truths', () => {
  let wo: string
  beforeAll(async () => {
    wo = await newWorkOrder()
    await upload(wo, wbsProject())
  })

  it('starts at zero, weighted by duration (the file has no weight field), planned at today in the org time zone', async () => {
    const p = await progressOf(wo, viewer)
    expect(p.asOf).toBe(TODAY)
    expect(p.timeZone).toBe('America/Mexico_City')
    expect(p.basis).toBe('duration')
    expect(p.weightField).toBeNull()
    expect(p.total.realPercent).toBe('0.00')
    expect(p.total.clientPercent).toBe('0.00')
    // task 2: 2026-01-06 … 2026-03-17 (71 days), 41 days elapsed at the end of the 15th → 57.75 %
    expect(taskIn(p, 2)).toMatchObject({ summary: false, plannedPercent: '57.75', late: true, real: null })
    expect(taskIn(p, 1)).toMatchObject({ summary: true, basisWeight: null })
    expect(taskIn(p, 3)).toMatchObject({ milestone: true, basisWeight: '0', plannedPercent: '100.00' })
  })

  it('the supervisor enters real %: leaves keep who/when/comment, summaries and the total roll up', async () => {
    const res = await put(
      wo,
      [
        { taskUid: 2, realPercent: '40', date: '2026-02-10', comment: 'Planos 40 %' },
        { taskUid: 3, realPercent: 100, date: '2026-01-06' },
        { taskUid: 7, realPercent: '100.00', date: '2026-02-02' },
        { taskUid: 8, realPercent: '0', date: '2026-02-02' },
      ],
      supervisor,
    )
    expect(res.statusCode, res.body).toBe(200)
    const saved = res.json<TScheduleProgressSaved>()
    expect(saved).toMatchObject({ saved: 4, unchanged: 0 })
    const p = saved.progress
    expect(taskIn(p, 2).real).toMatchObject({
      percent: '40.00',
      date: '2026-02-10',
      comment: 'Planos 40 %',
      source: 'entry',
      enteredBy: { name: expect.any(String) },
    })
    // summary 1 = (100 days × 40 + 0 days × 100) / 100: the milestone weighs nothing by duration
    expect(taskIn(p, 1).realPercent).toBe('40.00')
    expect(taskIn(p, 6).realPercent).toBe('50.00')
    expect(taskIn(p, 2).late).toBe(true)
    expect(taskIn(p, 7).late).toBe(false)
    expect(p.lateTasks).toBeGreaterThan(0)
    // the same item again writes nothing
    const again = await put(wo, [
      { taskUid: 2, realPercent: '40.0', date: '2026-02-10', comment: 'Planos 40 %' },
    ])
    expect(again.json<TScheduleProgressSaved>()).toMatchObject({ saved: 0, unchanged: 1 })
  })

  it('client % needs schedule.acknowledge: a supervisor is refused, a manager records it', async () => {
    const refused = await put(wo, [{ taskUid: 2, clientPercent: '30', date: '2026-02-10' }], supervisor)
    expect(refused.statusCode).toBe(403)
    const ok = await put(wo, [{ taskUid: 2, clientPercent: '30', date: '2026-02-12', comment: 'Minuta 7' }])
    expect(ok.statusCode, ok.body).toBe(200)
    const p = ok.json<TScheduleProgressSaved>().progress
    expect(taskIn(p, 2)).toMatchObject({ realPercent: '40.00', clientPercent: '30.00', gap: '10.00' })
    expect((await put(wo, [{ taskUid: 2, realPercent: '50', date: TODAY }], viewer)).statusCode).toBe(403)
  })

  it('bad input is a 400 naming the field', async () => {
    const cases: [object, string][] = [
      [{ taskUid: 2, realPercent: '100.5', date: TODAY }, 'items.0.realPercent'],
      [{ taskUid: 2, realPercent: '101', date: TODAY }, 'items.0.realPercent'],
      [{ taskUid: 2, realPercent: '12.345', date: TODAY }, 'items.0.realPercent'],
      [{ taskUid: 2, realPercent: -1, date: TODAY }, 'items.0.realPercent'],
      [{ taskUid: 2, clientPercent: 'abc', date: TODAY }, 'items.0.clientPercent'],
      [{ taskUid: 2, realPercent: 12.345, date: TODAY }, 'items.0.realPercent'],
      [{ taskUid: 2, date: TODAY }, 'items.0.realPercent'],
      [{ taskUid: 2, realPercent: '10', date: '2026-02-30' }, 'items.0.date'],
      [{ taskUid: 2, realPercent: '10', date: '2026-02-16' }, 'items.0.date'], // tomorrow in Mexico City
      [{ taskUid: 1, realPercent: '10', date: TODAY }, 'items.0.taskUid'], // a summary
      [{ taskUid: 999, realPercent: '10', date: TODAY }, 'items.0.taskUid'],
    ]
    for (const [item, path] of cases) {
      const res = await put(wo, [item])
      expect(res.statusCode, `${JSON.stringify(item)} → ${res.body}`).toBe(400)
      const paths = res.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)
      expect(paths, JSON.stringify(item)).toContain(path)
    }
    const twice = await put(wo, [
      { taskUid: 7, realPercent: '10', date: TODAY },
      { taskUid: 7, realPercent: '20', date: TODAY },
    ])
    expect(twice.json<{ error: { details: { path: string }[] } }>().error.details[0]!.path).toBe(
      'items.1.taskUid',
    )
    // nothing of a refused request was written
    expect(taskIn(await progressOf(wo), 7).realPercent).toBe('100.00')
  })

  it('history keeps every change with the previous value; audit rows name the work order', async () => {
    await put(wo, [{ taskUid: 2, realPercent: '55', date: TODAY, comment: 'Avance semanal' }], supervisor)
    const res = await call('GET', `${base(wo)}/history?taskUid=2&kind=real`)
    expect(res.statusCode, res.body).toBe(200)
    const h = res.json<TScheduleProgressHistory>()
    expect(h.total).toBe(2)
    expect(h.items[0]).toMatchObject({ percent: '55.00', previousPercent: '40.00', date: TODAY, version: 1 })
    expect(h.items[1]).toMatchObject({
      percent: '40.00',
      previousPercent: null,
      taskName: 'Planos de detalle',
    })
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'changes', 'actor_email'])
      .where('entity_type', '=', 'schedule_progress')
      .where('entity_id', '=', wo)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'schedule.progress_recorded',
      'schedule.progress_recorded',
      'schedule.progress_recorded',
    ])
    expect(audit[2]!.changes).toEqual([
      {
        field: '2.realPercent',
        old: { percent: '40.00', date: '2026-02-10' },
        new: { percent: '55.00', date: TODAY, comment: 'Avance semanal' },
      },
    ])
  })

  it('the client acknowledges up to a date: each task takes its real % as of that date', async () => {
    const res = await call('POST', `${base(wo)}/acknowledge`, manager, {
      upTo: '2026-02-11',
      comment: 'Corte',
    })
    expect(res.statusCode, res.body).toBe(200)
    const { saved, progress: p } = res.json<TScheduleProgressSaved>()
    // 3 (100 on 01-06), 7 (100 on 02-02), 8 (0 on 02-02); task 2 was acknowledged on the 12th: left alone
    expect(saved).toBe(3)
    expect(taskIn(p, 7).client).toMatchObject({
      percent: '100.00',
      date: '2026-02-11',
      source: 'acknowledge',
      comment: 'Corte',
    })
    expect(taskIn(p, 2).client).toMatchObject({ percent: '30.00', date: '2026-02-12' })
    const later = await call('POST', `${base(wo)}/acknowledge`, manager, { upTo: TODAY })
    expect(taskIn(later.json<TScheduleProgressSaved>().progress, 2).clientPercent).toBe('55.00')
    expect((await call('POST', `${base(wo)}/acknowledge`, supervisor, { upTo: TODAY })).statusCode).toBe(403)
    const future = await call('POST', `${base(wo)}/acknowledge`, manager, { upTo: '2026-03-01' })
    expect(future.statusCode).toBe(400)
    expect(future.json<{ error: { details: { path: string }[] } }>().error.details[0]!.path).toBe('upTo')
  })

  it('S-curve by week: planned rises to 100, the truths stop at the week of today, gap = real − client', async () => {
    const res = await call('GET', `${base(wo)}/curve?by=week`, viewer)
    expect(res.statusCode, res.body).toBe(200)
    const c = res.json<TScheduleProgressCurve>()
    expect(c.basis).toBe('duration')
    expect(c.points[0]!.date).toBe('2026-01-11')
    expect(c.points.at(-1)!.date).toBe('2026-03-22')
    expect(c.points.at(-1)!.planned).toBe('100.00')
    const planned = c.points.map((x) => Number(x.planned))
    expect(planned).toEqual([...planned].sort((a, b) => a - b))
    const thisWeek = c.points.find((x) => x.date === '2026-02-15')!
    const total = (await progressOf(wo)).total
    expect(thisWeek).toMatchObject({ real: total.realPercent, client: total.clientPercent, gap: total.gap })
    expect(c.points.find((x) => x.date === '2026-02-22')!.real).toBeNull()
    const monthly = (await call('GET', `${base(wo)}/curve?by=month`)).json<TScheduleProgressCurve>()
    expect(monthly.points.map((x) => x.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31'])
  })

  it('progress follows the task UID into a re-import that reorders and renames; a dropped task keeps its history', async () => {
    const p = wbsProject()
    taskOf(p, 2).name = 'Planos de detalle (rev. B)'
    // the "Inspección recurrente" section (UIDs 6, 7, 8) moves to the end without its task 8
    const moved = p.tasks.filter((x) => x.uid === 6 || x.uid === 7)
    p.tasks = [...p.tasks.filter((x) => ![6, 7, 8].includes(x.uid)), ...moved]
    p.tasks.forEach((x, i) => (x.id = i + 1))
    await upload(wo, p)
    const after = await progressOf(wo)
    expect(after.version).toBe(2)
    expect(taskIn(after, 2)).toMatchObject({ name: 'Planos de detalle (rev. B)', realPercent: '55.00' })
    expect(taskIn(after, 6).realPercent).toBe('100.00')
    expect(after.tasks.at(-1)!.taskUid).toBe(7)
    expect(after.removedTasks).toEqual([
      expect.objectContaining({
        taskUid: 8,
        name: 'Inspección recurrente 2',
        real: expect.objectContaining({ percent: '0.00' }),
      }),
    ])
    const h = (await call('GET', `${base(wo)}/history?taskUid=8`)).json<TScheduleProgressHistory>()
    expect(h.total).toBe(2)
    // an entry on the dropped task is refused now
    expect((await put(wo, [{ taskUid: 8, realPercent: '10', date: TODAY }])).statusCode).toBe(400)
  })

  it('exports the schedule with both truths, the curves and the history as XLSX, in the language asked', async () => {
    for (const [lang, sheet] of [
      ['es', 'Curva S'],
      ['en', 'S-curve'],
    ] as const) {
      const res = await t.app.inject({
        method: 'GET',
        url: `${base(wo)}/export.xlsx?lang=${lang}`,
        headers: { cookie: viewer },
      })
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
      expect(res.headers['content-type']).toContain('spreadsheetml')
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
      expect(wb.worksheets.map((w) => w.name)).toContain(sheet)
      const first = wb.worksheets[0]!
      const names = first.getColumn(2).values.map(String)
      expect(names.some((n) => n.includes('Planos de detalle (rev. B)'))).toBe(true)
      expect(names.some((n) => n.includes('Inspección recurrente 2'))).toBe(true)
      expect(wb.getWorksheet(sheet)!.rowCount).toBeGreaterThan(5)
    }
    // without `lang`: the requester's language (an English user gets English sheets, headers and file name)
    const download = async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `${base(wo)}/export.xlsx`,
        headers: { cookie: viewer },
      })
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
      return { disposition: String(res.headers['content-disposition']), wb }
    }
    const spanish = await download()
    expect(spanish.disposition).toContain('avance-')
    expect(spanish.wb.worksheets.map((w) => w.name)).toContain('Curva S')
    expect((await call('PATCH', '/api/v1/auth/me/preferences', viewer, { locale: 'en' })).statusCode).toBe(
      200,
    )
    try {
      const english = await download()
      expect(english.disposition).toContain('progress-')
      expect(english.wb.worksheets.map((w) => w.name)).toEqual(
        expect.arrayContaining(['S-curve', 'Family S-curve', 'Change history']),
      )
      expect(english.wb.worksheets[0]!.getRow(1).values).toEqual(
        expect.arrayContaining(['WBS', 'Task', 'Planned %', 'Contractor real %', 'Client acknowledged %']),
      )
    } finally {
      await call('PATCH', '/api/v1/auth/me/preferences', viewer, { locale: 'es' })
    }
  })

  it("another organization's work order is a 404; a work order without a schedule is a 404", async () => {
    expect((await call('GET', base(wo), rentalAdmin)).statusCode).toBe(404)
    expect(
      (await call('PUT', base(wo), rentalAdmin, { items: [{ taskUid: 2, realPercent: '1', date: TODAY }] }))
        .statusCode,
    ).toBe(404)
    const empty = await newWorkOrder()
    expect((await call('GET', base(empty))).statusCode).toBe(404)
    expect((await call('GET', `${base(empty)}/curve`)).statusCode).toBe(404)
  })
})

describe('weights from the schedule and the family across reprogrammings', () => {
  /** A summary with three leaves; the `Pond.` field (Number1) weighs two of them. */
  const weighted = (): MspdiProject => ({
    name: 'ponderado.xml',
    minutesPerDay: 480,
    startDate: '2026-01-05T08:00:00',
    finishDate: '2026-01-30T17:00:00',
    fields: [{ fieldId: FIELD.taskNumber(1), fieldName: 'Number1', alias: 'Pond.' }],
    tasks: [
      {
        uid: 1,
        id: 1,
        name: 'Obra',
        outlineLevel: 1,
        summary: true,
        start: '2026-01-05T08:00:00',
        finish: '2026-01-30T17:00:00',
        duration: 'PT160H0M0S',
      },
      {
        uid: 2,
        id: 2,
        name: 'Tendido',
        outlineLevel: 2,
        start: '2026-01-05T08:00:00',
        finish: '2026-01-16T17:00:00',
        duration: 'PT80H0M0S',
        values: [{ fieldId: FIELD.taskNumber(1), value: '30' }],
      },
      {
        uid: 3,
        id: 3,
        name: 'Soldadura',
        outlineLevel: 2,
        start: '2026-01-19T08:00:00',
        finish: '2026-01-30T17:00:00',
        duration: 'PT80H0M0S',
        values: [{ fieldId: FIELD.taskNumber(1), value: '70' }],
      },
      {
        uid: 4,
        id: 4,
        name: 'Limpieza',
        outlineLevel: 2,
        start: '2026-01-30T08:00:00',
        finish: '2026-01-30T17:00:00',
        duration: 'PT8H0M0S',
      },
    ],
  })

  it('uses the weight field where the file has one (a leaf without a weight weighs nothing)', async () => {
    const wo = await newWorkOrder()
    await upload(wo, weighted())
    const res = await put(wo, [
      { taskUid: 2, realPercent: '100', date: '2026-01-16' },
      { taskUid: 3, realPercent: '50', date: '2026-01-30' },
      { taskUid: 4, realPercent: '100', date: '2026-01-30' },
    ])
    const p = res.json<TScheduleProgressSaved>().progress
    expect(p.basis).toBe('weight')
    expect(p.weightField).toBe('Pond.')
    expect(taskIn(p, 4).basisWeight).toBe('0')
    expect(p.total).toMatchObject({ realPercent: '65.00', plannedPercent: '100.00' })
    expect(taskIn(p, 1).realPercent).toBe('65.00')
  })

  it('family curve: the initial and its reprogramming on one axis of weeks', async () => {
    const wo = await newWorkOrder()
    await upload(wo, weighted())
    await put(wo, [{ taskUid: 2, realPercent: '100', date: '2026-01-16' }])
    const rep = await call('POST', `/api/v1/work-orders/${wo}/reprogrammings`, manager, {
      plannedStart: '2026-01-05',
      plannedEnd: '2026-02-27',
    })
    expect(rep.statusCode, rep.body).toBe(201)
    const repId = rep.json<{ id: string }>().id
    const later = weighted()
    later.tasks[2]!.start = '2026-02-16T08:00:00'
    later.tasks[2]!.finish = '2026-02-27T17:00:00'
    await upload(repId, later)
    const res = await call('GET', `/api/v1/work-orders/${repId}/schedules/family/progress/curve?by=week`)
    expect(res.statusCode, res.body).toBe(200)
    const f = res.json<TScheduleFamilyCurve>()
    expect(f.members.map((m) => m.reprogrammingNumber)).toEqual([null, 1])
    const [a, b] = f.members
    expect(a!.points.map((x) => x.date)).toEqual(b!.points.map((x) => x.date))
    expect(a!.points[0]!.date).toBe('2026-01-11')
    // the initial plan reaches 100 % at the end of January, the reprogramming only at the end of February
    expect(a!.points.find((x) => x.date === '2026-02-01')!.planned).toBe('100.00')
    expect(Number(b!.points.find((x) => x.date === '2026-02-01')!.planned)).toBeLessThan(100)
    expect(a!.points.find((x) => x.date === '2026-02-01')!.real).toBe('30.00')
    expect(b!.points.find((x) => x.date === '2026-02-01')!.real).toBe('0.00')
  })
})
