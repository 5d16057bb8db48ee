/** Small presentational pieces shared by the proposals screens. */
import { useTranslation } from 'react-i18next'
import type { TProposalPriority, TProposalStatus, TStepStatus } from '@faena/contracts'
import { BandedProgress, StatusBadge, type StatusTone } from '../../platform/components'
import './proposals.css'

export const STATUS_TONE: Record<TProposalStatus, StatusTone> = {
  active: 'info',
  in_progress: 'warning',
  finished: 'success',
  cancelled: 'danger',
  suspended: 'neutral',
}

export const STEP_STATUS_TONE: Record<TStepStatus, StatusTone> = {
  pending: 'neutral',
  in_progress: 'info',
  completed: 'success',
  cancelled: 'danger',
  not_applicable: 'neutral',
}

export const PRIORITY_TONE: Record<TProposalPriority, StatusTone> = {
  low: 'neutral',
  medium: 'info',
  high: 'warning',
  urgent: 'danger',
}

export const StatusPill = ({ status }: { status: TProposalStatus }) => {
  const { t } = useTranslation('proposals')
  return <StatusBadge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</StatusBadge>
}

export const PriorityPill = ({ priority }: { priority: TProposalPriority }) => {
  const { t } = useTranslation('proposals')
  return (
    <span className={`pte-priority pte-priority--${priority}`}>
      <StatusBadge tone={PRIORITY_TONE[priority]}>{t(`priority.${priority}`)}</StatusBadge>
    </span>
  )
}

export const OverdueBadge = ({ label }: { label?: string }) => {
  const { t } = useTranslation('proposals')
  return (
    <span className="pte-overdue-badge">
      <StatusBadge tone="danger">{label ?? t('badges.overdue')}</StatusBadge>
    </span>
  )
}

/** The platform progress bar coloured by band. */
export const PteProgress = ({
  value,
  label,
  size = 'md',
}: {
  value: number
  label: string
  size?: 'sm' | 'md' | 'lg'
}) => <BandedProgress value={value} label={label} size={size} className="pte-progress" />
