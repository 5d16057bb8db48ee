/** Small form helpers shared by the three document forms: string state, fields, request building. */
import { amountTimes, visitHours } from '@faena/domain'
import { useState, type ReactNode } from 'react'
import type { z } from 'zod'
import { DecimalField, FormField } from '../../platform/components'
import { zodFieldErrors, type FieldErrors } from '../../platform/validation'

export type Values<K extends string> = Record<K, string>

export const useDocForm = <K extends string>(initial: () => Values<K>) => {
  const [values, setValues] = useState<Values<K>>(initial)
  const [start] = useState<Values<K>>(values)
  const [errors, setErrors] = useState<FieldErrors>({})
  /** Something differs from what the form opened with (the page then asks before leaving). */
  const isDirty = (Object.keys(values) as K[]).some((k) => values[k] !== start[k])
  const set = (field: K, value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => {
      if (!(field in e)) return e
      const next = { ...e }
      delete next[field]
      return next
    })
  }
  return { values, errors, set, setErrors, setValues, isDirty }
}
export type DocForm<K extends string> = ReturnType<typeof useDocForm<K>>

/**
 * Form strings → request: on create, an empty text is left out; on edit it is sent as null (cleared).
 * `keep` lists the fields that are always sent as typed (enums, money).
 */
export function toRequest<K extends string>(
  values: Values<K>,
  mode: 'create' | 'edit',
  omit: readonly K[] = [],
) {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values) as [K, string][]) {
    if (omit.includes(k)) continue
    const s = v.trim()
    if (s === '') {
      if (mode === 'edit') out[k] = null
    } else out[k] = s
  }
  return out
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  body: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const r = schema.safeParse(body)
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: zodFieldErrors(r.error) }
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
  form: DocForm<K>
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
            value={form.values[name]}
            data-testid={testId}
            onChange={(e) => form.set(name, e.target.value)}
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
            value={form.values[name]}
            data-testid={testId}
            onChange={(e) => form.set(name, e.target.value)}
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
