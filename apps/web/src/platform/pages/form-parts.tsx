/**
 * Pieces the account and administration forms share: the message for a failed request (with its
 * reference) and a password field on `useZodForm`'s `register`.
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { UseFormRegisterReturn } from 'react-hook-form'
import { FormField } from '../components/form-field'
import { errorMessage, errorReference } from '../errors'

/** The message of a failed request for the form's top, with the reference to quote to support. */
export const useFormErrorText = () => {
  const { t } = useTranslation('platform')
  return (error: unknown) => {
    const ref = errorReference(error)
    return errorMessage(error) + (ref ? ` · ${t('errors.reference', { id: ref })}` : '')
  }
}

/** A required password input: `<PasswordField label=… error=… field={form.register('password')} />`. */
export const PasswordField = ({
  label,
  error,
  hint,
  autoComplete,
  field,
}: {
  label: ReactNode
  error: string | undefined
  hint?: ReactNode
  autoComplete: 'current-password' | 'new-password'
  field: UseFormRegisterReturn
}) => (
  <FormField label={label} error={error} hint={hint} required>
    {(p) => <input {...p} className="input" type="password" autoComplete={autoComplete} {...field} />}
  </FormField>
)
