/**
 * Number entry that accepts what the app displays (decimal-input.ts), with the format as a hint.
 *
 *   <DecimalField label={t('fields.amountMxn')} value={v.amountMxn} error={form.errors.amountMxn}
 *     maxFractionDigits={2} onValueChange={(x) => form.set('amountMxn', x)} />
 *
 * The form holds the canonical decimal string ("1250000.5") that the API takes; the user sees and types
 * the organization's convention ("1,250,000.50" in es-MX, "1.250.000,50" in es-EC). While the text is not
 * a number the form receives the text as typed (so its validation refuses it) and the field says why.
 * Use `DecimalInput` + `useDecimalHint` where the layout is custom.
 */
import { useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { decimalExample, decimalToInput, parseDecimalInput, type DecimalParse } from '../decimal-input'
import { useFormat } from '../session'
import { FormField } from './form-field'

export type DecimalInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  /** Canonical decimal string ("1250.5"), or '' when empty. */
  value: string
  /** The canonical value, or the typed text when it is not a number. */
  onValueChange: (value: string) => void
  maxFractionDigits?: number
  allowNegative?: boolean
  /** Called with the parse problem's message (null when the text is a number). */
  onProblem?: (message: string | null) => void
}

/** The message for a refused text, in the UI language, with an example in the organization's convention. */
export const useDecimalMessages = (maxFractionDigits = 2) => {
  const { t } = useTranslation()
  const fmt = useFormat()
  const example = decimalExample(fmt.locale, maxFractionDigits)
  return {
    hint: t('decimal.hint', { example }),
    problem: (r: DecimalParse): string | null =>
      r.ok
        ? null
        : r.reason === 'fraction'
          ? t('decimal.fraction', { max: maxFractionDigits })
          : r.reason === 'negative'
            ? t('decimal.negative')
            : t('decimal.format', { example }),
  }
}

/** "E.g. 1,250.50" in the organization's convention. */
export const useDecimalHint = (maxFractionDigits = 2): string => useDecimalMessages(maxFractionDigits).hint

export const DecimalInput = ({
  value,
  onValueChange,
  maxFractionDigits,
  allowNegative,
  onProblem,
  onBlur,
  className,
  ...rest
}: DecimalInputProps) => {
  const fmt = useFormat()
  const messages = useDecimalMessages(maxFractionDigits)
  const [text, setText] = useState(() => decimalToInput(value, fmt.locale))
  // The last value this input sent up: a different incoming value comes from outside (reset, auto-fill).
  const sent = useRef(value)
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value
      setText(decimalToInput(value, fmt.locale))
    }
  }, [value, fmt.locale])

  const opts = {
    ...(maxFractionDigits !== undefined ? { maxFractionDigits } : {}),
    ...(allowNegative !== undefined ? { allowNegative } : {}),
  }
  return (
    <input
      {...rest}
      className={className ?? 'input'}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={text}
      onChange={(e) => {
        const raw = e.target.value
        setText(raw)
        const r = parseDecimalInput(raw, fmt.locale, opts)
        const next = r.ok ? r.value : raw
        sent.current = next
        onValueChange(next)
        if (r.ok) onProblem?.(null)
      }}
      onBlur={(e) => {
        onProblem?.(messages.problem(parseDecimalInput(text, fmt.locale, opts)))
        onBlur?.(e)
      }}
    />
  )
}

export type DecimalFieldProps = Omit<DecimalInputProps, 'onProblem'> & {
  label: ReactNode
  /** The form's message for this field (browser validation or the server's `details[].path`). */
  error?: string | undefined
  required?: boolean
  /** Extra hint shown before the format example. */
  hint?: ReactNode
  fieldClassName?: string
  testId?: string
}

/** Label + `DecimalInput` + the format hint + one error (the parse problem first, then the form's). */
export const DecimalField = ({
  label,
  error,
  required,
  hint,
  fieldClassName,
  testId,
  maxFractionDigits = 2,
  ...input
}: DecimalFieldProps) => {
  const formatHint = useDecimalHint(maxFractionDigits)
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <FormField
      label={label}
      error={problem ?? error}
      required={required ?? false}
      hint={
        hint ? (
          <>
            {hint} · {formatHint}
          </>
        ) : (
          formatHint
        )
      }
      {...(fieldClassName ? { className: fieldClassName } : {})}
    >
      {(p) => (
        <DecimalInput
          {...p}
          {...input}
          maxFractionDigits={maxFractionDigits}
          onProblem={setProblem}
          data-testid={testId}
        />
      )}
    </FormField>
  )
}

/** The format hint as an element, for a `FormField` whose control is a `DecimalInput`: `hint={<DecimalHint />}`. */
export const DecimalHint = ({ maxFractionDigits = 2 }: { maxFractionDigits?: number }) => (
  <>{useDecimalHint(maxFractionDigits)}</>
)
