import type { TClientType, TFieldError, TProposalDetail, TStoredFile } from '@faena/contracts'
import { isSystemActor, type Actor } from '../../platform/access'
import type { AuditService } from '../../platform/audit/audit.service'
import { findUserNames } from '../../platform/auth/users.repository'
import type { JobsService } from '../../platform/jobs'
import type { NotifyFn } from '../../platform/notifications'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { createOrgToday } from '../../platform/tenancy/today'
import { proposalProgress } from './proposal-progress'
import { allowedTransitions, isFinalStatus } from './proposal-status'
import { buildProposalStepTree, toSummary, type Names } from './proposals.mapping'
import * as repo from './proposals.repository'
import { proposalsMessages as M } from './proposals.messages'

/**
 * What this module needs from the catalogs module (its service, through its index.ts).
 * Lookups run inside the caller's transaction.
 */
export type CatalogsPort = {
  /** active records of the organization; a key is absent when its record does not exist or is inactive */
  getReferences(
    trx: Executor,
    orgId: string,
    ids: { clientId?: string; typeId?: string; projectManagerId?: string },
  ): Promise<{
    client?: { id: string; name: string; clientType: TClientType }
    type?: { id: string; name: string; level: string }
    projectManager?: { id: string; name: string }
  }>
  /** active step templates of a client type, ordered, parents before children */
  listStepTemplates(
    trx: Executor,
    orgId: string,
    kind: 'proposal',
    clientType: TClientType,
  ): Promise<{ id: string; name: string; position: number; parentId: string | null }[]>
  /** names of records by id, active or not (a proposal keeps showing a client deactivated later) */
  getNames(
    trx: Executor,
    orgId: string,
    ids: {
      clientIds?: readonly string[]
      typeIds?: readonly string[]
      projectManagerIds?: readonly string[]
    },
  ): Promise<{
    clients: { id: string; name: string; clientType: TClientType }[]
    types: { id: string; name: string }[]
    projectManagers: { id: string; name: string }[]
  }>
  /** the project managers of the organization linked to a user account ("assigned to me") */
  projectManagerIdsOfUser(trx: Executor, orgId: string, userId: string): Promise<string[]>
}

export type FilesPort = { getFile(actor: Actor, id: string, trx?: Executor): Promise<TStoredFile> }

export type ProposalsServiceDeps = {
  db: Db
  clock: () => Date
  catalogs: CatalogsPort
  files: FilesPort
  timeZoneOf: (orgId: string) => Promise<string>
  /** a proposal's history: the audit entries of the record, with the names they mention */
  auditEntries: AuditService['readEntries']
  /** in-app notifications, written in the transaction of the change (a step assigned to someone) */
  notify: NotifyFn
  /** the list's export runs as a job (docs/jobs.md) */
  jobs: Pick<JobsService, 'define'>
}

export const MODULE = 'proposals'
export const ENTITY = 'proposal'

/** The ids a header names in the catalogs module (absent when not given or not changed). */
export type HeaderReferences = {
  clientId?: string | undefined
  typeId?: string | undefined
  projectManagerId?: string | undefined
}

/**
 * What every proposals use case shares (the named dependencies of proposal-reads.service.ts,
 * proposal-create.service.ts, proposal-header.service.ts, proposal-status.service.ts,
 * proposal-steps.service.ts and proposal-attachments.service.ts): the database, the clock and the ports,
 * the organization's "today" and the transaction that resolves it first, the loaders (visible proposal,
 * open proposal, step), the reference and date checks of a header, and the detail the API answers.
 */
export type ProposalsContext = ReturnType<typeof createProposalsContext>

export function createProposalsContext({
  db,
  clock,
  catalogs,
  files,
  timeZoneOf,
  auditEntries,
  notify,
  jobs,
}: ProposalsServiceDeps) {
  const today = createOrgToday(clock, timeZoneOf)
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  /**
   * Runs a change in one transaction, with the organization's "today" resolved before it opens
   * (the time-zone lookup uses the database handle, which must not be touched inside the transaction).
   */
  async function inTransaction<T>(actor: Actor, fn: (trx: Executor, day: string) => Promise<T>): Promise<T> {
    const day = await today(actor.orgId)
    return db.transaction().execute((trx) => fn(trx, day))
  }

  async function namesFor(trx: Executor, orgId: string, rows: repo.ProposalRow[]): Promise<Names> {
    const uniq = (xs: string[]) => [...new Set(xs)]
    return catalogs.getNames(trx, orgId, {
      clientIds: uniq(rows.map((r) => r.client_id)),
      typeIds: uniq(rows.map((r) => r.type_id)),
      projectManagerIds: uniq(rows.map((r) => r.project_manager_id)),
    })
  }

  /** The detail of a proposal, read with `trx` (the open transaction of a change, or the database). */
  async function readDetail(
    trx: Executor,
    actor: Actor,
    row: repo.ProposalRow,
    day: string,
  ): Promise<TProposalDetail> {
    const [stepRows, attachmentRows, names] = await Promise.all([
      repo.listSteps(trx, actor.orgId, row.id),
      repo.listAttachments(trx, actor.orgId, row.id),
      namesFor(trx, actor.orgId, [row]),
    ])
    const responsibleIds = [...new Set(stepRows.flatMap((s) => s.responsible_user_id ?? []))]
    const userNames = new Map(
      (await findUserNames(trx, actor.orgId, responsibleIds)).map((u) => [u.id, u.name]),
    )
    const steps = buildProposalStepTree(stepRows, attachmentRows, day, userNames)
    const total = proposalProgress(steps)
    const status = row.status
    return {
      ...toSummary(row, total, names, day),
      comment: row.comment,
      steps,
      allowedTransitions: row.deleted_at === null ? allowedTransitions(status) : [],
    }
  }

  /** A live proposal of the caller's organization, or 404. */
  async function loadVisible(trx: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    const row = await repo.findProposal(trx, actor.orgId, id, opts)
    if (!row) throw new AppError('NOT_FOUND', M.notFound())
    return row
  }

  /** A live proposal whose steps may still change (locked), or 409 when it is finished or cancelled. */
  async function loadOpenProposal(trx: Executor, actor: Actor, id: string) {
    const proposal = await loadVisible(trx, actor, id, { forUpdate: true })
    if (isFinalStatus(proposal.status)) {
      throw new AppError('INVALID_STATE', M.stepsClosed({ status: proposal.status }), {
        status: proposal.status,
      })
    }
    return proposal
  }

  async function loadStep(trx: Executor, actor: Actor, proposalId: string, stepId: string) {
    const step = await repo.findStep(trx, actor.orgId, proposalId, stepId)
    if (!step) throw new AppError('NOT_FOUND', M.stepNotFound())
    return step
  }

  /** The header's catalog references must be active records of the organization (400 naming each field). */
  async function checkReferences(trx: Executor, orgId: string, ids: HeaderReferences) {
    const wanted = Object.fromEntries(Object.entries(ids).filter(([, v]) => v !== undefined)) as Parameters<
      CatalogsPort['getReferences']
    >[2]
    const refs = await catalogs.getReferences(trx, orgId, wanted)
    const errors: TFieldError[] = []
    if (ids.clientId && !refs.client) errors.push(fieldError('clientId', M.clientInactive()))
    if (ids.typeId && !refs.type) errors.push(fieldError('typeId', M.typeInactive()))
    if (ids.typeId && refs.type && refs.type.level !== 'proposal') {
      errors.push(fieldError('typeId', M.notProposalType()))
    }
    if (ids.projectManagerId && !refs.projectManager) {
      errors.push(fieldError('projectManagerId', M.projectManagerInactive()))
    }
    if (errors.length > 0) throw validationError(M.invalidReferences(), errors)
    return refs
  }

  return {
    db,
    clock,
    catalogs,
    files,
    auditEntries,
    notify,
    jobs,
    today,
    userId,
    inTransaction,
    namesFor,
    readDetail,
    loadVisible,
    loadOpenProposal,
    loadStep,
    checkReferences,
  }
}

/** The delivery date may not come before the request date (400 naming `deliveryDate`). */
export function checkDates(requestDate: string, deliveryDate: string) {
  if (deliveryDate < requestDate) {
    throw validationError(M.invalidDates(), [fieldError('deliveryDate', M.deliveryBeforeRequest())])
  }
}
