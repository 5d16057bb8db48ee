import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { TBackupRun } from '@faena/contracts'
import type { Config } from '../config'
import { createDb } from '../db/create-db'
import { createLocalFileStore } from '../files/file-store'
import { archiveName, createBackup } from './backup'
import { pruneArchives } from './backup.service'
import { RestoreRefused, openArchive, restoreDatabase } from './restore'
import { appendRun } from './runs-log'
import { NoBackupServer, requestBackupFromServer, type ServedBackup } from './control'
import { loadBackupSettings, type BackupSettings } from './settings'
import { servingPid } from './serving'

/** How the CLI fails: a message and an exit code (1 failed, 2 wrong usage). */
export type CliFail = (message: string, exitCode?: number) => Error

const dirHasEntries = (dir: string) => {
  try {
    return fs.readdirSync(dir).length > 0
  } catch {
    return false
  }
}

const refuseWhileServing = (dataDir: string, fail: CliFail, what: string) => {
  const pid = servingPid(dataDir)
  if (pid)
    throw fail(`a Faena server (process ${pid}) is using the embedded database in ${dataDir}; ${what}`, 1)
}

/** `faena backup [--out FILE] [--json]` (docs/backups.md). */
export async function backupCommand(config: Config, args: string[], version: string, fail: CliFail) {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  if (positionals.length > 0) throw fail('backup takes no FILE; use --out FILE')
  const settings = loadBackupSettings(process.env, config.dataDir)
  const started = new Date()
  const out = path.resolve(values.out ?? path.join(settings.dir, archiveName(started)))
  const serving = config.databaseUrl ? null : servingPid(config.dataDir)
  const done = serving
    ? await backupThroughServer(config.dataDir, serving, out, fail)
    : await backupHere(config, settings, out, started, version)
  printBackup(done, settings.keep, values.json ?? false)
}

type Done = ServedBackup & { through: number | null }

/** The embedded database is served by process `pid`: that server writes the archive (control.ts). */
async function backupThroughServer(dataDir: string, pid: number, out: string, fail: CliFail): Promise<Done> {
  try {
    return { ...(await requestBackupFromServer(dataDir, out)), through: pid }
  } catch (err) {
    if (err instanceof NoBackupServer)
      throw fail(
        `a Faena server (process ${pid}) is using the embedded database in ${dataDir} and does not take backup requests ` +
          `(${err.message}: it may still be starting, or be an older Faena); try again in a moment, ` +
          'back up from Administración → Respaldos → Respaldar ahora, or stop the server first',
        1,
      )
    throw fail(`backup failed: ${err instanceof Error ? err.message : String(err)}`, 1)
  }
}

/** No server holds the database (PostgreSQL, or a stopped embedded one): this process reads it. */
async function backupHere(
  config: Config,
  settings: BackupSettings,
  out: string,
  started: Date,
  version: string,
): Promise<Done> {
  const inBackupDir = path.dirname(out) === settings.dir
  const database = await createDb({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
  })
  const run: TBackupRun = {
    id: crypto.randomUUID(),
    trigger: 'cli',
    timeZone: null,
    status: 'running',
    startedAt: started.toISOString(),
    finishedAt: null,
    archive: null,
    size: null,
    rows: null,
    files: null,
    durationMs: null,
    error: null,
  }
  try {
    if (inBackupDir) await appendRun(settings.dir, run)
    const r = await createBackup({
      database,
      store: createLocalFileStore(path.join(config.dataDir, 'files')),
      out,
      faenaVersion: version,
    })
    const pruned = inBackupDir ? await pruneArchives(settings.dir, settings.keep) : []
    if (inBackupDir)
      await appendRun(settings.dir, {
        ...run,
        status: 'done',
        finishedAt: new Date().toISOString(),
        archive: path.basename(out),
        size: r.size,
        rows: r.manifest.tables.reduce((n, t) => n + t.rows, 0),
        files: r.manifest.files.length,
        durationMs: r.durationMs,
      })
    return { ...r, pruned, through: null }
  } catch (err) {
    if (inBackupDir)
      await appendRun(settings.dir, {
        ...run,
        status: 'failed',
        finishedAt: new Date().toISOString(),
        error: err instanceof Error ? err.message : String(err),
      }).catch(() => undefined)
    throw err
  } finally {
    await database.close()
  }
}

function printBackup(r: Done, keep: number, json: boolean) {
  if (json)
    return console.log(
      JSON.stringify(
        { path: r.path, size: r.size, durationMs: r.durationMs, writtenBy: r.through, manifest: r.manifest },
        null,
        2,
      ),
    )
  const m = r.manifest
  const rows = m.tables.reduce((n, t) => n + t.rows, 0)
  console.log(
    `Backup written to ${r.path} (${(r.size / 1024).toFixed(0)} KiB, ${r.durationMs} ms): ${m.engine} database at ${m.migration}, ` +
      `${m.organizations.length} organizations (${m.organizations.map((o) => o.slug).join(', ')}), ${m.tables.length} tables, ` +
      `${rows} rows, ${m.files.length} files`,
  )
  if (r.through !== null)
    console.log(`  written by the running server (process ${r.through}), which holds the embedded database`)
  if (m.missingFiles.length > 0)
    console.log(
      `  warning: ${m.missingFiles.length} files named in the database were missing or damaged in the store`,
    )
  if (r.pruned.length > 0) console.log(`  older archives removed (keeping ${keep}): ${r.pruned.join(', ')}`)
}

/** `faena restore FILE [--into DIR] [--force] [--json]` (docs/backups.md#restore). */
export async function restoreCommand(config: Config, args: string[], fail: CliFail) {
  const { values, positionals } = parseArgs({
    args,
    options: { into: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  const file = positionals[0]
  if (!file || positionals.length > 1) throw fail('restore needs exactly one FILE (a faena backup archive)')
  const force = values.force ?? false
  const intoDir = values.into ? path.resolve(values.into) : undefined
  const embeddedDir = intoDir ?? (config.databaseUrl ? undefined : config.dataDir)
  const dataDir = intoDir ?? config.dataDir
  const filesDir = path.join(dataDir, 'files')
  const target = embeddedDir
    ? `the embedded database in ${embeddedDir}`
    : `the PostgreSQL database ${redact(config.databaseUrl ?? '')}`

  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'faena-restore-'))
  try {
    // every check before anything is written
    const manifest = await openArchive(path.resolve(file), work).catch((err: unknown) => {
      throw err instanceof RestoreRefused ? fail(`restore refused: ${err.message}`, 1) : err
    })
    if (embeddedDir) {
      refuseWhileServing(embeddedDir, fail, 'stop it before restoring into it')
      const pgliteDir = path.join(embeddedDir, 'pglite')
      if ((dirHasEntries(pgliteDir) || dirHasEntries(filesDir)) && !force)
        throw fail(
          `restore refused: ${embeddedDir} already holds a database or files; restore into an empty folder, or add --force to replace them`,
          1,
        )
      if (force) {
        await fs.promises.rm(pgliteDir, { recursive: true, force: true })
        await fs.promises.rm(filesDir, { recursive: true, force: true })
      }
    }
    const database = await createDb(
      embeddedDir ? { pgliteDir: path.join(embeddedDir, 'pglite') } : { databaseUrl: config.databaseUrl },
    )
    try {
      const report = await restoreDatabase({
        db: database.db,
        store: createLocalFileStore(filesDir),
        workDir: work,
        manifest,
        force,
      }).catch((err: unknown) => {
        throw err instanceof RestoreRefused ? fail(`restore refused: ${err.message}`, 1) : err
      })
      if (values.json) return console.log(JSON.stringify({ target, filesDir, ...report }, null, 2))
      console.log(
        `Restored ${path.basename(file)} (taken ${manifest.createdAt} on ${manifest.engine}, Faena ${manifest.faenaVersion}) into ${target}` +
          `${report.replaced ? ' (its previous contents replaced)' : ''}:\n` +
          `  organizations: ${report.organizations.map((o) => `${o.slug} (${o.name})`).join(', ')}\n` +
          `  ${report.tables.length} tables, ${report.rows} rows loaded at ${report.migration}; ` +
          `${report.migrationsAfterLoad.length ? `then applied ${report.migrationsAfterLoad.join(', ')}` : 'no pending migrations'}\n` +
          `  ${report.files} files into ${filesDir}${report.missingFiles ? ` (${report.missingFiles} were already missing when the backup ran)` : ''}; ${report.durationMs} ms`,
      )
    } finally {
      await database.close()
    }
  } finally {
    // a damaged archive can leave the unpacking still writing here when it is refused: retried, and a
    // leftover in the temporary folder never hides why the restore stopped
    await fs.promises
      .rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })
      .catch(() => undefined)
  }
}

const redact = (url: string) => {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'DATABASE_URL'
  }
}
