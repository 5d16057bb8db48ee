import type { TUpdateWorkOrderRequest, TWorkOrderDetail } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import { notifyStatusChange } from './work-order-notices'
import { actualEndAfter, reasonRequired } from './work-order-rules'
import { AUDIT_FIELDS, ENTITY, MODULE, snapshot } from './work-orders.records'
import * as repo from './work-orders.repository'
import type { WorkOrdersContext } from './work-orders.context'

/**
 * Changing a work order: its fields and status (reason, real end, audit) (docs/work-orders.md#statuses); its
 * steps are in work-order-steps.service.ts.
 */
export function createWorkOrderUpdateUseCases(ctx: WorkOrdersContext) {
  const { clock, inTransaction, readDetail, loadVisible, checkRefs, checkNumberFree, statusReasonError } = ctx

  async function updateWorkOrder(
    actor: Actor,
    id: string,
    patch: TUpdateWorkOrderRequest,
  ): Promise<TWorkOrderDetail> {
    requireAccess(actor, 'workOrder.update')
    return inTransaction(actor, async (trx, day) => {
      const before = await loadVisible(trx, actor, id, { forUpdate: true })
      const from = before.status
      const to = patch.status ?? from
      const statusChanged = to !== from
      const reason =
        patch.statusReason === undefined
          ? statusChanged
            ? null
            : before.status_reason
          : patch.statusReason?.trim() || null
      if (statusChanged && reasonRequired(to) && !reason) throw statusReasonError(to)
      const actualEnd = actualEndAfter({
        from,
        to,
        current: before.actual_end,
        given: patch.actualEnd,
        today: day,
      })
      const pick = <T>(v: T | undefined, current: T) => (v === undefined ? current : v)
      const requiresYardPhase = pick(patch.requiresYardPhase, before.requires_yard_phase)
      const values = {
        number: pick(patch.number, before.number),
        official_document:
          patch.officialDocument === undefined ? before.official_document : patch.officialDocument || null,
        client_representative:
          patch.clientRepresentative === undefined
            ? before.client_representative
            : patch.clientRepresentative || null,
        description: pick(patch.description, before.description),
        comment: patch.comment === undefined ? before.comment : patch.comment || null,
        status: to,
        status_reason: reason,
        project_manager_id: pick(patch.projectManagerId, before.project_manager_id),
        duration_days: pick(patch.durationDays, before.duration_days),
        planned_start: pick(patch.plannedStart, before.planned_start),
        planned_end: pick(patch.plannedEnd, before.planned_end),
        actual_start: pick(patch.actualStart, before.actual_start),
        actual_end: actualEnd,
        front_id: pick(patch.frontId, before.front_id),
        vessel_id: pick(patch.vesselId, before.vessel_id),
        platform_id: pick(patch.platformId, before.platform_id),
        yard_id: pick(patch.yardId, before.yard_id),
        interconnection_id: pick(patch.interconnectionId, before.interconnection_id),
        amount_mxn: pick(patch.amountMxn, before.amount_mxn),
        amount_usd: pick(patch.amountUsd, before.amount_usd),
        requires_yard_phase: requiresYardPhase,
        yard_start: requiresYardPhase ? pick(patch.yardStart, before.yard_start) : null,
        yard_end: requiresYardPhase ? pick(patch.yardEnd, before.yard_end) : null,
      }
      const changed = new Set(
        Object.entries(patch)
          .filter(([, v]) => v !== undefined)
          .map(([k]) => k),
      )
      await checkRefs(
        trx,
        actor.orgId,
        {
          clientId: before.client_id,
          projectManagerId: values.project_manager_id,
          frontId: values.front_id,
          siteIds: {
            vesselId: values.vessel_id,
            platformId: values.platform_id,
            yardId: values.yard_id,
            interconnectionId: values.interconnection_id,
          },
          requiresYardPhase,
          yardStart: values.yard_start,
          yardEnd: values.yard_end,
          plannedStart: values.planned_start,
          plannedEnd: values.planned_end,
          actualStart: values.actual_start,
          actualEnd: values.actual_end,
        },
        changed,
      )
      if (
        before.type === 'initial' &&
        patch.number !== undefined &&
        patch.number.trim().toLowerCase() !== before.number.trim().toLowerCase()
      ) {
        await checkNumberFree(trx, actor.orgId, patch.number, before.id)
      }
      const next = snapshot({ ...before, ...values })
      const changes = diffFields(snapshot(before), next, AUDIT_FIELDS)
      if (changes.length === 0) return readDetail(trx, actor, before, day)
      const after = await repo.updateWorkOrder(trx, actor.orgId, id, {
        ...values,
        ...(statusChanged ? { status_changed_at: clock() } : {}),
        updated_at: clock(),
      })
      await writeAudit(trx, actor, {
        action: statusChanged ? 'work_order.status_changed' : 'work_order.updated',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes,
        ...(statusChanged ? { data: { from, to, reason } } : {}),
      })
      if (statusChanged)
        await notifyStatusChange(trx, ctx.notify, actor, {
          workOrder: after,
          from,
          to,
          reason,
          at: after.status_changed_at ?? clock(),
        })
      return readDetail(trx, actor, after, day)
    })
  }

  return { updateWorkOrder }
}
