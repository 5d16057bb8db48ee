import type { TWasteType } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import type { CustodyChainInput, MaintenanceSheetInput, ShippingGuideInput } from '../rental-billing'
import { WASTE_TYPE_LABELS } from './custody-chain-pdf'
import { money2, NUMBER_WIDTH, padNumber } from './document-rules'
import * as repo from './rental-documents.repository'
import { documentMessages as M } from './rental-documents.messages'

/**
 * What the billing sheets read and do with the field documents (exported through index.ts). Every function
 * runs inside the caller's transaction and is scoped by organization. Shapes match the billing engine's
 * inputs (rental-billing `MaintenanceSheetInput`, `ShippingGuideInput`, `CustodyChainInput`).
 */

export type PeriodScope = { projectId: string; from: string; to: string }

export type BillableMaintenanceSheet = MaintenanceSheetInput & {
  number: string
  billingSheetId: string | null
}
export type BillableShippingGuide = ShippingGuideInput & { number: string; billingSheetId: string | null }
export type BillableCustodyChain = CustodyChainInput & {
  number: string
  billingSheetId: string | null
  wasteTypes: TWasteType[]
  /** e.g. "AGUAS NEGRAS Y GRISES", for the disposition certificate */
  wasteDescription: string
}
export type PeriodDocuments = {
  maintenanceSheets: BillableMaintenanceSheet[]
  shippingGuides: BillableShippingGuide[]
  custodyChains: BillableCustodyChain[]
}

/** "AGUAS NEGRAS Y GRISES" from the waste types of a chain (default when none were ticked). */
export function wasteDescription(types: readonly string[]): string {
  const labels = (types as TWasteType[]).map((t) => WASTE_TYPE_LABELS[t]?.toUpperCase()).filter(Boolean)
  if (labels.length === 0) return 'AGUAS NEGRAS Y GRISES'
  if (labels.length === 1) return labels[0]!
  return `${labels.slice(0, -1).join(', ')} Y ${labels[labels.length - 1]}`
}

/**
 * The billable documents of a project dated inside [from, to] (inclusive): maintenance sheets by start
 * date and guides by issue date, not void; custody chains by activity date, not cancelled — cancelled chains
 * count nowhere (docs/rental-documents.md#custody-chains). Guides carry `billingSheetId`: the billing module bills only those linked to
 * its sheet (a guide is billed by exactly one sheet).
 */
export async function listDocumentsForPeriod(
  trx: Executor,
  orgId: string,
  scope: PeriodScope,
): Promise<PeriodDocuments> {
  const [maintenance, guides, chains] = await Promise.all([
    repo.billableMaintenance(trx, orgId, scope),
    repo.billableGuides(trx, orgId, scope),
    repo.billableChains(trx, orgId, scope),
  ])
  const [items, attended] = await Promise.all([
    repo.listGuideItems(
      trx,
      orgId,
      guides.map((g) => g.id),
    ),
    repo.listChainAssignments(
      trx,
      orgId,
      chains.map((c) => c.id),
    ),
  ])
  return {
    maintenanceSheets: maintenance.map((m) => ({
      id: m.id,
      number: padNumber(m.number, NUMBER_WIDTH.maintenance),
      status: m.status,
      startDate: m.start_date,
      equipmentId: m.equipment_id,
      technicalCost: money2(m.total_cost),
      logisticsCost: money2(m.logistics_cost),
      technicalDescription: m.technical_description,
      logisticsDescription: m.logistics_description,
      billingSheetId: m.billing_sheet_id,
    })),
    shippingGuides: guides.map((g) => ({
      id: g.id,
      number: padNumber(g.number, NUMBER_WIDTH.guide),
      status: g.status,
      issueDate: g.issue_date,
      equipmentId: items.find((i) => i.guide_id === g.id && i.equipment_id)?.equipment_id ?? null,
      transportCost: money2(g.transport_cost),
      stowageCost: money2(g.stowage_cost),
      transportDescription: g.transport_description,
      stowageDescription: g.stowage_description,
      billingSheetId: g.billing_sheet_id,
    })),
    custodyChains: chains.map((c) => {
      const visits = attended.get(c.id) ?? []
      return {
        id: c.id,
        number: padNumber(c.number, NUMBER_WIDTH.chain),
        status: c.status,
        activityDate: c.activity_date,
        attendedAssignmentIds: visits.map((v) => v.assignmentId),
        logisticsCost: money2(c.logistics_cost),
        logisticsDescription: c.billing_text,
        equipmentId: visits.find((v) => v.equipmentId)?.equipmentId ?? null,
        gallons: money2(c.gallons),
        barrels: money2(c.barrels),
        cubicMeters: money2(c.cubic_meters),
        billingSheetId: c.billing_sheet_id,
        wasteTypes: c.waste_types,
        wasteDescription: wasteDescription(c.waste_types),
      }
    }),
  }
}

/**
 * Liquidation: the draft documents of the period (and, with `sheetId`, nothing else) become closed, each
 * audited. The caller (billing) has already checked the period; no billing hook is called back.
 */
export async function closeDraftDocuments(
  trx: Executor,
  actor: Actor,
  scope: PeriodScope & { sheetId?: string },
): Promise<{ maintenanceSheets: number; custodyChains: number; shippingGuides: number }> {
  const closed = await repo.closeDrafts(trx, actor.orgId, scope, new Date())
  const audits: [string, string, { id: string; number: number }[]][] = [
    ['rentalMaintenanceSheet.closed', 'maintenance_sheet', closed.maintenance],
    ['rentalCustodyChain.closed', 'custody_chain', closed.chains],
    ['rentalShippingGuide.closed', 'shipping_guide', closed.guides],
  ]
  for (const [action, entityType, rows] of audits) {
    for (const r of rows) {
      await writeAudit(trx, actor, {
        action,
        module: 'rental-documents',
        entityType,
        entityId: r.id,
        changes: [{ field: 'status', old: 'draft', new: 'closed' }],
        data: { number: r.number, reason: 'liquidation', billingSheetId: scope.sheetId ?? null },
      })
    }
  }
  return {
    maintenanceSheets: closed.maintenance.length,
    custodyChains: closed.chains.length,
    shippingGuides: closed.guides.length,
  }
}

const TABLE = {
  guides: 'rental_shipping_guides',
  chains: 'rental_custody_chains',
  maintenanceSheets: 'rental_maintenance_sheets',
} as const

/**
 * Makes the given documents exactly those linked to the billing sheet (per kind given): links the new
 * ones, unlinks the sheet's others. A document billed by another sheet → CONFLICT (a guide is billed
 * once, never twice); a void/cancelled one → INVALID_STATE; an unknown id → NOT_FOUND. The rows are
 * locked, so two sheets racing for one guide cannot both get it.
 */
export async function linkDocumentsToSheet(
  trx: Executor,
  orgId: string,
  sheetId: string,
  docs: {
    guideIds?: readonly string[]
    chainIds?: readonly string[]
    maintenanceSheetIds?: readonly string[]
  },
): Promise<void> {
  const now = new Date()
  for (const kind of ['guides', 'chains', 'maintenanceSheets'] as const) {
    const ids =
      kind === 'guides' ? docs.guideIds : kind === 'chains' ? docs.chainIds : docs.maintenanceSheetIds
    if (!ids) continue
    const unique = [...new Set(ids)]
    const rows = await repo.lockForLinking(trx, TABLE[kind], orgId, unique)
    if (rows.length !== unique.length) {
      const found = new Set(rows.map((r) => r.id))
      throw new AppError('NOT_FOUND', M.documentNotFound(), {
        missing: unique.filter((id) => !found.has(id)),
      })
    }
    const elsewhere = rows.filter((r) => r.billing_sheet_id && r.billing_sheet_id !== sheetId)
    if (elsewhere.length > 0) {
      throw new AppError('CONFLICT', M.billedElsewhere(), {
        documents: elsewhere.map((r) => ({ id: r.id, number: r.number, billingSheetId: r.billing_sheet_id })),
      })
    }
    const dead = rows.filter((r) => r.status === 'void' || r.status === 'cancelled')
    if (dead.length > 0) {
      throw new AppError('INVALID_STATE', M.deadNotBilled(), {
        documents: dead.map((r) => r.id),
      })
    }
    await repo.setSheetDocuments(trx, TABLE[kind], orgId, sheetId, unique, now)
  }
}

/** The guides billed by the sheet are exactly `guideIds` (see linkDocumentsToSheet). */
export async function linkGuidesToSheet(
  trx: Executor,
  orgId: string,
  sheetId: string,
  guideIds: readonly string[],
): Promise<void> {
  await linkDocumentsToSheet(trx, orgId, sheetId, { guideIds })
}

/** A sheet deleted or cancelled frees its documents: nothing is linked to it afterwards. */
export async function unlinkDocumentsFromSheet(trx: Executor, orgId: string, sheetId: string): Promise<void> {
  await linkDocumentsToSheet(trx, orgId, sheetId, { guideIds: [], chainIds: [], maintenanceSheetIds: [] })
}

/** For rental-projects' delete rule: does any document (any status) reference the assignment? */
export async function hasDocumentsForAssignment(
  trx: Executor,
  orgId: string,
  assignmentId: string,
): Promise<boolean> {
  return repo.assignmentReferenced(trx, orgId, assignmentId)
}

/**
 * For rental-projects: the live custody chains (number, activity date) that attended an assignment — a
 * service's window may not shrink past them (docs/rental-projects.md#assignments).
 */
export async function chainsOfAssignment(
  trx: Executor,
  orgId: string,
  assignmentId: string,
): Promise<{ number: number; activityDate: string }[]> {
  return repo.liveChainsOfAssignment(trx, orgId, assignmentId)
}
