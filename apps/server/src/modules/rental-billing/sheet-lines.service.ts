import type {
  TBillingSheetDetail,
  TRestoreBillingLineRequest,
  TUpdateLineDaysRequest,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { rentalAssignments } from './billing-inputs'
import { lineKey, rentalSourceVersion, validateDayEdit } from './billing-lines'
import { dayChanges } from './line-records'
import { ENTITY, MODULE } from './rental-billing.context'
import { money } from './rental-billing.mapping'
import * as repo from './rental-billing.repository'
import type { RecomputingContext } from './sheet-recomputation'
import { billingMessages as M } from './rental-billing.messages'

export type SetLineDaysOptions = TUpdateLineDaysRequest
export type RestoreLineOptions = TRestoreBillingLineRequest

/**
 * The lines the user changes on an in-progress sheet: manual billed days of a rental line, removing and
 * restoring a line (docs/rental-billing.md#lines-the-user-changes). Each change recomputes the sheet.
 */
export function createSheetLineUseCases(ctx: RecomputingContext) {
  const { db, clock, projects, userId, loadSheet, requireAction } = ctx
  const { readDetail, dropManualDays, recomputeSheet } = ctx

  async function loadLine(trx: Executor, actor: Actor, sheet: repo.SheetRow, lineId: string) {
    const line = await repo.findLine(trx, actor.orgId, sheet.id, lineId)
    if (!line) throw new AppError('NOT_FOUND', M.lineNotFound())
    return line
  }

  /**
   * Manual billed days of a rental line: real dates inside the period and the equipment's operation
   * windows (the frequency does not restrict a manual day). Stored as dates with the line's assignment
   * version: they survive recomputation until an assignment of the equipment changes.
   */
  async function setLineDays(
    actor: Actor,
    id: string,
    lineId: string,
    input: SetLineDaysOptions,
  ): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const sheet = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(sheet, 'editLines')
      const line = await loadLine(trx, actor, sheet, lineId)
      if (line.kind !== 'rental' || !line.equipment_id)
        throw new AppError('INVALID_STATE', M.onlyRentalDays(), {
          kind: line.kind,
        })
      const assignments = rentalAssignments(
        await projects.listAssignments(trx, actor, sheet.project_id),
      ).filter((a) => a.equipmentId === line.equipment_id)
      const period = { start: sheet.period_start, end: sheet.period_end }
      const check = validateDayEdit({ period, assignments, dates: input.dates })
      if (!check.ok) throw validationError(M.invalidDays(), check.errors)
      // a line split by a rate change takes only its own dates; the edit is kept for the whole equipment
      const window = new Set(line.allowed_dates)
      const outside = input.dates.findIndex((d) => !window.has(d))
      if (outside >= 0)
        throw validationError(M.invalidDays(), [fieldError(`dates.${outside}`, M.dateOutsideRate())])
      const baseKey = lineKey.rental(line.equipment_id)
      const siblings = (await repo.listLines(trx, actor.orgId, sheet.id)).filter(
        (l) => l.kind === 'rental' && l.equipment_id === line.equipment_id && l.id !== line.id,
      )
      const allDates = [...new Set([...siblings.flatMap((l) => l.dates), ...check.dates])].sort()
      const now = clock()
      await repo.upsertLineState(trx, actor.orgId, sheet.id, {
        key: baseKey,
        kind: line.kind,
        description: line.description,
        day_edit_dates: allDates,
        day_edit_version: line.source_version ?? rentalSourceVersion(assignments),
        day_edit_at: now,
        day_edit_by: userId(actor),
      })
      await writeAudit(trx, actor, {
        action: 'billing_sheet.line_days_changed',
        module: MODULE,
        entityType: ENTITY,
        entityId: sheet.id,
        changes: dayChanges(line.dates, check.dates),
        data: {
          seriesCode: sheet.series_code,
          lineId,
          key: line.key,
          description: line.description,
          dates: check.dates,
        },
      })
      const after = await recomputeSheet(trx, actor, sheet, 'line_days', { field: 'dates' })
      return readDetail(trx, actor, after)
    })
  }

  /** Drops the manual days of a rental line: the computed dates are billed again. */
  async function clearLineDays(actor: Actor, id: string, lineId: string): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const sheet = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(sheet, 'editLines')
      const line = await loadLine(trx, actor, sheet, lineId)
      const key = line.kind === 'rental' && line.equipment_id ? lineKey.rental(line.equipment_id) : line.key
      const state = (await repo.listLineStates(trx, actor.orgId, sheet.id)).find((s) => s.key === key)
      if (state?.day_edit_dates) {
        await dropManualDays(trx, actor.orgId, sheet.id, {
          key,
          kind: line.kind,
          description: line.description,
          removed: state.removed,
        })
        await writeAudit(trx, actor, {
          action: 'billing_sheet.line_days_reset',
          module: MODULE,
          entityType: ENTITY,
          entityId: sheet.id,
          changes: [{ field: 'quantity', old: line.quantity, new: null }],
          data: { seriesCode: sheet.series_code, lineId, key: line.key, description: line.description },
        })
      }
      const after = await recomputeSheet(trx, actor, sheet, 'line_days')
      return readDetail(trx, actor, after)
    })
  }

  /**
   * Removes a line from the sheet: it is never emitted again, whatever changes, until restored. A service
   * line cannot be removed — its days come from the custody chains of the period: cancel the chains instead
   * (docs/rental-billing.md#lines-the-user-changes).
   */
  async function removeLine(actor: Actor, id: string, lineId: string): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const sheet = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(sheet, 'editLines')
      const line = await loadLine(trx, actor, sheet, lineId)
      if (line.kind === 'service')
        throw new AppError('INVALID_STATE', M.serviceLineFromChains(), { kind: line.kind })
      const now = clock()
      await repo.upsertLineState(trx, actor.orgId, sheet.id, {
        key: line.key,
        kind: line.kind,
        description: line.description,
        removed: true,
        removed_at: now,
        removed_by: userId(actor),
      })
      await writeAudit(trx, actor, {
        action: 'billing_sheet.line_removed',
        module: MODULE,
        entityType: ENTITY,
        entityId: sheet.id,
        changes: [{ field: 'lines', old: line.description, new: null }],
        data: { seriesCode: sheet.series_code, lineId, key: line.key, total: money(line.total) },
      })
      const after = await recomputeSheet(trx, actor, sheet, 'line_removed')
      return readDetail(trx, actor, after)
    })
  }

  /** Brings back a line the user removed (by its key); it is computed again from its sources. */
  async function restoreLine(
    actor: Actor,
    id: string,
    input: RestoreLineOptions,
  ): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const sheet = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(sheet, 'editLines')
      const state = (await repo.listLineStates(trx, actor.orgId, sheet.id)).find(
        (s) => s.key === input.key && s.removed,
      )
      if (!state) throw new AppError('NOT_FOUND', M.removedLineNotFound())
      if (state.day_edit_dates)
        await repo.upsertLineState(trx, actor.orgId, sheet.id, {
          key: state.key,
          kind: state.kind,
          description: state.description,
          removed: false,
          removed_at: null,
          removed_by: null,
        })
      else await repo.deleteLineState(trx, actor.orgId, sheet.id, state.key)
      await writeAudit(trx, actor, {
        action: 'billing_sheet.line_restored',
        module: MODULE,
        entityType: ENTITY,
        entityId: sheet.id,
        changes: [{ field: 'lines', old: null, new: state.description }],
        data: { seriesCode: sheet.series_code, key: state.key },
      })
      const after = await recomputeSheet(trx, actor, sheet, 'line_restored', { field: 'key' })
      return readDetail(trx, actor, after)
    })
  }

  return { setLineDays, clearLineDays, removeLine, restoreLine }
}
