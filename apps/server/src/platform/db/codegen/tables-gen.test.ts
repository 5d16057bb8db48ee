import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { GENERATED_FILE, generateTableTypes } from './table-types'

/**
 * The CI check of the generated table types (docs/platform.md#table-types): a fresh in-memory database, every
 * migration, introspected; the committed file must be exactly what that gives.
 */
describe('generated table types', () => {
  it('tables.gen.ts is what the migrations give', async () => {
    const generated = await generateTableTypes()
    const committed = fs.existsSync(GENERATED_FILE) ? fs.readFileSync(GENERATED_FILE, 'utf8') : ''
    if (committed !== generated) expect.fail('tables.gen.ts is stale: run npm run db:types')
  }, 120_000)
})
