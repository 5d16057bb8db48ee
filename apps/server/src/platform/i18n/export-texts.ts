import type { Actor } from '../access'
import type { SheetColumn } from '../spreadsheet/spreadsheet'
import type { Lang, MessageTexts } from './messages'

/**
 * Exports in the requesting user's language (docs/platform.md "Messages and languages"): an export declares
 * its sheet names, headers and enum labels in both languages and picks the requester's when it runs.
 */
export type Texts = MessageTexts

/** The language of what is produced for `actor` (their setting; Spanish for the system). */
export const langOf = (actor: Pick<Actor, 'lang'>): Lang => actor.lang ?? 'es'

export const pick = (t: Texts, lang: Lang): string => t[lang]

/** A column whose header is given in both languages. */
export type LocalizedColumn = Omit<SheetColumn, 'header'> & { header: Texts }

export const columnsIn = (columns: readonly LocalizedColumn[], lang: Lang): SheetColumn[] =>
  columns.map((c) => ({ ...c, header: c.header[lang] }))

/** The labels of an enum in one language (`labelsIn(STATUS, 'es')[status]`). */
export const labelsIn = <K extends string>(labels: Record<K, Texts>, lang: Lang): Record<K, string> =>
  Object.fromEntries(Object.entries<Texts>(labels).map(([k, t]) => [k, t[lang]])) as Record<K, string>

export const YES_NO: Record<'yes' | 'no', Texts> = {
  yes: { es: 'Sí', en: 'Yes' },
  no: { es: 'No', en: 'No' },
}
