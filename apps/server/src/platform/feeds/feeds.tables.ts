import type { Generated } from 'kysely'
import type { CreatedAt } from '../db/tables'

/** Tokens of the BI feeds (migration 0033_api_tokens): only the hash of the secret is stored. */
export type ApiTokensTable = {
  id: Generated<string>
  org_id: string
  name: string
  token_hash: string
  prefix: string
  datasets: string[]
  created_by: string | null
  created_at: CreatedAt
  last_used_at: Date | null
  revoked_at: Date | null
  revoked_by: string | null
}

export type FeedTables = { api_tokens: ApiTokensTable }
