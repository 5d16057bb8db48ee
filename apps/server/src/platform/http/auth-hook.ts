import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can, type Actor, type Permission } from '../access'
import { SESSION_IDLE_MS, type AuthService, type RequestMeta } from '../auth/auth.service'
import { runInOrg } from '../db/org-scope'
import { AppError } from '../errors'
import { authMessages as M } from '../auth/auth.messages'
import type { FeedCaller } from '../feeds/feeds.service'
import { isApiPath, routeNotFound } from './error-handler'

export const SESSION_COOKIE = 'faena_session'
/** Set at sign-in: this browser signed in before with that e-mail (docs/platform.md#sign-in-limits). */
export const DEVICE_COOKIE = 'faena_device'
const LOGIN_PATH = '/api/v1/auth/login'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined
    sessionToken: string | undefined
    /** on feed routes: the token that reads (docs/feeds.md) */
    feedCaller: FeedCaller | undefined
  }
  interface FastifyContextConfig {
    /** routes that answer without a session (login, health, docs) */
    public?: boolean
    /**
     * What the caller needs: a permission of the static map, 'session' for any signed-in user, or 'feed' for
     * the BI feeds, read with a token (`Authorization: Bearer …`) and never with a session.
     * Checked here before the body is even read, and again by the service (defence in depth).
     */
    permission?: Permission | 'session' | 'feed'
  }
}

export const requestMeta = (req: FastifyRequest): RequestMeta => ({
  requestId: req.id,
  ip: req.ip ?? null,
  userAgent: req.headers['user-agent']?.slice(0, 500) ?? null,
})

/** The caller of an authenticated route; the hook guarantees it is there. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', M.signIn())
  return req.actor
}

export function registerAuthHook(
  app: FastifyInstance,
  auth: AuthService,
  opts: { secureCookies: boolean; authenticateFeedToken: (bearer: string) => Promise<FeedCaller | null> },
) {
  app.decorateRequest('actor', undefined)
  app.decorateRequest('sessionToken', undefined)
  app.decorateRequest('feedCaller', undefined)
  app.addHook('onRequest', async (req, reply) => {
    if (!isApiPath(req.url)) return
    // An /api path that no API route declares is a 404 for everyone, even when the web app's
    // catch-all (GET/HEAD /*) matched it: that route has no permission and must not answer here.
    const route = req.routeOptions.url
    if (!route || !isApiPath(route)) throw routeNotFound(req.method, req.url)
    const token = req.cookies[SESSION_COOKIE]
    if (token) {
      req.sessionToken = token
      const session = await auth.authenticate(token, requestMeta(req))
      req.actor = session?.actor
      // the browser keeps the cookie as long as the server keeps the session (sliding expiry)
      if (session?.renewedUntil) setSessionCookie(reply, token, opts.secureCookies, SESSION_IDLE_MS)
    }
    if (req.routeOptions.config?.public) return
    const permission = req.routeOptions.config?.permission
    if (permission === 'feed') {
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
      if (!bearer) {
        // a signed-in browser is not a BI tool: feeds are read with a token only
        if (req.actor) throw new AppError('FORBIDDEN', M.feedNeedsToken())
        throw new AppError('UNAUTHENTICATED', M.missingToken())
      }
      req.feedCaller = (await opts.authenticateFeedToken(bearer)) ?? undefined
      if (!req.feedCaller) throw new AppError('UNAUTHENTICATED', M.badToken())
      return
    }
    if (!req.actor) throw new AppError('UNAUTHENTICATED', M.signIn())
    if (!permission) throw new AppError('FORBIDDEN', M.routeWithoutPermission())
    if (permission !== 'session' && !can(req.actor, permission)) {
      throw new AppError('FORBIDDEN', M.forbidden(), { permission })
    }
  })
  // Row-level security (docs/platform.md#row-level-security): the route's own code runs scoped to the
  // caller's organization. From preValidation on, because reading a body loses the async context; the
  // session look-up above and public routes (sign-in) run as the system.
  app.addHook('preValidation', (req, _reply, done) => {
    const orgId = req.routeOptions.config?.public ? undefined : (req.feedCaller ?? req.actor)?.orgId
    if (orgId) runInOrg(orgId, () => done())
    else done()
  })
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeMs: number) {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  })
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' })
}

/** The device cookie, sent back only to the sign-in route. */
export function setDeviceCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeMs: number) {
  void reply.setCookie(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: LOGIN_PATH,
    maxAge: Math.floor(maxAgeMs / 1000),
  })
}
