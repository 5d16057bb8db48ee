import type { Executor } from '../../platform/db/executor'
import type { Selectable } from 'kysely'
import type { DueAlertSettingsTable } from './due-alerts.tables'

/** Every SQL statement on the due-alert tables (docs/platform.md#due-and-overdue). */

export async function findDueAlertSettings(db: Executor, orgId: string) {
  return db.selectFrom('due_alert_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst()
}

export async function upsertDueAlertSettings(db: Executor, row: Selectable<DueAlertSettingsTable>) {
  const { org_id: _org, ...values } = row
  await db
    .insertInto('due_alert_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute()
}

/** Every organization with its time zone and its days before (null: the default). */
export async function listOrganizationsForScan(db: Executor) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('due_alert_settings as s', 's.org_id', 'o.id')
    .select(['o.id', 'o.time_zone', 's.days_before'])
    .orderBy('o.id')
    .execute()
}

/** Records the scan of an organization's day; false when it was already recorded (another tick ran it). */
export async function claimScan(db: Executor, orgId: string, day: string, at: Date): Promise<boolean> {
  const r = await db
    .insertInto('due_alert_runs')
    .values({ org_id: orgId, day, notices: 0, ran_at: at })
    .onConflict((oc) => oc.columns(['org_id', 'day']).doNothing())
    .returning('day')
    .executeTakeFirst()
  return r !== undefined
}

export async function setScanNotices(db: Executor, orgId: string, day: string, notices: number) {
  await db
    .updateTable('due_alert_runs')
    .set({ notices })
    .where('org_id', '=', orgId)
    .where('day', '=', day)
    .execute()
}
