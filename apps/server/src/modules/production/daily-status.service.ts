import type {
  TDailyStatusDay,
  TDailyStatusGrid,
  TDailyStatusRow,
  TDailyStatusSaved,
  TDailyStatusSaveRequest,
  TDailyStatusUnlockRequest,
  TDayStatusCatalog,
  TDayStatusCatalogRequest,
  TFieldError,
} from '@faena/contracts'
import { ZDayStatusCatalogRequest } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { AppError, fieldError } from '../../platform/errors'
import { closedMonthsOf, isMonthClosed, refuseClosedCells } from './closed-months'
import { toFamilyMember, type ProductionContext } from './production.context'
import * as repo from './production.repository'
import { createProductionSites } from './production-sites'
import {
  firstDay,
  lastDay,
  monthDays,
  outsideWindow,
  overlapsMonth,
  windowAtSite,
  type SiteWindow,
} from './production-rules'
import { superintendentNames } from './rotations.repository'
import { dutyAtSite } from './rotations.service'
import { productionMessages as M } from './production.messages'

const cellKey = (workOrderId: string, date: string) => `${workOrderId}|${date}`

/** Day-status catalog, sites with work, the daily status grid (docs/production.md#daily-status). */
export function createDailyStatusUseCases(ctx: ProductionContext) {
  const { db } = ctx
  const { listSites, rowsAtSite } = createProductionSites(ctx)

  async function getDayStatusCatalog(actor: Actor): Promise<TDayStatusCatalog> {
    requireAccess(actor, 'production.read')
    return db.transaction().execute(async (trx) => ({
      items: (await ctx.dayStatuses(trx, actor.orgId)).map(ctx.toDayStatus),
    }))
  }

  /** Replaces the catalog: statuses by code are updated or added; codes left out are deactivated (kept for history). */
  async function saveDayStatusCatalog(
    actor: Actor,
    input: TDayStatusCatalogRequest,
  ): Promise<TDayStatusCatalog> {
    requireAccess(actor, 'production.configure')
    const body = ZDayStatusCatalogRequest.parse(input)
    const codes = body.items.map((s) => s.code)
    const dup = codes.find((c, i) => codes.indexOf(c) !== i)
    if (dup)
      throw new AppError('VALIDATION', M.duplicateStatusCode({ code: dup }), [
        fieldError(`items.${codes.lastIndexOf(dup)}.code`, M.repeatedCode()),
      ])
    return db.transaction().execute(async (trx) => {
      const before = await ctx.dayStatuses(trx, actor.orgId)
      const byCode = new Map(before.map((r) => [r.code, r]))
      const fresh = body.items.map((s, i) => ({ ...s, position: i + 1 })).filter((s) => !byCode.has(s.code))
      await repo.insertDayStatuses(trx, actor.orgId, fresh)
      for (const [i, s] of body.items.entries()) {
        const old = byCode.get(s.code)
        if (old) await repo.updateDayStatus(trx, actor.orgId, old.id, { ...s, position: i + 1 })
      }
      for (const old of before)
        if (!codes.includes(old.code) && old.active)
          await repo.updateDayStatus(trx, actor.orgId, old.id, {
            name: old.name,
            allowsProduction: old.allows_production,
            position: old.position,
            active: false,
          })
      const after = await repo.listDayStatuses(trx, actor.orgId)
      await writeAudit(trx, actor, {
        action: 'production.day_statuses_saved',
        module: 'production',
        entityType: 'day_status_catalog',
        changes: [
          {
            field: 'items',
            old: before.map((r) => ({
              code: r.code,
              name: r.name,
              allowsProduction: r.allows_production,
              active: r.active,
            })),
            new: after.map((r) => ({
              code: r.code,
              name: r.name,
              allowsProduction: r.allows_production,
              active: r.active,
            })),
          },
        ],
      })
      return { items: after.map(ctx.toDayStatus) }
    })
  }

  async function getDailyStatus(actor: Actor, siteId: string, month: string): Promise<TDailyStatusGrid> {
    requireAccess(actor, 'production.read')
    const catalog = await db.transaction().execute((trx) => ctx.dayStatuses(trx, actor.orgId))
    const codeOf = new Map(catalog.map((s) => [s.id, s.code]))
    const fams = await rowsAtSite(actor, siteId, month)
    const stored = await repo.listDailyStatuses(
      db,
      actor.orgId,
      siteId,
      firstDay(month),
      lastDay(month),
      fams.map((f) => f.initial.id),
    )
    const byKey = new Map(stored.map((r) => [cellKey(r.work_order_id, r.day), r]))
    const closed = await closedMonthsOf(
      db,
      actor.orgId,
      fams.map((f) => f.initial.id),
      [month],
    )
    const names = await superintendentNames(db, actor.orgId, [
      ...new Set(stored.flatMap((r) => (r.superintendent_id ? [r.superintendent_id] : []))),
    ])
    const days = monthDays(month)
    const rows: TDailyStatusRow[] = fams.map(({ initial, window }) => ({
      workOrderId: initial.id,
      number: initial.number,
      description: initial.description,
      windowStart: window.start,
      windowEnd: window.end,
      yardPhase: window.yardPhase,
      days: days.map((date): TDailyStatusDay => {
        const r = byKey.get(cellKey(initial.id, date))
        const reason = outsideWindow(window, date) ?? (closed.has(`${initial.id}|${month}`) ? 'closed' : null)
        const onDuty = r?.superintendent_id ?? null
        return {
          date,
          dayStatus: r?.day_status_id ? (codeOf.get(r.day_status_id) ?? null) : null,
          signature: r?.signature ?? null,
          comment: r?.comment ?? null,
          blocked: reason !== null,
          blockedReason: reason,
          onDuty: onDuty ? { id: onDuty, name: names.get(onDuty) ?? '' } : null,
        }
      }),
    }))
    return { siteId, month, dayStatuses: catalog.map(ctx.toDayStatus), rows }
  }

  /**
   * One save = one transaction. A signed day cannot change (unlock first); a day outside the window, a code
   * not in the catalog, or a status without production on a day that has production refuse the whole save,
   * naming the cells. A cell with no status, signature or comment deletes the stored day.
   */
  async function saveDailyStatus(actor: Actor, body: TDailyStatusSaveRequest): Promise<TDailyStatusSaved> {
    requireAccess(actor, 'production.capture')
    const { siteId, month } = body
    const days = new Set(monthDays(month))
    const badDates: TFieldError[] = []
    body.cells.forEach((c, i) => {
      if (!days.has(c.date))
        badDates.push(fieldError(`cells.${i}.date`, M.dayNotInMonth({ date: c.date, month })))
    })
    if (badDates.length) throw new AppError('VALIDATION', M.daysOutsideMonth(), badDates)
    const seen = new Set<string>()
    for (const [i, c] of body.cells.entries()) {
      const k = cellKey(c.workOrderId, c.date)
      if (seen.has(k))
        throw new AppError('VALIDATION', M.cellTwice(), [
          fieldError(`cells.${i}`, M.repeatedCell({ date: c.date })),
        ])
      seen.add(k)
    }
    return db.transaction().execute(async (trx) => {
      const catalog = await ctx.dayStatuses(trx, actor.orgId)
      const byCode = new Map(catalog.filter((s) => s.active).map((s) => [s.code, s]))
      const windows = new Map<string, SiteWindow>()
      const numbers = new Map<string, string>()
      for (const woId of new Set(body.cells.map((c) => c.workOrderId))) {
        const { initial, members } = await ctx.loadFamily(trx, actor.orgId, woId)
        const w = windowAtSite(members.map(toFamilyMember), siteId)
        if (!w || !overlapsMonth(w, month))
          throw new AppError('VALIDATION', M.notAtSite({ number: initial.number, month }), [
            fieldError('cells', M.outsideSiteOrMonth({ number: initial.number })),
          ])
        windows.set(woId, w)
        numbers.set(woId, initial.number)
      }
      const woIds = [...windows.keys()]
      const existing = await repo.listDailyStatuses(
        trx,
        actor.orgId,
        siteId,
        firstDay(month),
        lastDay(month),
        woIds,
        {
          forUpdate: true,
        },
      )
      const byKey = new Map(existing.map((r) => [cellKey(r.work_order_id, r.day), r]))
      const withProduction = await repo.productionDays(
        trx,
        actor.orgId,
        siteId,
        woIds,
        firstDay(month),
        lastDay(month),
      )
      const closed = await closedMonthsOf(trx, actor.orgId, woIds, [month])
      const duty = await dutyAtSite(trx, actor.orgId, siteId)
      const problems: TFieldError[] = []
      const closedCells: { workOrderId: string; number: string; date: string }[] = []
      const signed: { workOrderId: string; number: string; date: string }[] = []
      const noProduction: { workOrderId: string; number: string; date: string }[] = []
      const upserts: repo.DailyStatusRow[] = []
      const deletes: { workOrderId: string; day: string }[] = []
      const audit: { workOrderId: string; date: string; old: unknown; new: unknown }[] = []
      let unchanged = 0
      let created = 0
      for (const [i, c] of body.cells.entries()) {
        const number = numbers.get(c.workOrderId)!
        const status = c.dayStatus === null ? null : byCode.get(c.dayStatus)
        if (c.dayStatus !== null && !status) {
          problems.push(fieldError(`cells.${i}.dayStatus`, M.unknownDayStatus({ status: c.dayStatus })))
          continue
        }
        const comment =
          c.comment === undefined
            ? (byKey.get(cellKey(c.workOrderId, c.date))?.comment ?? null)
            : c.comment || null
        const old = byKey.get(cellKey(c.workOrderId, c.date))
        const next = { day_status_id: status?.id ?? null, signature: c.signature, comment }
        const same =
          (old?.day_status_id ?? null) === next.day_status_id &&
          (old?.signature ?? null) === next.signature &&
          (old?.comment ?? null) === next.comment
        if (same) {
          unchanged++
          continue
        }
        if (closed.has(`${c.workOrderId}|${month}`)) {
          closedCells.push({ workOrderId: c.workOrderId, number, date: c.date })
          continue
        }
        if (old?.signature === 'signed') {
          signed.push({ workOrderId: c.workOrderId, number, date: c.date })
          continue
        }
        if (outsideWindow(windows.get(c.workOrderId)!, c.date)) {
          problems.push(fieldError(`cells.${i}.date`, M.outsideValidity({ cell: `${number} ${c.date}` })))
          continue
        }
        if (status && !status.allows_production && withProduction.has(cellKey(c.workOrderId, c.date)))
          noProduction.push({ workOrderId: c.workOrderId, number, date: c.date })
        const clear = next.day_status_id === null && next.signature === null && next.comment === null
        if (clear) {
          if (old) deletes.push({ workOrderId: c.workOrderId, day: c.date })
          else unchanged++
        } else {
          if (!old) created++
          upserts.push({
            work_order_id: c.workOrderId,
            site_id: siteId,
            day: c.date,
            ...next,
            superintendent_id: duty(c.date),
          })
        }
        if (old || !clear)
          audit.push({
            workOrderId: c.workOrderId,
            date: c.date,
            old: old
              ? {
                  dayStatus: codeOfId(catalog, old.day_status_id),
                  signature: old.signature,
                  comment: old.comment,
                }
              : null,
            new: clear
              ? null
              : { dayStatus: status?.code ?? null, signature: next.signature, comment: next.comment },
          })
      }
      if (problems.length) throw new AppError('VALIDATION', M.cellsNotSaved(), problems)
      refuseClosedCells(closedCells, (c) => `${c.number} ${c.date}`)
      if (signed.length)
        throw new AppError(
          'CONFLICT',
          M.signedDaysUnlock({ cells: signed.map((s) => `${s.number} ${s.date}`).join(', ') }),
          { reason: 'signed_days', cells: signed },
        )
      if (noProduction.length)
        throw new AppError(
          'CONFLICT',
          M.daysWithProduction({ cells: noProduction.map((s) => `${s.number} ${s.date}`).join(', ') }),
          { reason: 'days_with_production', cells: noProduction },
        )
      await repo.upsertDailyStatuses(trx, actor.orgId, ctx.userId(actor), upserts)
      await repo.deleteDailyStatuses(trx, actor.orgId, siteId, deletes)
      if (audit.length)
        await writeAudit(trx, actor, {
          action: 'production.daily_status_saved',
          module: 'production',
          entityType: 'site',
          entityId: siteId,
          changes: audit.map((a) => ({
            field: `${numbers.get(a.workOrderId)} ${a.date}`,
            old: a.old,
            new: a.new,
          })),
          data: { month, cells: audit.length },
        })
      return { created, updated: upserts.length - created, deleted: deletes.length, unchanged }
    })
  }

  /** A supervisor or above reopens a signed day, with a reason (audited); its signature becomes "in process". */
  async function unlockDay(actor: Actor, body: TDailyStatusUnlockRequest): Promise<TDailyStatusSaved> {
    requireAccess(actor, 'production.unlock')
    return db.transaction().execute(async (trx) => {
      const { initial } = await ctx.loadFamily(trx, actor.orgId, body.workOrderId)
      if (await isMonthClosed(trx, actor.orgId, initial.id, body.date.slice(0, 7)))
        refuseClosedCells(
          [{ workOrderId: initial.id, number: initial.number, date: body.date }],
          (c) => `${c.number} ${c.date}`,
        )
      const [row] = await repo.listDailyStatuses(
        trx,
        actor.orgId,
        body.siteId,
        body.date,
        body.date,
        [initial.id],
        {
          forUpdate: true,
        },
      )
      if (!row || row.signature !== 'signed')
        throw new AppError('INVALID_STATE', M.dayNotSigned({ date: body.date, number: initial.number }))
      await repo.upsertDailyStatuses(trx, actor.orgId, ctx.userId(actor), [
        { ...row, signature: 'in_process' },
      ])
      await writeAudit(trx, actor, {
        action: 'production.day_unlocked',
        module: 'production',
        entityType: 'work_order',
        entityId: initial.id,
        changes: [{ field: `signature ${body.date}`, old: 'signed', new: 'in_process' }],
        data: { siteId: body.siteId, date: body.date, reason: body.reason },
      })
      return { created: 0, updated: 1, deleted: 0, unchanged: 0 }
    })
  }

  return { getDayStatusCatalog, saveDayStatusCatalog, listSites, getDailyStatus, saveDailyStatus, unlockDay }
}

const codeOfId = (catalog: readonly repo.DayStatusRow[], id: string | null) =>
  id === null ? null : (catalog.find((s) => s.id === id)?.code ?? null)
