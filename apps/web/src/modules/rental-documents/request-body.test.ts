import { describe, expect, it } from 'vitest'
import { formStrings, toggle, toRequestBody } from './request-body'

describe('toRequestBody', () => {
  const values = { projectId: 'p', rig: '  R-1 ', notes: '', cost: ' ', items: [{ a: 1 }] }

  it('on create leaves empty texts out, trims, keeps lists, turns an empty amount into 0', () => {
    expect(toRequestBody(values, 'create', { zero: ['cost'] })).toEqual({
      projectId: 'p',
      rig: 'R-1',
      cost: '0',
      items: [{ a: 1 }],
    })
  })

  it('on edit sends an empty text as null (cleared) and never sends an omitted field', () => {
    expect(toRequestBody(values, 'edit', { omit: ['projectId'] })).toEqual({
      rig: 'R-1',
      notes: null,
      cost: null,
      items: [{ a: 1 }],
    })
  })
})

describe('formStrings', () => {
  it('turns null and missing texts into empty strings for the listed fields only', () => {
    const detail = { a: 'x', b: null, c: 'ignored' }
    expect(formStrings(detail, ['a', 'b', 'd'] as const)).toEqual({
      a: 'x',
      b: '',
      d: '',
    })
  })
})

describe('toggle', () => {
  it('adds a missing value at the end and removes a present one', () => {
    expect(toggle(['a', 'b'], 'c')).toEqual(['a', 'b', 'c'])
    expect(toggle(['a', 'b'], 'a')).toEqual(['b'])
  })
})
