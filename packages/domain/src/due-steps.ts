/**
 * Which steps of a proposal or a work order the due and overdue notices look at (docs/platform.md#due-and-overdue):
 * a step still to do (not completed, not applicable, not cancelled) with a delivery date on or before the scan's
 * horizon. Proposals' and work orders' due readers filter with these in SQL and answer the step part with
 * `dueStepOf`.
 */

/** Step statuses that leave nothing to do: such a step is never due. */
export const STEP_STATUSES_NOT_TO_DO = ['completed', 'not_applicable', 'cancelled'] as const

export const isStepToDo = (status: string): boolean =>
  !(STEP_STATUSES_NOT_TO_DO as readonly string[]).includes(status)

/** A step to do whose delivery date (YYYY-MM-DD) is on or before `until`. */
export const isStepDueBy = (step: { status: string; deliveryDate: string | null }, until: string): boolean =>
  isStepToDo(step.status) && step.deliveryDate !== null && step.deliveryDate <= until

export type DueStep = {
  stepId: string
  stepName: string
  dueDate: string
  responsibleUserId: string | null
}

/** The step part of a due row, read with its delivery date (the due readers select dated steps only). */
export const dueStepOf = (row: {
  id: string
  name: string
  delivery_date: string | null
  responsible_user_id: string | null
}): DueStep => ({
  stepId: row.id,
  stepName: row.name,
  dueDate: row.delivery_date!,
  responsibleUserId: row.responsible_user_id,
})
