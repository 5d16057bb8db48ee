import type { Message } from '../../platform/i18n/messages'
import { projectsMessages as M } from './rental-projects.messages'
/**
 * Ecuadorian RUC (Registro Único de Contribuyentes) validation — pure.
 *
 * A RUC has 13 digits: province (2) · type digit (1) · sequence · check digit · establishment.
 * - Province 01..24, or 30 (Ecuadorians registered abroad).
 * - Third digit 0..5 — natural person: the first 10 digits are the cédula, whose 10th digit is a
 *   module-10 check (coefficients 2,1,2,1,2,1,2,1,2; products ≥ 10 lose 9; check = (10 − sum mod 10) mod 10);
 *   establishment = the last 3 digits, from 001.
 * - Third digit 6 — public entity: module 11 over the first 8 digits (coefficients 3,2,7,6,5,4,3,2),
 *   check = 11 − (sum mod 11), 0 when that is 11, invalid when 10; it is the 9th digit; establishment =
 *   the last 4 digits, from 0001.
 * - Third digit 9 — private company / foreigner: module 11 over the first 9 digits (4,3,2,7,6,5,4,3,2),
 *   10th digit; establishment = the last 3 digits, from 001. The SRI no longer guarantees this check digit:
 *   since the sequence outgrew 6 digits, active companies hold RUCs that fail it (e.g. 1793213150001), and
 *   only the SRI registry can confirm them. So for third digit 9 the check digit is reported (`checkDigitOk`)
 *   but not required; every structural rule still applies.
 * - Third digits 7 and 8 do not exist.
 */

export type RucKind = 'natural' | 'public' | 'private'

export type RucCheck = { ok: true; kind: RucKind; checkDigitOk: boolean } | { ok: false; message: Message }

const fail = (message: Message): RucCheck => ({ ok: false, message })

const digitsOf = (s: string) => [...s].map(Number)

/** Module-10 check digit of the first 9 digits of a cédula. */
export function cedulaCheckDigit(first9: readonly number[]): number {
  let sum = 0
  first9.forEach((d, i) => {
    let p = d * (i % 2 === 0 ? 2 : 1)
    if (p >= 10) p -= 9
    sum += p
  })
  return (10 - (sum % 10)) % 10
}

/** Module-11 check digit, or null when the remainder leaves 10 (no valid digit exists). */
export function mod11CheckDigit(digits: readonly number[], coefficients: readonly number[]): number | null {
  const sum = digits.reduce((acc, d, i) => acc + d * (coefficients[i] ?? 0), 0)
  const r = 11 - (sum % 11)
  if (r === 11) return 0
  if (r === 10) return null
  return r
}

const PUBLIC_COEFFICIENTS = [3, 2, 7, 6, 5, 4, 3, 2] as const
const PRIVATE_COEFFICIENTS = [4, 3, 2, 7, 6, 5, 4, 3, 2] as const

/** Validates a RUC (13 digits, nothing else). Messages are catalogued, for the `taxId` field. */
export function checkRuc(value: string): RucCheck {
  if (!/^\d{13}$/.test(value)) return fail(M.rucDigits())
  const d = digitsOf(value)
  const province = d[0]! * 10 + d[1]!
  if (!((province >= 1 && province <= 24) || province === 30)) {
    return fail(M.rucProvince({ code: value.slice(0, 2) }))
  }
  const third = d[2]!
  if (third <= 5) {
    if (value.slice(10) === '000') return fail(M.rucEstablishment000())
    if (cedulaCheckDigit(d.slice(0, 9)) !== d[9]) return fail(M.rucCedulaCheckDigit())
    return { ok: true, kind: 'natural', checkDigitOk: true }
  }
  if (third === 6) {
    if (value.slice(9) === '0000') return fail(M.rucEstablishment0000())
    if (mod11CheckDigit(d.slice(0, 8), PUBLIC_COEFFICIENTS) !== d[8]) {
      return fail(M.rucPublicCheckDigit())
    }
    return { ok: true, kind: 'public', checkDigitOk: true }
  }
  if (third === 9) {
    if (value.slice(10) === '000') return fail(M.rucEstablishment000())
    return {
      ok: true,
      kind: 'private',
      checkDigitOk: mod11CheckDigit(d.slice(0, 9), PRIVATE_COEFFICIENTS) === d[9],
    }
  }
  return fail(M.rucThirdDigit())
}

/** Kind of a stored (already validated) RUC, from its third digit. */
export function rucKind(value: string): RucKind {
  const third = Number(value[2])
  return third === 6 ? 'public' : third === 9 ? 'private' : 'natural'
}
