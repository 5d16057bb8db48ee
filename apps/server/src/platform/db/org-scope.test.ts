import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import { currentOrgId, runAsSystem, runInAnyState, runInOrg, scopePool } from './org-scope'

/** A pool of `size` fake connections that records every statement. */
function fakePool(size: number, roleUsable = true) {
  const statements: { client: number; text: string; values: unknown[] }[] = []
  const clients = Array.from({ length: size }, (_, i) => ({
    query: async (text: string, values: unknown[] = []) => {
      statements.push({ client: i, text, values })
      return { rows: text.includes('pg_has_role') ? (roleUsable ? [{ ok: true }] : []) : [] }
    },
    release: () => free.push(clients[i]!),
  }))
  const free = [...clients]
  const pool = {
    connect: async () => free.shift() ?? Promise.reject(new Error('pool exhausted')),
  } as unknown as pg.Pool
  const switches = () => statements.filter((s) => s.text.includes('set_config')).map((s) => s.values)
  return { pool, statements, switches }
}

describe('scopePool', () => {
  it('switches a connection only when the wanted state differs from the one it is in', async () => {
    const { pool, switches } = fakePool(1)
    scopePool(pool)
    const use = async () => (await pool.connect()).release()
    await use() // a new connection is the system already: nothing to do
    expect(switches()).toEqual([])
    await runInOrg('org-a', use)
    await runInOrg('org-a', use)
    expect(switches()).toEqual([['faena_app', 'faena.org_id', 'org-a']])
    await runInOrg('org-b', use)
    await use() // the system after an organization: the role is reset
    await use()
    expect(switches()).toEqual([
      ['faena_app', 'faena.org_id', 'org-a'],
      ['faena_app', 'faena.org_id', 'org-b'],
      ['none', 'faena.org_id', ''],
    ])
  })

  it("serves pool.query's callback checkout too", async () => {
    const { pool, switches } = fakePool(1)
    scopePool(pool)
    const client = await runInOrg(
      'org-a',
      () =>
        new Promise<pg.PoolClient>((resolve, reject) =>
          pool.connect((err, c) => (err ? reject(err) : resolve(c!))),
        ),
    )
    client.release()
    expect(switches()).toEqual([['faena_app', 'faena.org_id', 'org-a']])
  })

  it('without a usable role, runs org-scoped queries as the system and warns once', async () => {
    const { pool, switches } = fakePool(1, false)
    const warnings: string[] = []
    scopePool(pool, (m) => warnings.push(m))
    for (let i = 0; i < 3; i++) await runInOrg('org-a', async () => (await pool.connect()).release())
    expect(switches()).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/row-level security is OFF/)
  })

  it('takes a connection as it is in "any state" (the session look-up): a request costs no switch', async () => {
    const { pool, switches } = fakePool(1)
    scopePool(pool)
    const use = async () => (await pool.connect()).release()
    await runInOrg('org-a', use)
    // a request: its session look-up, then its handler in the same organization
    for (let i = 0; i < 3; i++) {
      await runInAnyState(use)
      await runInOrg('org-a', use)
    }
    expect(switches()).toEqual([['faena_app', 'faena.org_id', 'org-a']])
    // the state is remembered through it: the system after it still resets the role
    await runInAnyState(use)
    await use()
    expect(switches().at(-1)).toEqual(['none', 'faena.org_id', ''])
    expect(runInAnyState(() => currentOrgId())).toBeUndefined()
    runInAnyState(() => runInOrg('org-b', () => expect(currentOrgId()).toBe('org-b')))
  })

  it('keeps the scope across awaits and leaves it with runAsSystem', async () => {
    await runInOrg('org-a', async () => {
      await new Promise((r) => setTimeout(r, 1))
      expect(currentOrgId()).toBe('org-a')
      expect(runAsSystem(() => currentOrgId())).toBeUndefined()
    })
    expect(currentOrgId()).toBeUndefined()
  })
})
