import { Dec } from './money'

/**
 * An amount written in Spanish words as Mexican bills and estimates print it ("importe con letra"):
 *
 *   amountInWords('1200000.50', 'MXN') → 'UN MILLÓN DOSCIENTOS MIL PESOS 50/100 M.N.'
 *   amountInWords('1000000', 'MXN')    → 'UN MILLÓN DE PESOS 00/100 M.N.'
 *   amountInWords('21.05', 'USD')      → 'VEINTIÚN DÓLARES 05/100 USD'
 *
 * Pure; exact (decimal.js, the integer part as a bigint). More than two decimals are rounded half-up to cents
 * (rule `amount-in-words-cents`); a negative amount starts with MENOS. Up to 999,999 billones (10^18 − 1).
 */
export type WordsCurrency = 'MXN' | 'USD'

const UNITS = ['', 'UN', 'DOS', 'TRES', 'CUATRO', 'CINCO', 'SEIS', 'SIETE', 'OCHO', 'NUEVE']
const TEENS = [
  'DIEZ',
  'ONCE',
  'DOCE',
  'TRECE',
  'CATORCE',
  'QUINCE',
  'DIECISÉIS',
  'DIECISIETE',
  'DIECIOCHO',
  'DIECINUEVE',
]
const TWENTIES = [
  'VEINTE',
  'VEINTIÚN',
  'VEINTIDÓS',
  'VEINTITRÉS',
  'VEINTICUATRO',
  'VEINTICINCO',
  'VEINTISÉIS',
  'VEINTISIETE',
  'VEINTIOCHO',
  'VEINTINUEVE',
]
const TENS = ['', '', '', 'TREINTA', 'CUARENTA', 'CINCUENTA', 'SESENTA', 'SETENTA', 'OCHENTA', 'NOVENTA']
const HUNDREDS = [
  '',
  'CIENTO',
  'DOSCIENTOS',
  'TRESCIENTOS',
  'CUATROCIENTOS',
  'QUINIENTOS',
  'SEISCIENTOS',
  'SETECIENTOS',
  'OCHOCIENTOS',
  'NOVECIENTOS',
]

/** 1..999 in words, the final "uno" shortened (UN, VEINTIÚN, TREINTA Y UN): it always precedes a noun here. */
function below1000(n: number): string {
  if (n === 100) return 'CIEN'
  const h = Math.floor(n / 100)
  const rest = n % 100
  const parts: string[] = []
  if (h > 0) parts.push(HUNDREDS[h]!)
  if (rest >= 30) {
    const u = rest % 10
    parts.push(u === 0 ? TENS[Math.floor(rest / 10)]! : `${TENS[Math.floor(rest / 10)]!} Y ${UNITS[u]!}`)
  } else if (rest >= 20) parts.push(TWENTIES[rest - 20]!)
  else if (rest >= 10) parts.push(TEENS[rest - 10]!)
  else if (rest > 0) parts.push(UNITS[rest]!)
  return parts.join(' ')
}

/** 1..999,999: "MIL" alone for one thousand, "VEINTIÚN MIL", "CIENTO UN MIL". */
function below1e6(n: number): string {
  const thousands = Math.floor(n / 1000)
  const rest = n % 1000
  const parts: string[] = []
  if (thousands === 1) parts.push('MIL')
  else if (thousands > 1) parts.push(`${below1000(thousands)} MIL`)
  if (rest > 0) parts.push(below1000(rest))
  return parts.join(' ')
}

const MILLION = 1_000_000n
const BILLION = MILLION * MILLION

/** A whole number in words ('CERO' for 0); the last word is shortened before a noun (UN, VEINTIÚN). */
export function integerInWords(n: bigint): string {
  if (n < 0n) throw new RangeError('integerInWords: negative')
  if (n === 0n) return 'CERO'
  if (n >= BILLION * MILLION) throw new RangeError('integerInWords: 10^18 or more')
  const billions = Number(n / BILLION)
  const millions = Number((n % BILLION) / MILLION)
  const rest = Number(n % MILLION)
  const parts: string[] = []
  if (billions > 0) parts.push(billions === 1 ? 'UN BILLÓN' : `${below1e6(billions)} BILLONES`)
  if (millions > 0) parts.push(millions === 1 ? 'UN MILLÓN' : `${below1e6(millions)} MILLONES`)
  if (rest > 0) parts.push(below1e6(rest))
  return parts.join(' ')
}

const CURRENCY: Record<WordsCurrency, { one: string; many: string; suffix: string }> = {
  MXN: { one: 'PESO', many: 'PESOS', suffix: 'M.N.' },
  USD: { one: 'DÓLAR', many: 'DÓLARES', suffix: 'USD' },
}

/** `value` (a decimal string) in Spanish words with its cents as NN/100 and the currency's suffix. */
export function amountInWords(value: string, currency: WordsCurrency): string {
  const d = new Dec(value)
  const negative = d.isNegative() && !d.isZero()
  // rounding rule `amount-in-words-cents`: half-up to cents, as every printed amount
  const [int = '0', frac = '00'] = d.abs().toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2).split('.')
  const whole = BigInt(int)
  const words = integerInWords(whole)
  const c = CURRENCY[currency]
  const noun = whole === 1n ? c.one : c.many
  // "UN MILLÓN DE PESOS", "DOS MIL MILLONES DE PESOS": a bare million or billion takes DE before the noun
  const de = whole > 0n && whole % MILLION === 0n ? ' DE' : ''
  return `${negative ? 'MENOS ' : ''}${words}${de} ${noun} ${frac}/100 ${c.suffix}`
}
