import type { TStepStatus } from '@faena/contracts'

/**
 * Proposal progress — the one definition (docs/proposals.md), used by the list, the detail, the export
 * and every response that carries a percentage:
 *
 *   progress = done ÷ counted × 100, rounded half-up to an integer; 0 when nothing is counted.
 *
 * - Every step row counts once: main steps AND sub-steps alike (a parent step is itself a row).
 * - done    = steps whose status is `completed` or `not_applicable`.
 * - counted = steps whose status is not `cancelled` (cancelled steps count in neither side).
 * - Rounding is half-up done with integer maths (no floating point): 1/8 → 12.5 → 13, 5/8 → 62.5 → 63.
 *
 * A parent step's own progress is the same formula over its sub-steps (all descendants), without the parent.
 * The list computes `done`/`counted` in SQL with the two status sets exported here, then calls `percent`.
 */
export const DONE_STEP_STATUSES = ['completed', 'not_applicable'] as const satisfies readonly TStepStatus[]
export const UNCOUNTED_STEP_STATUSES = ['cancelled'] as const satisfies readonly TStepStatus[]

export type ProgressCount = { done: number; counted: number; progress: number }

export const isDoneStep = (status: TStepStatus): boolean =>
  (DONE_STEP_STATUSES as readonly TStepStatus[]).includes(status)
export const isCountedStep = (status: TStepStatus): boolean =>
  !(UNCOUNTED_STEP_STATUSES as readonly TStepStatus[]).includes(status)

/** done ÷ counted × 100 rounded half-up, in integers: floor((200·done + counted) / (2·counted)). */
export function percent(done: number, counted: number): number {
  if (
    !Number.isSafeInteger(done) ||
    !Number.isSafeInteger(counted) ||
    done < 0 ||
    counted < 0 ||
    done > counted
  ) {
    throw new RangeError(`invalid progress counts: ${done}/${counted}`)
  }
  if (counted === 0) return 0
  return Math.floor((200 * done + counted) / (2 * counted))
}

/** Progress over a set of step statuses (every status is one step row). */
export function progressOf(statuses: readonly TStepStatus[]): ProgressCount {
  let done = 0
  let counted = 0
  for (const s of statuses) {
    if (!isCountedStep(s)) continue
    counted++
    if (isDoneStep(s)) done++
  }
  return { done, counted, progress: percent(done, counted) }
}

/** A step as the progress rules see it: its status and its sub-steps. */
export type StepNode = { status: TStepStatus; steps: readonly StepNode[] }

const flatten = (steps: readonly StepNode[]): TStepStatus[] =>
  steps.flatMap((s) => [s.status, ...flatten(s.steps)])

/** Progress of a whole proposal: every step row of the tree, parents and sub-steps alike. */
export const proposalProgress = (steps: readonly StepNode[]): ProgressCount => progressOf(flatten(steps))

/** Progress of a parent step over its sub-steps (all descendants); null for a step without sub-steps. */
export const parentProgress = (step: StepNode): ProgressCount | null =>
  step.steps.length === 0 ? null : progressOf(flatten(step.steps))

/**
 * Parent auto-completion: a parent step that is still open (`pending` or `in_progress`) completes by itself
 * when every one of its sub-steps is done, ignoring cancelled ones, with at least one done.
 * It never reverts automatically; a parent a user set to cancelled or not_applicable is left alone.
 */
export function shouldAutoCompleteParent(
  parentStatus: TStepStatus,
  subStepStatuses: readonly TStepStatus[],
): boolean {
  if (parentStatus !== 'pending' && parentStatus !== 'in_progress') return false
  const counted = subStepStatuses.filter(isCountedStep)
  return counted.length > 0 && counted.every(isDoneStep)
}

/** A step is past due when its delivery date is before today and it is still open. */
export function isStepOverdue(
  step: { status: TStepStatus; deliveryDate: string | null },
  today: string,
): boolean {
  return (
    step.deliveryDate !== null &&
    step.deliveryDate < today &&
    (step.status === 'pending' || step.status === 'in_progress')
  )
}
