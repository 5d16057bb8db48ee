/**
 * `faena backup` and `faena restore` as processes (docs/backups.md): a backup killed with SIGKILL leaves
 * the previous archive intact and nothing under the final name; a damaged archive is refused by the
 * command, with exit code 1 and a message, before anything is written; while `faena serve` holds the
 * embedded database, `faena backup` has the server write the archive; an archive goes from the embedded
 * database into a fresh PostgreSQL database and back into a folder. Runs once, on the embedded database.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../db/create-db'
import { migrateToLatest } from '../db/migrate'
import { createLocalFileStore } from '../files/file-store'

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/faena.mjs')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-backup-cli-'))
const dataDir = path.join(tmp, 'data')
const onPglite = inject('testDb') === 'pglite'
const adminUrl = inject('postgresAdminUrl')
const createdDbs: string[] = []
/** the port of the `faena serve` this file starts (the e2e ports of the backups work) */
const SERVE_PORT = 3318

function faena(args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, FAENA_DATA_DIR: dataDir }
  delete childEnv.DATABASE_URL
  Object.assign(childEnv, env)
  const child = spawn(process.execPath, [bin, ...args], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const done = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, out })),
  )
  return { child, done }
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

beforeAll(async () => {
  if (!onPglite) return
  // an installation with one organization and 40 incompressible files (so a backup takes a while)
  const database = await createDb({ pgliteDir: path.join(dataDir, 'pglite') })
  await migrateToLatest(database.db)
  const org = await database.db
    .insertInto('organizations')
    .values({
      slug: 'acme',
      name: 'Acme',
      country: 'EC',
      time_zone: 'America/Guayaquil',
      locale: 'es-EC',
      currencies: ['USD'],
      lines_of_business: ['rental'],
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow()
  const store = createLocalFileStore(path.join(dataDir, 'files'))
  for (let i = 0; i < 40; i++) {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(400_000)])
    const { key, sha256 } = await store.put(bytes)
    await database.db
      .insertInto('files')
      .values({
        org_id: org.id,
        name: `f${i}.pdf`,
        kind: 'pdf',
        mime_type: 'application/pdf',
        size: bytes.length,
        sha256,
        storage_key: key,
      })
      .execute()
  }
  await database.close()
}, 120_000)

afterAll(async () => {
  if (createdDbs.length) {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    for (const name of createdDbs) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
  fs.rmSync(tmp, { recursive: true, force: true })
})

/** A fresh PostgreSQL database, or null when no server answers. */
async function freshPostgres(): Promise<string | null> {
  const admin = new pg.Client({ connectionString: adminUrl })
  try {
    await admin.connect()
  } catch {
    return null
  }
  const name = `faena_cli_restore_${crypto.randomBytes(4).toString('hex')}`
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  createdDbs.push(name)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

const rowCounts = (manifest: { tables: { name: string; rows: number; sha256: string }[] }) =>
  Object.fromEntries(manifest.tables.map((t) => [t.name, [t.rows, t.sha256]]))

describe.runIf(onPglite)('faena backup / restore commands', () => {
  const out = path.join(tmp, 'out', 'nightly.tar.gz')

  it('writes an archive; a second backup killed with SIGKILL leaves it intact and no half file', async () => {
    const first = await faena(['backup', '--out', out]).done
    expect(first.code, first.out).toBe(0)
    expect(first.out).toMatch(/Backup written to .*nightly\.tar\.gz/)
    const before = sha(out)

    const { child, done } = faena(['backup', '--out', out])
    // kill it as soon as it has started writing (its staging folder appears beside the archive)
    const outDir = path.dirname(out)
    for (let i = 0; i < 6000; i++) {
      if (fs.readdirSync(outDir).some((n) => n.startsWith('.faena-backup-') || n.includes('.partial-'))) break
      await new Promise((r) => setTimeout(r, 5))
    }
    child.kill('SIGKILL')
    const killed = await done
    expect(killed.signal).toBe('SIGKILL')
    expect(sha(out)).toBe(before)
    expect(fs.readdirSync(outDir).filter((n) => n.endsWith('.tar.gz'))).toEqual(['nightly.tar.gz'])

    // the next backup removes what the killed one left behind
    const third = await faena(['backup', '--out', path.join(outDir, 'next.tar.gz')]).done
    expect(third.code, third.out).toBe(0)
    expect(fs.readdirSync(outDir).sort()).toEqual(['next.tar.gz', 'nightly.tar.gz'])
  }, 240_000)

  it('refuses a damaged archive before writing anything, and a non-empty target without --force', async () => {
    const broken = path.join(tmp, 'broken.tar.gz')
    const bytes = fs.readFileSync(out)
    bytes.fill(0, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096)
    fs.writeFileSync(broken, bytes)
    const into = path.join(tmp, 'restored')
    const r = await faena(['restore', broken, '--into', into]).done
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/restore refused: .*broken\.tar\.gz is damaged/)
    expect(fs.existsSync(into)).toBe(false)
    // cut short (a copy that stopped half way): refused with the same kind of message
    const cut = path.join(tmp, 'cut.tar.gz')
    fs.writeFileSync(cut, fs.readFileSync(out).subarray(0, Math.floor(bytes.length / 3)))
    const c = await faena(['restore', cut, '--into', into]).done
    expect(c.code).toBe(1)
    expect(c.out).toMatch(/restore refused: .*cut\.tar\.gz is damaged or is not a Faena backup/)
    expect(fs.existsSync(into)).toBe(false)

    const full = await faena(['restore', out]).done // into FAENA_DATA_DIR, which holds the source
    expect(full.code).toBe(1)
    expect(full.out).toMatch(/already holds a database or files.*--force/)

    const ok = await faena(['restore', out, '--into', into]).done
    expect(ok.code, ok.out).toBe(0)
    expect(ok.out).toMatch(/organizations: acme \(Acme\)/)
    expect(ok.out).toMatch(/40 files into/)
  }, 240_000)

  it('backs up through the running server, which holds the embedded database; restore waits for it to stop', async () => {
    const server = faena(['serve'], { PORT: String(SERVE_PORT), FAENA_DEMO_PASSWORD: 'Respaldo-Prueba-1' })
    try {
      const socket = path.join(dataDir, 'backup.sock')
      for (let i = 0; i < 1200 && !fs.existsSync(socket); i++) await new Promise((r) => setTimeout(r, 100))
      expect(fs.existsSync(socket), 'the server took backup requests').toBe(true)
      // owner-only once the server has set it up: it appears with the process's umask (0755: others cannot
      // write to it, so they cannot connect) and is made 0600 right after, so a look in between may see 0755
      const modeOf = () => fs.statSync(socket).mode & 0o777
      for (let i = 0; i < 50 && modeOf() !== 0o600; i++) await new Promise((r) => setTimeout(r, 20))
      expect(modeOf()).toBe(0o600)
      const live = path.join(tmp, 'out', 'live.tar.gz')
      const r = await faena(['backup', '--out', live, '--json']).done
      expect(r.code, r.out).toBe(0)
      const answer = JSON.parse(r.out) as { path: string; writtenBy: number; manifest: { files: unknown[] } }
      expect(answer.path).toBe(live)
      expect(answer.writtenBy).toBe(server.child.pid)
      expect(answer.manifest.files).toHaveLength(40)
      expect(fs.existsSync(live)).toBe(true)
      const restore = await faena(['restore', live, '--into', dataDir, '--force']).done
      expect(restore.code).toBe(1)
      expect(restore.out).toMatch(/a Faena server \(process \d+\) is using the embedded database/)
    } finally {
      server.child.kill('SIGTERM')
      await server.done
    }
    expect(fs.existsSync(path.join(dataDir, 'backup.sock'))).toBe(false)
  }, 240_000)

  it('moves an archive from the embedded database into a fresh PostgreSQL database and back into a folder', async () => {
    const url = await freshPostgres()
    if (!url) return // no PostgreSQL server here
    const read = async (file: string) => {
      const work = fs.mkdtempSync(path.join(tmp, 'work-'))
      const { openArchive } = await import('./restore')
      return openArchive(file, work)
    }
    const into = await faena(['restore', out, '--json'], { DATABASE_URL: url }).done
    expect(into.code, into.out).toBe(0)
    const back = path.join(tmp, 'out', 'from-postgres.tar.gz')
    const b = await faena(['backup', '--out', back], { DATABASE_URL: url }).done
    expect(b.code, b.out).toBe(0)
    expect(b.out).toMatch(/postgres database at/)
    const [original, again] = [await read(out), await read(back)]
    expect(again.engine).toBe('postgres')
    // the same rows, byte for byte, whichever engine wrote them
    expect(rowCounts(again)).toEqual(rowCounts(original))
    expect(again.files).toEqual(original.files)
    const folder = path.join(tmp, 'from-postgres')
    const r = await faena(['restore', back, '--into', folder]).done
    expect(r.code, r.out).toBe(0)
    expect(r.out).toMatch(/40 files into/)
  }, 240_000)
})
