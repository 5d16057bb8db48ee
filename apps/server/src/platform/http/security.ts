import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors'
import { httpMessages as M } from './http.messages'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Security headers on every answer, and the Origin check on state-changing requests:
 * a browser request from another origin (Origin or Sec-Fetch-Site says so) is refused.
 */
export function registerSecurity(
  app: FastifyInstance,
  opts: { publicOrigin?: string | undefined; secure: boolean },
) {
  app.addHook('onRequest', async (req) => {
    if (!UNSAFE_METHODS.has(req.method)) return
    const origin = req.headers.origin
    const site = req.headers['sec-fetch-site']
    if (site === 'cross-site') throw new AppError('FORBIDDEN', M.originNotAllowed())
    if (!origin) return
    const host = req.headers.host
    const allowed = new Set([`http://${host}`, `https://${host}`])
    if (opts.publicOrigin) allowed.add(opts.publicOrigin.replace(/\/$/, ''))
    if (!allowed.has(origin)) throw new AppError('FORBIDDEN', M.originNotAllowed())
  })

  app.addHook('onSend', async (req, reply, payload) => {
    if (!reply.hasHeader('content-security-policy'))
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('x-frame-options', 'DENY')
    reply.header('referrer-policy', 'same-origin')
    reply.header('cross-origin-opener-policy', 'same-origin')
    reply.header('cross-origin-resource-policy', 'same-origin')
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()')
    reply.header('x-request-id', req.id)
    if (opts.secure) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store')
    return payload
  })
}
