/** The frequency of an assignment (daily / weekdays / month days) with its day picker, and its request body. */
import { useTranslation } from 'react-i18next'
import { WEEKDAY_KEYS, type TRentalFrequency } from '@faena/contracts'
import { type FieldErrors } from '../../platform/validation'

const MONTH_DAYS = Array.from({ length: 31 }, (_, i) => i + 1)

/** Toggle buttons for weekdays (0 = Monday) or month days. */
const DayPicker = ({
  kind,
  value,
  onChange,
  labelledBy,
}: {
  kind: 'weekdays' | 'monthdays'
  value: number[]
  onChange: (days: number[]) => void
  labelledBy: string
}) => {
  const { t } = useTranslation('rental-projects')
  const toggle = (d: number) =>
    onChange(value.includes(d) ? value.filter((x) => x !== d) : [...value, d].sort((a, b) => a - b))
  const days = kind === 'weekdays' ? [0, 1, 2, 3, 4, 5, 6] : MONTH_DAYS
  return (
    <div
      className={kind === 'weekdays' ? 'rp-days' : 'rp-days rp-days--month'}
      role="group"
      aria-labelledby={labelledBy}
    >
      {days.map((d) => (
        <button
          key={d}
          type="button"
          className="rp-day"
          aria-pressed={value.includes(d)}
          aria-label={kind === 'weekdays' ? t(`weekdaysLong.${WEEKDAY_KEYS[d]!}`) : String(d)}
          onClick={() => toggle(d)}
        >
          {kind === 'weekdays' ? t(`weekdays.${WEEKDAY_KEYS[d]!}`) : d}
        </button>
      ))}
    </div>
  )
}

/** Frequency radio (daily / weekdays / month days) with its day picker. */
export const FrequencyField = ({
  frequency,
  days,
  onChange,
  errors,
}: {
  frequency: TRentalFrequency
  days: number[]
  onChange: (f: TRentalFrequency, days: number[]) => void
  errors: FieldErrors
}) => {
  const { t } = useTranslation('rental-projects')
  const daysError =
    errors.days ??
    errors.weekdays ??
    errors.monthdays ??
    errors['frequency.days'] ??
    Object.entries(errors).find(([k]) => /^(weekdays|monthdays)\./.test(k))?.[1]
  return (
    <fieldset className="rp-wide field">
      <legend className="field__label">{t('assign.frequency')}</legend>
      <div className="segmented" role="group" aria-label={t('assign.frequency')}>
        {(['daily', 'weekdays', 'monthdays'] as const).map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={frequency === f}
            className="segmented__item"
            onClick={() => onChange(f, f === frequency ? days : [])}
          >
            {t(`frequency.${f}`)}
          </button>
        ))}
      </div>
      {frequency !== 'daily' ? (
        <div className="rp-days-wrap">
          <span id="rp-days-label" className="visually-hidden">
            {t(frequency === 'weekdays' ? 'assign.weekdays' : 'assign.monthdays')}
          </span>
          <DayPicker
            kind={frequency}
            value={days}
            onChange={(d) => onChange(frequency, d)}
            labelledBy="rp-days-label"
          />
        </div>
      ) : null}
      {daysError ? (
        <p className="field__error">{daysError}</p>
      ) : (
        <p className="field__hint">{t('assign.frequencyHint')}</p>
      )}
    </fieldset>
  )
}

export const frequencyBody = (frequency: TRentalFrequency, days: number[]) =>
  frequency === 'weekdays'
    ? { frequency, weekdays: days }
    : frequency === 'monthdays'
      ? { frequency, monthdays: days }
      : { frequency }
