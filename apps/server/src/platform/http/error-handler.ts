import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import type { TErrorEnvelope, TFieldError } from '@faena/contracts'
import { AppError, HTTP_STATUS, fieldError, fieldErrorIn } from '../errors'
import { render, type Lang, type Message } from '../i18n/messages'
import type { ZodValidationItem } from '../i18n/zod'
import { httpMessages as M } from './http.messages'
import { requestLang } from './request-language'

/**
 * The answer's envelope in the caller's language: `message` rendered, `key` + `params` beside it when the
 * message is catalogued, and each field error of `details` rendered the same way.
 */
const envelope = (
  code: TErrorEnvelope['error']['code'],
  message: string | Message,
  requestId: string,
  lang: Lang,
  details?: unknown,
) => ({
  error: {
    code,
    message: typeof message === 'string' ? message : render(message, lang),
    ...(typeof message === 'string' ? {} : { key: message.key, params: message.params }),
    ...(details === undefined ? {} : { details: localizeDetails(details, lang) }),
    requestId,
  },
})

const isFieldError = (d: unknown): d is TFieldError =>
  typeof d === 'object' && d !== null && typeof (d as TFieldError).path === 'string'

const localizeDetails = (details: unknown, lang: Lang): unknown =>
  Array.isArray(details)
    ? (details as unknown[]).map((d) => (isFieldError(d) ? fieldErrorIn(d, lang) : d))
    : details

/** Is this request path under the API (`/api`, `/api/…`, `/api?…`)? */
export const isApiPath = (url: string): boolean => /^\/api(?:[/?#]|$)/.test(url)

/** The answer to a path no route declares (for /api paths, whatever route of the web app matched it). */
export const routeNotFound = (method: string, url: string) =>
  new AppError('NOT_FOUND', M.routeNotFound({ method, path: url.split('?')[0] ?? '' }))

/** The one mapping from errors to HTTP: AppError → its status; bad input → 4xx naming fields; the rest → 500. */
export function registerErrorHandler(app: FastifyInstance, opts: { spaFallback?: boolean } = {}) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const lang = requestLang(req)
    if (err instanceof AppError) {
      const message = err.key ? { key: err.key, params: err.params ?? {} } : err.message
      return reply.status(HTTP_STATUS[err.code]).send(envelope(err.code, message, req.id, lang, err.details))
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body'
      const details: TFieldError[] = err.validation.map((v) => {
        const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || where
        const named = (v as unknown as ZodValidationItem).params
        if (named.key && v.message)
          return { path, key: named.key, params: named.params ?? {}, message: v.message }
        return v.message ? { path, message: v.message } : fieldError(path, M.invalidValue())
      })
      return reply.status(400).send(envelope('VALIDATION', M.invalidData(), req.id, lang, details))
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause?.issues }, 'response does not match its schema')
      return reply.status(500).send(envelope('INTERNAL', M.internal(), req.id, lang))
    }
    // safety net: an amount that does not fit its numeric column (services check their totals first)
    if ('code' in err && err.code === '22003') {
      req.log.warn({ err }, 'numeric value out of range')
      return reply
        .status(400)
        .send(envelope('VALIDATION', M.outOfRange(), req.id, lang, [fieldError('body', M.outOfRangeField())]))
    }
    // A unique or foreign-key violation (a race two pre-checks could not see): 409, naming the field.
    const conflict = constraintConflict(err)
    if (conflict) {
      req.log.info({ code: conflict.code, constraint: conflict.constraint }, 'constraint violation')
      return reply
        .status(409)
        .send(
          envelope('CONFLICT', conflict.message, req.id, lang, [fieldError(conflict.path, conflict.message)]),
        )
    }
    // A NUL character or a byte sequence the database cannot store (the input guard stops most first).
    if ('code' in err && (err.code === '22021' || err.code === '22P05')) {
      return reply
        .status(400)
        .send(
          envelope('VALIDATION', M.badCharacters(), req.id, lang, [
            fieldError('body', M.badCharactersField()),
          ]),
        )
    }
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500
    if (status === 413)
      return reply.status(413).send(envelope('PAYLOAD_TOO_LARGE', M.tooLarge(), req.id, lang))
    if (status === 415)
      return reply.status(415).send(envelope('UNSUPPORTED_MEDIA_TYPE', M.unsupportedMedia(), req.id, lang))
    if (status === 429) return reply.status(429).send(envelope('RATE_LIMITED', M.rateLimited(), req.id, lang))
    if (status >= 400 && status < 500) {
      return reply
        .status(400)
        .send(envelope('VALIDATION', friendly(err), req.id, lang, [{ path: 'body', message: err.message }]))
    }
    req.log.error({ err }, 'unhandled error')
    return reply.status(500).send(envelope('INTERNAL', M.internalWithReference(), req.id, lang))
  })

  app.setNotFoundHandler((req, reply) => {
    if (opts.spaFallback && (req.method === 'GET' || req.method === 'HEAD') && !isApiPath(req.url)) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html')
    }
    const err = routeNotFound(req.method, req.url)
    return reply.status(404).send(envelope(err.code, routeMessage(err), req.id, requestLang(req)))
  })
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
const SCOPE_COLUMNS = new Set(['org_id', 'id'])

/**
 * PostgreSQL 23505 (unique) and 23503 (foreign key) as a conflict: the field is the last column of the
 * key in the error's detail (`Key (org_id, lower(name))=(…)`), outside the organization column; the
 * values themselves are never echoed.
 */
export function constraintConflict(
  err: Error,
): { code: string; constraint: string; path: string; message: Message } | undefined {
  const e = err as Error & { code?: unknown; detail?: unknown; constraint?: unknown }
  if (e.code !== '23505' && e.code !== '23503') return undefined
  const detail = typeof e.detail === 'string' ? e.detail : ''
  const key = /Key \((.+?)\)=/.exec(detail)?.[1] ?? ''
  const columns = [...key.matchAll(/\b([a-z_][a-z0-9_]*)\b(?!\s*\()/g)].map((m) => m[1] ?? '')
  const column = columns.filter((c) => !SCOPE_COLUMNS.has(c)).pop()
  const path = column ? camel(column) : 'body'
  const constraint = typeof e.constraint === 'string' ? e.constraint : ''
  if (e.code === '23505')
    return {
      code: e.code,
      constraint,
      path,
      message: M.duplicate({ field: path }),
    }
  const stillReferenced = /is still referenced/.test(detail)
  return {
    code: e.code,
    constraint,
    path: stillReferenced ? 'id' : path,
    message: stillReferenced ? M.inUse() : M.missingReference({ field: path }),
  }
}

function friendly(err: Error): string | Message {
  const code = 'code' in err ? String(err.code) : ''
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) return M.invalidJson()
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return M.emptyJson()
  if (code.startsWith('FST_INVALID_MULTIPART') || code.startsWith('FST_')) return err.message
  return M.badRequest()
}

const routeMessage = (err: AppError): string | Message =>
  err.key ? { key: err.key, params: err.params ?? {} } : err.message
