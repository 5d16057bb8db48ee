/** Small presentational pieces shared by the billing sheet screens. */
import { useTranslation } from 'react-i18next'
import type { TBillingSheetStatus } from '@faena/contracts'
import { StatusBadge, type StatusTone } from '../../platform/components'
import './rental-billing.css'

export const SHEET_STATUS_TONE: Record<TBillingSheetStatus, StatusTone> = {
  in_progress: 'warning',
  liquidated: 'info',
  invoiced: 'success',
  cancelled: 'danger',
}

export const SheetStatusPill = ({ status }: { status: TBillingSheetStatus }) => {
  const { t } = useTranslation('rental-billing')
  return <StatusBadge tone={SHEET_STATUS_TONE[status]}>{t(`status.${status}`)}</StatusBadge>
}

/** Every date of a period, inclusive (UTC calendar arithmetic). */
export const periodDates = (start: string, end: string): string[] => {
  const out: string[] = []
  const d = new Date(`${start}T00:00:00Z`)
  const stop = new Date(`${end}T00:00:00Z`).getTime()
  while (d.getTime() <= stop && out.length < 400) {
    out.push(d.toISOString().slice(0, 10))
    d.setUTCDate(d.getUTCDate() + 1)
  }
  return out
}
