import type {
  TExcessReasonRequest,
  TExcessReasonSaved,
  TFieldError,
  TProductionGrid,
  TProductionGridDay,
  TProductionGridQuery,
  TProductionGridRow,
  TProductionGridSaved,
  TProductionGridSaveRequest,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { Dec } from '../../platform/money/money'
import { listPlannedVolumes } from '../work-order-concepts'
import { refuseBilledCells } from './billed-cells'
import { CLOSED, isMonthClosed, refuseClosedCells } from './closed-months'
import { newlyExcess, notifyNewExcess } from './excess-notice'
import type { ProductionContext } from './production.context'
import { createFamilyReads } from './production-family'
import * as grepo from './production-grid.repository'
import * as repo from './production.repository'
import { compareConcepts } from './production-grid-rules'
import type { windowAtSite } from './production-rules'
import { firstDay, lastDay, monthDays, outsideWindow } from './production-rules'
import { productionMessages as M } from './production.messages'

const ZERO = '0'
const key = (conceptId: string, day: string) => `${conceptId}|${day}`
const plain = (v: Dec) => v.toFixed()

/**
 * The production grid, its save with the family-wide excess, KPIs, the reason for an excess
 * (docs/production.md#production-grid); the family's concepts and excess basis in production-family.ts, the
 * exchange rates in exchange-rates.service.ts.
 */
export function createProductionGridUseCases(ctx: ProductionContext) {
  const { db } = ctx

  const { familyConcepts, authorizedOf, ensureExcessCurrent, loadAtSite } = createFamilyReads(ctx)

  /** Days the grid cannot write, with why: outside the window, closed month, signed, a status without production. */
  async function blockedDays(
    ex: Executor,
    orgId: string,
    workOrderId: string,
    siteId: string,
    month: string,
    window: NonNullable<ReturnType<typeof windowAtSite>>,
  ) {
    const out = new Map<string, string>()
    for (const d of monthDays(month)) {
      const w = outsideWindow(window, d)
      if (w) out.set(d, w)
    }
    if (await isMonthClosed(ex, orgId, workOrderId, month))
      for (const d of monthDays(month)) if (!out.has(d)) out.set(d, CLOSED)
    for (const f of await repo.dayFacts(ex, orgId, workOrderId, siteId, firstDay(month), lastDay(month))) {
      if (out.has(f.day)) continue
      if (f.signature === 'signed') out.set(f.day, 'signed')
      else if (f.allows_production === false) out.set(f.day, 'no_production')
    }
    return out
  }

  async function getGrid(actor: Actor, q: TProductionGridQuery): Promise<TProductionGrid> {
    requireAccess(actor, 'production.read')
    const { orgId } = actor
    const { initial, members, window } = await loadAtSite(db, orgId, q.workOrderId, q.siteId, q.month)
    const { concepts, active } = await ensureExcessCurrent(orgId, initial.familyId, members)
    // planned volumes per day: the month of the programme of the version that gives each concept
    const sourceOf = new Map(
      [...new Set([...concepts.values()].map((c) => c.sourceWorkOrderId))].flatMap((wo) => {
        const a = active.get(wo)
        return a ? [[a.importId, wo] as const] : []
      }),
    )
    const [programme, entries, sums, blocked, version, rate, billedList] = await Promise.all([
      listPlannedVolumes(db, orgId, [...sourceOf.keys()], firstDay(q.month), lastDay(q.month)),
      grepo.listGridEntries(db, orgId, initial.id, q.siteId, firstDay(q.month), lastDay(q.month)),
      grepo.familySums(db, orgId, initial.familyId, firstDay(q.month), lastDay(q.month), {
        workOrderId: initial.id,
        siteId: q.siteId,
      }),
      blockedDays(db, orgId, initial.id, q.siteId, q.month, window),
      grepo.getVersion(db, orgId, { ...q, month: firstDay(q.month) }),
      grepo.rateOn(db, orgId, lastDay(q.month)),
      ctx.billedCells(db, orgId, {
        familyId: initial.id,
        siteId: q.siteId,
        timeType: q.timeType,
        from: firstDay(q.month),
        to: lastDay(q.month),
      }),
    ])
    const billed = new Map(billedList.map((b) => [key(b.conceptId, b.date), b.estimateNumber]))
    const planned = new Map<string, string>()
    for (const p of programme)
      if (concepts.get(p.conceptId)?.sourceWorkOrderId === sourceOf.get(p.importId))
        planned.set(key(p.conceptId, p.day), p.volume)
    const mine = new Map<string, { volume: string; excess: boolean; reason: string | null }>()
    const other = new Map<string, string>()
    for (const e of entries)
      for (const [day, volume, excess, reason] of e.cells) {
        if (e.time_type === q.timeType) mine.set(key(e.concept_id, day), { volume, excess, reason })
        else other.set(key(e.concept_id, day), volume)
      }
    const days = monthDays(q.month)
    let authMxn = new Dec(0)
    let authUsd = new Dec(0)
    let execMxn = new Dec(0)
    let execUsd = new Dec(0)
    let accMxn = new Dec(0)
    let accUsd = new Dec(0)
    const rows: TProductionGridRow[] = [...concepts.values()].sort(compareConcepts).map((c) => {
      const s = sums.get(c.conceptId) ?? { before: ZERO, within: ZERO, mine: ZERO }
      const pm = new Dec(c.unitPriceMxn)
      const pu = new Dec(c.unitPriceUsd)
      authMxn = authMxn.plus(pm.times(c.authorizedVolume))
      authUsd = authUsd.plus(pu.times(c.authorizedVolume))
      execMxn = execMxn.plus(pm.times(s.within))
      execUsd = execUsd.plus(pu.times(s.within))
      accMxn = accMxn.plus(pm.times(s.before))
      accUsd = accUsd.plus(pu.times(s.before))
      // volumes come without trailing zeros (trim_scale), the month's sum from the same query as the family's
      const month = new Dec(s.mine)
      const cells = days.map((d): TProductionGridDay => {
        const k = key(c.conceptId, d)
        const e = mine.get(k)
        return {
          date: d,
          volume: e ? e.volume : ZERO,
          otherVolume: other.get(k) ?? ZERO,
          planned: planned.get(k) ?? ZERO,
          excess: e?.excess ?? false,
          excessReason: e?.reason ?? null,
          blocked: blocked.has(d),
          billedBy: billed.get(k) ?? null,
        }
      })
      const toDate = new Dec(s.before).plus(s.within)
      return {
        conceptId: c.conceptId,
        annex: c.annex,
        code: c.code,
        description: c.description,
        unit: c.unit,
        authorizedVolume: new Dec(c.authorizedVolume).toFixed(),
        unitPriceMxn: pm.toFixed(),
        unitPriceUsd: pu.toFixed(),
        monthVolume: plain(month),
        volumeToDate: plain(toDate),
        amountMxn: plain(month.times(pm)),
        amountUsd: plain(month.times(pu)),
        status: toDate.greaterThan(c.authorizedVolume) ? 'excess' : 'authorized',
        days: cells,
      }
    })
    const r = rate ? new Dec(rate.rate) : null
    return {
      workOrderId: initial.id,
      number: initial.number,
      siteId: q.siteId,
      month: q.month,
      timeType: q.timeType,
      version: version?.version ?? 0,
      blockedDays: [...blocked]
        .map(([date, reason]) => ({ date, reason }))
        .sort((a, b) => (a.date < b.date ? -1 : 1)),
      rows,
      totals: {
        authorizedMxn: plain(authMxn),
        authorizedUsd: plain(authUsd),
        executedMxn: plain(execMxn),
        executedUsd: plain(execUsd),
        accumulatedMxn: plain(accMxn),
        accumulatedUsd: plain(accUsd),
        remainingMxn: plain(authMxn.minus(accMxn).minus(execMxn)),
        remainingUsd: plain(authUsd.minus(accUsd).minus(execUsd)),
        exchangeRate: r ? r.toFixed() : null,
        exchangeRateFrom: rate?.valid_from ?? null,
        authorizedHomologatedMxn: r ? plain(authMxn.plus(authUsd.times(r))) : null,
        executedHomologatedMxn: r ? plain(execMxn.plus(execUsd.times(r))) : null,
      },
    }
  }

  /**
   * One save = one transaction: a stale version is a 409 with what the other save changed; a cell on a signed
   * day, or with volume on a day whose status allows no production, refuses the whole save naming the cells;
   * zero deletes; then the family's excess flags are recomputed in one statement.
   */
  async function saveGrid(actor: Actor, body: TProductionGridSaveRequest): Promise<TProductionGridSaved> {
    requireAccess(actor, 'production.capture')
    const { orgId } = actor
    const month = firstDay(body.month)
    const days = new Set(monthDays(body.month))
    const problems: TFieldError[] = []
    const seen = new Set<string>()
    body.cells.forEach((c, i) => {
      if (!days.has(c.date))
        problems.push(fieldError(`cells.${i}.date`, M.dayNotInMonth({ date: c.date, month: body.month })))
      const k = key(c.conceptId, c.date)
      if (seen.has(k)) problems.push(fieldError(`cells.${i}`, M.repeatedGridCell({ date: c.date })))
      seen.add(k)
    })
    if (problems.length) throw new AppError('VALIDATION', M.invalidCells(), problems)
    return db.transaction().execute(async (trx) => {
      const { initial, members, window } = await loadAtSite(
        trx,
        orgId,
        body.workOrderId,
        body.siteId,
        body.month,
      )
      await grepo.setSaveSettings(trx)
      const lockedBasis = await grepo.lockFamilyBasis(trx, orgId, initial.familyId)
      const vkey = { workOrderId: initial.id, siteId: body.siteId, month, timeType: body.timeType }
      const current = await grepo.getVersion(trx, orgId, vkey, { forUpdate: true })
      if ((current?.version ?? 0) !== body.version)
        throw new AppError('CONFLICT', M.staleGrid(), {
          reason: 'stale_version',
          version: current?.version ?? 0,
          savedBy: current?.saved_by ?? null,
          savedAt: current?.saved_at ? new Date(current.saved_at).toISOString() : null,
          changes: current?.last_changes ?? [],
        })
      const { concepts, basis } = await familyConcepts(trx, orgId, members)
      body.cells.forEach((c, i) => {
        if (!concepts.has(c.conceptId))
          problems.push(fieldError(`cells.${i}.conceptId`, M.conceptNotInAnnexC()))
        else if (outsideWindow(window, c.date))
          problems.push(fieldError(`cells.${i}.date`, M.outsideValidity({ cell: c.date })))
      })
      if (problems.length) throw new AppError('VALIDATION', M.cellsNotSaved(), problems)
      const existing = new Map(
        (
          await grepo.listEntries(
            trx,
            orgId,
            initial.id,
            body.siteId,
            firstDay(body.month),
            lastDay(body.month),
            body.timeType,
          )
        ).map((e) => [key(e.concept_id, e.day), e.volume]),
      )
      // the grid's excess cells before the save: only cells newly excess are announced
      const excessBefore = await grepo.listExcessCells(
        trx,
        orgId,
        initial.id,
        body.siteId,
        firstDay(body.month),
        lastDay(body.month),
      )
      const changed = body.cells
        .map((c) => ({ ...c, old: existing.get(key(c.conceptId, c.date)) ?? ZERO, vol: new Dec(c.volume) }))
        .filter((c) => !c.vol.equals(c.old))
      const blocked = await blockedDays(trx, orgId, initial.id, body.siteId, body.month, window)
      const signed = changed.filter((c) => blocked.get(c.date) === 'signed')
      const label = (c: { conceptId: string; date: string }) => `${concepts.get(c.conceptId)!.code} ${c.date}`
      refuseClosedCells(
        changed
          .filter((c) => blocked.get(c.date) === CLOSED)
          .map((c) => ({ conceptId: c.conceptId, date: c.date, code: concepts.get(c.conceptId)!.code })),
        (c) => `${c.code} ${c.date}`,
      )
      // billed production is frozen (an approved, invoiced or paid estimate bills it)
      const billed = new Map(
        (
          await ctx.billedCells(trx, orgId, {
            familyId: initial.id,
            siteId: body.siteId,
            timeType: body.timeType,
            from: firstDay(body.month),
            to: lastDay(body.month),
          })
        ).map((b) => [key(b.conceptId, b.date), b.estimateNumber]),
      )
      refuseBilledCells(
        changed
          .filter((c) => billed.has(key(c.conceptId, c.date)))
          .map((c) => ({
            conceptId: c.conceptId,
            date: c.date,
            code: concepts.get(c.conceptId)!.code,
            estimateNumber: billed.get(key(c.conceptId, c.date))!,
          })),
      )
      if (signed.length)
        throw new AppError(
          'CONFLICT',
          M.signedDaysNothingSaved({ cells: signed.slice(0, 20).map(label).join(', ') }),
          {
            reason: 'signed_days',
            cells: signed.map((c) => ({
              conceptId: c.conceptId,
              date: c.date,
              code: concepts.get(c.conceptId)!.code,
            })),
          },
        )
      const stopped = changed.filter((c) => blocked.get(c.date) === 'no_production' && c.vol.greaterThan(0))
      if (stopped.length)
        throw new AppError(
          'CONFLICT',
          M.noProductionDays({ cells: stopped.slice(0, 20).map(label).join(', ') }),
          {
            reason: 'no_production_days',
            cells: stopped.map((c) => ({
              conceptId: c.conceptId,
              date: c.date,
              code: concepts.get(c.conceptId)!.code,
            })),
          },
        )
      const userId = ctx.userId(actor)
      const entryKey = {
        orgId,
        familyId: initial.familyId,
        workOrderId: initial.id,
        siteId: body.siteId,
        timeType: body.timeType,
      }
      await grepo.deleteEntries(
        trx,
        orgId,
        initial.id,
        body.siteId,
        body.timeType,
        changed.filter((c) => c.vol.isZero()).map((c) => ({ conceptId: c.conceptId, day: c.date })),
      )
      // the running total is per concept: only the concepts this save changed can flip, from the first day that
      // changed; unless the authorizations changed since the flags were computed (then the whole family is)
      const firstChange = new Map<string, string>()
      for (const c of changed) {
        const d = firstChange.get(c.conceptId)
        if (d === undefined || c.date < d) firstChange.set(c.conceptId, c.date)
      }
      const touched = [...firstChange].map(([id, from]) => ({
        conceptId: id,
        volume: concepts.get(id)!.authorizedVolume,
        from,
      }))
      await grepo.writeEntriesWithExcess(
        trx,
        entryKey,
        userId,
        changed
          .filter((c) => c.vol.greaterThan(0))
          .map((c) => ({ conceptId: c.conceptId, day: c.date, volume: c.vol.toFixed() })),
        touched,
      )
      if (lockedBasis !== basis) {
        await grepo.recomputeExcess(trx, orgId, initial.familyId, authorizedOf(concepts))
        await grepo.setFamilyBasis(trx, orgId, initial.familyId, basis)
      }
      const version = (current?.version ?? 0) + 1
      const auditChanges = changed.map((c) => ({
        field: `${concepts.get(c.conceptId)!.code} ${c.date} ${body.timeType}`,
        old: c.old,
        new: c.vol.toFixed(),
      }))
      await grepo.writeVersion(trx, orgId, vkey, version, userId, auditChanges.slice(0, 500))
      await writeAudit(trx, actor, {
        action: 'production.grid_saved',
        module: 'production',
        entityType: 'work_order',
        entityId: initial.id,
        changes: auditChanges,
        data: { siteId: body.siteId, month: body.month, timeType: body.timeType, version },
      })
      const excess = await grepo.listExcessCells(
        trx,
        orgId,
        initial.id,
        body.siteId,
        firstDay(body.month),
        lastDay(body.month),
      )
      const asCell = (e: { concept_id: string; day: string; time_type: string }) => ({
        conceptId: e.concept_id,
        date: e.day,
        timeType: e.time_type,
      })
      await notifyNewExcess(trx, ctx.notify, actor, {
        workOrderId: initial.id,
        number: initial.number,
        siteId: body.siteId,
        month: body.month,
        timeType: body.timeType,
        version,
        cells: newlyExcess(excessBefore.map(asCell), excess.map(asCell)),
        codeOf: (id) => concepts.get(id)?.code ?? id,
      })
      return {
        version,
        changed: changed.length,
        excess: excess.map((e) => ({
          conceptId: e.concept_id,
          date: e.day,
          timeType: e.time_type,
        })),
      }
    })
  }

  /**
   * Records (or clears, with null) why a saved excess cell passes the authorization. The cell must have
   * production of that time type flagged excess; a signed day is not written. Audited with old → new.
   */
  async function saveExcessReason(actor: Actor, body: TExcessReasonRequest): Promise<TExcessReasonSaved> {
    requireAccess(actor, 'production.capture')
    const { orgId } = actor
    const month = body.date.slice(0, 7)
    const first = await loadAtSite(db, orgId, body.workOrderId, body.siteId, month)
    await ensureExcessCurrent(orgId, first.initial.familyId, first.members)
    return db.transaction().execute(async (trx) => {
      const { initial, window } = await loadAtSite(trx, orgId, body.workOrderId, body.siteId, month)
      await grepo.lockFamilyBasis(trx, orgId, initial.familyId)
      const cell = {
        workOrderId: initial.id,
        siteId: body.siteId,
        conceptId: body.conceptId,
        day: body.date,
        timeType: body.timeType,
      }
      const entry = await grepo.lockEntry(trx, orgId, cell)
      if (!entry)
        throw new AppError('VALIDATION', M.noProductionInCell({ timeType: body.timeType, date: body.date }), [
          fieldError('date', M.cellHasNoProduction()),
        ])
      if (!entry.is_excess && body.reason !== null)
        throw new AppError('VALIDATION', M.cellNotExcess({ date: body.date }), [
          fieldError('date', M.notExcess()),
        ])
      const blocked = await blockedDays(trx, orgId, initial.id, body.siteId, month, window)
      if (blocked.get(body.date) === CLOSED)
        refuseClosedCells([{ conceptId: body.conceptId, date: body.date }], (c) => c.date)
      if (blocked.get(body.date) === 'signed')
        throw new AppError('CONFLICT', M.signedDayReasonNotSaved({ date: body.date }), {
          reason: 'signed_days',
          cells: [{ conceptId: body.conceptId, date: body.date }],
        })
      if ((entry.excess_reason ?? null) !== body.reason) {
        await grepo.setExcessReason(trx, orgId, cell, body.reason, ctx.userId(actor))
        await writeAudit(trx, actor, {
          action: 'production.excess_reason_saved',
          module: 'production',
          entityType: 'work_order',
          entityId: initial.id,
          data: { siteId: body.siteId, conceptId: body.conceptId, date: body.date, timeType: body.timeType },
          changes: [{ field: 'excessReason', old: entry.excess_reason ?? null, new: body.reason }],
        })
      }
      return { conceptId: body.conceptId, date: body.date, timeType: body.timeType, reason: body.reason }
    })
  }

  return { getGrid, saveGrid, saveExcessReason }
}
