/** Small form helpers shared by the three document forms: a field bound to the form, live hints. */
import { amountTimes, visitHours } from '@faena/domain'
import type { ReactNode } from 'react'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { DecimalField, FormField } from '../../platform/components'
import type { FieldErrors } from '../../platform/validation'

/** What a field needs of a document form (`useZodForm`): its string values, messages, register and set. */
export type FieldForm<K extends string> = {
  values: Record<K, string>
  errors: FieldErrors
  register: (name: K) => UseFormRegisterReturn
  set: (name: K, value: string) => void
}

/** A labelled text/date/number/textarea field bound to the form. */
export const Field = <K extends string>({
  form,
  name,
  label,
  required,
  type = 'text',
  hint,
  wide,
  rows,
  maxLength = 200,
  inputMode,
  min,
  max,
  testId,
  disabled,
}: {
  form: FieldForm<K>
  name: K
  label: string
  required?: boolean
  type?: 'text' | 'date' | 'time' | 'textarea'
  hint?: ReactNode
  wide?: boolean
  rows?: number
  maxLength?: number
  inputMode?: 'decimal' | 'numeric' | 'tel'
  min?: string | undefined
  max?: string | undefined
  testId?: string
  disabled?: boolean
}) =>
  inputMode === 'decimal' ? (
    // amounts and volumes: typed as the app displays them (es-EC "1.250,50"), sent as "1250.50"
    <DecimalField
      label={label}
      error={form.errors[name]}
      required={required ?? false}
      hint={hint}
      fieldClassName={wide ? 'rd-wide' : undefined}
      maxFractionDigits={2}
      disabled={disabled}
      value={form.values[name]}
      testId={testId}
      onValueChange={(x) => form.set(name, x)}
    />
  ) : (
    <FormField
      label={label}
      error={form.errors[name]}
      required={required ?? false}
      hint={hint}
      className={wide ? 'rd-wide' : undefined}
    >
      {(p) =>
        type === 'textarea' ? (
          <textarea
            {...p}
            className="input textarea"
            rows={rows ?? 3}
            maxLength={maxLength}
            data-testid={testId}
            {...form.register(name)}
          />
        ) : (
          <input
            {...p}
            className="input"
            type={type}
            inputMode={inputMode}
            maxLength={type === 'text' ? maxLength : undefined}
            min={min}
            max={max}
            disabled={disabled}
            data-testid={testId}
            {...form.register(name)}
          />
        )
      }
    </FormField>
  )

/** Exact day count and money product for live hints (the server computes the stored values). */
const DAY_MS = 86_400_000
export const inclusiveDays = (start: string, end: string): number | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) return null
  const n = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS + 1
  return Number.isFinite(n) && n >= 1 ? n : null
}
/** `amount × days` exactly, two decimals (the shared rule of @faena/domain); null while the amount is not one. */
export const moneyTimes = amountTimes
/** Visit duration in hours, 2 decimals half-up (the shared rule CHAIN_DURATION of @faena/domain). */
export const hoursBetween = visitHours
