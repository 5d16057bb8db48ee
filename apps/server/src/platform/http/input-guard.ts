import type { FastifyInstance } from 'fastify'
import { AppError, fieldError } from '../errors'
import { httpMessages as M } from './http.messages'

/** The first path (dotted) under `value` whose string or key holds a NUL character, if any. */
export function findNul(value: unknown, path: string[] = [], depth = 0): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined
  if (value === null || typeof value !== 'object' || depth > 64) return undefined
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
  for (const [k, v] of entries) {
    const here = [...path, k.split('\u0000').join('\\u0000')]
    if (k.includes('\u0000')) return here
    const found = findNul(v, here, depth + 1)
    if (found) return found
  }
  return undefined
}

/**
 * Refuses a NUL character (`%00` in the path or a query parameter, `\u0000` anywhere in a JSON body) with
 * 400 naming the field, before any route sees it: PostgreSQL text cannot hold it, and no field needs it.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [
      ['params', req.params],
      ['query', req.query],
      ['body', req.body],
    ] as const) {
      const path = findNul(value)
      if (!path) continue
      const field = path.join('.') || where
      throw new AppError('VALIDATION', M.invalidField({ field }), [fieldError(field, M.nulCharacter())])
    }
  })
}
