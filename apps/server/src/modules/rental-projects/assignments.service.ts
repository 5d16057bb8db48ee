import type {
  TCreateRentalAssignmentInput,
  TRentalAssignment,
  TUpdateRentalAssignmentRequest,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { defaultDescription, normaliseFrequency } from './assignment-rules'
import { latestRate, normaliseRates, withRateFrom, type RateEntry } from '../rental-billing'
import { endFromOpenDay, startFromOpenDay, termsOf } from './frozen-periods'
import { assignmentSnapshot, toAssignment } from './rental-projects.mapping'
import * as repo from './rental-projects.repository'
import { MODULE, isUniqueViolation, orNull, type RentalProjectsContext } from './rental-projects.context'
import { createAssignmentChecks } from './assignment-checks'
import { projectsMessages as M } from './rental-projects.messages'

/**
 * Assignments of equipment and services to a project at a daily rate: list, read, create, update — each
 * checked against the frozen billing periods and followed by the billing recomputation
 * (docs/rental-projects.md#frozen-billing-periods). Retirement, reactivation and deletion:
 * assignment-retirement.service.ts.
 */
export function createAssignmentUseCases(ctx: RentalProjectsContext) {
  const {
    db,
    clock,
    userId,
    inTransaction,
    assignmentsChanged,
    guardFrozen,
    hasDocuments,
    assertChainsInside,
    loadProject,
    assertOpen,
    loadEquipment,
  } = ctx
  const {
    checkRate,
    checkWindow,
    assertEquipmentFree,
    deletableMap,
    readAssignment,
    checkLinkedEquipment,
    loadChangeable,
    assertWindowFree,
  } = createAssignmentChecks(ctx)

  async function listAssignments(
    actor: Actor,
    projectId: string,
    query: { status?: 'active' | 'retired' | undefined },
  ) {
    requireAccess(actor, 'rental.read')
    return db.transaction().execute(async (trx) => {
      await loadProject(trx, actor, projectId)
      const rows = await repo.listProjectAssignments(trx, actor.orgId, projectId, query.status)
      const deletable = await deletableMap(trx, actor.orgId, rows)
      return { items: rows.map((r) => toAssignment(r, deletable.get(r.id) ?? true)), total: rows.length }
    })
  }

  async function getAssignment(actor: Actor, id: string): Promise<TRentalAssignment> {
    requireAccess(actor, 'rental.read')
    return db.transaction().execute((trx) => readAssignment(trx, actor, id))
  }

  async function createAssignment(
    actor: Actor,
    projectId: string,
    input: TCreateRentalAssignmentInput,
  ): Promise<TRentalAssignment> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const project = await loadProject(trx, actor, projectId, true)
      assertOpen(project)
      const freq = normaliseFrequency(input)
      if (!freq.ok) throw validationError(M.invalidFrequency(), freq.errors)
      const rate = checkRate(input.dailyRate)!
      const end = input.operationEnd ?? null
      checkWindow(project, input.operationStart, end)
      const item = await repo.findEquipment(trx, actor.orgId, input.equipmentId, { forUpdate: true })
      if (!item)
        throw validationError(M.invalidEquipment(), [fieldError('equipmentId', M.equipmentMissing())])
      // a start inside a liquidated or invoiced period: 409, or from the first open day when asked
      const { value: start, adjusted } = await guardFrozen(trx, actor, projectId, {
        before: null,
        after: input.operationStart,
        terms: (s) =>
          termsOf({
            kind: item.kind,
            operation_start: s,
            operation_end: end,
            retired_on: null,
            frequency: freq.value.kind,
            frequency_days: freq.value.days,
            daily_rate: rate,
          }),
        effectiveFrom: input.effectiveFrom,
        adjust: (s, open) => startFromOpenDay(null, s, open),
      })
      if (adjusted) checkWindow(project, start, end)
      let linked: repo.EquipmentRow | undefined
      if (item.kind === 'equipment') {
        if (input.linkedEquipmentId) {
          throw validationError(M.invalidLink(), [fieldError('linkedEquipmentId', M.onlyServiceLinks())])
        }
        await assertEquipmentFree(trx, actor, item, { start, end })
      } else if (input.linkedEquipmentId) {
        linked = await checkLinkedEquipment(trx, actor, projectId, input.linkedEquipmentId)
      }
      const values: repo.AssignmentValues = {
        project_id: projectId,
        equipment_id: item.id,
        kind: item.kind,
        daily_rate: rate,
        description: input.description?.trim() || defaultDescription(item, linked),
        frequency: freq.value.kind,
        frequency_days: freq.value.days,
        operation_start: start,
        operation_end: end,
        linked_equipment_id: linked?.id ?? null,
        notes: orNull(input.notes),
      }
      const row = await repo
        .insertAssignment(trx, actor.orgId, userId(actor), values)
        .catch((err: unknown) => {
          if (isUniqueViolation(err, 'rental_assignments_one_active_uq')) {
            throw new AppError('CONFLICT', M.equipmentOnOtherProject({ code: item.code }), {
              equipmentId: item.id,
            })
          }
          throw err
        })
      if (item.kind === 'equipment') {
        await repo.updateEquipment(trx, actor.orgId, item.id, {
          availability: 'rented',
          current_project_id: projectId,
          updated_at: clock(),
        })
      }
      await writeAudit(trx, actor, {
        action: 'rental.assignment.created',
        module: MODULE,
        entityType: 'rental_assignment',
        entityId: row.id,
        changes: diffFields(null, assignmentSnapshot(row)),
        data: {
          projectId,
          equipmentId: item.id,
          equipmentCode: item.code,
          kind: item.kind,
          ...(adjusted ? { effectiveFrom: 'firstOpenDay', requestedStart: input.operationStart } : {}),
        },
      })
      await assignmentsChanged(trx, actor, projectId, {
        confirmDropManualDays: input.confirmDropManualDays,
        field: 'dailyRate',
      })
      return toAssignment(row, !(await hasDocuments(trx, actor.orgId, row.id)))
    })
  }

  async function updateAssignment(
    actor: Actor,
    id: string,
    patch: TUpdateRentalAssignmentRequest,
  ): Promise<TRentalAssignment> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const { before, project } = await loadChangeable(trx, actor, id)
      if (before.retired_on) {
        throw new AppError('INVALID_STATE', M.assignmentRetired())
      }
      const frequencyGiven =
        patch.frequency !== undefined || patch.weekdays !== undefined || patch.monthdays !== undefined
      let frequency = { kind: before.frequency, days: before.frequency_days }
      if (frequencyGiven) {
        const freq = normaliseFrequency({
          frequency: patch.frequency ?? before.frequency,
          weekdays: patch.weekdays ?? (before.frequency === 'weekdays' ? before.frequency_days : undefined),
          monthdays:
            patch.monthdays ?? (before.frequency === 'monthdays' ? before.frequency_days : undefined),
        })
        if (!freq.ok) throw validationError(M.invalidFrequency(), freq.errors)
        frequency = freq.value
      }
      const rate = checkRate(patch.dailyRate)
      if (patch.rateEffectiveFrom && rate === undefined)
        throw validationError(M.rateMissing(), [fieldError('dailyRate', M.rateRequired())])
      const beforeRates = normaliseRates(before.rate_history, before.daily_rate)
      const ratesFrom = (from: string | null, s: string) =>
        rate === undefined ? beforeRates : withRateFrom(beforeRates, before.daily_rate, from, rate, s)
      type Draft = { start: string; end: string | null; rates: RateEntry[] }
      const asked: Draft = {
        start: patch.operationStart ?? before.operation_start,
        end: patch.operationEnd !== undefined ? patch.operationEnd : before.operation_end,
        rates: [],
      }
      asked.rates = ratesFrom(patch.rateEffectiveFrom ?? null, asked.start)
      // what a liquidated or invoiced sheet billed stays as it was (docs/rental-projects.md#frozen-billing-periods)
      const guarded = await guardFrozen(trx, actor, before.project_id, {
        before: termsOf(before),
        after: asked,
        terms: (d: Draft) =>
          termsOf({
            ...before,
            operation_start: d.start,
            operation_end: d.end,
            frequency: frequency.kind,
            frequency_days: frequency.days,
            daily_rate: latestRate(d.rates),
            rate_history: d.rates,
          }),
        effectiveFrom: patch.effectiveFrom,
        adjust: (d, open) => {
          const s = startFromOpenDay(before.operation_start, d.start, open)
          const from =
            patch.rateEffectiveFrom && patch.rateEffectiveFrom > open ? patch.rateEffectiveFrom : open
          return {
            start: s,
            end: endFromOpenDay(before.operation_end, d.end, open),
            rates: ratesFrom(from, s),
          }
        },
      })
      const { start, end, rates } = guarded.value
      if (start !== before.operation_start || end !== before.operation_end) {
        checkWindow(project, start, end)
        await assertChainsInside(trx, actor, before, { start, end })
        if (before.kind === 'equipment') {
          const unit = await loadEquipment(trx, actor, before.equipment_id, true)
          // only the dates matter here: the unit is already on this assignment
          await assertWindowFree(trx, actor, unit, { start, end }, id)
        }
      }
      let linkedId = before.linked_equipment_id
      if (patch.linkedEquipmentId !== undefined && patch.linkedEquipmentId !== before.linked_equipment_id) {
        if (before.kind === 'equipment' && patch.linkedEquipmentId) {
          throw validationError(M.invalidLink(), [fieldError('linkedEquipmentId', M.onlyServiceLinks())])
        }
        linkedId = patch.linkedEquipmentId
          ? (await checkLinkedEquipment(trx, actor, before.project_id, patch.linkedEquipmentId)).id
          : null
      }
      const values: Partial<repo.AssignmentValues> = {
        daily_rate: latestRate(rates),
        rate_history: JSON.stringify(rates),
        description: patch.description?.trim() || before.description,
        frequency: frequency.kind,
        frequency_days: frequency.days,
        operation_start: start,
        operation_end: end,
        linked_equipment_id: linkedId,
        notes: patch.notes !== undefined ? orNull(patch.notes) : before.notes,
      }
      const changes = diffFields(
        assignmentSnapshot(before),
        assignmentSnapshot({ ...before, ...values, rate_history: rates }),
      )
      if (changes.length === 0) return toAssignment(before, !(await hasDocuments(trx, actor.orgId, id)))
      await repo.updateAssignment(trx, actor.orgId, id, { ...values, updated_at: clock() })
      await writeAudit(trx, actor, {
        action: 'rental.assignment.updated',
        module: MODULE,
        entityType: 'rental_assignment',
        entityId: id,
        changes,
        data: {
          projectId: before.project_id,
          equipmentCode: before.equipment_code,
          ...(guarded.adjusted ? { effectiveFrom: 'firstOpenDay', firstOpenDay: guarded.open } : {}),
        },
      })
      await assignmentsChanged(trx, actor, before.project_id, {
        confirmDropManualDays: patch.confirmDropManualDays,
        field: patch.dailyRate !== undefined ? 'dailyRate' : 'operationStart',
      })
      return readAssignment(trx, actor, id)
    })
  }

  return {
    listAssignments,
    getAssignment,
    createAssignment,
    updateAssignment,
  }
}
