// Public entry of the work-order concepts (Anexo C) web module: no routes of its own; the work-orders detail
// page renders <WorkOrderConceptsTab workOrderId> in its "Conceptos" tab. Other modules import only from here.
import { lazyComponent } from '../../platform/lazy'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
export const WorkOrderConceptsTab = lazyComponent(
  'work-order-concepts',
  () => import('./concepts-tab'),
  'WorkOrderConceptsTab',
)
