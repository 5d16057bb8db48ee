import type { TClientType } from '@faena/contracts'
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
}
export type CatalogNames = {
  clients: { id: string; name: string; clientType: TClientType }[]
  types: { id: string; name: string }[]
  projectManagers: { id: string; name: string }[]
}

export async function getNames(trx: Executor, orgId: string, ids: CatalogNameIds): Promise<CatalogNames> {
  const list = (xs: readonly string[] | undefined) => [...new Set(xs ?? [])]
  const clientIds = list(ids.clientIds)
  const typeIds = list(ids.typeIds)
  const managerIds = list(ids.projectManagerIds)
  const clients = clientIds.length
    ? await trx
        .selectFrom('clients')
        .select(['id', 'name', 'client_type'])
        .where('org_id', '=', orgId)
        .where('id', 'in', clientIds)
        .execute()
    : []
  const types = typeIds.length
    ? await trx
        .selectFrom('types')
        .select(['id', 'name'])
        .where('org_id', '=', orgId)
        .where('id', 'in', typeIds)
        .execute()
    : []
  const projectManagers = managerIds.length
    ? await trx
        .selectFrom('project_managers')
        .select(['id', 'name'])
        .where('org_id', '=', orgId)
        .where('id', 'in', managerIds)
        .execute()
    : []
  return {
    clients: clients.map((c) => ({ id: c.id, name: c.name, clientType: c.client_type as TClientType })),
    types,
    projectManagers,
  }
}
