import { PLATE_PATTERN } from '@faena/contracts'
import type { Message } from '../../platform/i18n/messages'
import { checkRuc } from '../rental-projects'
import { staffMessages as M } from './field-staff.messages'

/**
 * Identity checks of field staff and vehicles (docs/field-staff.md#rules), pure.
 *
 * A cédula is the first ten digits of a natural person's RUC (province 01–24 or 30, third digit 0–5, module-10
 * check digit), so it is checked with rental-projects' RUC validator on `cédula + 001`: one implementation of
 * the module-10 rule.
 */
export function checkCedula(value: string): { ok: true } | { ok: false; message: Message } {
  if (!/^\d{10}$/.test(value)) return { ok: false, message: M.cedulaDigits() }
  const r = checkRuc(`${value}001`)
  // the RUC's "Dígito verificador de la cédula" is, for a cédula, its check digit
  if (!r.ok)
    return {
      ok: false,
      message: r.message.key.endsWith('.rucCedulaCheckDigit') ? M.cedulaCheckDigit() : r.message,
    }
  if (r.kind !== 'natural') return { ok: false, message: M.cedulaThirdDigit() }
  return { ok: true }
}

/**
 * Ecuadorian car plates: a province letter, two letters and three or four digits (`PBA-1234`; older `GBA-123`).
 * Returns the plate as stored (upper case, one hyphen) or null when it is not a plate. D and F are not province
 * letters.
 */
export function normalizePlate(value: string): string | null {
  const v = value.trim().toUpperCase()
  if (!PLATE_PATTERN.test(v)) return null
  const letters = v.slice(0, 3)
  const digits = v.replace(/^[A-Z]{3}[\s-]?/, '')
  if ('DF'.includes(letters[0]!)) return null
  return `${letters}-${digits}`
}
