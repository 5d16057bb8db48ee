/**
 * Preparing an estimate (docs/estimates.md): create it (numbered per family), choose the production it bills
 * (filters or explicit cells), add or remove deductive lines and penalties while it is a draft, and the family's
 * billing settings.
 */
import type {
  TEstimate,
  TEstimateAdjustmentRequest,
  TEstimateCreateRequest,
  TEstimateSelectionRequest,
  TEstimateSettings,
  TEstimateSettingsRequest,
} from '@faena/contracts'
import { ZEstimateCreateRequest, ZEstimateSelectionRequest } from '@faena/contracts'
import { addMonths } from '@faena/domain/calendar-date'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { currentLang } from '../../platform/i18n/language'
import { render } from '../../platform/i18n/messages'
import { estimatesMessages as M } from './estimates.messages'
import { Dec } from '../../platform/money/money'
import { allocateNumber } from '../../platform/numbering'
import { familyBillingConcepts } from '../production'
import { chooseCells } from './estimate-selection'
import { computeEstimate, toEstimate } from './estimate-view'
import type { EstimatesContext } from './estimates.context'
import * as repo from './estimates.repository'

export function createEstimateDraftUseCases(ctx: EstimatesContext) {
  const { db, clock } = ctx

  /** Recomputes and stores the figures of a draft after a change; refuses overbilling (409 naming the concepts). */
  async function storeFigures(trx: Executor, row: repo.EstimateRow) {
    const { snapshot, overbilled } = await computeEstimate(ctx, trx, row, null)
    if (overbilled.length > 0)
      throw new AppError(
        'CONFLICT',
        M.overbilled({
          concepts: overbilled
            // the list is rendered now, in the request's language (docs/platform.md "Messages and languages")
            .map((o) =>
              render(
                M.overbilledConcept({ code: o.code, over: o.over, authorized: o.authorized }),
                currentLang(),
              ),
            )
            .join('; '),
        }),
        { reason: 'overbilling', concepts: overbilled },
      )
    await repo.updateEstimate(trx, row.id, { totals: JSON.stringify(snapshot) }, clock())
  }

  async function createEstimate(actor: Actor, body: TEstimateCreateRequest): Promise<TEstimate> {
    requireAccess(actor, 'estimate.manage')
    const input = ZEstimateCreateRequest.parse(body)
    if (input.periodEnd < input.periodStart)
      throw new AppError('VALIDATION', M.periodEndsBeforeStart(), [
        fieldError('periodEnd', M.periodEndField()),
      ])
    const id = await db.transaction().execute(async (trx) => {
      const wo = await ctx.loadInitial(trx, actor.orgId, input.workOrderId)
      const settings = await ctx.settingsOf(trx, actor.orgId, wo.id)
      const last = addMonths(input.periodStart, settings.maxPeriodMonths)
      if (input.periodEnd >= last)
        throw new AppError('VALIDATION', M.periodTooLong({ months: settings.maxPeriodMonths }), [
          fieldError('periodEnd', M.periodEndBefore({ date: last })),
        ])
      const number = await allocateNumber(trx, { orgId: actor.orgId, series: `estimate-${wo.id}` })
      const id = await repo.insertEstimate(trx, {
        orgId: actor.orgId,
        familyId: wo.id,
        number,
        type: input.type,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        userId: ctx.userId(actor),
      })
      const row = await ctx.loadEstimate(trx, actor.orgId, id)
      await storeFigures(trx, row)
      await ctx.audit(trx, actor, { id, number, familyId: wo.id }, 'created', [
        { field: 'status', old: null, new: 'draft' },
        { field: 'type', old: null, new: input.type },
        { field: 'period', old: null, new: `${input.periodStart}/${input.periodEnd}` },
      ])
      return id
    })
    return toEstimate(ctx, db, await ctx.loadEstimate(db, actor.orgId, id))
  }

  async function saveSelection(
    actor: Actor,
    id: string,
    body: TEstimateSelectionRequest,
  ): Promise<TEstimate> {
    requireAccess(actor, 'estimate.manage')
    const input = ZEstimateSelectionRequest.parse(body)
    await db.transaction().execute(async (trx) => {
      const row = await ctx.loadEstimate(trx, actor.orgId, id, true)
      ctx.refuseUnlessStatus(row, 'draft')
      await ctx.lockFamily(trx, row.family_id)
      const before = await repo.listCells(trx, row.id)
      const chosen = await chooseCells(trx, row, input)
      await repo.deleteCells(trx, row.id)
      await repo.insertCells(trx, row.org_id, row.family_id, row.id, chosen.cells)
      await repo.updateEstimate(trx, row.id, { selection: JSON.stringify(chosen.selection) }, clock())
      await storeFigures(trx, row)
      const sum = (cs: readonly { volume: string }[]) =>
        cs.reduce((s, c) => s.plus(c.volume), new Dec(0)).toFixed()
      await ctx.audit(
        trx,
        actor,
        { id: row.id, number: row.number, familyId: row.family_id },
        'selection_saved',
        diffFields(
          { cells: before.length, volume: sum(before) },
          { cells: chosen.cells.length, volume: sum(chosen.cells) },
        ),
        { selection: chosen.selection, skipped: chosen.skipped },
      )
    })
    return toEstimate(ctx, db, await ctx.loadEstimate(db, actor.orgId, id))
  }

  async function addAdjustment(
    actor: Actor,
    id: string,
    body: TEstimateAdjustmentRequest,
  ): Promise<TEstimate> {
    requireAccess(actor, 'estimate.manage')
    await db.transaction().execute(async (trx) => {
      const row = await ctx.loadEstimate(trx, actor.orgId, id, true)
      ctx.refuseUnlessStatus(row, 'draft')
      await ctx.lockFamily(trx, row.family_id)
      let quantity: string | null = body.kind === 'deductive' ? body.quantity : null
      if (body.kind === 'price_difference') {
        if (row.type !== 'price_adjustment')
          throw new AppError('VALIDATION', M.priceDifferenceOnlyAdjustment(), [
            fieldError('kind', M.priceDifferenceOnlyAdjustmentField()),
          ])
        if (new Dec(body.priceDifferenceMxn).isZero() && new Dec(body.priceDifferenceUsd).isZero())
          throw new AppError('VALIDATION', M.priceDifferenceZero(), [
            fieldError('priceDifferenceMxn', M.priceDifferenceZeroField()),
          ])
        const billed = await repo.billedQuantityOfConcept(trx, row.family_id, body.conceptId)
        if (!new Dec(billed).greaterThan(0))
          throw new AppError('VALIDATION', M.nothingBilled(), [
            fieldError('conceptId', M.nothingBilledField()),
          ])
        quantity = billed
      } else if (body.kind === 'deductive') {
        const concepts = await familyBillingConcepts(trx, row.org_id, row.family_id)
        if (!concepts.has(body.conceptId))
          throw new AppError('VALIDATION', M.conceptOutsideFamily(), [
            fieldError('conceptId', M.conceptOutsideFamilyField()),
          ])
        if (!new Dec(body.quantity).greaterThan(0))
          throw new AppError('VALIDATION', M.deductiveQuantity(), [
            fieldError('quantity', M.greaterThanZero()),
          ])
      } else if (!new Dec(body.amountMxn).plus(body.amountUsd).greaterThan(0))
        throw new AppError('VALIDATION', M.penaltyNeedsAmount(), [
          fieldError('amountMxn', M.penaltyAmountField()),
        ])
      const adjustmentId = await repo.insertAdjustment(trx, {
        orgId: row.org_id,
        estimateId: row.id,
        kind: body.kind,
        conceptId: body.kind === 'penalty' ? null : body.conceptId,
        quantity,
        priceDifferenceMxn: body.kind === 'price_difference' ? body.priceDifferenceMxn : null,
        priceDifferenceUsd: body.kind === 'price_difference' ? body.priceDifferenceUsd : null,
        amountMxn: body.kind === 'penalty' ? body.amountMxn : '0',
        amountUsd: body.kind === 'penalty' ? body.amountUsd : '0',
        reason: body.reason,
        userId: ctx.userId(actor),
      })
      await storeFigures(trx, row)
      await ctx.audit(
        trx,
        actor,
        { id: row.id, number: row.number, familyId: row.family_id },
        'adjustment_added',
        [{ field: `adjustment.${adjustmentId}`, old: null, new: { ...body, quantity } }],
      )
    })
    return toEstimate(ctx, db, await ctx.loadEstimate(db, actor.orgId, id))
  }

  async function removeAdjustment(actor: Actor, id: string, adjustmentId: string): Promise<TEstimate> {
    requireAccess(actor, 'estimate.manage')
    await db.transaction().execute(async (trx) => {
      const row = await ctx.loadEstimate(trx, actor.orgId, id, true)
      ctx.refuseUnlessStatus(row, 'draft')
      await ctx.lockFamily(trx, row.family_id)
      const old = await repo.deleteAdjustment(trx, row.id, adjustmentId)
      if (!old) throw new AppError('NOT_FOUND', M.adjustmentNotFound())
      await storeFigures(trx, row)
      await ctx.audit(
        trx,
        actor,
        { id: row.id, number: row.number, familyId: row.family_id },
        'adjustment_removed',
        [{ field: `adjustment.${adjustmentId}`, old, new: null }],
      )
    })
    return toEstimate(ctx, db, await ctx.loadEstimate(db, actor.orgId, id))
  }

  async function getSettings(actor: Actor, workOrderId: string): Promise<TEstimateSettings> {
    requireAccess(actor, 'estimate.read')
    const wo = await ctx.loadInitial(db, actor.orgId, workOrderId)
    return ctx.settingsOf(db, actor.orgId, wo.id)
  }

  async function saveSettings(
    actor: Actor,
    workOrderId: string,
    body: TEstimateSettingsRequest,
  ): Promise<TEstimateSettings> {
    requireAccess(actor, 'estimate.manage')
    const codes = body.retentions.map((r) => r.code)
    const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i)
    if (dup >= 0)
      throw new AppError('VALIDATION', M.retentionRepeated({ code: codes[dup] ?? '' }), [
        fieldError(`retentions.${dup}.code`, M.codeRepeated()),
      ])
    await db.transaction().execute(async (trx) => {
      const wo = await ctx.loadInitial(trx, actor.orgId, workOrderId)
      await ctx.lockFamily(trx, wo.id)
      const old = await ctx.settingsOf(trx, actor.orgId, wo.id)
      const next = {
        iva_percent: new Dec(body.ivaPercent).toFixed(),
        advance_mxn: new Dec(body.advanceMxn).toFixed(),
        advance_usd: new Dec(body.advanceUsd).toFixed(),
        amortization_percent: new Dec(body.amortizationPercent).toFixed(),
        retentions: body.retentions.map((r) => ({ ...r, percent: new Dec(r.percent).toFixed() })),
        max_period_months: body.maxPeriodMonths,
      }
      await repo.upsertSettings(trx, actor.orgId, wo.id, next, ctx.userId(actor), clock())
      const after = await ctx.settingsOf(trx, actor.orgId, wo.id)
      await writeAudit(trx, actor, {
        action: 'estimate.settings_saved',
        module: 'estimates',
        entityType: 'work_order',
        entityId: wo.id,
        data: { number: wo.number },
        changes: diffFields(old, after, [
          'ivaPercent',
          'advanceMxn',
          'advanceUsd',
          'amortizationPercent',
          'retentions',
          'maxPeriodMonths',
        ]),
      })
    })
    return ctx.settingsOf(db, actor.orgId, workOrderId)
  }

  return { createEstimate, saveSelection, addAdjustment, removeAdjustment, getSettings, saveSettings }
}
