import crypto from 'node:crypto'
import type {
  TClientType,
  TCreateReprogrammingRequest,
  TCreateWorkOrderFromProposalRequest,
  TCreateWorkOrderRequest,
  TFamilyVersion,
  TFieldError,
  TStepStatus,
  TUpdateStepRequest,
  TUpdateWorkOrderRequest,
  TWorkOrderDetail,
  TWorkOrderDueThresholds,
  TWorkOrderFamily,
  TWorkOrderImportResult,
  TWorkOrderListQuery,
  TWorkOrderStatus,
  TWorkOrderStep,
  TWorkOrderSummary,
} from '@faena/contracts'
import { DEFAULT_WORK_ORDER_DUE_THRESHOLDS, ZWorkOrderDueThresholds } from '@faena/contracts'
import { isSystemActor, requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Db, Executor } from '../../platform/db/executor'
import { detectFileKind } from '../../platform/files/file-type'
import { AppError, validationError } from '../../platform/errors'
import { ImportLimitError } from '../../platform/spreadsheet/read-workbook'
import {
  ensureNamedRecord,
  getNames as getCatalogNames,
  getReferences,
  listActiveClients,
  listActiveFronts,
  listStepTemplates,
  type CatalogNames,
} from '../catalogs'
import {
  DONE_STEP_STATUSES,
  UNCOUNTED_STEP_STATUSES,
  ensurePlaceholderProposals,
  getProposalForWorkOrder,
  getProposalNumbers,
  autoCompleteParents,
  buildStepTree,
  copyStepTemplates,
  proposalNumberKey,
  proposalProgressOf,
  proposalProgressPercent,
  resolveStepPatch,
  STEP_FIELDS,
  stepSnapshot,
} from '../proposals'
import { getOrganizationSettings } from '../../platform/tenancy/organizations'
import { createOrgToday } from '../../platform/tenancy/today'
import { parseWorkOrderHistory, type WorkOrderHistoryRow } from './work-order-history'
import {
  changedFields,
  foldName,
  LEGACY_FRONTS,
  mapHistoryRow,
  type ImportedValues,
  type RowIssue,
} from './work-order-import'
import {
  actualEndAfter,
  checkDateOrder,
  checkFrontAndSites,
  CLOSED_WORK_ORDER_STATUSES,
  dueSignal,
  familyChanges,
  historyStepStatus,
  inclusiveDays,
  plainAmount,
  reasonRequired,
  SITE_COLUMNS,
  timeProgress,
  type FamilySnapshot,
  type SitePath,
} from './work-order-rules'
import { writeWorkOrdersWorkbook } from './work-orders-export'
import * as repo from './work-orders.repository'

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
}
export type WorkOrdersService = ReturnType<typeof createWorkOrdersService>
export type ListWorkOrdersOptions = TWorkOrderListQuery

const MODULE = 'work-orders'
const ENTITY = 'work_order'
const EXPORT_LIMIT = 50_000
const PLACEHOLDER = 'POR DEFINIR'
const STEP_SETS = { done: DONE_STEP_STATUSES, uncounted: UNCOUNTED_STEP_STATUSES }

/** The audited fields, by their API names. */
const AUDIT_FIELDS = [
  'number',
  'officialDocument',
  'clientRepresentative',
  'description',
  'comment',
  'status',
  'statusReason',
  'proposalId',
  'clientId',
  'projectManagerId',
  'durationDays',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'frontId',
  'vesselId',
  'platformId',
  'yardId',
  'interconnectionId',
  'amountMxn',
  'amountUsd',
  'requiresYardPhase',
  'yardStart',
  'yardEnd',
] as const

const snapshot = (r: repo.WorkOrderRow) => ({
  number: r.number,
  type: r.type,
  reprogrammingNumber: r.reprogramming_number,
  officialDocument: r.official_document,
  clientRepresentative: r.client_representative,
  description: r.description,
  comment: r.comment,
  status: r.status,
  statusReason: r.status_reason,
  proposalId: r.proposal_id,
  clientId: r.client_id,
  projectManagerId: r.project_manager_id,
  durationDays: r.duration_days,
  plannedStart: r.planned_start,
  plannedEnd: r.planned_end,
  actualStart: r.actual_start,
  actualEnd: r.actual_end,
  frontId: r.front_id,
  vesselId: r.vessel_id,
  platformId: r.platform_id,
  yardId: r.yard_id,
  interconnectionId: r.interconnection_id,
  amountMxn: plainAmount(r.amount_mxn),
  amountUsd: plainAmount(r.amount_usd),
  requiresYardPhase: r.requires_yard_phase,
  yardStart: r.yard_start,
  yardEnd: r.yard_end,
})

type Names = CatalogNames & { proposals: { id: string; officialNumber: string }[] }

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === '23505'
const numberTaken = (number: string) =>
  new AppError('CONFLICT', `Ya existe una OT inicial con el número ${number}`, [
    { path: 'number', message: 'Ya existe una OT inicial con este número' },
  ])

export function createWorkOrdersService({ db, clock, timeZoneOf, familyVolumes }: WorkOrdersServiceDeps) {
  const today = createOrgToday(clock, timeZoneOf)
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  /** One transaction, with "today" of the organization resolved before it opens (no `db` inside it). */
  async function inTransaction<T>(actor: Actor, fn: (trx: Executor, day: string) => Promise<T>): Promise<T> {
    const day = await today(actor.orgId)
    try {
      return await db.transaction().execute((trx) => fn(trx, day))
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('CONFLICT', 'El registro ya existe (número o versión repetidos)')
      throw err
    }
  }

  // --- reading ---

  /** The organization's due-band thresholds (settings `workOrderDue`), the defaults where unset or invalid. */
  async function dueThresholds(trx: Executor, orgId: string): Promise<TWorkOrderDueThresholds> {
    const settings = await getOrganizationSettings(trx, orgId)
    const parsed = ZWorkOrderDueThresholds.safeParse(settings.workOrderDue ?? {})
    return parsed.success ? parsed.data : DEFAULT_WORK_ORDER_DUE_THRESHOLDS
  }

  async function namesFor(trx: Executor, orgId: string, rows: repo.WorkOrderRow[]): Promise<Names> {
    const ids = (pick: (r: repo.WorkOrderRow) => string | null) =>
      rows.map(pick).filter((x): x is string => x !== null)
    const [catalog, proposals] = await Promise.all([
      getCatalogNames(trx, orgId, {
        clientIds: ids((r) => r.client_id),
        projectManagerIds: ids((r) => r.project_manager_id),
        frontIds: ids((r) => r.front_id),
        siteIds: rows
          .flatMap((r) => [r.vessel_id, r.platform_id, r.yard_id, r.interconnection_id])
          .filter((x): x is string => !!x),
      }),
      getProposalNumbers(
        trx,
        orgId,
        ids((r) => r.proposal_id),
      ),
    ])
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
      type: r.type as TWorkOrderSummary['type'],
      reprogrammingNumber: r.reprogramming_number,
      familyId: r.family_id,
      reprogrammingCount,
      status: r.status as TWorkOrderStatus,
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
        status: r.status as TWorkOrderStatus,
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
    const [stepRows, names, reprogrammings, familyEnd, thresholds] = await Promise.all([
      repo.listSteps(trx, actor.orgId, row.id),
      namesFor(trx, actor.orgId, [row]),
      row.type === 'initial'
        ? repo.reprogrammingCounts(trx, actor.orgId, [row.id])
        : Promise.resolve(new Map<string, number>()),
      repo.familyEnd(trx, actor.orgId, row.family_id),
      dueThresholds(trx, actor.orgId),
    ])
    const steps: TWorkOrderStep[] = buildStepTree(stepRows, day, () => ({}))
    const counts = proposalProgressOf(stepRows.map((s) => s.status as TStepStatus))
    return {
      ...toSummary(row, counts, names, reprogrammings.get(row.id) ?? 0, day, { familyEnd, thresholds }),
      comment: row.comment,
      steps,
      legacy: row.legacy,
    }
  }

  async function loadVisible(trx: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    const row = await repo.findWorkOrder(trx, actor.orgId, id, opts)
    if (!row) throw new AppError('NOT_FOUND', 'Orden de trabajo no encontrada')
    return row
  }

  async function getWorkOrder(actor: Actor, id: string): Promise<TWorkOrderDetail> {
    requireAccess(actor, 'workOrder.read')
    const day = await today(actor.orgId)
    return readDetail(db, actor, await loadVisible(db, actor, id), day)
  }

  async function listWorkOrders(
    actor: Actor,
    query: ListWorkOrdersOptions,
  ): Promise<{ items: TWorkOrderSummary[]; total: number }> {
    requireAccess(actor, 'workOrder.read')
    const day = await today(actor.orgId)
    const { rows, total } = await repo.listWorkOrders(db, actor.orgId, {
      ...query,
      ...STEP_SETS,
      today: day,
      closed: CLOSED_WORK_ORDER_STATUSES,
    })
    const [names, reprogrammings, thresholds] = await Promise.all([
      namesFor(db, actor.orgId, rows),
      repo.reprogrammingCounts(
        db,
        actor.orgId,
        rows.filter((r) => r.type === 'initial').map((r) => r.id),
      ),
      dueThresholds(db, actor.orgId),
    ])
    return {
      total,
      items: rows.map((r) =>
        toSummary(r, r, names, r.type === 'initial' ? (reprogrammings.get(r.id) ?? 0) : 0, day, {
          familyEnd: r.family_end,
          thresholds,
        }),
      ),
    }
  }

  async function exportWorkOrders(actor: Actor, query: ListWorkOrdersOptions): Promise<Buffer> {
    const { items } = await listWorkOrders(actor, { ...query, limit: EXPORT_LIMIT, offset: 0 })
    return writeWorkOrdersWorkbook(items)
  }

  /** The family of a work order side by side: each version with what changed from the one before. */
  async function getFamily(actor: Actor, id: string): Promise<TWorkOrderFamily> {
    requireAccess(actor, 'workOrder.read')
    const row = await loadVisible(db, actor, id)
    const members = await repo.listFamily(db, actor.orgId, row.family_id)
    const [counts, volumes] = await Promise.all([
      repo.stepCounts(
        db,
        actor.orgId,
        members.map((m) => m.id),
        STEP_SETS,
      ),
      familyVolumes(
        db,
        actor.orgId,
        members.map((m) => m.id),
      ),
    ])
    let previous: FamilySnapshot | null = null
    const versions: TFamilyVersion[] = members.map((m) => {
      const snap: FamilySnapshot = {
        officialDocument: m.official_document,
        status: m.status,
        durationDays: m.duration_days,
        plannedStart: m.planned_start,
        plannedEnd: m.planned_end,
        actualStart: m.actual_start,
        actualEnd: m.actual_end,
        amountMxn: plainAmount(m.amount_mxn),
        amountUsd: plainAmount(m.amount_usd),
      }
      const changes = familyChanges(previous, snap)
      previous = snap
      const c = counts.get(m.id) ?? { done: 0, counted: 0 }
      return {
        id: m.id,
        number: m.number,
        type: m.type as TFamilyVersion['type'],
        reprogrammingNumber: m.reprogramming_number,
        status: m.status as TWorkOrderStatus,
        officialDocument: m.official_document,
        durationDays: m.duration_days,
        plannedStart: m.planned_start,
        plannedEnd: m.planned_end,
        actualStart: m.actual_start,
        actualEnd: m.actual_end,
        amountMxn: snap.amountMxn as string,
        amountUsd: snap.amountUsd as string,
        progress: proposalProgressPercent(c.done, c.counted),
        createdAt: m.created_at.toISOString(),
        changes,
        authorizedVolumes: volumes?.get(m.id) ?? null,
      }
    })
    const initial = members.find((m) => m.type === 'initial')
    return { familyId: row.family_id, number: initial?.number ?? row.number, versions }
  }

  // --- checks ---

  type Refs = {
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
    if (check('clientId') && !refs.client)
      errors.push({ path: 'clientId', message: 'El cliente no existe o está inactivo' })
    if (check('projectManagerId') && !refs.projectManager) {
      errors.push({
        path: 'projectManagerId',
        message: 'El responsable de proyecto no existe o está inactivo',
      })
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
          message: 'El término programado no puede ser anterior al inicio',
        },
        {
          start: v.actualStart,
          end: v.actualEnd,
          endPath: 'actualEnd',
          message: 'El término real no puede ser anterior al inicio real',
        },
      ]),
    )
    if (errors.length > 0) throw validationError('Datos no válidos', errors)
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
    validationError('Indica el motivo', [
      { path: 'statusReason', message: `El motivo es obligatorio para pasar a ${status}` },
    ])

  // --- creating ---

  type NewWorkOrder = Omit<TCreateWorkOrderRequest, 'clientId'> & {
    clientId: string
    proposalId: string | null
  }

  async function insertInitial(
    trx: Executor,
    actor: Actor,
    day: string,
    input: NewWorkOrder,
    audit: { data: Record<string, unknown> },
  ) {
    const siteIds = {
      vesselId: input.vesselId ?? null,
      platformId: input.platformId ?? null,
      yardId: input.yardId ?? null,
      interconnectionId: input.interconnectionId ?? null,
    }
    const status = input.status ?? 'assigned'
    const reason = input.statusReason?.trim() || null
    if (reasonRequired(status) && !reason) throw statusReasonError(status)
    const actualEnd = actualEndAfter({
      from: 'assigned',
      to: status,
      current: null,
      given: input.actualEnd,
      today: day,
    })
    const requiresYardPhase = input.requiresYardPhase ?? false
    const refs: Refs = {
      clientId: input.clientId,
      projectManagerId: input.projectManagerId,
      frontId: input.frontId ?? null,
      siteIds,
      requiresYardPhase,
      yardStart: requiresYardPhase ? (input.yardStart ?? null) : null,
      yardEnd: requiresYardPhase ? (input.yardEnd ?? null) : null,
      plannedStart: input.plannedStart ?? null,
      plannedEnd: input.plannedEnd ?? null,
      actualStart: input.actualStart ?? null,
      actualEnd,
    }
    const clientType = await checkRefs(trx, actor.orgId, refs)
    await checkNumberFree(trx, actor.orgId, input.number)
    const templates = await listStepTemplates(trx, actor.orgId, 'work_order', clientType)
    if (templates.length === 0) {
      throw validationError(`No hay plantillas de pasos de OT para clientes de tipo ${clientType}`, [
        {
          path: 'clientId',
          message: `No hay plantillas de pasos de OT para clientes de tipo ${clientType}; agrégalas en Catálogos`,
        },
      ])
    }
    const id = crypto.randomUUID()
    const row = await repo.insertWorkOrder(trx, actor.orgId, {
      id,
      family_id: id,
      type: 'initial',
      reprogramming_number: null,
      number: input.number,
      official_document: input.officialDocument || null,
      client_representative: input.clientRepresentative || null,
      description: input.description,
      comment: input.comment || null,
      status,
      status_reason: reason,
      status_changed_at: null,
      proposal_id: input.proposalId,
      client_id: input.clientId,
      project_manager_id: input.projectManagerId,
      duration_days:
        input.durationDays ??
        (refs.plannedStart && refs.plannedEnd && refs.plannedEnd >= refs.plannedStart
          ? inclusiveDays(refs.plannedStart, refs.plannedEnd)
          : null),
      planned_start: refs.plannedStart,
      planned_end: refs.plannedEnd,
      actual_start: refs.actualStart,
      actual_end: actualEnd,
      front_id: refs.frontId,
      vessel_id: siteIds.vesselId,
      platform_id: siteIds.platformId,
      yard_id: siteIds.yardId,
      interconnection_id: siteIds.interconnectionId,
      amount_mxn: input.amountMxn ?? '0',
      amount_usd: input.amountUsd ?? '0',
      requires_yard_phase: requiresYardPhase,
      yard_start: refs.yardStart,
      yard_end: refs.yardEnd,
      created_by: userId(actor),
    })
    await repo.insertSteps(trx, actor.orgId, stepsFromTemplates(templates, [{ id: row.id }]))
    const steps = templates.length
    await writeAudit(trx, actor, {
      action: 'work_order.created',
      module: MODULE,
      entityType: ENTITY,
      entityId: row.id,
      changes: diffFields(null, snapshot(row), ['type', ...AUDIT_FIELDS]),
      data: { ...audit.data, clientType, steps },
    })
    return readDetail(trx, actor, row, day)
  }

  async function createWorkOrder(actor: Actor, input: TCreateWorkOrderRequest): Promise<TWorkOrderDetail> {
    requireAccess(actor, 'workOrder.create')
    return inTransaction(actor, (trx, day) =>
      insertInitial(trx, actor, day, { ...input, proposalId: null }, { data: {} }),
    )
  }

  /**
   * A work order from a proposal whose progress is 100 % (the proposals rule), pre-filled from it. A proposal
   * may give several (one per site of a multi-site job), each with its own number.
   */
  async function createFromProposal(
    actor: Actor,
    proposalId: string,
    input: TCreateWorkOrderFromProposalRequest,
  ): Promise<TWorkOrderDetail> {
    requireAccess(actor, 'workOrder.create')
    return inTransaction(actor, async (trx, day) => {
      const p = await getProposalForWorkOrder(trx, actor.orgId, proposalId)
      if (!p) throw new AppError('NOT_FOUND', 'Propuesta no encontrada')
      if (p.status === 'cancelled') {
        throw new AppError('INVALID_STATE', 'La PTE está cancelada; no puede generar una OT', {
          status: p.status,
        })
      }
      if (p.progress < 100) {
        throw new AppError(
          'INVALID_STATE',
          `La PTE debe estar al 100 % para crear una OT (está al ${p.progress} %)`,
          {
            progress: p.progress,
            doneSteps: p.doneSteps,
            countedSteps: p.countedSteps,
          },
        )
      }
      return insertInitial(
        trx,
        actor,
        day,
        {
          ...input,
          description: input.description ?? p.description,
          projectManagerId: input.projectManagerId ?? p.projectManagerId,
          durationDays:
            input.durationDays === undefined && !(input.plannedStart && input.plannedEnd)
              ? p.durationDays
              : input.durationDays,
          clientId: p.clientId,
          proposalId: p.id,
        },
        { data: { proposalId: p.id, proposalNumber: p.officialNumber } },
      )
    })
  }

  /**
   * A reprogramming: a new work order in the family of the initial (a reprogramming of a reprogramming joins
   * the same family), numbered max + 1, copying the data of the work order it starts from, with new dates.
   */
  async function createReprogramming(
    actor: Actor,
    id: string,
    input: TCreateReprogrammingRequest,
  ): Promise<TWorkOrderDetail> {
    requireAccess(actor, 'workOrder.create')
    const dateErrors = checkDateOrder([
      {
        start: input.plannedStart,
        end: input.plannedEnd,
        endPath: 'plannedEnd',
        message: 'El término programado no puede ser anterior al inicio',
      },
    ])
    if (dateErrors.length > 0) throw validationError('Fechas no válidas', dateErrors)
    return inTransaction(actor, async (trx, day) => {
      const source = await loadVisible(trx, actor, id)
      // the initial's row lock serializes the numbering of its family
      const initial = await loadVisible(trx, actor, source.family_id, { forUpdate: true })
      const n = await repo.nextReprogrammingNumber(trx, actor.orgId, initial.id)
      const names = await getCatalogNames(trx, actor.orgId, { clientIds: [source.client_id] })
      const clientType = names.clients[0]?.clientType ?? 'CONTRATO'
      const row = await repo.insertWorkOrder(trx, actor.orgId, {
        id: crypto.randomUUID(),
        family_id: initial.id,
        type: 'reprogramming',
        reprogramming_number: n,
        number: source.number,
        official_document:
          input.officialDocument === undefined ? source.official_document : input.officialDocument || null,
        client_representative: source.client_representative,
        description: input.description ?? source.description,
        comment: input.comment === undefined ? source.comment : input.comment || null,
        status: 'assigned',
        status_reason: null,
        status_changed_at: null,
        proposal_id: source.proposal_id,
        client_id: source.client_id,
        project_manager_id: source.project_manager_id,
        duration_days: input.durationDays ?? inclusiveDays(input.plannedStart, input.plannedEnd),
        planned_start: input.plannedStart,
        planned_end: input.plannedEnd,
        actual_start: null,
        actual_end: null,
        front_id: source.front_id,
        vessel_id: source.vessel_id,
        platform_id: source.platform_id,
        yard_id: source.yard_id,
        interconnection_id: source.interconnection_id,
        amount_mxn: input.amountMxn ?? source.amount_mxn,
        amount_usd: input.amountUsd ?? source.amount_usd,
        requires_yard_phase: source.requires_yard_phase,
        yard_start: source.yard_start,
        yard_end: source.yard_end,
        created_by: userId(actor),
      })
      const templates = await listStepTemplates(trx, actor.orgId, 'work_order', clientType)
      await repo.insertSteps(trx, actor.orgId, stepsFromTemplates(templates, [{ id: row.id }]))
      const steps = templates.length
      await writeAudit(trx, actor, {
        action: 'work_order.created',
        module: MODULE,
        entityType: ENTITY,
        entityId: row.id,
        changes: diffFields(null, snapshot(row), ['type', 'reprogrammingNumber', ...AUDIT_FIELDS]),
        data: { reprogrammingOf: source.id, familyId: initial.id, reprogrammingNumber: n, steps },
      })
      await writeAudit(trx, actor, {
        action: 'work_order.reprogrammed',
        module: MODULE,
        entityType: ENTITY,
        entityId: initial.id,
        changes: [{ field: 'reprogrammings', old: n - 1, new: n }],
        data: {
          reprogrammingId: row.id,
          reprogrammingNumber: n,
          from: source.id,
          plannedStart: input.plannedStart,
          plannedEnd: input.plannedEnd,
        },
      })
      return readDetail(trx, actor, row, day)
    })
  }

  // --- editing ---

  async function updateWorkOrder(
    actor: Actor,
    id: string,
    patch: TUpdateWorkOrderRequest,
  ): Promise<TWorkOrderDetail> {
    requireAccess(actor, 'workOrder.update')
    return inTransaction(actor, async (trx, day) => {
      const before = await loadVisible(trx, actor, id, { forUpdate: true })
      const from = before.status as TWorkOrderStatus
      const to = patch.status ?? from
      const statusChanged = to !== from
      const reason =
        patch.statusReason === undefined
          ? statusChanged
            ? null
            : before.status_reason
          : patch.statusReason?.trim() || null
      if (statusChanged && reasonRequired(to) && !reason) throw statusReasonError(to)
      const actualEnd = actualEndAfter({
        from,
        to,
        current: before.actual_end,
        given: patch.actualEnd,
        today: day,
      })
      const pick = <T>(v: T | undefined, current: T) => (v === undefined ? current : v)
      const requiresYardPhase = pick(patch.requiresYardPhase, before.requires_yard_phase)
      const values = {
        number: pick(patch.number, before.number),
        official_document:
          patch.officialDocument === undefined ? before.official_document : patch.officialDocument || null,
        client_representative:
          patch.clientRepresentative === undefined
            ? before.client_representative
            : patch.clientRepresentative || null,
        description: pick(patch.description, before.description),
        comment: patch.comment === undefined ? before.comment : patch.comment || null,
        status: to,
        status_reason: reason,
        project_manager_id: pick(patch.projectManagerId, before.project_manager_id),
        duration_days: pick(patch.durationDays, before.duration_days),
        planned_start: pick(patch.plannedStart, before.planned_start),
        planned_end: pick(patch.plannedEnd, before.planned_end),
        actual_start: pick(patch.actualStart, before.actual_start),
        actual_end: actualEnd,
        front_id: pick(patch.frontId, before.front_id),
        vessel_id: pick(patch.vesselId, before.vessel_id),
        platform_id: pick(patch.platformId, before.platform_id),
        yard_id: pick(patch.yardId, before.yard_id),
        interconnection_id: pick(patch.interconnectionId, before.interconnection_id),
        amount_mxn: pick(patch.amountMxn, before.amount_mxn),
        amount_usd: pick(patch.amountUsd, before.amount_usd),
        requires_yard_phase: requiresYardPhase,
        yard_start: requiresYardPhase ? pick(patch.yardStart, before.yard_start) : null,
        yard_end: requiresYardPhase ? pick(patch.yardEnd, before.yard_end) : null,
      }
      const changed = new Set(
        Object.entries(patch)
          .filter(([, v]) => v !== undefined)
          .map(([k]) => k),
      )
      await checkRefs(
        trx,
        actor.orgId,
        {
          clientId: before.client_id,
          projectManagerId: values.project_manager_id,
          frontId: values.front_id,
          siteIds: {
            vesselId: values.vessel_id,
            platformId: values.platform_id,
            yardId: values.yard_id,
            interconnectionId: values.interconnection_id,
          },
          requiresYardPhase,
          yardStart: values.yard_start,
          yardEnd: values.yard_end,
          plannedStart: values.planned_start,
          plannedEnd: values.planned_end,
          actualStart: values.actual_start,
          actualEnd: values.actual_end,
        },
        changed,
      )
      if (
        before.type === 'initial' &&
        patch.number !== undefined &&
        patch.number.trim().toLowerCase() !== before.number.trim().toLowerCase()
      ) {
        await checkNumberFree(trx, actor.orgId, patch.number, before.id)
      }
      const next = snapshot({ ...before, ...values })
      const changes = diffFields(snapshot(before), next, AUDIT_FIELDS)
      if (changes.length === 0) return readDetail(trx, actor, before, day)
      const after = await repo.updateWorkOrder(trx, actor.orgId, id, {
        ...values,
        ...(statusChanged ? { status_changed_at: clock() } : {}),
        updated_at: clock(),
      })
      await writeAudit(trx, actor, {
        action: statusChanged ? 'work_order.status_changed' : 'work_order.updated',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes,
        ...(statusChanged ? { data: { from, to, reason } } : {}),
      })
      return readDetail(trx, actor, after, day)
    })
  }

  // --- steps ---

  /**
   * Edits one step, as proposal steps: completing it stamps the completion date (today unless given), leaving
   * `completed` clears it; then open parents complete by themselves when all their sub-steps are done.
   * Steps of a cancelled work order do not change.
   */
  async function updateStep(
    actor: Actor,
    id: string,
    stepId: string,
    patch: TUpdateStepRequest,
  ): Promise<TWorkOrderDetail> {
    requireAccess(actor, 'workOrder.update')
    return inTransaction(actor, async (trx, day) => {
      const order = await loadVisible(trx, actor, id, { forUpdate: true })
      if (order.status === 'cancelled') {
        throw new AppError('INVALID_STATE', 'La OT está cancelada; sus pasos ya no cambian', {
          status: order.status,
        })
      }
      const before = await repo.findStep(trx, actor.orgId, id, stepId)
      if (!before) throw new AppError('NOT_FOUND', 'Paso no encontrado')
      const values = resolveStepPatch(
        patch,
        {
          status: before.status as TStepStatus,
          keptCompletedDate: before.status === 'completed' ? before.completed_date : null,
        },
        day,
      )
      const after = await repo.updateStep(trx, actor.orgId, stepId, { ...values, updated_at: clock() })
      const changes = diffFields(stepSnapshot(before), stepSnapshot(after), STEP_FIELDS)
      if (changes.length === 0) return readDetail(trx, actor, order, day)
      await writeAudit(trx, actor, {
        action: 'work_order.step_updated',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes,
        data: { stepId, stepName: after.name },
      })
      await autoCompleteParents(after.status !== before.status ? after.parent_id : null, {
        loadStep: (parentId) => repo.findStep(trx, actor.orgId, id, parentId),
        subStepStatuses: async (parentId) =>
          (await repo.listSubStepStatuses(trx, actor.orgId, parentId)) as TStepStatus[],
        complete: async (parent) => {
          const done = await repo.updateStep(trx, actor.orgId, parent.id, {
            status: 'completed',
            completed_date: day,
            updated_at: clock(),
          })
          await writeAudit(trx, actor, {
            action: 'work_order.step_auto_completed',
            module: MODULE,
            entityType: ENTITY,
            entityId: id,
            changes: diffFields(stepSnapshot(parent), stepSnapshot(done), STEP_FIELDS),
            data: {
              stepId: parent.id,
              stepName: parent.name,
              triggeredBy: stepId,
              reason: 'all sub-steps done',
            },
          })
          return done
        },
      })
      const touched = await repo.updateWorkOrder(trx, actor.orgId, id, { updated_at: clock() })
      return readDetail(trx, actor, touched, day)
    })
  }

  // --- historical import ---

  /**
   * The historical workbook (OT_IMPORTAR.xlsx, docs/work-orders.md#historical-import) in one transaction: families linked by folio,
   * proposals matched by number or created as placeholders, steps from the templates with the status the
   * work order implies. A row already imported (same family number and reprogramming number) is compared:
   * unchanged, or updated (audited). Any row error → 400 and nothing is saved.
   */
  async function importHistory(actor: Actor, bytes: Buffer): Promise<TWorkOrderImportResult> {
    requireAccess(actor, 'workOrder.import')
    if (detectFileKind(bytes) !== 'xlsx') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'El archivo no es un libro de Excel (.xlsx)', [
        { path: 'file', message: 'Sube el libro .xlsx del histórico de OT' },
      ])
    }
    let parsed: Awaited<ReturnType<typeof parseWorkOrderHistory>>
    try {
      parsed = await parseWorkOrderHistory(bytes)
    } catch (err) {
      if (err instanceof ImportLimitError) throw err // 413 naming the limit and the sheet
      throw validationError('No se pudo leer el libro de Excel', [
        { path: 'file', message: 'El archivo está dañado o no es un .xlsx válido' },
      ])
    }
    const header = parsed.errors.find((e) => e.rowNumber === 0)
    if (header)
      throw validationError('El libro no tiene el encabezado del histórico de OT', [
        { path: 'file', message: header.message },
      ])
    if (parsed.errors.length > 0) {
      throw validationError(
        `${parsed.errors.length} filas con errores; no se importó nada`,
        parsed.errors.map((e) => ({ path: `row ${e.rowNumber}: ${e.field}`, message: e.message })),
      )
    }

    return inTransaction(actor, async (trx, day) => {
      const orgId = actor.orgId
      const [client] = await listActiveClients(trx, orgId, 'CONTRATO')
      if (!client) {
        throw validationError('No hay cliente de tipo CONTRATO', [
          { path: 'file', message: 'Da de alta el cliente del contrato en Catálogos antes de importar' },
        ])
      }
      const fronts = await listActiveFronts(trx, orgId)
      const frontIdByLegacy = new Map<number, string>()
      for (const [legacy, name] of Object.entries(LEGACY_FRONTS)) {
        const f = fronts.find((x) => foldName(x.name) === name)
        if (f) frontIdByLegacy.set(Number(legacy), f.id)
      }
      const managerId = await ensureNamedRecord(
        trx,
        actor,
        { catalog: 'project_managers', name: PLACEHOLDER },
        'Responsable de las OT y PTE históricas importadas',
      )
      const typeId = await ensureNamedRecord(
        trx,
        actor,
        { catalog: 'types', name: PLACEHOLDER, level: 'proposal' },
        'Tipo de las PTE marcador de la importación histórica',
      )

      const proposalOf = (r: WorkOrderHistoryRow) => r.proposalNumber ?? r.familyProposalNumber
      const { ids: proposalIds, created: placeholders } = await ensurePlaceholderProposals(trx, actor, {
        clientId: client.id,
        typeId,
        projectManagerId: managerId,
        day,
        items: parsed.rows.flatMap((r) => {
          const n = proposalOf(r)
          return n ? [{ officialNumber: n, requestDate: r.plannedStart, description: null }] : []
        }),
      })

      const familyKey = (folio: string) => folio.trim().toLowerCase()
      const existing = new Map<string, repo.WorkOrderRow>()
      const existingRows = await repo.listByFamilyNumberKeys(trx, orgId, [
        ...new Set(parsed.rows.map((r) => familyKey(r.familyFolio))),
      ])
      for (const w of existingRows) existing.set(`${w.family_key}#${w.reprogramming_number ?? 0}`, w)

      const familyIdOf = new Map<string, string>()
      const inserts: repo.WorkOrderInsert[] = []
      const updates: { row: repo.WorkOrderRow; values: ImportedValues; changed: string[] }[] = []
      const results: TWorkOrderImportResult['rows'] = []
      const errors: TFieldError[] = []
      // initials first, so reprogrammings find their family
      const ordered = [...parsed.rows].sort((a, b) =>
        a.kind === b.kind ? a.rowNumber - b.rowNumber : a.kind === 'initial' ? -1 : 1,
      )
      for (const r of ordered) {
        const pNumber = proposalOf(r)
        const {
          values,
          issues,
          errors: rowErrors,
        } = mapHistoryRow(r, {
          frontIdByLegacy,
          proposalId: pNumber ? (proposalIds.get(proposalNumberKey(pNumber)) ?? null) : null,
        })
        errors.push(...rowErrors.map((e) => ({ path: `row ${r.rowNumber}: ${e.field}`, message: e.message })))
        const key = `${familyKey(r.familyFolio)}#${r.reprogrammingNumber ?? 0}`
        const found = existing.get(key)
        const base = {
          rowNumber: r.rowNumber,
          number: r.folio,
          type: r.kind,
          reprogrammingNumber: r.reprogrammingNumber,
          proposalNumber: pNumber,
          issues: issues satisfies RowIssue[],
        }
        if (found) {
          if (r.kind === 'initial') familyIdOf.set(familyKey(r.familyFolio), found.id)
          const changed = changedFields(found, values)
          if (changed.length > 0) updates.push({ row: found, values, changed })
          results.push({
            ...base,
            outcome: changed.length ? 'updated' : 'unchanged',
            workOrderId: found.id,
            changed,
          })
          continue
        }
        const id = crypto.randomUUID()
        let familyId: string = id
        if (r.kind === 'initial') familyIdOf.set(familyKey(r.familyFolio), id)
        else familyId = familyIdOf.get(familyKey(r.familyFolio)) ?? id
        inserts.push({
          id,
          family_id: familyId,
          type: r.kind,
          reprogramming_number: r.kind === 'reprogramming' ? r.reprogrammingNumber : null,
          ...values,
          comment: r.comment,
          status_reason: null,
          status_changed_at: null,
          client_id: client.id,
          project_manager_id: managerId,
          vessel_id: null,
          platform_id: null,
          yard_id: null,
          interconnection_id: null,
          requires_yard_phase: false,
          yard_start: null,
          yard_end: null,
          created_by: userId(actor),
        })
        results.push({ ...base, outcome: 'created', workOrderId: id, changed: [] })
      }
      if (errors.length > 0)
        throw validationError(`${errors.length} filas con errores; no se importó nada`, errors)

      const created = await repo.insertWorkOrders(trx, orgId, inserts)
      const templates = await listStepTemplates(trx, orgId, 'work_order', client.clientType)
      const steps = stepsFromTemplates(
        templates,
        created.map((w) => {
          const status = historyStepStatus(w.status as TWorkOrderStatus)
          return {
            id: w.id,
            status,
            completedDate: status === 'completed' ? (w.actual_end ?? w.planned_end ?? day) : null,
          }
        }),
      )
      await repo.insertSteps(trx, orgId, steps)
      for (const w of created) {
        await writeAudit(trx, actor, {
          action: 'work_order.imported',
          module: MODULE,
          entityType: ENTITY,
          entityId: w.id,
          changes: diffFields(null, snapshot(w), ['type', 'reprogrammingNumber', ...AUDIT_FIELDS]),
          data: { source: 'OT_IMPORTAR', steps: templates.length },
        })
      }
      for (const u of updates) {
        const after = await repo.updateWorkOrder(trx, orgId, u.row.id, { ...u.values, updated_at: clock() })
        await writeAudit(trx, actor, {
          action: 'work_order.import_updated',
          module: MODULE,
          entityType: ENTITY,
          entityId: u.row.id,
          changes: diffFields(snapshot(u.row), snapshot(after), AUDIT_FIELDS),
          data: { source: 'OT_IMPORTAR', fields: u.changed },
        })
      }
      results.sort((a, b) => a.rowNumber - b.rowNumber)
      const count = (o: string) => results.filter((x) => x.outcome === o).length
      return {
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        errors: 0,
        families: parsed.families.length,
        placeholderProposals: placeholders.length,
        controlCharactersRemoved: parsed.controlCharacters,
        rows: results,
      }
    })
  }

  return {
    listWorkOrders,
    exportWorkOrders,
    getWorkOrder,
    getFamily,
    createWorkOrder,
    createFromProposal,
    createReprogramming,
    updateWorkOrder,
    updateStep,
    importHistory,
  }
}

/**
 * Steps copied from the templates (sub-steps under the copy of their parent), for each work order; a work order
 * may give the status its steps start with (the historical import), else they start pending.
 */
function stepsFromTemplates(
  templates: readonly { id: string; name: string; position: number; parentId: string | null }[],
  orders: readonly { id: string; status?: TStepStatus; completedDate?: string | null }[],
): repo.StepInsert[] {
  return orders.flatMap((order) => {
    return copyStepTemplates(templates, () => crypto.randomUUID()).map((step) => ({
      id: step.id,
      work_order_id: order.id,
      parent_id: step.parent_id,
      template_id: step.template_id,
      position: step.position,
      name: step.name,
      ...(order.status
        ? {
            status: order.status,
            completed_date: order.status === 'completed' ? (order.completedDate ?? null) : null,
          }
        : {}),
    }))
  })
}
