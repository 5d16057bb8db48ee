import type {
  TClientType,
  TCreateWorkOrderRequest,
  TFamilyVersion,
  TFieldError,
  TWorkOrderDetail,
  TWorkOrderDueThresholds,
  TWorkOrderStatus,
  TWorkOrderStep,
  TWorkOrderSummary,
} from '@faena/contracts'
import { DEFAULT_WORK_ORDER_DUE_THRESHOLDS, ZWorkOrderDueThresholds } from '@faena/contracts'
import { isSystemActor, type Actor } from '../../platform/access'
import { findUserNames } from '../../platform/auth/users.repository'
import type { Db, Executor } from '../../platform/db/executor'
import type { JobsService } from '../../platform/jobs'
import type { NotifyFn } from '../../platform/notifications'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { getNames as getCatalogNames, getReferences, type CatalogNames } from '../catalogs'
import {
  DONE_STEP_STATUSES,
  UNCOUNTED_STEP_STATUSES,
  proposalNumberSource,
  buildStepTree,
  proposalProgressOf,
  proposalProgressPercent,
} from '../proposals'
import { getOrganizationSettings } from '../../platform/tenancy/organizations'
import { createOrgToday } from '../../platform/tenancy/today'
import {
  checkDateOrder,
  checkFrontAndSites,
  dueSignal,
  plainAmount,
  SITE_COLUMNS,
  timeProgress,
  type SitePath,
} from './work-order-rules'
import * as repo from './work-orders.repository'
import { workOrdersMessages as M } from './work-orders.messages'

/**
 * Authorized volumes per version for the family view: the work-order concepts module provides it once wired
 * in the composition root; without it the family view says `authorizedVolumes: null`.
 */
export type FamilyVolumesPort = (
  trx: Executor,
  orgId: string,
  workOrderIds: readonly string[],
) => Promise<Map<string, NonNullable<TFamilyVersion['authorizedVolumes']>>>

export type WorkOrdersServiceDeps = {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
  /** work-order-concepts' authorized volumes per family member (required: services.ts hands it over) */
  familyVolumes: FamilyVolumesPort
  /** in-app notifications, written in the transaction of the change (a step assigned to someone) */
  notify: NotifyFn
  /** the list's export runs as a job (docs/jobs.md) */
  jobs: Pick<JobsService, 'define'>
}
export const STEP_SETS = { done: DONE_STEP_STATUSES, uncounted: UNCOUNTED_STEP_STATUSES }

/** Due-band thresholds from the setting `workOrderDue` as stored: the defaults where unset or invalid. */
export function dueThresholdsOf(setting: unknown): TWorkOrderDueThresholds {
  const parsed = ZWorkOrderDueThresholds.safeParse(setting ?? {})
  return parsed.success ? parsed.data : DEFAULT_WORK_ORDER_DUE_THRESHOLDS
}

export type Names = CatalogNames & { proposals: { id: string; officialNumber: string }[] }

export const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === '23505'
export const numberTaken = (number: string) =>
  new AppError('CONFLICT', M.numberTaken({ number }), [fieldError('number', M.numberTakenField())])

export type Refs = {
  clientId: string
  projectManagerId: string
  frontId: string | null
  siteIds: Record<SitePath, string | null>
  requiresYardPhase: boolean
  yardStart: string | null
  yardEnd: string | null
  plannedStart: string | null
  plannedEnd: string | null
  actualStart: string | null
  actualEnd: string | null
}

export type NewWorkOrder = Omit<TCreateWorkOrderRequest, 'clientId'> & {
  clientId: string
  proposalId: string | null
}

/**
 * What the work-order use cases share (the named dependencies of work-orders.service.ts,
 * work-order-create.service.ts, work-order-update.service.ts and work-order-history-import.ts): the
 * database, the clock and the family-volumes port, the organization's today, one transaction helper, the
 * reads that answer a work order, and the checks of references and numbers.
 */
export type WorkOrdersContext = ReturnType<typeof createWorkOrdersContext>

export function createWorkOrdersContext({
  db,
  clock,
  timeZoneOf,
  familyVolumes,
  notify,
}: WorkOrdersServiceDeps) {
  const today = createOrgToday(clock, timeZoneOf)

  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  /** One transaction, with "today" of the organization resolved before it opens (no `db` inside it). */
  async function inTransaction<T>(actor: Actor, fn: (trx: Executor, day: string) => Promise<T>): Promise<T> {
    const day = await today(actor.orgId)
    try {
      return await db.transaction().execute((trx) => fn(trx, day))
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', M.duplicate())
      throw err
    }
  }

  /** The organization's due-band thresholds (settings `workOrderDue`), the defaults where unset or invalid. */
  async function dueThresholds(trx: Executor, orgId: string): Promise<TWorkOrderDueThresholds> {
    const settings = await getOrganizationSettings(trx, orgId)
    return dueThresholdsOf(settings.workOrderDue)
  }

  /** Names of what the rows reference, proposal numbers included, in one query (docs/platform.md#lists). */
  async function namesFor(trx: Executor, orgId: string, rows: repo.WorkOrderRow[]): Promise<Names> {
    const ids = (pick: (r: repo.WorkOrderRow) => string | null) =>
      rows.map(pick).filter((x): x is string => x !== null)
    const proposalIds = [...new Set(ids((r) => r.proposal_id))]
    const { others, ...catalog } = await getCatalogNames(trx, orgId, {
      clientIds: ids((r) => r.client_id),
      projectManagerIds: ids((r) => r.project_manager_id),
      frontIds: ids((r) => r.front_id),
      siteIds: rows
        .flatMap((r) => [r.vessel_id, r.platform_id, r.yard_id, r.interconnection_id])
        .filter((x): x is string => !!x),
      others: { source: proposalNumberSource, ids: proposalIds },
    })
    const proposals = proposalIds.flatMap((id) => {
      const officialNumber = others?.get(id)
      return officialNumber === undefined ? [] : [{ id, officialNumber }]
    })
    return { ...catalog, proposals }
  }

  function toSummary(
    r: repo.WorkOrderRow,
    counts: repo.StepCounts,
    names: Names,
    reprogrammingCount: number,
    day: string,
    due: { familyEnd: string | null; thresholds: TWorkOrderDueThresholds },
  ): TWorkOrderSummary {
    const client = names.clients.find((c) => c.id === r.client_id)
    const manager = names.projectManagers.find((m) => m.id === r.project_manager_id)
    const front = r.front_id ? names.fronts?.find((f) => f.id === r.front_id) : undefined
    const site = (id: string | null) => {
      if (!id) return null
      const s = names.sites?.find((x) => x.id === id)
      return { id, name: s?.name ?? '' }
    }
    const proposal = r.proposal_id ? names.proposals.find((p) => p.id === r.proposal_id) : undefined
    return {
      id: r.id,
      number: r.number,
      officialDocument: r.official_document,
      clientRepresentative: r.client_representative,
      type: r.type,
      reprogrammingNumber: r.reprogramming_number,
      familyId: r.family_id,
      reprogrammingCount,
      status: r.status,
      statusReason: r.status_reason,
      description: r.description,
      durationDays: r.duration_days,
      plannedStart: r.planned_start,
      plannedEnd: r.planned_end,
      actualStart: r.actual_start,
      actualEnd: r.actual_end,
      front: r.front_id
        ? { id: r.front_id, name: front?.name ?? '', siteKinds: front?.siteKinds ?? [] }
        : null,
      sites: {
        vessel: site(r.vessel_id),
        platform: site(r.platform_id),
        yard: site(r.yard_id),
        interconnection: site(r.interconnection_id),
      },
      amountMxn: plainAmount(r.amount_mxn),
      amountUsd: plainAmount(r.amount_usd),
      requiresYardPhase: r.requires_yard_phase,
      yardStart: r.yard_start,
      yardEnd: r.yard_end,
      proposal: r.proposal_id ? { id: r.proposal_id, officialNumber: proposal?.officialNumber ?? '' } : null,
      client: { id: r.client_id, name: client?.name ?? '', clientType: client?.clientType ?? 'CONTRATO' },
      projectManager: { id: r.project_manager_id, name: manager?.name ?? '' },
      progress: proposalProgressPercent(counts.done, counts.counted),
      doneSteps: counts.done,
      countedSteps: counts.counted,
      timeProgress: timeProgress(r.planned_start, r.planned_end, day),
      familyEnd: due.familyEnd,
      ...dueSignal({
        status: r.status,
        familyEnd: due.familyEnd,
        today: day,
        thresholds: due.thresholds,
      }),
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    }
  }

  async function readDetail(
    trx: Executor,
    actor: Actor,
    row: repo.WorkOrderRow,
    day: string,
  ): Promise<TWorkOrderDetail> {
    const [stepRows, names, facts] = await Promise.all([
      repo.listSteps(trx, actor.orgId, row.id),
      namesFor(trx, actor.orgId, [row]),
      repo.detailFacts(trx, actor.orgId, row),
    ])
    const { familyEnd, reprogrammings } = facts
    const thresholds = dueThresholdsOf(facts.dueSetting)
    const responsibleIds = [...new Set(stepRows.flatMap((s) => s.responsible_user_id ?? []))]
    const userNames = new Map(
      (await findUserNames(trx, actor.orgId, responsibleIds)).map((u) => [u.id, u.name]),
    )
    const steps: TWorkOrderStep[] = buildStepTree(stepRows, day, () => ({}), userNames)
    const counts = proposalProgressOf(stepRows.map((s) => s.status))
    return {
      ...toSummary(row, counts, names, reprogrammings, day, { familyEnd, thresholds }),
      comment: row.comment,
      steps,
      legacy: row.legacy,
    }
  }

  async function loadVisible(trx: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    const row = await repo.findWorkOrder(trx, actor.orgId, id, opts)
    if (!row) throw new AppError('NOT_FOUND', M.notFound())
    return row
  }

  /** References, front → sites and date order; returns the client's type. Throws 400 with every field error. */
  async function checkRefs(
    trx: Executor,
    orgId: string,
    v: Refs,
    changed?: Set<string>,
  ): Promise<TClientType> {
    const siteIds = Object.values(v.siteIds).filter((x): x is string => !!x)
    const refs = await getReferences(trx, orgId, {
      clientId: v.clientId,
      projectManagerId: v.projectManagerId,
      ...(v.frontId ? { frontId: v.frontId } : {}),
      siteIds,
    })
    const errors: TFieldError[] = []
    // a reference that did not change may have been deactivated since: it stays valid
    const check = (field: string) => !changed || changed.has(field)
    if (check('clientId') && !refs.client) errors.push(fieldError('clientId', M.clientInactive()))
    if (check('projectManagerId') && !refs.projectManager) {
      errors.push(fieldError('projectManagerId', M.projectManagerInactive()))
    }
    const siteErrors = checkFrontAndSites({
      frontId: v.frontId,
      front: refs.front,
      siteIds: v.siteIds,
      sites: refs.sites ?? [],
      requiresYardPhase: v.requiresYardPhase,
      yardStart: v.yardStart,
      yardEnd: v.yardEnd,
    })
    const siteFields = new Set([
      'frontId',
      'requiresYardPhase',
      'yardStart',
      'yardEnd',
      ...SITE_COLUMNS.map((c) => c.path),
    ])
    const anySiteChange = !changed || [...siteFields].some((f) => changed.has(f))
    if (anySiteChange) errors.push(...siteErrors)
    errors.push(
      ...checkDateOrder([
        {
          start: v.plannedStart,
          end: v.plannedEnd,
          endPath: 'plannedEnd',
          message: M.plannedEndBeforeStart(),
        },
        {
          start: v.actualStart,
          end: v.actualEnd,
          endPath: 'actualEnd',
          message: M.actualEndBeforeStart(),
        },
      ]),
    )
    if (errors.length > 0) throw validationError(M.invalidData(), errors)
    if (!refs.client) {
      const names = await getCatalogNames(trx, orgId, { clientIds: [v.clientId] })
      return names.clients[0]?.clientType ?? 'CONTRATO'
    }
    return refs.client.clientType
  }

  async function checkNumberFree(trx: Executor, orgId: string, number: string, excludeId?: string) {
    if (await repo.findInitialByNumber(trx, orgId, number, excludeId)) throw numberTaken(number.trim())
  }

  const statusReasonError = (status: TWorkOrderStatus) =>
    validationError(M.reasonRequired(), [fieldError('statusReason', M.reasonRequiredField({ status }))])

  return {
    db,
    clock,
    familyVolumes,
    notify,
    today,
    userId,
    inTransaction,
    dueThresholds,
    namesFor,
    toSummary,
    readDetail,
    loadVisible,
    checkRefs,
    checkNumberFree,
    statusReasonError,
  }
}
