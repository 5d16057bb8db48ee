/**
 * A contract's Zod schema with this screen's own messages (docs/production.md "Files"): the rules stay the
 * contract's (the ones the server validates with); only the text under a field changes where the screen has
 * a message of its own in the user's language (the contracts' explicit messages are Spanish). Built with
 * `useMemo` from `t` and passed to `useZodForm`.
 *
 *   const schema = useMemo(() => withMessages(ZExchangeRateRequest, ({ path, value }) =>
 *     path === 'rate' && !value ? t('…rateRequired') : undefined), [t])
 */
import { z } from 'zod'

export type IssueAt = {
  /** the field's path, dotted (`items.0.code`) */
  path: string
  /** the issue's code (`too_small`, `invalid_format`, `custom`, …) */
  code: string
  /** the value at that path (trimmed when a string) */
  value: unknown
  /** the message the schema gave (translated `validation.*` or the contract's text) */
  message: string
}

const at = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    root,
  )

/**
 * `schema` with the messages `messageFor` gives (undefined keeps the schema's own). `prepare` turns the
 * form's values into the contract's input first (a number typed as text); without it they are the same.
 */
export const withMessages = <S extends z.ZodType, I = z.input<S>>(
  schema: S,
  messageFor: (issue: IssueAt) => string | undefined,
  prepare: (values: I) => unknown = (values) => values,
) =>
  z.custom<I>().transform((values, ctx): z.output<S> => {
    const input = prepare(values)
    const parsed = schema.safeParse(input)
    if (parsed.success) return parsed.data
    for (const issue of parsed.error.issues) {
      const raw = at(input, issue.path)
      const value = typeof raw === 'string' ? raw.trim() : raw
      const path = issue.path.map(String).join('.')
      ctx.addIssue({
        code: 'custom',
        path: issue.path,
        input: raw,
        message: messageFor({ path, code: issue.code, value, message: issue.message }) ?? issue.message,
      })
    }
    return z.NEVER
  })

/** `t` of the module's namespace, as the schema builders take it (testable with a plain function). */
export type Translate = (key: string, options?: Record<string, unknown>) => string
