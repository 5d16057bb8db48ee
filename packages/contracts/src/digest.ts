import { z } from 'zod'
import { ZDate } from './common'

/** The weekly activity digest (docs/insights.md#weekly-digest): when it is sent and to whom. */
export const ZDigestSettings = z.object({
  enabled: z.boolean(),
  /** ISO weekday of the organization's time zone: 1 Monday … 7 Sunday */
  weekday: z.number().int().min(1).max(7),
  /** hour of that day, 0–23, in the organization's time zone */
  hour: z.number().int().min(0).max(23),
  recipients: z.array(z.email().max(254)).max(50),
  timeZone: z.string(),
  updatedAt: z.string().nullable(),
})
export type TDigestSettings = z.infer<typeof ZDigestSettings>

export const ZDigestSettingsInput = z.object({
  enabled: z.boolean(),
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  recipients: z.array(z.email().max(254)).max(50),
})
export type TDigestSettingsInput = z.infer<typeof ZDigestSettingsInput>

export const ZDigestPreviewQuery = z.object({
  /** the last day of the week shown (default: yesterday in the organization's time zone) */
  end: ZDate.optional(),
})
export type TDigestPreviewQuery = z.infer<typeof ZDigestPreviewQuery>

const ZModuleCount = z.object({ module: z.string(), label: z.string(), count: z.number().int() })

/** Progress of the documents of a project manager's steps. */
export const ZDigestProgress = z.object({
  projectManager: z.string(),
  done: z.number().int(),
  total: z.number().int(),
})

/** What the digest of one week says (the e-mail is rendered from it). */
export const ZDigest = z.object({
  periodStart: ZDate,
  periodEnd: ZDate,
  timeZone: z.string(),
  /** the users with the most changes, with their changes per module */
  activity: z.array(z.object({ user: z.string(), total: z.number().int(), modules: z.array(ZModuleCount) })),
  /** changes per module over the week (every user) */
  modules: z.array(ZModuleCount),
  /** proposal steps with a document (file or link) of the total, per project manager */
  proposalDocuments: z.array(ZDigestProgress),
  /** work-order steps completed of the total, per project manager */
  workOrderSteps: z.array(ZDigestProgress),
  subject: z.string(),
  html: z.string(),
})
export type TDigest = z.infer<typeof ZDigest>

export const ZDigestSent = z.object({
  periodStart: ZDate,
  periodEnd: ZDate,
  jobId: z.uuid(),
  recipients: z.array(z.string()),
})
export type TDigestSent = z.infer<typeof ZDigestSent>

/**
 * Due and overdue notices (docs/platform.md#due-and-overdue): how many days before a delivery date the "due
 * soon" notice goes, and the hour of the organization's day the daily scan runs at (fixed: 7).
 */
export const ZDueAlertSettings = z.object({
  daysBefore: z.number().int().min(0).max(60),
  hour: z.number().int(),
  timeZone: z.string(),
  updatedAt: z.string().nullable(),
})
export type TDueAlertSettings = z.infer<typeof ZDueAlertSettings>
export const ZDueAlertSettingsInput = z.object({ daysBefore: z.number().int().min(0).max(60) })
export type TDueAlertSettingsInput = z.infer<typeof ZDueAlertSettingsInput>
