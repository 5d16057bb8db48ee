import type { TFieldError } from '@faena/contracts'
import { findActiveUser } from '../../platform/auth/users.repository'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import type { CatalogDef } from './catalog-defs'
import * as repo from './catalogs.repository'
import type { CatalogRow } from './catalogs.repository'

/**
 * The checks of a catalog record before it is saved, run in the caller's transaction: uniqueness among the
 * active records, the step templates' tree rules, and a user link (a project manager's account).
 */

const field = (path: string, message: string): TFieldError => ({ path, message })

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
    throw new AppError('CONFLICT', u.message, [field(u.path, u.message)])
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
    throw new AppError('VALIDATION', 'Datos no válidos', [
      field(link.path, 'El usuario no existe en la organización o está inactivo'),
    ])
  }
  if (await repo.findOtherWithValue(trx, def.table, orgId, link.column, userId, excludeId)) {
    throw new AppError('CONFLICT', link.message, [field(link.path, link.message)])
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
      throw new AppError('VALIDATION', 'Datos no válidos', [
        field('parentId', 'Un paso no puede ser su propio paso padre'),
      ])
    const parent = await repo.findRow(trx, table, orgId, parentId)
    if (!parent || !parent.active) {
      throw new AppError('VALIDATION', 'Datos no válidos', [
        field('parentId', 'El paso padre no existe o está inactivo'),
      ])
    }
    if (parent.parent_id !== null) {
      throw new AppError('VALIDATION', 'Datos no válidos', [
        field('parentId', 'El paso padre debe ser un paso principal (un solo nivel de sub-pasos)'),
      ])
    }
    if (parent.client_type !== clientType) {
      throw new AppError('VALIDATION', 'Datos no válidos', [
        field('parentId', 'El paso padre es de otro tipo de cliente'),
      ])
    }
    if (children > 0) {
      throw new AppError('VALIDATION', 'Datos no válidos', [
        field('parentId', 'Un paso con sub-pasos activos no puede ser sub-paso'),
      ])
    }
  }
  if (self && children > 0 && clientType !== self.client_type) {
    throw new AppError('VALIDATION', 'Datos no válidos', [
      field('clientType', 'No se puede cambiar el tipo de cliente de un paso con sub-pasos activos'),
    ])
  }
}
