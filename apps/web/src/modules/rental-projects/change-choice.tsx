import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../platform/components'
import { isApiError } from '../../platform/api'
import { useFormat } from '../../platform/session'

export type ChangeOptions = { effectiveFrom?: 'firstOpenDay'; confirmDropManualDays?: boolean }
type PendingChoice = {
  reason: 'frozenPeriod' | 'manualDays'
  message: string
  firstOpenDay: string | null
  /** the choices already made for this change (a second 409 keeps them) */
  chosen: ChangeOptions
}

/**
 * The server's 409 for a change that touches a liquidated or invoiced period (`frozenPeriod`) or drops manual
 * billing days (`manualDays`) becomes a choice for the user (docs/rental-projects.md#frozen-billing-periods):
 * apply from the first open day, or drop the manual days. Nothing is resent without it.
 */
export const useChangeChoice = () => {
  const [pending, setPending] = useState<PendingChoice | null>(null)
  return {
    pending,
    clear: () => setPending(null),
    /** true when the error is such a 409 (the panel then shows it); `chosen` = the options sent */
    offer: (e: unknown, chosen: ChangeOptions = {}): boolean => {
      const info = isApiError(e) && e.status === 409 ? e.info : undefined
      const reason = info?.reason
      if (reason === 'manualDays' || (reason === 'frozenPeriod' && info?.firstOpenDayPossible !== false)) {
        setPending({
          reason,
          message: (e as Error).message,
          firstOpenDay: typeof info?.firstOpenDay === 'string' ? info.firstOpenDay : null,
          chosen,
        })
        return true
      }
      return false
    },
  }
}

export const ChangeChoicePanel = ({
  choice,
  onChoose,
  fromOpenDayKey = 'conflict.fromOpenDay',
}: {
  choice: ReturnType<typeof useChangeChoice>
  onChoose: (options: ChangeOptions) => void
  /** the label of the "from the first open day" choice ({{date}} = that day) */
  fromOpenDayKey?: 'conflict.fromOpenDay' | 'remove.retireInstead'
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const fmt = useFormat()
  const { pending } = choice
  if (!pending) return null
  const options: ChangeOptions = {
    ...pending.chosen,
    ...(pending.reason === 'frozenPeriod'
      ? { effectiveFrom: 'firstOpenDay' as const }
      : { confirmDropManualDays: true }),
  }
  return (
    <div className="form-error rp-choice" role="alert" data-testid="assignment-change-choice">
      <p>{pending.message}</p>
      <Button variant="primary" onClick={() => onChoose(options)} data-testid="assignment-change-confirm">
        {pending.reason === 'frozenPeriod'
          ? t(fromOpenDayKey, { date: pending.firstOpenDay ? fmt.date(pending.firstOpenDay) : '' })
          : t('conflict.dropDays')}
      </Button>
    </div>
  )
}
