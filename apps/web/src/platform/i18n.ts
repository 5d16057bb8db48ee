/**
 * i18next setup. Spanish is the source language and the fallback; English is the second language.
 * Resources come from `i18n-resources.ts` (one namespace per module), passed in by main.tsx so that
 * this file never imports the modules (no import cycles). The chosen language is kept in
 * localStorage; when logged in it is also saved on the user (`useChangeLanguage` in session.tsx).
 */
import i18next from 'i18next'
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

export const initI18n = async (resources: Record<Language, Record<string, object>>): Promise<void> => {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
  })
  await i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage() ?? 'es',
    fallbackLng: 'es',
    supportedLngs: LANGUAGES,
    ns: Object.keys(resources.es),
    defaultNS: 'platform',
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  document.documentElement.lang = i18next.language
  installZodMessages()
}
