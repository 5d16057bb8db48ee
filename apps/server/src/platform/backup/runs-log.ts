import fs from 'node:fs'
import path from 'node:path'
import type { TBackupRun } from '@faena/contracts'

/**
 * Each backup run as lines of `<backup dir>/backup-runs.jsonl`: one when it starts (`running`), one when
 * it ends; the last line of a run wins. It lives beside the archives it describes, so it survives a
 * restore of the database and says what happened even when the database was what failed.
 */
export const RUNS_LOG = 'backup-runs.jsonl'
/** a run still `running` after this long was interrupted (the process stopped under it) */
const INTERRUPTED_AFTER_MS = 6 * 60 * 60 * 1000

export async function appendRun(dir: string, run: TBackupRun) {
  await fs.promises.mkdir(dir, { recursive: true })
  await fs.promises.appendFile(path.join(dir, RUNS_LOG), JSON.stringify(run) + '\n')
}

/** The runs, newest first, at most `limit`. */
export async function readRuns(dir: string, now: Date, limit = 60): Promise<TBackupRun[]> {
  let text: string
  try {
    text = await fs.promises.readFile(path.join(dir, RUNS_LOG), 'utf8')
  } catch {
    return []
  }
  const byId = new Map<string, TBackupRun>()
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      const run = JSON.parse(line) as TBackupRun
      if (typeof run.id === 'string') {
        byId.delete(run.id)
        byId.set(run.id, run)
      }
    } catch {
      // a line cut by a crash: skipped
    }
  }
  return [...byId.values()]
    .map((r) =>
      r.status === 'running' && now.getTime() - Date.parse(r.startedAt) > INTERRUPTED_AFTER_MS
        ? {
            ...r,
            status: 'failed' as const,
            error: 'Interrumpido: el servidor se detuvo durante el respaldo',
          }
        : r,
    )
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, limit)
}
