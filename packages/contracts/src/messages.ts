/**
 * Messages in the caller's language (docs/platform.md "Messages and languages"). Every error the server
 * answers carries a stable `key` and its `params` besides the `message` already rendered in the caller's
 * language; the web translates the keys it knows and shows `message` otherwise.
 */

export const LANGS = ['es', 'en'] as const
export type TLang = (typeof LANGS)[number]

/** Values a message names in its text (`{name}`): always plain strings or numbers. */
export type TMessageParams = Record<string, string | number>

/** What a Zod issue says, for the key family `validation.*` that the server and the web both translate. */
export type TZodIssueLike = {
  code: string
  input?: unknown
  expected?: unknown
  origin?: unknown
  minimum?: unknown
  maximum?: unknown
  format?: unknown
}

const DATE_FORMATS = new Set(['date', 'datetime', 'time'])

/**
 * The key and params of a Zod issue (`validation.required`, `validation.tooShort` {min}…), or undefined for
 * an issue the family does not name (its message then comes from Zod's locale).
 */
export function zodIssueKey(iss: TZodIssueLike): { key: string; params: TMessageParams } | undefined {
  const k = (name: string, params: TMessageParams = {}) => ({ key: `validation.${name}`, params })
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null || iss.input === '') return k('required')
      if (iss.expected === 'number' || iss.expected === 'nan') return k('number')
      if (iss.expected === 'int') return k('integer')
      return k('invalid')
    case 'too_small':
      if (iss.origin === 'string')
        return Number(iss.minimum) <= 1 ? k('required') : k('tooShort', { min: Number(iss.minimum) })
      if (iss.origin === 'array' || iss.origin === 'set') return k('required')
      return k('tooSmall', { min: String(iss.minimum) })
    case 'too_big':
      if (iss.origin === 'string') return k('tooLong', { max: Number(iss.maximum) })
      return k('tooBig', { max: String(iss.maximum) })
    case 'invalid_format': {
      const format = String(iss.format)
      if (format === 'email') return k('email')
      if (DATE_FORMATS.has(format)) return k('date')
      // an id is picked from a list, never typed: an empty one is a choice not made yet
      if (format.startsWith('uuid') || format === 'guid') return iss.input === '' ? k('required') : k('uuid')
      return k('format')
    }
    case 'invalid_value':
      return k('option')
    default:
      return undefined
  }
}
