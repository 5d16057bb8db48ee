import type { DB } from '../../platform/db/generated/tables.gen'

export type { DueAlertSettingsTable, DueAlertRunsTable } from '../../platform/db/generated/tables.gen'

/** The tables this file's migrations create; their columns are generated (docs/platform.md#table-types). */
export type DueAlertTables = Pick<DB, 'due_alert_settings' | 'due_alert_runs'>
