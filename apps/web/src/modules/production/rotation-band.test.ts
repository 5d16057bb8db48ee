import { describe, expect, it } from 'vitest'
import { markStretches } from './rotation-band'

const day = (date: string, id: string | null) => ({
  date,
  superintendentId: id,
  name: id,
  initials: id,
  slot: id ? ('A' as const) : null,
})

describe('markStretches', () => {
  it('marks the first day of each stretch of one superintendent, none for days without duty', () => {
    const m = markStretches([
      day('2026-03-01', null),
      day('2026-03-02', 'a'),
      day('2026-03-03', 'a'),
      day('2026-03-04', 'b'),
      day('2026-03-05', null),
      day('2026-03-06', 'b'),
    ])
    expect([...m.values()].map((d) => d.first)).toEqual([false, true, false, true, false, true])
  })
})
