import type { TFieldError, TRentalAssignment } from '@faena/contracts'
import { type Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { lastDayOnSite, moneyString } from './assignment-rules'
import { toAssignment } from './rental-projects.mapping'
import * as repo from './rental-projects.repository'
import { type RentalProjectsContext } from './rental-projects.context'
import { projectsMessages as M } from './rental-projects.messages'

/**
 * The checks and loaders the assignment use cases share: rate, operation window inside the project, the
 * unit free for the window, the linked equipment, the assignment as answered and whether it can be deleted.
 */
export function createAssignmentChecks(ctx: RentalProjectsContext) {
  const { hasDocuments, loadProject, assertOpen } = ctx

  async function loadAssignment(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.findAssignment(trx, actor.orgId, id, { forUpdate })
    if (!row) throw new AppError('NOT_FOUND', M.assignmentNotFound())
    return row
  }

  function checkRate(value: string | number | undefined): string | undefined {
    if (value === undefined) return undefined
    const rate = moneyString(value)
    if (rate === null) throw validationError(M.invalidRate(), [fieldError('dailyRate', M.invalidAmount())])
    return rate
  }

  function checkWindow(project: repo.ProjectRow, start: string, end: string | null) {
    const errors: TFieldError[] = []
    if (start < project.start_date)
      errors.push(fieldError('operationStart', M.projectStartsOn({ date: project.start_date })))
    if (project.end_date && start > project.end_date)
      errors.push(fieldError('operationStart', M.projectEndsOn({ date: project.end_date })))
    if (end && end < start) errors.push(fieldError('operationEnd', M.operationEndBeforeStart()))
    if (errors.length > 0) throw validationError(M.invalidOperationDates(), errors)
  }

  /** An equipment may be assigned: operative, reviewed, not on another active assignment, not on site elsewhere in the window. */
  async function assertEquipmentFree(
    trx: Executor,
    actor: Actor,
    unit: repo.EquipmentRow,
    window: { start: string; end: string | null },
    exceptAssignmentId?: string,
  ) {
    const active = await repo.activeAssignmentOfEquipment(trx, actor.orgId, unit.id)
    if (active && active.id !== exceptAssignmentId) {
      throw new AppError('CONFLICT', M.equipmentAssigned({ code: unit.code, project: active.project_name }), {
        equipmentId: unit.id,
        projectId: active.project_id,
        projectName: active.project_name,
        assignmentId: active.id,
      })
    }
    if (unit.review_note) {
      throw new AppError(
        'INVALID_STATE',
        M.equipmentUnderReview({ code: unit.code, note: unit.review_note }),
        { equipmentId: unit.id },
      )
    }
    if (unit.condition !== 'operative') {
      throw new AppError(
        'INVALID_STATE',
        M.equipmentNotOperative({ code: unit.code, condition: unit.condition }),
        {
          equipmentId: unit.id,
          condition: unit.condition,
        },
      )
    }
    await assertWindowFree(trx, actor, unit, window, exceptAssignmentId)
  }

  async function deletableMap(trx: Executor, orgId: string, rows: readonly { id: string }[]) {
    const out = new Map<string, boolean>()
    for (const r of rows) out.set(r.id, !(await hasDocuments(trx, orgId, r.id)))
    return out
  }

  async function readAssignment(trx: Executor, actor: Actor, id: string): Promise<TRentalAssignment> {
    const row = await loadAssignment(trx, actor, id)
    return toAssignment(row, !(await hasDocuments(trx, actor.orgId, id)))
  }

  /**
   * A service's linked equipment: an equipment with an active assignment in the same project (the old picker
   * offered any rented equipment; docs/rental-projects.md#assignments).
   */
  async function checkLinkedEquipment(trx: Executor, actor: Actor, projectId: string, equipmentId: string) {
    const unit = await repo.findEquipment(trx, actor.orgId, equipmentId)
    const active = unit ? await repo.activeAssignmentOfEquipment(trx, actor.orgId, unit.id) : undefined
    if (!unit || unit.kind !== 'equipment' || !active || active.project_id !== projectId) {
      throw validationError(M.invalidLinkedEquipment(), [
        fieldError('linkedEquipmentId', M.chooseLinkedEquipment()),
      ])
    }
    return unit
  }

  async function loadChangeable(trx: Executor, actor: Actor, id: string) {
    const before = await loadAssignment(trx, actor, id, true)
    const project = await loadProject(trx, actor, before.project_id, true)
    assertOpen(project)
    return { before, project }
  }

  /**
   * No other assignment of the unit (any project, retired ones included) has it on site during the window:
   * a retirement dated in the future keeps the unit there until that date, so one unit is never billed twice.
   */
  async function assertWindowFree(
    trx: Executor,
    actor: Actor,
    unit: repo.EquipmentRow,
    window: { start: string; end: string | null },
    selfId?: string,
  ) {
    for (const other of await repo.listEquipmentAssignments(trx, actor.orgId, unit.id)) {
      if (other.id === selfId) continue
      const last = lastDayOnSite(other)
      if (last !== null && last < other.operation_start) continue // retired before it started: never on site
      if (
        (last === null || last >= window.start) &&
        (window.end === null || other.operation_start <= window.end)
      ) {
        throw new AppError(
          'CONFLICT',
          last
            ? M.equipmentOnSiteBetween({
                code: unit.code,
                project: other.project_name,
                start: other.operation_start,
                end: last,
              })
            : M.equipmentOnSiteSince({
                code: unit.code,
                project: other.project_name,
                start: other.operation_start,
              }),
          {
            equipmentId: unit.id,
            projectId: other.project_id,
            projectName: other.project_name,
            assignmentId: other.id,
            until: last,
          },
        )
      }
    }
  }

  return {
    loadAssignment,
    checkRate,
    checkWindow,
    assertEquipmentFree,
    deletableMap,
    readAssignment,
    checkLinkedEquipment,
    loadChangeable,
    assertWindowFree,
  }
}

export type AssignmentChecks = ReturnType<typeof createAssignmentChecks>
