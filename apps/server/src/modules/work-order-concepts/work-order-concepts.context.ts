import type { TAnnexDiff, TAnnexImportDetail, TAnnexImportSummary, TStoredFile } from '@faena/contracts'
import { isSystemActor, requireAccess, type Actor, type Permission } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { findUserNames } from '../../platform/auth/users.repository'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { getWorkOrderRef, type WorkOrderRef } from '../work-orders'
import { dec } from './annex-c-lines'
import * as repo from './work-order-concepts.repository'
import { workOrderConceptsMessages as M } from './work-order-concepts.messages'

/** What this module needs from the files service (platform). */
export type FilesPort = {
  uploadFile(
    actor: Actor,
    input: { name: string; bytes: Buffer; accept?: readonly TStoredFile['kind'][] },
    trx?: Executor,
  ): Promise<TStoredFile>
}

export type WorkOrderConceptsServiceDeps = {
  db: Db
  clock: () => Date
  files: FilesPort
}

export const MODULE = 'work-order-concepts'
export const ENTITY = 'annex_import'

type Reading = TAnnexImportDetail['reading']
export type UserNames = Map<string, string>

const userRef = (names: UserNames, id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null)

export type SummaryRow = Omit<repo.AnnexImportRow, 'reading' | 'diff' | 'org_id'> & {
  diff_counts: repo.DiffCounts
}

/** A version as the lists show it (amounts as plain decimals, the counts of its diff, who did what). */
export function toSummary(r: SummaryRow, names: UserNames): TAnnexImportSummary {
  return {
    id: r.id,
    workOrderId: r.work_order_id,
    version: r.version,
    status: r.status,
    fileId: r.file_id,
    fileName: r.file_name,
    conceptCount: r.concept_count,
    plannedDayCount: r.planned_day_count,
    totals: { mxn: dec(r.amount_mxn).toFixed(), usd: dec(r.amount_usd).toFixed() },
    changes: {
      added: r.diff_counts.added,
      removed: r.diff_counts.removed,
      changed: r.diff_counts.changed,
      unchanged: r.diff_counts.unchanged,
    },
    baseVersion: r.diff_counts.baseVersion,
    createdBy: userRef(names, r.created_by),
    createdAt: r.created_at.toISOString(),
    confirmedBy: userRef(names, r.confirmed_by),
    confirmedAt: r.confirmed_at?.toISOString() ?? null,
    discardedBy: userRef(names, r.discarded_by),
    discardedAt: r.discarded_at?.toISOString() ?? null,
    supersededAt: r.superseded_at?.toISOString() ?? null,
    reason: r.reason ?? null,
  }
}

/** A stored version with the counts of its stored diff. */
export function withCounts(r: repo.AnnexImportRow): SummaryRow {
  const diff = r.diff as TAnnexDiff
  return {
    ...r,
    diff_counts: {
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      unchanged: diff.unchangedCount,
      baseVersion: diff.baseVersion,
    },
  }
}

/**
 * What every use case of the module shares (the named dependencies of annex-import.service.ts,
 * annex-versions.service.ts and annex-reads.service.ts): the database, the clock and the files port, the
 * work-order check, the loaders, the user names, the detail the API answers and discarding a version.
 */
export type WorkOrderConceptsContext = ReturnType<typeof createWorkOrderConceptsContext>

export function createWorkOrderConceptsContext({ db, clock, files }: WorkOrderConceptsServiceDeps) {
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  /** The work order, or 404 (another organization's too). Routes call it before reading an upload. */
  async function requireWorkOrder(
    actor: Actor,
    workOrderId: string,
    permission: Permission,
    trx: Executor = db,
  ): Promise<WorkOrderRef> {
    requireAccess(actor, permission)
    const wo = await getWorkOrderRef(trx, actor.orgId, workOrderId)
    if (!wo) throw new AppError('NOT_FOUND', M.workOrderNotFound())
    return wo
  }

  /** The work order locked for the transaction (versions of one work order change one at a time). */
  async function lockWorkOrder(trx: Executor, actor: Actor, workOrderId: string): Promise<void> {
    const locked = await getWorkOrderRef(trx, actor.orgId, workOrderId, { forUpdate: true })
    if (!locked) throw new AppError('NOT_FOUND', M.workOrderNotFound())
  }

  async function userNames(executor: Executor, orgId: string, ids: (string | null)[]): Promise<UserNames> {
    const wanted = [...new Set(ids.filter((x): x is string => x !== null))]
    return new Map((await findUserNames(executor, orgId, wanted)).map((u) => [u.id, u.name]))
  }

  async function toDetail(
    executor: Executor,
    r: repo.AnnexImportRow,
    durationMs?: number,
  ): Promise<TAnnexImportDetail> {
    const names = await userNames(executor, r.org_id, [r.created_by, r.confirmed_by, r.discarded_by])
    return {
      ...toSummary(withCounts(r), names),
      reading: r.reading as Reading,
      diff: r.diff as TAnnexDiff,
      ...(durationMs === undefined ? {} : { durationMs: Math.round(durationMs) }),
    }
  }

  async function loadImport(trx: Executor, actor: Actor, workOrderId: string, importId: string) {
    const row = await repo.findImport(trx, actor.orgId, workOrderId, importId)
    if (!row) throw new AppError('NOT_FOUND', M.versionNotFound())
    return row
  }

  /** A pending version discarded (by the user, or replaced by a newer upload): its lines go, the row stays. */
  async function discardInTrx(
    trx: Executor,
    actor: Actor,
    row: repo.AnnexImportRow,
    reason: 'user' | 'replaced',
  ) {
    await repo.deleteLines(trx, actor.orgId, row.id)
    const updated = await repo.setImportStatus(trx, actor.orgId, row.id, {
      status: 'discarded',
      discarded_by: userId(actor),
      discarded_at: clock(),
    })
    await writeAudit(trx, actor, {
      action: 'annex_import.discarded',
      module: MODULE,
      entityType: ENTITY,
      entityId: row.id,
      changes: [{ field: 'status', old: row.status, new: 'discarded' }],
      data: { workOrderId: row.work_order_id, version: row.version, reason },
    })
    return updated
  }

  return {
    db,
    clock,
    files,
    userId,
    requireWorkOrder,
    lockWorkOrder,
    userNames,
    toDetail,
    loadImport,
    discardInTrx,
  }
}
