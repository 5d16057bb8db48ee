import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { codeFromName, dayStatusSchema } from './day-status-dialog'
import { excessReasonSchema } from './excess-reason'
import { rateSchema } from './rate-dialog'

const t = (key: string, o?: Record<string, unknown>) => (o ? `${key} ${JSON.stringify(o)}` : key)

/** The message per field the form shows, or the parsed value the form sends. */
const check = (
  schema: z.ZodType,
  value: unknown,
): { errors: Record<string, string | undefined>; value: unknown } => {
  const r = schema.safeParse(value)
  if (r.success) return { errors: {}, value: r.data }
  const errors: Record<string, string> = {}
  for (const i of r.error.issues) errors[i.path.join('.')] ??= i.message
  return { errors, value: null }
}

describe('production settings checks', () => {
  it('a day-status code follows its name', () => {
    expect(codeFromName('Espera por falla mecánica')).toBe('espera_por_falla_mecanica')
    expect(codeFromName('  24 h · Cambio de guardia! ')).toBe('h_cambio_de_guardia')
    expect(codeFromName('x'.repeat(60))).toHaveLength(40)
  })

  it('names the field that is wrong', () => {
    expect(check(dayStatusSchema([], t), { code: '', name: ' ', allowsProduction: true }).errors).toEqual({
      name: 'settings.statuses.errors.nameRequired',
      code: 'settings.statuses.errors.codeRequired',
    })
    expect(
      check(dayStatusSchema([], t), { code: 'Bad-Code', name: 'A', allowsProduction: true }).errors.code,
    ).toBe('settings.statuses.errors.codeFormat')
    expect(
      check(dayStatusSchema(['operating'], t), { code: 'operating', name: 'A', allowsProduction: true })
        .errors.code,
    ).toBe('settings.statuses.errors.codeTaken {"code":"operating"}')
    expect(
      check(dayStatusSchema(['operating'], t), { code: 'crew', name: 'Crew', allowsProduction: false }),
    ).toEqual({ errors: {}, value: { code: 'crew', name: 'Crew', allowsProduction: false } })
  })

  it('checks an exchange rate: date and a positive number with up to 6 decimals (comma accepted)', () => {
    expect(check(rateSchema(t), { validFrom: '', rate: '' }).errors).toEqual({
      validFrom: 'settings.rates.errors.dateRequired',
      rate: 'settings.rates.errors.rateRequired',
    })
    expect(check(rateSchema(t), { validFrom: '2026-02-30x', rate: '0' }).errors).toEqual({
      validFrom: 'settings.rates.errors.dateFormat',
      rate: 'settings.rates.errors.ratePositive',
    })
    expect(check(rateSchema(t), { validFrom: '2026-03-01', rate: '18.1234567' }).errors.rate).toBe(
      'settings.rates.errors.rateFormat',
    )
    expect(check(rateSchema(t), { validFrom: '2026-03-01', rate: ' 18,45 ' }).value).toEqual({
      validFrom: '2026-03-01',
      rate: '18.45',
    })
  })

  it('checks the reason for an excess: 5 to 500 characters', () => {
    expect(check(excessReasonSchema(t), { reason: 'abc' }).errors.reason).toBe('grid.reason.tooShort')
    expect(check(excessReasonSchema(t), { reason: 'x'.repeat(501) }).errors.reason).toBe(
      'grid.reason.tooLong',
    )
    expect(check(excessReasonSchema(t), { reason: '  Trabajo extra  ' }).value).toEqual({
      reason: 'Trabajo extra',
    })
    expect(check(excessReasonSchema(t), { reason: '' }).errors.reason).toBe('grid.reason.required')
  })
})
