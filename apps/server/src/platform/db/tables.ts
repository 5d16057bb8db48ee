import type { DB } from './generated/tables.gen'

export type {
  OrganizationsTable,
  UsersTable,
  SessionsTable,
  LoginAttemptsTable,
  AuthThrottleTable,
  AuthDevicesTable,
  AuditLogTable,
  FilesTable,
} from './generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type PlatformTables = Pick<
  DB,
  | 'organizations'
  | 'users'
  | 'sessions'
  | 'login_attempts'
  | 'auth_throttle'
  | 'auth_devices'
  | 'audit_log'
  | 'files'
>
