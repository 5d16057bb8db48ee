/**
 * Native `.mpp` schedules through the API: typed by content, stored as uploaded with the version's source
 * format, refused with a clear 4xx and nothing stored. Files are built in the test (test/fixtures/mpp.ts);
 * the real `.mpp`/XML pairs run in `describeRealFiles`.
 */
import fs from 'node:fs'
import CFB from 'cfb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TScheduleDetail, TScheduleImportResult, TScheduleVersionList } from '@faena/contracts'
import { mspdiBytes, relationsProject } from '../../../test/fixtures/mspdi'
import { createTestApp, type TestApp } from '../../../test/harness'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import { buildMpp, type TestMpp } from '../../../test/fixtures/mpp'
import { scheduleApi } from '../../../test/schedule-api'

let t: TestApp
let manager: string

const spec: TestMpp = {
  tasks: [
    { uid: 1, id: 1, name: 'Fase 1', level: 1, duration: 9600 },
    { uid: 2, id: 2, name: 'Soldadura', level: 2, duration: 4800, percent: 40 },
    { uid: 3, id: 3, name: 'Pintura', level: 2, duration: 4800 },
  ],
  links: [{ pred: 2, succ: 3, type: 1, lag: 4800, lagFormat: 7 }],
  resources: [{ uid: 1, name: 'Soldador' }],
  assignments: [{ uid: 1, task: 2, resource: 1 }],
}

const get = async <T>(url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: manager } })
  expect(res.statusCode, res.body).toBe(200)
  return JSON.parse(res.body) as T
}
const { upload, ...schedules } = scheduleApi(
  () => t,
  () => manager,
  'MPP',
)
const newWorkOrder = () => schedules.newWorkOrder('OT para pruebas de .mpp')

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  await schedules.init()
})
afterAll(async () => t?.close())

describe('schedule upload of a native .mpp', () => {
  it('imports a .mpp as the active version, keeps the file as uploaded and records its format', async () => {
    const id = await newWorkOrder()
    const bytes = buildMpp(spec)
    const res = await upload(id, bytes, 'programa.mpp')
    expect(res.statusCode, res.body).toBe(201)
    const result = res.json<TScheduleImportResult>()
    expect(result).toMatchObject({ version: 1, tasks: 3, dependencies: 1, fileName: 'programa.mpp' })
    const detail = await get<TScheduleDetail>(`/api/v1/work-orders/${id}/schedules/active`)
    expect(detail.version.sourceFormat).toBe('mpp')
    expect(detail.tasks.map((x) => [x.uid, x.name, x.parentUid, x.summary])).toEqual([
      [1, 'Fase 1', null, true],
      [2, 'Soldadura', 1, false],
      [3, 'Pintura', 1, false],
    ])
    expect(detail.tasks[1]).toMatchObject({
      durationDays: '1.00',
      percentComplete: '40',
      resourceNames: ['Soldador'],
    })
    expect(detail.dependencies).toEqual([
      expect.objectContaining({ predecessorUid: 2, successorUid: 3, type: 'FS', lagDays: '1.00' }),
    ])
    const file = await t.db
      .selectFrom('files')
      .select(['kind', 'size', 'mime_type'])
      .where('id', '=', result.fileId)
      .executeTakeFirstOrThrow()
    expect({ ...file, size: Number(file.size) }).toMatchObject({
      kind: 'mpp',
      size: bytes.length,
      mime_type: 'application/vnd.ms-project',
    })
    const audit = await t.db
      .selectFrom('audit_log')
      .orderBy('id')
      .select('data')
      .where('action', '=', 'schedule.imported')
      .where('entity_id', '=', result.versionId)
      .executeTakeFirstOrThrow()
    expect(audit.data).toMatchObject({ sourceFormat: 'mpp' })
  })

  it('types the upload by content, not by name; XML versions record mspdi', async () => {
    const id = await newWorkOrder()
    const asXml = await upload(id, buildMpp(spec), 'programa.xml')
    expect(asXml.statusCode, asXml.body).toBe(201)
    expect(asXml.json<TScheduleImportResult>().fileName).toBe('programa.mpp')
    const xml = await upload(id, mspdiBytes(relationsProject()), 'programa.mpp')
    expect(xml.statusCode, xml.body).toBe(201)
    expect(xml.json<TScheduleImportResult>().fileName).toBe('programa.xml')
    const list = await get<TScheduleVersionList>(`/api/v1/work-orders/${id}/schedules`)
    expect(list.items.map((v) => [v.version, v.sourceFormat]).sort()).toEqual([
      [1, 'mpp'],
      [2, 'mspdi'],
    ])
  })

  it('refuses encrypted, Project 98, subproject and empty files with a 400 naming the reason; nothing is stored', async () => {
    const id = await newWorkOrder()
    const cases: [Buffer, string, RegExp][] = [
      [buildMpp({ ...spec, format: 12, passwordFlag: 1 }), 'ENCRYPTED', /contraseña/],
      [buildMpp({ ...spec, formatString: 'MSProject.MPP8' }), 'UNSUPPORTED_VERSION', /Project 98/],
      [buildMpp({ ...spec, subprojectPath: 'C:\\obra\\sub.mpp' }), 'SUBPROJECTS', /subproyectos/],
      [buildMpp({ tasks: [] }), 'NO_TASKS', /no tiene tareas/],
      [buildMpp(spec).subarray(0, 2000), 'CORRUPT', /dañado/],
    ]
    for (const [bytes, reason, message] of cases) {
      const res = await upload(id, bytes, 'programa.mpp')
      expect(res.statusCode, `${reason}: ${res.body}`).toBe(400)
      const error = res.json<{ error: { message: string; details: { path: string; reason: string }[] } }>()
        .error
      expect(error.message).toMatch(message)
      expect(error.details[0]).toMatchObject({ path: 'file', reason })
    }
    expect((await get<TScheduleVersionList>(`/api/v1/work-orders/${id}/schedules`)).total).toBe(0)
  })

  it('answers 415 for an Office document that is not a project', async () => {
    const id = await newWorkOrder()
    const cfb = CFB.utils.cfb_new()
    CFB.utils.cfb_add(cfb, '/WordDocument', Buffer.alloc(200))
    const doc = Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array)
    const res = await upload(id, doc, 'programa.mpp')
    expect(res.statusCode, res.body).toBe(415)
  })
})

describeRealFiles('mpp/ pairs through the API', () => {
  it('a Project 2016 .mpp and its XML twin give the same stored tasks and links', async () => {
    const id = await newWorkOrder()
    const dir = realFixturePath('mpp/generated/task-links')
    const mpp = await upload(id, fs.readFileSync(`${dir}/task-links-project2016-mpp14.mpp`), 'links.mpp')
    expect(mpp.statusCode, mpp.body).toBe(201)
    const fromMpp = await get<TScheduleDetail>(`/api/v1/work-orders/${id}/schedules/active`)
    const xml = await upload(id, fs.readFileSync(`${dir}/task-links-project2016-mspdi.xml`), 'links.xml')
    expect(xml.statusCode, xml.body).toBe(201)
    expect(xml.json<TScheduleImportResult>().changes).toMatchObject({
      addedTasks: 0,
      removedTasks: 0,
      changedTasks: 0,
      addedDependencies: 0,
      removedDependencies: 0,
      changedDependencies: 0,
    })
    expect(fromMpp.tasks.length).toBeGreaterThan(10)
  })
})
