/**
 * The jobs platform on both databases: pg-boss over the app's own connection, jobs enqueued inside a
 * transaction (gone with a rollback), progress the UI can poll, results through the FileStore, failures
 * kept as messages, who may see a job, the clean-up schedule (cron in a time zone) and, on the embedded
 * database's single connection, requests that still answer while a job runs.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestApp, type TestApp } from '../../../test/harness'
import { systemActor, type Actor } from '../access'
import { AppError } from '../errors'
import { createLocalFileStore } from '../files/file-store'
import { createJobsService, type JobHandle, type JobsService } from './index'

let t: TestApp
let jobs: JobsService
let filesDir: string
let manager: Actor
let viewer: Actor
let admin: Actor
let otherAdmin: Actor
let counting: JobHandle<{ steps: number }>
let failing: JobHandle<{ why: 'rule' | 'bug' }>
let report: JobHandle<{ name: string }>
/** a job that waits until the test lets it go */
let gated: JobHandle<Record<string, never>>
/** a job only billing staff may ask for */
let restricted: JobHandle<Record<string, never>>
let release: () => void = () => {}

async function actorOf(email: string): Promise<Actor> {
  const u = await t.db
    .selectFrom('users')
    .select(['id', 'org_id', 'email', 'role'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  return {
    userId: u.id,
    email: u.email,
    orgId: u.org_id,
    role: u.role,
    requestId: 'test',
    ip: null,
    userAgent: null,
  }
}

async function settle(actor: Actor, id: string) {
  for (let i = 0; i < 2400; i++) {
    const run = await jobs.getJob(actor, id)
    if (run.status === 'done' || run.status === 'failed') return run
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`job ${id} did not finish`)
}

beforeAll(async () => {
  t = await createTestApp()
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-jobs-test-'))
  // A second jobs service over the test database, with job kinds of its own (the app's has the real ones).
  jobs = createJobsService({
    database: t.database,
    store: createLocalFileStore(filesDir),
    clock: () => new Date(),
    log: { error: () => {}, warn: () => {} },
    options: { cleanupCron: '30 2 * * *', cleanupTimeZone: 'America/Guayaquil', keepDays: 7 },
  })
  counting = jobs.define({
    kind: 'test.counting',
    permission: 'rental.read',
    payload: z.object({ steps: z.number().int().min(1) }),
    run: async (ctx, { steps }) => {
      for (let i = 1; i <= steps; i++) {
        // real work on the shared connection, one short query at a time
        await sql`SELECT count(*) FROM generate_series(1, 20000)`.execute(t.db)
        await ctx.progress(i, steps)
      }
      const file = ctx.tempFile('cuenta.xml')
      fs.writeFileSync(file, `<?xml version="1.0"?><steps>${steps}</steps>`)
      return { file: { name: 'cuenta.xml', kind: 'xml', path: file }, result: { steps } }
    },
  })
  failing = jobs.define({
    kind: 'test.failing',
    permission: 'rental.read',
    payload: z.object({ why: z.enum(['rule', 'bug']) }),
    run: async (_ctx, { why }) => {
      if (why === 'rule') throw new AppError('INVALID_STATE', 'No hay nada que exportar')
      throw new Error('boom: internal detail')
    },
  })
  report = jobs.define({
    kind: 'test.report',
    permission: 'rental.read',
    payload: z.object({ name: z.string() }),
    run: async (ctx, { name }) => ({ result: { hello: name, by: ctx.actor.email } }),
  })
  gated = jobs.define({
    kind: 'test.gated',
    permission: 'rental.read',
    payload: z.object({}),
    run: async (ctx) => {
      await ctx.progress(1, 2)
      await new Promise<void>((resolve) => (release = resolve))
      await ctx.progress(2)
      return { result: { released: true } }
    },
  })
  restricted = jobs.define({
    kind: 'test.restricted',
    permission: 'billingSheet.manage',
    payload: z.object({}),
    run: async () => ({ result: {} }),
  })
  await jobs.start()
  manager = await actorOf('manager@rental.test')
  viewer = await actorOf('viewer@rental.test')
  admin = await actorOf('admin@rental.test')
  otherAdmin = await actorOf('admin@offshore.test')
})
afterAll(async () => {
  release()
  await jobs.stop(5_000)
  await t.close()
  fs.rmSync(filesDir, { recursive: true, force: true })
})

describe('jobs', () => {
  it('runs a job requested on its own: queued → running → done, progress and a downloadable result', async () => {
    const queued = await counting.request(manager, { steps: 30 })
    expect(queued).toMatchObject({ kind: 'test.counting', status: 'queued', done: 0, resultFile: null })
    const run = await settle(manager, queued.id)
    expect(run).toMatchObject({ status: 'done', done: 30, total: 30, result: { steps: 30 }, error: null })
    expect(run.resultFile).toMatchObject({ name: 'cuenta.xml' })
    expect(run.startedAt && run.finishedAt).toBeTruthy()
    const file = await jobs.readResult(manager, queued.id)
    expect(file.mimeType).toBe('application/xml')
    expect(file.bytes.toString()).toContain('<steps>30</steps>')
  })

  it('enqueued inside a transaction: gone with a rollback, runs after a commit', async () => {
    const before = await t.db
      .selectFrom('job_runs')
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow()
    await expect(
      t.db.transaction().execute(async (trx) => {
        await report.enqueue(trx, manager, { name: 'rolled back' })
        throw new Error('the business change failed')
      }),
    ).rejects.toThrow('the business change failed')
    const after = await t.db
      .selectFrom('job_runs')
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
    const queuedInPgBoss = await sql<{ n: string }>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = 'test.report' AND data->>'jobRunId' IS NOT NULL`.execute(
      t.db,
    )
    expect(Number(queuedInPgBoss.rows[0]!.n)).toBe(0)

    const committed = await t.db.transaction().execute((trx) => report.enqueue(trx, manager, { name: 'Ana' }))
    report.wake()
    expect(await settle(manager, committed.id)).toMatchObject({
      status: 'done',
      result: { hello: 'Ana', by: 'manager@rental.test' },
      resultFile: null,
    })
    await expect(jobs.readResult(manager, committed.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('keeps a failure as a message for the user: the rule as written, an internal error without its details', async () => {
    const rule = await settle(manager, (await failing.request(manager, { why: 'rule' })).id)
    expect(rule).toMatchObject({ status: 'failed', error: 'No hay nada que exportar' })
    const bug = await settle(manager, (await failing.request(manager, { why: 'bug' })).id)
    expect(bug.status).toBe('failed')
    expect(bug.error).toMatch(/error interno; referencia/)
    expect(bug.error).not.toContain('boom')
    await expect(jobs.readResult(manager, bug.id)).rejects.toMatchObject({ code: 'INVALID_STATE' })
  })

  it('runs a job the system asked for (a schedule, a notice) as the system, visible to admins only', async () => {
    const queued = await report.request(systemActor(admin.orgId), { name: 'sistema' })
    const run = await settle(admin, queued.id)
    expect(run).toMatchObject({ status: 'done', result: { hello: 'sistema', by: 'system' } })
    await expect(jobs.getJob(manager, queued.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('checks the payload and the permission of the kind when asked, and again when read', async () => {
    await expect(counting.request(manager, { steps: 0 })).rejects.toThrow()
    await expect(restricted.request(viewer, {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const run = await restricted.request(admin, {})
    await settle(admin, run.id)
    // the requester who lost the kind's permission (e.g. a changed role) may not read it any more
    await expect(jobs.getJob({ ...admin, role: 'viewer' }, run.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })

  it('shows a job to its requester and to an admin of its organization only', async () => {
    const run = await report.request(manager, { name: 'privado' })
    await settle(manager, run.id)
    expect((await jobs.getJob(admin, run.id)).id).toBe(run.id)
    await expect(jobs.getJob(viewer, run.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(jobs.getJob(otherAdmin, run.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('shows progress while a job runs, and answers 409 for its result until it is done', async () => {
    const run = await gated.request(manager, {})
    for (let i = 0; i < 400 && (await jobs.getJob(manager, run.id)).done < 1; i++)
      await new Promise((r) => setTimeout(r, 10))
    expect(await jobs.getJob(manager, run.id)).toMatchObject({ status: 'running', done: 1, total: 2 })
    await expect(jobs.readResult(manager, run.id)).rejects.toMatchObject({ code: 'INVALID_STATE' })
    release()
    expect(await settle(manager, run.id)).toMatchObject({ status: 'done', done: 2, total: 2 })
  })

  it('does not starve requests: the API answers while a long job works on the same connection', async () => {
    const cookie = await t.login('manager@rental.test')
    const run = await counting.request(manager, { steps: 150 })
    for (let i = 0; i < 200 && (await jobs.getJob(manager, run.id)).status !== 'running'; i++)
      await new Promise((r) => setTimeout(r, 10))
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/rental/maintenance-sheets?limit=5',
        headers: { cookie },
      })
      times.push(performance.now() - started)
      expect(res.statusCode).toBe(200)
    }
    const during = await jobs.getJob(manager, run.id)
    expect(during.status).toBe('running')
    expect(Math.max(...times)).toBeLessThan(2_000)
    expect((await settle(manager, run.id)).status).toBe('done')
  })

  it('started in the background (faena serve listens first): a job asked for meanwhile waits for pg-boss and runs', async () => {
    const late = createJobsService({
      database: t.database,
      store: createLocalFileStore(filesDir),
      clock: () => new Date(),
      log: { error: () => {}, warn: () => {} },
      // the same clean-up schedule as the service above: there is one per database
      options: { cleanupCron: '30 2 * * *', cleanupTimeZone: 'America/Guayaquil', keepDays: 7 },
    })
    const hello = late.define({
      kind: 'test.background-start',
      permission: 'rental.read',
      payload: z.object({}),
      run: async (ctx) => ({ result: { by: ctx.actor.email } }),
    })
    let followedUp = false
    let startDone = false
    const started = late.startInBackground(async () => {
      followedUp = true
    })
    void started.then(() => (startDone = true))
    try {
      expect(startDone).toBe(false) // the request below comes while pg-boss is starting
      const queued = await hello.request(manager, {})
      expect(followedUp).toBe(true)
      let run = await late.getJob(manager, queued.id)
      for (let i = 0; i < 2400 && run.status !== 'done' && run.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 25))
        run = await late.getJob(manager, queued.id)
      }
      expect(run).toMatchObject({ status: 'done', result: { by: 'manager@rental.test' } })
    } finally {
      await started
      await late.stop(5_000)
    }
  })

  it('stopped while it waits to start in the background: pg-boss never starts, and stop does not wait', async () => {
    const waiting = createJobsService({
      database: t.database,
      store: createLocalFileStore(filesDir),
      clock: () => new Date(),
      log: { error: () => {}, warn: () => {} },
    })
    // an hour's wait: were stop to wait for it, this test would never end
    const started = waiting.startInBackground(async () => {}, 3_600_000)
    await waiting.stop(5_000)
    await started
    expect(waiting.queue()).toBeUndefined()
  })

  it('cleans up: old finished jobs and their files go, interrupted jobs fail; the schedule runs in a time zone', async () => {
    const run = await settle(manager, (await counting.request(manager, { steps: 1 })).id)
    const row = await t.db
      .selectFrom('job_runs as j')
      .innerJoin('files as f', 'f.id', 'j.result_file_id')
      .select(['f.id as file_id', 'f.storage_key'])
      .where('j.id', '=', run.id)
      .executeTakeFirstOrThrow()
    expect(fs.existsSync(path.join(filesDir, row.storage_key))).toBe(true)
    // a job left running by a process that stopped
    const stale = await t.db
      .insertInto('job_runs')
      .values({
        org_id: manager.orgId,
        kind: 'test.report',
        payload: '{}',
        requested_by: manager.userId,
        updated_at: new Date('2020-01-01T00:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await t.db.updateTable('job_runs').set({ status: 'running' }).where('id', '=', stale.id).execute()

    const now = new Date(Date.now() + 8 * 86_400_000)
    const out = await jobs.cleanup(now)
    expect(out.interrupted).toBeGreaterThanOrEqual(1)
    expect(
      await t.db
        .selectFrom('job_runs')
        .select(['status', 'error'])
        .where('id', '=', stale.id)
        .executeTakeFirst(),
    ).toMatchObject({ status: 'failed', error: expect.stringMatching(/interrumpió/) })
    expect(await t.db.selectFrom('job_runs').select('id').where('id', '=', run.id).executeTakeFirst()).toBe(
      undefined,
    )
    expect(await t.db.selectFrom('files').select('id').where('id', '=', row.file_id).executeTakeFirst()).toBe(
      undefined,
    )
    expect(fs.existsSync(path.join(filesDir, row.storage_key))).toBe(false)

    const schedules = await jobs.queue()!.getSchedules('jobs.cleanup')
    expect(schedules[0]).toMatchObject({ cron: '30 2 * * *', timezone: 'America/Guayaquil' })
  })
})
