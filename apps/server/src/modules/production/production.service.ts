import { createDailyStatusUseCases } from './daily-status.service'
import { createExchangeRateUseCases } from './exchange-rates.service'
import { createGridConceptUseCases } from './production-concepts.service'
import { createMonthlyReportUseCases } from './monthly-report.service'
import { createProductionGridUseCases } from './production-grid.service'
import { createProductionContext, type ProductionDeps } from './production.context'
import { createRotationUseCases } from './rotations.service'

/**
 * The production service (docs/production.md): the day-status catalog and the daily status grid in
 * daily-status.service.ts, the production grid, its KPIs and the exchange rates in production-grid.service.ts, the monthly report and its close in monthly-report.service.ts, superintendents and
 * rotations in rotations.service.ts, over one shared context (production.context.ts).
 */
export function createProductionService(deps: ProductionDeps) {
  const ctx = createProductionContext(deps)
  return {
    ...createDailyStatusUseCases(ctx),
    ...createProductionGridUseCases(ctx),
    ...createGridConceptUseCases(ctx),
    ...createExchangeRateUseCases(ctx),
    ...createMonthlyReportUseCases(ctx),
    ...createRotationUseCases(ctx),
  }
}
export type ProductionService = ReturnType<typeof createProductionService>
