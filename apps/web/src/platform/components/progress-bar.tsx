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
      {showValue && v !== null ? (
        <span className="progress__value">{fmt.percent(v, { ratio: false, maxFractionDigits: 0 })}</span>
      ) : null}
    </div>
  )
}

/** Colour band of a progress value: under 25 orange, under 75 yellow, otherwise green. */
export const progressBand = (value: number): 'low' | 'mid' | 'high' =>
  value < 25 ? 'low' : value < 75 ? 'mid' : 'high'

export type BandedProgressProps = ProgressBarProps & {
  /** `sm` for table cells, `lg` for a detail header. */
  size?: 'sm' | 'md' | 'lg'
  /** One colour (the primary) instead of the band, e.g. elapsed time. */
  plain?: boolean
  /** Extra class on the wrapper (module-specific layout). */
  className?: string
}

/** The progress bar coloured by band (`data-band`), in three sizes. */
export const BandedProgress = ({ size = 'md', plain = false, className, ...bar }: BandedProgressProps) => {
  const band = plain ? undefined : progressBand(bar.value ?? 0)
  return (
    <div
      className={[
        'progress-banded',
        band ? `progress-banded--${band}` : '',
        `progress-banded--${size}`,
        className ?? '',
      ]
        .filter(Boolean)
        .join(' ')}
      data-band={band}
    >
      <ProgressBar {...bar} />
    </div>
  )
}
