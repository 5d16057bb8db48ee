import type { TUpdateStepRequest } from '@faena/contracts'
import { isSystemActor, type Actor } from '../../platform/access'
import { findActiveUser } from '../../platform/auth/users.repository'
import type { Executor } from '../../platform/db/executor'
import { fieldError, validationError } from '../../platform/errors'
import type { NotificationEvent } from '../../platform/notifications'
import { proposalsMessages as M } from './proposals.messages'

/**
 * A step's responsible user, shared by proposal and work-order steps (docs/proposals.md#steps): the check of
 * the user a patch names, and the notice the assigned person receives.
 */

/** The user a patch names must be an active user of the organization (400 naming `responsibleUserId`). */
export async function checkResponsibleUser(
  trx: Executor,
  orgId: string,
  patch: Pick<TUpdateStepRequest, 'responsibleUserId'>,
) {
  if (!patch.responsibleUserId) return
  if (!(await findActiveUser(trx, orgId, patch.responsibleUserId))) {
    throw validationError(M.invalidResponsible(), [fieldError('responsibleUserId', M.responsibleInactive())])
  }
}

/** What was assigned: a proposal's or a work order's step. */
export type StepAssignment = {
  kind: 'proposal' | 'workOrder'
  recordId: string
  /** the number the person knows the record by (official number of the PTE, number of the OT) */
  recordNumber: string
  description: string
  stepId: string
  stepName: string
  /** the step's `updated_at` before the change: the same assignment of the same version is announced once */
  stepVersion: Date
}

/**
 * The notice for the person a step was just assigned to (never the person who assigned it: assigning oneself
 * tells nobody). Its key is the step, the person and the version of the step the change was made on, so a
 * retried request adds nothing while a later re-assignment to the same person is announced again.
 */
export function assignmentNotice(actor: Actor, assignee: string, a: StepAssignment): NotificationEvent {
  const es = a.kind === 'proposal' ? `la PTE ${a.recordNumber}` : `la OT ${a.recordNumber}`
  const en = a.kind === 'proposal' ? `proposal ${a.recordNumber}` : `work order ${a.recordNumber}`
  const event = a.kind === 'proposal' ? 'proposal.step_assigned' : 'work_order.step_assigned'
  return {
    orgId: actor.orgId,
    to: { userIds: [assignee], exceptUserId: isSystemActor(actor) ? null : actor.userId },
    kind: event,
    title: {
      es: `Te asignaron el paso «${a.stepName}» de ${es}`,
      en: `You were assigned the step "${a.stepName}" of ${en}`,
    },
    body: { es: a.description, en: a.description },
    link: a.kind === 'proposal' ? `/proposals/${a.recordId}` : `/work-orders/${a.recordId}`,
    dedupeKey: `${event}:${a.stepId}:${assignee}:${a.stepVersion.toISOString()}`,
  }
}
