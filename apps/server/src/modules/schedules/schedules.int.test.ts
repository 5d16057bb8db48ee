import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  TScheduleDetail,
  TScheduleDiff,
  TScheduleImportResult,
  TScheduleVersionList,
} from '@faena/contracts'
import {
  aliasProject,
  mspdiBytes,
  mspdiXml,
  nullTasksProject,
  relationsProject,
  resourcesProject,
  taskNumbersProject,
  taskOf,
  wbsProject,
  type MspdiProject,
} from '../../../test/fixtures/mspdi'
import { createTestApp, type TestApp } from '../../../test/harness'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import { scheduleApi, scheduleRes } from '../../../test/schedule-api'

/** a real MS Project file (only inside `describeRealFiles`) */
const fixture = (name: string) => fs.readFileSync(realFixturePath(`msproject/${name}`))
const bytes = (p: MspdiProject) => mspdiBytes(p)

let t: TestApp
let manager: string
let supervisor: string
let viewer: string
let rentalAdmin: string

const get = async (url: string, cookie = manager) =>
  scheduleRes(await t.app.inject({ method: 'GET', url, headers: { cookie } }))
const { newWorkOrder, upload, ...schedules } = scheduleApi(
  () => t,
  () => manager,
  'PROG',
)

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
  viewer = await t.login('viewer@offshore.test')
  rentalAdmin = await t.login('admin@rental.test')
  await schedules.init()
})
afterAll(async () => t?.close())

/** Imports a file into a new work order: the expected counts, stored and read back as the active version. */
async function importsAsActiveVersion(
  file: Buffer,
  fileName: string,
  tasks: number,
  deps: number,
  minutesPerDay: number,
): Promise<void> {
  const id = await newWorkOrder()
  const res = await upload(id, file, fileName)
  expect(res.statusCode, res.body).toBe(201)
  const result = res.json<TScheduleImportResult>()
  expect(result).toMatchObject({
    version: 1,
    tasks,
    dependencies: deps,
    project: { minutesPerDay },
    previousVersionId: null,
    changes: null,
  })
  const active = await get(`/api/v1/work-orders/${id}/schedules/active`)
  expect(active.statusCode, active.body).toBe(200)
  const detail = active.json<TScheduleDetail>()
  expect(detail.version.id).toBe(result.versionId)
  expect(detail.tasks).toHaveLength(result.tasks)
  expect(detail.dependencies).toHaveLength(result.dependencies)
  expect(detail.tasks.some((x) => x.uid === 0)).toBe(false)
}

/**
 * Three versions of one work order's schedule: `relations` (5 tasks), a broken and a non-MSPDI file in between
 * (refused, the active version stays), `wbs` (the 22-task WBS: 19 added, 2 removed by UID), then `edited`
 * (`wbs` with task 1 renamed `Primera tarea` and the 11→12 lag from 1 to 2 days); lists, diffs, audit.
 */
async function versionsJourney(files: {
  relations: Buffer
  wbs: Buffer
  edited: Buffer
  firstTaskName: string
}): Promise<void> {
  const id = await newWorkOrder()
  const v1 = (await upload(id, files.relations)).json<TScheduleImportResult>()
  const broken = files.wbs.toString('utf8').replace('</Tasks>', '')
  const bad = await upload(id, Buffer.from(broken))
  expect(bad.statusCode).toBe(400)
  expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/no es un XML válido/)
  const notMspdi = await upload(id, Buffer.from('<?xml version="1.0"?><Proyecto><Tareas/></Proyecto>'))
  expect(notMspdi.statusCode).toBe(400)
  expect(notMspdi.json<{ error: { message: string } }>().error.message).toMatch(
    /no es un proyecto de MS Project/,
  )
  let versions = (await get(`/api/v1/work-orders/${id}/schedules`)).json<TScheduleVersionList>()
  expect(versions.total).toBe(1)
  expect((await get(`/api/v1/work-orders/${id}/schedules/active`)).json<TScheduleDetail>().version.id).toBe(
    v1.versionId,
  )

  // a second and a third version: the WBS, then the WBS edited (a task renamed, a lag changed)
  const v2 = (await upload(id, files.wbs)).json<TScheduleImportResult>()
  expect(v2).toMatchObject({ version: 2, previousVersionId: v1.versionId })
  expect(v2.changes).toMatchObject({ addedTasks: 19, removedTasks: 2 }) // tasks match by UID
  const v3 = (await upload(id, files.edited, 'programa v3.xml')).json<TScheduleImportResult>()
  expect(v3.changes).toMatchObject({
    addedTasks: 0,
    removedTasks: 0,
    changedTasks: 1,
    changedDependencies: 1,
  })

  versions = (await get(`/api/v1/work-orders/${id}/schedules`)).json<TScheduleVersionList>()
  expect(versions.items.map((v) => [v.version, v.active])).toEqual([
    [3, true],
    [2, false],
    [1, false],
  ])
  const diff = (await get(`/api/v1/work-orders/${id}/schedules/diff`)).json<TScheduleDiff>()
  expect(diff.from.version).toBe(2)
  expect(diff.to.version).toBe(3)
  expect(diff.changedTasks).toEqual([
    {
      uid: 1,
      name: 'Primera tarea',
      changes: [{ field: 'name', from: files.firstTaskName, to: 'Primera tarea' }],
    },
  ])
  expect(diff.changedDependencies).toEqual([
    {
      predecessorUid: 11,
      successorUid: 12,
      from: { type: 'FS', lagDays: '1.00' },
      to: { type: 'FS', lagDays: '2.00' },
    },
  ])
  const explicit = (
    await get(`/api/v1/work-orders/${id}/schedules/diff?from=${v1.versionId}&to=${v3.versionId}`)
  ).json<TScheduleDiff>()
  expect(explicit.removedTasks).toHaveLength(2)
  expect(explicit.from.version).toBe(1)
  // an older version stays readable
  const old = (await get(`/api/v1/work-orders/${id}/schedules/${v1.versionId}`)).json<TScheduleDetail>()
  expect(old.tasks).toHaveLength(5)
  expect(old.version.active).toBe(false)
  // audited
  const audit = await t.db
    .selectFrom('audit_log')
    .orderBy('id')
    .select('action')
    .where('action', '=', 'schedule.imported')
    .where('entity_id', '=', v3.versionId)
    .execute()
  expect(audit).toHaveLength(1)
}

/** A schedule file as the tests upload it. */
type ScheduleFile = { name: string; fileName: string; read: () => Buffer }

/** One file of each layout MS Project writes (docs/schedules.md), built or real. */
interface ScheduleFiles {
  /** A 22-task WBS on 3 levels with 6 links (the layout of sample1.xml). */
  wbs: ScheduleFile
  /** `wbs` with task 1 renamed "Primera tarea" and the 11→12 lag from 1 to 2 days. */
  wbsEdited: () => Buffer
  relations: ScheduleFile
  /** `relations` saved as UTF-16 LE with a BOM. */
  relationsUtf16: () => Buffer
  nullTasks: ScheduleFile
  taskNumbers: ScheduleFile
  resources: ScheduleFile
  /** Custom fields, no task. */
  alias: ScheduleFile
}

/** What differs between the built WBS and sample1.xml. */
interface WbsExpectations {
  projectName: string
  startDate: string
  finishDate: string
  firstTask: string
  /** Resources of task UID 2. */
  resources: string[]
}

/** The tests every set of schedule files passes; built and real differ only in `files` and `wbs`. */
function scheduleFilesSuite(files: ScheduleFiles, wbs: WbsExpectations) {
  it.each(
    (
      [
        [files.wbs, 22, 6, 480],
        [files.relations, 5, 4, 480],
        [files.nullTasks, 5, 0, 450],
        [files.taskNumbers, 20, 0, 480],
        [files.resources, 3, 1, 480],
      ] as const
    ).map(([file, tasks, deps, minutesPerDay]) => ({ name: file.name, file, tasks, deps, minutesPerDay })),
  )(
    '$name: $tasks tasks and $deps dependencies, stored and read back as the active version',
    async ({ file, tasks, deps, minutesPerDay }) => {
      await importsAsActiveVersion(file.read(), file.fileName, tasks, deps, minutesPerDay)
    },
  )

  it(`${files.wbs.name}: tree, durations in working days, link types and lags converted to days`, async () => {
    const id = await newWorkOrder()
    await upload(id, files.wbs.read())
    const { tasks, dependencies, version } = (
      await get(`/api/v1/work-orders/${id}/schedules/active`)
    ).json<TScheduleDetail>()
    expect(version).toMatchObject({
      version: 1,
      active: true,
      minutesPerDay: 480,
      startDate: wbs.startDate,
      finishDate: wbs.finishDate,
      projectName: wbs.projectName,
    })
    expect(tasks.map((x) => x.id)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1))
    const byUid = new Map(tasks.map((x) => [x.uid, x]))
    expect(byUid.get(1)).toMatchObject({
      name: wbs.firstTask,
      outlineLevel: 1,
      summary: true,
      parentUid: null,
      wbs: '1',
      durationDays: '50.00',
    })
    expect(byUid.get(2)).toMatchObject({
      parentUid: 1,
      durationDays: '100.00',
      start: wbs.startDate,
      resourceNames: wbs.resources,
    })
    expect(byUid.get(23)).toMatchObject({ parentUid: 22, outlineLevel: 3, wbs: '3.13.1' })
    expect(tasks.filter((x) => x.summary).map((x) => x.uid)).toEqual([1, 6, 19, 22])
    expect(dependencies.map((d) => [d.predecessorUid, d.successorUid, d.type, d.lagDays])).toEqual([
      [9, 10, 'FS', '0.00'],
      [11, 12, 'FS', '1.00'], // LinkLag 4800 = 480 min = 1 day at 480 min/day
      [13, 14, 'FS', '-1.00'],
      [15, 16, 'SS', '0.00'],
      [17, 18, 'FF', '0.00'],
      [20, 21, 'SF', '0.00'],
    ])
  })

  it(`${files.nullTasks.name}: 450 minutes per day (PT75H = 10 days); null tasks left out`, async () => {
    const id = await newWorkOrder()
    await upload(id, files.nullTasks.read())
    const { tasks, version } = (
      await get(`/api/v1/work-orders/${id}/schedules/active`)
    ).json<TScheduleDetail>()
    expect(version.minutesPerDay).toBe(450)
    expect(tasks.map((x) => x.uid)).toEqual([1, 3, 4, 6, 8])
    expect(tasks.every((x) => x.durationDays === '10.00')).toBe(true)
    expect(version.warnings).toContain('Se omitieron 3 filas vacías (tareas nulas).')
  })

  it('every import is a new active version; a broken file leaves the active one; versions compare', async () => {
    await versionsJourney({
      relations: files.relations.read(),
      wbs: files.wbs.read(),
      edited: files.wbsEdited(),
      firstTaskName: wbs.firstTask,
    })
  })

  it(`${files.alias.name} defines custom fields but has no task: nothing to import`, async () => {
    const id = await newWorkOrder()
    const empty = await upload(id, files.alias.read(), files.alias.fileName)
    expect(empty.statusCode).toBe(400)
    expect(empty.json<{ error: { message: string } }>().error.message).toBe('El proyecto no tiene tareas.')
    expect((await get(`/api/v1/work-orders/${id}/schedules`)).json<TScheduleVersionList>().total).toBe(0)
  })

  it('a UTF-16 export is read and stored', async () => {
    const id = await newWorkOrder()
    const res = await upload(id, files.relationsUtf16())
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json<TScheduleImportResult>().tasks).toBe(5)
  })
}

const builtFile = (name: string, project: () => MspdiProject, fileName = 'programa.xml'): ScheduleFile => ({
  name,
  fileName,
  read: () => bytes(project()),
})

const BUILT_FILES: ScheduleFiles = {
  wbs: builtFile('a 22-task WBS on 3 levels', wbsProject),
  wbsEdited: () => {
    const edited = wbsProject()
    taskOf(edited, 1).name = 'Primera tarea'
    taskOf(edited, 12).predecessors![0]!.linkLag = 9600
    return Buffer.from(mspdiXml(edited))
  },
  relations: builtFile('5 tasks with the four link types', relationsProject),
  relationsUtf16: () => mspdiBytes(relationsProject(), 'utf16le'),
  nullTasks: builtFile('null tasks, 450 minutes per day', nullTasksProject),
  taskNumbers: builtFile('20 tasks with custom numbers', taskNumbersProject),
  resources: builtFile('resources and assignments', resourcesProject),
  alias: builtFile('a project with aliases only', aliasProject, 'alias.xml'),
}

const realFile = (fileName: string): ScheduleFile => ({
  name: fileName,
  fileName,
  read: () => fixture(fileName),
})

const REAL_FILES: ScheduleFiles = {
  wbs: realFile('sample1.xml'),
  wbsEdited: () =>
    Buffer.from(
      fixture('sample1.xml')
        .toString('utf8')
        .replace('<Name>First Task</Name>', '<Name>Primera tarea</Name>')
        .replace('<LinkLag>4800</LinkLag>', '<LinkLag>9600</LinkLag>'),
    ),
  relations: realFile('mspdirelations.xml'),
  relationsUtf16: () =>
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        fixture('mspdirelations.xml').toString('utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"'),
        'utf16le',
      ),
    ]),
  nullTasks: realFile('mspdinulltasks.xml'),
  taskNumbers: realFile('task-numbers-project2019-mspdi.xml'),
  resources: realFile('mspdiresource.xml'),
  alias: realFile('alias.xml'),
}

describe('MS Project schedules of a work order', () => {
  scheduleFilesSuite(BUILT_FILES, {
    projectName: 'Programa de muestra — Plataforma & ducto',
    startDate: '2026-01-06',
    finishDate: '2026-03-17',
    firstTask: 'Ingeniería',
    resources: ['Ana Ruiz', 'Luis Pérez'],
  })

  it('a damaged binary .mpp answers 400 (readable ones: schedules-mpp.int.test.ts); other files a clear 4xx', async () => {
    const id = await newWorkOrder()
    const mpp = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ])
    const res = await upload(id, mpp, 'programa.mpp')
    expect(res.statusCode).toBe(400)
    expect(res.json<{ error: { message: string } }>().error.message).toContain('dañado')
    const xlsx = await upload(id, Buffer.from('PK\u0003\u0004 not really a zip'), 'programa.xlsx')
    expect(xlsx.statusCode).toBe(415)
    const text = await upload(id, Buffer.from('Tarea 1, 2025-01-01'), 'programa.csv')
    expect(text.statusCode).toBe(400)
    // a file that defines custom fields but has no task: nothing to import
    const empty = await upload(id, bytes(aliasProject()), 'alias.xml')
    expect(empty.statusCode).toBe(400)
    expect((await get(`/api/v1/work-orders/${id}/schedules`)).json<TScheduleVersionList>().total).toBe(0)
    expect((await get(`/api/v1/work-orders/${id}/schedules/active`)).statusCode).toBe(404)
  })

  it('refuses a bad file in the caller language: an English user gets the English refusal and field detail', async () => {
    const id = await newWorkOrder()
    const setLocale = async (locale: 'es' | 'en') =>
      expect(
        (
          await t.app.inject({
            method: 'PATCH',
            url: '/api/v1/auth/me/preferences',
            headers: { cookie: supervisor },
            payload: { locale },
          })
        ).statusCode,
      ).toBe(200)
    type Refusal = {
      error: {
        key: string
        message: string
        details: { path: string; key: string; message: string; reason: string }[]
      }
    }
    await setLocale('en')
    try {
      const mpp = Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
      ])
      const damaged = await upload(id, mpp, 'programa.mpp', supervisor)
      expect(damaged.statusCode).toBe(400)
      const e1 = damaged.json<Refusal>().error
      expect(e1.key).toBe('schedules.mppCorrupt')
      expect(e1.message).toMatch(/^The \.mpp file is damaged or truncated and cannot be read\./)
      expect(e1.details).toEqual([
        expect.objectContaining({
          path: 'file',
          key: 'schedules.mppCorrupt',
          reason: 'CORRUPT',
          message: e1.message,
        }),
      ])
      const notMspdi = await upload(
        id,
        Buffer.from('<?xml version="1.0"?><Proyecto><Tareas/></Proyecto>'),
        'p.xml',
        supervisor,
      )
      expect(notMspdi.statusCode).toBe(400)
      const e2 = notMspdi.json<Refusal>().error
      expect(e2.key).toBe('schedules.notMspdiRoot')
      expect(e2.message).toMatch(
        /^The XML is not an MS Project file: its root is <Proyecto>, not <Project>\./,
      )
      expect(e2.details[0]).toMatchObject({ path: 'file', reason: 'NOT_MSPDI', message: e2.message })
    } finally {
      await setLocale('es')
    }
    // the same file for a Spanish user: the Spanish text, unchanged
    const es = await upload(id, Buffer.from('<?xml version="1.0"?><Proyecto/>'), 'p.xml', supervisor)
    expect(es.json<Refusal>().error.message).toMatch(
      /^El XML no es un proyecto de MS Project: su raíz es <Proyecto>/,
    )
  })

  it('permissions and tenancy', async () => {
    const id = await newWorkOrder()
    expect((await upload(id, bytes(relationsProject()), 'p.xml', viewer)).statusCode).toBe(403)
    expect((await upload(id, bytes(relationsProject()), 'p.xml', supervisor)).statusCode).toBe(201)
    expect((await get(`/api/v1/work-orders/${id}/schedules/active`, viewer)).statusCode).toBe(200)
    expect((await upload(id, bytes(relationsProject()), 'p.xml', rentalAdmin)).statusCode).toBe(404)
    expect((await get(`/api/v1/work-orders/${id}/schedules/active`, rentalAdmin)).statusCode).toBe(404)
    expect((await get(`/api/v1/work-orders/${id}/schedules`, rentalAdmin)).statusCode).toBe(404)
    const other = await newWorkOrder()
    const v = (await get(`/api/v1/work-orders/${id}/schedules`)).json<TScheduleVersionList>().items[0]!
    expect((await get(`/api/v1/work-orders/${other}/schedules/${v.id}`)).statusCode).toBe(404)
  })
})

describeRealFiles('msproject/*.xml', () => {
  describe('MS Project schedules of a work order', () => {
    scheduleFilesSuite(REAL_FILES, {
      projectName: 'MPXJ Sample',
      startDate: '2003-01-07',
      finishDate: '2003-03-18',
      firstTask: 'First Task',
      resources: ['First Resource', 'Second Resource'],
    })
  })
})
