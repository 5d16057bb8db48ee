import type { TStepStatus, TUpdateStepRequest } from '@faena/contracts'
import { fieldError, validationError } from '../../platform/errors'
import { isStepOverdue, parentProgress, shouldAutoCompleteParent } from './proposal-progress'
import { proposalsMessages as M } from './proposals.messages'

/**
 * Step rules shared by proposal (PTE) and work-order (OT) steps: pure, no SQL. Each module keeps its own
 * step table and repository; these functions only shape and check the data.
 */

/** A step row as both step tables store it (each repository adds its own owner column). */
export type StepRowFields = {
  id: string
  parent_id: string | null
  template_id: string | null
  position: number
  name: string
  status: TStepStatus
  start_date: string | null
  delivery_date: string | null
  completed_date: string | null
  comment: string | null
  responsible_user_id: string | null
}

/** The audited step fields, by their API names (the history names the responsible user through the users). */
export const STEP_FIELDS = [
  'status',
  'startDate',
  'deliveryDate',
  'completedDate',
  'comment',
  'responsibleUserId',
] as const

/** The audited fields of a step row. */
export const stepSnapshot = (
  r: Pick<
    StepRowFields,
    'status' | 'start_date' | 'delivery_date' | 'completed_date' | 'comment' | 'responsible_user_id'
  >,
) => ({
  status: r.status,
  startDate: r.start_date,
  deliveryDate: r.delivery_date,
  completedDate: r.completed_date,
  comment: r.comment,
  responsibleUserId: r.responsible_user_id,
})

/**
 * The user a step edit assigns the step to, when it assigns it to someone new: not when the patch leaves the
 * responsible alone, clears it, or names the one already there. The caller notifies that user (unless it is
 * the caller).
 */
export function newlyAssignedUser(
  patch: Pick<TUpdateStepRequest, 'responsibleUserId'>,
  before: string | null,
): string | null {
  const next = patch.responsibleUserId
  return next && next !== before ? next : null
}

/** The column values of a step edit (without `updated_at`). */
export type StepPatchValues = {
  status: TStepStatus
  completed_date: string | null
  start_date?: string | null
  delivery_date?: string | null
  comment?: string | null
  responsible_user_id?: string | null
}

/**
 * A step edit → the values to store. Completing a step stamps the completion date: the one given, else the
 * completion date it keeps (`keptCompletedDate`, as the caller's rule defines it), else `today`; leaving
 * `completed` clears it. A completed step without a date, or a date on a step that is not completed, is a
 * validation error on `completedDate`.
 */
export function resolveStepPatch(
  patch: TUpdateStepRequest,
  current: { status: TStepStatus; keptCompletedDate: string | null },
  today: string,
): StepPatchValues {
  const status = patch.status ?? current.status
  let completedDate: string | null
  if (status === 'completed') {
    if (patch.completedDate === null) {
      throw validationError(M.invalidCompletedDate(), [fieldError('completedDate', M.completedNeedsDate())])
    }
    completedDate = patch.completedDate ?? current.keptCompletedDate ?? today
  } else {
    if (patch.completedDate) {
      throw validationError(M.invalidCompletedDate(), [fieldError('completedDate', M.onlyCompletedHasDate())])
    }
    completedDate = null
  }
  return {
    status,
    completed_date: completedDate,
    ...(patch.startDate !== undefined ? { start_date: patch.startDate } : {}),
    ...(patch.deliveryDate !== undefined ? { delivery_date: patch.deliveryDate } : {}),
    ...(patch.comment !== undefined ? { comment: patch.comment || null } : {}),
    ...(patch.responsibleUserId !== undefined ? { responsible_user_id: patch.responsibleUserId } : {}),
  }
}

/** A step template as the catalogs give it. */
export type StepTemplate = { id: string; name: string; position: number; parentId: string | null }

/** New step rows copied from templates: template ids → new ids, so sub-steps hang under the copy of their parent. */
export function copyStepTemplates(
  templates: readonly StepTemplate[],
  newId: () => string,
): { id: string; parent_id: string | null; template_id: string; position: number; name: string }[] {
  const idOf = new Map(templates.map((t) => [t.id, newId()]))
  return templates.map((t) => ({
    id: idOf.get(t.id)!,
    parent_id: t.parentId ? (idOf.get(t.parentId) ?? null) : null,
    template_id: t.id,
    position: t.position,
    name: t.name,
  }))
}

/** A node of the step tree of a detail; `E` holds what a module adds to each step (attachments…). */
export type StepTreeNode<E extends object> = {
  id: string
  templateId: string | null
  position: number
  name: string
  status: TStepStatus
  startDate: string | null
  deliveryDate: string | null
  completedDate: string | null
  comment: string | null
  responsibleUser: { id: string; name: string } | null
  overdue: boolean
  progress: number | null
} & E & { steps: StepTreeNode<E>[] }

/**
 * Flat step rows → the tree (sub-steps under their parent), with overdue, the parents' own progress and the
 * responsible users' names (`userNames`: id → name).
 */
export function buildStepTree<E extends object>(
  rows: readonly StepRowFields[],
  today: string,
  extra: (row: StepRowFields) => E,
  userNames: ReadonlyMap<string, string>,
): StepTreeNode<E>[] {
  const nodes = new Map<string, StepTreeNode<E>>()
  for (const r of rows) {
    const status = r.status
    nodes.set(r.id, {
      id: r.id,
      templateId: r.template_id,
      position: r.position,
      name: r.name,
      status,
      startDate: r.start_date,
      deliveryDate: r.delivery_date,
      completedDate: r.completed_date,
      comment: r.comment,
      responsibleUser: r.responsible_user_id
        ? { id: r.responsible_user_id, name: userNames.get(r.responsible_user_id) ?? '' }
        : null,
      overdue: isStepOverdue({ status, deliveryDate: r.delivery_date }, today),
      progress: null,
      ...extra(r),
      steps: [],
    })
  }
  const roots: StepTreeNode<E>[] = []
  for (const r of rows) {
    const node = nodes.get(r.id)!
    const parent = r.parent_id ? nodes.get(r.parent_id) : undefined
    if (parent) parent.steps.push(node)
    else roots.push(node)
  }
  const setProgress = (n: StepTreeNode<E>) => {
    n.steps.forEach(setProgress)
    n.progress = parentProgress(n)?.progress ?? null
  }
  roots.forEach(setProgress)
  return roots
}

/** What the parent walk needs from a module: its step reads and the completion (update and audit). */
export type ParentWalkPorts<S extends { id: string; parent_id: string | null; status: TStepStatus }> = {
  /** The step, or undefined to stop the walk (a loader may throw instead). */
  loadStep(stepId: string): Promise<S | undefined>
  subStepStatuses(stepId: string): Promise<TStepStatus[]>
  /** Completes the parent (stored and audited) and returns it as stored. */
  complete(parent: S): Promise<S>
}

/**
 * Parent auto-completion, walking up from `parentId`: each open parent whose sub-steps are all done
 * (see `shouldAutoCompleteParent`) is completed through `ports.complete`; the walk stops at the first parent
 * that stays open, or at the root.
 */
export async function autoCompleteParents<
  S extends { id: string; parent_id: string | null; status: TStepStatus },
>(parentId: string | null, ports: ParentWalkPorts<S>): Promise<void> {
  let current = parentId
  while (current) {
    const parent = await ports.loadStep(current)
    if (!parent) return
    const subStatuses = await ports.subStepStatuses(parent.id)
    if (!shouldAutoCompleteParent(parent.status, subStatuses)) return
    const after = await ports.complete(parent)
    current = after.parent_id
  }
}
