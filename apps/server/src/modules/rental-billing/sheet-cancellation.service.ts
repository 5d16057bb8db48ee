import type { TBillingSheetDetail, TCancelBillingSheetRequest } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import type { RentalBillingContext } from './rental-billing.context'
import * as repo from './rental-billing.repository'

export type CancelSheetOptions = TCancelBillingSheetRequest

/** Cancelling an in-progress or liquidated sheet (docs/rental-billing.md#lifecycle). */
export function createSheetCancellationUseCases(ctx: RentalBillingContext) {
  const { db, clock, documents, userId, scopeOf, loadSheet, requireAction, readDetail, statusChange } = ctx

  /** Cancelling an in-progress or liquidated sheet: it bills nothing and releases its documents. */
  async function cancel(actor: Actor, id: string, input: CancelSheetOptions): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.liquidate')
    return db.transaction().execute(async (trx) => {
      const before = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(before, 'cancel')
      // a cancelled sheet bills nothing: the documents it billed may go to the sheet that replaces it
      await documents.unlinkDocumentsFromSheet(trx, actor, scopeOf(before))
      const now = clock()
      const after = await repo.updateSheet(trx, actor.orgId, id, {
        status: 'cancelled',
        status_reason: input.reason?.trim() || null,
        documents_signature: null,
        cancelled_at: now,
        cancelled_by: userId(actor),
        updated_at: now,
      })
      await statusChange(trx, actor, before, after, 'cancelled', { reason: input.reason?.trim() || null })
      return readDetail(trx, actor, after)
    })
  }

  return { cancel }
}
