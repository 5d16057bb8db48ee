import { describe, expect, it } from 'vitest'
import { foldText, normalizeUnitKey } from './unit-key'

describe('normalizeUnitKey', () => {
  it('ignores case, accents and spaces', () => {
    expect(normalizeUnitKey('HOM/DÍA')).toBe('hom/dia')
    expect(normalizeUnitKey('hom / dia')).toBe('hom/dia')
    expect(normalizeUnitKey(' Hom/Día ')).toBe(normalizeUnitKey('HOM/DIA'))
  })

  it('ignores tabs, non-breaking spaces and line breaks', () => {
    expect(normalizeUnitKey('M\u00a0L')).toBe('ml')
    expect(normalizeUnitKey('JOR\tNADA\n')).toBe('jornada')
  })

  it('folds the ñ and compatibility forms such as superscripts', () => {
    expect(normalizeUnitKey('AÑO')).toBe('ano')
    expect(normalizeUnitKey('M²')).toBe(normalizeUnitKey('m2'))
    expect(normalizeUnitKey('M³')).toBe('m3')
  })

  it('keeps punctuation that tells units apart', () => {
    expect(normalizeUnitKey('KG/ML')).not.toBe(normalizeUnitKey('KGML'))
    expect(normalizeUnitKey('PZA.')).not.toBe(normalizeUnitKey('PZA'))
  })

  it('does not fold different letters together', () => {
    expect(normalizeUnitKey('TON')).not.toBe(normalizeUnitKey('TN'))
  })
})

describe('foldText', () => {
  it('folds case and accents but keeps spaces', () => {
    expect(foldText('Exploración y Producción')).toBe('exploracion y produccion')
    expect(foldText('VOLUMETRÍA')).toBe('volumetria')
    expect(foldText('Señal')).toBe('senal')
  })
})
