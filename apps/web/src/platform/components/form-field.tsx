import { useId, type ReactNode } from 'react'

/** Props to spread on the control so it is labelled and linked to its hint and error. */
export type FieldControlProps = {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
  'aria-required': true | undefined
}

export type FormFieldProps = {
  label: ReactNode
  /** Message from the browser validation or the server's `details[].path`. */
  error?: string | undefined
  hint?: ReactNode
  required?: boolean
  className?: string
  children: (control: FieldControlProps) => ReactNode
}

/**
 * Label + control + hint + error under the field.
 *
 *   <FormField label={t('email')} error={form.errors.email} required>
 *     {(p) => <input {...p} className="input" type="email" value={...} onChange={...} />}
 *   </FormField>
 */
export const FormField = ({ label, error, hint, required = false, className, children }: FormFieldProps) => {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required ? true : undefined,
      })}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** A form-level error (one not tied to a field), e.g. `errors._form` or a 409. */
export const FormError = ({ children }: { children: ReactNode }) =>
  children ? (
    <div className="form-error" role="alert">
      {children}
    </div>
  ) : null
