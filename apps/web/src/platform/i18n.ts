/**
 * i18next setup. Spanish is the source language and the fallback; English is the second language.
 * The `platform` namespace is bundled; every module's namespace is a loader from `i18n-resources.ts`
 * (passed in by main.tsx so that this file never imports the modules: no import cycles), fetched the
 * first time a screen needs it (`lazyPage`/`lazyComponent` in lazy.tsx, or `useTranslation`, which
 * suspends until it is there). The chosen language is kept in localStorage; when logged in it is also
 * saved on the user (`useChangeLanguage` in session.tsx).
 */
import i18next, { type BackendModule } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { installZodMessages } from './validation'

export const LANGUAGES = ['es', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'faena.language'

export const isLanguage = (v: unknown): v is Language => v === 'es' || v === 'en'

/** The language the user picked on this browser, if any. */
export const storedLanguage = (): Language | null => {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY)
    return isLanguage(v) ? v : null
  } catch {
    return null
  }
}

export const currentLanguage = (): Language => (isLanguage(i18next.language) ? i18next.language : 'es')

/** Switches the UI language and remembers it on this browser. */
export const applyLanguage = async (lang: Language, opts: { remember?: boolean } = {}): Promise<void> => {
  if (opts.remember !== false) {
    try {
      window.localStorage.setItem(STORAGE_KEY, lang)
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  if (i18next.language !== lang) await i18next.changeLanguage(lang)
}

/** A module's translations, loaded on demand (`() => import('./i18n').then((m) => m.i18n)`). */
export type NamespaceLoader = () => Promise<Record<Language, object>>

let loaderNames: string[] = []

/** i18next backend that reads a namespace from its module's chunk (both languages come in one chunk). */
const chunkBackend = (loaders: Record<string, NamespaceLoader>): BackendModule => ({
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read: (language, namespace, callback) => {
    const load = loaders[namespace]
    if (!load) {
      callback(new Error(`unknown translation namespace "${namespace}"`), false)
      return
    }
    load().then(
      (r) => callback(null, r[isLanguage(language) ? language : 'es']),
      (e: unknown) => callback(e instanceof Error ? e : String(e), false),
    )
  },
})

/** Loads translation namespaces (`'all'`: every module's, for screens that label every module's records). */
export const loadNamespaces = async (namespaces: string | readonly string[]): Promise<void> => {
  const list = namespaces === 'all' ? loaderNames : typeof namespaces === 'string' ? [namespaces] : namespaces
  await i18next.loadNamespaces([...list])
}

export const initI18n = async (
  bundled: Record<Language, Record<string, object>>,
  loaders: Record<string, NamespaceLoader>,
): Promise<void> => {
  loaderNames = Object.keys(loaders)
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
  })
  await i18next
    .use(initReactI18next)
    .use(chunkBackend(loaders))
    .init({
      resources: bundled,
      // bundled namespaces plus the ones the backend fetches on demand
      partialBundledLanguages: true,
      lng: storedLanguage() ?? 'es',
      fallbackLng: 'es',
      supportedLngs: LANGUAGES,
      ns: Object.keys(bundled.es),
      defaultNS: 'platform',
      interpolation: { escapeValue: false },
      initAsync: false,
    })
  document.documentElement.lang = i18next.language
  installZodMessages()
}
