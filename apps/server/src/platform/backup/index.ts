/**
 * Backups (docs/backups.md): `createBackup` / `openArchive` + `restoreDatabase` behind `faena backup`
 * and `faena restore`, the daily job and admin routes through `createBackupService` / `backupRoutes`,
 * and the export of one organization's data.
 */
export { archiveName, createBackup, removeLeftovers, type BackupResult } from './backup'
export {
  backupAlert,
  createBackupService,
  pruneArchives,
  type BackupDeps,
  type BackupService,
} from './backup.service'
export { backupRoutes } from './backup.routes'
export {
  NoBackupServer,
  controlSocketPath,
  listenForBackupRequests,
  requestBackupFromServer,
  type ServedBackup,
} from './control'
export { BACKUP_FORMAT, ZBackupManifest, type BackupManifest } from './manifest'
export { exportOrganization } from './org-export'
export { RestoreRefused, openArchive, restoreDatabase, type RestoreReport } from './restore'
export { readRuns } from './runs-log'
export { loadBackupSettings, type BackupSettings } from './settings'
export { markServing, servingPid } from './serving'
export { countRows, inSnapshot } from './snapshot'
