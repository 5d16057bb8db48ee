import type { TStoredFile } from '@faena/contracts'
import { isSystemActor, requireAccess, type Actor } from '../access'
import { writeAudit } from '../audit/audit'
import type { Db, Executor } from '../db/executor'
import { AppError, fieldError } from '../errors'
import type { FileStore } from './file-store'
import { detectFileKind, MIME_OF, type FileKind } from './file-type'
import { filesMessages as M } from './files.messages'
import * as repo from './files.repository'

export type FilesService = ReturnType<typeof createFilesService>

type FileRow = {
  id: string
  name: string
  kind: FileKind
  mime_type: string
  size: string
  sha256: string
  created_at: Date
}
const toStoredFile = (r: FileRow): TStoredFile => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  mimeType: r.mime_type,
  size: Number(r.size),
  sha256: r.sha256,
  createdAt: r.created_at.toISOString(),
})

export function createFilesService({ db, store }: { db: Db; store: FileStore }) {
  /** Stores an upload after checking its type by magic bytes. `accept` narrows the allowed kinds. */
  async function uploadFile(
    actor: Actor,
    input: { name: string; bytes: Buffer; accept?: readonly FileKind[] },
    trx: Executor = db,
  ): Promise<TStoredFile> {
    requireAccess(actor, 'file.upload')
    const kind = detectFileKind(input.bytes)
    const accept = input.accept ?? (Object.keys(MIME_OF) as FileKind[])
    if (!kind || !accept.includes(kind)) {
      const kinds = accept.join(', ').toUpperCase()
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', M.typeNotAllowed({ kinds }), [
        fieldError('file', M.contentIsNot({ kinds })),
      ])
    }
    const { key, sha256 } = await store.put(input.bytes)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped from names
    const name = input.name.replace(/[\\/\x00-\x1f]/g, '_').slice(0, 200) || `archivo.${kind}`
    const insert = async (t: Executor) => {
      const row = await repo.insertFile(t, {
        orgId: actor.orgId,
        name,
        kind,
        mimeType: MIME_OF[kind],
        size: input.bytes.length,
        sha256,
        storageKey: key,
        createdBy: isSystemActor(actor) ? null : actor.userId,
      })
      await writeAudit(t, actor, {
        action: 'file.uploaded',
        module: 'files',
        entityType: 'file',
        entityId: row.id,
        data: { name, kind, size: input.bytes.length, sha256 },
      })
      return toStoredFile(row)
    }
    return trx === db ? db.transaction().execute(insert) : insert(trx)
  }

  async function getFile(actor: Actor, id: string, trx: Executor = db): Promise<TStoredFile> {
    requireAccess(actor, 'file.read')
    const row = await repo.findFile(trx, actor.orgId, id)
    if (!row) throw new AppError('NOT_FOUND', M.fileNotFound())
    return toStoredFile(row)
  }

  async function readFile(actor: Actor, id: string): Promise<{ file: TStoredFile; bytes: Buffer }> {
    requireAccess(actor, 'file.read')
    const row = await repo.findFile(db, actor.orgId, id)
    if (!row) throw new AppError('NOT_FOUND', M.fileNotFound())
    return { file: toStoredFile(row), bytes: await store.read(row.storage_key) }
  }

  return { uploadFile, getFile, readFile }
}
