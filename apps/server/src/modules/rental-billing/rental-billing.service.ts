import { createBillingHooks } from './billing-hooks.service'
import { createCertificateUseCases } from './certificates.service'
import { createRentalBillingContext, type RentalBillingServiceDeps } from './rental-billing.context'
import { createSheetCancellationUseCases } from './sheet-cancellation.service'
import { createSheetInvoicingUseCases } from './sheet-invoicing.service'
import { createSheetLineUseCases } from './sheet-lines.service'
import { createSheetLiquidationUseCases } from './sheet-liquidation.service'
import { createSheetReadUseCases } from './sheet-reads.service'
import { withRecomputation } from './sheet-recomputation'
import { createSheetUseCases } from './sheets.service'

export type { FilesPort, RentalBillingServiceDeps } from './rental-billing.context'
export type { RecomputeOpenSheetsOptions, RecomputeOptions, RecomputeTrigger } from './sheet-recomputation'
export { firstOpenDay, type FrozenPeriod } from './sheet-period'

/**
 * The billing sheets' service: one use-case file per aggregate or use case, all on one shared context
 * (rental-billing.context.ts) with the eager recomputation (sheet-recomputation.ts) — sheet-reads.service.ts,
 * sheets.service.ts (create, header, delete), sheet-lines.service.ts, sheet-liquidation.service.ts
 * (liquidate, reopen), sheet-invoicing.service.ts, sheet-cancellation.service.ts, certificates.service.ts
 * and billing-hooks.service.ts (what the other rental modules call); docs/rental-billing.md#files.
 */
export function createRentalBillingService(deps: RentalBillingServiceDeps) {
  const ctx = withRecomputation(createRentalBillingContext(deps))
  return {
    ...createSheetReadUseCases(ctx),
    ...createSheetUseCases(ctx),
    ...createSheetLineUseCases(ctx),
    ...createSheetLiquidationUseCases(ctx),
    ...createSheetInvoicingUseCases(ctx),
    ...createSheetCancellationUseCases(ctx),
    ...createCertificateUseCases(ctx),
    // hooks for the other rental modules (inside their transaction)
    ...createBillingHooks(ctx),
  }
}

export type RentalBillingService = ReturnType<typeof createRentalBillingService>
