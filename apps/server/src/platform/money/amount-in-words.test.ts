import { describe, expect, it } from 'vitest'
import { amountInWords, integerInWords } from './amount-in-words'

describe('amountInWords (importe con letra)', () => {
  it.each([
    ['1200000.50', 'MXN', 'UN MILLÓN DOSCIENTOS MIL PESOS 50/100 M.N.'],
    ['1000000', 'MXN', 'UN MILLÓN DE PESOS 00/100 M.N.'],
    ['2000000000', 'MXN', 'DOS MIL MILLONES DE PESOS 00/100 M.N.'],
    ['0', 'MXN', 'CERO PESOS 00/100 M.N.'],
    ['0.99', 'MXN', 'CERO PESOS 99/100 M.N.'],
    ['1', 'MXN', 'UN PESO 00/100 M.N.'],
    ['1.01', 'USD', 'UN DÓLAR 01/100 USD'],
    ['21.05', 'USD', 'VEINTIÚN DÓLARES 05/100 USD'],
    ['31', 'MXN', 'TREINTA Y UN PESOS 00/100 M.N.'],
    ['100', 'MXN', 'CIEN PESOS 00/100 M.N.'],
    ['101', 'MXN', 'CIENTO UN PESOS 00/100 M.N.'],
    ['115', 'MXN', 'CIENTO QUINCE PESOS 00/100 M.N.'],
    ['1000', 'MXN', 'MIL PESOS 00/100 M.N.'],
    ['1001', 'MXN', 'MIL UN PESOS 00/100 M.N.'],
    ['21000', 'MXN', 'VEINTIÚN MIL PESOS 00/100 M.N.'],
    ['101000', 'MXN', 'CIENTO UN MIL PESOS 00/100 M.N.'],
    ['100000', 'MXN', 'CIEN MIL PESOS 00/100 M.N.'],
    ['516', 'MXN', 'QUINIENTOS DIECISÉIS PESOS 00/100 M.N.'],
    ['722', 'USD', 'SETECIENTOS VEINTIDÓS DÓLARES 00/100 USD'],
    ['999999.99', 'MXN', 'NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE PESOS 99/100 M.N.'],
    ['1000001', 'MXN', 'UN MILLÓN UN PESOS 00/100 M.N.'],
    ['2500000.10', 'MXN', 'DOS MILLONES QUINIENTOS MIL PESOS 10/100 M.N.'],
    [
      '1234567.89',
      'USD',
      'UN MILLÓN DOSCIENTOS TREINTA Y CUATRO MIL QUINIENTOS SESENTA Y SIETE DÓLARES 89/100 USD',
    ],
    ['1000000000000', 'MXN', 'UN BILLÓN DE PESOS 00/100 M.N.'],
    ['-1523.4', 'MXN', 'MENOS MIL QUINIENTOS VEINTITRÉS PESOS 40/100 M.N.'],
    // more than two decimals: half-up to cents
    ['10.005', 'MXN', 'DIEZ PESOS 01/100 M.N.'],
    ['0.995', 'USD', 'UN DÓLAR 00/100 USD'],
  ] as const)('%s %s → %s', (value, currency, words) => {
    expect(amountInWords(value, currency)).toBe(words)
  })

  it('writes every number below 2,000 with one word per part (no doubled spaces, no empty parts)', () => {
    for (let n = 1n; n < 2000n; n++) {
      const w = integerInWords(n)
      expect(w, String(n)).toMatch(/^[A-ZÁÉÍÓÚ]+( [A-ZÁÉÍÓÚ]+)*$/)
    }
    expect(integerInWords(16n)).toBe('DIECISÉIS')
    expect(integerInWords(29n)).toBe('VEINTINUEVE')
    expect(integerInWords(90n)).toBe('NOVENTA')
  })
})
