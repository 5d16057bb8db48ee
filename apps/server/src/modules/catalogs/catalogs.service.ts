import type { z } from 'zod'
import type {
  CATALOG_SCHEMAS,
  TCatalogListQuery,
  TCatalogName,
  TClientType,
  TSiteKind,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { assertUnique, checkStepRules, checkUserLink } from './catalog-checks'
import { CATALOG_DEFS, type CatalogDef } from './catalog-defs'
import { catalogsMessages as M } from './catalogs.messages'
import * as repo from './catalogs.repository'
import type { CatalogRow, StepTemplateTable } from './catalogs.repository'
import { normalizeUnitKey } from './unit-key'

type Schemas = typeof CATALOG_SCHEMAS
export type CatalogRecord<N extends TCatalogName = TCatalogName> = z.output<Schemas[N]['record']>
export type CatalogInput<N extends TCatalogName = TCatalogName> = z.output<Schemas[N]['input']>
export type CatalogPatch<N extends TCatalogName = TCatalogName> = Partial<CatalogInput<N>>
export type CatalogList<N extends TCatalogName = TCatalogName> = { items: CatalogRecord<N>[]; total: number }

export type StepTemplateKind = 'proposal' | 'work_order'
export type StepTemplateItem = { id: string; name: string; position: number; parentId: string | null }
export type ReferenceIds = {
  clientId?: string
  typeId?: string
  projectManagerId?: string
  frontId?: string
  siteIds?: string[]
}
export type References = {
  client?: { id: string; name: string; clientType: TClientType }
  type?: { id: string; name: string; level: string }
  projectManager?: { id: string; name: string; email: string | null }
  front?: { id: string; name: string; siteKinds: TSiteKind[] }
  sites?: { id: string; name: string; kind: TSiteKind }[]
}
export type UnitRef = { id: string; key: string; description: string; normalizedKey: string }

const MODULE = 'catalogs'
const STEP_TABLES: Record<StepTemplateKind, StepTemplateTable> = {
  proposal: 'proposal_step_templates',
  work_order: 'work_order_step_templates',
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function toRecord(def: CatalogDef, row: CatalogRow): Record<string, unknown> {
  const rec: Record<string, unknown> = {
    id: row.id,
    active: row.active,
    comment: row.comment,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
  for (const f of def.fields) rec[f.field] = row[f.column] ?? null
  return rec
}

/** The list's filters and order as the repository takes them (the list and its export). */
export function listSpec(
  def: CatalogDef,
  query: Omit<TCatalogListQuery, 'limit' | 'offset'>,
): repo.ListFilters {
  const sortColumn = def.sort[query.sort]
  const filterValue = def.filter ? query[def.filter.param] : undefined
  return {
    q: query.q,
    searchColumns: def.searchColumns,
    normalizedSearch:
      def.searchNormalizedKey && query.q
        ? { column: def.searchNormalizedKey, value: normalizeUnitKey(query.q) }
        : undefined,
    filters: def.filter && filterValue ? { [def.filter.column]: filterValue } : {},
    includeInactive: query.includeInactive === 'true',
    order: sortColumn === 'tree' ? { tree: true, dir: query.dir } : { column: sortColumn, dir: query.dir },
  }
}

/** The columns an input (or patch) sets: fields present in it, plus the derived ones. */
function toColumns(def: CatalogDef, input: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const f of def.fields) if (input[f.field] !== undefined) values[f.column] = input[f.field]
  if (input.comment !== undefined) values.comment = input.comment || null
  return { ...values, ...(def.derive?.(input) ?? {}) }
}

const auditFields = (def: CatalogDef) => [...def.fields.map((f) => f.field), 'comment', 'active']

const notFound = (def: CatalogDef) => new AppError('NOT_FOUND', def.notFound)

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === '23505'
const constraintOf = (err: unknown) =>
  typeof err === 'object' && err !== null && 'constraint' in err ? err.constraint : undefined

/** Other modules' read access to catalogs: only active records of the organization; missing ones are absent. */
export async function getReferences(trx: Executor, orgId: string, ids: ReferenceIds): Promise<References> {
  const valid = (id: string | undefined): id is string => typeof id === 'string' && UUID.test(id)
  const out: References = {}
  if (valid(ids.clientId)) {
    const r = await repo.findActiveClient(trx, orgId, ids.clientId)
    if (r) out.client = { id: r.id, name: r.name, clientType: r.client_type }
  }
  if (valid(ids.typeId)) {
    const r = await repo.findActiveType(trx, orgId, ids.typeId)
    if (r) out.type = { id: r.id, name: r.name, level: r.level }
  }
  if (valid(ids.projectManagerId)) {
    const r = await repo.findActiveProjectManager(trx, orgId, ids.projectManagerId)
    if (r) out.projectManager = { id: r.id, name: r.name, email: r.email }
  }
  if (valid(ids.frontId)) {
    const r = await repo.findActiveFront(trx, orgId, ids.frontId)
    if (r) out.front = { id: r.id, name: r.name, siteKinds: r.site_kinds }
  }
  if (ids.siteIds) {
    const rows = await repo.findActiveSites(trx, orgId, [...new Set(ids.siteIds.filter(valid))])
    out.sites = rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind }))
  }
  return out
}

/** Active step templates of a kind and client type: each main step followed by its sub-steps, by position. */
export async function listStepTemplates(
  trx: Executor,
  orgId: string,
  kind: StepTemplateKind,
  clientType: TClientType,
): Promise<StepTemplateItem[]> {
  const rows = await repo.listActiveStepTemplates(trx, STEP_TABLES[kind], orgId, clientType)
  return rows.map((r) => ({ id: r.id, name: r.name, position: r.position, parentId: r.parent_id }))
}

/** The active unit whose key equals `key` ignoring case, accents and spaces. */
export async function findUnitByKey(trx: Executor, orgId: string, key: string): Promise<UnitRef | undefined> {
  const normalized = normalizeUnitKey(key)
  if (!normalized) return undefined
  const r = await repo.findActiveUnitByNormalizedKey(trx, orgId, normalized)
  return r ? { id: r.id, key: r.key, description: r.description, normalizedKey: r.normalized_key } : undefined
}

export type CatalogsService = ReturnType<typeof createCatalogsService>

export function createCatalogsService({ db, clock }: { db: Db; clock: () => Date }) {
  /** Runs a change in a transaction; a unique violation that slipped past the check (a race) is still a 409. */
  async function inTransaction<T>(def: CatalogDef, fn: (trx: Executor) => Promise<T>): Promise<T> {
    try {
      return await db.transaction().execute(fn)
    } catch (err) {
      const link = def.userLink
      if (isUniqueViolation(err) && link && constraintOf(err) === link.constraint)
        throw new AppError('CONFLICT', link.message, [fieldError(link.path, link.message)])
      if (isUniqueViolation(err))
        throw new AppError('CONFLICT', def.unique.message, [fieldError(def.unique.path, def.unique.message)])
      throw err
    }
  }

  async function loadOrThrow(trx: Executor, def: CatalogDef, orgId: string, id: string) {
    const row = await repo.findRow(trx, def.table, orgId, id)
    if (!row) throw notFound(def)
    return row
  }

  async function listRecords<N extends TCatalogName>(
    actor: Actor,
    name: N,
    query: TCatalogListQuery,
  ): Promise<CatalogList<N>> {
    requireAccess(actor, 'catalog.read')
    const def = CATALOG_DEFS[name]
    const { rows, total } = await repo.listRows(db, def.table, actor.orgId, {
      ...listSpec(def, query),
      limit: query.limit,
      offset: query.offset,
    })
    return { items: rows.map((r) => toRecord(def, r) as CatalogRecord<N>), total }
  }

  async function getRecord<N extends TCatalogName>(
    actor: Actor,
    name: N,
    id: string,
  ): Promise<CatalogRecord<N>> {
    requireAccess(actor, 'catalog.read')
    const def = CATALOG_DEFS[name]
    return toRecord(def, await loadOrThrow(db, def, actor.orgId, id)) as CatalogRecord<N>
  }

  async function createRecord<N extends TCatalogName>(
    actor: Actor,
    name: N,
    input: CatalogInput<N>,
  ): Promise<CatalogRecord<N>> {
    requireAccess(actor, 'catalog.manage')
    const def = CATALOG_DEFS[name]
    const values: Record<string, unknown> = { comment: null, ...toColumns(def, input) }
    if (def.stepTemplates && values.parent_id === undefined) values.parent_id = null
    return inTransaction(def, async (trx) => {
      await checkStepRules(trx, def, actor.orgId, values)
      await assertUnique(trx, def, actor.orgId, values)
      await checkUserLink(trx, def, actor.orgId, values)
      const row = await repo.insertRow(trx, def.table, {
        ...values,
        org_id: actor.orgId,
        created_at: clock(),
        updated_at: clock(),
      })
      const rec = toRecord(def, row)
      await writeAudit(trx, actor, {
        action: `${def.entityType}.created`,
        module: MODULE,
        entityType: def.entityType,
        entityId: row.id,
        changes: diffFields(null, rec, auditFields(def)),
      })
      return rec as CatalogRecord<N>
    })
  }

  async function updateRecord<N extends TCatalogName>(
    actor: Actor,
    name: N,
    id: string,
    patch: CatalogPatch<N>,
  ): Promise<CatalogRecord<N>> {
    requireAccess(actor, 'catalog.manage')
    const def = CATALOG_DEFS[name]
    const changes = toColumns(def, patch)
    return inTransaction(def, async (trx) => {
      const before = await loadOrThrow(trx, def, actor.orgId, id)
      const merged = { ...before, ...changes }
      await checkStepRules(trx, def, actor.orgId, merged, before)
      if (before.active) await assertUnique(trx, def, actor.orgId, merged, id)
      await checkUserLink(trx, def, actor.orgId, changes, id)
      const beforeRec = toRecord(def, before)
      if (Object.keys(changes).length === 0) return beforeRec as CatalogRecord<N>
      const after = await repo.updateRow(trx, def.table, actor.orgId, id, { ...changes, updated_at: clock() })
      const rec = toRecord(def, after)
      const diff = diffFields(beforeRec, rec, auditFields(def))
      if (diff.length > 0) {
        await writeAudit(trx, actor, {
          action: `${def.entityType}.updated`,
          module: MODULE,
          entityType: def.entityType,
          entityId: id,
          changes: diff,
        })
      }
      return rec as CatalogRecord<N>
    })
  }

  async function setActive<N extends TCatalogName>(
    actor: Actor,
    name: N,
    id: string,
    active: boolean,
  ): Promise<CatalogRecord<N>> {
    requireAccess(actor, 'catalog.manage')
    const def = CATALOG_DEFS[name]
    return inTransaction(def, async (trx) => {
      const before = await loadOrThrow(trx, def, actor.orgId, id)
      if (before.active === active) return toRecord(def, before) as CatalogRecord<N>
      const table = def.stepTemplates
      if (table && !active && (await repo.countActiveChildren(trx, table, actor.orgId, id)) > 0) {
        throw new AppError('INVALID_STATE', M.stepHasSubSteps(), [fieldError('id', M.stepHasSubStepsField())])
      }
      if (table && active && typeof before.parent_id === 'string') {
        const parent = await repo.findRow(trx, table, actor.orgId, before.parent_id)
        if (!parent?.active) {
          throw new AppError('INVALID_STATE', M.parentInactive(), [
            fieldError('parentId', M.parentInactiveField()),
          ])
        }
      }
      if (active) await assertUnique(trx, def, actor.orgId, before, id)
      const after = await repo.updateRow(trx, def.table, actor.orgId, id, { active, updated_at: clock() })
      const rec = toRecord(def, after)
      await writeAudit(trx, actor, {
        action: `${def.entityType}.${active ? 'restored' : 'deactivated'}`,
        module: MODULE,
        entityType: def.entityType,
        entityId: id,
        changes: diffFields(toRecord(def, before), rec, ['active']),
      })
      return rec as CatalogRecord<N>
    })
  }

  const deactivateRecord = <N extends TCatalogName>(actor: Actor, name: N, id: string) =>
    setActive(actor, name, id, false)
  const restoreRecord = <N extends TCatalogName>(actor: Actor, name: N, id: string) =>
    setActive(actor, name, id, true)

  /** The filtered list as an Excel workbook (every page, up to 50 000 rows). */
  return {
    listRecords,
    getRecord,
    createRecord,
    updateRecord,
    deactivateRecord,
    restoreRecord,
    // for other modules (they authorize their own use case)
    getReferences,
    projectManagerIdsOfUser: repo.projectManagerIdsOfUser,
    listStepTemplates,
    findUnitByKey,
    normalizeUnitKey,
  }
}
