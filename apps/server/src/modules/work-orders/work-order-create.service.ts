import crypto from 'node:crypto'
import type {
  TCreateReprogrammingRequest,
  TCreateWorkOrderFromProposalRequest,
  TCreateWorkOrderRequest,
  TWorkOrderDetail,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { getNames as getCatalogNames, listStepTemplates } from '../catalogs'
import { getProposalForWorkOrder } from '../proposals'
import { actualEndAfter, checkDateOrder, inclusiveDays, reasonRequired } from './work-order-rules'
import { AUDIT_FIELDS, ENTITY, MODULE, snapshot, stepsFromTemplates } from './work-orders.records'
import * as repo from './work-orders.repository'
import type { NewWorkOrder, Refs, WorkOrdersContext } from './work-orders.context'
import { workOrdersMessages as M } from './work-orders.messages'

/**
 * Creating work orders: an initial one (by hand or from a proposal, with its steps from the templates) and
 * a reprogramming of a family (docs/work-orders.md#numbers-and-families, docs/work-orders.md#from-a-proposal).
 */
export function createWorkOrderCreateUseCases(ctx: WorkOrdersContext) {
  const { userId, inTransaction, readDetail, loadVisible, checkRefs, checkNumberFree, statusReasonError } =
    ctx

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
      throw validationError(M.noStepTemplates({ clientType }), [
        fieldError('clientId', M.noStepTemplatesField({ clientType })),
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
      if (!p) throw new AppError('NOT_FOUND', M.proposalNotFound())
      if (p.status === 'cancelled') {
        throw new AppError('INVALID_STATE', M.proposalCancelled(), {
          status: p.status,
        })
      }
      if (p.progress < 100) {
        throw new AppError('INVALID_STATE', M.proposalNotComplete({ progress: p.progress }), {
          progress: p.progress,
          doneSteps: p.doneSteps,
          countedSteps: p.countedSteps,
        })
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
        message: M.plannedEndBeforeStart(),
      },
    ])
    if (dateErrors.length > 0) throw validationError(M.invalidDates(), dateErrors)
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

  return {
    createWorkOrder,
    createFromProposal,
    createReprogramming,
  }
}
