import { useTranslation } from 'react-i18next'
import type { TEstimateStatus } from '@faena/contracts'
import { Filter, StatusBadge, type StatusTone } from '../../platform/components'

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

/** The work-order (family) filter of the estimates list and reports: every family, or one. */
export const FamilyFilter = ({
  id,
  label,
  allLabel,
  families,
  value,
  onChange,
}: {
  id: string
  label: string
  allLabel: string
  families: readonly { id: string; number: string }[]
  value: string | undefined
  onChange: (workOrderId: string | undefined) => void
}) => (
  <Filter label={label} htmlFor={id}>
    <select
      id={id}
      className="input"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <option value="">{allLabel}</option>
      {families.map((w) => (
        <option key={w.id} value={w.id}>
          {w.number}
        </option>
      ))}
    </select>
  </Filter>
)
