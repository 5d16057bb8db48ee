import { ZxcvbnFactory, type TranslationKeys } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'
import * as es from '@zxcvbn-ts/language-es-es'
import { AppError } from '../errors'

/**
 * Password policy (docs/platform.md#passwords): at least 10 characters (the contracts check that) and a
 * strength score of at least 3 of 4 by the zxcvbn estimator, with the common-password, English and Spanish
 * dictionaries: common and trivial passwords (`aaaaaaaaaa`, `1234567890`, `password123`, keyboard rows,
 * the user's own e-mail or name) are refused; a few unrelated words or a random string pass.
 */
export const MIN_PASSWORD_SCORE = 3

type Locale = 'es' | 'en'

// Feedback comes back as translation keys; they are put in the caller's language below.
const asKeys = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.keys(o).map((k) => [k, k])) as Record<keyof T, string>
const KEYS = {
  warnings: asKeys(en.translations.warnings),
  suggestions: asKeys(en.translations.suggestions),
  timeEstimation: asKeys(en.translations.timeEstimation),
} as TranslationKeys

let factory: ZxcvbnFactory | undefined
// Built on first use: unpacking the dictionaries takes about a second.
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...es.dictionary },
    graphs: common.adjacencyGraphs,
    translations: KEYS,
  }))

const TEXT: Record<Locale, { weak: string; translations: typeof en.translations }> = {
  es: {
    weak: 'La contraseña es demasiado fácil de adivinar: usa varias palabras poco comunes o una frase',
    translations: es.translations,
  },
  en: {
    weak: 'The password is too easy to guess: use several uncommon words or a phrase',
    translations: en.translations,
  },
}

export type PasswordStrength = { ok: boolean; score: number; message: string }

/** Scores a password; `userInputs` (e-mail, name, organization) count as guessable words. */
export function checkPasswordStrength(
  password: string,
  opts: { locale?: Locale; userInputs?: string[] } = {},
): PasswordStrength {
  const locale = opts.locale ?? 'es'
  const inputs = (opts.userInputs ?? []).flatMap((s) => [s, ...s.split(/[^\p{L}\p{N}]+/u)]).filter(Boolean)
  const r = estimator().check(password, inputs)
  const text = TEXT[locale]
  const warning = r.feedback.warning
    ? (text.translations.warnings as Record<string, string>)[r.feedback.warning]
    : undefined
  const suggestion = r.feedback.suggestions
    .map((k) => (text.translations.suggestions as Record<string, string>)[k])
    .find(Boolean)
  const ok = r.score >= MIN_PASSWORD_SCORE
  const message = ok
    ? ''
    : [text.weak, warning, suggestion]
        .map((m) => m?.replace(/\.$/, ''))
        .filter(Boolean)
        .join('. ')
  return { ok, score: r.score, message }
}

/** Throws a 400 naming `field` when the password is too weak. */
export function assertStrongPassword(
  field: string,
  password: string,
  opts: { locale?: Locale; userInputs?: string[] } = {},
) {
  const r = checkPasswordStrength(password, opts)
  if (!r.ok) throw new AppError('VALIDATION', r.message, [{ path: field, message: r.message }])
}
