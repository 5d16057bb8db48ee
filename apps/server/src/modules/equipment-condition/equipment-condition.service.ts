import type { Actor } from '../../platform/access'
import { renderPdf } from '../../platform/pdf/pdf'
import { createChecklistUseCases } from './checklists.service'
import { createEquipmentConditionContext, type EquipmentConditionDeps } from './equipment-condition.context'
import { inspectionPdf, inspectionPdfName } from './inspection-pdf'
import { createInspectionUseCases } from './inspections.service'
import { createStatusReport } from './status-report'

export type { EquipmentConditionDeps } from './equipment-condition.context'

/** Equipment condition: checklists, inspections, repairs, status report and PDFs (docs/equipment-condition.md). */
export function createEquipmentConditionService(deps: EquipmentConditionDeps) {
  const ctx = createEquipmentConditionContext(deps)
  const checklists = createChecklistUseCases(ctx)
  const inspections = createInspectionUseCases(ctx)
  const report = createStatusReport(ctx)

  /** The blank checklist of a unit, to print and fill in the field. */
  async function blankChecklistPdf(actor: Actor, equipmentId: string) {
    const { unit, items } = await inspections.loadForPdf(actor, equipmentId)
    const org = await ctx.orgForPdf(actor.orgId)
    const day = await ctx.today(actor.orgId)
    return {
      filename: inspectionPdfName(unit.code, day),
      buffer: await renderPdf(inspectionPdf({ org, unit, items, inspection: null })),
    }
  }

  /** A recorded inspection, printed. */
  async function inspectionPdfFile(actor: Actor, inspectionId: string) {
    const inspection = await inspections.getInspection(actor, inspectionId)
    const { unit } = await inspections.loadForPdf(actor, inspection.equipmentId)
    const org = await ctx.orgForPdf(actor.orgId)
    return {
      filename: inspectionPdfName(unit.code, inspection.inspectedOn),
      buffer: await renderPdf(inspectionPdf({ org, unit, items: [], inspection })),
    }
  }

  const { loadForPdf: _loadForPdf, ...inspectionUseCases } = inspections
  return {
    ...checklists,
    ...inspectionUseCases,
    ...report,
    blankChecklistPdf,
    inspectionPdfFile,
  }
}
export type EquipmentConditionService = ReturnType<typeof createEquipmentConditionService>
