/**
 * `const en: TranslationShape<typeof es> = {...}` makes the compiler check that the English
 * resources have exactly the keys of the Spanish ones (Spanish is the source language).
 */
export type TranslationShape<T> = { [K in keyof T]: T[K] extends string ? string : TranslationShape<T[K]> }

/** What every module's `i18n.ts` exports (under its own namespace key in `i18n-resources.ts`). */
export type ModuleTranslations<T> = { es: T; en: TranslationShape<T> }
