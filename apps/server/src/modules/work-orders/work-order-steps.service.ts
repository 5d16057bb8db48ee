import type { TUpdateStepRequest, TWorkOrderDetail } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import { AppError } from '../../platform/errors'
import {
  assignmentNotice,
  autoCompleteParents,
  checkResponsibleUser,
  newlyAssignedUser,
  resolveStepPatch,
  STEP_FIELDS,
  stepSnapshot,
} from '../proposals'
import { ENTITY, MODULE } from './work-orders.records'
import * as repo from './work-orders.repository'
import type { WorkOrdersContext } from './work-orders.context'
import { workOrdersMessages as M } from './work-orders.messages'

/** Editing a work order's steps (docs/work-orders.md#steps-and-progress). */
export function createWorkOrderStepUseCases(ctx: WorkOrdersContext) {
  const { clock, inTransaction, readDetail, loadVisible, notify } = ctx

  /**
   * Edits one step, as proposal steps: completing it stamps the completion date (today unless given), leaving
   * `completed` clears it; then open parents complete by themselves when all their sub-steps are done.
   * A new responsible user (active, of the organization) is told in the bell, unless they assigned themselves.
   * Steps of a cancelled work order do not change.
   */
  async function updateStep(
    actor: Actor,
    id: string,
    stepId: string,
    patch: TUpdateStepRequest,
  ): Promise<TWorkOrderDetail> {
    requireAccess(actor, 'workOrder.update')
    return inTransaction(actor, async (trx, day) => {
      const order = await loadVisible(trx, actor, id, { forUpdate: true })
      if (order.status === 'cancelled') {
        throw new AppError('INVALID_STATE', M.cancelledSteps(), {
          status: order.status,
        })
      }
      const before = await repo.findStep(trx, actor.orgId, id, stepId)
      if (!before) throw new AppError('NOT_FOUND', M.stepNotFound())
      await checkResponsibleUser(trx, actor.orgId, patch)
      const values = resolveStepPatch(
        patch,
        {
          status: before.status,
          keptCompletedDate: before.status === 'completed' ? before.completed_date : null,
        },
        day,
      )
      const after = await repo.updateStep(trx, actor.orgId, stepId, { ...values, updated_at: clock() })
      const changes = diffFields(stepSnapshot(before), stepSnapshot(after), STEP_FIELDS)
      if (changes.length === 0) return readDetail(trx, actor, order, day)
      await writeAudit(trx, actor, {
        action: 'work_order.step_updated',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes,
        data: { stepId, stepName: after.name },
      })
      const assignee = newlyAssignedUser(patch, before.responsible_user_id)
      if (assignee) {
        await notify(
          trx,
          assignmentNotice(actor, assignee, {
            kind: 'workOrder',
            recordId: id,
            recordNumber:
              order.type === 'reprogramming'
                ? `${order.number} R${order.reprogramming_number}`
                : order.number,
            description: order.description,
            stepId,
            stepName: after.name,
            stepVersion: before.updated_at,
          }),
        )
      }
      await autoCompleteParents(after.status !== before.status ? after.parent_id : null, {
        loadStep: (parentId) => repo.findStep(trx, actor.orgId, id, parentId),
        subStepStatuses: async (parentId) => await repo.listSubStepStatuses(trx, actor.orgId, parentId),
        complete: async (parent) => {
          const done = await repo.updateStep(trx, actor.orgId, parent.id, {
            status: 'completed',
            completed_date: day,
            updated_at: clock(),
          })
          await writeAudit(trx, actor, {
            action: 'work_order.step_auto_completed',
            module: MODULE,
            entityType: ENTITY,
            entityId: id,
            changes: diffFields(stepSnapshot(parent), stepSnapshot(done), STEP_FIELDS),
            data: {
              stepId: parent.id,
              stepName: parent.name,
              triggeredBy: stepId,
              reason: 'all sub-steps done',
            },
          })
          return done
        },
      })
      const touched = await repo.updateWorkOrder(trx, actor.orgId, id, { updated_at: clock() })
      return readDetail(trx, actor, touched, day)
    })
  }

  return { updateStep }
}
