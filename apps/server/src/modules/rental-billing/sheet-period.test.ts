import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors'
import { checkPeriod, firstOpenDay, type FrozenPeriod } from './sheet-period'

const frozen = (periodStart: string, periodEnd: string): FrozenPeriod => ({
  billingSheetId: periodEnd,
  seriesCode: 'PSL-PS-2026-1000',
  seriesNumber: 1000,
  status: 'liquidated',
  statusLabel: 'liquidada',
  periodStart,
  periodEnd,
})

const fieldErrors = (fn: () => void) => {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError && err.code === 'VALIDATION') return err.details
    throw err
  }
  return null
}

describe('first open day of a project', () => {
  it('is none without frozen periods and the day after the latest one otherwise, across a year', () => {
    expect(firstOpenDay([])).toBeNull()
    expect(firstOpenDay([frozen('2026-12-01', '2026-12-31'), frozen('2026-11-01', '2026-11-30')])).toBe(
      '2027-01-01',
    )
    expect(firstOpenDay([frozen('2028-02-01', '2028-02-29')])).toBe('2028-03-01')
  })
})

describe('period of a new sheet', () => {
  const project = { startDate: '2026-03-10', endDate: '2026-06-30' }

  it('starts before it ends', () => {
    expect(fieldErrors(() => checkPeriod({ periodStart: '2026-04-01', periodEnd: '2026-04-30' }))).toBeNull()
    expect(
      fieldErrors(() => checkPeriod({ periodStart: '2026-04-30', periodEnd: '2026-04-30' })),
    ).toMatchObject([{ path: 'periodEnd', message: 'El fin del período debe ser posterior a su inicio' }])
  })

  it('lies within the project, naming both ends when both are out', () => {
    expect(
      fieldErrors(() => checkPeriod({ periodStart: '2026-03-10', periodEnd: '2026-06-30' }, project)),
    ).toBeNull()
    expect(
      fieldErrors(() => checkPeriod({ periodStart: '2026-03-01', periodEnd: '2026-07-31' }, project)),
    ).toMatchObject([
      { path: 'periodStart', message: 'El período empieza antes del inicio del proyecto (2026-03-10)' },
      { path: 'periodEnd', message: 'El período termina después del fin del proyecto (2026-06-30)' },
    ])
    expect(
      fieldErrors(() =>
        checkPeriod({ periodStart: '2026-07-01', periodEnd: '2027-07-31' }, { ...project, endDate: null }),
      ),
    ).toBeNull()
  })
})
