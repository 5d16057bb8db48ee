import { z } from 'zod'
import { ZDate, ZPagination } from './common'

/**
 * Production (docs/production.md): the organization's day-status catalog, the daily status of each work order
 * at a site (day status + signature of the daily report; a signed day locks production), the production grid
 * (volume per catalog concept, day and time type TE/CMA, with the family-wide excess flag), its KPIs and the
 * effective-dated exchange rates. Volumes and money are exact decimal strings; dates `YYYY-MM-DD`; months
 * `YYYY-MM`.
 *
 * - `GET /api/v1/production/sites?month=` → `ZProductionSites`
 * - `GET|PUT /api/v1/production/day-statuses` → `ZDayStatusCatalog`
 * - `GET|PUT /api/v1/production/daily-status` → `ZDailyStatusGrid` / `ZDailyStatusSaved`
 * - `POST /api/v1/production/daily-status/unlock` → `ZDailyStatusSaved`
 * - `GET|PUT /api/v1/production/grid` (+ `/grid/export.xlsx`) → `ZProductionGrid` / `ZProductionGridSaved`
 * - `PUT /api/v1/production/grid/excess-reason` → `ZExcessReasonSaved`
 * - `GET|PUT /api/v1/production/exchange-rates` (`?limit=&offset=`), `DELETE …/exchange-rates/:validFrom` → `ZExchangeRates`
 */

export const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mes no válido: AAAA-MM')
  .refine((m) => Number(m.slice(0, 4)) >= 2000 && Number(m.slice(0, 4)) <= 2099, 'Mes no válido: AAAA-MM')

export const SIGNATURES = ['pending', 'in_process', 'missing_client_signature', 'signed'] as const
export const ZSignature = z.enum(SIGNATURES)
export type TSignature = z.infer<typeof ZSignature>

export const TIME_TYPES = ['TE', 'CMA'] as const
export const ZTimeType = z.enum(TIME_TYPES)
export type TTimeType = z.infer<typeof ZTimeType>

/** A volume typed in the grid: a plain non-negative decimal string (0 clears the cell). */
export const ZVolumeInput = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,6})?$/, 'Volumen no válido: número no negativo con hasta 6 decimales')

const decimal = z.string()

// ---- sites ----

export const ZProductionSitesQuery = z.object({ month: ZMonth })
export const ZProductionSite = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  workOrderCount: z.number().int(),
})
export const ZProductionSites = z.object({ items: z.array(ZProductionSite) })
export type TProductionSite = z.infer<typeof ZProductionSite>

// ---- day-status catalog ----

export const ZDayStatus = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  allowsProduction: z.boolean(),
  position: z.number().int(),
  active: z.boolean(),
})
export type TDayStatus = z.infer<typeof ZDayStatus>
export const ZDayStatusCatalog = z.object({ items: z.array(ZDayStatus) })
export type TDayStatusCatalog = z.infer<typeof ZDayStatusCatalog>

export const ZDayStatusInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Clave no válida: minúsculas, dígitos y guion bajo'),
  name: z.string().trim().min(1, 'El nombre es obligatorio').max(100),
  allowsProduction: z.boolean(),
  active: z.boolean().default(true),
})
export const ZDayStatusCatalogRequest = z.object({ items: z.array(ZDayStatusInput).min(1).max(50) })
export type TDayStatusCatalogRequest = z.input<typeof ZDayStatusCatalogRequest>

// ---- daily status grid ----

export const ZDailyStatusQuery = z.object({ siteId: z.uuid(), month: ZMonth })

export const ZDailyStatusDay = z.object({
  date: ZDate,
  /** code of the day status in the organization's catalog, or null */
  dayStatus: z.string().nullable(),
  signature: ZSignature.nullable(),
  comment: z.string().nullable(),
  /** outside the family's validity window, or in a closed month: cannot be written */
  blocked: z.boolean(),
  /** why it is blocked (`before_start` | `after_end` | `closed`: the month's report is closed), null when not blocked */
  blockedReason: z.enum(['before_start', 'after_end', 'closed']).nullable(),
  /** the superintendent on duty that day, stored with the day's status when it was saved (rotation in force) */
  onDuty: z.object({ id: z.uuid(), name: z.string() }).nullable(),
})
export type TDailyStatusDay = z.infer<typeof ZDailyStatusDay>

export const ZDailyStatusRow = z.object({
  workOrderId: z.uuid(),
  number: z.string(),
  description: z.string(),
  windowStart: ZDate.nullable(),
  windowEnd: ZDate.nullable(),
  /** the yard window is used: the site is the work order's yard in a yard phase */
  yardPhase: z.boolean(),
  days: z.array(ZDailyStatusDay),
})
export type TDailyStatusRow = z.infer<typeof ZDailyStatusRow>

export const ZDailyStatusGrid = z.object({
  siteId: z.uuid(),
  month: ZMonth,
  dayStatuses: z.array(ZDayStatus),
  rows: z.array(ZDailyStatusRow),
})
export type TDailyStatusGrid = z.infer<typeof ZDailyStatusGrid>

export const ZDailyStatusCell = z.object({
  workOrderId: z.uuid(),
  date: ZDate,
  /** a code of the catalog; null (with a null signature and comment) clears the cell */
  dayStatus: z.string().trim().min(1).max(40).nullable(),
  signature: ZSignature.nullable(),
  comment: z.string().trim().max(500).nullable().optional(),
})
export type TDailyStatusCell = z.infer<typeof ZDailyStatusCell>

export const ZDailyStatusSaveRequest = z.object({
  siteId: z.uuid(),
  month: ZMonth,
  cells: z.array(ZDailyStatusCell).max(5000),
})
export type TDailyStatusSaveRequest = z.infer<typeof ZDailyStatusSaveRequest>

export const ZDailyStatusSaved = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
})
export type TDailyStatusSaved = z.infer<typeof ZDailyStatusSaved>

export const ZDailyStatusUnlockRequest = z.object({
  workOrderId: z.uuid(),
  siteId: z.uuid(),
  date: ZDate,
  reason: z.string().trim().min(5, 'Indica el motivo (al menos 5 caracteres)').max(500),
})
export type TDailyStatusUnlockRequest = z.infer<typeof ZDailyStatusUnlockRequest>

// ---- production grid ----

export const ZProductionGridQuery = z.object({
  workOrderId: z.uuid(),
  siteId: z.uuid(),
  month: ZMonth,
  timeType: ZTimeType,
})
export type TProductionGridQuery = z.infer<typeof ZProductionGridQuery>

export const ZProductionGridDay = z.object({
  date: ZDate,
  /** volume of the requested time type ("0" when none) */
  volume: decimal,
  /** the other time type's volume that day at this site */
  otherVolume: decimal,
  planned: decimal,
  excess: z.boolean(),
  /** why the saved volume of this time type passes the authorization, as recorded; null when none */
  excessReason: z.string().nullable(),
  blocked: z.boolean(),
  /** the number of the approved (or invoiced, paid) estimate that bills this cell: frozen; null when none */
  billedBy: z.number().int().nullable(),
})
export type TProductionGridDay = z.infer<typeof ZProductionGridDay>

export const ZProductionGridRow = z.object({
  conceptId: z.uuid(),
  annex: z.string(),
  code: z.string(),
  description: z.string(),
  unit: z.string(),
  authorizedVolume: decimal,
  unitPriceMxn: decimal,
  unitPriceUsd: decimal,
  /** this month at this site, both time types */
  monthVolume: decimal,
  /** the family, every site and time type, to the month's last day */
  volumeToDate: decimal,
  amountMxn: decimal,
  amountUsd: decimal,
  status: z.enum(['authorized', 'excess']),
  days: z.array(ZProductionGridDay),
})
export type TProductionGridRow = z.infer<typeof ZProductionGridRow>

export const ZProductionTotals = z.object({
  authorizedMxn: decimal,
  authorizedUsd: decimal,
  executedMxn: decimal,
  executedUsd: decimal,
  accumulatedMxn: decimal,
  accumulatedUsd: decimal,
  remainingMxn: decimal,
  remainingUsd: decimal,
  /** the organization's rate in force on the month's last day; null when none is recorded */
  exchangeRate: decimal.nullable(),
  exchangeRateFrom: ZDate.nullable(),
  /** MXN + USD × rate; null without a rate */
  authorizedHomologatedMxn: decimal.nullable(),
  executedHomologatedMxn: decimal.nullable(),
})
export type TProductionTotals = z.infer<typeof ZProductionTotals>

export const ZProductionGrid = z.object({
  workOrderId: z.uuid(),
  number: z.string(),
  siteId: z.uuid(),
  month: ZMonth,
  timeType: ZTimeType,
  version: z.number().int(),
  /** days the grid cannot write, each with why (`signed`, `before_start`, `after_end`, `no_production`) */
  blockedDays: z.array(z.object({ date: ZDate, reason: z.string() })),
  rows: z.array(ZProductionGridRow),
  totals: ZProductionTotals,
})
export type TProductionGrid = z.infer<typeof ZProductionGrid>

export const ZProductionGridCell = z.object({ conceptId: z.uuid(), date: ZDate, volume: ZVolumeInput })
export const ZProductionGridSaveRequest = z.object({
  workOrderId: z.uuid(),
  siteId: z.uuid(),
  month: ZMonth,
  timeType: ZTimeType,
  version: z.number().int().min(0),
  cells: z.array(ZProductionGridCell).max(20_000),
})
export type TProductionGridSaveRequest = z.infer<typeof ZProductionGridSaveRequest>

export const ZProductionGridSaved = z.object({
  version: z.number().int(),
  changed: z.number().int(),
  excess: z.array(z.object({ conceptId: z.uuid(), date: ZDate, timeType: ZTimeType })),
})
export type TProductionGridSaved = z.infer<typeof ZProductionGridSaved>

/** The reason for an excess cell (saved volume of that time type, flagged excess); null clears it. */
export const ZExcessReasonRequest = z.object({
  workOrderId: z.uuid(),
  siteId: z.uuid(),
  timeType: ZTimeType,
  conceptId: z.uuid(),
  date: ZDate,
  reason: z
    .string()
    .trim()
    .min(5, 'El motivo del excedente lleva al menos 5 caracteres')
    .max(500, 'El motivo del excedente admite hasta 500 caracteres')
    .nullable(),
})
export type TExcessReasonRequest = z.infer<typeof ZExcessReasonRequest>
export const ZExcessReasonSaved = z.object({
  conceptId: z.uuid(),
  date: ZDate,
  timeType: ZTimeType,
  reason: z.string().nullable(),
})
export type TExcessReasonSaved = z.infer<typeof ZExcessReasonSaved>

// ---- exchange rates ----

export const ZExchangeRate = z.object({
  validFrom: ZDate,
  rate: decimal,
  createdAt: z.string(),
})
export type TExchangeRate = z.infer<typeof ZExchangeRate>
/** A page of the organization's rates, newest date first; `total` counts them all. */
export const ZExchangeRates = z.object({ items: z.array(ZExchangeRate), total: z.number().int() })
export const ZExchangeRatesQuery = ZPagination
export type TExchangeRatesQuery = z.input<typeof ZExchangeRatesQuery>
export const ZExchangeRateParams = z.object({ validFrom: ZDate })
export type TExchangeRates = z.infer<typeof ZExchangeRates>
export const ZExchangeRateRequest = z.object({
  validFrom: ZDate,
  rate: z
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,6})?$/, 'Tipo de cambio no válido: número positivo con hasta 6 decimales')
    .refine((v) => Number(v) > 0, 'El tipo de cambio debe ser mayor que cero'),
})
export type TExchangeRateRequest = z.infer<typeof ZExchangeRateRequest>
