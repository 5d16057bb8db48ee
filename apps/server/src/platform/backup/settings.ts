import path from 'node:path'

/** Where and when the daily backup runs (docs/backups.md#configuration). */
export type BackupSettings = {
  /** folder of the daily archives and of `backup-runs.jsonl` */
  dir: string
  /** archives kept in `dir`; older ones are deleted after a successful run */
  keep: number
  /** the hour (0–23) of each organization's time zone at which the daily backup runs */
  hour: number
}

/** `FAENA_BACKUP_DIR` (default `<data dir>/backups`), `FAENA_BACKUP_KEEP` (7), `FAENA_BACKUP_HOUR` (2). */
export function loadBackupSettings(env: NodeJS.ProcessEnv, dataDir: string): BackupSettings {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`Invalid configuration:\n  ${name}: a whole number from ${min} to ${max}`)
    return n
  }
  return {
    dir: path.resolve(env.FAENA_BACKUP_DIR || path.join(dataDir, 'backups')),
    keep: int('FAENA_BACKUP_KEEP', 7, 1, 1000),
    hour: int('FAENA_BACKUP_HOUR', 2, 0, 23),
  }
}
