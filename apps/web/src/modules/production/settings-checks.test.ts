import { describe, expect, it } from 'vitest'
import { checkDraft, codeFromName } from './day-status-catalog'
import { checkReason } from './excess-reason'
import { checkRate } from './exchange-rates'

const t = (key: string, o?: Record<string, unknown>) => (o ? `${key} ${JSON.stringify(o)}` : key)

describe('production settings checks', () => {
  it('a day-status code follows its name', () => {
    expect(codeFromName('Espera por falla mecánica')).toBe('espera_por_falla_mecanica')
    expect(codeFromName('  24 h · Cambio de guardia! ')).toBe('h_cambio_de_guardia')
    expect(codeFromName('x'.repeat(60))).toHaveLength(40)
  })

  it('names the field that is wrong', () => {
    expect(checkDraft({ code: '', name: ' ', allowsProduction: true }, [], t)).toEqual({
      name: 'settings.statuses.errors.nameRequired',
      code: 'settings.statuses.errors.codeRequired',
    })
    expect(checkDraft({ code: 'Bad-Code', name: 'A', allowsProduction: true }, [], t).code).toBe(
      'settings.statuses.errors.codeFormat',
    )
    expect(checkDraft({ code: 'operating', name: 'A', allowsProduction: true }, ['operating'], t).code).toBe(
      'settings.statuses.errors.codeTaken {"code":"operating"}',
    )
    expect(checkDraft({ code: 'crew', name: 'Crew', allowsProduction: false }, ['operating'], t)).toEqual({})
  })

  it('checks an exchange rate: date and a positive number with up to 6 decimals (comma accepted)', () => {
    expect(checkRate({ validFrom: '', rate: '' }, t).errors).toEqual({
      validFrom: 'settings.rates.errors.dateRequired',
      rate: 'settings.rates.errors.rateRequired',
    })
    expect(checkRate({ validFrom: '2026-02-30x', rate: '0' }, t).errors).toEqual({
      validFrom: 'settings.rates.errors.dateFormat',
      rate: 'settings.rates.errors.ratePositive',
    })
    expect(checkRate({ validFrom: '2026-03-01', rate: '18.1234567' }, t).errors.rate).toBe(
      'settings.rates.errors.rateFormat',
    )
    expect(checkRate({ validFrom: '2026-03-01', rate: ' 18,45 ' }, t).value).toEqual({
      validFrom: '2026-03-01',
      rate: '18.45',
    })
  })

  it('checks the reason for an excess: 5 to 500 characters', () => {
    expect(checkReason('abc', t)).toBe('grid.reason.tooShort')
    expect(checkReason('x'.repeat(501), t)).toBe('grid.reason.tooLong')
    expect(checkReason('  Trabajo extra  ', t)).toBeNull()
    expect(checkReason('', t)).toBeNull()
  })
})
