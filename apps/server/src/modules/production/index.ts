/** The production module's only public entry (docs/production.md). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { EvidenceFilesPort } from './evidence-items.service'
import { evidenceRoutes } from './evidence.routes'
import { createEvidenceUseCases } from './evidence.service'
import { createProductionContext, type ProductionDeps } from './production.context'
import { monthlyReportRoutes } from './monthly-report.routes'
import { productionRoutes } from './production.routes'
import { rotationsRoutes } from './rotations.routes'
import { createProductionService } from './production.service'

export type { ProductionTables } from './production.tables'
export type { ProductionDeps } from './production.context'
export type { ProductionEvidenceTables } from './evidence.tables'
/** Evidence (GPU) of production cells for other modules (estimates: only signed evidence), see evidence-status.ts. */
export { evidenceAnnexesOf, evidenceCellKey, evidenceStatusOf, type EvidenceCell } from './evidence-status'
/** The production, concepts and exchange rates the estimates module bills from (billing-read.ts). */
export {
  exchangeRateOn,
  familyBillingConcepts,
  familyProductionCells,
  type BillingConcept,
  type ProductionCell,
} from './billing-read'
/** The evidence files of billed cells and the production per family and month (estimate documents and reports). */
export { evidenceFilesOf, productionByFamilyMonth, type MonthlyProduction } from './billing-documents-read'
/** The production money rule (the grid's KPIs) and the production of several families, for the dashboards. */
export { authorizedMoney, homologatedMxn, productionMoney, rateDateOfMonth, type Money } from './family-money'
export { productionOfFamilies, type FamilyProductionCell } from './dashboard-read'
export { createProductionService, type ProductionService } from './production.service'
/** The closed-month lock (closed-months.ts): estimates bill only closed months. */
export { closedMonthsOf } from './closed-months'
/** The port estimates fills: which production cells are billed (billed-cells.ts). */
export type { BilledCellsPort } from './billed-cells'
export { productionReferenceSources } from './production.repository'

export function createProductionModule(deps: ProductionDeps & { files: EvidenceFilesPort }) {
  const service = createProductionService(deps)
  const evidence = createEvidenceUseCases(createProductionContext(deps), deps.files)
  /** register with `app.register(production.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(productionRoutes, { service })
    await app.register(evidenceRoutes, { evidence })
    await app.register(monthlyReportRoutes, { service })
    await app.register(rotationsRoutes, { service })
  }
  return { service, evidence, routes }
}
export type ProductionModule = ReturnType<typeof createProductionModule>
