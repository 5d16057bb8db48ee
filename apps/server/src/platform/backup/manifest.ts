import { z } from 'zod'

/** What `faena backup` writes first in every archive (docs/backups.md#the-archive). */
export const BACKUP_FORMAT = 'faena-backup'
export const BACKUP_FORMAT_VERSION = 1
export const MANIFEST_ENTRY = 'manifest.json'

const ZName = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'not a plain SQL name')
const ZSha = z.string().regex(/^[0-9a-f]{64}$/)
/** a FileStore key: `<first two hex digits>/<sha256>` */
export const ZStorageKey = z.string().regex(/^[0-9a-f]{2}\/[0-9a-f]{64}$/)

export const ZManifestTable = z.object({
  name: ZName,
  /** the archive entry holding one JSON object per line (`row_to_json` of each row) */
  entry: z.string(),
  rows: z.number().int().min(0),
  columns: z.array(ZName).min(1),
  sha256: ZSha,
})
export const ZManifestFile = z.object({
  key: ZStorageKey,
  entry: z.string(),
  size: z.number().int().min(0),
  sha256: ZSha,
})
export const ZBackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  faenaVersion: z.string(),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  serverVersion: z.string(),
  /** the last migration applied in the snapshot: restore loads at this level, then migrates */
  migration: z.string(),
  migrations: z.array(z.string()),
  organizations: z.array(
    z.object({ id: z.string(), slug: z.string(), name: z.string(), timeZone: z.string() }),
  ),
  tables: z.array(ZManifestTable),
  sequences: z.array(
    z.object({ name: ZName, table: ZName, column: ZName, lastValue: z.string(), isCalled: z.boolean() }),
  ),
  files: z.array(ZManifestFile),
  /** file rows whose bytes were not in the store when the backup ran (the same holes as the source) */
  missingFiles: z.array(ZStorageKey),
})
export type BackupManifest = z.infer<typeof ZBackupManifest>
export type ManifestTable = z.infer<typeof ZManifestTable>

export const tableEntry = (name: string) => `db/${name}.jsonl`
export const fileEntry = (key: string) => `files/${key}`
