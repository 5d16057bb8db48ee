import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TJobRun } from '@faena/contracts'
import type { PgBoss } from 'pg-boss'
import type { z } from 'zod'
import { isSystemActor, requireAccess, systemActor, type Actor, type Permission } from '../access'
import { findUserById } from '../auth/auth.repository'
import type { Database } from '../db/create-db'
import type { Executor } from '../db/executor'
import { runAsSystem } from '../db/org-scope'
import { AppError } from '../errors'
import { jobsMessages as M } from './jobs.messages'
import type { FileStore } from '../files/file-store'
import { insertFile } from '../files/files.repository'
import { MIME_OF, type FileKind } from '../files/file-type'
import * as repo from './jobs.repository'
import { createQueue, executorAdapter } from './queue'

/** What a job's code sees while it runs. */
export type JobContext = {
  jobId: string
  /** the requester, as they are now (role, organization) */
  actor: Actor
  /**
   * Reports progress: `done` units of `total` (give `total` once it is known). Call it after each batch:
   * it writes at most a few times a second and gives the event loop a turn (requests are served).
   */
  progress: (done: number, total?: number) => Promise<void>
  /** a path in a scratch directory removed when the job ends (e.g. where a workbook is streamed) */
  tempFile: (name: string) => string
}

/** What a job leaves behind: a file to download, data, or both. */
export type JobOutcome = {
  /** a file written by the job (`path`, e.g. from `tempFile`) or its bytes; stored through the FileStore */
  file?: { name: string; kind: FileKind; path: string } | { name: string; kind: FileKind; bytes: Buffer }
  result?: Record<string, unknown>
  /** units done at the end (defaults to the last progress) */
  done?: number
}

/** A kind of job: its name, the permission that may ask for it, its payload's schema and its code. */
export type JobDefinition<P> = {
  /** `<module>.<verb-noun>`, e.g. `rental-documents.export-maintenance-sheets` */
  kind: string
  permission: Permission
  payload: z.ZodType<P>
  run: (ctx: JobContext, payload: P) => Promise<JobOutcome>
}

/** A defined job kind: ask for it inside the caller's transaction, or on its own. */
export type JobHandle<P> = {
  kind: string
  /**
   * Records the job and puts it on the queue inside `trx`: the job exists only if the transaction
   * commits. After the commit, call `wake()` so it starts now rather than at the next poll.
   */
  enqueue: (trx: Executor, actor: Actor, payload: P) => Promise<TJobRun>
  /** `enqueue` in a transaction of its own, then `wake`: for a request whose only change is the job. */
  request: (actor: Actor, payload: P) => Promise<TJobRun>
  wake: () => void
}

export type JobsOptions = {
  /** seconds between polls of an idle worker (a `wake` starts a job at once) */
  pollingIntervalSeconds?: number
  /** finished jobs and their result files are deleted after this many days */
  keepDays?: number
  /** when the clean-up runs: a cron expression in `cleanupTimeZone` */
  cleanupCron?: string
  cleanupTimeZone?: string
}

export type JobsDeps = {
  database: Pick<Database, 'db' | 'pool' | 'kind'>
  store: FileStore
  clock: () => Date
  log: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void }
  options?: JobsOptions
}

export type JobsService = ReturnType<typeof createJobsService>

const CLEANUP_QUEUE = 'jobs.cleanup'
const PROGRESS_EVERY_MS = 250
/** a queued or running job untouched for this long was interrupted (the process stopped under it) */
const STALE_AFTER_MS = 60 * 60 * 1000

const toJobRun = (r: repo.JobRunRow): TJobRun => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  done: r.done,
  total: r.total,
  resultFile:
    r.result_file_id && r.file_name !== null ? { name: r.file_name, size: Number(r.file_size ?? 0) } : null,
  result: r.result,
  error: r.error,
  createdAt: r.created_at.toISOString(),
  startedAt: r.started_at?.toISOString() ?? null,
  finishedAt: r.finished_at?.toISOString() ?? null,
})

/**
 * The jobs platform (docs/jobs.md): `define` a kind at composition time, `start` with the server.
 * A job is a `job_runs` row (what the user polls: status, done/total, result) plus a pg-boss job that
 * carries the row's id to a worker in this process.
 */
export function createJobsService({ database, store, clock, log, options = {} }: JobsDeps) {
  const db = database.db
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1
  const keepDays = options.keepDays ?? 7
  const definitions = new Map<string, JobDefinition<unknown>>()
  const workers = new Map<string, string>()
  let boss: PgBoss | undefined
  let started = false
  /** set by startInBackground until pg-boss has started */
  let starting: Promise<void> | undefined
  /** ends startInBackground's wait at once (stop() calls it) */
  let endWait: (() => void) | undefined
  let stopping = false

  function define<P>(def: JobDefinition<P>): JobHandle<P> {
    if (started) throw new Error(`job ${def.kind} defined after the jobs platform started`)
    if (definitions.has(def.kind)) throw new Error(`job ${def.kind} defined twice`)
    definitions.set(def.kind, def as JobDefinition<unknown>)
    const wake = () => {
      const id = workers.get(def.kind)
      if (id && boss) boss.notifyWorker(id)
    }
    const enqueue = async (trx: Executor, actor: Actor, payload: P) => {
      requireAccess(actor, def.permission)
      if (!boss || !started) throw new AppError('INVALID_STATE', M.notRunning())
      const data = def.payload.parse(payload) as Record<string, unknown>
      const row = await repo.insertJobRun(trx, {
        orgId: actor.orgId,
        kind: def.kind,
        payload: data,
        requestedBy: isSystemActor(actor) ? null : actor.userId,
        total: null,
        now: clock(),
      })
      await boss.send(def.kind, { jobRunId: row.id }, { db: executorAdapter(trx) })
      return toJobRun(row)
    }
    const request = async (actor: Actor, payload: P) => {
      // right after a start, pg-boss may still be starting (startInBackground): wait for it, outside
      // the transaction (the embedded database has one connection, which pg-boss needs to start)
      await starting
      const run = await db.transaction().execute((trx) => enqueue(trx, actor, payload))
      wake()
      return run
    }
    return { kind: def.kind, enqueue, request, wake }
  }

  /** The job, for its requester or an admin of its organization; anyone else gets a 404. */
  async function loadVisible(actor: Actor, id: string) {
    const row = await repo.findJobRun(db, actor.orgId, id)
    if (!row || (row.requested_by !== actor.userId && actor.role !== 'admin'))
      throw new AppError('NOT_FOUND', M.notFound())
    const def = definitions.get(row.kind)
    if (def) requireAccess(actor, def.permission)
    return row
  }

  async function getJob(actor: Actor, id: string): Promise<TJobRun> {
    return toJobRun(await loadVisible(actor, id))
  }

  async function readResult(actor: Actor, id: string) {
    const row = await loadVisible(actor, id)
    if (row.status !== 'done')
      throw new AppError('INVALID_STATE', row.status === 'failed' ? M.failed() : M.notDone(), {
        status: row.status,
      })
    if (!row.file_key || !row.file_name) throw new AppError('NOT_FOUND', M.noFile())
    return {
      name: row.file_name,
      mimeType: row.file_mime ?? 'application/octet-stream',
      bytes: await store.read(row.file_key),
    }
  }

  /**
   * Who the job runs as: its requester as they are now (role, organization), or the system when the
   * system asked for it (a schedule, a notification: `requested_by` is empty only then).
   */
  async function requesterOf(row: {
    id: string
    org_id: string
    requested_by: string | null
  }): Promise<Actor> {
    const requestId = `job_${row.id.replace(/-/g, '').slice(0, 16)}`
    if (!row.requested_by) return { ...systemActor(row.org_id), requestId, userAgent: 'faena-jobs' }
    const user = await findUserById(db, row.org_id, row.requested_by)
    if (!user || !user.active) throw new AppError('FORBIDDEN', M.requesterGone())
    return {
      userId: user.id,
      email: user.email,
      orgId: row.org_id,
      role: user.role,
      lang: user.locale === 'en' ? 'en' : 'es',
      requestId,
      ip: null,
      userAgent: 'faena-jobs',
    }
  }

  /** Runs one job: queued → running → done (result stored) or failed (message kept for the user). */
  async function runJob(jobRunId: string) {
    const row = await repo.findJobRunForWorker(db, jobRunId)
    if (!row) return // cleaned up, or its transaction rolled back after all
    const def = definitions.get(row.kind)
    if (!def) {
      await repo.markFailed(db, row.id, 'Tipo de tarea desconocido', clock())
      return
    }
    if (!(await repo.markRunning(db, row.id, clock()))) return
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-job-'))
    let done = 0
    let total: number | null = row.total
    let lastWrite = 0
    try {
      const actor = await requesterOf(row)
      requireAccess(actor, def.permission)
      const payload = def.payload.parse(row.payload)
      const ctx: JobContext = {
        jobId: row.id,
        actor,
        tempFile: (name) => path.join(dir, path.basename(name)),
        async progress(d, t) {
          done = d
          if (t !== undefined) total = t
          // A turn of the event loop between batches: the embedded database runs in this process and
          // answers without one, so a job that never yields would hold every request back.
          await new Promise((resolve) => setImmediate(resolve))
          const now = Date.now()
          if (now - lastWrite < PROGRESS_EVERY_MS && !(total !== null && done >= total)) return
          lastWrite = now
          await repo.setProgress(db, row.id, done, total, clock())
        },
      }
      const outcome = await def.run(ctx, payload)
      const finalDone = outcome.done ?? done
      let fileRow: Parameters<typeof insertFile>[1] | null = null
      if (outcome.file) {
        const bytes =
          'bytes' in outcome.file ? outcome.file.bytes : await fs.promises.readFile(outcome.file.path)
        const { key, sha256 } = await store.put(bytes)
        fileRow = {
          orgId: row.org_id,
          // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped from names
          name: outcome.file.name.replace(/[\\/\x00-\x1f]/g, '_').slice(0, 200),
          kind: outcome.file.kind,
          mimeType: MIME_OF[outcome.file.kind],
          size: bytes.length,
          sha256,
          storageKey: key,
          createdBy: row.requested_by,
        }
      }
      await db.transaction().execute(async (trx) => {
        const fileId = fileRow ? (await insertFile(trx, fileRow)).id : null
        await repo.markDone(trx, row.id, {
          resultFileId: fileId,
          result: outcome.result ?? null,
          done: finalDone,
          now: clock(),
        })
      })
    } catch (err) {
      const message =
        err instanceof AppError
          ? err.message
          : `La tarea falló por un error interno; referencia ${row.id.slice(0, 8)}`
      if (!(err instanceof AppError)) log.error({ err, jobRunId: row.id, kind: row.kind }, 'job failed')
      await repo.markFailed(db, row.id, message, clock())
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true })
    }
  }

  /**
   * Deletes finished jobs older than `keepDays` with their result files, and fails jobs left queued or
   * running by a process that stopped. Runs on the clean-up schedule; callable directly (tests, CLI).
   */
  async function cleanup(now = clock()) {
    const before = new Date(now.getTime() - keepDays * 86_400_000)
    const interrupted = await repo.failStale(
      db,
      new Date(now.getTime() - STALE_AFTER_MS),
      'La tarea se interrumpió (el servidor se detuvo); pídela de nuevo',
      now,
    )
    const orphanKeys = await db.transaction().execute(async (trx) => {
      const fileIds = await repo.deleteFinishedBefore(trx, before)
      return repo.deleteFiles(trx, fileIds)
    })
    for (const key of orphanKeys) await store.remove?.(key)
    return { interrupted, deletedFiles: orphanKeys.length }
  }

  /** Starts pg-boss (creating or upgrading its schema), one worker per defined kind and the clean-up schedule. */
  async function start() {
    if (started) return
    boss = createQueue({ pool: database.pool, kind: database.kind })
    boss.on('error', (err: Error) => log.error({ err }, 'job queue error'))
    await boss.start()
    for (const def of definitions.values()) {
      await boss.createQueue(def.kind, { retryLimit: 0, expireInSeconds: 3600 })
      const workerId = await boss.work<{ jobRunId: string }>(
        def.kind,
        { pollingIntervalSeconds, batchSize: 1 },
        async ([job]) => {
          // a job runs as the system, whoever woke the worker (docs/platform.md#row-level-security)
          if (job) await runAsSystem(() => runJob(job.data.jobRunId))
        },
      )
      workers.set(def.kind, workerId)
    }
    await boss.createQueue(CLEANUP_QUEUE, { retryLimit: 0 })
    await boss.schedule(CLEANUP_QUEUE, options.cleanupCron ?? '15 3 * * *', null, {
      tz: options.cleanupTimeZone ?? 'UTC',
    })
    await boss.work(CLEANUP_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
      await cleanup()
    })
    started = true
  }

  /**
   * Starts pg-boss without holding up the server's start (docs/jobs.md): after `delayMs`, so that the
   * first requests of a server that has just started are not kept waiting behind pg-boss's own queries
   * (on the embedded database they run on the same thread); then `then` (the daily backup's schedule).
   * Jobs requested meanwhile wait for it; a failure is logged.
   */
  function startInBackground(then: () => Promise<void> = async () => undefined, delayMs = 0): Promise<void> {
    starting ??= new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delayMs)
      endWait = () => {
        clearTimeout(timer)
        resolve()
      }
    })
      .then(async () => {
        endWait = undefined
        if (stopping) return
        await start()
        await then()
      })
      .catch((err: unknown) => log.error({ err }, 'the job queue did not start'))
      .finally(() => {
        starting = undefined
      })
    return starting
  }

  /** Stops taking jobs, lets a running one finish (up to `timeoutMs`), and stops pg-boss's timers. */
  async function stop(timeoutMs = 30_000) {
    stopping = true
    try {
      endWait?.()
      await starting
      if (!boss) return
      const b = boss
      started = false
      workers.clear()
      await b.stop({ graceful: true, timeout: timeoutMs, close: true })
      boss = undefined
    } finally {
      stopping = false
    }
  }

  return {
    define,
    getJob,
    readResult,
    cleanup,
    start,
    startInBackground,
    stop,
    /** the queue, for tests and tools (schedules, counts) */
    queue: () => boss,
    /** can a job be enqueued now (the queue has started and not stopped)? */
    running: () => started && boss !== undefined,
  }
}
