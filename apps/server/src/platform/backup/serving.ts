import fs from 'node:fs'
import path from 'node:path'

/**
 * The embedded database belongs to one process at a time. `faena serve` marks its data folder with its
 * process id; `faena restore` refuses a folder whose server is alive, and `faena backup` asks that server
 * to write the archive (control.ts) instead of opening the database itself.
 */
const MARK = 'server.pid'

export function markServing(dataDir: string): () => void {
  const file = path.join(dataDir, MARK)
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, String(process.pid))
  const clear = () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file)
    } catch {
      // already gone
    }
  }
  process.once('exit', clear)
  return clear
}

/** The process id of a live server on this data folder, if there is one. */
export function servingPid(dataDir: string): number | null {
  let pid: number
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, MARK), 'utf8').trim())
  } catch {
    return null
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null
  try {
    process.kill(pid, 0)
    return pid
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null
  }
}
