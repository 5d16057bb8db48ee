import type {
  TBillingSheetDetail,
  TCreateBillingSheetRequest,
  TUpdateBillingSheetRequest,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { allocateNumber } from '../../platform/numbering'
import { findOrganizationById, getOrganizationSettings } from '../../platform/tenancy/organizations'
import { ENTITY, isUniqueViolation, MODULE, SHEET_SERIES } from './rental-billing.context'
import { headerSnapshot, projectSnapshot } from './rental-billing.mapping'
import * as repo from './rental-billing.repository'
import { DEFAULT_SHEET_PREFIX, FIRST_SERIES_NUMBER, formatSeriesCode, seriesPrefixOf } from './series-code'
import { periodsOverlap } from './sheet-lifecycle'
import { checkPeriod } from './sheet-period'
import type { RecomputingContext } from './sheet-recomputation'
import { billingMessages as M } from './rental-billing.messages'

export type CreateSheetOptions = TCreateBillingSheetRequest
export type UpdateSheetOptions = TUpdateBillingSheetRequest

/**
 * A billing sheet itself: creating it for a project and period (docs/rental-billing.md#creating-a-sheet),
 * editing its header fields, deleting it while in progress.
 */
export function createSheetUseCases(ctx: RecomputingContext) {
  const { db, clock, projects, documents, today, userId, scopeOf } = ctx
  const { loadSheet, requireAction, readDetail, recomputeSheet } = ctx

  /**
   * Creates a sheet for a project and period: checks the period (start < end, within the project), the
   * project (open), the one-in-progress and (project, period) rules and overlaps with live sheets; takes the
   * next series number of the year; computes its lines at once.
   */
  async function createSheet(actor: Actor, input: CreateSheetOptions): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    checkPeriod(input)
    const day = await today(actor.orgId)
    try {
      return await db.transaction().execute(async (trx) => {
        const project = await projects.getProject(trx, actor, input.projectId)
        if (!project)
          throw validationError(M.projectNotFound(), [fieldError('projectId', M.projectMissing())])
        if (project.closed)
          throw new AppError('INVALID_STATE', M.projectClosedNoNewSheets({ project: project.name }))
        checkPeriod(input, project)
        if (input.periodStart > day)
          throw validationError(M.periodNotStarted(), [
            fieldError('periodStart', M.periodStartsAfterToday({ start: input.periodStart, today: day })),
          ])
        const live = await repo.listProjectSheets(trx, actor.orgId, project.id, { forUpdate: true })
        const open = live.find((s) => s.status === 'in_progress')
        if (open) {
          throw new AppError('CONFLICT', M.openSheetExists({ code: open.series_code }), {
            billingSheetId: open.id,
            seriesCode: open.series_code,
          })
        }
        const period = { start: input.periodStart, end: input.periodEnd }
        const clash = live.find(
          (s) =>
            s.status !== 'cancelled' && periodsOverlap(period, { start: s.period_start, end: s.period_end }),
        )
        if (clash) {
          const same = clash.period_start === input.periodStart && clash.period_end === input.periodEnd
          throw new AppError(
            'CONFLICT',
            same
              ? M.samePeriodSheet({ code: clash.series_code })
              : M.periodOverlaps({
                  code: clash.series_code,
                  start: clash.period_start,
                  end: clash.period_end,
                }),
            { billingSheetId: clash.id, seriesCode: clash.series_code },
          )
        }
        const settings = await getOrganizationSettings(trx, actor.orgId)
        const org = await findOrganizationById(trx, actor.orgId)
        const prefix = seriesPrefixOf(settings.billingSeriesPrefix, DEFAULT_SHEET_PREFIX)
        const year = Number(day.slice(0, 4))
        const number = await allocateNumber(trx, {
          orgId: actor.orgId,
          series: SHEET_SERIES,
          year,
          start: FIRST_SERIES_NUMBER,
        })
        const inserted = await repo.insertSheet(trx, actor.orgId, userId(actor), {
          project_id: project.id,
          series_prefix: prefix,
          series_year: year,
          series_number: number,
          series_code: formatSeriesCode(prefix, year, number),
          period_start: input.periodStart,
          period_end: input.periodEnd,
          ...projectSnapshot(project),
          contact_reference: project.contactName,
          notes: input.notes ?? null,
          currency: org?.currencies[0] ?? 'USD',
          tax_rate: org?.taxRate ?? '0',
        })
        await writeAudit(trx, actor, {
          action: 'billing_sheet.created',
          module: MODULE,
          entityType: ENTITY,
          entityId: inserted.id,
          changes: diffFields(null, {
            seriesCode: inserted.series_code,
            projectName: project.name,
            periodStart: inserted.period_start,
            periodEnd: inserted.period_end,
          }),
          data: { seriesCode: inserted.series_code, projectId: project.id, status: inserted.status },
        })
        const sheet = await recomputeSheet(trx, actor, inserted, 'created', { field: 'periodEnd' })
        return readDetail(trx, actor, sheet)
      })
    } catch (err) {
      if (isUniqueViolation(err, 'billing_sheets_one_open_uq'))
        throw new AppError('CONFLICT', M.oneOpenSheet())
      if (isUniqueViolation(err, 'billing_sheets_period_uq'))
        throw new AppError('CONFLICT', M.onePeriodSheet())
      throw err
    }
  }

  /** Header fields (notes, client purchase order, contact) while the sheet is in progress. */
  async function updateSheet(
    actor: Actor,
    id: string,
    patch: UpdateSheetOptions,
  ): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const before = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(before, 'editLines')
      const values: repo.SheetPatch = { updated_at: clock() }
      if (patch.notes !== undefined) values.notes = patch.notes || null
      if (patch.clientPoReference !== undefined) values.client_po_reference = patch.clientPoReference || null
      if (patch.contactReference !== undefined) values.contact_reference = patch.contactReference || null
      const after = await repo.updateSheet(trx, actor.orgId, id, values)
      const changes = diffFields(headerSnapshot(before), headerSnapshot(after), [
        'notes',
        'clientPoReference',
        'contactReference',
      ])
      if (changes.length > 0) {
        await writeAudit(trx, actor, {
          action: 'billing_sheet.updated',
          module: MODULE,
          entityType: ENTITY,
          entityId: id,
          changes,
          data: { seriesCode: before.series_code },
        })
      }
      return readDetail(trx, actor, after)
    })
  }

  /**
   * Deletes an in-progress sheet: the period is free again (the series number is not reused), the guides
   * it billed are released and its certificate goes with it.
   */
  async function deleteSheet(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'billingSheet.manage')
    await db.transaction().execute(async (trx) => {
      const before = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(before, 'delete')
      await documents.unlinkDocumentsFromSheet(trx, actor, scopeOf(before))
      const cert = await repo.deleteCertificateOfSheet(trx, actor.orgId, id)
      const now = clock()
      await repo.updateSheet(trx, actor.orgId, id, {
        deleted_at: now,
        deleted_by: userId(actor),
        updated_at: now,
      })
      await writeAudit(trx, actor, {
        action: 'billing_sheet.deleted',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes: [{ field: 'deleted', old: false, new: true }],
        data: {
          seriesCode: before.series_code,
          periodStart: before.period_start,
          periodEnd: before.period_end,
          certificate: cert?.number ?? null,
        },
      })
    })
  }

  return { createSheet, updateSheet, deleteSheet }
}
