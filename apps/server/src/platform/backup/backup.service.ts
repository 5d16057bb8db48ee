import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { TBackupAlert, TBackupRun, TBackupStatus } from '@faena/contracts'
import { toDayMonthYear } from '@faena/domain/calendar-date'
import type { PgBoss } from 'pg-boss'
import { requireAccess, type Actor } from '../access'
import { writeAudit } from '../audit/audit'
import type { Database } from '../db/create-db'
import type { Db } from '../db/executor'
import { runAsSystem } from '../db/org-scope'
import { AppError } from '../errors'
import { langOf } from '../i18n/export-texts'
import { render, type Lang } from '../i18n/messages'
import type { FileStore } from '../files/file-store'
import type { Localized, NotifyFn } from '../notifications'
import { findOrganizationById } from '../tenancy/organizations'
import { archiveName, createBackup, isArchiveName, type BackupResult } from './backup'
import { backupMessages as M } from './backup.messages'
import type { ServedBackup } from './control'
import { exportOrganization } from './org-export'
import { appendRun, readRuns } from './runs-log'
import type { BackupSettings } from './settings'

export type BackupDeps = {
  database: Pick<Database, 'db' | 'kind'>
  store: FileStore
  clock: () => Date
  log: { error: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void }
  /** null: this process runs no daily backup (tests, tools); status answers with no runs */
  settings: BackupSettings | null
  faenaVersion: string
  /** a failed run tells every organization's admins in the app (the bell) */
  notify: NotifyFn
}

export type BackupService = ReturnType<typeof createBackupService>

export const DAILY_QUEUE = 'backup.daily'
export const WATCH_QUEUE = 'backup.watch'
/** no successful run for this long raises the `stale` alert */
export const STALE_AFTER_MS = 48 * 60 * 60 * 1000

/** Keeps the newest `keep` archives in `dir` and deletes the rest; returns the names deleted. */
export async function pruneArchives(dir: string, keep: number): Promise<string[]> {
  const names = (await fs.promises.readdir(dir).catch(() => [] as string[]))
    .filter(isArchiveName)
    .sort()
    .reverse()
  const extra = names.slice(keep)
  for (const name of extra) await fs.promises.rm(path.join(dir, name), { force: true })
  return extra
}

/**
 * The alert admins see: the last run failed, or none succeeded for two days (once the install is that old);
 * its message in `lang`.
 */
export function backupAlert(
  runs: TBackupRun[],
  now: Date,
  installedAt: Date | null,
  lang: Lang = 'es',
): TBackupAlert | null {
  const last = runs.find((r) => r.status !== 'running')
  if (last?.status === 'failed')
    return {
      kind: 'failed',
      since: last.startedAt,
      message: render(M.lastFailed({ error: last.error ?? render(M.noDetail(), lang) }), lang),
    }
  const success = runs.find((r) => r.status === 'done')
  const reference = success ? Date.parse(success.finishedAt ?? success.startedAt) : installedAt?.getTime()
  if (reference !== undefined && now.getTime() - reference > STALE_AFTER_MS)
    return {
      kind: 'stale',
      since: success ? (success.finishedAt ?? success.startedAt) : null,
      message: render(M.stale(), lang),
    }
  return null
}

/** A problem with the installation's backups, which is every organization's: each one's admins hear it. */
async function announceBackupProblem(
  db: Db,
  notify: NotifyFn,
  problem: { kind: string; title: Localized; body: Localized; dedupeKey: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let added = 0
    const orgs = await trx.selectFrom('organizations').select('id').execute()
    for (const org of orgs)
      added += await notify(trx, {
        orgId: org.id,
        to: { permission: 'backup.manage' },
        link: '/admin/backups',
        ...problem,
      })
    return added
  })
}

/** A run failed: told once per run (the bell of every organization's admins). */
export async function announceBackupFailure(db: Db, notify: NotifyFn, run: TBackupRun): Promise<number> {
  const detail = run.error ?? '—'
  return announceBackupProblem(db, notify, {
    kind: 'backup.failed',
    title: { es: 'El respaldo falló', en: 'The backup failed' },
    body: { es: `Motivo: ${detail}`, en: `Reason: ${detail}` },
    dedupeKey: `backup.failed:${run.id}`,
  })
}

/**
 * Backups as the server runs them (docs/backups.md): the daily archive on the jobs platform's queue at
 * `settings.hour` of every organization's time zone, "back up now", the runs and alert admins see, and
 * the export of an organization's own data.
 */
export function createBackupService(deps: BackupDeps) {
  const { database, store, clock, log, settings, notify } = deps
  const db = database.db
  let queue: Promise<unknown> = Promise.resolve()

  /**
   * Starts a run: an archive named by the time in the backup folder, or at `out` (`faena backup --out`
   * while this server serves). A run into the backup folder is recorded as `running` at once and its
   * folder pruned to the newest `keep`; the returned promise ends with its final record and archive.
   */
  async function startRun(trigger: TBackupRun['trigger'], timeZone: string | null, out?: string) {
    if (!settings && out === undefined) throw new AppError('INVALID_STATE', M.notConfigured())
    const target = out === undefined ? undefined : path.resolve(out)
    const logDir =
      settings && (target === undefined || path.dirname(target) === settings.dir) ? settings.dir : null
    const run: TBackupRun = {
      id: crypto.randomUUID(),
      trigger,
      timeZone,
      status: 'running',
      startedAt: clock().toISOString(),
      finishedAt: null,
      archive: null,
      size: null,
      rows: null,
      files: null,
      durationMs: null,
      error: null,
    }
    if (logDir) await appendRun(logDir, run)
    // one backup at a time in this process: a second request waits for the first
    type Ended = { run: TBackupRun; backup: BackupResult | null; pruned: string[]; error: unknown }
    const finished = queue.then(async (): Promise<Ended> => {
      let ended: Ended
      try {
        let file = target
        if (file === undefined) {
          const dir = (settings as BackupSettings).dir
          let name = archiveName(clock())
          for (let i = 1; fs.existsSync(path.join(dir, name)); i++)
            name = name.replace(/(-\d+)?\.tar\.gz$/, `-${i}.tar.gz`)
          file = path.join(dir, name)
        }
        const r = await createBackup({ database, store, out: file, faenaVersion: deps.faenaVersion, clock })
        const pruned = logDir && settings ? await pruneArchives(logDir, settings.keep) : []
        ended = {
          run: {
            ...run,
            status: 'done',
            finishedAt: clock().toISOString(),
            archive: path.basename(r.path),
            size: r.size,
            rows: r.manifest.tables.reduce((n, t) => n + t.rows, 0),
            files: r.manifest.files.length,
            durationMs: r.durationMs,
          },
          backup: r,
          pruned,
          error: null,
        }
        log.info({ archive: r.path, size: r.size, pruned }, 'backup written')
      } catch (err) {
        log.error({ err }, 'backup failed')
        ended = {
          run: {
            ...run,
            status: 'failed',
            finishedAt: clock().toISOString(),
            error: err instanceof Error ? err.message : String(err),
          },
          backup: null,
          pruned: [],
          error: err,
        }
      }
      if (logDir) await appendRun(logDir, ended.run)
      if (ended.run.status === 'failed')
        await announceBackupFailure(db, notify, ended.run).catch((err: unknown) =>
          log.error({ err }, 'could not notify the failed backup'),
        )
      return ended
    })
    queue = finished.catch(() => undefined)
    return { run, finished }
  }

  /** Runs a backup now and waits for it (the daily job, tests). */
  async function runBackup(trigger: TBackupRun['trigger'], timeZone: string | null = null) {
    return (await (await startRun(trigger, timeZone)).finished).run
  }

  /** `faena backup [--out FILE]` while this server serves the embedded database (control.ts). */
  async function backupTo(out: string): Promise<ServedBackup> {
    const ended = await (await startRun('cli', null, out)).finished
    if (!ended.backup) throw ended.error
    const { path: file, size, durationMs, manifest } = ended.backup
    return { path: file, size, durationMs, manifest, pruned: ended.pruned }
  }

  async function timeZones(): Promise<string[]> {
    const rows = await db
      .selectFrom('organizations')
      .select('time_zone')
      .distinct()
      .orderBy('time_zone')
      .execute()
    return rows.map((r) => r.time_zone)
  }

  /** When the installation began: its first organization. */
  async function installedAt(): Promise<Date | null> {
    const first = await db
      .selectFrom('organizations')
      .select((eb) => eb.fn.min('created_at').as('at'))
      .executeTakeFirst()
    return first?.at ? new Date(first.at) : null
  }

  /**
   * The hourly watch: when no run has succeeded for two days (the daily job stopped, or keeps failing),
   * every organization's admins are told in the bell, once per stretch (keyed by the last success).
   * Returns how many notifications it added.
   */
  async function watchStale(): Promise<number> {
    if (!settings) return 0
    const now = clock()
    const runs = await readRuns(settings.dir, now)
    const alert = backupAlert(runs, now, await installedAt())
    if (alert?.kind !== 'stale') return 0
    const since = alert.since ? toDayMonthYear(alert.since.slice(0, 10)) : null
    return announceBackupProblem(db, notify, {
      kind: 'backup.stale',
      title: { es: 'Ningún respaldo en dos días', en: 'No backup for two days' },
      body: since
        ? {
            es: `El último respaldo que terminó bien fue el ${since}.`,
            en: `The last backup that finished well was on ${since}.`,
          }
        : { es: 'Todavía ningún respaldo ha terminado bien.', en: 'No backup has finished well yet.' },
      dedupeKey: `backup.stale:${alert.since ?? 'never'}`,
    })
  }

  async function getStatus(actor: Actor): Promise<TBackupStatus> {
    requireAccess(actor, 'backup.manage')
    const now = clock()
    const runs = settings ? await readRuns(settings.dir, now) : []
    const installed = await installedAt()
    const success = runs.find((r) => r.status === 'done')
    return {
      scheduled: settings !== null,
      hour: settings?.hour ?? 2,
      keep: settings?.keep ?? 7,
      timeZones: await timeZones(),
      lastSuccessAt: success ? (success.finishedAt ?? success.startedAt) : null,
      alert: settings ? backupAlert(runs, now, installed, langOf(actor)) : null,
      runs,
    }
  }

  /** An admin's "back up now": answers with the run as it starts; the list shows how it ended. */
  async function requestRun(actor: Actor): Promise<TBackupRun> {
    requireAccess(actor, 'backup.manage')
    // the backup runs as the system (every organization's rows) though an admin's request starts it
    const { run, finished } = await runAsSystem(() => startRun('manual', null))
    await writeAudit(db, actor, {
      action: 'backup.requested',
      module: 'backup',
      entityType: 'backup_run',
      entityId: null,
      data: { runId: run.id },
    })
    void finished
    return run
  }

  /** The caller's organization, all of it, as a tar.gz in a temporary folder (docs/backups.md). */
  async function exportOwnOrganization(actor: Actor) {
    requireAccess(actor, 'backup.manage')
    const org = await findOrganizationById(db, actor.orgId)
    if (!org) throw new AppError('NOT_FOUND', M.orgNotFound())
    const result = await exportOrganization({ db, store, orgId: org.id, slug: org.slug, now: clock() })
    try {
      await writeAudit(db, actor, {
        action: 'organization.exported',
        module: 'backup',
        entityType: 'organization',
        entityId: org.id,
        data: {
          tables: result.tables.length,
          rows: result.tables.reduce((n, t) => n + t.rows, 0),
          files: result.files,
        },
      })
    } catch (err) {
      await result.dispose()
      throw err
    }
    return result
  }

  /**
   * Registers the daily backup on the jobs platform's queue (started): one schedule per distinct time
   * zone of the organizations, at `settings.hour` there; schedules of zones no longer used are removed.
   */
  async function schedule(boss: PgBoss | undefined) {
    if (!settings || !boss) return
    await boss.createQueue(DAILY_QUEUE, { retryLimit: 0, expireInSeconds: 6 * 3600 })
    const zones = await timeZones()
    for (const tz of zones)
      await boss.schedule(DAILY_QUEUE, `0 ${settings.hour} * * *`, { timeZone: tz }, { tz, key: tz })
    for (const s of await boss.getSchedules(DAILY_QUEUE))
      if (!zones.includes(s.key)) await boss.unschedule(DAILY_QUEUE, s.key)
    await boss.work<{ timeZone?: string }>(DAILY_QUEUE, { pollingIntervalSeconds: 60 }, async ([job]) => {
      await runBackup('schedule', job?.data.timeZone ?? null)
    })
    // every hour: has any run succeeded in the last two days?
    await boss.createQueue(WATCH_QUEUE, { retryLimit: 0, expireInSeconds: 600 })
    await boss.schedule(WATCH_QUEUE, '17 * * * *')
    await boss.work(WATCH_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
      await watchStale()
    })
  }

  return {
    runBackup,
    backupTo,
    requestRun,
    getStatus,
    exportOwnOrganization,
    schedule,
    timeZones,
    watchStale,
  }
}
