import { z } from 'zod'

/**
 * Backups (docs/backups.md): the daily archive of the whole installation, its runs as admins see them,
 * and the alert when a run failed or none succeeded for two days.
 */
export const BACKUP_RUN_STATUSES = ['running', 'done', 'failed'] as const
export const ZBackupRunStatus = z.enum(BACKUP_RUN_STATUSES)

export const ZBackupRun = z.object({
  id: z.string(),
  /** `schedule` (the daily job) or `manual` (an admin's "back up now") */
  trigger: z.enum(['schedule', 'manual', 'cli']),
  /** the time zone whose hour started a scheduled run */
  timeZone: z.string().nullable(),
  status: ZBackupRunStatus,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** the archive's file name in the backup folder */
  archive: z.string().nullable(),
  size: z.number().int().nullable(),
  rows: z.number().int().nullable(),
  files: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** why it failed */
  error: z.string().nullable(),
})
export type TBackupRun = z.infer<typeof ZBackupRun>

export const ZBackupAlert = z.object({
  /** `failed`: the last run failed; `stale`: no run succeeded in the last two days */
  kind: z.enum(['failed', 'stale']),
  since: z.string().nullable(),
  message: z.string(),
})
export type TBackupAlert = z.infer<typeof ZBackupAlert>

export const ZBackupStatus = z.object({
  /** whether this server runs the daily backup (the CLI and tests may build it without) */
  scheduled: z.boolean(),
  hour: z.number().int(),
  keep: z.number().int(),
  /** the time zones whose hour starts a run (one per distinct zone of the organizations) */
  timeZones: z.array(z.string()),
  lastSuccessAt: z.string().nullable(),
  alert: ZBackupAlert.nullable(),
  /** newest first */
  runs: z.array(ZBackupRun),
})
export type TBackupStatus = z.infer<typeof ZBackupStatus>
