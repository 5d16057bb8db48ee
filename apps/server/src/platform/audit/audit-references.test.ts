import { describe, expect, it } from 'vitest'
import { entryReferenceIds, referencedIds } from './audit-references'

const A = '0b7e8a4c-5d1f-4c3a-9e2b-1f2a3b4c5d6e'
const B = '7F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0'

describe('referencedIds', () => {
  it('finds UUIDs in strings, arrays and nested objects, lower-cased, and nothing else', () => {
    expect([...referencedIds(A)]).toEqual([A])
    expect([...referencedIds({ stepId: B, items: [{ fileId: A }], n: 3, label: 'OT-001' })]).toEqual([
      B.toLowerCase(),
      A,
    ])
    expect([...referencedIds('not-a-uuid')]).toEqual([])
    expect([...referencedIds(null)]).toEqual([])
  })

  it('stops three levels down and at 200 ids', () => {
    expect([...referencedIds({ a: { b: { c: { d: { e: A } } } } })]).toEqual([])
    const many = Array.from(
      { length: 300 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    )
    expect(referencedIds(many).size).toBe(200)
  })
})

describe('entryReferenceIds', () => {
  it('collects the entity, the old and new values of changes, and the data', () => {
    const ids = entryReferenceIds({
      entityId: A,
      changes: [{ old: null, new: B }],
      data: { stepName: 'Cotización', stepId: A },
    })
    expect([...ids].sort()).toEqual([A, B.toLowerCase()].sort())
  })
})
