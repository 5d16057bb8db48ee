import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors'
import { checkTotalsFit } from './sheet-limits'

const totals = {
  subtotal: '100.00',
  tax: '15.00',
  total: '115.00',
  gallons: '0.00',
  barrels: '0.00',
  cubicMeters: '0.00',
}
const refusal = (fn: () => void) => {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, message: err.message, details: err.details }
    throw err
  }
  return null
}

describe('amount limits of a sheet', () => {
  it('lets through totals up to 999 999 999 999.99 and volumes up to 99 999 999 999 999.99', () => {
    expect(
      refusal(() =>
        checkTotalsFit(
          'PSL-PS-2026-1000',
          {
            lines: [{ description: 'GENERADOR', total: '999999999999.99' }],
            totals: { ...totals, total: '999999999999.99', cubicMeters: '99999999999999.99' },
          },
          'total',
        ),
      ),
    ).toBeNull()
  })

  it('names the first line too big, with the field that caused it', () => {
    expect(
      refusal(() =>
        checkTotalsFit(
          'PSL-PS-2026-1000',
          { lines: [{ description: 'GENERADOR', total: '1000000000000.00' }], totals },
          'dailyRate',
        ),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      message: 'La planilla PSL-PS-2026-1000 no admite ese importe',
      details: [
        {
          path: 'dailyRate',
          message:
            'Con este importe el total de la línea «GENERADOR» (1000000000000.00) de la planilla PSL-PS-2026-1000 superaría el máximo de 999.999.999.999,99',
        },
      ],
    })
  })

  it('then the header total (IVA by its name), then a volume', () => {
    const tax = refusal(() =>
      checkTotalsFit('X-2026-1000', { lines: [], totals: { ...totals, tax: '1000000000000.00' } }, 'total'),
    )
    expect(JSON.stringify(tax)).toContain('el IVA (1000000000000.00)')
    const volume = refusal(() =>
      checkTotalsFit('X-2026-1000', { lines: [], totals: { ...totals, barrels: '100000000000000.00' } }, 'x'),
    )
    expect(JSON.stringify(volume)).toContain('el volumen (barrels)')
  })
})
