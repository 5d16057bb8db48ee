import { describe, expect, it } from 'vitest'
import { dutyOn, initialsOf, rotationInForce, slotOn, type RotationDef } from './rotation-rules'

const r14: RotationDef = {
  startDate: '2026-03-01',
  superintendentAId: 'a',
  superintendentBId: 'b',
  cycleDays: 14,
}

describe('slotOn', () => {
  it('gives A the first cycleDays days, then B as many, then A again (14×14)', () => {
    expect(slotOn(r14, '2026-03-01')).toBe('A')
    expect(slotOn(r14, '2026-03-14')).toBe('A')
    expect(slotOn(r14, '2026-03-15')).toBe('B')
    expect(slotOn(r14, '2026-03-28')).toBe('B')
    expect(slotOn(r14, '2026-03-29')).toBe('A')
    expect(slotOn(r14, '2026-04-11')).toBe('A')
    expect(slotOn(r14, '2026-04-12')).toBe('B')
  })

  it('runs the cycle backwards before the start date', () => {
    expect(slotOn(r14, '2026-02-28')).toBe('B') // B's last day
    expect(slotOn(r14, '2026-02-15')).toBe('B') // B's first day
    expect(slotOn(r14, '2026-02-14')).toBe('A')
    expect(slotOn(r14, '2026-02-01')).toBe('A')
    expect(slotOn(r14, '2026-01-31')).toBe('B')
  })

  it('takes a configurable cycle (7×7, 1×1) and crosses years and leap days', () => {
    const r7 = { startDate: '2027-12-29', cycleDays: 7 }
    expect(slotOn(r7, '2028-01-04')).toBe('A')
    expect(slotOn(r7, '2028-01-05')).toBe('B')
    expect(slotOn(r7, '2028-02-29')).toBe(slotOn(r7, '2028-03-14')) // 14 days apart: same slot
    const r1 = { startDate: '2026-03-10', cycleDays: 1 }
    expect(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'].map((d) => slotOn(r1, d))).toEqual([
      'B',
      'A',
      'B',
      'A',
    ])
  })

  it('refuses a cycle shorter than one day', () => {
    expect(() => slotOn({ startDate: '2026-03-01', cycleDays: 0 }, '2026-03-02')).toThrow(RangeError)
  })
})

describe('effective-dated rotations', () => {
  const later: RotationDef = {
    startDate: '2026-03-20',
    superintendentAId: 'c',
    superintendentBId: 'a',
    cycleDays: 10,
  }
  const defs = [later, r14]

  it('has nobody on duty before the first rotation', () => {
    expect(rotationInForce(defs, '2026-02-28')).toBeNull()
    expect(dutyOn(defs, '2026-02-28')).toBeNull()
  })

  it('follows each rotation from its start date until the next one', () => {
    expect(dutyOn(defs, '2026-03-14')?.superintendentId).toBe('a')
    expect(dutyOn(defs, '2026-03-19')).toMatchObject({ superintendentId: 'b', slot: 'B' })
    // from the 20th the new rotation: C starts (even though the old one would still give B)
    expect(dutyOn(defs, '2026-03-20')).toMatchObject({ superintendentId: 'c', slot: 'A' })
    expect(dutyOn(defs, '2026-03-29')?.superintendentId).toBe('c')
    expect(dutyOn(defs, '2026-03-30')).toMatchObject({ superintendentId: 'a', slot: 'B' })
    expect(dutyOn(defs, '2026-04-09')?.superintendentId).toBe('c')
  })
})

describe('initialsOf', () => {
  it('takes up to three initials in upper case', () => {
    expect(initialsOf('juan pérez')).toBe('JP')
    expect(initialsOf('  Ángel  de la Cruz ')).toBe('ÁDL')
    expect(initialsOf('Ramírez')).toBe('R')
  })
})
