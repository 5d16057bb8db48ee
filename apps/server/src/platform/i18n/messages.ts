import { LANGS, type TLang, type TMessageParams } from '@faena/contracts'

/**
 * The server's message catalogue (docs/platform.md "Messages and languages"). Each module declares its
 * messages once, in `<module>.messages.ts`, with a stable key, a Spanish and an English text and the
 * parameters the texts name as `{param}`:
 *
 *   export const sheetMessages = defineMessages('rental.sheet', {
 *     frozenPeriod: { es: 'El periodo {period} está cerrado', en: 'Period {period} is closed' },
 *   })
 *   throw new AppError('INVALID_STATE', sheetMessages.frozenPeriod({ period: '2026-03' }))
 *
 * A service throws the message (key + params); the HTTP layer renders it in the caller's language.
 */

export type Lang = TLang
export { LANGS }
export type MessageParams = TMessageParams
export type Message = { readonly key: string; readonly params: MessageParams }
export type MessageTexts = { readonly es: string; readonly en: string }

/** The parameter names of a text: `'{a} y {b}'` → `'a' | 'b'`. */
type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamNames<Rest>
  : never
type MessageFn<S extends string> = [ParamNames<S>] extends [never]
  ? () => Message
  : (params: Record<ParamNames<S>, string | number>) => Message
export type Messages<T extends Record<string, MessageTexts>> = {
  readonly [K in keyof T]: MessageFn<T[K]['es']>
}

const catalogue = new Map<string, MessageTexts>()

/** Declares a module's messages under `prefix` (`'rental.sheet'` → keys `rental.sheet.<name>`). */
export function defineMessages<const T extends Record<string, MessageTexts>>(
  prefix: string,
  texts: T,
): Messages<T> {
  const fns: Record<string, (params?: MessageParams) => Message> = {}
  for (const [name, t] of Object.entries(texts)) {
    const key = `${prefix}.${name}`
    if (catalogue.has(key) && catalogue.get(key) !== t) throw new Error(`message key declared twice: ${key}`)
    catalogue.set(key, t)
    fns[name] = (params = {}) => ({ key, params })
  }
  return fns as unknown as Messages<T>
}

/** Every declared key with its texts (the catalogue test walks it). */
export const catalogueEntries = (): [string, MessageTexts][] => [...catalogue.entries()]

export const isMessage = (v: unknown): v is Message =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Message).key === 'string' &&
  catalogue.has((v as Message).key)

/** The names a text interpolates. */
export const paramNames = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')

/** A key's text in `lang` with its parameters filled in; an unknown key renders as itself. */
export function renderKey(key: string, params: MessageParams, lang: Lang): string {
  const texts = catalogue.get(key)
  if (!texts) return key
  return texts[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  )
}

export const render = (m: Message, lang: Lang): string => renderKey(m.key, m.params, lang)

export const hasKey = (key: string): boolean => catalogue.has(key)

/** The first of the languages a client accepts (`Accept-Language: en-US,en;q=0.9,es;q=0.5`) that we speak. */
export function acceptedLang(header: string | undefined): Lang | undefined {
  if (!header) return undefined
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...rest] = part.trim().split(';')
      const q = rest.map((r) => /^\s*q=([\d.]+)\s*$/.exec(r)?.[1]).find(Boolean)
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i }
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  return ranked.map((r) => r.lang).find((l): l is Lang => (LANGS as readonly string[]).includes(l))
}
