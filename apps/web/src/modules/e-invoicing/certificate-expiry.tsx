import { useTranslation } from 'react-i18next'
import type { TEInvoicingSettings } from '@faena/contracts'
import { StatusBadge } from '../../platform/components'
import { useFormat } from '../../platform/session'

const DAY_MS = 86_400_000
/** under this many days left, the expiry is shown in a warning tone */
export const EXPIRY_WARNING_DAYS = 30

/** Whole days from `now` until `expiresAt` (0 on the last day, negative once past). */
export const daysLeft = (expiresAt: string, now: Date) =>
  Math.floor((new Date(expiresAt).getTime() - now.getTime()) / DAY_MS)

/** The signing certificate's expiry with the days left; warning tone under 30 days, danger once expired. */
export const CertificateExpiry = ({ certificate }: { certificate: TEInvoicingSettings['certificate'] }) => {
  const { t } = useTranslation('e-invoicing')
  const fmt = useFormat()
  const days = daysLeft(certificate.expiresAt, new Date())
  const warn = !certificate.expired && days < EXPIRY_WARNING_DAYS
  return (
    <span className="einv-expiry" data-testid="e-invoicing-expiry">
      {fmt.dateTime(certificate.expiresAt)}
      {certificate.expired ? (
        <StatusBadge tone="danger">{t('settings.expired')}</StatusBadge>
      ) : (
        <>
          <span className={warn ? 'einv-days einv-days--warn' : 'einv-days'}>
            {t('settings.daysLeft', { count: Math.max(days, 0) })}
          </span>
          {warn ? <StatusBadge tone="warning">{t('settings.expiresSoon')}</StatusBadge> : null}
        </>
      )}
    </span>
  )
}
