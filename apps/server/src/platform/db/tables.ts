import type { ColumnType, Generated } from 'kysely'

/** Column helpers shared by every table definition. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>
/** numeric: string in and out (never JS number). */
export type Numeric = ColumnType<string, string, string>
/** date: 'YYYY-MM-DD' string in and out. */
export type DateCol = ColumnType<string, string, string>
export type Json<T> = ColumnType<T, string, string>

export type OrganizationsTable = {
  id: Generated<string>
  slug: string
  name: string
  country: string
  time_zone: string
  locale: string
  currencies: string[]
  tax_rate: ColumnType<string, string | undefined, string>
  lines_of_business: string[]
  settings: ColumnType<Record<string, unknown>, string | undefined, string>
  created_at: CreatedAt
}

export type UsersTable = {
  id: Generated<string>
  org_id: string
  email: string
  name: string
  role: string
  password_hash: string
  active: Generated<boolean>
  locale: Generated<string>
  last_login_at: Date | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export type SessionsTable = {
  id: string
  user_id: string
  org_id: string
  created_at: CreatedAt
  last_seen_at: Timestamp
  expires_at: Date
  ip: string | null
  user_agent: string | null
}

export type LoginAttemptsTable = {
  id: Generated<string>
  email: string
  ip: string
  success: boolean
  at: CreatedAt
}

/** One sign-in limit counter (docs/platform.md#sign-in-limits). */
export type AuthThrottleTable = {
  key: string
  window_start: Date
  failures: number
}

/** A browser that signed in before with this e-mail (hash of its device cookie). */
export type AuthDevicesTable = {
  id: string
  email: string
  created_at: CreatedAt
  expires_at: Date
}

export type AuditLogTable = {
  id: Generated<string>
  org_id: string | null
  at: CreatedAt
  actor_id: string | null
  actor_email: string | null
  action: string
  module: string
  entity_type: string
  entity_id: string | null
  changes: ColumnType<unknown[], string, never>
  data: ColumnType<Record<string, unknown> | null, string | null, never>
  request_id: string | null
  ip: string | null
  user_agent: string | null
}

export type FilesTable = {
  id: Generated<string>
  org_id: string
  name: string
  kind: string
  mime_type: string
  size: ColumnType<string, number, never>
  sha256: string
  storage_key: string
  created_by: string | null
  created_at: CreatedAt
}

export type PlatformTables = {
  organizations: OrganizationsTable
  users: UsersTable
  sessions: SessionsTable
  login_attempts: LoginAttemptsTable
  auth_throttle: AuthThrottleTable
  auth_devices: AuthDevicesTable
  audit_log: AuditLogTable
  files: FilesTable
}
