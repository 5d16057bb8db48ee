import { sql, type RawBuilder } from 'kysely'
import type { Executor } from '../db/executor'

/**
 * Names for the ids an audit entry mentions (a client, a front, a step, a project, a billing sheet…), so
 * that a history says "Pemex Exploración" instead of a UUID. Each module that owns named records gives one
 * `ReferenceSource`: a SELECT of `id, name` of its rows in the organization among the ids asked for. The
 * audit service runs them all as one UNION ALL, once per page of entries.
 */
export type ReferenceSource = (orgId: string, ids: readonly string[]) => RawBuilder<ReferenceRow>
export type ReferenceRow = { id: string; name: string }

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const MAX_DEPTH = 3
const MAX_IDS_PER_ENTRY = 200

/** The UUIDs in a value: itself, or inside arrays and objects (three levels down, 200 at most). */
export function referencedIds(value: unknown, into = new Set<string>(), depth = 0): Set<string> {
  if (into.size >= MAX_IDS_PER_ENTRY || depth > MAX_DEPTH) return into
  if (typeof value === 'string') {
    if (UUID_RE.test(value)) into.add(value.toLowerCase())
  } else if (Array.isArray(value)) {
    for (const v of value) referencedIds(v, into, depth + 1)
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) referencedIds(v, into, depth + 1)
  }
  return into
}

/** The ids one entry mentions: its record, its changes' old and new values, its extra data. */
export function entryReferenceIds(entry: {
  entityId: string | null
  changes: readonly { old: unknown; new: unknown }[]
  data: Record<string, unknown> | null
}): Set<string> {
  const ids = new Set<string>()
  referencedIds(entry.entityId, ids)
  for (const c of entry.changes) {
    referencedIds(c.old, ids)
    referencedIds(c.new, ids)
  }
  referencedIds(entry.data, ids)
  return ids
}

/** One round trip for every source; ids unknown to all of them (deleted rows, other kinds) are absent. */
export async function resolveReferenceNames(
  db: Executor,
  sources: readonly ReferenceSource[],
  orgId: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  if (ids.size === 0 || sources.length === 0) return names
  const wanted = [...ids]
  const parts = sources.map((source) => source(orgId, wanted))
  const { rows } = await sql<ReferenceRow>`${sql.join(parts, sql` UNION ALL `)}`.execute(db)
  for (const r of rows) if (!names.has(r.id)) names.set(r.id, r.name)
  return names
}

/** A source over one table with `id`, `org_id` and a name column (or expression). */
export const tableReferenceSource =
  (table: string, nameExpression: string): ReferenceSource =>
  (orgId, ids) =>
    sql<ReferenceRow>`(SELECT id::text AS id, ${sql.raw(nameExpression)}::text AS name FROM ${sql.table(table)}
      WHERE org_id = ${orgId} AND id = ANY(${ids}::uuid[]))`

/** The platform's own named records: the organization itself, users (an assignee, a signer), uploaded files. */
export const platformReferenceSources: ReferenceSource[] = [
  (orgId, ids) =>
    sql<ReferenceRow>`(SELECT id::text AS id, name FROM organizations WHERE id = ${orgId} AND id = ANY(${ids}::uuid[]))`,
  tableReferenceSource('users', 'name'),
  tableReferenceSource('files', 'name'),
]
