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
  TProductionSite,
  TSignature,
  TWorkOrderSummary,
} from '@faena/contracts'
import { ZDayStatusCatalogRequest } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { AppError } from '../../platform/errors'
import { listFamilyMembers } from '../work-orders'
import { toFamilyMember, type ProductionContext } from './production.context'
import * as repo from './production.repository'
import {
  familySites,
  firstDay,
  lastDay,
  monthDays,
  outsideWindow,
  overlapsMonth,
  windowAtSite,
  type FamilyMember,
  type SiteWindow,
} from './production-rules'

const PAGE = 500

const summaryToMember = (
  w: TWorkOrderSummary,
): FamilyMember & { familyId: string; number: string; description: string } => ({
  id: w.id,
  familyId: w.familyId,
  number: w.number,
  description: w.description,
  type: w.type,
  status: w.status,
  siteIds: {
    vesselId: w.sites.vessel?.id ?? null,
    platformId: w.sites.platform?.id ?? null,
    yardId: w.sites.yard?.id ?? null,
    interconnectionId: w.sites.interconnection?.id ?? null,
  },
  plannedStart: w.plannedStart,
  plannedEnd: w.plannedEnd,
  actualStart: w.actualStart,
  actualEnd: w.actualEnd,
  requiresYardPhase: w.requiresYardPhase,
  yardStart: w.yardStart,
  yardEnd: w.yardEnd,
})

const cellKey = (workOrderId: string, date: string) => `${workOrderId}|${date}`

/** Day-status catalog, sites with work, the daily status grid (docs/production.md#daily-status). */
export function createDailyStatusUseCases(ctx: ProductionContext) {
  const { db } = ctx

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
      throw new AppError('VALIDATION', `La clave '${dup}' está repetida`, [
        { path: `items.${codes.lastIndexOf(dup)}.code`, message: 'Clave repetida' },
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

  /** Every work order of the organization (all pages), as family members. */
  async function allWorkOrders(actor: Actor, siteId?: string) {
    const out: ReturnType<typeof summaryToMember>[] = []
    const names = new Map<string, { name: string; kind: string }>()
    for (let offset = 0; ; offset += PAGE) {
      const page = await ctx.listWorkOrders(actor, {
        limit: PAGE,
        offset,
        sort: 'createdAt',
        dir: 'asc',
        ...(siteId ? { siteId } : {}),
      })
      for (const w of page.items) {
        out.push(summaryToMember(w))
        for (const kind of ['vessel', 'platform', 'yard', 'interconnection'] as const) {
          const s = w.sites[kind]
          if (s) names.set(s.id, { name: s.name, kind })
        }
      }
      if (page.items.length < PAGE) break
    }
    return { members: out, names }
  }

  async function listSites(actor: Actor, month: string): Promise<{ items: TProductionSite[] }> {
    requireAccess(actor, 'production.read')
    const { members, names } = await allWorkOrders(actor)
    const withConcepts = await ctx.familiesWithConcepts(db, actor.orgId, members)
    const families = new Map<string, FamilyMember[]>()
    for (const m of members) families.set(m.familyId, [...(families.get(m.familyId) ?? []), m])
    const counts = new Map<string, number>()
    for (const [familyId, fam] of families) {
      if (!withConcepts.has(familyId)) continue
      for (const siteId of familySites(fam)) {
        const w = windowAtSite(fam, siteId)
        if (w && overlapsMonth(w, month)) counts.set(siteId, (counts.get(siteId) ?? 0) + 1)
      }
    }
    const items = [...counts].map(([id, n]) => ({
      id,
      name: names.get(id)?.name ?? '',
      kind: names.get(id)?.kind ?? '',
      workOrderCount: n,
    }))
    items.sort((a, b) => a.name.localeCompare(b.name, 'es'))
    return { items }
  }

  /** Families (initial work order + members) working at the site in the month, with their window there. */
  async function rowsAtSite(actor: Actor, siteId: string, month: string) {
    const { members: atSite } = await allWorkOrders(actor, siteId)
    const familyIds = [...new Set(atSite.map((m) => m.familyId))]
    const out: {
      initial: ReturnType<typeof toFamilyMember> & { number: string; description: string }
      window: SiteWindow
    }[] = []
    const all: { id: string; familyId: string }[] = []
    const fams = new Map<string, Awaited<ReturnType<typeof listFamilyMembers>>>()
    for (const familyId of familyIds) {
      const refs = await listFamilyMembers(db, actor.orgId, familyId)
      fams.set(familyId, refs)
      all.push(...refs.map((r) => ({ id: r.id, familyId })))
    }
    const withConcepts = await ctx.familiesWithConcepts(db, actor.orgId, all)
    const descriptions = new Map(atSite.map((m) => [m.id, m]))
    for (const [familyId, refs] of fams) {
      if (!withConcepts.has(familyId)) continue
      const w = windowAtSite(refs.map(toFamilyMember), siteId)
      const initial = refs.find((r) => r.type === 'initial')
      if (!w || !initial || !overlapsMonth(w, month)) continue
      out.push({
        initial: {
          ...toFamilyMember(initial),
          number: initial.number,
          description: descriptions.get(initial.id)?.description ?? '',
        },
        window: w,
      })
    }
    out.sort((a, b) => a.initial.number.localeCompare(b.initial.number, 'es'))
    return out
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
        const reason = outsideWindow(window, date)
        return {
          date,
          dayStatus: r?.day_status_id ? (codeOf.get(r.day_status_id) ?? null) : null,
          signature: (r?.signature as TSignature | null | undefined) ?? null,
          comment: r?.comment ?? null,
          blocked: reason !== null,
          blockedReason: reason,
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
        badDates.push({ path: `cells.${i}.date`, message: `El día ${c.date} no es de ${month}` })
    })
    if (badDates.length) throw new AppError('VALIDATION', 'Hay días fuera del mes', badDates)
    const seen = new Set<string>()
    for (const [i, c] of body.cells.entries()) {
      const k = cellKey(c.workOrderId, c.date)
      if (seen.has(k))
        throw new AppError('VALIDATION', 'Una celda aparece dos veces', [
          { path: `cells.${i}`, message: `Celda repetida ${c.date}` },
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
          throw new AppError(
            'VALIDATION',
            `La orden ${initial.number} no trabaja en este sitio en ${month}`,
            [{ path: 'cells', message: `Orden ${initial.number} fuera del sitio o del mes` }],
          )
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
      const problems: TFieldError[] = []
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
          problems.push({
            path: `cells.${i}.dayStatus`,
            message: `Estado '${c.dayStatus}' no existe en el catálogo`,
          })
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
        if (old?.signature === 'signed') {
          signed.push({ workOrderId: c.workOrderId, number, date: c.date })
          continue
        }
        if (outsideWindow(windows.get(c.workOrderId)!, c.date)) {
          problems.push({
            path: `cells.${i}.date`,
            message: `${number} ${c.date}: fuera de la vigencia de la orden en este sitio`,
          })
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
          upserts.push({ work_order_id: c.workOrderId, site_id: siteId, day: c.date, ...next })
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
      if (problems.length) throw new AppError('VALIDATION', 'Hay celdas que no se pueden guardar', problems)
      if (signed.length)
        throw new AppError(
          'CONFLICT',
          `Días firmados: ${signed.map((s) => `${s.number} ${s.date}`).join(', ')}. Un supervisor debe desbloquearlos antes de cambiarlos.`,
          { reason: 'signed_days', cells: signed },
        )
      if (noProduction.length)
        throw new AppError(
          'CONFLICT',
          `Estos días tienen producción capturada y el estado elegido no la permite: ${noProduction.map((s) => `${s.number} ${s.date}`).join(', ')}`,
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
        throw new AppError('INVALID_STATE', `El día ${body.date} de ${initial.number} no está firmado`)
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
