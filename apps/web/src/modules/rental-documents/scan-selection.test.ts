import { describe, expect, it } from 'vitest'
import { checkScan, quickSelection, toggleInOrder } from './scan-selection'

describe('bulk scan selection', () => {
  const ids = ['a', 'b', 'c', 'd', 'e']

  it('offers all, none, even and odd positions in list order (positions count from 1)', () => {
    expect(quickSelection(ids, 'all')).toEqual(ids)
    expect(quickSelection(ids, 'none')).toEqual([])
    expect(quickSelection(ids, 'even')).toEqual(['b', 'd'])
    expect(quickSelection(ids, 'odd')).toEqual(['a', 'c', 'e'])
    expect(quickSelection([], 'odd')).toEqual([])
  })

  it('appends a ticked chain and closes the gap of an unticked one', () => {
    expect(toggleInOrder(['c', 'a'], 'b')).toEqual(['c', 'a', 'b'])
    expect(toggleInOrder(['c', 'a', 'b'], 'a')).toEqual(['c', 'b'])
  })

  it('refuses to send until the page count equals the chains chosen', () => {
    expect(checkScan(0, true, 2)).toEqual({ kind: 'missing' })
    expect(checkScan(2, false, undefined)).toEqual({ kind: 'missing' })
    expect(checkScan(2, true, undefined)).toEqual({ kind: 'reading' })
    expect(checkScan(2, true, null)).toEqual({ kind: 'unreadable' })
    expect(checkScan(2, true, 3)).toEqual({ kind: 'mismatch', pages: 3, chains: 2 })
    expect(checkScan(2, true, 2)).toBeNull()
  })
})
