/** Small presentational pieces shared by the work-order screens. */
import { useTranslation } from 'react-i18next'
import type { TStepStatus, TWorkOrderStatus, TWorkOrderSummary } from '@faena/contracts'
import { BandedProgress, StatusBadge, type StatusTone } from '../../platform/components'
import { useFormat } from '../../platform/session'
import './work-orders.css'

export const STATUS_TONE: Record<TWorkOrderStatus, StatusTone> = {
  assigned: 'info',
  in_execution: 'warning',
  deferred: 'neutral',
  deferred_not_started: 'neutral',
  suspended: 'neutral',
  to_cancel: 'danger',
  cancelled: 'danger',
  finished: 'success',
}

export const STEP_STATUS_TONE: Record<TStepStatus, StatusTone> = {
  pending: 'neutral',
  in_progress: 'info',
  completed: 'success',
  cancelled: 'danger',
  not_applicable: 'neutral',
}

export const StatusPill = ({ status }: { status: TWorkOrderStatus }) => {
  const { t } = useTranslation('work-orders')
  return <StatusBadge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</StatusBadge>
}

const DUE_CLASS = { overdue: 'ot-due--overdue', urgent: 'ot-due--urgent', soon: 'ot-due--soon' } as const

/**
 * Days left to the family's end (docs/work-orders.md#due-bands), coloured by band: red past the end, orange
 * and yellow within the organization's thresholds. A dash without a countdown (finished, cancelled, no end).
 */
export const DueBadge = ({
  w,
}: {
  w: Pick<TWorkOrderSummary, 'remainingDays' | 'dueBand' | 'familyEnd'>
}) => {
  const { t } = useTranslation('work-orders')
  const fmt = useFormat()
  if (w.remainingDays === null) return <span className="muted">—</span>
  const days = w.remainingDays
  const text =
    days < 0
      ? t('due.overdue', { count: -days })
      : days === 0
        ? t('due.today')
        : t('due.remaining', { count: days })
  return (
    <span
      className={`badge ot-due ${w.dueBand ? DUE_CLASS[w.dueBand] : 'badge--neutral'}`}
      title={w.familyEnd ? t('due.familyEnd', { date: fmt.date(w.familyEnd) }) : undefined}
      data-due-band={w.dueBand ?? 'none'}
    >
      {text}
    </span>
  )
}

/** "Inicial" or "Reprogramación N". */
export const TypeLabel = ({ w }: { w: Pick<TWorkOrderSummary, 'type' | 'reprogrammingNumber'> }) => {
  const { t } = useTranslation('work-orders')
  return w.type === 'initial' ? (
    <span className="ot-type muted">{t('type.initial')}</span>
  ) : (
    <span className="ot-type">
      <StatusBadge tone="info">{t('list.reprogrammingN', { n: w.reprogrammingNumber })}</StatusBadge>
    </span>
  )
}

export const OtProgress = ({
  value,
  label,
  size = 'md',
  time = false,
}: {
  value: number | null
  label: string
  size?: 'sm' | 'md' | 'lg'
  /** the time bar has one colour */
  time?: boolean
}) => <BandedProgress value={value} label={label} size={size} plain={time} className="ot-progress" />

/** Both currencies, MXN first; an amount of 0 is shown as a dash. */
export const Amounts = ({ mxn, usd, inline = false }: { mxn: string; usd: string; inline?: boolean }) => {
  const fmt = useFormat()
  const zero = (v: string) => /^0(\.0*)?$/.test(v)
  return (
    <span className={inline ? 'ot-money ot-money--inline' : 'ot-money'}>
      <span>{zero(mxn) ? '—' : fmt.money(mxn, 'MXN')}</span>
      {zero(usd) ? null : <span className="muted">{fmt.money(usd, 'USD')}</span>}
    </span>
  )
}

/** The sites of a work order as "Embarcación: X · Plataforma: Y". */
export const sitesText = (w: Pick<TWorkOrderSummary, 'sites'>, label: (k: string) => string): string =>
  (['vessel', 'platform', 'yard', 'interconnection'] as const)
    .flatMap((k) => {
      const s = w.sites[k]
      return s ? [`${label(k)}: ${s.name}`] : []
    })
    .join(' · ')
