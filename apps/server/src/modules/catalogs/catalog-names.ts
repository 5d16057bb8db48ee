import { sql } from 'kysely'
import type { TClientType, TSiteKind } from '@faena/contracts'
import { tableReferenceSource, type ReferenceSource } from '../../platform/audit/audit-references'
import type { Executor } from '../../platform/db/executor'

/**
 * Other modules' batch look-up of catalog names by id (added for the proposals list and detail).
 * Unlike getReferences it returns inactive records too: a proposal keeps showing a client deactivated later.
 * Only records of the organization; unknown ids are simply absent.
 */
export type CatalogNameIds = {
  clientIds?: readonly string[]
  typeIds?: readonly string[]
  projectManagerIds?: readonly string[]
  frontIds?: readonly string[]
  siteIds?: readonly string[]
  /**
   * Names of another module's records in the same round trip (its `ReferenceSource`, e.g. the proposals'
   * official numbers on a page of work orders): answered in `others`, by id.
   */
  others?: { source: ReferenceSource; ids: readonly string[] }
}
export type CatalogNames = {
  clients: { id: string; name: string; clientType: TClientType }[]
  types: { id: string; name: string }[]
  projectManagers: { id: string; name: string }[]
  /** present only when frontIds / siteIds were asked for (added for work orders) */
  fronts?: { id: string; name: string; siteKinds: TSiteKind[] }[]
  sites?: { id: string; name: string; kind: TSiteKind }[]
  /** present only when `others` was asked for: name by id */
  others?: Map<string, string>
}

type NameRow = {
  k: 'client' | 'type' | 'manager' | 'front' | 'site' | 'other'
  id: string
  name: string
  tag: string | null
  site_kinds: string[] | null
}

/** One round trip for every kind asked for (a list page needs three to five of them). */
export async function getNames(trx: Executor, orgId: string, ids: CatalogNameIds): Promise<CatalogNames> {
  const list = (xs: readonly string[] | undefined) => [...new Set(xs ?? [])]
  const branches = [
    [
      list(ids.clientIds),
      sql`SELECT 'client' AS k, id, name, client_type AS tag, NULL::text[] AS site_kinds FROM clients`,
    ],
    [
      list(ids.typeIds),
      sql`SELECT 'type' AS k, id, name, NULL AS tag, NULL::text[] AS site_kinds FROM types`,
    ],
    [
      list(ids.projectManagerIds),
      sql`SELECT 'manager' AS k, id, name, NULL AS tag, NULL::text[] AS site_kinds FROM project_managers`,
    ],
    [list(ids.frontIds), sql`SELECT 'front' AS k, id, name, NULL AS tag, site_kinds FROM fronts`],
    [
      list(ids.siteIds),
      sql`SELECT 'site' AS k, id, name, kind AS tag, NULL::text[] AS site_kinds FROM sites`,
    ],
  ] as const
  const parts = branches
    .filter(([wanted]) => wanted.length > 0)
    .map(([wanted, select]) => sql`${select} WHERE org_id = ${orgId} AND id = ANY(${wanted}::uuid[])`)
  const others = list(ids.others?.ids)
  if (ids.others && others.length > 0)
    parts.push(
      sql`SELECT 'other' AS k, x.id::uuid AS id, x.name, NULL AS tag, NULL::text[] AS site_kinds FROM ${ids.others.source(orgId, others)} AS x`,
    )
  const rows = parts.length
    ? (await sql<NameRow>`${sql.join(parts, sql` UNION ALL `)}`.execute(trx)).rows
    : []
  const of = (k: NameRow['k']) => rows.filter((r) => r.k === k)
  return {
    clients: of('client').map((c) => ({ id: c.id, name: c.name, clientType: c.tag as TClientType })),
    types: of('type').map((t) => ({ id: t.id, name: t.name })),
    projectManagers: of('manager').map((m) => ({ id: m.id, name: m.name })),
    ...(ids.frontIds
      ? {
          fronts: of('front').map((f) => ({
            id: f.id,
            name: f.name,
            siteKinds: (f.site_kinds ?? []) as TSiteKind[],
          })),
        }
      : {}),
    ...(ids.siteIds
      ? { sites: of('site').map((x) => ({ id: x.id, name: x.name, kind: x.tag as TSiteKind })) }
      : {}),
    ...(ids.others ? { others: new Map(of('other').map((x) => [x.id, x.name])) } : {}),
  }
}

/** Names of catalog records for the audit history (ids in changes and data: client, front, site…). */
export const catalogReferenceSources: ReferenceSource[] = [
  tableReferenceSource('clients', 'name'),
  tableReferenceSource('project_managers', 'name'),
  tableReferenceSource('types', 'name'),
  tableReferenceSource('statuses', 'name'),
  tableReferenceSource('fronts', 'name'),
  tableReferenceSource('sites', 'name'),
  tableReferenceSource('units', 'key'),
  tableReferenceSource('proposal_step_templates', 'name'),
  tableReferenceSource('work_order_step_templates', 'name'),
]
