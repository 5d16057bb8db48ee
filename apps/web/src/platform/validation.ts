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
import { zodIssueKey } from '@faena/contracts'
import { isApiError } from './api'

export type FieldErrors = Record<string, string>

/** A message by its key in the `platform` namespace (`validation.required` → `platform:validation.required`). */
const tk = (key: string, params?: Record<string, unknown>): string =>
  (i18next.t as unknown as (k: string, o?: Record<string, unknown>) => string)(`platform:${key}`, params)

/**
 * A server message in the current language: translated by its key and params when the web knows the key,
 * else the server's text (already in the user's language; docs/platform.md "Messages and languages").
 */
export const serverText = (m: {
  key?: string | undefined
  params?: Record<string, unknown>
  message: string
}) => (m.key && i18next.exists(`platform:${m.key}`) ? tk(m.key, m.params) : m.message)

/**
 * Friendly, translated messages for every schema (evaluated at parse time, in the current language): the
 * same keys (`validation.*`, from the contracts' `zodIssueKey`) the server answers in its field errors.
 */
export const installZodMessages = (): void => {
  z.config({
    customError: (iss) => {
      const named = zodIssueKey(iss)
      return named ? tk(named.key, named.params) : undefined
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

/** First message per field path from a server `ApiError` (400 VALIDATION `details[]`), translated by key. */
export const fieldErrors = (error: unknown): FieldErrors => {
  const out: FieldErrors = {}
  if (!isApiError(error)) return out
  for (const d of error.details) out[d.path || '_form'] ??= serverText(d)
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
