/**
 * Exact amount arithmetic the web needs as well as the server, on plain decimal strings (no floating point,
 * no library): the server's money helpers (platform/money) use decimal.js for everything else.
 */

const PLAIN_DECIMAL = /^(\d{1,15})(?:\.(\d{1,10}))?$/

/**
 * `amount × times` with two decimals, exact; rounded half-up to cents only when the amount carries more
 * than two decimals. `times` is a whole non-negative count (days of a maintenance job). Null when the
 * amount is not a plain non-negative decimal string or `times` is not a whole count.
 */
export function amountTimes(amount: string, times: number): string | null {
  const m = PLAIN_DECIMAL.exec(amount.trim())
  if (!m || !Number.isSafeInteger(times) || times < 0) return null
  const frac = m[2] ?? ''
  const scale = 10n ** BigInt(frac.length)
  const product = BigInt(`${m[1]}${frac}`) * BigInt(times) // value × scale
  // half-up to cents: floor((product × 100 × 2 + scale) / (2 × scale))
  const cents = (product * 200n + scale) / (2n * scale)
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`
}
