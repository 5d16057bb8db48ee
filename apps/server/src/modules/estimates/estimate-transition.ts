/**
 * One status change of an estimate (docs/estimates.md#workflow-and-permissions): in one transaction the estimate
 * is locked, its family serialized, the change made, audited (status and rate old → new) and announced; the
 * estimate is answered as it is after the change.
 */
import type { TEstimate } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { AuditChange } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { toEstimate } from './estimate-view'
import type { EstimatesContext } from './estimates.context'
import type * as repo from './estimates.repository'

export type TransitionStep = (
  trx: Executor,
  row: repo.EstimateRow,
) => Promise<{ action: string; data?: Record<string, unknown>; changes?: AuditChange[] }>

export function createTransition(ctx: EstimatesContext) {
  return async function transition(actor: Actor, id: string, run: TransitionStep): Promise<TEstimate> {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await ctx.loadEstimate(trx, actor.orgId, id, true)
      await ctx.lockFamily(trx, row.family_id)
      const { action, data, changes: extra = [] } = await run(trx, row)
      const after = await ctx.loadEstimate(trx, actor.orgId, id)
      const changes: AuditChange[] = [{ field: 'status', old: row.status, new: after.status }, ...extra]
      if (row.exchange_rate !== after.exchange_rate)
        changes.push({ field: 'exchangeRate', old: row.exchange_rate, new: after.exchange_rate })
      await ctx.audit(trx, actor, { id, number: row.number, familyId: row.family_id }, action, changes, data)
      await ctx.announce(trx, actor, after, action)
    })
    return toEstimate(ctx, ctx.db, await ctx.loadEstimate(ctx.db, actor.orgId, id))
  }
}
