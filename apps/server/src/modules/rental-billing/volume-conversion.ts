import type { TFieldError } from '@faena/contracts'
import { fieldError } from '../../platform/errors'
import { isVolume } from '@faena/domain'

/**
 * Volume conversions of a custody chain (docs/rental-billing.md#volume-conversions): the rule itself is
 * shared with the web's live hint in `@faena/domain` (1 barrel = 42 gal = 0.158987 m³, 1 gal = 0.00378541 m³;
 * the typed value kept, the other two derived from it and rounded once, half-up, to 2 decimals — rounding
 * rule VOLUME_CONVERSION). This file adds the server's field error.
 */
export {
  convertVolume,
  CUBIC_METERS_PER_BARREL,
  CUBIC_METERS_PER_GALLON,
  GALLONS_PER_BARREL,
  VOLUME_UNITS,
  type VolumeUnit,
  type Volumes,
} from '@faena/domain'
import { billingMessages as M } from './rental-billing.messages'

/** Field error for a typed volume: a non-negative decimal string with at most 8 integer and 2 fraction digits. */
export function volumeInputError(value: unknown, path: string): TFieldError | null {
  if (isVolume(value)) return null
  return fieldError(path, M.invalidVolume())
}
