/**
 * The pure parts of backups (docs/backups.md): the alert admins see, the runs log, keeping the newest N
 * archives, the settings, and the socket through which `faena backup` asks a running server for an archive.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { TBackupRun } from '@faena/contracts'
import { archiveName } from './backup'
import { backupAlert, pruneArchives } from './backup.service'
import {
  NoBackupServer,
  controlSocketPath,
  listenForBackupRequests,
  requestBackupFromServer,
  type ServedBackup,
} from './control'
import { RUNS_LOG, appendRun, readRuns } from './runs-log'
import { loadBackupSettings } from './settings'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-backup-unit-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const run = (over: Partial<TBackupRun>): TBackupRun => ({
  id: 'r',
  trigger: 'schedule',
  timeZone: null,
  status: 'done',
  startedAt: '2026-03-01T08:00:00.000Z',
  finishedAt: '2026-03-01T08:00:05.000Z',
  archive: 'a.tar.gz',
  size: 1,
  rows: 1,
  files: 0,
  durationMs: 5,
  error: null,
  ...over,
})
const at = (iso: string) => new Date(iso)

describe('the alert admins see', () => {
  it('says the last run failed, with its error', () => {
    const runs = [
      run({ id: 'b', status: 'failed', startedAt: '2026-03-02T08:00:00.000Z', error: 'ENOSPC' }),
      run({ id: 'a' }),
    ]
    expect(backupAlert(runs, at('2026-03-02T09:00:00Z'), null)).toMatchObject({
      kind: 'failed',
      message: 'El último respaldo falló: ENOSPC',
    })
    expect(backupAlert(runs, at('2026-03-02T09:00:00Z'), null, 'en')?.message).toBe(
      'The last backup failed: ENOSPC',
    )
    const noError = [run({ id: 'b', status: 'failed', startedAt: '2026-03-02T08:00:00.000Z', error: null })]
    expect(backupAlert(noError, at('2026-03-02T09:00:00Z'), null, 'en')?.message).toBe(
      'The last backup failed: no details',
    )
  })

  it('ignores a run still in progress when judging the last one', () => {
    const runs = [run({ id: 'b', status: 'running', finishedAt: null }), run({ id: 'a' })]
    expect(backupAlert(runs, at('2026-03-01T10:00:00Z'), null)).toBeNull()
  })

  it('is stale when no run succeeded for two days, counted from the install when none ever ran', () => {
    expect(backupAlert([run({})], at('2026-03-03T08:00:04Z'), null)).toBeNull()
    expect(backupAlert([run({})], at('2026-03-03T08:00:06Z'), null)?.kind).toBe('stale')
    expect(backupAlert([], at('2026-03-03T00:00:00Z'), at('2026-03-01T00:00:00Z'))).toBeNull()
    expect(backupAlert([], at('2026-03-03T00:00:01Z'), at('2026-03-01T00:00:00Z'))).toMatchObject({
      kind: 'stale',
      since: null,
    })
    expect(backupAlert([], at('2026-03-09T00:00:00Z'), null)).toBeNull() // no organization yet
  })
})

describe('the runs log', () => {
  it('keeps the last line of each run, newest first; a cut line is skipped; an old running run was interrupted', async () => {
    const dir = path.join(tmp, 'runs')
    await appendRun(dir, run({ id: 'a', status: 'running', finishedAt: null }))
    await appendRun(dir, run({ id: 'a' }))
    await appendRun(
      dir,
      run({ id: 'b', status: 'running', startedAt: '2026-03-02T08:00:00.000Z', finishedAt: null }),
    )
    fs.appendFileSync(path.join(dir, RUNS_LOG), '{"id":"c","stat')
    const soon = await readRuns(dir, at('2026-03-02T09:00:00Z'))
    expect(soon.map((r) => [r.id, r.status])).toEqual([
      ['b', 'running'],
      ['a', 'done'],
    ])
    const later = await readRuns(dir, at('2026-03-02T15:00:00Z'))
    expect(later[0]).toMatchObject({ id: 'b', status: 'failed' })
    expect(await readRuns(path.join(tmp, 'none'), at('2026-03-02T15:00:00Z'))).toEqual([])
  })
})

describe('keeping the newest archives', () => {
  it('deletes the oldest archives beyond `keep` and nothing else', async () => {
    const dir = path.join(tmp, 'keep')
    fs.mkdirSync(dir)
    const names = [1, 2, 3, 4].map((d) => archiveName(at(`2026-03-0${d}T02:00:00Z`)))
    for (const n of [...names, 'other.tar.gz', RUNS_LOG]) fs.writeFileSync(path.join(dir, n), 'x')
    expect(await pruneArchives(dir, 2)).toEqual([names[1], names[0]])
    expect(fs.readdirSync(dir).sort()).toEqual([RUNS_LOG, names[2], names[3], 'other.tar.gz'].sort())
  })
})

describe('settings', () => {
  it('defaults to <data dir>/backups, 7 archives, 02:00; refuses values out of range', () => {
    expect(loadBackupSettings({}, '/srv/faena')).toEqual({ dir: '/srv/faena/backups', keep: 7, hour: 2 })
    expect(
      loadBackupSettings(
        { FAENA_BACKUP_DIR: '/mnt/b', FAENA_BACKUP_KEEP: '30', FAENA_BACKUP_HOUR: '23' },
        '/x',
      ),
    ).toEqual({ dir: '/mnt/b', keep: 30, hour: 23 })
    expect(() => loadBackupSettings({ FAENA_BACKUP_HOUR: '24' }, '/x')).toThrow(/FAENA_BACKUP_HOUR/)
    expect(() => loadBackupSettings({ FAENA_BACKUP_KEEP: '0' }, '/x')).toThrow(/FAENA_BACKUP_KEEP/)
  })
})

describe('backup requests to a running server', () => {
  const served = (file: string): ServedBackup => ({
    path: file,
    size: 10,
    durationMs: 1,
    manifest: {} as ServedBackup['manifest'],
    pruned: [],
  })

  it('puts the socket beside the data, or in a private folder when that path is too long', () => {
    expect(controlSocketPath('/srv/faena')).toBe('/srv/faena/backup.sock')
    const long = controlSocketPath(`/srv/${'d'.repeat(120)}`)
    expect(long.startsWith(os.tmpdir())).toBe(true)
    expect(Buffer.byteLength(long)).toBeLessThan(100)
    expect(controlSocketPath(`/srv/${'d'.repeat(120)}`)).toBe(long)
  })

  it('hands the request to the server and answers with its archive or its error; owner-only socket', async () => {
    const dataDir = path.join(tmp, 'served')
    fs.mkdirSync(dataDir)
    const asked: string[] = []
    const stop = await listenForBackupRequests(
      dataDir,
      async (out) => {
        asked.push(out)
        if (out.endsWith('fail.tar.gz')) throw new Error('disk full')
        return served(out)
      },
      { error: () => undefined },
    )
    try {
      expect(fs.statSync(controlSocketPath(dataDir)).mode & 0o777).toBe(0o600)
      expect(await requestBackupFromServer(dataDir, '/b/x.tar.gz')).toMatchObject({ path: '/b/x.tar.gz' })
      await expect(requestBackupFromServer(dataDir, '/b/fail.tar.gz')).rejects.toThrow('disk full')
      await expect(requestBackupFromServer(dataDir, 'relative.tar.gz')).rejects.toThrow(/absolute/)
      expect(asked).toEqual(['/b/x.tar.gz', '/b/fail.tar.gz'])
    } finally {
      await stop()
    }
    expect(fs.existsSync(controlSocketPath(dataDir))).toBe(false)
    await expect(requestBackupFromServer(dataDir, '/b/x.tar.gz')).rejects.toThrow(NoBackupServer)
  })

  it('a socket that cannot be opened is logged and the server goes on', async () => {
    const errors: string[] = []
    const stop = await listenForBackupRequests(
      path.join(tmp, 'missing', 'folder'),
      async (out) => served(out),
      { error: (_obj, msg) => errors.push(msg) },
    )
    await stop()
    expect(errors).toEqual([expect.stringMatching(/requests are not taken/)])
  })

  it('takes over a socket left by a server that is gone', async () => {
    const dataDir = path.join(tmp, 'stale')
    fs.mkdirSync(dataDir)
    fs.writeFileSync(controlSocketPath(dataDir), '')
    const stop = await listenForBackupRequests(dataDir, async (out) => served(out), {
      error: () => undefined,
    })
    try {
      expect((await requestBackupFromServer(dataDir, '/b/y.tar.gz')).path).toBe('/b/y.tar.gz')
    } finally {
      await stop()
    }
  })
})
