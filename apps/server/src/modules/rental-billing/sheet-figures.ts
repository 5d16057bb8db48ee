import type { TBillingSheetStatus } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'
import { Dec } from './billing-decimal'
import * as repo from './rental-billing.repository'

/**
 * Live sheets with period, status, currency and totals (decimal strings), filtered as the sheets list (period
 * overlapping [periodFrom, periodTo], status), for the dashboards of the insights module (docs/insights.md).
 * No access check here: the calling use case has done it.
 */
export async function listSheetFigures(
  executor: Executor,
  orgId: string,
  filter: {
    status?: TBillingSheetStatus | undefined
    periodFrom?: string | undefined
    periodTo?: string | undefined
  },
) {
  const rows = await repo.listSheetFigures(executor, orgId, filter)
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    clientName: r.client_name,
    status: r.status,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    currency: r.currency,
    subtotal: new Dec(r.subtotal).toFixed(),
    tax: new Dec(r.tax).toFixed(),
    total: new Dec(r.total).toFixed(),
  }))
}
