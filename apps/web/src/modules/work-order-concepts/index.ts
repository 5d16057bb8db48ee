// Public entry of the work-order concepts (Anexo C) web module: no routes of its own; the work-orders detail
// page renders <WorkOrderConceptsTab workOrderId> in its "Conceptos" tab. Other modules import only from here.
export { i18n } from './i18n'
export { WorkOrderConceptsTab } from './concepts-tab'
