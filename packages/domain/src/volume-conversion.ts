/**
 * Volume conversions of a custody chain (docs/rental-billing.md#volume-conversions), shared by the server
 * (stored values) and the web (live hint while typing):
 *
 *   1 barrel = 42 US gallons;  1 barrel = 0.158987 m³;  1 gallon = 0.00378541 m³
 *
 * The value the user typed is KEPT (written with two decimals; it may not carry more than two); the other
 * two are DERIVED from the typed value — never from each other — and rounded once, half-up, to 2 decimals
 * (rounding rule VOLUME_CONVERSION). The constants are the ones of the old system, per direction
 * (42 × 0.00378541 = 0.15898722 ≠ 0.158987; both are kept).
 *
 * Exact integer maths on hundredths: half-up(n × num / den) = floor((2·n·num + den) / (2·den)) for n ≥ 0.
 */

export type VolumeUnit = 'gallons' | 'barrels' | 'cubicMeters'
export const VOLUME_UNITS: readonly VolumeUnit[] = ['gallons', 'barrels', 'cubicMeters']
export type Volumes = Record<VolumeUnit, string>

export const GALLONS_PER_BARREL = '42'
export const CUBIC_METERS_PER_BARREL = '0.158987'
export const CUBIC_METERS_PER_GALLON = '0.00378541'

/** A typed volume: a non-negative decimal with at most 8 integer and 2 fraction digits. */
const VOLUME_RE = /^\d{1,8}(\.\d{1,2})?$/

/** Factor of each conversion as numerator / denominator (from the constants above). */
const FACTOR: Record<VolumeUnit, Record<VolumeUnit, readonly [bigint, bigint]>> = {
  gallons: { gallons: [1n, 1n], barrels: [1n, 42n], cubicMeters: [378_541n, 100_000_000n] },
  barrels: { gallons: [42n, 1n], barrels: [1n, 1n], cubicMeters: [158_987n, 1_000_000n] },
  cubicMeters: { gallons: [100_000_000n, 378_541n], barrels: [1_000_000n, 158_987n], cubicMeters: [1n, 1n] },
}

const toHundredths = (v: string): bigint => {
  const [int = '0', frac = ''] = v.split('.')
  return BigInt(int) * 100n + BigInt(frac.padEnd(2, '0'))
}
const fromHundredths = (h: bigint): string => `${h / 100n}.${String(h % 100n).padStart(2, '0')}`

/** True for a typed volume (≥ 0, at most 8 integer and 2 fraction digits, no blanks). */
export const isVolume = (value: unknown): value is string =>
  typeof value === 'string' && VOLUME_RE.test(value)

/** The three volumes from the one the user typed. Throws RangeError for anything but a volume (see isVolume). */
export function convertVolume(unit: VolumeUnit, value: string): Volumes {
  if (!isVolume(value)) {
    throw new RangeError(`${unit}: not a volume with at most 2 decimals: ${JSON.stringify(value)}`)
  }
  const factors = FACTOR[unit] as Record<VolumeUnit, readonly [bigint, bigint]> | undefined
  if (!factors) throw new RangeError(`unknown volume unit: ${JSON.stringify(unit)}`)
  const n = toHundredths(value)
  const out = {} as Volumes
  for (const target of VOLUME_UNITS) {
    const [num, den] = factors[target]
    out[target] = fromHundredths((2n * n * num + den) / (2n * den))
  }
  return out
}

/** convertVolume for text being typed: blanks around are ignored; null while it is not a volume. */
export function tryConvertVolume(unit: VolumeUnit, typed: string): Volumes | null {
  const v = typed.trim()
  return isVolume(v) ? convertVolume(unit, v) : null
}
