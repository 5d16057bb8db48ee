import { AsyncLocalStorage } from 'node:async_hooks'
import type { Lang } from './messages'

/**
 * The language of the request being served, for what renders text while it runs (Zod's messages). Set per
 * request by the HTTP layer (platform/http/request-language.ts), never globally: two requests in two
 * languages at once each see their own. Outside a request: Spanish.
 */
const current = new AsyncLocalStorage<Lang>()

export const runInLang = <T>(lang: Lang, fn: () => T): T => current.run(lang, fn)

export const currentLang = (): Lang => current.getStore() ?? 'es'
