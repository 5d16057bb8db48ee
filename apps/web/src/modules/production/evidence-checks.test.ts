import { describe, expect, it } from 'vitest'
import { checkLocation } from './evidence-cell-dialog'
import { nextPos } from './evidence-tab'

describe('evidence checks', () => {
  it('a location is both coordinates or none, in range, with a decimal point', () => {
    expect(checkLocation('', '')).toBeNull()
    expect(checkLocation('19.4326', '-99.1332')).toBeNull()
    expect(checkLocation('19.4', '')).toBe('pair')
    expect(checkLocation('', '-99')).toBe('pair')
    expect(checkLocation('91', '0')).toBe('format')
    expect(checkLocation('0', '-180.5')).toBe('format')
    expect(checkLocation('19,43', '-99.13')).toBe('format')
  })

  it('the arrows, Home and End move the active cell inside the grid', () => {
    const at = { r: 1, c: 5 }
    expect(nextPos(at, 'ArrowUp', false, 3, 30)).toEqual({ r: 0, c: 5 })
    expect(nextPos({ r: 0, c: 0 }, 'ArrowUp', false, 3, 30)).toEqual({ r: 0, c: 0 })
    expect(nextPos(at, 'ArrowDown', false, 1, 30)).toEqual({ r: 1, c: 5 })
    expect(nextPos(at, 'ArrowLeft', false, 3, 30)).toEqual({ r: 1, c: 4 })
    expect(nextPos({ r: 1, c: 30 }, 'ArrowRight', false, 3, 30)).toEqual({ r: 1, c: 30 })
    expect(nextPos(at, 'Home', false, 3, 30)).toEqual({ r: 1, c: 0 })
    expect(nextPos(at, 'End', true, 3, 30)).toEqual({ r: 3, c: 30 })
    expect(nextPos(at, 'x', false, 3, 30)).toBeNull()
  })
})
