/**
 * Percentages typed or pasted into the progress grid (docs/schedules.md#progress-two-truths): the
 * organization's number convention through the platform's decimal parser, an optional "%" sign, 0 to 100 with
 * at most 2 decimals (what the API accepts); and a column of cells pasted from Excel.
 */
import { parseDecimalInput } from '../../platform/decimal-input'

export type PercentParse =
  { ok: true; value: string } | { ok: false; reason: 'format' | 'fraction' | 'range' }

/** "12,5 %" (es-EC) or "12.5%" (es-MX) → "12.5"; empty text → `''`; over 100, negative or 3 decimals refused. */
export const parsePercentInput = (text: string, locale: string): PercentParse => {
  const s = text.replace(/%/g, '').trim()
  if (s === '') return { ok: true, value: '' }
  const r = parseDecimalInput(s, locale, { maxFractionDigits: 2 })
  if (!r.ok) return { ok: false, reason: r.reason === 'negative' ? 'range' : r.reason }
  const [int = '0', frac = ''] = r.value.split('.')
  const overHundred = int.length > 3 || Number(int) > 100 || (Number(int) === 100 && /[1-9]/.test(frac))
  if (overHundred) return { ok: false, reason: 'range' }
  return { ok: true, value: r.value }
}

/** The first cell of each line of a paste from a spreadsheet (the trailing line break Excel adds dropped). */
export const pastedColumn = (text: string): string[] => {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.length > 1 && lines.at(-1) === '') lines.pop()
  return lines.map((l) => (l.split('\t')[0] ?? '').trim())
}

/** Equal as percentages ("40" and "40.00"), without JS number arithmetic on the decimals. */
export const samePercent = (a: string, b: string): boolean => {
  const norm = (s: string) => {
    const [i = '0', f = ''] = s.trim().split('.')
    return `${i.replace(/^0+(?=\d)/, '')}.${f.replace(/0+$/, '')}`
  }
  return norm(a) === norm(b)
}
