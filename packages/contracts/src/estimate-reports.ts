import { z } from 'zod'
import { ZDate } from './common'

/**
 * Estimate reports (docs/estimates.md#reports), permission `estimate.read`, the caller's organization:
 *
 * - `GET /api/v1/estimates/reports/unbilled-aging?workOrderId=&asOf=` → `ZUnbilledAging`; `…/unbilled-aging.xlsx`
 * - `GET /api/v1/estimates/reports/progress?workOrderId=` → `ZEstimateProgress` (estimated vs produced vs
 *   authorized per family)
 */

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const
export const ZAgingBucket = z.enum(AGING_BUCKETS)
export type TAgingBucket = z.infer<typeof ZAgingBucket>

const decimal = z.string()

export const ZUnbilledAgingQuery = z.object({
  /** one family (its initial work order) */
  workOrderId: z.uuid().optional(),
  /** the date ages are counted to (default: the organization's today) */
  asOf: ZDate.optional(),
})
export type TUnbilledAgingQuery = z.infer<typeof ZUnbilledAgingQuery>

export const ZUnbilledAgingRow = z.object({
  workOrderId: z.uuid(),
  workOrderNumber: z.string(),
  conceptId: z.uuid(),
  code: z.string(),
  description: z.string(),
  unit: z.string(),
  /** `YYYY-MM`, the month of production */
  month: z.string(),
  /** days from the month's last day to `asOf` (0 while the month is open) */
  ageDays: z.number().int(),
  bucket: ZAgingBucket,
  produced: decimal,
  /** in live estimates not yet approved */
  inEstimates: decimal,
  /** produced − billed by approved estimates */
  unbilled: decimal,
  unbilledMxn: decimal,
  unbilledUsd: decimal,
})
export type TUnbilledAgingRow = z.infer<typeof ZUnbilledAgingRow>

const ZMoney = z.object({ mxn: decimal, usd: decimal })
export const ZUnbilledAging = z.object({
  asOf: ZDate,
  items: z.array(ZUnbilledAgingRow),
  /** per bucket and overall, Σ of the rows */
  totals: z.object({
    /** every bucket, named one by one: a z.record over the enum reaches OpenAPI as an open map (any key) */
    buckets: z.object({ '0-30': ZMoney, '31-60': ZMoney, '61-90': ZMoney, '90+': ZMoney }),
    mxn: decimal,
    usd: decimal,
  }),
})
export type TUnbilledAging = z.infer<typeof ZUnbilledAging>

export const ZEstimateProgressQuery = z.object({ workOrderId: z.uuid().optional() })
export type TEstimateProgressQuery = z.infer<typeof ZEstimateProgressQuery>

export const ZEstimateProgressRow = z.object({
  workOrderId: z.uuid(),
  workOrderNumber: z.string(),
  /** Σ authorized volume × unit price of the family's concepts */
  authorizedMxn: decimal,
  authorizedUsd: decimal,
  /** Σ production × unit price */
  producedMxn: decimal,
  producedUsd: decimal,
  /** Σ the quantities of the family's live estimates (deductive lines subtracted) × unit price */
  estimatedMxn: decimal,
  estimatedUsd: decimal,
  /** of estimated, the part in approved (billed) estimates */
  approvedMxn: decimal,
  approvedUsd: decimal,
})
export type TEstimateProgressRow = z.infer<typeof ZEstimateProgressRow>
export const ZEstimateProgress = z.object({ items: z.array(ZEstimateProgressRow) })
export type TEstimateProgress = z.infer<typeof ZEstimateProgress>
