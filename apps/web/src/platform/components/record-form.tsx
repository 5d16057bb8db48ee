/**
 * Pieces the record forms share (proposal and work-order headers, their dialogs): the text-input form of a
 * contract field, the form-level server error box, the select of a catalog lookup. Forms themselves use `useZodForm` (platform/validation.ts).
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { errorMessage, errorReference } from '../errors'
import type { FieldErrors } from '../validation'
import { FormError } from './form-field'

/**
 * A contract field typed into a text input: the input is a string, a blank one becomes `blank` (missing, so
 * the contract says "required", or null to clear it), then the contract's own schema decides.
 */
export const fromText = <S extends z.ZodType>(schema: S, blank: null | undefined = undefined) =>
  z
    .string()
    .transform((v) => (v.trim() === '' ? blank : v))
    .pipe(schema as unknown as z.ZodType<z.output<S>, string | null | undefined>)

/** A whole number typed into a number input (blank → `blank`), then the contract's own schema. */
export const intFromText = <S extends z.ZodType>(schema: S, blank: null | undefined = undefined) =>
  z
    .string()
    .transform((v) => (v.trim() === '' ? blank : Number(v.trim())))
    .pipe(schema as unknown as z.ZodType<z.output<S>, number | null | undefined>)

/** The form-level error box: a business rule's message (or "check the fields") with the server's reference. */
export const ServerFormError = ({ error, errors }: { error: unknown; errors: FieldErrors }) => {
  const { t } = useTranslation()
  if (!error) return null
  const hasFieldErrors = Object.keys(errors).some((k) => k !== '_form')
  const ref = errorReference(error)
  return (
    <FormError>
      {errors._form ?? (hasFieldErrors ? t('errors.validation') : errorMessage(error))}
      {ref ? <span className="form-error__ref"> {t('errors.reference', { id: ref })}</span> : null}
    </FormError>
  )
}

export type LookupOption = { id: string; name: string; clientType?: string | undefined }

/**
 * A select of a catalog lookup. `current` (the record the document has now) is listed even when it is
 * inactive and out of the lookup; the empty option reads `placeholder` (loading, none, choose…).
 */
export const LookupSelect = ({
  items,
  pending,
  value,
  onChange,
  control,
  current,
  placeholder,
  disabled,
}: {
  items: readonly LookupOption[]
  pending: boolean
  value: string
  onChange: (v: string) => void
  control: object
  current?: LookupOption | null | undefined
  placeholder: ReactNode
  disabled?: boolean | undefined
}) => {
  const options = current && !items.some((o) => o.id === current.id) ? [current, ...items] : items
  return (
    <select
      {...control}
      className="input"
      value={value}
      disabled={disabled}
      aria-busy={pending || undefined}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{placeholder}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.clientType ? `${o.name} (${o.clientType})` : o.name}
        </option>
      ))}
    </select>
  )
}
