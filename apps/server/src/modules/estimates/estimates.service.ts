import { createEstimateDocumentUseCases } from './estimate-documents.service'
import { createEstimateDraftUseCases } from './estimate-drafts.service'
import { createEstimateInvoicingUseCases } from './estimate-invoicing.service'
import { createEstimateReadUseCases } from './estimate-reads.service'
import { createEstimateReportUseCases } from './estimate-reports.service'
import { createEstimateWorkflowUseCases } from './estimate-workflow.service'
import { createEstimatesContext, type EstimatesDeps } from './estimates.context'

/**
 * The estimates service (docs/estimates.md): reads in estimate-reads.service.ts, preparing a draft (create,
 * selection, adjustments, settings) in estimate-drafts.service.ts, the workflow in estimate-workflow.service.ts
 * and estimate-invoicing.service.ts (invoiced, paid), over one shared context (estimates.context.ts).
 */
export function createEstimatesService(deps: EstimatesDeps) {
  const ctx = createEstimatesContext(deps)
  return {
    ...createEstimateReadUseCases(ctx),
    ...createEstimateDocumentUseCases(ctx),
    ...createEstimateReportUseCases(ctx),
    ...createEstimateDraftUseCases(ctx),
    ...createEstimateWorkflowUseCases(ctx),
    ...createEstimateInvoicingUseCases(ctx),
  }
}
export type EstimatesService = ReturnType<typeof createEstimatesService>
