/**
 * Browser-side validation with the shared Zod schemas, and mapping of server field errors.
 *
 *   const form = useZodForm(ZCreateUserRequest, { email: '', name: '', role: 'viewer', password: '' })
 *   <FormField label=... error={form.errors.email}><input value={form.values.email}
 *       onChange={(e) => form.set('email', e.target.value)} /></FormField>
 *   const data = form.validate(); if (!data) return        // shows messages next to the fields
 *   mutation.mutate(data, { onError: form.applyServerError }) // 400 VALIDATION details[].path
 *
 * Values are never reset on error, so nothing typed is lost.
 */
import { useCallback, useState } from 'react'
import i18next from 'i18next'
import { z } from 'zod'
import { isApiError } from './api'

export type FieldErrors = Record<string, string>

const tr = (key: string, opts?: Record<string, unknown>): string =>
  (i18next.t as unknown as (k: string, o?: Record<string, unknown>) => string)(
    `platform:validation.${key}`,
    opts,
  )

const DATE_FORMATS = new Set(['date', 'datetime', 'time'])

/** Friendly, translated messages for every schema (evaluated at parse time, in the current language). */
export const installZodMessages = (): void => {
  z.config({
    customError: (iss) => {
      switch (iss.code) {
        case 'invalid_type':
          if (iss.input === undefined || iss.input === null || iss.input === '') return tr('required')
          if (iss.expected === 'number' || iss.expected === 'nan') return tr('number')
          if (iss.expected === 'int') return tr('integer')
          return tr('invalid')
        case 'too_small':
          if (iss.origin === 'string') {
            return Number(iss.minimum) <= 1 ? tr('required') : tr('tooShort', { min: Number(iss.minimum) })
          }
          if (iss.origin === 'array' || iss.origin === 'set') return tr('required')
          return tr('tooSmall', { min: String(iss.minimum) })
        case 'too_big':
          if (iss.origin === 'string') return tr('tooLong', { max: Number(iss.maximum) })
          return tr('tooBig', { max: String(iss.maximum) })
        case 'invalid_format':
          if (iss.format === 'email') return tr('email')
          if (DATE_FORMATS.has(iss.format)) return tr('date')
          // an id is picked from a list, never typed: an empty one is a choice not made yet
          if (iss.format.startsWith('uuid') || iss.format === 'guid')
            return iss.input === '' ? tr('required') : tr('uuid')
          return tr('format')
        case 'invalid_value':
          return tr('option')
        default:
          return undefined
      }
    },
  })
}

const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('.')

/** First message per field path from a Zod error. */
export const zodFieldErrors = (error: z.ZodError): FieldErrors => {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const key = pathKey(issue.path) || '_form'
    out[key] ??= issue.message
  }
  return out
}

/** First message per field path from a server `ApiError` (400 VALIDATION `details[]`). */
export const fieldErrors = (error: unknown): FieldErrors => {
  const out: FieldErrors = {}
  if (!isApiError(error)) return out
  for (const d of error.details) out[d.path || '_form'] ??= d.message
  return out
}

export type ZodForm<S extends z.ZodType> = {
  values: z.input<S>
  errors: FieldErrors
  /** The values differ from the initial ones: pass it to `<UnsavedChangesGuard when={form.isDirty} />`. */
  isDirty: boolean
  set: <K extends keyof z.input<S>>(field: K, value: z.input<S>[K]) => void
  setValues: (values: z.input<S>) => void
  setErrors: (errors: FieldErrors) => void
  /** Parses with the schema; on failure shows the messages and returns null. */
  validate: () => z.output<S> | null
  /** Puts a server error's field details next to the fields. Returns true if any field matched. */
  applyServerError: (error: unknown) => boolean
}

export const useZodForm = <S extends z.ZodType>(schema: S, initial: z.input<S>): ZodForm<S> => {
  const [values, setValues] = useState<z.input<S>>(initial)
  const [start] = useState(() => JSON.stringify(initial))
  const [errors, setErrors] = useState<FieldErrors>({})

  const set = useCallback(<K extends keyof z.input<S>>(field: K, value: z.input<S>[K]) => {
    setValues((v) => ({ ...(v as object), [field]: value }) as z.input<S>)
    setErrors((e) => {
      if (!(String(field) in e)) return e
      const next = { ...e }
      delete next[String(field)]
      return next
    })
  }, [])

  const validate = () => {
    const r = schema.safeParse(values)
    if (!r.success) {
      setErrors(zodFieldErrors(r.error))
      return null
    }
    setErrors({})
    return r.data
  }

  const applyServerError = (error: unknown) => {
    const fe = fieldErrors(error)
    setErrors(fe)
    return Object.keys(fe).length > 0
  }

  const isDirty = JSON.stringify(values) !== start
  return { values, errors, isDirty, set, setValues, setErrors, validate, applyServerError }
}
