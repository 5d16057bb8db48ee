import { describe, expect, it } from 'vitest'
import {
  closingRetirementDate,
  defaultDescription,
  engineFrequency,
  lastDayOnSite,
  moneyString,
  normaliseFrequency,
  sumMoney,
} from './assignment-rules'
import { buildCalendar, monthRange, type CalendarService } from './maintenance-calendar'

describe('frequencies', () => {
  it('normalises the flat and the object forms (weekday 0 = Monday)', () => {
    expect(normaliseFrequency({})).toEqual({ ok: true, value: { kind: 'daily', days: [] } })
    expect(normaliseFrequency({ frequency: 'daily', weekdays: [1] })).toEqual({
      ok: true,
      value: { kind: 'daily', days: [] },
    })
    expect(normaliseFrequency({ frequency: 'weekdays', weekdays: [4, 0, 2, 0] })).toEqual({
      ok: true,
      value: { kind: 'weekdays', days: [0, 2, 4] },
    })
    expect(normaliseFrequency({ frequency: 'weekdays', weekdays: ['mon', 'sun'] })).toEqual({
      ok: true,
      value: { kind: 'weekdays', days: [0, 6] },
    })
    expect(normaliseFrequency({ frequency: { kind: 'monthdays', days: [15, 1] } })).toEqual({
      ok: true,
      value: { kind: 'monthdays', days: [1, 15] },
    })
  })

  it('refuses empty or out-of-range lists with the field path', () => {
    expect(normaliseFrequency({ frequency: 'weekdays' })).toMatchObject({
      ok: false,
      errors: [{ path: 'weekdays', message: expect.any(String) }],
    })
    expect(normaliseFrequency({ frequency: 'monthdays', monthdays: [] })).toMatchObject({
      ok: false,
      errors: [{ path: 'monthdays' }],
    })
    expect(normaliseFrequency({ frequency: 'weekdays', weekdays: [1, 7] })).toMatchObject({
      ok: false,
      errors: [{ path: 'weekdays.1' }],
    })
    expect(normaliseFrequency({ frequency: { kind: 'monthdays', days: [0] } })).toMatchObject({
      ok: false,
      errors: [{ path: 'frequency.days.0' }],
    })
  })

  it('gives the engine form', () => {
    expect(engineFrequency('daily', [])).toEqual({ kind: 'daily' })
    expect(engineFrequency('weekdays', [0, 3])).toEqual({ kind: 'weekdays', days: [0, 3] })
    expect(engineFrequency('monthdays', [31])).toEqual({ kind: 'monthdays', days: [31] })
  })
})

describe('money and texts', () => {
  it('writes money with two decimals, exactly', () => {
    expect(moneyString('25')).toBe('25.00')
    expect(moneyString('25.5')).toBe('25.50')
    expect(moneyString(12.35)).toBe('12.35')
    expect(moneyString(0.1 + 0.2)).toBeNull() // 0.30000000000000004 has more than 2 decimals
    expect(moneyString('1.005')).toBeNull()
    expect(moneyString('-1')).toBeNull()
    expect(moneyString('1e3')).toBeNull()
    expect(sumMoney(['0.10', '0.20', '1200.30'])).toBe('1200.60')
  })

  it('builds the default billing texts', () => {
    expect(
      defaultDescription({ kind: 'equipment', code: 'PSL-BT-185', name: 'Batería', type: 'toilet' }),
    ).toBe('ALQUILER / PSL-BT-185 / BATERÍA SANITARIA')
    expect(
      defaultDescription(
        { kind: 'service', code: 'PEISOL-SERV01', name: 'Limpieza de batería', type: null },
        { code: 'PSL-BT-185' },
      ),
    ).toBe('SERVICIO / PSL-BT-185 / LIMPIEZA DE BATERÍA')
    expect(defaultDescription({ kind: 'service', code: 'PEISOL-SERV07', name: 'Análisis', type: null })).toBe(
      'SERVICIO / PEISOL-SERV07 / ANÁLISIS',
    )
  })

  it('picks the last day on site and the closing retirement date', () => {
    expect(lastDayOnSite({ retired_on: '2026-01-10', operation_end: '2026-01-31' })).toBe('2026-01-10')
    expect(lastDayOnSite({ retired_on: null, operation_end: null })).toBeNull()
    expect(closingRetirementDate('2026-02-15', null)).toBe('2026-02-15')
    expect(closingRetirementDate('2026-02-15', '2026-02-20')).toBe('2026-02-15')
    expect(closingRetirementDate('2026-02-15', '2026-01-31')).toBe('2026-01-31')
  })
})

describe('maintenance calendar', () => {
  const service = (over: Partial<CalendarService>): CalendarService => ({
    assignmentId: 'a1',
    serviceId: 's1',
    code: 'SERV01',
    name: 'Limpieza',
    description: 'SERVICIO / PSL-BT-1 / LIMPIEZA',
    frequencyKind: 'weekdays',
    frequency: { kind: 'weekdays', days: [0, 3] },
    rate: '25.00',
    operationStart: '2026-01-01',
    lastDay: null,
    linkedEquipment: null,
    ...over,
  })

  it('lists every day of the month with the visits of each service', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    // February 2026: Mondays 2, 9, 16, 23; Thursdays 5, 12, 19, 26
    const cal = buildCalendar({
      projectId: 'p',
      month: '2026-02',
      today: '2026-02-20',
      services: [service({})],
    })
    expect(cal.days).toHaveLength(28)
    const dates = cal.days.filter((d) => d.visits.length > 0).map((d) => d.date.slice(8))
    expect(dates).toEqual(['02', '05', '09', '12', '16', '19', '23', '26'])
    expect(cal.summary).toEqual({ visits: 8, services: 1, amount: '200.00' })
    // upcoming: 14 days from the 20th → 23, 26, Mar 2, Mar 5
    expect(cal.upcoming.map((v) => v.date)).toEqual(['2026-02-23', '2026-02-26', '2026-03-02', '2026-03-05'])
  })

  it('honours the operation window and month days that do not exist', () => {
    const cal = buildCalendar({
      projectId: 'p',
      month: '2026-02',
      today: '2026-01-01',
      services: [
        service({
          assignmentId: 'a1',
          operationStart: '2026-02-10',
          lastDay: '2026-02-20',
          frequencyKind: 'daily',
          frequency: { kind: 'daily' },
        }),
        service({
          assignmentId: 'a2',
          code: 'SERV02',
          frequencyKind: 'monthdays',
          frequency: { kind: 'monthdays', days: [15, 30] },
          rate: '10.50',
        }),
      ],
    })
    expect(cal.summary).toEqual({ visits: 11 + 1, services: 2, amount: '285.50' })
    const day15 = cal.days.find((d) => d.date === '2026-02-15')!
    expect(day15.visits.map((v) => v.code)).toEqual(['SERV01', 'SERV02'])
  })
})
