import { z } from 'zod'
import { listOf } from './common'

/** Read-only feeds for BI tools (docs/feeds.md): tokens an admin creates, scoped to datasets. */
export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  /** the token's first characters, to tell it apart (the rest is never shown again) */
  prefix: z.string(),
  datasets: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
})
export type TApiToken = z.infer<typeof ZApiToken>
export const ZApiTokenList = listOf(ZApiToken)
export type TApiTokenList = z.infer<typeof ZApiTokenList>

export const ZApiTokenCreate = z.object({
  name: z.string().trim().min(1).max(120),
  datasets: z.array(z.string().min(1).max(60)).min(1).max(20),
})
export type TApiTokenCreate = z.infer<typeof ZApiTokenCreate>

/** The new token: `token` is shown this once. */
export const ZApiTokenCreated = z.object({ token: z.string(), apiToken: ZApiToken })
export type TApiTokenCreated = z.infer<typeof ZApiTokenCreated>

export const ZFeedDatasets = z.object({
  items: z.array(z.object({ name: z.string(), title: z.string(), columns: z.array(z.string()) })),
})
export type TFeedDatasets = z.infer<typeof ZFeedDatasets>

export const ZFeedQuery = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  /** only rows changed at or after this instant (ISO 8601 with a time zone) */
  modifiedSince: z.iso.datetime({ offset: true }).optional(),
})
export type TFeedQuery = z.infer<typeof ZFeedQuery>
