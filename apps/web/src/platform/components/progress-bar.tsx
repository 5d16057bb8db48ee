import { useTranslation } from 'react-i18next'
import { useFormat } from '../session'

export type ProgressBarProps = {
  /** 0–100; values outside are clamped. `null` shows an indeterminate bar. */
  value: number | null
  label?: string
  /** Shows the percentage next to the bar. */
  showValue?: boolean
}

export const ProgressBar = ({ value, label, showValue = true }: ProgressBarProps) => {
  const { t } = useTranslation()
  const fmt = useFormat()
  const v = value === null ? null : Math.max(0, Math.min(100, Math.round(value)))
  const name = label ?? t('common.progress')
  return (
    <div className="progress">
      <div
        className={v === null ? 'progress__track progress__track--indeterminate' : 'progress__track'}
        role="progressbar"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={v ?? undefined}
      >
        <div className="progress__bar" style={v === null ? undefined : { width: `${v}%` }} />
      </div>
      {showValue && v !== null ? <span className="progress__value">{fmt.percent(v, { ratio: false, maxFractionDigits: 0 })}</span> : null}
    </div>
  )
}
