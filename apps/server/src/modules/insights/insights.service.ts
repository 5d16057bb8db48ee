import type {
  LINES_OF_BUSINESS,
  TOffshoreDashboard,
  TOffshoreDashboardQuery,
  TRentalDashboard,
  TRentalDashboardQuery,
} from '@faena/contracts'
import { firstDayOfMonth } from '@faena/domain/calendar-date'
import { can, requireAccess, type Actor } from '../../platform/access'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { insightsMessages as M } from './insights.messages'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { createOrgToday } from '../../platform/tenancy/today'
import { getNames } from '../catalogs'
import { approvedEstimateCells, billedCellKey } from '../estimates'
import { complianceSummary } from '../field-staff'
import {
  evidenceAnnexesOf,
  evidenceCellKey,
  evidenceStatusOf,
  exchangeRateOn,
  familyBillingConcepts,
  productionOfFamilies,
  rateDateOfMonth,
} from '../production'
import { countProposals } from '../proposals'
import { listSheetFigures } from '../rental-billing'
import { countEquipment, getProjects, listEquipmentAssignmentWindows } from '../rental-projects'
import { annexLineKey, listActiveWorkOrderConcepts } from '../work-order-concepts'
import { getWorkOrderRef, listWorkOrderFacts } from '../work-orders'
import { authorizedByMonth, proposalFigures, workOrderFigures, type AuthorizedLine } from './offshore-figures'
import { needsEvidence, productionFigures, type ProductionFamily, type Rate } from './production-figures'
import { sheetFigures, utilization } from './rental-figures'

type TLineOfBusiness = (typeof LINES_OF_BUSINESS)[number]

export type InsightsServiceDeps = {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
}

export type DashboardOptions<Q> = { actor: Actor; query: Q }

/**
 * The dashboards (docs/insights.md): figures read through the owning modules' public functions, in one
 * read transaction so the cards of one answer agree with each other.
 */
export function createInsightsService({ db, clock, timeZoneOf }: InsightsServiceDeps) {
  const orgToday = createOrgToday(clock, timeZoneOf)

  /** A dashboard of a line of business the organization does not run is not there for it (403). */
  async function requireLine(actor: Actor, line: TLineOfBusiness) {
    const org = await findOrganizationById(db, actor.orgId)
    if (!org?.linesOfBusiness.includes(line)) {
      throw new AppError('FORBIDDEN', M.lineNotRun(), {
        lineOfBusiness: line,
      })
    }
  }

  async function offshoreDashboard({
    actor,
    query,
  }: DashboardOptions<TOffshoreDashboardQuery>): Promise<TOffshoreDashboard> {
    requireAccess(actor, 'proposal.read')
    requireAccess(actor, 'workOrder.read')
    await requireLine(actor, 'offshore')
    const today = await orgToday(actor.orgId)
    const { orgId } = actor
    return db.transaction().execute(async (trx) => {
      const counts = await countProposals(trx, orgId, {
        status: query.proposalStatus,
        clientId: query.clientId,
        requestFrom: query.from,
        requestTo: query.to,
        today,
      })
      const facts = await listWorkOrderFacts(trx, orgId, {
        status: query.workOrderStatus,
        clientId: query.clientId,
        frontId: query.frontId,
        siteId: query.siteId,
        from: query.from,
        to: query.to,
        today,
      })
      // every member of the families touched: a family's lines are consolidated over all of them
      const members = await listWorkOrderFacts(trx, orgId, {
        familyIds: [...new Set(facts.map((w) => w.familyId))],
        today,
      })
      const annex = await listActiveWorkOrderConcepts(
        trx,
        orgId,
        members.map((m) => m.id),
      )
      const linesOf = new Map<string, AuthorizedLine[]>(
        [...annex].map(([id, version]) => [
          id,
          version.lines.map((l) => ({
            key: annexLineKey(l),
            volume: l.authorizedVolume,
            priceMxn: l.unitPriceMxn,
            priceUsd: l.unitPriceUsd,
          })),
        ]),
      )
      const names = await getNames(trx, orgId, {
        clientIds: counts.map((c) => c.clientId),
        frontIds: facts.flatMap((w) => (w.frontId ? [w.frontId] : [])),
      })
      const clients = new Map(names.clients.map((c) => [c.id, c.name]))
      const fronts = new Map((names.fronts ?? []).map((f) => [f.id, f.name]))
      return {
        today,
        proposals: proposalFigures(counts, (id) => clients.get(id) ?? '—'),
        workOrders: workOrderFigures(facts, (id) => fronts.get(id) ?? '—'),
        authorized: authorizedByMonth(members, linesOf, new Set(facts.map((w) => w.id))),
        production: await production(trx, orgId, [...new Set(facts.map((w) => w.familyId))], query, today),
      }
    })
  }

  /**
   * The production cards (docs/insights.md#production-money): the families' concepts and production through
   * production's index.ts, the cells approved estimates billed through estimates' index.ts, evidence statuses
   * in one statement, one rate per month.
   */
  async function production(
    trx: Executor,
    orgId: string,
    familyIds: string[],
    query: TOffshoreDashboardQuery,
    today: string,
  ) {
    const asOf = query.to && query.to < today ? query.to : today
    const families: ProductionFamily[] = []
    for (const familyId of familyIds) {
      families.push({
        familyId,
        number: (await getWorkOrderRef(trx, orgId, familyId))?.number ?? '—',
        concepts: await familyBillingConcepts(trx, orgId, familyId),
      })
    }
    const concepts = new Map(families.map((f) => [f.familyId, f.concepts]))
    const cells = await productionOfFamilies(trx, orgId, { familyIds, to: query.to })
    const inScope = cells.filter(
      (c) =>
        (!query.from || c.date >= query.from) &&
        (!query.to || c.date <= query.to) &&
        (!query.siteId || c.siteId === query.siteId),
    )
    const billed = await approvedEstimateCells(trx, orgId, { familyIds, from: query.from, to: query.to })
    const annexes = new Set(await evidenceAnnexesOf(trx, orgId))
    const needing = inScope.filter((c) => needsEvidence(concepts.get(c.familyId)?.get(c.conceptId), annexes))
    const status = await evidenceStatusOf(trx, orgId, needing)
    const rates = new Map<string, Rate>()
    for (const month of new Set(inScope.map((c) => c.date.slice(0, 7))))
      rates.set(month, await exchangeRateOn(trx, orgId, rateDateOfMonth(month)))
    return productionFigures({
      families,
      cells,
      scope: { from: query.from, to: query.to, siteId: query.siteId },
      asOf,
      billed: (c) => billed.has(billedCellKey(c)),
      evidenceAnnexes: annexes,
      evidenceStatus: (c) => status.get(evidenceCellKey(c)) ?? 'pending',
      rateOfMonth: (month) => rates.get(month) ?? null,
      rateAsOf: await exchangeRateOn(trx, orgId, asOf),
    })
  }

  async function rentalDashboard({
    actor,
    query,
  }: DashboardOptions<TRentalDashboardQuery>): Promise<TRentalDashboard> {
    requireAccess(actor, 'rental.read')
    await requireLine(actor, 'rental')
    const today = await orgToday(actor.orgId)
    const { orgId } = actor
    // utilization needs a span: the period asked, else this month up to today
    const from = query.from ?? firstDayOfMonth(query.to ?? today)
    const to = query.to ?? (today >= from ? today : from)
    return db.transaction().execute(async (trx) => {
      const equipment = (await countEquipment(trx, orgId)).filter((e) => e.kind === 'equipment')
      const fleetRows = equipment.filter((e) => e.condition !== 'retired')
      const sum = (rows: typeof equipment) => rows.reduce((a, r) => a + r.count, 0)
      const windows = await listEquipmentAssignmentWindows(trx, orgId, from, to)
      const sheets = await listSheetFigures(trx, orgId, {
        status: query.sheetStatus,
        periodFrom: query.from,
        periodTo: query.to,
      })
      const projects = new Map(
        (
          await getProjects(trx, orgId, [
            ...windows.map((w) => w.projectId),
            ...sheets.map((s) => s.projectId),
          ])
        ).map((p) => [p.id, p.client]),
      )
      const ofClient = (projectId: string) =>
        !query.clientId || projects.get(projectId)?.id === query.clientId
      // compliance alerts (docs/insights.md#rental): the field-staff module's summary, as of today
      const compliance = can(actor, 'fieldStaff.read') ? await complianceSummary(trx, orgId, today) : null
      return {
        today,
        compliance: compliance
          ? { expired: compliance.expired, due10: compliance.due10, due30: compliance.due30 }
          : null,
        equipment: {
          fleet: sum(fleetRows),
          byAvailability: (['available', 'rented'] as const).map((availability) => ({
            availability,
            count: sum(fleetRows.filter((e) => e.availability === availability)),
          })),
          byCondition: (['operative', 'in_repair', 'damaged', 'retired'] as const).map((condition) => ({
            condition,
            count: sum(equipment.filter((e) => e.condition === condition)),
          })),
          readyToRent: sum(
            fleetRows.filter((e) => e.condition === 'operative' && e.availability === 'available'),
          ),
          utilization: utilization(
            windows.filter((w) => ofClient(w.projectId)),
            sum(fleetRows),
            from,
            to,
          ),
        },
        ...sheetFigures(
          sheets
            .filter((s) => ofClient(s.projectId))
            .map((s) => {
              const client = projects.get(s.projectId)
              return {
                status: s.status,
                periodStart: s.periodStart,
                currency: s.currency,
                subtotal: s.subtotal,
                total: s.total,
                clientId: client?.id ?? null,
                clientName: client?.name ?? s.clientName,
              }
            }),
        ),
      }
    })
  }

  return { offshoreDashboard, rentalDashboard }
}
export type InsightsService = ReturnType<typeof createInsightsService>
