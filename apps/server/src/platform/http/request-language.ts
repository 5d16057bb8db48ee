import type { FastifyInstance, FastifyRequest } from 'fastify'
import { runInLang } from '../i18n/language'
import { acceptedLang, type Lang } from '../i18n/messages'

/**
 * The caller's language (docs/platform.md "Messages and languages"): the signed-in user's setting, else the
 * first language of `Accept-Language` we speak, else Spanish.
 */
export const requestLang = (req: FastifyRequest): Lang =>
  req.actor?.lang ?? acceptedLang(req.headers['accept-language']) ?? 'es'

/**
 * Runs the route's validation and code in the caller's language (Zod's messages read it), per request. After
 * the auth hook (its own preValidation keeps the organization's scope), so `req.actor` is known.
 */
export function registerRequestLanguage(app: FastifyInstance) {
  app.addHook('preValidation', (req, _reply, done) => {
    runInLang(requestLang(req), () => done())
  })
}
