import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import * as tar from 'tar'
import type { Database } from '../db/create-db'
import type { FileStore } from '../files/file-store'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_ENTRY,
  fileEntry,
  tableEntry,
  type BackupManifest,
} from './manifest'
import { snapshotDatabase } from './snapshot'

export type BackupResult = {
  path: string
  manifest: BackupManifest
  size: number
  durationMs: number
}

export type CreateBackupOptions = {
  database: Pick<Database, 'db' | 'kind'>
  store: FileStore
  /** the archive's final name; written as `<out>.partial-…` and renamed when complete */
  out: string
  faenaVersion: string
  clock?: () => Date
}

const STAGING_PREFIX = '.faena-backup-'
const PARTIAL_MARK = '.partial-'

/** `faena-backup-20250102-030405Z.tar.gz`: names sort by time. */
export const archiveName = (at: Date) =>
  `faena-backup-${at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}Z.tar.gz`
export const isArchiveName = (name: string) => /^faena-backup-\d{8}-\d{6}Z(-\d+)?\.tar\.gz$/.test(name)

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes what an interrupted backup (killed, power cut) left in `dir`: its staging folder and its
 * `.partial-` file, when the process that wrote them is gone. Never touches a finished archive.
 */
export async function removeLeftovers(dir: string) {
  const entries = await fs.promises.readdir(dir).catch(() => [] as string[])
  for (const name of entries) {
    const m = name.startsWith(STAGING_PREFIX)
      ? /^\.faena-backup-(\d+)-/.exec(name)
      : /\.partial-(\d+)-[0-9a-f]+$/.exec(name)
    if (!m || alive(Number(m[1]))) continue
    await fs.promises.rm(path.join(dir, name), { recursive: true, force: true })
  }
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex')

/**
 * One archive (tar.gz) with `manifest.json`, `db/<table>.jsonl` from one consistent snapshot and
 * `files/<key>` for every stored file the snapshot's `files` rows point at (docs/backups.md).
 * The archive only ever appears complete under its final name: it is written beside it and renamed.
 */
export async function createBackup(opts: CreateBackupOptions): Promise<BackupResult> {
  const started = Date.now()
  const clock = opts.clock ?? (() => new Date())
  const out = path.resolve(opts.out)
  const dir = path.dirname(out)
  await fs.promises.mkdir(dir, { recursive: true })
  await removeLeftovers(dir)
  const tag = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`
  const staging = path.join(dir, `${STAGING_PREFIX}${tag}`)
  const partial = `${out}${PARTIAL_MARK}${tag}`
  await fs.promises.mkdir(staging)
  try {
    const createdAt = clock().toISOString()
    const snap = await snapshotDatabase(opts.database.db, staging)
    const files: BackupManifest['files'] = []
    const missingFiles: string[] = []
    for (const f of snap.files) {
      let bytes: Buffer
      try {
        bytes = await opts.store.read(f.key)
      } catch {
        missingFiles.push(f.key)
        continue
      }
      const hash = sha256(bytes)
      if (hash !== f.sha256) {
        missingFiles.push(f.key) // damaged in the store: not copied as if it were good
        continue
      }
      const target = path.join(staging, fileEntry(f.key))
      await fs.promises.mkdir(path.dirname(target), { recursive: true })
      await fs.promises.writeFile(target, bytes)
      files.push({ key: f.key, entry: fileEntry(f.key), size: bytes.length, sha256: hash })
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      faenaVersion: opts.faenaVersion,
      createdAt,
      engine: opts.database.kind,
      serverVersion: snap.serverVersion,
      migration: snap.migrations[snap.migrations.length - 1] ?? '',
      migrations: snap.migrations,
      organizations: snap.organizations,
      tables: snap.tables.map((t) => ({
        name: t.name,
        entry: tableEntry(t.name),
        rows: t.rows,
        columns: t.columns,
        sha256: t.sha256,
      })),
      sequences: snap.sequences.map((s) => ({
        name: s.name,
        table: s.table,
        column: s.column,
        lastValue: s.lastValue,
        isCalled: s.isCalled,
      })),
      files,
      missingFiles,
    }
    await fs.promises.writeFile(path.join(staging, MANIFEST_ENTRY), JSON.stringify(manifest, null, 2))
    const entries = [MANIFEST_ENTRY, 'db', ...(files.length > 0 ? ['files'] : [])]
    await tar.c({ gzip: true, file: partial, cwd: staging, portable: true }, entries)
    const handle = await fs.promises.open(partial, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    const { size } = await fs.promises.stat(partial)
    await fs.promises.rename(partial, out)
    await fsyncDir(dir)
    return { path: out, manifest, size, durationMs: Date.now() - started }
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true })
    await fs.promises.rm(partial, { force: true })
  }
}

async function fsyncDir(dir: string) {
  try {
    const h = await fs.promises.open(dir, 'r')
    try {
      await h.sync()
    } finally {
      await h.close()
    }
  } catch {
    // some file systems cannot sync a directory; the rename is still atomic
  }
}
