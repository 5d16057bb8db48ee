import { sql } from 'kysely'
import type { TEvidenceStatus, TTimeType } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'

/**
 * Every SQL statement of production evidence, GPU (docs/production.md#evidence-gpu): the records, their files and
 * links, the organization's evidence annexes, and the production of the cells they follow.
 */

export type EvidenceCellKey = {
  familyId: string
  siteId: string
  conceptId: string
  day: string
  timeType: TTimeType
}

export type EvidenceRow = {
  id: string
  site_id: string
  concept_id: string
  day: string
  time_type: TTimeType
  status: TEvidenceStatus
  note: string | null
  status_at: Date | null
}

export type EvidenceItemRow = {
  id: string
  evidence_id: string
  kind: string
  file_id: string | null
  file_name: string | null
  mime_type: string | null
  size: string | null
  url: string | null
  label: string | null
  taken_at: Date | null
  latitude: string | null
  longitude: string | null
  created_at: Date
}

const evidenceColumns = [
  'id',
  'site_id',
  'concept_id',
  'day',
  'time_type',
  'status',
  'note',
  'status_at',
] as const

// ---- the organization's evidence annexes ----

/** The organization's list, or null when it has not chosen one. */
export async function getAnnexes(ex: Executor, orgId: string): Promise<string[] | null> {
  const row = await ex
    .selectFrom('production_evidence_annexes')
    .select('annexes')
    .where('org_id', '=', orgId)
    .executeTakeFirst()
  return row ? row.annexes : null
}

export async function setAnnexes(
  ex: Executor,
  orgId: string,
  annexes: readonly string[],
  userId: string | null,
): Promise<void> {
  const value = sql<string[]>`${sql.val([...annexes])}::text[]`
  await ex
    .insertInto('production_evidence_annexes')
    .values({ org_id: orgId, annexes: value, updated_by: userId })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ annexes: value, updated_by: userId, updated_at: sql`now()` }),
    )
    .execute()
}

// ---- production of the cells ----

/** The family's production in [from, to] (optionally at one site), both time types. */
export async function listProduction(
  ex: Executor,
  orgId: string,
  familyId: string,
  from: string,
  to: string,
  siteId?: string,
): Promise<{ site_id: string; concept_id: string; day: string; time_type: TTimeType; volume: string }[]> {
  let q = ex
    .selectFrom('production_entries')
    .select(['site_id', 'concept_id', 'day', 'time_type', 'volume'])
    .where('org_id', '=', orgId)
    .where('family_id', '=', familyId)
    .where('day', '>=', from)
    .where('day', '<=', to)
  if (siteId) q = q.where('site_id', '=', siteId)
  return q.execute()
}

/** The production of one cell ("0" when there is none). */
export async function cellVolume(ex: Executor, orgId: string, key: EvidenceCellKey): Promise<string> {
  const row = await ex
    .selectFrom('production_entries')
    .select(sql<string>`coalesce(sum(volume), 0)::text`.as('volume'))
    .where('org_id', '=', orgId)
    .where('family_id', '=', key.familyId)
    .where('site_id', '=', key.siteId)
    .where('concept_id', '=', key.conceptId)
    .where('day', '=', key.day)
    .where('time_type', '=', key.timeType)
    .executeTakeFirst()
  return row?.volume ?? '0'
}

// ---- records ----

/** The family's records in [from, to] (optionally at one site) with their file and link counts. */
export async function listEvidence(
  ex: Executor,
  orgId: string,
  familyId: string,
  from: string,
  to: string,
  siteId?: string,
): Promise<(EvidenceRow & { file_count: number; link_count: number })[]> {
  let q = ex
    .selectFrom('production_evidence as e')
    .select(evidenceColumns.map((c) => `e.${c}` as const))
    .select([
      sql<number>`(SELECT count(*) FROM production_evidence_items i WHERE i.evidence_id = e.id AND i.kind = 'file')::int`.as(
        'file_count',
      ),
      sql<number>`(SELECT count(*) FROM production_evidence_items i WHERE i.evidence_id = e.id AND i.kind = 'link')::int`.as(
        'link_count',
      ),
    ])
    .where('e.org_id', '=', orgId)
    .where('e.family_id', '=', familyId)
    .where('e.day', '>=', from)
    .where('e.day', '<=', to)
  if (siteId) q = q.where('e.site_id', '=', siteId)
  return q.execute()
}

export async function findEvidence(
  ex: Executor,
  orgId: string,
  key: EvidenceCellKey,
  opts: { forUpdate?: boolean } = {},
): Promise<EvidenceRow | undefined> {
  let q = ex
    .selectFrom('production_evidence')
    .select([...evidenceColumns])
    .where('org_id', '=', orgId)
    .where('family_id', '=', key.familyId)
    .where('site_id', '=', key.siteId)
    .where('concept_id', '=', key.conceptId)
    .where('day', '=', key.day)
    .where('time_type', '=', key.timeType)
  if (opts.forUpdate) q = q.forUpdate()
  return q.executeTakeFirst()
}

/** The cell's record, created `pending` when it has none, locked for the rest of the transaction. */
export async function ensureEvidence(
  ex: Executor,
  orgId: string,
  key: EvidenceCellKey,
): Promise<EvidenceRow> {
  await ex
    .insertInto('production_evidence')
    .values({
      org_id: orgId,
      family_id: key.familyId,
      site_id: key.siteId,
      concept_id: key.conceptId,
      day: key.day,
      time_type: key.timeType,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'family_id', 'day', 'site_id', 'time_type', 'concept_id']).doNothing(),
    )
    .execute()
  const row = await findEvidence(ex, orgId, key, { forUpdate: true })
  if (!row) throw new Error('evidence record vanished')
  return row
}

export async function setStatus(
  ex: Executor,
  orgId: string,
  id: string,
  v: { status: TEvidenceStatus; note: string | null; userId: string | null; at: Date },
): Promise<void> {
  await ex
    .updateTable('production_evidence')
    .set({ status: v.status, note: v.note, status_by: v.userId, status_at: v.at, updated_at: v.at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

export async function touchEvidence(ex: Executor, orgId: string, id: string, at: Date): Promise<void> {
  await ex
    .updateTable('production_evidence')
    .set({ updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

/** The records of the given cells of the organization (for other modules: evidenceStatusOf). */
export async function evidenceOfCells(
  ex: Executor,
  orgId: string,
  cells: readonly EvidenceCellKey[],
): Promise<
  {
    family_id: string
    site_id: string
    concept_id: string
    day: string
    time_type: TTimeType
    status: TEvidenceStatus
  }[]
> {
  if (cells.length === 0) return []
  const result = await sql<{
    family_id: string
    site_id: string
    concept_id: string
    day: string
    time_type: TTimeType
    status: TEvidenceStatus
  }>`
    SELECT e.family_id, e.site_id, e.concept_id, to_char(e.day, 'YYYY-MM-DD') AS day, e.time_type, e.status
    FROM production_evidence e
    JOIN jsonb_to_recordset(${JSON.stringify(cells)}::jsonb)
      AS k("familyId" uuid, "siteId" uuid, "conceptId" uuid, day date, "timeType" text)
      ON e.family_id = k."familyId" AND e.site_id = k."siteId" AND e.concept_id = k."conceptId"
        AND e.day = k.day AND e.time_type = k."timeType"
    WHERE e.org_id = ${orgId}
  `.execute(ex)
  return result.rows
}

// ---- files and links ----

export async function listItems(ex: Executor, orgId: string, evidenceId: string): Promise<EvidenceItemRow[]> {
  return ex
    .selectFrom('production_evidence_items')
    .select([
      'id',
      'evidence_id',
      'kind',
      'file_id',
      'file_name',
      'mime_type',
      'size',
      'url',
      'label',
      'taken_at',
      'latitude',
      'longitude',
      'created_at',
    ])
    .where('org_id', '=', orgId)
    .where('evidence_id', '=', evidenceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function insertItem(
  ex: Executor,
  v: {
    orgId: string
    evidenceId: string
    kind: 'file' | 'link'
    fileId?: string | null
    fileName?: string | null
    mimeType?: string | null
    size?: number | null
    url?: string | null
    label?: string | null
    takenAt?: Date | string | null
    latitude?: string | null
    longitude?: string | null
    createdBy: string | null
  },
): Promise<string> {
  const row = await ex
    .insertInto('production_evidence_items')
    .values({
      org_id: v.orgId,
      evidence_id: v.evidenceId,
      kind: v.kind,
      file_id: v.fileId ?? null,
      file_name: v.fileName ?? null,
      mime_type: v.mimeType ?? null,
      size: v.size ?? null,
      url: v.url ?? null,
      label: v.label ?? null,
      taken_at: v.takenAt ?? null,
      latitude: v.latitude ?? null,
      longitude: v.longitude ?? null,
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** One item with the cell of its record (organization-scoped). */
export async function findItem(ex: Executor, orgId: string, id: string) {
  return ex
    .selectFrom('production_evidence_items as i')
    .innerJoin('production_evidence as e', 'e.id', 'i.evidence_id')
    .select([
      'i.id',
      'i.evidence_id',
      'i.kind',
      'i.file_id',
      'i.file_name',
      'i.url',
      'i.label',
      'e.family_id',
      'e.site_id',
      'e.concept_id',
      'e.day',
      'e.time_type',
    ])
    .where('i.org_id', '=', orgId)
    .where('e.org_id', '=', orgId)
    .where('i.id', '=', id)
    .executeTakeFirst()
}

export async function deleteItem(ex: Executor, orgId: string, id: string): Promise<void> {
  await ex.deleteFrom('production_evidence_items').where('org_id', '=', orgId).where('id', '=', id).execute()
}
