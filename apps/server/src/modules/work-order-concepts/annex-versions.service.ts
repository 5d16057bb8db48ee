import type { TAnnexDiff, TAnnexImportDetail } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { dec } from './annex-c-lines'
import { ENTITY, MODULE, type WorkOrderConceptsContext } from './work-order-concepts.context'
import * as repo from './work-order-concepts.repository'
import { workOrderConceptsMessages as M } from './work-order-concepts.messages'

/**
 * What happens to a pending version: confirmed (it becomes the active one, the one before superseded) or
 * discarded (docs/work-order-concepts.md).
 */
export function createAnnexVersionUseCases(ctx: WorkOrderConceptsContext) {
  const { db, clock, userId, requireWorkOrder, lockWorkOrder, toDetail, loadImport, discardInTrx } = ctx

  /**
   * Runs `change` on a version pending confirmation, in one transaction with its work order locked (409 for a
   * version in any other status), and answers the version as it is after.
   */
  async function changePending(
    actor: Actor,
    workOrderId: string,
    importId: string,
    verb: 'confirma' | 'descarta',
    change: (trx: Executor, imp: repo.AnnexImportRow) => Promise<repo.AnnexImportRow>,
  ): Promise<TAnnexImportDetail> {
    await requireWorkOrder(actor, workOrderId, 'concept.import')
    const row = await db.transaction().execute(async (trx) => {
      await lockWorkOrder(trx, actor, workOrderId)
      const imp = await loadImport(trx, actor, workOrderId, importId)
      if (imp.status !== 'pending_confirmation') {
        throw new AppError(
          'INVALID_STATE',
          verb === 'confirma' ? M.onlyPendingConfirmed() : M.onlyPendingDiscarded(),
          {
            status: imp.status,
          },
        )
      }
      return change(trx, imp)
    })
    return toDetail(db, row)
  }

  /** Makes a pending version the active one; the version it was compared with becomes superseded. */
  async function confirmImport(
    actor: Actor,
    workOrderId: string,
    importId: string,
  ): Promise<TAnnexImportDetail> {
    return changePending(actor, workOrderId, importId, 'confirma', async (trx, imp) => {
      const active = await repo.findImportByStatus(trx, actor.orgId, workOrderId, 'active')
      if ((active?.id ?? null) !== imp.base_import_id) {
        throw new AppError('INVALID_STATE', M.activeVersionChanged())
      }
      const now = clock()
      if (active)
        await repo.setImportStatus(trx, actor.orgId, active.id, { status: 'superseded', superseded_at: now })
      const confirmed = await repo.setImportStatus(trx, actor.orgId, imp.id, {
        status: 'active',
        confirmed_by: userId(actor),
        confirmed_at: now,
      })
      const diff = imp.diff as TAnnexDiff
      await writeAudit(trx, actor, {
        action: 'annex_import.confirmed',
        module: MODULE,
        entityType: ENTITY,
        entityId: imp.id,
        changes: [
          { field: 'status', old: 'pending_confirmation', new: 'active' },
          { field: 'activeVersion', old: active?.version ?? null, new: imp.version },
          { field: 'conceptCount', old: active?.concept_count ?? null, new: imp.concept_count },
          {
            field: 'amountMxn',
            old: active ? dec(active.amount_mxn).toFixed() : null,
            new: dec(imp.amount_mxn).toFixed(),
          },
          {
            field: 'amountUsd',
            old: active ? dec(active.amount_usd).toFixed() : null,
            new: dec(imp.amount_usd).toFixed(),
          },
        ],
        data: {
          workOrderId,
          version: imp.version,
          supersededImportId: active?.id ?? null,
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
        },
      })
      return confirmed
    })
  }

  async function discardImport(
    actor: Actor,
    workOrderId: string,
    importId: string,
  ): Promise<TAnnexImportDetail> {
    return changePending(actor, workOrderId, importId, 'descarta', (trx, imp) =>
      discardInTrx(trx, actor, imp, 'user'),
    )
  }

  return { confirmImport, discardImport }
}
