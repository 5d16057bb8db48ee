import { z } from 'zod'
import { listOf, ZDate, ZPagination } from './common'
import { ZTimeType } from './production'
import { ZEvidenceStatus } from './production-evidence'

/**
 * Estimates (estimaciones): progress bills of a work-order family from its production (docs/estimates.md).
 *
 * - `GET /api/v1/estimates?workOrderId=&status=&limit=&offset=` → `ZEstimateList`
 * - `POST /api/v1/estimates {workOrderId, periodStart, periodEnd, type}` → 201 `ZEstimate`
 * - `GET /api/v1/estimates/:id` → `ZEstimate`
 * - `PUT /api/v1/estimates/:id/selection` filters or `{cells}` → `ZEstimate` (draft only)
 * - `POST /api/v1/estimates/:id/adjustments` (deductive line or penalty), `DELETE …/adjustments/:adjustmentId`
 * - `POST /api/v1/estimates/:id/review|submit|approve|return|cancel` → `ZEstimate`
 * - `POST /api/v1/estimates/:id/invoice {invoiceReference}`, `POST …/pay {date, amount}` → `ZEstimate`
 * - `GET /api/v1/estimates/unbilled?workOrderId=&dateFrom=&dateTo=` → `ZUnbilled`
 * - `GET|PUT /api/v1/estimates/settings/:workOrderId` → `ZEstimateSettings`
 */

export const ESTIMATE_TYPES = [
  'ordinary',
  'extraordinary',
  'excess',
  'price_adjustment',
  'final_settlement',
] as const
export const ZEstimateType = z.enum(ESTIMATE_TYPES)
export type TEstimateType = z.infer<typeof ZEstimateType>

export const ESTIMATE_STATUSES = [
  'draft',
  'in_review',
  'submitted',
  'approved',
  'invoiced',
  'paid',
  'cancelled',
] as const
export const ZEstimateStatus = z.enum(ESTIMATE_STATUSES)
export type TEstimateStatus = z.infer<typeof ZEstimateStatus>

const decimal = z.string()
/** A non-negative plain decimal (money or quantity) typed by a user. */
const ZDecimalInput = (digits = 6) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{1,12}(\\.\\d{1,${digits}})?$`), 'Número no válido: no negativo, sin exponentes')
/** A plain decimal that may be negative (a unit-price difference). */
const ZSignedDecimalInput = z
  .string()
  .trim()
  .regex(/^-?\d{1,12}(\.\d{1,6})?$/, 'Número no válido: sin exponentes, hasta 6 decimales')
const ZPercent = ZDecimalInput(6).refine((v) => Number(v) <= 100, 'Un porcentaje va de 0 a 100')
const ZReason = z.string().trim().min(5, 'El motivo necesita al menos 5 caracteres').max(500)

// ---- settings of a family ----

export const ZRetentionSetting = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_-]+$/, 'Clave: minúsculas, números, _ o -'),
  name: z.string().trim().min(1).max(120),
  /** percent of the estimate's subtotal: 5 al millar = 0.5 */
  percent: ZPercent,
})
export type TRetentionSetting = z.infer<typeof ZRetentionSetting>

export const ZEstimateSettingsRequest = z.object({
  ivaPercent: ZPercent,
  advanceMxn: ZDecimalInput(2),
  advanceUsd: ZDecimalInput(2),
  amortizationPercent: ZPercent,
  retentions: z.array(ZRetentionSetting).max(20),
  maxPeriodMonths: z.number().int().min(1).max(12),
})
export type TEstimateSettingsRequest = z.infer<typeof ZEstimateSettingsRequest>
export const ZEstimateSettings = ZEstimateSettingsRequest.extend({
  workOrderId: z.uuid(),
  isDefault: z.boolean(),
})
export type TEstimateSettings = z.infer<typeof ZEstimateSettings>
export const ZEstimateSettingsParams = z.object({ workOrderId: z.uuid() })

// ---- requests ----

export const ZEstimateListQuery = ZPagination.extend({
  workOrderId: z.uuid().optional(),
  status: ZEstimateStatus.optional(),
})
export type TEstimateListQuery = z.input<typeof ZEstimateListQuery>

export const ZEstimateCreateRequest = z.object({
  workOrderId: z.uuid(),
  periodStart: ZDate,
  periodEnd: ZDate,
  type: ZEstimateType.default('ordinary'),
})
export type TEstimateCreateRequest = z.input<typeof ZEstimateCreateRequest>

export const ZEstimateCellKey = z.object({
  siteId: z.uuid(),
  conceptId: z.uuid(),
  date: ZDate,
  timeType: ZTimeType,
})
export type TEstimateCellKey = z.infer<typeof ZEstimateCellKey>

/** The production of the period chosen by filters; `evidence` `signed` (default) bills only signed evidence. */
export const ZEstimateSelectionFilters = z.object({
  dateFrom: ZDate,
  dateTo: ZDate,
  siteId: z.uuid().optional(),
  timeType: ZTimeType.optional(),
  evidence: z.enum(['signed', 'any']).default('signed'),
  /** include excess cells whose excess has a recorded reason (the authorization) */
  includeAuthorizedExcess: z.boolean().default(false),
})
export const ZEstimateSelectionRequest = z.union([
  ZEstimateSelectionFilters.strict(),
  z
    .object({
      cells: z.array(ZEstimateCellKey).max(20_000),
      evidence: z.enum(['signed', 'any']).default('signed'),
    })
    .strict(),
])
export type TEstimateSelectionRequest = z.input<typeof ZEstimateSelectionRequest>

export const ZEstimateAdjustmentRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('deductive'),
    conceptId: z.uuid(),
    quantity: ZDecimalInput(6),
    reason: ZReason,
  }),
  z.object({
    kind: z.literal('penalty'),
    amountMxn: ZDecimalInput(2),
    amountUsd: ZDecimalInput(2),
    reason: ZReason,
  }),
  /** a price-adjustment estimate's line: the concept's quantity already billed × the unit-price difference */
  z.object({
    kind: z.literal('price_difference'),
    conceptId: z.uuid(),
    priceDifferenceMxn: ZSignedDecimalInput,
    priceDifferenceUsd: ZSignedDecimalInput,
    reason: ZReason,
  }),
])
export type TEstimateAdjustmentRequest = z.infer<typeof ZEstimateAdjustmentRequest>

export const ZEstimateSubmitRequest = z.object({
  exchangeRate: z
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,6})?$/, 'Tipo de cambio no válido: número positivo con hasta 6 decimales')
    .refine((v) => Number(v) > 0, 'El tipo de cambio debe ser mayor que cero')
    .optional(),
})
export const ZEstimateReturnRequest = z.object({ reason: ZReason })
/** approved → invoiced: the invoice's reference, unique per organization among estimates (ignoring case) */
export const ZEstimateInvoiceRequest = z.object({
  invoiceReference: z
    .string()
    .trim()
    .min(1, 'La referencia de la factura es obligatoria')
    .max(80, 'La referencia de la factura tiene 80 caracteres como máximo'),
})
export type TEstimateInvoiceRequest = z.infer<typeof ZEstimateInvoiceRequest>
/** invoiced → paid: the payment's date and amount, which must equal the estimate's homologated net (MXN) */
export const ZEstimatePayRequest = z.object({
  date: ZDate,
  amount: ZDecimalInput(2).refine((v) => Number(v) > 0, 'El importe debe ser mayor que cero'),
})
export type TEstimatePayRequest = z.infer<typeof ZEstimatePayRequest>
export const ZEstimateParams = z.object({ id: z.uuid() })
export const ZEstimateAdjustmentParams = z.object({ id: z.uuid(), adjustmentId: z.uuid() })

// ---- answers ----

export const ZEstimateLine = z.object({
  kind: z.enum(['production', 'deductive', 'price_difference']),
  conceptId: z.uuid(),
  code: z.string(),
  description: z.string(),
  unit: z.string(),
  annex: z.string().nullable(),
  unitPriceMxn: decimal,
  unitPriceUsd: decimal,
  authorizedQuantity: decimal,
  /** in the family's earlier live estimates (lower number, not cancelled) */
  previousQuantity: decimal,
  /** this estimate (negative on a deductive line) */
  quantity: decimal,
  /** of `quantity`, cells flagged excess billed under their recorded reason */
  excessQuantity: decimal,
  accumulatedQuantity: decimal,
  remainingQuantity: decimal,
  amountMxn: decimal,
  amountUsd: decimal,
  cellCount: z.number().int(),
  adjustmentId: z.uuid().nullable(),
  reason: z.string().nullable(),
})
export type TEstimateLine = z.infer<typeof ZEstimateLine>

export const ZEstimateDeduction = z.object({
  kind: z.enum(['amortization', 'retention', 'penalty']),
  code: z.string(),
  name: z.string(),
  percent: decimal.nullable(),
  baseMxn: decimal,
  baseUsd: decimal,
  amountMxn: decimal,
  amountUsd: decimal,
  adjustmentId: z.uuid().nullable(),
})
export type TEstimateDeduction = z.infer<typeof ZEstimateDeduction>

export const ZEstimateTotals = z.object({
  subtotalMxn: decimal,
  subtotalUsd: decimal,
  deductionsMxn: decimal,
  deductionsUsd: decimal,
  taxMxn: decimal,
  taxUsd: decimal,
  netMxn: decimal,
  netUsd: decimal,
  /** netMxn + netUsd × the exchange rate (null without a rate) */
  homologatedMxn: decimal.nullable(),
})
export type TEstimateTotals = z.infer<typeof ZEstimateTotals>

/**
 * The family's running account, per currency: authorized (Σ authorized quantity × unit price), estimated to
 * date (the net subtotals of its approved, invoiced and paid estimates other than this one), this estimate's
 * subtotal, remaining (authorized − estimated − this), and the advance given, recovered (including this
 * estimate's amortization) and its balance.
 */
export const ZEstimateAccountCurrency = z.object({
  authorized: decimal,
  estimatedToDate: decimal,
  thisEstimate: decimal,
  remaining: decimal,
  advanceGiven: decimal,
  advanceRecovered: decimal,
  advanceBalance: decimal,
})
export const ZEstimateAccount = z.object({ mxn: ZEstimateAccountCurrency, usd: ZEstimateAccountCurrency })
export type TEstimateAccount = z.infer<typeof ZEstimateAccount>

export const ZEstimateAdvance = z.object({
  advanceMxn: decimal,
  advanceUsd: decimal,
  recoveredBeforeMxn: decimal,
  recoveredBeforeUsd: decimal,
  balanceAfterMxn: decimal,
  balanceAfterUsd: decimal,
})

const ZWho = z.object({ id: z.uuid(), name: z.string() }).nullable()

export const ZEstimateSummary = z.object({
  id: z.uuid(),
  workOrderId: z.uuid(),
  workOrderNumber: z.string(),
  number: z.number().int(),
  name: z.string(),
  type: ZEstimateType,
  status: ZEstimateStatus,
  periodStart: ZDate,
  periodEnd: ZDate,
  exchangeRate: decimal.nullable(),
  totals: ZEstimateTotals.nullable(),
  invoiceReference: z.string().nullable(),
  invoicedAt: z.string().nullable(),
  /** the payment's date and amount (MXN, equal to the homologated net) */
  paidDate: ZDate.nullable(),
  paidAmount: decimal.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type TEstimateSummary = z.infer<typeof ZEstimateSummary>
export const ZEstimateList = listOf(ZEstimateSummary)
export type TEstimateList = z.infer<typeof ZEstimateList>

export const ZEstimate = ZEstimateSummary.extend({
  selection: z.record(z.string(), z.unknown()).nullable(),
  ivaPercent: decimal,
  /** the rate on the period's end in the organization's table, while not frozen (null when there is none) */
  suggestedExchangeRate: decimal.nullable(),
  lines: z.array(ZEstimateLine),
  deductions: z.array(ZEstimateDeduction),
  totals: ZEstimateTotals,
  advance: ZEstimateAdvance,
  cells: z.array(
    ZEstimateCellKey.extend({
      volume: decimal,
      isExcess: z.boolean(),
      /** `not_required`: the concept's annex needs no evidence */
      evidenceStatus: z.union([ZEvidenceStatus, z.literal('not_required')]),
    }),
  ),
  returnReason: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnedBy: ZWho,
  submittedAt: z.string().nullable(),
  submittedBy: ZWho,
  approvedAt: z.string().nullable(),
  approvedBy: ZWho,
  invoicedBy: ZWho,
  paidAt: z.string().nullable(),
  paidBy: ZWho,
  /** the contract's running account with this estimate (docs/estimates.md#running-account) */
  account: ZEstimateAccount,
})
export type TEstimate = z.infer<typeof ZEstimate>

export const ZUnbilledQuery = z.object({
  workOrderId: z.uuid(),
  dateFrom: ZDate.optional(),
  dateTo: ZDate.optional(),
})
export const ZUnbilledRow = z.object({
  conceptId: z.uuid(),
  code: z.string(),
  description: z.string(),
  unit: z.string(),
  produced: decimal,
  /** in a live estimate not yet approved */
  inEstimates: decimal,
  billed: decimal,
  unbilled: decimal,
  unbilledCells: z.number().int(),
})
export const ZUnbilled = z.object({ workOrderId: z.uuid(), items: z.array(ZUnbilledRow) })
export type TUnbilled = z.infer<typeof ZUnbilled>
