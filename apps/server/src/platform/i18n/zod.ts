import type { FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
import { zodIssueKey, type TMessageParams } from '@faena/contracts'
import { currentLang } from './language'
import { renderKey, type Lang } from './messages'
import './validation.messages'

/**
 * Zod's messages in the request's language (docs/platform.md "Messages and languages"): the issues the
 * web and the server both name (`validation.required`, `validation.tooShort` {min}…) from the catalogue,
 * the rest from Zod's own locale (`es` or `en`). A message a schema gives itself wins over both.
 */
const LOCALES = { es: z.locales.es().localeError, en: z.locales.en().localeError }

const errorMaps: Record<Lang, z.core.$ZodErrorMap> = {
  es: (iss) => messageOf(iss, 'es'),
  en: (iss) => messageOf(iss, 'en'),
}

function messageOf(iss: z.core.$ZodRawIssue, lang: Lang) {
  const named = zodIssueKey(iss)
  return named ? renderKey(named.key, named.params, lang) : LOCALES[lang](iss)
}

/** Every parse without its own map (a service's `Z.parse(…)`) speaks the current request's language. */
export const installZodMessages = (): void => {
  z.config({ customError: (iss) => errorMaps[currentLang()](iss) })
}

/** The mark fastify-type-provider-zod's error handler helper looks for on a validation error. */
const ZOD_VALIDATION = Symbol.for('ZodFastifySchemaValidationError')

/** A field error of the request's validation, as the error handler reads it. */
export type ZodValidationItem = {
  instancePath: string
  message: string
  params: { key?: string; params?: TMessageParams }
}

/**
 * Fastify's validator for the routes' Zod schemas, parsing in the request's language (set in a
 * preValidation hook, so concurrent requests never share one). Each issue keeps its key when the message is
 * the catalogue's (a schema's own message has none).
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const lang = currentLang()
    const result = z.safeParse(schema, data, { error: errorMaps[lang], reportInput: true })
    if (result.success) return { value: result.data }
    const validation = result.error.issues.map((issue) => {
      const named = zodIssueKey(issue)
      const keyed = named && issue.message === renderKey(named.key, named.params, lang) ? named : undefined
      return {
        [ZOD_VALIDATION]: true,
        keyword: issue.code,
        instancePath: `/${issue.path.join('/')}`,
        schemaPath: `#/${issue.path.join('/')}/${issue.code}`,
        message: issue.message,
        params: keyed ? { key: keyed.key, params: keyed.params } : {},
      }
    })
    return { error: validation as unknown as Error }
  }
