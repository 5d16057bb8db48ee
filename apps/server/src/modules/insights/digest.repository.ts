import { sql } from 'kysely'
import type { Executor } from '../../platform/db/executor'
import type { Selectable } from 'kysely'
import type { DigestSettingsTable } from './digest.tables'

/** Every SQL statement on the digest tables (docs/insights.md#weekly-digest). */

export async function findDigestSettings(db: Executor, orgId: string) {
  return db.selectFrom('digest_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst()
}

export async function upsertDigestSettings(db: Executor, row: Selectable<DigestSettingsTable>) {
  const { org_id: _org, ...values } = row
  await db
    .insertInto('digest_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute()
}

/** Organizations whose digest is on, with their time zone and name. */
export async function listEnabledDigests(db: Executor) {
  return db
    .selectFrom('digest_settings as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .where('d.enabled', '=', true)
    .where(sql<boolean>`cardinality(d.recipients) > 0`)
    .select(['d.org_id', 'd.weekday', 'd.hour', 'd.recipients', 'o.time_zone', 'o.name'])
    .execute()
}

/**
 * Records a digest; for a scheduled one, only if none was recorded for that organization and week yet
 * (answers undefined then: another tick sent it).
 */
export async function insertDigestRun(
  db: Executor,
  row: {
    orgId: string
    trigger: 'schedule' | 'manual'
    start: string
    end: string
    requestedBy: string | null
  },
) {
  return db
    .insertInto('digest_runs')
    .values({
      org_id: row.orgId,
      trigger: row.trigger,
      period_start: row.start,
      period_end: row.end,
      requested_by: row.requestedBy,
    })
    .onConflict((oc) => oc.columns(['org_id', 'period_start']).where('trigger', '=', 'schedule').doNothing())
    .returning('id')
    .executeTakeFirst()
}

export async function setDigestRunMessage(db: Executor, id: string, mailMessageId: string) {
  await db.updateTable('digest_runs').set({ mail_message_id: mailMessageId }).where('id', '=', id).execute()
}
