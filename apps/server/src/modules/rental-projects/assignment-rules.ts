import { fieldError } from '../../platform/errors'
import Decimal from 'decimal.js'
import type {
  TFieldError,
  TRentalEquipmentType,
  TRentalFrequency,
  TRentalFrequencyInput,
} from '@faena/contracts'
import { WEEKDAY_NAMES, type Frequency, type Weekday } from '../rental-billing'
import { projectsMessages as M } from './rental-projects.messages'

/**
 * Pure rules of assignments: frequency normalisation (same convention as the billing engine:
 * weekday 0 = Monday … 6 = Sunday), money strings, default billing texts and retirement dates.
 */

export type StoredFrequency = { kind: TRentalFrequency; days: number[] }

type FrequencyFields = {
  frequency?: TRentalFrequencyInput | undefined
  weekdays?: readonly (number | string)[] | undefined
  monthdays?: readonly number[] | undefined
}

const weekdayNumber = (d: number | string): number =>
  typeof d === 'number' ? d : (WEEKDAY_NAMES as readonly string[]).indexOf(d)

/**
 * The request's frequency as stored: kind + sorted distinct days. Accepts `"weekdays"` with `weekdays: [...]`
 * beside it, or `{ kind: 'weekdays', days: [...] }`. Lists that do not belong to the kind are ignored.
 */
export function normaliseFrequency(
  input: FrequencyFields,
): { ok: true; value: StoredFrequency } | { ok: false; errors: TFieldError[] } {
  const f = input.frequency ?? 'daily'
  const kind: TRentalFrequency = typeof f === 'string' ? f : f.kind
  if (kind === 'daily') return { ok: true, value: { kind, days: [] } }
  const raw: readonly (number | string)[] | undefined =
    typeof f === 'object' && 'days' in f ? f.days : kind === 'weekdays' ? input.weekdays : input.monthdays
  const path = typeof f === 'object' ? 'frequency.days' : kind
  if (!raw || raw.length === 0) {
    return {
      ok: false,
      errors: [fieldError(path, kind === 'weekdays' ? M.weekdaysRequired() : M.monthdaysRequired())],
    }
  }
  const days = raw.map((d) => (kind === 'weekdays' ? weekdayNumber(d) : Number(d)))
  const bad = days.findIndex((d) =>
    kind === 'weekdays' ? !Number.isInteger(d) || d < 0 || d > 6 : !Number.isInteger(d) || d < 1 || d > 31,
  )
  if (bad >= 0) {
    return {
      ok: false,
      errors: [fieldError(`${path}.${bad}`, kind === 'weekdays' ? M.invalidWeekday() : M.invalidMonthDay())],
    }
  }
  return { ok: true, value: { kind, days: [...new Set(days)].sort((a, b) => a - b) } }
}

/** The billing engine's frequency of a stored assignment. */
export function engineFrequency(kind: string, days: readonly number[]): Frequency {
  if (kind === 'weekdays') return { kind: 'weekdays', days: days as Weekday[] }
  if (kind === 'monthdays') return { kind: 'monthdays', days: [...days] }
  return { kind: 'daily' }
}

/** A money input (string or number) as a string with two decimals; null when it is not a valid amount. */
export function moneyString(value: string | number): string | null {
  const s =
    typeof value === 'number' ? (Number.isFinite(value) ? new Decimal(value).toString() : '') : value.trim()
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(s)) return null
  return new Decimal(s).toFixed(2)
}

/** Σ of money strings, two decimals (exact). */
export function sumMoney(values: readonly string[]): string {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0)).toFixed(2)
}

export const TYPE_LABELS_ES: Record<TRentalEquipmentType, string> = {
  toilet: 'Batería sanitaria',
  hand_wash_station: 'Estación de lavamanos',
  urinal_station: 'Estación de urinarios',
  camper: 'Camper',
  potable_water_plant: 'Planta de agua potable',
  wastewater_plant: 'Planta de aguas residuales',
  raw_water_tank: 'Tanque de agua cruda',
  wastewater_tank: 'Tanque de agua residual',
  other: 'Otro',
}

const upper = (s: string) => s.toLocaleUpperCase('es')

/**
 * Default billing text (docs/rental-projects.md#assignments): equipment `ALQUILER / <code> / <TYPE>`, service
 * `SERVICIO / <linked equipment code or own code> / <NAME>`. At most 300 characters.
 */
export function defaultDescription(
  item: { kind: string; code: string; name: string; type: TRentalEquipmentType | null },
  linked?: { code: string } | null,
): string {
  const text =
    item.kind === 'equipment'
      ? `ALQUILER / ${item.code} / ${upper(item.type ? TYPE_LABELS_ES[item.type] : item.name)}`
      : `SERVICIO / ${linked?.code ?? item.code} / ${upper(item.name)}`
  return text.slice(0, 300)
}

/** Last day on site (inclusive) of an assignment: its retirement date when retired, else its planned end. */
export const lastDayOnSite = (a: {
  retired_on: string | null
  operation_end: string | null
}): string | null => a.retired_on ?? a.operation_end

/**
 * Retirement date when a project closes: the closing date, or the planned end when that came earlier
 * (closing must not stretch a finished assignment up to the closing day — billing uses this date).
 */
export const closingRetirementDate = (closingDate: string, operationEnd: string | null): string =>
  operationEnd !== null && operationEnd < closingDate ? operationEnd : closingDate
