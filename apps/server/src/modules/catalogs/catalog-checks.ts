import { findActiveUser } from '../../platform/auth/users.repository'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError, validationError } from '../../platform/errors'
import type { CatalogDef } from './catalog-defs'
import { catalogsMessages as M } from './catalogs.messages'
import * as repo from './catalogs.repository'
import type { CatalogRow } from './catalogs.repository'

/**
 * The checks of a catalog record before it is saved, run in the caller's transaction: uniqueness among the
 * active records, the step templates' tree rules, and a user link (a project manager's account).
 */

export async function assertUnique(
  trx: Executor,
  def: CatalogDef,
  orgId: string,
  values: Record<string, unknown>,
  excludeId?: string,
) {
  const u = def.unique
  const equal: Record<string, unknown> = Object.fromEntries(u.equal.map((c) => [c, values[c] ?? null]))
  if (u.exact) equal[u.exact] = values[u.exact]
  const folded = u.folded
    ? { column: u.folded, value: typeof values[u.folded] === 'string' ? (values[u.folded] as string) : '' }
    : undefined
  if (await repo.findActiveDuplicate(trx, def.table, orgId, { equal, folded, excludeId })) {
    throw new AppError('CONFLICT', u.message, [fieldError(u.path, u.message)])
  }
}

/** A user link (a project manager's account) names an active user of the organization, not linked elsewhere. */
export async function checkUserLink(
  trx: Executor,
  def: CatalogDef,
  orgId: string,
  values: Record<string, unknown>,
  excludeId?: string,
) {
  const link = def.userLink
  const userId = link ? values[link.column] : undefined
  if (!link || typeof userId !== 'string') return
  if (!(await findActiveUser(trx, orgId, userId))) {
    throw validationError(M.invalidData(), [fieldError(link.path, M.userNotInOrg())])
  }
  if (await repo.findOtherWithValue(trx, def.table, orgId, link.column, userId, excludeId)) {
    throw new AppError('CONFLICT', link.message, [fieldError(link.path, link.message)])
  }
}

/** Sub-steps hang under an active main step of the same kind and client type; one level deep. */
export async function checkStepRules(
  trx: Executor,
  def: CatalogDef,
  orgId: string,
  values: Record<string, unknown>,
  self?: CatalogRow,
) {
  const table = def.stepTemplates
  if (!table) return
  const parentId = (values.parent_id ?? null) as string | null
  const clientType = values.client_type as string
  const children = self ? await repo.countActiveChildren(trx, table, orgId, self.id) : 0
  if (parentId !== null) {
    if (self && parentId === self.id)
      throw validationError(M.invalidData(), [fieldError('parentId', M.ownParent())])
    const parent = await repo.findRow(trx, table, orgId, parentId)
    if (!parent || !parent.active) {
      throw validationError(M.invalidData(), [fieldError('parentId', M.parentMissing())])
    }
    if (parent.parent_id !== null) {
      throw validationError(M.invalidData(), [fieldError('parentId', M.parentNotMain())])
    }
    if (parent.client_type !== clientType) {
      throw validationError(M.invalidData(), [fieldError('parentId', M.parentOtherClientType())])
    }
    if (children > 0) {
      throw validationError(M.invalidData(), [fieldError('parentId', M.subStepWithSubSteps())])
    }
  }
  if (self && children > 0 && clientType !== self.client_type) {
    throw validationError(M.invalidData(), [fieldError('clientType', M.clientTypeLocked())])
  }
}
