/** The work orders (OT) module: its only public entry. */
export {
  createWorkOrdersService,
  listWorkOrderFacts,
  type FamilyVolumesPort,
  type WorkOrdersService,
  type WorkOrdersServiceDeps,
} from './work-orders.service'
export { workOrdersRoutes } from './work-orders.routes'
export type { WorkOrderTables } from './work-orders.tables'
export {
  findWorkOrdersByNumber,
  getWorkOrderRef,
  listFamilyMembers,
  type WorkOrderRef,
} from './work-order-refs'
export { countStepProgressByManager } from './work-orders.repository'
/** steps and families due or overdue, for the due and overdue notices (docs/platform.md#due-and-overdue) */
export {
  listDueWorkOrders,
  listDueWorkOrderSteps,
  type DueWorkOrder,
  type DueWorkOrderStep,
} from './due-items'
export { workOrdersFeed } from './work-orders-feed'
/** status names as the exports and reports write them */
export { STATUS_ES as workOrderStatusEs } from './work-orders-export'
