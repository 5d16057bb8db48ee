import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { API_SCHEMA_FILE, generateApiSchema } from '../src/platform/http/api-schema'

describe('the web API types (apps/web/src/platform/api-schema.gen.ts)', () => {
  it('match the OpenAPI document the routes declare now', { timeout: 180_000 }, async () => {
    const fresh = await generateApiSchema()
    const committed = fs.existsSync(API_SCHEMA_FILE) ? fs.readFileSync(API_SCHEMA_FILE, 'utf8') : ''
    if (committed !== fresh) throw new Error('api-schema.gen.ts is stale: run npm run api:types')
    expect(committed).toBe(fresh)
  })
})
