import { describe, expect, it } from 'vitest'
import { pageTotal, withoutTotal } from './page-total'

describe('pageTotal', () => {
  const counted = (n: number) => {
    const count = async () => {
      count.calls++
      return n
    }
    count.calls = 0
    return count
  }

  it('takes the total from the first row of the page, without counting again', async () => {
    const count = counted(999)
    expect(await pageTotal([{ list_total: '1200' }, { list_total: '1200' }], { offset: 0 }, count)).toBe(1200)
    expect(await pageTotal([{ list_total: '1200' }], { offset: 1199 }, count)).toBe(1200)
    expect(count.calls).toBe(0)
  })

  it('is 0 for an empty first page, without counting', async () => {
    const count = counted(999)
    expect(await pageTotal([], { offset: 0 }, count)).toBe(0)
    expect(count.calls).toBe(0)
  })

  it('counts on its own for a page past the end', async () => {
    const count = counted(120)
    expect(await pageTotal([], { offset: 500 }, count)).toBe(120)
    expect(count.calls).toBe(1)
  })
})

describe('withoutTotal', () => {
  it('drops the carried total and keeps the rest of each row', () => {
    expect(withoutTotal([{ id: 'a', list_total: '2' }])).toEqual([{ id: 'a' }])
  })
})
