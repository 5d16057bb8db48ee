import { z } from 'zod'
import { listOf, ZPagination } from './common'

/**
 * Catalogs of the offshore line. Every catalog record has `id`, `active` (soft delete) and `comment`.
 * Lists: `GET /api/v1/catalogs/<name>?q=&limit=&offset=&sort=&dir=&includeInactive=` → `{items,total}`.
 */
export const CATALOG_NAMES = [
  'clients',
  'project-managers',
  'types',
  'statuses',
  'fronts',
  'sites',
  'units',
  'proposal-step-templates',
  'work-order-step-templates',
] as const
export const ZCatalogName = z.enum(CATALOG_NAMES)
export type TCatalogName = z.infer<typeof ZCatalogName>

export const CLIENT_TYPES = ['CONTRATO', 'INTERCOM'] as const
export const ZClientType = z.enum(CLIENT_TYPES)
export type TClientType = z.infer<typeof ZClientType>

/** What a type or status classifies (the old system's `nivel_afectacion`). */
export const TYPE_LEVELS = ['proposal', 'work_order', 'concept', 'production'] as const
export const ZTypeLevel = z.enum(TYPE_LEVELS)
export const STATUS_LEVELS = ['proposal', 'work_order', 'billing', 'step', 'daily_report'] as const
export const ZStatusLevel = z.enum(STATUS_LEVELS)
export const SITE_KINDS = ['vessel', 'platform', 'yard', 'interconnection'] as const
export const ZSiteKind = z.enum(SITE_KINDS)
export type TSiteKind = z.infer<typeof ZSiteKind>

const comment = z.string().trim().max(2000).nullable().optional()
const name = z.string().trim().min(1).max(200)

export const ZCatalogListQuery = ZPagination.extend({
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['name', 'createdAt', 'position', 'key']).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  includeInactive: z.enum(['true', 'false']).optional(),
  /** narrows by the catalog's own classifier: client type, level or site kind */
  clientType: ZClientType.optional(),
  level: z.string().trim().max(40).optional(),
  kind: ZSiteKind.optional(),
})
export type TCatalogListQuery = z.infer<typeof ZCatalogListQuery>
/** a catalog's export (a job): the list's filters without pagination */
export const ZCatalogExportRequest = ZCatalogListQuery.omit({ limit: true, offset: true })
export type TCatalogExportRequest = z.infer<typeof ZCatalogExportRequest>
/** the `catalogs.export` job's payload: which catalog, with its list's filters */
export const ZCatalogExportPayload = ZCatalogExportRequest.extend({ catalog: ZCatalogName })
export type TCatalogExportPayload = z.infer<typeof ZCatalogExportPayload>

const base = {
  id: z.uuid(),
  active: z.boolean(),
  comment: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}

export const ZClient = z.object({ ...base, name: z.string(), clientType: ZClientType })
export const ZClientInput = z.object({ name, clientType: ZClientType, comment })
export type TClient = z.infer<typeof ZClient>

/** `userId`: the user account of the organization this manager is (one manager per user), for "assigned to me" */
export const ZProjectManager = z.object({
  ...base,
  name: z.string(),
  email: z.string().nullable(),
  userId: z.uuid().nullable(),
})
export const ZProjectManagerInput = z.object({
  name,
  email: z.email().max(254).nullable().optional(),
  userId: z.uuid().nullable().optional(),
  comment,
})
export type TProjectManager = z.infer<typeof ZProjectManager>

export const ZTypeRecord = z.object({ ...base, name: z.string(), level: ZTypeLevel })
export const ZTypeInput = z.object({ name, level: ZTypeLevel, comment })
export type TTypeRecord = z.infer<typeof ZTypeRecord>

export const ZStatusRecord = z.object({ ...base, name: z.string(), level: ZStatusLevel })
export const ZStatusInput = z.object({ name, level: ZStatusLevel, comment })

export const ZFront = z.object({ ...base, name: z.string(), siteKinds: z.array(ZSiteKind) })
/** `siteKinds`: which kinds of site a work order on this front may use (e.g. BARCO → vessel, platform, interconnection, yard). */
export const ZFrontInput = z.object({ name, siteKinds: z.array(ZSiteKind).max(4).default([]), comment })
export type TFront = z.infer<typeof ZFront>

export const ZSite = z.object({ ...base, name: z.string(), kind: ZSiteKind })
export const ZSiteInput = z.object({ name, kind: ZSiteKind, comment })
export type TSite = z.infer<typeof ZSite>

/** Units are matched ignoring case, accents and spaces (`normalizedKey`), so `HOM/DÍA` = `hom / dia`. */
export const ZUnit = z.object({
  ...base,
  key: z.string(),
  description: z.string(),
  normalizedKey: z.string(),
})
export const ZUnitInput = z.object({ key: z.string().trim().min(1).max(30), description: name, comment })
export type TUnit = z.infer<typeof ZUnit>

/** A step template: main steps have `parentId = null`; sub-steps hang under a main step (e.g. 4 "Volumetría"). */
export const ZStepTemplate = z.object({
  ...base,
  clientType: ZClientType,
  name: z.string(),
  position: z.number().int(),
  parentId: z.uuid().nullable(),
})
export const ZStepTemplateInput = z.object({
  clientType: ZClientType,
  name,
  position: z.number().int().min(1).max(10_000),
  parentId: z.uuid().nullable().optional(),
  comment,
})
export type TStepTemplate = z.infer<typeof ZStepTemplate>

export const CATALOG_SCHEMAS = {
  clients: { record: ZClient, input: ZClientInput },
  'project-managers': { record: ZProjectManager, input: ZProjectManagerInput },
  types: { record: ZTypeRecord, input: ZTypeInput },
  statuses: { record: ZStatusRecord, input: ZStatusInput },
  fronts: { record: ZFront, input: ZFrontInput },
  sites: { record: ZSite, input: ZSiteInput },
  units: { record: ZUnit, input: ZUnitInput },
  'proposal-step-templates': { record: ZStepTemplate, input: ZStepTemplateInput },
  'work-order-step-templates': { record: ZStepTemplate, input: ZStepTemplateInput },
} as const satisfies Record<TCatalogName, { record: z.ZodType; input: z.ZodObject }>

export const catalogList = <T extends z.ZodType>(record: T) => listOf(record)
