import type { TWorkOrderStatus, TWorkOrderType } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'
import * as repo from './work-orders.repository'

/**
 * What other modules (work-order concepts, schedules, production) read about work orders, inside the
 * caller's transaction. The caller authorizes its own use case; another organization's work order is absent.
 */
export type WorkOrderRef = {
  id: string
  number: string
  type: TWorkOrderType
  /** 1..n for a reprogramming, null for the initial */
  reprogrammingNumber: number | null
  /** the id of the family's initial work order */
  familyId: string
  status: TWorkOrderStatus
  proposalId: string | null
  clientId: string
  frontId: string | null
  siteIds: {
    vesselId: string | null
    platformId: string | null
    yardId: string | null
    interconnectionId: string | null
  }
  plannedStart: string | null
  plannedEnd: string | null
  actualStart: string | null
  actualEnd: string | null
  requiresYardPhase: boolean
  yardStart: string | null
  yardEnd: string | null
}

const toRef = (r: repo.WorkOrderRow): WorkOrderRef => ({
  id: r.id,
  number: r.number,
  type: r.type,
  reprogrammingNumber: r.reprogramming_number,
  familyId: r.family_id,
  status: r.status,
  proposalId: r.proposal_id,
  clientId: r.client_id,
  frontId: r.front_id,
  siteIds: {
    vesselId: r.vessel_id,
    platformId: r.platform_id,
    yardId: r.yard_id,
    interconnectionId: r.interconnection_id,
  },
  plannedStart: r.planned_start,
  plannedEnd: r.planned_end,
  actualStart: r.actual_start,
  actualEnd: r.actual_end,
  requiresYardPhase: r.requires_yard_phase,
  yardStart: r.yard_start,
  yardEnd: r.yard_end,
})

/** One work order of the organization; `forUpdate` locks its row until the caller's transaction ends. */
export async function getWorkOrderRef(
  trx: Executor,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  const r = await repo.findWorkOrder(trx, orgId, id, opts)
  return r ? toRef(r) : undefined
}

/** Work orders numbered `number` (trimmed, case ignored): the initial first, then its reprogrammings by number. */
export async function findWorkOrdersByNumber(
  trx: Executor,
  orgId: string,
  number: string,
): Promise<WorkOrderRef[]> {
  return (await repo.findByNumber(trx, orgId, number)).map(toRef)
}

/** The versions of a family (initial, then reprogrammings by number). */
export async function listFamilyMembers(
  trx: Executor,
  orgId: string,
  familyId: string,
): Promise<WorkOrderRef[]> {
  return (await repo.listFamily(trx, orgId, familyId)).map(toRef)
}
