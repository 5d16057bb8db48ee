import type { TClientType, TSiteKind } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import * as repo from './catalogs.repository'

/**
 * Look-ups for imports of other modules (added for the historical work-order import), inside the caller's
 * transaction; the caller authorizes its own use case.
 */

const ALL = { includeInactive: false, searchColumns: [], limit: 10_000, offset: 0 } as const

/** Active clients of the organization, oldest first (optionally of one client type). */
export async function listActiveClients(trx: Executor, orgId: string, clientType?: TClientType) {
  const { rows } = await repo.listRows(trx, 'clients', orgId, {
    ...ALL,
    filters: clientType ? { client_type: clientType } : {},
    order: { column: 'created_at', dir: 'asc' },
  })
  return rows.map((r) => ({ id: r.id, name: r.name as string, clientType: r.client_type as TClientType }))
}

/** Active fronts of the organization, oldest first. */
export async function listActiveFronts(trx: Executor, orgId: string) {
  const { rows } = await repo.listRows(trx, 'fronts', orgId, {
    ...ALL,
    filters: {},
    order: { column: 'created_at', dir: 'asc' },
  })
  return rows.map((r) => ({ id: r.id, name: r.name as string, siteKinds: r.site_kinds as TSiteKind[] }))
}

/**
 * The id of the active type (of `level`) or project manager named `name` (case and accents ignored);
 * created, audited, when there is none. Used for placeholders such as "POR DEFINIR".
 */
export async function ensureNamedRecord(
  trx: Executor,
  actor: Actor,
  what:
    | { catalog: 'types'; name: string; level: 'proposal' | 'work_order' }
    | { catalog: 'project_managers'; name: string },
  comment: string,
): Promise<string> {
  const equal: Record<string, unknown> = what.catalog === 'types' ? { level: what.level } : {}
  const found = await repo.findActiveDuplicate(trx, what.catalog, actor.orgId, {
    equal,
    folded: { column: 'name', value: what.name },
  })
  if (found) return found.id
  const values = { ...equal, name: what.name, comment, org_id: actor.orgId }
  const row = await repo.insertRow(trx, what.catalog, values)
  const entityType = what.catalog === 'types' ? 'type' : 'project_manager'
  await writeAudit(trx, actor, {
    action: `${entityType}.created`,
    module: 'catalogs',
    entityType,
    entityId: row.id,
    changes: diffFields(null, {
      name: what.name,
      ...(what.catalog === 'types' ? { level: what.level } : {}),
    }),
    data: { placeholder: true },
  })
  return row.id
}
