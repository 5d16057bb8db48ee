import crypto from 'node:crypto'
import type {
  TAddStepAttachmentRequest,
  TAuditEntry,
  TChangeProposalStatusRequest,
  TClientType,
  TCreateProposalRequest,
  TFieldError,
  TPagination,
  TProposalDetail,
  TProposalListQuery,
  TProposalPriority,
  TProposalStatus,
  TProposalStep,
  TProposalSummary,
  TStepStatus,
  TStoredFile,
  TUpdateProposalRequest,
  TUpdateStepRequest,
} from '@faena/contracts'
import { can, isSystemActor, requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { AuditService } from '../../platform/audit/audit.service'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, validationError } from '../../platform/errors'
import { createOrgToday } from '../../platform/tenancy/today'
import { percent, proposalProgress } from './proposal-progress'
import { allowedTransitions, checkTransition, isFinalStatus, isProposalOverdue } from './proposal-status'
import { writeProposalsWorkbook } from './proposals-export'
import * as repo from './proposals.repository'
import {
  autoCompleteParents as walkParents,
  buildStepTree,
  copyStepTemplates,
  resolveStepPatch,
  STEP_FIELDS,
  stepSnapshot,
} from './step-rules'

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
}

export type ProposalsService = ReturnType<typeof createProposalsService>
export type ListProposalsOptions = TProposalListQuery
export type UpdateStepOptions = TUpdateStepRequest

const MODULE = 'proposals'
const ENTITY = 'proposal'
const EXPORT_LIMIT = 50_000

/** The header fields as the audit log names them (same names as the API). */
const HEADER_FIELDS = [
  'officialNumber',
  'requestNumber',
  'description',
  'clientId',
  'typeId',
  'projectManagerId',
  'priority',
  'requestDate',
  'deliveryDate',
  'durationDays',
  'comment',
] as const

const headerSnapshot = (r: repo.ProposalRow) => ({
  officialNumber: r.official_number,
  requestNumber: r.request_number,
  description: r.description,
  clientId: r.client_id,
  typeId: r.type_id,
  projectManagerId: r.project_manager_id,
  priority: r.priority,
  requestDate: r.request_date,
  deliveryDate: r.delivery_date,
  durationDays: r.duration_days,
  comment: r.comment,
  status: r.status,
  statusReason: r.status_reason,
})

type Names = Awaited<ReturnType<CatalogsPort['getNames']>>
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()

export function createProposalsService({
  db,
  clock,
  catalogs,
  files,
  timeZoneOf,
  auditEntries,
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

  // --- reading ---

  function toSummary(
    r: repo.ProposalRow,
    counts: { done: number; counted: number },
    names: Names,
    day: string,
  ): TProposalSummary {
    const client = names.clients.find((c) => c.id === r.client_id)
    const type = names.types.find((t) => t.id === r.type_id)
    const manager = names.projectManagers.find((m) => m.id === r.project_manager_id)
    const status = r.status as TProposalStatus
    return {
      id: r.id,
      officialNumber: r.official_number,
      requestNumber: r.request_number,
      description: r.description,
      client: { id: r.client_id, name: client?.name ?? '', clientType: client?.clientType ?? 'CONTRATO' },
      type: { id: r.type_id, name: type?.name ?? '' },
      projectManager: { id: r.project_manager_id, name: manager?.name ?? '' },
      priority: r.priority as TProposalPriority,
      status,
      statusReason: r.status_reason,
      requestDate: r.request_date,
      deliveryDate: r.delivery_date,
      durationDays: r.duration_days,
      progress: percent(counts.done, counts.counted),
      doneSteps: counts.done,
      countedSteps: counts.counted,
      overdue: r.deleted_at === null && isProposalOverdue({ status, deliveryDate: r.delivery_date }, day),
      deleted: r.deleted_at !== null,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    }
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
    const steps = buildProposalStepTree(stepRows, attachmentRows, day)
    const total = proposalProgress(steps)
    const status = row.status as TProposalStatus
    return {
      ...toSummary(row, total, names, day),
      comment: row.comment,
      steps,
      allowedTransitions: row.deleted_at === null ? allowedTransitions(status) : [],
    }
  }

  async function loadVisible(trx: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    const row = await repo.findProposal(trx, actor.orgId, id, opts)
    if (!row) throw new AppError('NOT_FOUND', 'Propuesta no encontrada')
    return row
  }

  async function getProposal(actor: Actor, id: string): Promise<TProposalDetail> {
    requireAccess(actor, 'proposal.read')
    const row = await repo.findProposal(db, actor.orgId, id, {
      includeDeleted: can(actor, 'proposal.readDeleted'),
    })
    if (!row) throw new AppError('NOT_FOUND', 'Propuesta no encontrada')
    return readDetail(db, actor, row, await today(actor.orgId))
  }

  async function listProposals(
    actor: Actor,
    query: ListProposalsOptions,
  ): Promise<{ items: TProposalSummary[]; total: number }> {
    requireAccess(actor, 'proposal.read')
    if (query.deleted === 'true') requireAccess(actor, 'proposal.readDeleted')
    const day = await today(actor.orgId)
    // Client names live in the catalogs module: resolve name search and name order through it.
    let clientIdsMatching: string[] = []
    let clientOrder: string[] = []
    if (query.q || query.sort === 'client') {
      const ids = await repo.referencedClientIds(db, actor.orgId)
      const { clients } = await catalogs.getNames(db, actor.orgId, { clientIds: ids })
      if (query.q) {
        const needle = fold(query.q)
        clientIdsMatching = clients.filter((c) => fold(c.name).includes(needle)).map((c) => c.id)
      }
      if (query.sort === 'client') {
        clientOrder = [...clients]
          .sort((a, b) => a.name.localeCompare(b.name, 'es', { sensitivity: 'base' }))
          .map((c) => c.id)
      }
    }
    const { rows, total } = await repo.listProposals(db, actor.orgId, {
      ...query,
      today: day,
      clientIdsMatching,
      clientOrder,
    })
    const names = await namesFor(db, actor.orgId, rows)
    return { total, items: rows.map((r) => toSummary(r, r, names, day)) }
  }

  async function exportProposals(actor: Actor, query: ListProposalsOptions): Promise<Buffer> {
    const { items } = await listProposals(actor, { ...query, limit: EXPORT_LIMIT, offset: 0 })
    return writeProposalsWorkbook(items)
  }

  /** The proposal's audit history (its header, steps and attachments), newest first. */
  async function listHistory(
    actor: Actor,
    id: string,
    page: TPagination,
  ): Promise<{ items: TAuditEntry[]; total: number }> {
    requireAccess(actor, 'proposal.read')
    const row = await repo.findProposal(db, actor.orgId, id, {
      includeDeleted: can(actor, 'proposal.readDeleted'),
    })
    if (!row) throw new AppError('NOT_FOUND', 'Propuesta no encontrada')
    return auditEntries(actor.orgId, {
      entityType: ENTITY,
      entityId: id,
      limit: page.limit,
      offset: page.offset,
    })
  }

  // --- header ---

  async function checkReferences(
    trx: Executor,
    orgId: string,
    ids: {
      clientId?: string | undefined
      typeId?: string | undefined
      projectManagerId?: string | undefined
    },
  ) {
    const wanted = Object.fromEntries(Object.entries(ids).filter(([, v]) => v !== undefined)) as Parameters<
      CatalogsPort['getReferences']
    >[2]
    const refs = await catalogs.getReferences(trx, orgId, wanted)
    const errors: TFieldError[] = []
    if (ids.clientId && !refs.client)
      errors.push({ path: 'clientId', message: 'El cliente no existe o está inactivo' })
    if (ids.typeId && !refs.type)
      errors.push({ path: 'typeId', message: 'El tipo no existe o está inactivo' })
    if (ids.typeId && refs.type && refs.type.level !== 'proposal') {
      errors.push({ path: 'typeId', message: 'El tipo no es un tipo de propuesta' })
    }
    if (ids.projectManagerId && !refs.projectManager) {
      errors.push({
        path: 'projectManagerId',
        message: 'El responsable de proyecto no existe o está inactivo',
      })
    }
    if (errors.length > 0) throw validationError('Referencias no válidas', errors)
    return refs
  }

  function checkDates(requestDate: string, deliveryDate: string) {
    if (deliveryDate < requestDate) {
      throw validationError('Fechas no válidas', [
        {
          path: 'deliveryDate',
          message: 'La fecha de entrega no puede ser anterior a la fecha de solicitud',
        },
      ])
    }
  }

  /** Creates the proposal and its steps, copied from the client type's step templates, in one transaction. */
  async function createProposal(actor: Actor, input: TCreateProposalRequest): Promise<TProposalDetail> {
    requireAccess(actor, 'proposal.create')
    checkDates(input.requestDate, input.deliveryDate)
    return inTransaction(actor, async (trx, day) => {
      const refs = await checkReferences(trx, actor.orgId, {
        clientId: input.clientId,
        typeId: input.typeId,
        projectManagerId: input.projectManagerId,
      })
      const clientType = refs.client!.clientType
      const templates = await catalogs.listStepTemplates(trx, actor.orgId, 'proposal', clientType)
      if (templates.length === 0) {
        throw validationError(`No hay plantillas de pasos de propuesta para clientes de tipo ${clientType}`, [
          {
            path: 'clientId',
            message: `No hay plantillas de pasos de propuesta para clientes de tipo ${clientType}; agrégalas en Catálogos`,
          },
        ])
      }
      const row = await repo.insertProposal(trx, actor.orgId, userId(actor), {
        official_number: input.officialNumber,
        request_number: input.requestNumber,
        description: input.description,
        client_id: input.clientId,
        type_id: input.typeId,
        project_manager_id: input.projectManagerId,
        priority: input.priority,
        request_date: input.requestDate,
        delivery_date: input.deliveryDate,
        duration_days: input.durationDays,
        comment: input.comment ?? null,
      })
      const steps: repo.StepInsert[] = copyStepTemplates(templates, () => crypto.randomUUID())
      await repo.insertSteps(trx, actor.orgId, row.id, steps)
      await writeAudit(trx, actor, {
        action: 'proposal.created',
        module: MODULE,
        entityType: ENTITY,
        entityId: row.id,
        changes: diffFields(null, headerSnapshot(row)),
        data: { clientType, steps: steps.length },
      })
      return readDetail(trx, actor, row, day)
    })
  }

  async function updateProposal(
    actor: Actor,
    id: string,
    patch: TUpdateProposalRequest,
  ): Promise<TProposalDetail> {
    requireAccess(actor, 'proposal.update')
    return inTransaction(actor, async (trx, day) => {
      const before = await loadVisible(trx, actor, id, { forUpdate: true })
      checkDates(patch.requestDate ?? before.request_date, patch.deliveryDate ?? before.delivery_date)
      const changedRefs = {
        typeId: patch.typeId !== undefined && patch.typeId !== before.type_id ? patch.typeId : undefined,
        projectManagerId:
          patch.projectManagerId !== undefined && patch.projectManagerId !== before.project_manager_id
            ? patch.projectManagerId
            : undefined,
      }
      if (changedRefs.typeId || changedRefs.projectManagerId)
        await checkReferences(trx, actor.orgId, changedRefs)
      const values: Partial<repo.ProposalValues> = {}
      if (patch.officialNumber !== undefined) values.official_number = patch.officialNumber
      if (patch.requestNumber !== undefined) values.request_number = patch.requestNumber
      if (patch.description !== undefined) values.description = patch.description
      if (patch.typeId !== undefined) values.type_id = patch.typeId
      if (patch.projectManagerId !== undefined) values.project_manager_id = patch.projectManagerId
      if (patch.priority !== undefined) values.priority = patch.priority
      if (patch.requestDate !== undefined) values.request_date = patch.requestDate
      if (patch.deliveryDate !== undefined) values.delivery_date = patch.deliveryDate
      if (patch.durationDays !== undefined) values.duration_days = patch.durationDays
      if (patch.comment !== undefined) values.comment = patch.comment
      const changes = diffFields(
        headerSnapshot(before),
        { ...headerSnapshot(before), ...camel(values) },
        HEADER_FIELDS,
      )
      if (changes.length === 0) return readDetail(trx, actor, before, day)
      const after = await repo.updateProposal(trx, actor.orgId, id, { ...values, updated_at: clock() })
      await writeAudit(trx, actor, {
        action: 'proposal.updated',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes,
      })
      return readDetail(trx, actor, after, day)
    })
  }

  async function changeStatus(
    actor: Actor,
    id: string,
    input: TChangeProposalStatusRequest,
  ): Promise<TProposalDetail> {
    requireAccess(actor, 'proposal.status')
    return inTransaction(actor, async (trx, day) => {
      const before = await loadVisible(trx, actor, id, { forUpdate: true })
      const from = before.status as TProposalStatus
      const to = input.status
      const check = checkTransition(from, to, input.reason)
      if (!check.ok && check.error === 'invalid_transition') {
        throw new AppError('INVALID_STATE', `Una propuesta en estado ${from} no puede pasar a ${to}`, {
          from,
          to,
          allowed: allowedTransitions(from),
        })
      }
      if (!check.ok) {
        throw validationError('Indica el motivo', [
          { path: 'reason', message: `El motivo es obligatorio para pasar a ${to}` },
        ])
      }
      const reason = input.reason?.trim() || null
      const after = await repo.updateProposal(trx, actor.orgId, id, {
        status: to,
        status_reason: reason,
        status_changed_at: clock(),
        updated_at: clock(),
      })
      await writeAudit(trx, actor, {
        action: 'proposal.status_changed',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes: diffFields(headerSnapshot(before), headerSnapshot(after), ['status', 'statusReason']),
        data: { from, to, reason },
      })
      return readDetail(trx, actor, after, day)
    })
  }

  async function deleteProposal(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'proposal.delete')
    await inTransaction(actor, async (trx) => {
      const before = await loadVisible(trx, actor, id, { forUpdate: true })
      const now = clock()
      await repo.updateProposal(trx, actor.orgId, id, {
        deleted_at: now,
        deleted_by: userId(actor),
        updated_at: now,
      })
      await writeAudit(trx, actor, {
        action: 'proposal.deleted',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes: [{ field: 'deleted', old: false, new: true }],
        data: { officialNumber: before.official_number },
      })
    })
  }

  // --- steps ---

  async function loadOpenProposal(trx: Executor, actor: Actor, id: string) {
    const proposal = await loadVisible(trx, actor, id, { forUpdate: true })
    if (isFinalStatus(proposal.status as TProposalStatus)) {
      throw new AppError(
        'INVALID_STATE',
        `La propuesta está en estado ${proposal.status}; sus pasos ya no cambian`,
        {
          status: proposal.status,
        },
      )
    }
    return proposal
  }

  async function loadStep(trx: Executor, actor: Actor, proposalId: string, stepId: string) {
    const step = await repo.findStep(trx, actor.orgId, proposalId, stepId)
    if (!step) throw new AppError('NOT_FOUND', 'Paso no encontrado')
    return step
  }

  /**
   * Edits one step. Completing it stamps the completion date (today in the organization's time zone unless
   * given); leaving `completed` clears it. Then its parent completes by itself when all its sub-steps are done.
   */
  async function updateStep(
    actor: Actor,
    id: string,
    stepId: string,
    patch: UpdateStepOptions,
  ): Promise<TProposalDetail> {
    requireAccess(actor, 'proposal.update')
    return inTransaction(actor, async (trx, day) => {
      const proposal = await loadOpenProposal(trx, actor, id)
      const before = await loadStep(trx, actor, id, stepId)
      const values = resolveStepPatch(
        patch,
        { status: before.status as TStepStatus, keptCompletedDate: before.completed_date },
        day,
      )
      const after = await repo.updateStep(trx, actor.orgId, stepId, { ...values, updated_at: clock() })
      const changes = diffFields(stepSnapshot(before), stepSnapshot(after), STEP_FIELDS)
      if (changes.length > 0) {
        await writeAudit(trx, actor, {
          action: 'proposal.step_updated',
          module: MODULE,
          entityType: ENTITY,
          entityId: id,
          changes,
          data: { stepId, stepName: after.name },
        })
        if (after.parent_id && after.status !== before.status)
          await autoCompleteParents(trx, actor, id, after.parent_id, after.id, day)
        return readDetail(
          trx,
          actor,
          await repo.updateProposal(trx, actor.orgId, id, { updated_at: clock() }),
          day,
        )
      }
      return readDetail(trx, actor, proposal, day)
    })
  }

  /** Walks up from a parent: each open parent whose sub-steps are all done becomes completed (audited). */
  async function autoCompleteParents(
    trx: Executor,
    actor: Actor,
    proposalId: string,
    parentId: string,
    triggeredBy: string,
    day: string,
  ) {
    await walkParents(parentId, {
      loadStep: (stepId) => loadStep(trx, actor, proposalId, stepId),
      subStepStatuses: async (stepId) =>
        (await repo.listSubStepStatuses(trx, actor.orgId, stepId)) as TStepStatus[],
      complete: async (parent) => {
        const after = await repo.updateStep(trx, actor.orgId, parent.id, {
          status: 'completed',
          completed_date: day,
          updated_at: clock(),
        })
        await writeAudit(trx, actor, {
          action: 'proposal.step_auto_completed',
          module: MODULE,
          entityType: ENTITY,
          entityId: proposalId,
          changes: diffFields(stepSnapshot(parent), stepSnapshot(after), STEP_FIELDS),
          data: { stepId: parent.id, stepName: parent.name, triggeredBy, reason: 'all sub-steps done' },
        })
        return after
      },
    })
  }

  // --- attachments ---

  async function addStepAttachment(
    actor: Actor,
    id: string,
    stepId: string,
    input: TAddStepAttachmentRequest,
  ) {
    requireAccess(actor, 'proposal.update')
    return inTransaction(actor, async (trx) => {
      await loadOpenProposal(trx, actor, id)
      const step = await loadStep(trx, actor, id, stepId)
      let attachment: { kind: 'file' | 'link'; fileId: string | null; url: string | null; name: string }
      if ('fileId' in input) {
        const file = await files.getFile(actor, input.fileId, trx).catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'NOT_FOUND') {
            throw validationError('Archivo no encontrado', [
              { path: 'fileId', message: 'El archivo no existe; súbelo primero' },
            ])
          }
          throw err
        })
        attachment = { kind: 'file', fileId: file.id, url: null, name: file.name }
      } else {
        attachment = { kind: 'link', fileId: null, url: input.url, name: input.name ?? linkName(input.url) }
      }
      const row = await repo.insertAttachment(trx, {
        orgId: actor.orgId,
        proposalId: id,
        stepId,
        ...attachment,
        createdBy: userId(actor),
      })
      await writeAudit(trx, actor, {
        action: 'proposal.attachment_added',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes: [{ field: 'attachments', old: null, new: row.name }],
        data: {
          stepId,
          stepName: step.name,
          attachmentId: row.id,
          kind: row.kind,
          fileId: row.file_id,
          url: row.url,
        },
      })
      await repo.updateProposal(trx, actor.orgId, id, { updated_at: clock() })
      return toAttachment(row)
    })
  }

  async function removeStepAttachment(
    actor: Actor,
    id: string,
    stepId: string,
    attachmentId: string,
  ): Promise<void> {
    requireAccess(actor, 'proposal.update')
    await inTransaction(actor, async (trx) => {
      await loadOpenProposal(trx, actor, id)
      const step = await loadStep(trx, actor, id, stepId)
      const row = await repo.findAttachment(trx, actor.orgId, stepId, attachmentId)
      if (!row) throw new AppError('NOT_FOUND', 'Adjunto no encontrado')
      await repo.deleteAttachment(trx, actor.orgId, attachmentId)
      await writeAudit(trx, actor, {
        action: 'proposal.attachment_removed',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes: [{ field: 'attachments', old: row.name, new: null }],
        data: {
          stepId,
          stepName: step.name,
          attachmentId,
          kind: row.kind,
          fileId: row.file_id,
          url: row.url,
        },
      })
      await repo.updateProposal(trx, actor.orgId, id, { updated_at: clock() })
    })
  }

  return {
    listProposals,
    exportProposals,
    getProposal,
    listHistory,
    createProposal,
    updateProposal,
    changeStatus,
    deleteProposal,
    updateStep,
    addStepAttachment,
    removeStepAttachment,
  }
}

// --- mapping ---

function camel(values: Partial<repo.ProposalValues>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values))
    out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v
  return out
}

function linkName(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}${u.pathname === '/' ? '' : u.pathname}`.slice(0, 200)
  } catch {
    return url.slice(0, 200)
  }
}

const toAttachment = (r: repo.AttachmentRow) => ({
  id: r.id,
  kind: r.kind as 'file' | 'link',
  name: r.name,
  fileId: r.file_id,
  url: r.url,
  createdAt: r.created_at.toISOString(),
})

/** Flat step rows → the tree of the detail (sub-steps under their parent), with overdue, parent progress, attachments. */
function buildProposalStepTree(
  rows: repo.StepRow[],
  attachments: repo.AttachmentRow[],
  day: string,
): TProposalStep[] {
  const byStep = new Map<string, TProposalStep['attachments']>()
  for (const a of attachments) {
    const list = byStep.get(a.step_id) ?? []
    list.push(toAttachment(a))
    byStep.set(a.step_id, list)
  }
  return buildStepTree(rows, day, (r) => ({ attachments: byStep.get(r.id) ?? [] }))
}

/**
 * Live proposals counted by status, client and overdue (for the dashboards of the insights module), with the
 * filters and overdue rule of the proposals list. No access check here: the calling use case has done it.
 */
export async function countProposals(executor: Executor, orgId: string, filter: repo.ProposalCountFilter) {
  return repo.countProposals(executor, orgId, filter)
}
