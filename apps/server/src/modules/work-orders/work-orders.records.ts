import crypto from 'node:crypto'
import type { TStepStatus } from '@faena/contracts'
import { copyStepTemplates } from '../proposals'
import { plainAmount } from './work-order-rules'
import type * as repo from './work-orders.repository'

/** What the work-orders use cases share: audit names, the audited snapshot of a row, steps from templates. */

export const MODULE = 'work-orders'
export const ENTITY = 'work_order'
export const PLACEHOLDER = 'POR DEFINIR'

/** The audited fields, by their API names. */
export const AUDIT_FIELDS = [
  'number',
  'officialDocument',
  'clientRepresentative',
  'description',
  'comment',
  'status',
  'statusReason',
  'proposalId',
  'clientId',
  'projectManagerId',
  'durationDays',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'frontId',
  'vesselId',
  'platformId',
  'yardId',
  'interconnectionId',
  'amountMxn',
  'amountUsd',
  'requiresYardPhase',
  'yardStart',
  'yardEnd',
] as const

export const snapshot = (r: repo.WorkOrderRow) => ({
  number: r.number,
  type: r.type,
  reprogrammingNumber: r.reprogramming_number,
  officialDocument: r.official_document,
  clientRepresentative: r.client_representative,
  description: r.description,
  comment: r.comment,
  status: r.status,
  statusReason: r.status_reason,
  proposalId: r.proposal_id,
  clientId: r.client_id,
  projectManagerId: r.project_manager_id,
  durationDays: r.duration_days,
  plannedStart: r.planned_start,
  plannedEnd: r.planned_end,
  actualStart: r.actual_start,
  actualEnd: r.actual_end,
  frontId: r.front_id,
  vesselId: r.vessel_id,
  platformId: r.platform_id,
  yardId: r.yard_id,
  interconnectionId: r.interconnection_id,
  amountMxn: plainAmount(r.amount_mxn),
  amountUsd: plainAmount(r.amount_usd),
  requiresYardPhase: r.requires_yard_phase,
  yardStart: r.yard_start,
  yardEnd: r.yard_end,
})

/**
 * Steps copied from the templates (sub-steps under the copy of their parent), for each work order; a work order
 * may give the status its steps start with (the historical import), else they start pending.
 */
export function stepsFromTemplates(
  templates: readonly { id: string; name: string; position: number; parentId: string | null }[],
  orders: readonly { id: string; status?: TStepStatus; completedDate?: string | null }[],
): repo.StepInsert[] {
  return orders.flatMap((order) => {
    return copyStepTemplates(templates, () => crypto.randomUUID()).map((step) => ({
      id: step.id,
      work_order_id: order.id,
      parent_id: step.parent_id,
      template_id: step.template_id,
      position: step.position,
      name: step.name,
      ...(order.status
        ? {
            status: order.status,
            completed_date: order.status === 'completed' ? (order.completedDate ?? null) : null,
          }
        : {}),
    }))
  })
}
