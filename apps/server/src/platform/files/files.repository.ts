import type { Executor } from '../db/executor'
import type { FileKind } from './file-type'

export async function insertFile(
  db: Executor,
  f: {
    orgId: string
    name: string
    kind: FileKind
    mimeType: string
    size: number
    sha256: string
    storageKey: string
    createdBy: string | null
  },
) {
  return db
    .insertInto('files')
    .values({
      org_id: f.orgId,
      name: f.name,
      kind: f.kind,
      mime_type: f.mimeType,
      size: f.size,
      sha256: f.sha256,
      storage_key: f.storageKey,
      created_by: f.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findFile(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('files')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst()
}
