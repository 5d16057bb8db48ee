import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import type { TErrorEnvelope, TFieldError } from '@faena/contracts'
import { AppError, HTTP_STATUS } from '../errors'

const envelope = (
  code: TErrorEnvelope['error']['code'],
  message: string,
  requestId: string,
  details?: unknown,
) => ({
  error: { code, message, ...(details === undefined ? {} : { details }), requestId },
})

/** Is this request path under the API (`/api`, `/api/…`, `/api?…`)? */
export const isApiPath = (url: string): boolean => /^\/api(?:[/?#]|$)/.test(url)

/** The answer to a path no route declares (for /api paths, whatever route of the web app matched it). */
export const routeNotFound = (method: string, url: string) =>
  new AppError('NOT_FOUND', `Ruta no encontrada: ${method} ${url.split('?')[0] ?? ''}`)

/** The one mapping from errors to HTTP: AppError → its status; bad input → 4xx naming fields; the rest → 500. */
export function registerErrorHandler(app: FastifyInstance, opts: { spaFallback?: boolean } = {}) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(HTTP_STATUS[err.code]).send(envelope(err.code, err.message, req.id, err.details))
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body'
      const details: TFieldError[] = err.validation.map((v) => {
        const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.')
        return { path: path || where, message: v.message ?? 'Valor no válido' }
      })
      return reply.status(400).send(envelope('VALIDATION', 'Datos no válidos', req.id, details))
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause?.issues }, 'response does not match its schema')
      return reply.status(500).send(envelope('INTERNAL', 'Error interno', req.id))
    }
    // safety net: an amount that does not fit its numeric column (services check their totals first)
    if ('code' in err && err.code === '22003') {
      req.log.warn({ err }, 'numeric value out of range')
      return reply
        .status(400)
        .send(
          envelope('VALIDATION', 'Un importe o una cantidad supera el máximo que se puede guardar', req.id, [
            { path: 'body', message: 'Importe o cantidad fuera de rango: reduce el valor' },
          ]),
        )
    }
    // A unique or foreign-key violation (a race two pre-checks could not see): 409, naming the field.
    const conflict = constraintConflict(err)
    if (conflict) {
      req.log.info({ code: conflict.code, constraint: conflict.constraint }, 'constraint violation')
      return reply
        .status(409)
        .send(
          envelope('CONFLICT', conflict.message, req.id, [
            { path: conflict.path, message: conflict.message },
          ]),
        )
    }
    // A NUL character or a byte sequence the database cannot store (the input guard stops most first).
    if ('code' in err && (err.code === '22021' || err.code === '22P05')) {
      return reply
        .status(400)
        .send(
          envelope('VALIDATION', 'El texto contiene caracteres no admitidos', req.id, [
            { path: 'body', message: 'Quita los caracteres de control (p. ej. NUL) del texto' },
          ]),
        )
    }
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500
    if (status === 413)
      return reply
        .status(413)
        .send(envelope('PAYLOAD_TOO_LARGE', 'El archivo o la petición son demasiado grandes', req.id))
    if (status === 415)
      return reply
        .status(415)
        .send(envelope('UNSUPPORTED_MEDIA_TYPE', 'Tipo de contenido no admitido', req.id))
    if (status === 429)
      return reply.status(429).send(envelope('RATE_LIMITED', 'Demasiadas peticiones', req.id))
    if (status >= 400 && status < 500) {
      return reply
        .status(400)
        .send(envelope('VALIDATION', friendly(err), req.id, [{ path: 'body', message: err.message }]))
    }
    req.log.error({ err }, 'unhandled error')
    return reply
      .status(500)
      .send(envelope('INTERNAL', 'Error interno; indica la referencia al soporte', req.id))
  })

  app.setNotFoundHandler((req, reply) => {
    if (opts.spaFallback && (req.method === 'GET' || req.method === 'HEAD') && !isApiPath(req.url)) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html')
    }
    const err = routeNotFound(req.method, req.url)
    return reply.status(404).send(envelope(err.code, err.message, req.id))
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
): { code: string; constraint: string; path: string; message: string } | undefined {
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
      message: `Ya existe un registro con ese valor (${path}); otra petición pudo crearlo al mismo tiempo`,
    }
  const stillReferenced = /is still referenced/.test(detail)
  return {
    code: e.code,
    constraint,
    path: stillReferenced ? 'id' : path,
    message: stillReferenced
      ? 'El registro está en uso por otros registros y no se puede quitar'
      : `El registro referido (${path}) no existe o ya no está disponible`,
  }
}

function friendly(err: Error): string {
  const code = 'code' in err ? String(err.code) : ''
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError)
    return 'El cuerpo no es JSON válido'
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'El cuerpo JSON está vacío'
  if (code.startsWith('FST_INVALID_MULTIPART') || code.startsWith('FST_')) return err.message
  return 'Petición no válida'
}
