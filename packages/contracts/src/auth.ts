import { z } from 'zod'
import { ZLineOfBusiness, ZRole } from './common'
import { DEFAULT_WORK_ORDER_DUE_THRESHOLDS, ZWorkOrderDueThresholds } from './work-orders'

export const ZLoginRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
  /** the organization's slug, needed only when the e-mail has an account in several organizations */
  organization: z.string().trim().toLowerCase().min(1).max(100).optional(),
})
export type TLoginRequest = z.infer<typeof ZLoginRequest>

export const ZOrganization = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  country: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  currencies: z.array(z.string()),
  taxRate: z.string(),
  linesOfBusiness: z.array(ZLineOfBusiness),
})
export type TOrganization = z.infer<typeof ZOrganization>

/**
 * The organization's settings (`organizations.settings`, JSON): known keys are checked, missing ones take
 * their defaults, unknown ones are kept.
 */
export const ZOrganizationSettings = z.looseObject({
  /** prefix of the rental billing-sheet series (e.g. `PSL-PS`) */
  billingSeriesPrefix: z.string().optional(),
  /** due-band thresholds of work orders, in days (docs/work-orders.md#due-bands) */
  workOrderDue: ZWorkOrderDueThresholds.default(DEFAULT_WORK_ORDER_DUE_THRESHOLDS),
})
export type TOrganizationSettings = z.infer<typeof ZOrganizationSettings>

export const ZMe = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: ZRole,
    locale: z.enum(['es', 'en']),
  }),
  organization: ZOrganization,
  permissions: z.array(z.string()),
})
export type TMe = z.infer<typeof ZMe>

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
})
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>

export const ZUpdatePreferencesRequest = z.object({ locale: z.enum(['es', 'en']) })
