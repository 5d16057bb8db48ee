import type { TFieldError } from '@faena/contracts'
import { Dec, isPlainDecimal, type Dec as Decimal } from './billing-decimal'

/**
 * Volume conversions of a custody chain (docs/rental-billing.md#volume-conversions).
 *
 *   1 barrel = 42 US gallons;  1 barrel = 0.158987 m³;  1 gallon = 0.00378541 m³
 *
 *   from gallons g:  barrels = g / 42            m³ = g × 0.00378541
 *   from barrels b:  gallons = b × 42            m³ = b × 0.158987
 *   from m³ v:       gallons = v / 0.00378541    barrels = v / 0.158987
 *
 * The value the user typed is KEPT (same value, written with two decimals; it may not carry more than
 * two); the other two are DERIVED from the typed value — never from each other — with exact decimal maths
 * and rounded once, half-up, to 2 decimals (rounding rule VOLUME_CONVERSION). The constants are the ones
 * of the old system, per direction (42 × 0.00378541 = 0.15898722 ≠ 0.158987; we keep both).
 *
 * The old client converted with JavaScript floats (`toFixed`); here a division is rounded exactly:
 * half-up(x / c) = floor((200·x + c) / (2·c)) / 100 for x ≥ 0, computed with decimal integer division.
 */

export type VolumeUnit = 'gallons' | 'barrels' | 'cubicMeters'
export const VOLUME_UNITS: readonly VolumeUnit[] = ['gallons', 'barrels', 'cubicMeters']

export type Volumes = { gallons: string; barrels: string; cubicMeters: string }

export const GALLONS_PER_BARREL = '42'
export const CUBIC_METERS_PER_BARREL = '0.158987'
export const CUBIC_METERS_PER_GALLON = '0.00378541'

const VOLUME_RE = /^\d{1,8}(\.\d{1,2})?$/

/** Field error for a typed volume: a non-negative decimal string with at most 8 integer and 2 fraction digits. */
export function volumeInputError(value: unknown, path: string): TFieldError | null {
  if (typeof value === 'string' && VOLUME_RE.test(value)) return null
  return { path, message: 'Volumen inválido: número no negativo con hasta 2 decimales' }
}

/** x × c rounded half-up to 2 decimals (rule VOLUME_CONVERSION). The product itself is exact. */
const timesRounded = (x: Decimal, c: string): Decimal => x.times(c).toDecimalPlaces(2, Dec.ROUND_HALF_UP)

/** x / c rounded half-up to 2 decimals (rule VOLUME_CONVERSION), exactly: floor((200x + c) / 2c) / 100. */
const dividedRounded = (x: Decimal, c: string): Decimal =>
  x.times(200).plus(c).divToInt(new Dec(c).times(2)).div(100)

/** The three volumes from the one the user typed. Throws RangeError for an invalid value (see volumeInputError). */
export function convertVolume(unit: VolumeUnit, value: string): Volumes {
  if (!isPlainDecimal(value) || !VOLUME_RE.test(value)) {
    throw new RangeError(`${unit}: not a volume with at most 2 decimals: ${JSON.stringify(value)}`)
  }
  const x = new Dec(value)
  let gallons: Decimal
  let barrels: Decimal
  let cubicMeters: Decimal
  switch (unit) {
    case 'gallons':
      gallons = x
      barrels = dividedRounded(x, GALLONS_PER_BARREL)
      cubicMeters = timesRounded(x, CUBIC_METERS_PER_GALLON)
      break
    case 'barrels':
      barrels = x
      gallons = timesRounded(x, GALLONS_PER_BARREL)
      cubicMeters = timesRounded(x, CUBIC_METERS_PER_BARREL)
      break
    case 'cubicMeters':
      cubicMeters = x
      gallons = dividedRounded(x, CUBIC_METERS_PER_GALLON)
      barrels = dividedRounded(x, CUBIC_METERS_PER_BARREL)
      break
    default: {
      const never: never = unit
      throw new RangeError(`unknown volume unit: ${JSON.stringify(never)}`)
    }
  }
  return { gallons: gallons.toFixed(2), barrels: barrels.toFixed(2), cubicMeters: cubicMeters.toFixed(2) }
}
