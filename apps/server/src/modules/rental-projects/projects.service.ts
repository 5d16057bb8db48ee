import type {
  TCloseRentalProjectRequest,
  TRentalCloseCheck,
  TRentalProject,
  TRentalProjectInput,
  TRentalProjectListQuery,
  TRentalProjectPatch,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { langOf } from '../../platform/i18n/export-texts'
import { render, type Message } from '../../platform/i18n/messages'
import { addDays, firstOpenDay } from '../rental-billing'
import { closingRetirementDate } from './assignment-rules'
import { termsOf, touchedPeriod } from './frozen-periods'
import { toProject } from './rental-projects.mapping'
import * as repo from './rental-projects.repository'
import { MODULE, orNull, type RentalProjectsContext } from './rental-projects.context'
import { projectsMessages as M } from './rental-projects.messages'

/**
 * Rental projects: list, export, read, create, update, the close check and closing a project (its assignments
 * retired, its units released) (docs/rental-projects.md).
 */
export function createProjectUseCases(ctx: RentalProjectsContext) {
  const {
    db,
    clock,
    hooks,
    userId,
    inTransaction,
    assignmentsChanged,
    frozenOf,
    assertChainsInside,
    loadProject,
    assertOpen,
    releaseUnit,
  } = ctx

  async function checkProjectClient(trx: Executor, actor: Actor, clientId: string) {
    const client = await repo.findClient(trx, actor.orgId, clientId)
    if (!client) throw validationError(M.invalidClient(), [fieldError('clientId', M.clientMissing())])
    return client
  }

  function checkProjectDates(startDate: string, endDate: string | null) {
    if (endDate && endDate < startDate) {
      throw validationError(M.invalidDates(), [fieldError('endDate', M.endBeforeStart())])
    }
  }

  async function listProjects(actor: Actor, query: TRentalProjectListQuery) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listProjects(db, actor.orgId, query)
    return { items: rows.map(toProject), total }
  }

  async function getProject(actor: Actor, id: string): Promise<TRentalProject> {
    requireAccess(actor, 'rental.read')
    return toProject(await loadProject(db, actor, id))
  }

  async function createProject(actor: Actor, input: TRentalProjectInput): Promise<TRentalProject> {
    requireAccess(actor, 'rental.manage')
    checkProjectDates(input.startDate, input.endDate ?? null)
    return inTransaction(actor, async (trx) => {
      await checkProjectClient(trx, actor, input.clientId)
      const row = await repo.insertProject(trx, actor.orgId, userId(actor), {
        client_id: input.clientId,
        name: input.name,
        location: orNull(input.location),
        cardinal_point: orNull(input.cardinalPoint),
        contact_name: orNull(input.contactName),
        contact_phone: orNull(input.contactPhone),
        start_date: input.startDate,
        end_date: orNull(input.endDate),
        notes: orNull(input.notes),
      })
      await writeAudit(trx, actor, {
        action: 'rental.project.created',
        module: MODULE,
        entityType: 'rental_project',
        entityId: row.id,
        changes: diffFields(null, projectSnapshot(row)),
      })
      return toProject(row)
    })
  }

  async function updateProject(
    actor: Actor,
    id: string,
    patch: TRentalProjectPatch,
  ): Promise<TRentalProject> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const before = await loadProject(trx, actor, id, true)
      assertOpen(before)
      if (patch.clientId !== undefined && patch.clientId !== before.client_id)
        await checkProjectClient(trx, actor, patch.clientId)
      const values: repo.ProjectValues = {
        client_id: patch.clientId ?? before.client_id,
        name: patch.name ?? before.name,
        location: patch.location !== undefined ? orNull(patch.location) : before.location,
        cardinal_point:
          patch.cardinalPoint !== undefined ? orNull(patch.cardinalPoint) : before.cardinal_point,
        contact_name: patch.contactName !== undefined ? orNull(patch.contactName) : before.contact_name,
        contact_phone: patch.contactPhone !== undefined ? orNull(patch.contactPhone) : before.contact_phone,
        start_date: patch.startDate ?? before.start_date,
        end_date: patch.endDate !== undefined ? orNull(patch.endDate) : before.end_date,
        notes: patch.notes !== undefined ? orNull(patch.notes) : before.notes,
      }
      checkProjectDates(values.start_date, values.end_date)
      if (values.start_date !== before.start_date) {
        const earliest = (await repo.listProjectAssignments(trx, actor.orgId, id)).reduce<string | null>(
          (min, a) => (min === null || a.operation_start < min ? a.operation_start : min),
          null,
        )
        if (earliest && values.start_date > earliest) {
          throw validationError(M.invalidStartDate(), [
            fieldError('startDate', M.assignmentsSince({ date: earliest })),
          ])
        }
      }
      const changes = diffFields(projectSnapshot(before), projectSnapshot({ ...before, ...values }))
      if (changes.length === 0) return toProject(before)
      const after = await repo.updateProject(trx, actor.orgId, id, { ...values, updated_at: clock() })
      await writeAudit(trx, actor, {
        action: 'rental.project.updated',
        module: MODULE,
        entityType: 'rental_project',
        entityId: id,
        changes,
      })
      return toProject(after)
    })
  }

  async function closeCheckIn(
    trx: Executor,
    actor: Actor,
    project: repo.ProjectRow,
  ): Promise<TRentalCloseCheck & { refusal: Message | undefined }> {
    const found: { code: TRentalCloseCheck['blockers'][number]['code']; message: Message }[] = []
    if (project.closed) found.push({ code: 'already_closed', message: M.alreadyClosed() })
    else if (await hooks.hasSheetInProgress(trx, actor.orgId, project.id)) {
      found.push({ code: 'sheet_in_progress', message: M.sheetInProgress() })
    }
    const blockers = found.map((b) => ({ code: b.code, message: render(b.message, langOf(actor)) }))
    const active = project.closed ? [] : await repo.activeProjectAssignments(trx, actor.orgId, project.id)
    return {
      canClose: blockers.length === 0,
      blockers,
      equipmentToRelease: active
        .filter((a) => a.kind === 'equipment')
        .map((a) => ({ id: a.equipment_id, code: a.equipment_code, name: a.equipment_name })),
      assignmentsToRetire: active.length,
      refusal: found[0]?.message,
    }
  }

  async function closeCheck(actor: Actor, id: string): Promise<TRentalCloseCheck> {
    requireAccess(actor, 'rental.read')
    return db.transaction().execute(async (trx) => {
      const { refusal: _refusal, ...check } = await closeCheckIn(
        trx,
        actor,
        await loadProject(trx, actor, id),
      )
      return check
    })
  }

  /**
   * A closing date inside a liquidated or invoiced period would retire assignments on days a frozen sheet
   * billed (docs/rental-projects.md#frozen-billing-periods): 409 naming the sheet and the first date the
   * project may close on (the last frozen day).
   */
  async function assertCloseLeavesFrozenSheets(
    trx: Executor,
    actor: Actor,
    projectId: string,
    date: string,
    active: readonly repo.AssignmentRow[],
  ) {
    const frozen = await frozenOf(trx, actor.orgId, projectId)
    const open = firstOpenDay(frozen)
    for (const a of active) {
      const after = { ...a, retired_on: closingRetirementDate(date, a.operation_end) }
      const hit = touchedPeriod(frozen, termsOf(a), termsOf(after))
      if (!hit || !open) continue
      const earliest = addDays(open, -1)
      throw new AppError(
        'CONFLICT',
        (hit.status === 'liquidated' ? M.closeFrozenLiquidated : M.closeFrozenInvoiced)({
          date,
          equipment: a.equipment_code,
          code: hit.seriesCode,
          start: hit.periodStart,
          end: hit.periodEnd,
          earliest,
        }),
        {
          reason: 'frozenPeriod',
          billingSheetId: hit.billingSheetId,
          seriesCode: hit.seriesCode,
          seriesNumber: hit.seriesNumber,
          status: hit.status,
          periodStart: hit.periodStart,
          periodEnd: hit.periodEnd,
          firstOpenDay: open,
          earliestClosingDate: earliest,
        },
      )
    }
  }

  /**
   * Closes a project: refused while a billing sheet is in progress; every active assignment is retired on
   * the closing date (or its planned end when earlier), its equipment released; the end date defaults to the
   * closing date. Afterwards nothing in the project changes.
   */
  async function closeProject(
    actor: Actor,
    id: string,
    input: TCloseRentalProjectRequest,
  ): Promise<TRentalProject> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx, day) => {
      const project = await loadProject(trx, actor, id, true)
      assertOpen(project)
      const check = await closeCheckIn(trx, actor, project)
      if (!check.canClose) {
        throw new AppError('INVALID_STATE', check.refusal ?? M.alreadyClosed(), {
          blockers: check.blockers,
        })
      }
      const date = input.date ?? day
      if (date < project.start_date) {
        throw validationError(M.invalidCloseDate(), [fieldError('date', M.closeBeforeStart())])
      }
      const reason = input.reason?.trim() || 'Cierre de proyecto'
      const active = await repo.activeProjectAssignments(trx, actor.orgId, id)
      await assertCloseLeavesFrozenSheets(trx, actor, id, date, active)
      // a service retired on the closing date must not leave a live custody chain after it unbilled
      for (const a of active) {
        const end = closingRetirementDate(date, a.operation_end)
        await assertChainsInside(trx, actor, a, { start: a.operation_start, end })
      }
      for (const a of active) {
        const retiredOn = closingRetirementDate(date, a.operation_end)
        await repo.updateAssignment(trx, actor.orgId, a.id, {
          retired_on: retiredOn,
          retirement_reason: reason,
          updated_at: clock(),
        })
        if (a.kind === 'equipment') await releaseUnit(trx, actor, a.equipment_id, id)
        await writeAudit(trx, actor, {
          action: 'rental.assignment.retired',
          module: MODULE,
          entityType: 'rental_assignment',
          entityId: a.id,
          changes: [
            { field: 'retiredOn', old: null, new: retiredOn },
            { field: 'retirementReason', old: a.retirement_reason, new: reason },
          ],
          data: { projectId: id, equipmentCode: a.equipment_code, cause: 'project_closed' },
        })
      }
      const after = await repo.updateProject(trx, actor.orgId, id, {
        closed: true,
        closed_on: date,
        closed_by: userId(actor),
        end_date: project.end_date ?? date,
        updated_at: clock(),
      })
      await writeAudit(trx, actor, {
        action: 'rental.project.closed',
        module: MODULE,
        entityType: 'rental_project',
        entityId: id,
        changes: diffFields(projectSnapshot(project), projectSnapshot(after), [
          'closed',
          'closedOn',
          'endDate',
        ]),
        data: {
          reason,
          retiredAssignments: active.length,
          releasedEquipment: check.equipmentToRelease.map((e) => e.code),
        },
      })
      if (active.length > 0) await assignmentsChanged(trx, actor, id)
      return toProject(after)
    })
  }

  return {
    listProjects,
    getProject,
    createProject,
    updateProject,
    closeCheck,
    closeProject,
  }
}

// --- audit snapshots (API field names) ---

function projectSnapshot(r: {
  client_id: string
  name: string
  location: string | null
  cardinal_point: string | null
  contact_name: string | null
  contact_phone: string | null
  start_date: string
  end_date: string | null
  notes: string | null
  closed: boolean
  closed_on: string | null
}) {
  return {
    clientId: r.client_id,
    name: r.name,
    location: r.location,
    cardinalPoint: r.cardinal_point,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    startDate: r.start_date,
    endDate: r.end_date,
    notes: r.notes,
    closed: r.closed,
    closedOn: r.closed_on,
  }
}
