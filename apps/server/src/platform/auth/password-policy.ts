import type { ZxcvbnFactory } from '@zxcvbn-ts/core'
import type * as EnglishPack from '@zxcvbn-ts/language-en'
import { AppError } from '../errors'

/**
 * Password policy (docs/platform.md#passwords): at least 10 characters (the contracts check that) and a
 * strength score of at least 3 of 4 by the zxcvbn estimator, with the common-password, English and Spanish
 * dictionaries: common and trivial passwords (`aaaaaaaaaa`, `1234567890`, `password123`, keyboard rows,
 * the user's own e-mail or name) are refused; a few unrelated words or a random string pass.
 */
export const MIN_PASSWORD_SCORE = 3

type Locale = 'es' | 'en'

type Translations = typeof EnglishPack.translations
type Estimator = {
  factory: ZxcvbnFactory
  text: Record<Locale, { weak: string; translations: Translations }>
}

// Feedback comes back as translation keys; they are put in the caller's language below.
const asKeys = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.keys(o).map((k) => [k, k])) as Record<keyof T, string>

let estimator: Promise<Estimator> | undefined
/**
 * Loaded on first use, not at start-up: the dictionaries are megabytes of JavaScript (about a second and
 * tens of MB to load and unpack) that a server only needs when someone sets a password.
 */
const loadEstimator = () =>
  (estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en, es] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-es-es'),
    ])
    const factory = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...es.dictionary },
      graphs: common.adjacencyGraphs,
      translations: {
        warnings: asKeys(en.translations.warnings),
        suggestions: asKeys(en.translations.suggestions),
        timeEstimation: asKeys(en.translations.timeEstimation),
      },
    })
    return {
      factory,
      text: {
        es: {
          weak: 'La contraseña es demasiado fácil de adivinar: usa varias palabras poco comunes o una frase',
          translations: es.translations,
        },
        en: {
          weak: 'The password is too easy to guess: use several uncommon words or a phrase',
          translations: en.translations,
        },
      },
    }
  })())

export type PasswordStrength = { ok: boolean; score: number; message: string }

/** Scores a password; `userInputs` (e-mail, name, organization) count as guessable words. */
export async function checkPasswordStrength(
  password: string,
  opts: { locale?: Locale; userInputs?: string[] } = {},
): Promise<PasswordStrength> {
  const { factory, text: texts } = await loadEstimator()
  const locale = opts.locale ?? 'es'
  const inputs = (opts.userInputs ?? []).flatMap((s) => [s, ...s.split(/[^\p{L}\p{N}]+/u)]).filter(Boolean)
  const r = factory.check(password, inputs)
  const text = texts[locale]
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
export async function assertStrongPassword(
  field: string,
  password: string,
  opts: { locale?: Locale; userInputs?: string[] } = {},
): Promise<void> {
  const r = await checkPasswordStrength(password, opts)
  if (!r.ok) throw new AppError('VALIDATION', r.message, [{ path: field, message: r.message }])
}
