import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { CommitDateInput } from './date-input'

export type DateRangeFilterProps = {
  /** Group label; each input is named "<label>: From" / "<label>: To". */
  label: string
  from: string | undefined
  to: string | undefined
  onFromChange: (value: string | undefined) => void
  onToChange: (value: string | undefined) => void
  /**
   * `commit` (default): inputs apply the date once complete (see CommitDateInput), after `delay` ms
   * without leaving the field when given. `immediate`: plain date inputs that apply on every change.
   */
  mode?: 'commit' | 'immediate'
  delay?: number
  /** Class of the row holding both inputs. */
  className?: string
}

/** A "from – to" date filter for a FilterBar; the values live in the list URL. */
export const DateRangeFilter = ({
  label,
  from,
  to,
  onFromChange,
  onToChange,
  mode = 'commit',
  delay,
  className = 'date-range',
}: DateRangeFilterProps) => {
  const { t } = useTranslation()
  const id = useId()
  const fromLabel = `${label}: ${t('filters.from')}`
  const toLabel = `${label}: ${t('filters.to')}`
  return (
    <div className="filter" role="group" aria-labelledby={`${id}-dates`}>
      <span id={`${id}-dates`} className="filter__label">
        {label}
      </span>
      <div className={className}>
        {mode === 'immediate' ? (
          <>
            <input
              type="date"
              className="input"
              aria-label={fromLabel}
              value={from ?? ''}
              max={to}
              onChange={(e) => onFromChange(e.target.value || undefined)}
            />
            <span aria-hidden="true">–</span>
            <input
              type="date"
              className="input"
              aria-label={toLabel}
              value={to ?? ''}
              min={from}
              onChange={(e) => onToChange(e.target.value || undefined)}
            />
          </>
        ) : (
          <>
            <CommitDateInput
              className="input"
              aria-label={fromLabel}
              value={from ?? ''}
              max={to}
              delay={delay}
              onCommit={(v) => onFromChange(v || undefined)}
            />
            <span aria-hidden="true">–</span>
            <CommitDateInput
              className="input"
              aria-label={toLabel}
              value={to ?? ''}
              min={from}
              delay={delay}
              onCommit={(v) => onToChange(v || undefined)}
            />
          </>
        )}
      </div>
    </div>
  )
}
