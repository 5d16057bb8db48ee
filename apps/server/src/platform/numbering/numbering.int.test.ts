import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { allocateNumber, lastAllocatedNumber } from './numbering'

describe('allocateNumber', () => {
  let t: TestApp
  let offshore: string
  let rental: string
  beforeAll(async () => {
    t = await createTestApp()
    offshore = await t.orgId('demo-offshore')
    rental = await t.orgId('demo-rental')
  })
  afterAll(async () => t.close())

  it('hands out consecutive numbers per organization, series and year, from start', async () => {
    const take = (orgId: string, series: string, year?: number, start?: number) =>
      t.db.transaction().execute((trx) => allocateNumber(trx, { orgId, series, year, start }))
    expect(await take(offshore, 'test-a')).toBe(1)
    expect(await take(offshore, 'test-a')).toBe(2)
    expect(await take(rental, 'test-a')).toBe(1)
    expect(await take(offshore, 'test-b', 2026, 1000)).toBe(1000)
    expect(await take(offshore, 'test-b', 2026, 1000)).toBe(1001)
    expect(await take(offshore, 'test-b', 2027, 1000)).toBe(1000)
    expect(await take(offshore, 'test-b', 2026, 1000)).toBe(1002)
    expect(await take(offshore, 'test-a')).toBe(3)
    expect(await lastAllocatedNumber(t.db, { orgId: offshore, series: 'test-b', year: 2026 })).toBe(1002)
    expect(await lastAllocatedNumber(t.db, { orgId: offshore, series: 'nothing' })).toBeNull()
  })

  it('a rolled-back transaction issues nothing; a committed number is never reused', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        expect(await allocateNumber(trx, { orgId: rental, series: 'test-c' })).toBe(1)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    const n1 = await t.db
      .transaction()
      .execute((trx) => allocateNumber(trx, { orgId: rental, series: 'test-c' }))
    expect(n1).toBe(1)
    const n2 = await t.db
      .transaction()
      .execute((trx) => allocateNumber(trx, { orgId: rental, series: 'test-c' }))
    expect(n2).toBe(2)
  })

  it('concurrent allocations never collide', async () => {
    const results = await Promise.all(
      Array.from({ length: inject('testDb') === 'postgres' ? 20 : 8 }, () =>
        t.db
          .transaction()
          .execute((trx) => allocateNumber(trx, { orgId: offshore, series: 'test-concurrent' })),
      ),
    )
    expect([...results].sort((a, b) => a - b)).toEqual(results.map((_, i) => i + 1))
  })
})
