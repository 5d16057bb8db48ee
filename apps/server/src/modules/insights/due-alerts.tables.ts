/** The due and overdue notices' tables (migration 0037_due_alerts, docs/platform.md#due-and-overdue). */
export type DueAlertSettingsTable = {
  org_id: string
  days_before: number
  updated_by: string | null
  updated_at: Date
}

/** One daily scan per organization and local day. */
export type DueAlertRunsTable = {
  org_id: string
  day: string
  notices: number
  ran_at: Date
}

export type DueAlertTables = { due_alert_settings: DueAlertSettingsTable; due_alert_runs: DueAlertRunsTable }
