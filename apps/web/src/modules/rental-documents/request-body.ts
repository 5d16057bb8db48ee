/**
 * Form values → request body of a field document (pure; the three document forms share it).
 *
 * A form keeps its texts as strings; the contracts take `null` for a cleared text. On create an empty text
 * is left out (the server's default applies); on edit it is sent as `null` (cleared). Texts are trimmed.
 * `omit` lists fields never sent (the project on edit; a value the form sends its own way); `zero` lists
 * amounts whose empty value means 0. Anything that is not a string (lists, items) is sent as it is.
 */
export type BodyMode = 'create' | 'edit'

export const toRequestBody = <V extends Record<string, unknown>>(
  values: V,
  mode: BodyMode,
  opts: { omit?: readonly (keyof V)[]; zero?: readonly (keyof V)[] } = {},
): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values)) {
    if (opts.omit?.includes(k)) continue
    if (typeof v !== 'string') {
      out[k] = v
      continue
    }
    const s = v.trim()
    if (s !== '') out[k] = s
    else if (opts.zero?.includes(k)) out[k] = '0'
    else if (mode === 'edit') out[k] = null
  }
  return out
}

/** A detail's nullable texts as form strings (`null` → ''), for the fields the form edits. */
export const formStrings = <K extends string>(
  detail: Partial<Record<K, string | null | undefined>>,
  fields: readonly K[],
): Record<K, string> => Object.fromEntries(fields.map((f) => [f, detail[f] ?? ''])) as Record<K, string>

/** Adds or removes `x` (checkbox lists: attended assignments, waste types). */
export const toggle = <T>(list: readonly T[], x: T): T[] =>
  list.includes(x) ? list.filter((y) => y !== x) : [...list, x]
