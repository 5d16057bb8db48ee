import type { TAnnexImportDetail, TAnnexImportList, TPagination, TWorkOrderConcepts } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import { conceptItem, dec } from './annex-c-lines'
import { toSummary, withCounts, type WorkOrderConceptsContext } from './work-order-concepts.context'
import * as repo from './work-order-concepts.repository'

export type ListImportsOptions = TPagination
export type ListConceptsOptions = { q?: string | undefined }

/** Reading a work order's Anexo C: its versions, one version, and the lines in force (docs/work-order-concepts.md). */
export function createAnnexReadUseCases(ctx: WorkOrderConceptsContext) {
  const { db, requireWorkOrder, userNames, toDetail, loadImport } = ctx

  async function listImports(
    actor: Actor,
    workOrderId: string,
    page: ListImportsOptions,
  ): Promise<TAnnexImportList> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const { rows, total } = await repo.listImports(db, actor.orgId, workOrderId, page)
    const names = await userNames(
      db,
      actor.orgId,
      rows.flatMap((r) => [r.created_by, r.confirmed_by, r.discarded_by]),
    )
    return { items: rows.map((r) => toSummary(r, names)), total }
  }

  async function getImport(actor: Actor, workOrderId: string, importId: string): Promise<TAnnexImportDetail> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    return toDetail(db, await loadImport(db, actor, workOrderId, importId))
  }

  /** The lines of the active version (with their planned volumes), its totals, and the pending version if any. */
  async function listConcepts(
    actor: Actor,
    workOrderId: string,
    query: ListConceptsOptions,
  ): Promise<TWorkOrderConcepts> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const [active, pending] = await Promise.all([
      repo.findImportByStatus(db, actor.orgId, workOrderId, 'active'),
      repo.findImportByStatus(db, actor.orgId, workOrderId, 'pending_confirmation'),
    ])
    const names = await userNames(
      db,
      actor.orgId,
      [active, pending].flatMap((r) => (r ? [r.created_by, r.confirmed_by, r.discarded_by] : [])),
    )
    const summary = (r: repo.AnnexImportRow | undefined) => (r ? toSummary(withCounts(r), names) : null)
    if (!active) {
      return {
        workOrderId,
        activeImport: null,
        pendingImport: summary(pending),
        items: [],
        total: 0,
        scheduleDates: [],
        totals: { mxn: '0', usd: '0' },
      }
    }
    const [rows, planned] = await Promise.all([
      repo.listLines(db, actor.orgId, active.id, query.q || undefined),
      repo.listPlanned(db, actor.orgId, active.id),
    ])
    const days = new Set<string>()
    const items = rows.map((r) => {
      const byDay = planned.get(r.id) ?? {}
      for (const d of Object.keys(byDay)) days.add(d)
      return conceptItem(r, byDay)
    })
    return {
      workOrderId,
      activeImport: summary(active),
      pendingImport: summary(pending),
      items,
      total: items.length,
      scheduleDates: [...days].sort(),
      totals: { mxn: dec(active.amount_mxn).toFixed(), usd: dec(active.amount_usd).toFixed() },
    }
  }

  return { listImports, getImport, listConcepts }
}
