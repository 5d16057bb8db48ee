import { sql, type RawBuilder } from 'kysely'
import type { TOrganization } from '@faena/contracts'
import type { Executor } from '../db/executor'

export type OrganizationSettings = { billingSeriesPrefix?: string } & Record<string, unknown>

export type OrganizationInput = {
  slug: string
  name: string
  country: string
  timeZone: string
  locale: string
  currencies: string[]
  taxRate: string
  linesOfBusiness: TOrganization['linesOfBusiness']
  settings?: OrganizationSettings
}

type Row = {
  id: string
  slug: string
  name: string
  country: string
  time_zone: string
  locale: string
  currencies: string[]
  tax_rate: string
  lines_of_business: string[]
}

export const toOrganization = (r: Row): TOrganization => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  country: r.country,
  timeZone: r.time_zone,
  locale: r.locale,
  currencies: r.currencies,
  taxRate: r.tax_rate,
  linesOfBusiness: r.lines_of_business as TOrganization['linesOfBusiness'],
})

export async function findOrganizationById(db: Executor, id: string): Promise<TOrganization | undefined> {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toOrganization(row) : undefined
}

export async function findOrganizationBySlug(db: Executor, slug: string): Promise<TOrganization | undefined> {
  const row = await db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row ? toOrganization(row) : undefined
}

export async function insertOrganization(db: Executor, o: OrganizationInput): Promise<TOrganization> {
  const row = await db
    .insertInto('organizations')
    .values({
      slug: o.slug,
      name: o.name,
      country: o.country,
      time_zone: o.timeZone,
      locale: o.locale,
      currencies: o.currencies,
      tax_rate: o.taxRate,
      lines_of_business: o.linesOfBusiness,
      settings: JSON.stringify(o.settings ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toOrganization(row)
}

/** The organization's settings (document series prefixes…); `{}` when it has none. Pass the open `trx` inside a transaction. */
export async function getOrganizationSettings(db: Executor, orgId: string): Promise<OrganizationSettings> {
  const row = await db
    .selectFrom('organizations')
    .select('settings')
    .where('id', '=', orgId)
    .executeTakeFirst()
  const settings = row?.settings
  return settings && typeof settings === 'object' && !Array.isArray(settings) ? settings : {}
}

/**
 * One key of the organization's settings as a scalar subquery (jsonb, NULL when unset), to ride on a list's
 * page query (computed once per query, an InitPlan) instead of a round trip of its own (docs/platform.md#lists).
 */
export const organizationSetting = (orgId: string, key: string): RawBuilder<unknown> =>
  sql<unknown>`(select o.settings -> ${key}::text from organizations o where o.id = ${orgId})`

/** Time zone per organization, cached: it changes only by migration/admin action. */
export function createTimeZoneLookup(db: Executor) {
  const cache = new Map<string, string>()
  return async (orgId: string): Promise<string> => {
    const hit = cache.get(orgId)
    if (hit) return hit
    const org = await findOrganizationById(db, orgId)
    const tz = org?.timeZone ?? 'UTC'
    cache.set(orgId, tz)
    return tz
  }
}
