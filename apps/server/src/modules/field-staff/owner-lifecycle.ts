import type { TComplianceDocument, TComplianceFile } from '@faena/contracts'
import { can, requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit, type AuditChange } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { classifyExpiry } from './compliance-rules'
import { isUniqueViolation, MODULE, type FieldStaffContext } from './field-staff.context'
import * as repo from './field-staff.repository'
import type { OwnerKind } from './field-staff.tables'
import type { Message } from '../../platform/i18n/messages'

/** The columns every owner row (technician, vehicle) carries with its document summary. */
type OwnerRow = {
  id: string
  active: boolean
  notes: string | null
  next_expiry: string | null
  document_count: string
  created_at: Date
  updated_at: Date
}

/** What differs between a technician and a vehicle; the lifecycle below is the same for both. */
export type OwnerSpec<Row extends OwnerRow, Values extends { active: boolean }, Key extends string, Other> = {
  owner: OwnerKind
  /** audit entity type and action prefix: `field_staff` / `fieldStaff.*`, `vehicle` / `vehicle.*` */
  entityType: string
  action: string
  notFound: Message
  find: (trx: Executor, orgId: string, id: string, forUpdate: boolean) => Promise<Row | undefined>
  insert: (trx: Executor, orgId: string, createdBy: string | null, v: Values) => Promise<{ id: string }>
  update: (trx: Executor, orgId: string, id: string, v: Values & { updated_at: Date }) => Promise<unknown>
  /** the audited fields */
  snapshot: (v: Values | Row) => Record<string, unknown>
  /** the unique key (cédula, plate), its lookup, constraint and the 409 it answers */
  key: (v: Values | Row) => Key
  findByKey: (trx: Executor, orgId: string, key: Key) => Promise<(Other & { id: string }) | undefined>
  uniqueConstraint: string
  conflict: (key: Key, other?: Other) => AppError
  /** the 409 when field documents name the owner, and the audited change of a delete */
  inUse: (row: Row) => Message
  deletedChanges: (row: Row) => AuditChange[]
}

/** The fields of the list and detail answers every owner shares. */
export const ownerSummary = (r: OwnerRow, day: string) => ({
  active: r.active,
  notes: r.notes,
  status: r.next_expiry ? classifyExpiry(r.next_expiry, day) : null,
  nextExpiry: r.next_expiry,
  documentCount: Number(r.document_count),
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
})

/**
 * Technicians' and vehicles' shared lifecycle (docs/field-staff.md): load (404), the unique key (409), list
 * on the organization's day, the detail's documents and files, create / update / delete audited in their
 * transaction, the delete refused while field documents name the owner.
 */
export function createOwnerLifecycle<
  Row extends OwnerRow,
  Values extends { active: boolean },
  Key extends string,
  Other,
>(ctx: FieldStaffContext, spec: OwnerSpec<Row, Values, Key, Other>) {
  const { db, clock, userId, today } = ctx

  async function load(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await spec.find(trx, actor.orgId, id, forUpdate)
    if (!row) throw new AppError('NOT_FOUND', spec.notFound)
    return row
  }

  async function assertKeyFree(trx: Executor, orgId: string, key: Key, exceptId?: string) {
    const other = await spec.findByKey(trx, orgId, key)
    if (other && other.id !== exceptId) throw spec.conflict(key, other)
  }
  const onConflict = (key: Key) => (err: unknown) => {
    if (isUniqueViolation(err, spec.uniqueConstraint)) throw spec.conflict(key)
    throw err
  }

  const audit = (trx: Executor, actor: Actor, verb: string, id: string, changes: AuditChange[]) =>
    writeAudit(trx, actor, {
      action: `${spec.action}.${verb}`,
      module: MODULE,
      entityType: spec.entityType,
      entityId: id,
      changes,
    })

  /** A list page on the organization's day: read permission and the rental line. */
  async function list<Q, T>(
    actor: Actor,
    query: Q,
    read: (orgId: string, query: Q, day: string) => Promise<{ rows: Row[]; total: number }>,
    to: (r: Row, day: string) => T,
  ) {
    requireAccess(actor, 'fieldStaff.read')
    await ctx.requireRentalLine(actor)
    const day = await today(actor.orgId)
    const { rows, total } = await read(actor.orgId, query, day)
    return { items: rows.map((r) => to(r, day)), total }
  }

  /** The detail: the row, its documents and files, and whatever `more` reads in the same transaction. */
  async function detail<T, M>(
    actor: Actor,
    id: string,
    to: (r: Row, day: string) => T,
    more: (trx: Executor, orgId: string) => Promise<M>,
  ): Promise<T & M & { documents: TComplianceDocument[]; files: TComplianceFile[]; canManage: boolean }> {
    requireAccess(actor, 'fieldStaff.read')
    const day = await today(actor.orgId)
    return db.transaction().execute(async (trx) => {
      const r = await load(trx, actor, id)
      const [documents, extra, files] = await Promise.all([
        repo.listDocuments(trx, actor.orgId, spec.owner, id),
        more(trx, actor.orgId),
        ctx.filesOf(trx, actor.orgId, spec.owner, id),
      ])
      return {
        ...to(r, day),
        documents: documents.map((d) => ctx.toDocument(d, day)),
        ...extra,
        files,
        canManage: can(actor, 'fieldStaff.manage'),
      }
    })
  }

  async function create(actor: Actor, values: () => Values): Promise<string> {
    requireAccess(actor, 'fieldStaff.manage')
    await ctx.requireRentalLine(actor)
    const v = values()
    return db.transaction().execute(async (trx) => {
      await assertKeyFree(trx, actor.orgId, spec.key(v))
      const row = await spec.insert(trx, actor.orgId, userId(actor), v).catch(onConflict(spec.key(v)))
      await audit(trx, actor, 'created', row.id, diffFields(null, spec.snapshot(v)))
      return row.id
    })
  }

  /** `merge` builds the new values from the locked row (the patch over what is stored). */
  async function update(actor: Actor, id: string, merge: (before: Row) => Values): Promise<void> {
    requireAccess(actor, 'fieldStaff.manage')
    await db.transaction().execute(async (trx) => {
      const b = await load(trx, actor, id, true)
      const v = merge(b)
      if (spec.key(v) !== spec.key(b)) await assertKeyFree(trx, actor.orgId, spec.key(v), id)
      const changes = diffFields(spec.snapshot(b), spec.snapshot(v))
      if (changes.length === 0) return
      await spec.update(trx, actor.orgId, id, { ...v, updated_at: clock() }).catch(onConflict(spec.key(v)))
      await audit(trx, actor, 'updated', id, changes)
    })
  }

  async function remove(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'fieldStaff.manage')
    await db.transaction().execute(async (trx) => {
      const b = await load(trx, actor, id, true)
      await repo.deleteOwner(trx, actor.orgId, spec.owner, id).catch((err: unknown) => {
        if (typeof err === 'object' && err && 'code' in err && err.code === '23503')
          throw new AppError('CONFLICT', spec.inUse(b))
        throw err
      })
      await audit(trx, actor, 'deleted', id, spec.deletedChanges(b))
    })
  }

  return { load, audit, list, detail, create, update, remove }
}
