/**
 * The notice of a work order's status change (docs/platform.md#notifications): written with `notify` in the
 * change's transaction to the users responsible for its steps and its project manager's linked user, never to
 * the person who made the change; the e-mail, for those who asked, goes by job.
 */
import type { TWorkOrderStatus } from '@faena/contracts'
import { isSystemActor, type Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import type { NotifyFn } from '../../platform/notifications'
import { linkedUsersOfProjectManagers } from '../catalogs'
import { labelsIn } from '../../platform/i18n/export-texts'
import { STATUS } from './work-orders-export'
import * as repo from './work-orders.repository'

const STATUS_ES = labelsIn(STATUS, 'es')
const STATUS_EN = labelsIn(STATUS, 'en')

export type StatusChange = {
  workOrder: {
    id: string
    number: string
    type: string
    reprogramming_number: number | null
    description: string
    project_manager_id: string
  }
  from: TWorkOrderStatus
  to: TWorkOrderStatus
  reason: string | null
  at: Date
}

export async function notifyStatusChange(trx: Executor, notify: NotifyFn, actor: Actor, c: StatusChange) {
  const wo = c.workOrder
  const recipients = new Set(await repo.stepResponsibleUserIds(trx, actor.orgId, [wo.id]))
  const manager = (await linkedUsersOfProjectManagers(trx, actor.orgId, [wo.project_manager_id])).get(
    wo.project_manager_id,
  )
  if (manager) recipients.add(manager)
  if (recipients.size === 0) return 0
  const number = wo.type === 'reprogramming' ? `${wo.number} R${wo.reprogramming_number}` : wo.number
  const reason = c.reason ? ` (${c.reason})` : ''
  return notify(trx, {
    orgId: actor.orgId,
    to: { userIds: [...recipients], exceptUserId: isSystemActor(actor) ? null : actor.userId },
    kind: 'work_order.status_changed',
    title: {
      es: `La OT ${number} pasó de ${STATUS_ES[c.from]} a ${STATUS_ES[c.to]}${reason}`,
      en: `Work order ${number} went from ${STATUS_EN[c.from]} to ${STATUS_EN[c.to]}${reason}`,
    },
    body: { es: wo.description, en: wo.description },
    link: `/work-orders/${wo.id}`,
    dedupeKey: `work_order.status_changed:${wo.id}:${c.at.toISOString()}`,
  })
}
