import type { Generated } from 'kysely'
import type { CreatedAt } from '../../platform/db/tables'

/** The weekly digest's settings per organization (migration 0030_weekly_digest). */
export type DigestSettingsTable = {
  org_id: string
  enabled: boolean
  weekday: number
  hour: number
  recipients: string[]
  updated_by: string | null
  updated_at: Date
}

/** One digest sent (a scheduled one at most once per organization and week). */
export type DigestRunsTable = {
  id: Generated<string>
  org_id: string
  trigger: 'schedule' | 'manual'
  period_start: string
  period_end: string
  mail_message_id: string | null
  requested_by: string | null
  created_at: CreatedAt
}

export type DigestTables = { digest_settings: DigestSettingsTable; digest_runs: DigestRunsTable }
