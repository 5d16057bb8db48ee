import type {
  TAnnexImportDetail,
  TDayStatus,
  TWorkOrderConcepts,
  TWorkOrderListQuery,
  TWorkOrderSummary,
} from '@faena/contracts'
import { isSystemActor, type Actor } from '../../platform/access'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import type { FilesService } from '../../platform/files/files.service'
import type { NotifyFn } from '../../platform/notifications'
import { listActiveWorkOrderConcepts, type AddCatalogConceptInput } from '../work-order-concepts'
import { getWorkOrderRef, listFamilyMembers, type WorkOrderRef } from '../work-orders'
import type { BilledCellsPort } from './billed-cells'
import * as repo from './production.repository'
import type { FamilyMember } from './production-rules'
import { productionMessages as M } from './production.messages'

/** What the production module needs from the work-order modules (handed over by services.ts). */
export type ProductionDeps = {
  db: Db
  clock: () => Date
  /** the platform's files: the monthly report's evidence */
  files: FilesService
  /** work-orders: the organization's work orders, filtered like its list screen (site, type…) */
  listWorkOrders: (
    actor: Actor,
    query: TWorkOrderListQuery,
  ) => Promise<{ items: TWorkOrderSummary[]; total: number }>
  /** work-order concepts: a work order's active Anexo C lines with their planned volume per day */
  listConcepts: (
    actor: Actor,
    workOrderId: string,
    query: { q?: string | undefined },
  ) => Promise<TWorkOrderConcepts>
  /** work-order concepts: a catalog concept added to a work order's Anexo C (a new confirmed version), in `trx` */
  addAnnexConcept: (
    trx: Executor,
    actor: Actor,
    workOrderId: string,
    input: AddCatalogConceptInput,
  ) => Promise<TAnnexImportDetail>
  /** notifications, written in the save's transaction (excess volume detected) */
  notify: NotifyFn
  /** estimates: which cells an approved (or invoiced, paid) estimate bills — frozen in the grid (billed-cells.ts) */
  billedCells: BilledCellsPort
}

/** The organization's catalog of day statuses when it has none yet (docs/production.md#day-statuses). */
export const DEFAULT_DAY_STATUSES = [
  { code: 'operating', name: 'Operando', allowsProduction: true },
  { code: 'weather_standby', name: 'Espera por mal tiempo', allowsProduction: false },
  { code: 'mechanical_standby', name: 'Espera por falla mecánica', allowsProduction: false },
  { code: 'waiting_on_client', name: 'Espera por el cliente', allowsProduction: false },
  { code: 'mobilization', name: 'Movilización / desmovilización', allowsProduction: true },
  { code: 'non_operational', name: 'No operativo', allowsProduction: false },
] as const

export const toFamilyMember = (r: WorkOrderRef): FamilyMember => ({
  id: r.id,
  type: r.type,
  status: r.status,
  siteIds: r.siteIds,
  plannedStart: r.plannedStart,
  plannedEnd: r.plannedEnd,
  actualStart: r.actualStart,
  actualEnd: r.actualEnd,
  requiresYardPhase: r.requiresYardPhase,
  yardStart: r.yardStart,
  yardEnd: r.yardEnd,
})

export function createProductionContext(deps: ProductionDeps) {
  const { db } = deps
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  /** The catalog, created with the defaults the first time an organization reads it. */
  async function dayStatuses(ex: Executor, orgId: string): Promise<repo.DayStatusRow[]> {
    const rows = await repo.listDayStatuses(ex, orgId)
    if (rows.length > 0) return rows
    await repo.insertDayStatuses(
      ex,
      orgId,
      DEFAULT_DAY_STATUSES.map((s, i) => ({ ...s, position: i + 1, active: true })),
    )
    return repo.listDayStatuses(ex, orgId)
  }
  const toDayStatus = (r: repo.DayStatusRow): TDayStatus => ({
    id: r.id,
    code: r.code,
    name: r.name,
    allowsProduction: r.allows_production,
    position: r.position,
    active: r.active,
  })

  /** The family of an initial work order (404 for another organization's or a reprogramming's id). */
  async function loadFamily(ex: Executor, orgId: string, workOrderId: string) {
    const wo = await getWorkOrderRef(ex, orgId, workOrderId)
    if (!wo) throw new AppError('NOT_FOUND', M.workOrderNotFound())
    if (wo.type !== 'initial')
      throw new AppError('VALIDATION', M.notInitialWorkOrder(), [
        fieldError('workOrderId', M.mustBeInitial()),
      ])
    const members = await listFamilyMembers(ex, orgId, wo.familyId)
    return { initial: wo, members }
  }

  /** Family ids (of `familyIds`) whose members have an active Anexo C. */
  async function familiesWithConcepts(
    ex: Executor,
    orgId: string,
    members: readonly { id: string; familyId: string }[],
  ): Promise<Set<string>> {
    if (members.length === 0) return new Set()
    const active = await listActiveWorkOrderConcepts(
      ex,
      orgId,
      members.map((m) => m.id),
    )
    return new Set(members.filter((m) => (active.get(m.id)?.lines.length ?? 0) > 0).map((m) => m.familyId))
  }

  return { ...deps, db, userId, dayStatuses, toDayStatus, loadFamily, familiesWithConcepts }
}
export type ProductionContext = ReturnType<typeof createProductionContext>
