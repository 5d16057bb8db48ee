/** Small presentational pieces and helpers shared by the rental projects screens. */
import { useTranslation } from 'react-i18next'
import type { TRentalAssignment, TRentalAvailability, TRentalCondition } from '@faena/contracts'
import { WEEKDAY_KEYS } from '@faena/contracts'
import { StatusBadge, type StatusTone } from '../../platform/components'
import { errorMessage, errorReference } from '../../platform/errors'
import './rental-projects.css'

export const CONDITION_TONE: Record<TRentalCondition, StatusTone> = {
  operative: 'success',
  in_repair: 'warning',
  damaged: 'danger',
  retired: 'neutral',
}

export const ConditionBadge = ({ condition }: { condition: TRentalCondition }) => {
  const { t } = useTranslation('rental-projects')
  return <StatusBadge tone={CONDITION_TONE[condition]}>{t(`condition.${condition}`)}</StatusBadge>
}

export const AvailabilityBadge = ({ availability }: { availability: TRentalAvailability }) => {
  const { t } = useTranslation('rental-projects')
  return (
    <StatusBadge tone={availability === 'rented' ? 'info' : 'neutral'}>
      {t(`availability.${availability}`)}
    </StatusBadge>
  )
}

export const ProjectStatusBadge = ({ closed }: { closed: boolean }) => {
  const { t } = useTranslation('rental-projects')
  return (
    <StatusBadge tone={closed ? 'neutral' : 'success'}>
      {closed ? t('common.closed') : t('common.open')}
    </StatusBadge>
  )
}

export const ReviewBadge = ({ note }: { note: string }) => {
  const { t } = useTranslation('rental-projects')
  return (
    <span title={note}>
      <StatusBadge tone="warning">{t('common.reviewPending')}</StatusBadge>
    </span>
  )
}

/** "Cada lunes y jueves", "Los días 1 y 15 de cada mes", "Todos los días". */
export const useFrequencyText = () => {
  const { t, i18n } = useTranslation('rental-projects')
  const list = (items: string[]) =>
    new Intl.ListFormat(i18n.language === 'en' ? 'en' : 'es', { type: 'conjunction' }).format(items)
  return (a: Pick<TRentalAssignment, 'frequency' | 'weekdays' | 'monthdays'>) => {
    if (a.frequency === 'weekdays') {
      return t('frequencyText.weekdays', {
        days: list(a.weekdays.map((d) => t(`weekdaysLong.${WEEKDAY_KEYS[d] ?? 'mon'}`))),
      })
    }
    if (a.frequency === 'monthdays')
      return t('frequencyText.monthdays', { days: list(a.monthdays.map(String)) })
    return t('frequencyText.daily')
  }
}

/** The calendar date (`YYYY-MM-DD`) of now in a time zone (the organization's "today"). */
export const todayIn = (timeZone: string, now = new Date()): string => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** An error as one line for a form: message and reference. */
export const errorLine = (e: unknown, refLabel: (id: string) => string): string => {
  const ref = errorReference(e)
  return errorMessage(e) + (ref ? ` · ${refLabel(ref)}` : '')
}

/** `''` → null for optional text fields sent to the API. */
export const orNull = (s: string | null | undefined): string | null => {
  const v = (s ?? '').trim()
  return v === '' ? null : v
}
