import type { TFieldError } from '@faena/contracts'
import { fieldError } from '../../platform/errors'
import {
  billedDates,
  fromDayNumber,
  intersectWindow,
  isBusinessDate,
  toDayNumber,
  type Frequency,
} from './billing-dates'
import crypto from 'node:crypto'
import {
  parseAmount,
  roundHalfUpToCents,
  toCentsString,
  toMoneyString,
  type Dec as Decimal,
} from './billing-decimal'
import { normaliseRates, rateIndexOn, type RateEntry } from './rate-history'
import { billingMessages as M } from './rental-billing.messages'

/**
 * The lines of a rental billing sheet (planilla) — pure; the service calls it inside its transaction with
 * everything that feeds the sheet and replaces the stored lines with the result (docs/rental-billing.md#lines).
 *
 * Fixed as issue 4 asks:
 * - rental: ONE line per physical equipment (all its assignments merged); dates = union of each
 *   assignment's billed dates (billing-dates.ts); each date at the rate of the assignment on site that day
 *   (its rate history), the line split where the rate changes; text of the active assignment (not retired)
 *   with the latest operation start, else of the latest one; the line exists while the equipment was on
 *   site for at least one date of the period (it may then bill 0 dates);
 * - service: one line per service assignment, dates = distinct activity dates, inside the period, of the
 *   NON-CANCELLED custody chains of this sheet that attended it (the old system counted cancelled ones);
 *   only when ≥ 1 date;
 * - documents: maintenance sheet (technical cost, logistics cost), shipping guide linked to this sheet
 *   (transport, stowage), custody chain (logistics cost): one line per amount, only when the amount > 0,
 *   quantity 1 unit, the document's date marked when it falls inside the period. Void documents and
 *   cancelled chains give nothing;
 * - quantity of a day line = number of dates; total = quantity × unit price rounded half-up to cents
 *   (rule LINE_TOTAL_CENTS; exact already when prices have ≤ 2 decimals);
 * - a day edit on a rental line replaces its computed dates while its `assignmentVersion` equals the line's
 *   `sourceVersion` (i.e. until one of the line's assignments changes or one is added); dates outside the
 *   allowed window (period ∩ the equipment's operation windows) are dropped;
 * - a line whose key the user removed is never emitted (until the service clears the flag).
 * Line order (as printed): rentals, services, custody-chain logistics, shipping, maintenance; inside a
 * group, the order of the input.
 */

export type SheetPeriod = { start: string; end: string }

export type RentalAssignmentInput = {
  id: string
  /** The physical equipment; all assignments of one equipment make one line. */
  equipmentId: string
  /** Daily rate, a plain decimal string (the only rate when `rates` is empty). */
  dailyRate: string
  /** Rate history (docs/rental-projects.md#rate-history): the rate of a date is the entry in force on it. */
  rates?: readonly RateEntry[] | null
  frequency: Frequency
  operationStart: string
  /** Planned last day on site (inclusive), null when open. */
  operationEnd: string | null
  /** Retirement date (inclusive last day) when retired; it replaces operationEnd (docs/rental-billing.md#billed-dates). */
  retiredOn?: string | null
  /** Billing text of the line. */
  description: string
  /** Changes whenever the assignment changes (a counter or updated_at): invalidates day edits of its line. */
  version: string | number
}

export type ServiceAssignmentInput = {
  id: string
  /** Price per service day (the only price when `rates` is empty). */
  unitPrice: string
  /** Price history: the price of a date is the entry in force on it. */
  rates?: readonly RateEntry[] | null
  /** The service's operating window: chains dated outside it bill nothing (docs/rental-billing.md#service-days-come-from-custody-chains). */
  operationStart?: string | null
  /** last day on site (retirement, else planned end), null when open */
  operationEnd?: string | null
  description: string
  /** The physical equipment the service attends, when linked. */
  equipmentId?: string | null
}

export type DocumentStatus = 'draft' | 'closed' | 'void'
export type ChainStatus = 'draft' | 'closed' | 'cancelled'

export type MaintenanceSheetInput = {
  id: string
  status: DocumentStatus
  startDate: string
  equipmentId?: string | null
  /** Technical cost (the sheet's cost total). */
  technicalCost: string
  logisticsCost: string
  technicalDescription?: string | null
  logisticsDescription?: string | null
}

/** Only the guides linked to this sheet are passed (a guide is billed by exactly one sheet). */
export type ShippingGuideInput = {
  id: string
  status: DocumentStatus
  issueDate: string
  equipmentId?: string | null
  transportCost: string
  stowageCost: string
  transportDescription?: string | null
  stowageDescription?: string | null
}

/** The custody chains of this sheet. `logisticsCost` is '0' when the chain has no billed logistics. */
export type CustodyChainInput = {
  id: string
  status: ChainStatus
  activityDate: string
  /** Service assignments attended by the visit. */
  attendedAssignmentIds: readonly string[]
  logisticsCost: string
  logisticsDescription?: string | null
  equipmentId?: string | null
  gallons: string
  barrels: string
  cubicMeters: string
}

/** A user's manual dates on a rental line, with the `sourceVersion` of the line they were made on. */
export type DayEdit = { dates: readonly string[]; assignmentVersion: string }

/** What the user did to a stored line, by line key. */
export type LineState = { key: string; removed?: boolean; dayEdit?: DayEdit | null }

export type SheetLinesInput = {
  period: SheetPeriod
  rentals: readonly RentalAssignmentInput[]
  services: readonly ServiceAssignmentInput[]
  maintenanceSheets: readonly MaintenanceSheetInput[]
  shippingGuides: readonly ShippingGuideInput[]
  custodyChains: readonly CustodyChainInput[]
  lineStates?: readonly LineState[]
}

export type LineKind = 'rental' | 'service' | 'maintenance' | 'shipping' | 'custody'
export type LineComponent = 'rental' | 'service' | 'technical' | 'logistics' | 'transport' | 'stowage'

export type SheetLine = {
  /** Stable identity across recomputations: `rental:<equipmentId>`, `service:<assignmentId>`, `maintenance:<id>:technical`… */
  key: string
  kind: LineKind
  component: LineComponent
  /** Rental: the representative assignment; service: the assignment; documents: the document. */
  sourceId: string
  /** Rental lines: every assignment merged into the line. */
  assignmentIds?: string[]
  equipmentId?: string
  description: string
  /** `days` for rental and service lines (quantity = number of dates); `unit` for document lines (quantity 1). */
  unit: 'days' | 'unit'
  /** Sorted, distinct `YYYY-MM-DD`, all inside the period. */
  dates: string[]
  quantity: string
  unitPrice: string
  /** Rounded to cents (LINE_TOTAL_CENTS), two decimals. */
  total: string
  /** Rental lines: the dates a manual day may take (period ∩ the equipment's windows ∩ the rate's dates). */
  allowedDates?: string[]
  /**
   * Rental lines: the version a day edit must carry to be applied (store it with the edit) — a digest of
   * the line's computed dates and allowed window, so it changes only when the billed dates change.
   */
  sourceVersion?: string
  /** Rental lines: `applied` = dates come from the user's edit; `stale` = an edit exists but its assignment changed. */
  dayEdit?: 'none' | 'applied' | 'stale'
}

export const DEFAULT_TEXTS = {
  maintenanceTechnical: 'SERVICIO TÉCNICO ESPECIALIZADO',
  maintenanceLogistics: 'LOGÍSTICA',
  shippingTransport: 'TRANSPORTE',
  shippingStowage: 'ESTIBA',
  custodyLogistics: 'LOGÍSTICA',
} as const

export const lineKey = {
  rental: (equipmentId: string) => `rental:${equipmentId}`,
  service: (assignmentId: string) => `service:${assignmentId}`,
  /** the part of a rental or service line billed at a rate that takes effect on `from` */
  rated: (key: string, from: string) => `${key}@${from}`,
  maintenance: (id: string, part: 'technical' | 'logistics') => `maintenance:${id}:${part}`,
  shipping: (id: string, part: 'transport' | 'stowage') => `shipping:${id}:${part}`,
  custody: (id: string) => `custody:${id}:logistics`,
}

const departure = (a: RentalAssignmentInput): string | null => a.retiredOn ?? a.operationEnd

/**
 * The version of a rental line: every assignment of the equipment as `id@version`, sorted by id. It changes
 * when any of them changes, is added or is deleted — which is what discards a day edit.
 */
export function rentalSourceVersion(
  assignments: readonly Pick<RentalAssignmentInput, 'id' | 'version'>[],
): string {
  return assignments
    .map((a) => `${a.id}@${String(a.version)}`)
    .sort()
    .join(',')
}

/**
 * The version a rental line's day edit carries (docs/rental-billing.md#manual-day-edits): a digest of the
 * dates the line would bill without the edit and of its allowed window. Any assignment change that leaves
 * both as they were (notes, text, rate, a retirement after the period…) keeps the edit.
 */
export function rentalDatesVersion(computed: readonly string[], allowed: readonly string[]): string {
  const digest = crypto
    .createHash('sha1')
    .update(`${computed.join(',')}|${allowed.join(',')}`)
    .digest('hex')
  return `dates:${digest.slice(0, 20)}`
}

/** Splits sorted dates by the rate entry in force on each: `[entry index, dates]` in date order. */
function byRate(dates: readonly string[], rates: readonly RateEntry[]): [number, string[]][] {
  const groups = new Map<number, string[]>()
  for (const d of dates) {
    const i = rateIndexOn(rates, d)
    const g = groups.get(i)
    if (g) g.push(d)
    else groups.set(i, [d])
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0])
}

/**
 * The allowed window of a rental line as a sorted date list: period ∩ the union of the operation windows
 * of the equipment's assignments (frequency ignored — a manual day may add an off-frequency date).
 */
export function rentalAllowedDates(
  period: SheetPeriod,
  assignments: readonly RentalAssignmentInput[],
): string[] {
  const days = new Set<number>()
  for (const a of assignments) {
    const w = intersectWindow(period.start, period.end, a.operationStart, departure(a))
    if (w) for (let n = w.from; n <= w.to; n++) days.add(n)
  }
  return [...days].sort((x, y) => x - y).map(fromDayNumber)
}

/**
 * Representative assignment (docs/rental-billing.md#one-line-per-physical-equipment): the active one with the
 * latest start, else the latest one (ties: larger id).
 */
export function representativeAssignment<T extends RentalAssignmentInput>(assignments: readonly T[]): T {
  const later = (a: T, b: T) =>
    a.operationStart !== b.operationStart ? a.operationStart > b.operationStart : a.id > b.id
  let best: T | undefined
  let bestActive = false
  for (const a of assignments) {
    const active = !a.retiredOn
    if (best === undefined || (active && !bestActive) || (active === bestActive && later(a, best))) {
      best = a
      bestActive = active
    }
  }
  if (best === undefined) throw new RangeError('representativeAssignment: no assignment')
  return best
}

/**
 * The allowed dates of a rental line cut into runs at one rate: each date is priced by the assignment on
 * site that day (windows of one unit do not overlap; if they did, the representative order decides) at
 * the rate of its history in force on it. A new run starts where the rate changes.
 */
export function rentalRuns(
  allowed: readonly string[],
  group: readonly RentalAssignmentInput[],
): { assignmentId: string; rate: Decimal; window: string[] }[] {
  // each assignment's window and rates, parsed once (the loop below runs once per date)
  const prepared = [...group]
    .sort((a, b) => (representativeAssignment([a, b]) === a ? -1 : 1))
    .map((a) => ({
      id: a.id,
      start: a.operationStart,
      end: departure(a),
      rates: normaliseRates(a.rates, a.dailyRate).map((r) => ({
        from: r.from,
        rate: parseAmount(r.dailyRate, `rental ${a.id} dailyRate`),
      })),
    }))
  const runs: { assignmentId: string; rate: Decimal; window: string[] }[] = []
  let last: { entry: unknown; run: (typeof runs)[number] } | undefined
  for (const d of allowed) {
    const a = prepared.find((x) => x.start <= d && (x.end === null || d <= x.end)) ?? prepared[0]!
    let entry = a.rates[0]!
    for (const r of a.rates) if (r.from !== null && r.from <= d) entry = r
    if (last && (last.entry === entry || last.run.rate.eq(entry.rate))) {
      last.run.window.push(d)
      last.entry = entry
    } else {
      const run = { assignmentId: a.id, rate: entry.rate, window: [d] }
      runs.push(run)
      last = { entry, run }
    }
  }
  return runs
}

export type DayEditValidation = { ok: true; dates: string[] } | { ok: false; errors: TFieldError[] }

/**
 * Validates the dates a user sends for a rental line (`PUT …/lines/:lineId/days {dates}`): every entry a real
 * `YYYY-MM-DD` date inside the allowed window (period ∩ the equipment's operation windows). Duplicates are
 * merged; the answer is sorted. Errors carry paths `dates` / `dates.<i>` under `path`.
 */
export function validateDayEdit(
  input: { period: SheetPeriod; assignments: readonly RentalAssignmentInput[]; dates: unknown },
  path = 'dates',
): DayEditValidation {
  if (!Array.isArray(input.dates)) return { ok: false, errors: [fieldError(path, M.datesNotList())] }
  const allowed = new Set(rentalAllowedDates(input.period, input.assignments))
  const errors: TFieldError[] = []
  const dates = new Set<string>()
  ;(input.dates as unknown[]).forEach((d, i) => {
    if (!isBusinessDate(d)) errors.push(fieldError(`${path}.${i}`, M.invalidDate()))
    else if (!allowed.has(d)) errors.push(fieldError(`${path}.${i}`, M.dateOutsidePeriod()))
    else dates.add(d)
  })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, dates: [...dates].sort() }
}

/** A normalised rate history whose every rate is a plain amount (RangeError naming `field` otherwise). */
function ratesOf(rates: readonly RateEntry[] | null | undefined, rate: string, field: string): RateEntry[] {
  const h = normaliseRates(rates, rate)
  for (const r of h) {
    parseAmount(r.dailyRate, field)
    if (r.from !== null && !isBusinessDate(r.from))
      throw new RangeError(`${field}: bad rate date ${String(r.from)}`)
  }
  return h
}

/** `YYYY-MM-DD` as printed on the sheet, `DD/MM/YYYY`. */
const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`

const lineTotal = (quantity: number, unitPrice: Decimal): string =>
  toCentsString(roundHalfUpToCents(unitPrice.times(quantity), 'LINE_TOTAL_CENTS'))

const textOr = (text: string | null | undefined, fallback: string) =>
  text && text.trim() !== '' ? text : fallback

/** Computes every line of a sheet. Throws RangeError on malformed input (bad dates, amounts, frequencies). */
export function computeSheetLines(input: SheetLinesInput): SheetLine[] {
  const { period } = input
  const ps = toDayNumber(period.start)
  const pe = toDayNumber(period.end)
  if (ps > pe) throw new RangeError(`period start ${period.start} is after period end ${period.end}`)
  const inPeriod = (date: string) => {
    const n = toDayNumber(date)
    return n >= ps && n <= pe
  }

  const states = new Map<string, LineState>()
  for (const s of input.lineStates ?? []) states.set(s.key, s)
  const removed = (key: string) => states.get(key)?.removed === true

  const rentals: SheetLine[] = []
  const services: SheetLine[] = []
  const custody: SheetLine[] = []
  const shipping: SheetLine[] = []
  const maintenance: SheetLine[] = []

  // Rental lines: one per physical equipment.
  const groups = new Map<string, RentalAssignmentInput[]>()
  for (const a of input.rentals) {
    const g = groups.get(a.equipmentId)
    if (g) g.push(a)
    else groups.set(a.equipmentId, [a])
  }
  for (const [equipmentId, group] of groups) {
    const key = lineKey.rental(equipmentId)
    const rep = representativeAssignment(group)
    for (const a of group) ratesOf(a.rates, a.dailyRate, `rental ${a.id} dailyRate`)
    const allowed = rentalAllowedDates(period, group)
    if (allowed.length === 0) continue
    const set = new Set<string>()
    for (const a of group) {
      for (const d of billedDates({
        periodStart: period.start,
        periodEnd: period.end,
        operationStart: a.operationStart,
        operationEnd: departure(a),
        frequency: a.frequency,
      }))
        set.add(d)
    }
    const computed = [...set].sort()
    const sourceVersion = rentalDatesVersion(computed, allowed)
    const edit = states.get(key)?.dayEdit
    let dates = computed
    let dayEdit: SheetLine['dayEdit'] = 'none'
    // an edit made before versions were date digests carries the assignments' `id@version` list
    if (
      edit &&
      (edit.assignmentVersion === sourceVersion || edit.assignmentVersion === rentalSourceVersion(group))
    ) {
      const allowedSet = new Set(allowed)
      dates = [...new Set(edit.dates.filter((d) => allowedSet.has(d)))].sort()
      dayEdit = 'applied'
    } else if (edit) dayEdit = 'stale'
    // each date at the rate in force on it for the assignment on site that day; one line per run of dates
    // at one rate (docs/rental-billing.md#rate-changes); the first keeps the key
    for (const [part, run] of rentalRuns(allowed, group).entries()) {
      const partKey = part === 0 ? key : lineKey.rated(key, run.window[0]!)
      if (removed(partKey)) continue
      const inWindow = new Set(run.window)
      const partDates = dates.filter((d) => inWindow.has(d))
      rentals.push({
        key: partKey,
        kind: 'rental',
        component: 'rental',
        sourceId: part === 0 ? rep.id : run.assignmentId,
        assignmentIds: group.map((a) => a.id),
        equipmentId,
        description:
          part === 0 ? rep.description : `${rep.description} (TARIFA DESDE ${dmy(run.window[0]!)})`,
        unit: 'days',
        dates: partDates,
        quantity: String(partDates.length),
        unitPrice: toMoneyString(run.rate),
        total: lineTotal(partDates.length, run.rate),
        allowedDates: run.window,
        sourceVersion,
        dayEdit,
      })
    }
  }

  // Service lines: distinct dates of the non-cancelled chains of this sheet that attended the service.
  const serviceDates = new Map<string, Set<string>>()
  for (const c of input.custodyChains) {
    if (!isBusinessDate(c.activityDate)) throw new RangeError(`custody chain ${c.id}: bad activityDate`)
    if (c.status === 'cancelled' || !inPeriod(c.activityDate)) continue
    for (const id of c.attendedAssignmentIds) {
      const s = serviceDates.get(id)
      if (s) s.add(c.activityDate)
      else serviceDates.set(id, new Set([c.activityDate]))
    }
  }
  for (const s of input.services) {
    const key = lineKey.service(s.id)
    const rates = ratesOf(s.rates, s.unitPrice, `service ${s.id} unitPrice`)
    const start = s.operationStart ?? null
    const end = s.operationEnd ?? null
    // a chain outside the service's operating window bills nothing
    const dates = [...(serviceDates.get(s.id) ?? [])]
      .filter((d) => (start === null || d >= start) && (end === null || d <= end))
      .sort()
    byRate(dates, rates).forEach(([index, partDates], part) => {
      const partKey = part === 0 ? key : lineKey.rated(key, rates[index]!.from ?? period.start)
      if (removed(partKey)) return
      const price = parseAmount(rates[index]!.dailyRate, `service ${s.id} unitPrice`)
      services.push({
        key: partKey,
        kind: 'service',
        component: 'service',
        sourceId: s.id,
        ...(s.equipmentId ? { equipmentId: s.equipmentId } : {}),
        description: part === 0 ? s.description : `${s.description} (TARIFA DESDE ${dmy(partDates[0]!)})`,
        unit: 'days',
        dates: partDates,
        quantity: String(partDates.length),
        unitPrice: toMoneyString(price),
        total: lineTotal(partDates.length, price),
      })
    })
  }

  // Document lines: one per amount > 0, quantity 1 unit, the document's date marked when inside the period.
  const documentLine = (
    into: SheetLine[],
    kind: LineKind,
    component: LineComponent,
    key: string,
    sourceId: string,
    date: string,
    amount: Decimal,
    description: string,
    equipmentId: string | null | undefined,
  ) => {
    if (amount.lte(0) || removed(key)) return
    into.push({
      key,
      kind,
      component,
      sourceId,
      ...(equipmentId ? { equipmentId } : {}),
      description,
      unit: 'unit',
      dates: inPeriod(date) ? [date] : [],
      quantity: '1',
      unitPrice: toMoneyString(amount),
      total: lineTotal(1, amount),
    })
  }

  for (const c of input.custodyChains) {
    const cost = parseAmount(c.logisticsCost, `custody chain ${c.id} logisticsCost`)
    if (c.status === 'cancelled') continue
    const text = textOr(c.logisticsDescription, DEFAULT_TEXTS.custodyLogistics)
    documentLine(
      custody,
      'custody',
      'logistics',
      lineKey.custody(c.id),
      c.id,
      c.activityDate,
      cost,
      text,
      c.equipmentId,
    )
  }

  for (const g of input.shippingGuides) {
    if (!isBusinessDate(g.issueDate)) throw new RangeError(`shipping guide ${g.id}: bad issueDate`)
    const transport = parseAmount(g.transportCost, `shipping guide ${g.id} transportCost`)
    const stowage = parseAmount(g.stowageCost, `shipping guide ${g.id} stowageCost`)
    if (g.status === 'void') continue
    const t1 = textOr(g.transportDescription, DEFAULT_TEXTS.shippingTransport)
    const t2 = textOr(g.stowageDescription, DEFAULT_TEXTS.shippingStowage)
    const k1 = lineKey.shipping(g.id, 'transport')
    const k2 = lineKey.shipping(g.id, 'stowage')
    documentLine(shipping, 'shipping', 'transport', k1, g.id, g.issueDate, transport, t1, g.equipmentId)
    documentLine(shipping, 'shipping', 'stowage', k2, g.id, g.issueDate, stowage, t2, g.equipmentId)
  }

  for (const m of input.maintenanceSheets) {
    if (!isBusinessDate(m.startDate)) throw new RangeError(`maintenance sheet ${m.id}: bad startDate`)
    const technical = parseAmount(m.technicalCost, `maintenance sheet ${m.id} technicalCost`)
    const logistics = parseAmount(m.logisticsCost, `maintenance sheet ${m.id} logisticsCost`)
    if (m.status === 'void') continue
    const t1 = textOr(m.technicalDescription, DEFAULT_TEXTS.maintenanceTechnical)
    const t2 = textOr(m.logisticsDescription, DEFAULT_TEXTS.maintenanceLogistics)
    const k1 = lineKey.maintenance(m.id, 'technical')
    const k2 = lineKey.maintenance(m.id, 'logistics')
    documentLine(maintenance, 'maintenance', 'technical', k1, m.id, m.startDate, technical, t1, m.equipmentId)
    documentLine(maintenance, 'maintenance', 'logistics', k2, m.id, m.startDate, logistics, t2, m.equipmentId)
  }

  const lines = [...rentals, ...services, ...custody, ...shipping, ...maintenance]
  const keys = new Set<string>()
  for (const l of lines) {
    if (keys.has(l.key)) throw new RangeError(`duplicate line ${l.key}: a source id is repeated in the input`)
    keys.add(l.key)
  }
  return lines
}
