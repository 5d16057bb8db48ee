import { z } from 'zod'
import { ZDate } from './common'
import { ZEvidenceStatus } from './production-evidence'
import { ZProposalStatus } from './proposals'
import { ZBillingSheetStatus } from './rental-billing'
import { ZRentalAvailability, ZRentalCondition } from './rental-projects'
import { ZWorkOrderStatus } from './work-orders'

/** The dashboards of the insights module (docs/insights.md). */

/** A month `YYYY-MM`. */
const ZInsightsMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

const period = {
  /** first day of the period (inclusive) */
  from: ZDate.optional(),
  /** last day of the period (inclusive) */
  to: ZDate.optional(),
}
const fromNotAfterTo = (v: { from?: string | undefined; to?: string | undefined }) =>
  !v.from || !v.to || v.from <= v.to
const periodIssue = { message: 'La fecha final no puede ser anterior a la inicial', path: ['to'] }

export const ZOffshoreDashboardQuery = z
  .object({
    ...period,
    clientId: z.uuid().optional(),
    /** work orders only (proposals have no front) */
    frontId: z.uuid().optional(),
    /** work orders at the site (any of their four sites) and production at it; proposals have no site */
    siteId: z.uuid().optional(),
    proposalStatus: ZProposalStatus.optional(),
    workOrderStatus: ZWorkOrderStatus.optional(),
  })
  .refine(fromNotAfterTo, periodIssue)
export type TOffshoreDashboardQuery = z.infer<typeof ZOffshoreDashboardQuery>

export const ZRentalDashboardQuery = z
  .object({
    ...period,
    /** a rental client (RUC) */
    clientId: z.uuid().optional(),
    sheetStatus: ZBillingSheetStatus.optional(),
  })
  .refine(fromNotAfterTo, periodIssue)
export type TRentalDashboardQuery = z.infer<typeof ZRentalDashboardQuery>

/** Exact money as a decimal string. */
const money = z.string()

export const ZOffshoreDashboard = z.object({
  today: ZDate,
  proposals: z.object({
    total: z.number().int(),
    overdue: z.number().int(),
    byStatus: z.array(z.object({ status: ZProposalStatus, count: z.number().int() })),
    /** clients by number of proposals, most first */
    byClient: z.array(
      z.object({
        clientId: z.uuid(),
        clientName: z.string(),
        total: z.number().int(),
        byStatus: z.array(z.object({ status: ZProposalStatus, count: z.number().int() })),
      }),
    ),
  }),
  workOrders: z.object({
    total: z.number().int(),
    overdue: z.number().int(),
    byStatus: z.array(z.object({ status: ZWorkOrderStatus, count: z.number().int() })),
    /** fronts by number of work orders; `frontId` null: without a front */
    byFront: z.array(
      z.object({
        frontId: z.uuid().nullable(),
        frontName: z.string().nullable(),
        count: z.number().int(),
        overdue: z.number().int(),
      }),
    ),
  }),
  /**
   * Money of the confirmed Anexo C in force, by month of the programmed start of the work order that gives
   * each line (docs/insights.md#money-authorized); `month` null: work orders without a programmed start.
   */
  authorized: z.object({
    byMonth: z.array(
      z.object({ month: ZInsightsMonth.nullable(), mxn: money, usd: money, workOrders: z.number().int() }),
    ),
    total: z.object({ mxn: money, usd: money }),
    /** work orders in the filter without a confirmed Anexo C */
    withoutAnnex: z.number().int(),
  }),
  /**
   * From production (docs/insights.md#production-money): the families of the selected work orders, their
   * production in the period (at the site when filtered), valued with production's KPI rule.
   */
  production: z.object({
    /** executed by month of the production day; homologated at the rate in force on the month's last day */
    executedByMonth: z.array(
      z.object({
        month: ZInsightsMonth,
        mxn: money,
        usd: money,
        homologatedMxn: money.nullable(),
        rate: money.nullable(),
        rateFrom: ZDate.nullable(),
      }),
    ),
    executed: z.object({ mxn: money, usd: money, homologatedMxn: money.nullable() }),
    /** authorized − executed up to `asOf` (the period's end, else today), whole families, every site */
    remaining: z.object({
      asOf: ZDate,
      authorizedMxn: money,
      authorizedUsd: money,
      executedMxn: money,
      executedUsd: money,
      mxn: money,
      usd: money,
      homologatedMxn: money.nullable(),
      rate: money.nullable(),
      rateFrom: ZDate.nullable(),
    }),
    /** produced cells no approved estimate holds */
    unbilled: z.object({ cells: z.number().int(), mxn: money, usd: money }),
    /** cells with production whose concept is on an evidence annex, and how many are signed */
    evidence: z.object({
      needed: z.number().int(),
      signed: z.number().int(),
      /** percent signed, one decimal, as text; null when nothing needs evidence */
      percent: z.string().nullable(),
      byStatus: z.array(z.object({ status: ZEvidenceStatus, count: z.number().int() })),
    }),
    /** per family (its initial work order), those with production in the scope, by number */
    byWorkOrder: z.array(
      z.object({
        workOrderId: z.uuid(),
        number: z.string(),
        executedMxn: money,
        executedUsd: money,
        unbilledCells: z.number().int(),
        unbilledMxn: money,
        unbilledUsd: money,
        evidenceNeeded: z.number().int(),
        evidenceSigned: z.number().int(),
      }),
    ),
  }),
})
export type TOffshoreDashboard = z.infer<typeof ZOffshoreDashboard>

const ZSheetAmounts = z.object({ currency: z.string(), subtotal: money, total: money })

export const ZRentalDashboard = z.object({
  today: ZDate,
  equipment: z.object({
    /** units of kind equipment, not retired (now) */
    fleet: z.number().int(),
    byAvailability: z.array(z.object({ availability: ZRentalAvailability, count: z.number().int() })),
    byCondition: z.array(z.object({ condition: ZRentalCondition, count: z.number().int() })),
    /** units waiting in the yard: operative and available */
    readyToRent: z.number().int(),
    /** days on site of the equipment (or of the client's projects) ÷ fleet × days of the period */
    utilization: z.object({
      from: ZDate,
      to: ZDate,
      days: z.number().int(),
      equipmentDays: z.number().int(),
      capacityDays: z.number().int(),
      /** percent with one decimal, as text; null without a fleet */
      percent: z.string().nullable(),
    }),
  }),
  sheets: z.object({
    byStatus: z.array(
      z.object({ status: ZBillingSheetStatus, count: z.number().int(), amounts: z.array(ZSheetAmounts) }),
    ),
  }),
  /** liquidated and invoiced sheets, by month of their period start */
  revenueByMonth: z.array(z.object({ month: ZInsightsMonth, amounts: z.array(ZSheetAmounts) })),
  /** liquidated and invoiced sheets by client, highest subtotal first */
  revenueByClient: z.array(
    z.object({ clientId: z.uuid().nullable(), clientName: z.string(), amounts: z.array(ZSheetAmounts) }),
  ),
  /**
   * Compliance documents of active technicians and vehicles (docs/field-staff.md) today: expired, due in ≤ 10
   * days, due in 11–30 days (disjoint); null for a caller without `fieldStaff.read`
   */
  compliance: z
    .object({ expired: z.number().int(), due10: z.number().int(), due30: z.number().int() })
    .nullable(),
})
export type TRentalDashboard = z.infer<typeof ZRentalDashboard>

/** E-mail a dashboard as it is filtered (docs/insights.md#e-mailing-a-dashboard): its workbook and its PDF. */
const recipients = z.array(z.email().max(254)).min(1).max(20)
export const ZOffshoreDashboardEmail = z.object({ to: recipients, query: ZOffshoreDashboardQuery })
export type TOffshoreDashboardEmail = z.infer<typeof ZOffshoreDashboardEmail>
export const ZRentalDashboardEmail = z.object({ to: recipients, query: ZRentalDashboardQuery })
export type TRentalDashboardEmail = z.infer<typeof ZRentalDashboardEmail>
export const ZDashboardEmailed = z.object({
  jobId: z.uuid(),
  recipients: z.array(z.string()),
  attachments: z.array(z.string()),
})
export type TDashboardEmailed = z.infer<typeof ZDashboardEmailed>
