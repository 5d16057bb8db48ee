/**
 * The signed-in user, organization and permissions (`GET /api/v1/auth/me`), plus the hooks that
 * depend on them: permissions, language preference, formatting in the organization's locale, logout.
 */
import { useMemo } from 'react'
import {
  queryOptions,
  useMutation,
  useQueryClient,
  useSuspenseQuery,
  type QueryClient,
} from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TMe } from '@faena/contracts'
import { api } from './api'
import { applyLanguage, currentLanguage, storedLanguage, type Language } from './i18n'
import {
  formatDate,
  formatDateTime,
  formatInteger,
  formatLocaleFor,
  formatMoney,
  formatMonth,
  formatPercent,
  formatQuantity,
  formatWeekday,
  wordsLocaleFor,
  type DecimalString,
} from './format'

export const ME_QUERY_KEY = ['auth', 'me'] as const

export const meQueryOptions = queryOptions({
  queryKey: ME_QUERY_KEY,
  queryFn: ({ signal }) => api.get('/api/v1/auth/me', { signal, skipAuthRedirect: true }),
  staleTime: 5 * 60_000,
  retry: false,
})

/** The session. Only use inside the authenticated layout (its route guarantees the data). */
export const useMe = (): TMe => useSuspenseQuery(meQueryOptions).data

/** Whether the session has a permission such as `proposal.read` or `user.manage`. */
export const can = (me: Pick<TMe, 'permissions'> | null | undefined, permission: string): boolean =>
  !!me && me.permissions.includes(permission)

/** `const allowed = useCan(); allowed('catalog.update')` */
export const useCan = (): ((permission: string) => boolean) => {
  const me = useMe()
  return useMemo(() => {
    const set = new Set(me.permissions)
    return (permission: string) => set.has(permission)
  }, [me.permissions])
}

/**
 * After login: adopt the user's saved language, unless this browser has an explicit choice
 * (e.g. made on the login page) that differs, in which case that choice is saved on the user.
 */
export const syncLanguageAfterLogin = async (queryClient: QueryClient, me: TMe): Promise<void> => {
  const local = storedLanguage()
  if (!local) {
    await applyLanguage(me.user.locale, { remember: false })
    return
  }
  if (local !== me.user.locale) {
    try {
      await api.patch('/api/v1/auth/me/preferences', { body: { locale: local } })
      queryClient.setQueryData(ME_QUERY_KEY, { ...me, user: { ...me.user, locale: local } })
    } catch {
      // not critical: the language still applies on this browser
    }
  }
}

/** Switch language: applies at once, remembers it locally and, when signed in, on the user. */
export const useChangeLanguage = () => {
  const queryClient = useQueryClient()
  return async (lang: Language) => {
    await applyLanguage(lang)
    const me = queryClient.getQueryData<TMe>(ME_QUERY_KEY)
    if (!me || me.user.locale === lang) return
    queryClient.setQueryData(ME_QUERY_KEY, { ...me, user: { ...me.user, locale: lang } })
    try {
      await api.patch('/api/v1/auth/me/preferences', { body: { locale: lang } })
    } catch {
      // the local choice still applies; the next login retries
    }
  }
}

export const useLogout = (onDone: () => void) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.post('/api/v1/auth/logout', { skipAuthRedirect: true }),
    onSettled: () => {
      onDone()
      // after navigating away, so the shell does not re-render without a session
      setTimeout(() => queryClient.clear(), 0)
    },
  })
}

export type Formatters = {
  /** The organization's convention (es-MX / es-EC), whatever the UI language: digits, currency symbols, date order. */
  locale: string
  /** Month and weekday names: the UI language in the organization's order (en-GB in English). */
  wordsLocale: string
  timeZone: string
  /**
   * Money from a decimal string. The ISO code is shown when the organization works in more than one
   * currency ("MXN 1,234.50" next to "USD 1,234.50"); `{ code }` forces it on or off.
   */
  money: (amount: DecimalString, currency: string, opts?: { code?: boolean }) => string
  quantity: (
    value: DecimalString | number,
    opts?: { minFractionDigits?: number; maxFractionDigits?: number },
  ) => string
  percent: (value: DecimalString | number, opts?: { ratio?: boolean; maxFractionDigits?: number }) => string
  date: (date: string | null | undefined, style?: 'short' | 'medium' | 'long') => string
  /** `YYYY-MM` (or a date in it) -> "noviembre de 2025" / "November 2025"; `'short'` -> "nov 25". */
  month: (month: string | null | undefined, style?: 'long' | 'short') => string
  weekday: (date: string, style?: 'narrow' | 'short' | 'long') => string
  dateTime: (iso: string | null | undefined, opts?: { seconds?: boolean }) => string
  integer: (n: number) => string
}

export const buildFormatters = (o: {
  locale: string
  wordsLocale: string
  timeZone: string
  /** The organization's currencies: with more than one, money always says its code. */
  currencies: readonly string[]
}): Formatters => {
  const { locale, wordsLocale, timeZone } = o
  const codeByDefault = o.currencies.length > 1
  return {
    locale,
    wordsLocale,
    timeZone,
    money: (amount, currency, opts) =>
      formatMoney(amount, currency, locale, { code: opts?.code ?? codeByDefault }),
    quantity: (value, opts) => formatQuantity(value, locale, opts),
    percent: (value, opts) => formatPercent(value, locale, opts),
    date: (date, style) => formatDate(date, locale, style, wordsLocale),
    month: (month, style) => formatMonth(month, wordsLocale, style),
    weekday: (date, style) => formatWeekday(date, wordsLocale, style),
    dateTime: (iso, opts) => formatDateTime(iso, timeZone, locale, opts),
    integer: (n) => formatInteger(n, locale),
  }
}

/**
 * Formatters bound to the organization's convention and time zone (words in the UI language).
 * Works before login too (falls back to es-MX / America/Mexico_City).
 */
export const useFormat = (): Formatters => {
  const { i18n } = useTranslation()
  const queryClient = useQueryClient()
  const org = queryClient.getQueryData<TMe>(ME_QUERY_KEY)?.organization
  const lang = i18n.language || currentLanguage()
  const locale = formatLocaleFor(org?.locale)
  const wordsLocale = wordsLocaleFor(lang, org?.locale)
  const timeZone = org?.timeZone ?? 'America/Mexico_City'
  const currencies = (org?.currencies ?? []).join(',')
  return useMemo(
    () =>
      buildFormatters({ locale, wordsLocale, timeZone, currencies: currencies ? currencies.split(',') : [] }),
    [locale, wordsLocale, timeZone, currencies],
  )
}
