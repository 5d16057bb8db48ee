import Decimal from 'decimal.js'
import type { TRentalCalendar, TRentalFrequency, TRentalVisit } from '@faena/contracts'
import { addDays, billedDates, daysInMonth, type Frequency } from '../rental-billing'

/**
 * The maintenance calendar of a project — pure. Visits are the dates of each service assignment's
 * frequency inside its operation window (operation start → retirement date, else planned end, else open),
 * computed with the billing engine's `billedDates`, so the calendar and the billing use one date rule
 * (docs/rental-projects.md#maintenance-calendar; the old dashboard ignored the operation end — here every
 * calendar honours it).
 */

export type CalendarService = {
  assignmentId: string
  serviceId: string
  code: string
  name: string
  description: string
  frequencyKind: TRentalFrequency
  frequency: Frequency
  rate: string
  operationStart: string
  /** last day on site, inclusive (retirement date when retired, else planned end); null = open */
  lastDay: string | null
  linkedEquipment: { id: string; code: string; name: string } | null
}

export const UPCOMING_DAYS = 14
export const UPCOMING_MAX = 50

const visitsIn = (services: readonly CalendarService[], from: string, to: string): TRentalVisit[] => {
  const out: TRentalVisit[] = []
  for (const s of services) {
    const dates = billedDates({
      periodStart: from,
      periodEnd: to,
      operationStart: s.operationStart,
      operationEnd: s.lastDay,
      frequency: s.frequency,
    })
    for (const date of dates) {
      out.push({
        date,
        assignmentId: s.assignmentId,
        serviceId: s.serviceId,
        code: s.code,
        name: s.name,
        description: s.description,
        frequency: s.frequencyKind,
        rate: s.rate,
        linkedEquipment: s.linkedEquipment,
      })
    }
  }
  return out.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.code.localeCompare(b.code) ||
      a.assignmentId.localeCompare(b.assignmentId),
  )
}

/** Month `YYYY-MM` → its first and last date. */
export function monthRange(month: string): { from: string; to: string } {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` }
}

export function buildCalendar(input: {
  projectId: string
  month: string
  today: string
  services: readonly CalendarService[]
}): TRentalCalendar {
  const { from, to } = monthRange(input.month)
  const visits = visitsIn(input.services, from, to)
  const byDate = new Map<string, TRentalVisit[]>()
  for (const v of visits) {
    const list = byDate.get(v.date) ?? []
    list.push(v)
    byDate.set(v.date, list)
  }
  const days: TRentalCalendar['days'] = []
  for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, visits: byDate.get(d) ?? [] })
  const upcoming = visitsIn(input.services, input.today, addDays(input.today, UPCOMING_DAYS - 1)).slice(
    0,
    UPCOMING_MAX,
  )
  return {
    projectId: input.projectId,
    month: input.month,
    from,
    to,
    today: input.today,
    days,
    upcoming,
    summary: {
      visits: visits.length,
      services: new Set(visits.map((v) => v.assignmentId)).size,
      amount: visits.reduce((acc, v) => acc.plus(v.rate), new Decimal(0)).toFixed(2),
    },
  }
}
