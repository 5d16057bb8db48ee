import { useTranslation } from 'react-i18next'
import type { TEstimateStatus } from '@faena/contracts'
import { StatusBadge, type StatusTone } from '../../platform/components'

const TONES: Record<TEstimateStatus, StatusTone> = {
  draft: 'neutral',
  in_review: 'warning',
  submitted: 'info',
  approved: 'success',
  invoiced: 'info',
  paid: 'success',
  cancelled: 'danger',
}

export const EstimateStatusBadge = ({ status }: { status: TEstimateStatus }) => {
  const { t } = useTranslation('estimates')
  return <StatusBadge tone={TONES[status]}>{t(`status.${status}`)}</StatusBadge>
}
