import type { TClientType, TSiteKind } from '@faena/contracts'
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
}
export type CatalogNames = {
  clients: { id: string; name: string; clientType: TClientType }[]
  types: { id: string; name: string }[]
  projectManagers: { id: string; name: string }[]
  /** present only when frontIds / siteIds were asked for (added for work orders) */
  fronts?: { id: string; name: string; siteKinds: TSiteKind[] }[]
  sites?: { id: string; name: string; kind: TSiteKind }[]
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
  const frontIds = list(ids.frontIds)
  const siteIds = list(ids.siteIds)
  const fronts = frontIds.length
    ? await trx
        .selectFrom('fronts')
        .select(['id', 'name', 'site_kinds'])
        .where('org_id', '=', orgId)
        .where('id', 'in', frontIds)
        .execute()
    : []
  const sites = siteIds.length
    ? await trx
        .selectFrom('sites')
        .select(['id', 'name', 'kind'])
        .where('org_id', '=', orgId)
        .where('id', 'in', siteIds)
        .execute()
    : []
  return {
    clients: clients.map((c) => ({ id: c.id, name: c.name, clientType: c.client_type as TClientType })),
    types,
    projectManagers,
    ...(ids.frontIds
      ? { fronts: fronts.map((f) => ({ id: f.id, name: f.name, siteKinds: f.site_kinds as TSiteKind[] })) }
      : {}),
    ...(ids.siteIds
      ? { sites: sites.map((x) => ({ id: x.id, name: x.name, kind: x.kind as TSiteKind })) }
      : {}),
  }
}
