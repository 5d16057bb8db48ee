/**
 * The one way the web builds a form: react-hook-form with the contracts' Zod schema as its resolver
 * (docs/web.md "Forms"), plus the mapping of server field errors.
 *
 *   const form = useZodForm(ZCreateUserRequest, { email: '', name: '', role: 'viewer', password: '' })
 *   <Dialog onSubmit={form.submit((data) => mutation.mutate(data, { onError: form.applyServerError }))}>
 *   <FormField label=... error={form.errors.email}>{(p) => <input {...p} {...form.register('email')} />}</FormField>
 *   <FormField label=... error={form.errors.role}>
 *     {(p) => <RoleSelect {...p} value={form.values.role} onChange={(r) => form.set('role', r)} />}</FormField>
 *
 * `submit(onValid)` parses with the schema and calls `onValid` with the parsed output only when it passes;
 * otherwise the messages show next to the fields and the keyboard goes to the first field with one (scrolled
 * into view). Values are never reset on error, so nothing typed is lost. `applyServerError` does the same
 * for a server's field errors.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type BaseSyntheticEvent } from 'react'
import {
  useForm,
  type FieldErrors as RhfFieldErrors,
  type FieldValues,
  type Path,
  type PathValue,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
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

/** Flattens react-hook-form's nested errors to `{ 'lines.0.amount': message }`; the root error is `_form`. */
export const flattenFormErrors = (errors: RhfFieldErrors): FieldErrors => {
  const out: FieldErrors = {}
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return
    const rec = node as Record<string, unknown>
    if (typeof rec.message === 'string' && rec.message && typeof rec.type === 'string') {
      const key = path.length === 0 || path[0] === 'root' ? '_form' : path.join('.')
      out[key] ??= rec.message
    }
    for (const [k, v] of Object.entries(rec)) {
      if (k === 'ref' || k === 'message' || k === 'type' || k === 'types') continue
      walk(v, [...path, k])
    }
  }
  walk(errors, [])
  return out
}

type Input<S extends z.ZodType> = z.input<S> & FieldValues

/**
 * The form a submit came from: the event's form, else the one holding the focused control (a dialog's
 * `onSubmit` passes no event, but its submit button or the field Enter was pressed in has the focus).
 */
const formOf = (event: unknown): HTMLFormElement | null => {
  const from = (node: unknown) => (node instanceof Element ? node.closest('form') : null)
  const e = event as { currentTarget?: unknown; target?: unknown } | undefined
  return (
    from(e?.currentTarget) ??
    from(e?.target) ??
    (typeof document === 'undefined' ? null : from(document.activeElement))
  )
}

/** The keyboard on the first control with a message (`aria-invalid="true"`, in DOM order), scrolled into view. */
export const focusFirstInvalid = (form: ParentNode | null = null): void => {
  const root: ParentNode | null = form?.isConnected === false ? null : form
  const el = root
    ? root.querySelector<HTMLElement>('[aria-invalid="true"]')
    : document.querySelector<HTMLElement>('form [aria-invalid="true"]')
  if (!el) return
  el.focus()
  el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })
}

export type ZodForm<S extends z.ZodType> = UseFormReturn<Input<S>, unknown, z.output<S> & FieldValues> & {
  /** The current values (re-renders on every change, like a controlled form). */
  values: z.input<S>
  /** First message per field path (`lines.0.amount`), translated; `_form` for a message on the whole form. */
  errors: FieldErrors
  /** The values differ from the initial ones: pass it to `<UnsavedChangesGuard when={form.isDirty} />`. */
  isDirty: boolean
  /** Sets a value from a custom control (selects, decimal fields, pickers); re-validates it after a submit. */
  set: <K extends keyof z.input<S> & string>(field: K, value: z.input<S>[K]) => void
  /** Replaces the shown messages (a rule the schema cannot see, e.g. a date against today). */
  setErrors: (errors: FieldErrors) => void
  /** A submit handler: parses with the schema, then calls `onValid` with the parsed output. */
  submit: (
    onValid: (data: z.output<S>) => unknown,
  ) => (event?: BaseSyntheticEvent | { preventDefault?: () => void }) => void
  /**
   * Puts a server error's field details next to the fields (the keyboard on the first). Returns true if any
   * field matched.
   */
  applyServerError: (error: unknown) => boolean
  /** After the next render, the keyboard on the first field with a message (done by `submit` on a failure). */
  focusFirstInvalid: () => void
}

export const useZodForm = <S extends z.ZodType>(schema: S, initial: z.input<S>): ZodForm<S> => {
  // The schema may be built per render (it can depend on the organization or on other data): the resolver
  // reads the latest one.
  const schemaRef = useRef(schema)
  schemaRef.current = schema
  const resolver = useMemo<Resolver<Input<S>, unknown, z.output<S> & FieldValues>>(
    () => (values, context, options) =>
      (
        zodResolver(schemaRef.current as never) as unknown as Resolver<
          Input<S>,
          unknown,
          z.output<S> & FieldValues
        >
      )(values, context, options),
    [],
  )
  const form = useForm<Input<S>, unknown, z.output<S> & FieldValues>({
    resolver,
    defaultValues: initial as never,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const { setValue, setError, clearErrors, handleSubmit, formState } = form
  const values = form.watch() as z.input<S>
  const errors = flattenFormErrors(formState.errors)

  const set = useCallback(
    <K extends keyof z.input<S> & string>(field: K, value: z.input<S>[K]) => {
      setValue(field as unknown as Path<Input<S>>, value as PathValue<Input<S>, Path<Input<S>>>, {
        shouldDirty: true,
        shouldValidate: formState.isSubmitted,
      })
      if (!formState.isSubmitted) clearErrors(field as unknown as Path<Input<S>>)
    },
    [setValue, clearErrors, formState.isSubmitted],
  )

  const setErrors = useCallback(
    (next: FieldErrors) => {
      clearErrors()
      for (const [path, message] of Object.entries(next)) {
        setError((path === '_form' ? 'root.form' : path) as Path<Input<S>>, { type: 'manual', message })
      }
    },
    [clearErrors, setError],
  )

  // The focus moves after the messages are rendered (the controls' aria-invalid is set by then).
  const formElement = useRef<HTMLFormElement | null>(null)
  const [focusRequest, setFocusRequest] = useState(0)
  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formElement.current)
  }, [focusRequest])
  const requestFocus = useCallback(() => setFocusRequest((n) => n + 1), [])

  const submit: ZodForm<S>['submit'] = (onValid) => (event) => {
    event?.preventDefault?.()
    formElement.current = formOf(event)
    void handleSubmit(
      async (data) => {
        await onValid(data)
      },
      () => requestFocus(),
    )()
  }

  const applyServerError = (error: unknown) => {
    const fe = fieldErrors(error)
    setErrors(fe)
    if (Object.keys(fe).length > 0) requestFocus()
    return Object.keys(fe).length > 0
  }

  return {
    ...form,
    values,
    errors,
    isDirty: formState.isDirty,
    set,
    setErrors,
    submit,
    applyServerError,
    focusFirstInvalid: requestFocus,
  }
}
