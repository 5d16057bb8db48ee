import type { TProposalStatus } from '@faena/contracts'

/**
 * Header status transitions (docs/proposals.md):
 *
 *   active      → in_progress | cancelled | suspended
 *   in_progress → finished | cancelled | suspended
 *   suspended   → active | in_progress | cancelled
 *   finished, cancelled: final
 *
 * Moving to cancelled or suspended needs a reason.
 */
export const PROPOSAL_TRANSITIONS: Readonly<Record<TProposalStatus, readonly TProposalStatus[]>> = {
  active: ['in_progress', 'cancelled', 'suspended'],
  in_progress: ['finished', 'cancelled', 'suspended'],
  suspended: ['active', 'in_progress', 'cancelled'],
  finished: [],
  cancelled: [],
}

export const REASON_REQUIRED_STATUSES: readonly TProposalStatus[] = ['cancelled', 'suspended']

/** Statuses in which a proposal accepts no more step changes. */
export const FINAL_PROPOSAL_STATUSES: readonly TProposalStatus[] = ['finished', 'cancelled']

export const allowedTransitions = (from: TProposalStatus): TProposalStatus[] => [
  ...PROPOSAL_TRANSITIONS[from],
]

export const canTransition = (from: TProposalStatus, to: TProposalStatus): boolean =>
  PROPOSAL_TRANSITIONS[from].includes(to)

export const reasonRequired = (to: TProposalStatus): boolean => REASON_REQUIRED_STATUSES.includes(to)

export const isFinalStatus = (status: TProposalStatus): boolean => FINAL_PROPOSAL_STATUSES.includes(status)

export type TransitionCheck = { ok: true } | { ok: false; error: 'invalid_transition' | 'reason_required' }

/** Checks a requested header status change: the transition first, then the reason. */
export function checkTransition(
  from: TProposalStatus,
  to: TProposalStatus,
  reason: string | null | undefined,
): TransitionCheck {
  if (!canTransition(from, to)) return { ok: false, error: 'invalid_transition' }
  if (reasonRequired(to) && !reason?.trim()) return { ok: false, error: 'reason_required' }
  return { ok: true }
}

/** A proposal is past due when its delivery date is before today and it is neither finished nor cancelled. */
export const isProposalOverdue = (
  p: { status: TProposalStatus; deliveryDate: string },
  today: string,
): boolean => p.deliveryDate < today && !isFinalStatus(p.status)
