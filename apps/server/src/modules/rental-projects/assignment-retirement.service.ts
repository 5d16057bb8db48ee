import type {
  TReactivateRentalAssignmentRequest,
  TRentalAssignmentChange,
  TRetireRentalAssignmentRequest,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { addDays, firstOpenDay } from '../rental-billing'
import { endFromOpenDay, termsOf, touchedPeriod } from './frozen-periods'
import { assignmentSnapshot } from './rental-projects.mapping'
import * as repo from './rental-projects.repository'
import { MODULE, type RentalProjectsContext } from './rental-projects.context'
import { createAssignmentChecks } from './assignment-checks'
import { projectsMessages as M } from './rental-projects.messages'

/**
 * The end of an assignment: retire (the unit back to available), reactivate, delete (only without
 * documents or billed lines) — checked against the frozen billing periods like every change
 * (docs/rental-projects.md#frozen-billing-periods).
 */
export function createAssignmentRetirementUseCases(ctx: RentalProjectsContext) {
  const {
    clock,
    inTransaction,
    assignmentsChanged,
    frozenOf,
    frozenConflict,
    guardFrozen,
    hasDocuments,
    assertChainsInside,
    loadEquipment,
    releaseUnit,
  } = ctx
  const { checkWindow, assertEquipmentFree, readAssignment, loadChangeable } = createAssignmentChecks(ctx)

  /**
   * Retires an assignment on `date` (its last day on site, default today). An equipment is released and the
   * active services of the project linked to it are retired with the same date and reason.
   */
  async function retireAssignment(
    actor: Actor,
    id: string,
    input: TRetireRentalAssignmentRequest,
  ): Promise<TRentalAssignmentChange> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx, day) => {
      const { before } = await loadChangeable(trx, actor, id)
      if (before.retired_on)
        throw new AppError('INVALID_STATE', M.alreadyRetired({ date: before.retired_on }))
      const asked = input.date ?? day
      if (asked < before.operation_start) {
        throw validationError(M.invalidRetirementDate(), [
          fieldError('date', M.retirementBeforeStart({ start: before.operation_start })),
        ])
      }
      const { value: date, adjusted } = await guardFrozen(trx, actor, before.project_id, {
        before: termsOf(before),
        after: asked,
        terms: (d: string) => termsOf({ ...before, retired_on: d }),
        effectiveFrom: input.effectiveFrom,
        adjust: (d, open) => endFromOpenDay(before.operation_end, d, open) ?? d,
      })
      const cascaded = await retireIn(trx, actor, before, date, input.reason?.trim() || null, {
        ...(adjusted ? { effectiveFrom: 'firstOpenDay', requestedDate: asked } : {}),
      })
      await assignmentsChanged(trx, actor, before.project_id, {
        confirmDropManualDays: input.confirmDropManualDays,
      })
      return { ...(await readAssignment(trx, actor, id)), cascadedAssignmentIds: cascaded }
    })
  }

  /** Retires `before` on `date` (audited); an equipment is released and its linked active services follow. */
  async function retireIn(
    trx: Executor,
    actor: Actor,
    before: repo.AssignmentRow,
    date: string,
    reason: string | null,
    data: Record<string, unknown> = {},
  ): Promise<string[]> {
    const id = before.id
    {
      await assertChainsInside(trx, actor, before, { start: before.operation_start, end: date })
      await repo.updateAssignment(trx, actor.orgId, id, {
        retired_on: date,
        retirement_reason: reason,
        updated_at: clock(),
      })
      await writeAudit(trx, actor, {
        action: 'rental.assignment.retired',
        module: MODULE,
        entityType: 'rental_assignment',
        entityId: id,
        changes: [
          { field: 'retiredOn', old: before.retired_on, new: date },
          { field: 'retirementReason', old: before.retirement_reason, new: reason },
        ],
        data: { projectId: before.project_id, equipmentCode: before.equipment_code, ...data },
      })
      const cascaded: string[] = []
      if (before.kind === 'equipment') {
        await releaseUnit(trx, actor, before.equipment_id, before.project_id)
        for (const s of await repo.activeLinkedServices(
          trx,
          actor.orgId,
          before.project_id,
          before.equipment_id,
        )) {
          await assertChainsInside(
            trx,
            actor,
            { ...s, equipment_code: `vinculado a ${before.equipment_code}` },
            { start: s.operation_start, end: date },
          )
          await repo.updateAssignment(trx, actor.orgId, s.id, {
            retired_on: date,
            retirement_reason: reason,
            retired_with_id: id,
            updated_at: clock(),
          })
          await writeAudit(trx, actor, {
            action: 'rental.assignment.retired',
            module: MODULE,
            entityType: 'rental_assignment',
            entityId: s.id,
            changes: [
              { field: 'retiredOn', old: null, new: date },
              { field: 'retirementReason', old: null, new: reason },
            ],
            data: {
              projectId: before.project_id,
              cause: 'linked_equipment_retired',
              equipmentAssignmentId: id,
            },
          })
          cascaded.push(s.id)
        }
      }
      return cascaded
    }
  }

  /**
   * Undoes a retirement (the same row comes back, so billing keeps one line). Refused while the equipment is
   * active elsewhere (409 naming that project); the services retired with it come back too.
   */
  async function reactivateAssignment(
    actor: Actor,
    id: string,
    input: TReactivateRentalAssignmentRequest,
  ): Promise<TRentalAssignmentChange> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const { before, project } = await loadChangeable(trx, actor, id)
      if (!before.retired_on) throw new AppError('INVALID_STATE', M.notRetired())
      const start = input.operationStart ?? before.operation_start
      if (start < before.operation_start) {
        throw validationError(M.invalidStart(), [fieldError('operationStart', M.startOnlyForward())])
      }
      checkWindow(project, start, before.operation_end)
      await assertChainsInside(trx, actor, before, { start, end: before.operation_end })
      // the days after the retirement come back: never inside a liquidated or invoiced period
      await guardFrozen(trx, actor, before.project_id, {
        before: termsOf(before),
        after: start,
        terms: (s: string) => termsOf({ ...before, retired_on: null, operation_start: s }),
        effectiveFrom: input.effectiveFrom,
        adjust: (s) => s,
      })
      if (before.kind === 'equipment') {
        const unit = await loadEquipment(trx, actor, before.equipment_id, true)
        await assertEquipmentFree(trx, actor, unit, { start, end: before.operation_end }, id)
      }
      await repo.updateAssignment(trx, actor.orgId, id, {
        retired_on: null,
        retirement_reason: null,
        retired_with_id: null,
        operation_start: start,
        updated_at: clock(),
      })
      if (before.kind === 'equipment') {
        await repo.updateEquipment(trx, actor.orgId, before.equipment_id, {
          availability: 'rented',
          current_project_id: before.project_id,
          updated_at: clock(),
        })
      }
      await writeAudit(trx, actor, {
        action: 'rental.assignment.reactivated',
        module: MODULE,
        entityType: 'rental_assignment',
        entityId: id,
        changes: [
          { field: 'retiredOn', old: before.retired_on, new: null },
          { field: 'retirementReason', old: before.retirement_reason, new: null },
          ...(start !== before.operation_start
            ? [{ field: 'operationStart', old: before.operation_start, new: start }]
            : []),
        ],
        data: { projectId: before.project_id, equipmentCode: before.equipment_code },
      })
      const cascaded: string[] = []
      for (const s of await repo.servicesRetiredWith(trx, actor.orgId, id)) {
        const serviceStart = s.operation_start < start ? start : s.operation_start
        await assertChainsInside(
          trx,
          actor,
          { ...s, equipment_code: `vinculado a ${before.equipment_code}` },
          { start: serviceStart, end: s.operation_end },
        )
        await repo.updateAssignment(trx, actor.orgId, s.id, {
          retired_on: null,
          retirement_reason: null,
          retired_with_id: null,
          operation_start: serviceStart,
          updated_at: clock(),
        })
        await writeAudit(trx, actor, {
          action: 'rental.assignment.reactivated',
          module: MODULE,
          entityType: 'rental_assignment',
          entityId: s.id,
          changes: [{ field: 'retiredOn', old: s.retired_on, new: null }],
          data: {
            projectId: before.project_id,
            cause: 'linked_equipment_reactivated',
            equipmentAssignmentId: id,
          },
        })
        cascaded.push(s.id)
      }
      await assignmentsChanged(trx, actor, before.project_id, {
        confirmDropManualDays: input.confirmDropManualDays,
      })
      return { ...(await readAssignment(trx, actor, id)), cascadedAssignmentIds: cascaded }
    })
  }

  /**
   * Deletes an assignment (a mistake, not a retirement). Refused when documents reference it or one of the
   * services that go with it (the linked active services, and those retired with it). An equipment is released.
   */
  async function deleteAssignment(
    actor: Actor,
    id: string,
    opts: { effectiveFrom?: 'firstOpenDay'; confirmDropManualDays?: boolean } = {},
  ): Promise<{ ok: true; deletedIds: string[]; retiredIds?: string[] }> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const { before } = await loadChangeable(trx, actor, id)
      const changed = { confirmDropManualDays: opts.confirmDropManualDays }
      // billed by a liquidated or invoiced sheet: 409, or it leaves on the last frozen day when asked
      const frozen = await frozenOf(trx, actor.orgId, before.project_id)
      const open = firstOpenDay(frozen)
      const hit = touchedPeriod(frozen, termsOf(before), null)
      if (hit && open) {
        if (opts.effectiveFrom !== 'firstOpenDay') throw frozenConflict(hit, open)
        const lastFrozen = addDays(open, -1)
        if (lastFrozen < before.operation_start || (before.retired_on && before.retired_on <= lastFrozen))
          throw frozenConflict(hit, open, true)
        const cascaded = await retireIn(trx, actor, before, lastFrozen, before.retirement_reason, {
          effectiveFrom: 'firstOpenDay',
          requested: 'delete',
        })
        await assignmentsChanged(trx, actor, before.project_id, changed)
        return { ok: true as const, deletedIds: [], retiredIds: [id, ...cascaded] }
      }
      const withIt =
        before.kind === 'equipment'
          ? [
              ...(before.retired_on
                ? []
                : await repo.activeLinkedServices(trx, actor.orgId, before.project_id, before.equipment_id)),
              ...(await repo.servicesRetiredWith(trx, actor.orgId, id)),
            ]
          : []
      const all = [before, ...withIt]
      const blocked: string[] = []
      for (const a of all) if (await hasDocuments(trx, actor.orgId, a.id)) blocked.push(a.id)
      if (blocked.length > 0) {
        throw new AppError(
          'CONFLICT',
          blocked.includes(id) ? M.documentsUseAssignment() : M.documentsUseLinkedService(),
          { assignmentIds: blocked },
        )
      }
      if (before.kind === 'equipment' && !before.retired_on)
        await releaseUnit(trx, actor, before.equipment_id, before.project_id)
      const ids = [...new Set(all.map((a) => a.id))]
      await repo.deleteAssignments(trx, actor.orgId, ids)
      for (const a of all) {
        await writeAudit(trx, actor, {
          action: 'rental.assignment.deleted',
          module: MODULE,
          entityType: 'rental_assignment',
          entityId: a.id,
          changes: diffFields(assignmentSnapshot(a), {}, [
            'dailyRate',
            'operationStart',
            'operationEnd',
            'retiredOn',
          ]),
          data: {
            projectId: before.project_id,
            equipmentId: a.equipment_id,
            description: a.description,
            ...(a.id !== id ? { cause: 'linked_equipment_deleted', equipmentAssignmentId: id } : {}),
          },
        })
      }
      await assignmentsChanged(trx, actor, before.project_id, changed)
      return { ok: true as const, deletedIds: ids }
    })
  }

  return {
    retireAssignment,
    reactivateAssignment,
    deleteAssignment,
  }
}
