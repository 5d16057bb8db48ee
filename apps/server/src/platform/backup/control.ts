import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { BackupManifest } from './manifest'

/**
 * `faena backup` while `faena serve` runs on the same embedded database (docs/backups.md#commands). PGlite
 * belongs to one process, so the command does not open it: it asks the server, through a Unix socket
 * beside the data, to write the archive itself, on the same snapshot rule as every other backup. Only the
 * data folder's owner reaches the socket (mode 0600; when the folder's path is too long for a socket, it
 * lives in a folder of the temporary directory that only the owner can enter).
 */
const SOCKET = 'backup.sock'
/** Unix socket paths are limited to about 104 bytes (macOS) and 108 (Linux) */
const MAX_SOCKET_PATH = 100
const MAX_REQUEST_BYTES = 64 * 1024

export type ServedBackup = {
  path: string
  size: number
  durationMs: number
  manifest: BackupManifest
  /** archives of the backup folder removed to keep the newest N */
  pruned: string[]
}
type Reply = { ok: true; backup: ServedBackup } | { ok: false; error: string }

/** Where the server of `dataDir` takes backup requests. */
export function controlSocketPath(dataDir: string): string {
  const dir = path.resolve(dataDir)
  const direct = path.join(dir, SOCKET)
  if (Buffer.byteLength(direct) <= MAX_SOCKET_PATH) return direct
  const hash = crypto.createHash('sha256').update(dir).digest('hex').slice(0, 20)
  return path.join(os.tmpdir(), `faena-${process.getuid?.() ?? 'user'}`, `${hash}.sock`)
}

/** The folder holding the socket when it is not the data folder: created private, refused when it is not. */
function privateFolder(socket: string, dataDir: string) {
  const dir = path.dirname(socket)
  if (dir === path.resolve(dataDir)) return
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const st = fs.statSync(dir)
  if ((process.getuid && st.uid !== process.getuid()) || (st.mode & 0o077) !== 0)
    throw new Error(`${dir} is not a private folder of this user: backup requests are not taken`)
}

/**
 * Takes backup requests for `dataDir` (one JSON line `{"command":"backup","out":"/abs/file.tar.gz"}`,
 * answered with one JSON line) and hands them to `backupTo`. Returns the function that stops it.
 */
export async function listenForBackupRequests(
  dataDir: string,
  backupTo: (out: string) => Promise<ServedBackup>,
  log: { error: (obj: object, msg: string) => void },
): Promise<() => Promise<void>> {
  const socket = controlSocketPath(dataDir)
  const server = net.createServer((conn) => {
    let text = ''
    const answer = (reply: Reply) => conn.end(JSON.stringify(reply) + '\n')
    conn.setEncoding('utf8')
    conn.on('error', () => undefined) // the command went away; the backup still finishes
    conn.on('data', (chunk: string) => {
      text += chunk
      if (text.length > MAX_REQUEST_BYTES) return answer({ ok: false, error: 'request too long' })
      const nl = text.indexOf('\n')
      if (nl === -1) return
      conn.removeAllListeners('data')
      let out: unknown
      try {
        const req = JSON.parse(text.slice(0, nl)) as { command?: unknown; out?: unknown }
        if (req.command !== 'backup') throw new Error()
        out = req.out
      } catch {
        return answer({ ok: false, error: 'not a backup request' })
      }
      if (typeof out !== 'string' || !path.isAbsolute(out))
        return answer({ ok: false, error: 'out must be an absolute path' })
      backupTo(out).then(
        (backup) => answer({ ok: true, backup }),
        (err: unknown) => {
          log.error({ err }, 'backup requested by faena backup failed')
          answer({ ok: false, error: err instanceof Error ? err.message : String(err) })
        },
      )
    })
  })
  try {
    privateFolder(socket, dataDir)
    // a socket left by a server that is gone (the caller owns the data folder now)
    fs.rmSync(socket, { force: true })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(socket, () => resolve())
    })
    fs.chmodSync(socket, 0o600)
  } catch (err) {
    // the server serves anyway; `faena backup` then says it takes no requests
    server.close()
    log.error({ err, socket }, 'faena backup requests are not taken: the socket could not be opened')
    return async () => undefined
  }
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      fs.rmSync(socket, { force: true })
    })
}

/** Thrown when no server answers on the socket (starting, stopped, or a Faena that takes no requests). */
export class NoBackupServer extends Error {}

/** Asks the server of `dataDir` for an archive at `out` (absolute) and waits for it. */
export function requestBackupFromServer(dataDir: string, out: string): Promise<ServedBackup> {
  const socket = controlSocketPath(dataDir)
  return new Promise((resolve, reject) => {
    let text = ''
    let connected = false
    const conn = net.connect(socket)
    conn.setEncoding('utf8')
    conn.on('connect', () => {
      connected = true
      conn.write(JSON.stringify({ command: 'backup', out }) + '\n')
    })
    conn.on('data', (chunk: string) => (text += chunk))
    conn.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        connected
          ? new Error(`the server stopped answering during the backup (${err.message})`)
          : new NoBackupServer(err.code ?? err.message),
      ),
    )
    conn.on('end', () => {
      let reply: Reply
      try {
        reply = JSON.parse(text) as Reply
      } catch {
        return reject(new Error('the server ended the backup without an answer (it may have stopped)'))
      }
      if (reply.ok) resolve(reply.backup)
      else reject(new Error(reply.error))
    })
  })
}
