import type { TProductionSite, TWorkOrderSummary } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { listFamilyMembers } from '../work-orders'
import { toFamilyMember, type ProductionContext } from './production.context'
import {
  familySites,
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

/**
 * Where work happens in a month (docs/production.md#rows-of-a-site): the sites with active work, and the families
 * (initial work order and window) working at one site — the rows of the daily status grid and of the monthly
 * reports.
 */
export function createProductionSites(ctx: ProductionContext) {
  const { db } = ctx

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

  return { listSites, rowsAtSite }
}
export type ProductionSites = ReturnType<typeof createProductionSites>
