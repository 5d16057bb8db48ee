import { CLIENT_TYPES } from '@faena/contracts'
import { writeAudit } from '../../platform/audit/audit'
import type { DemoSeeder } from '../../platform/seed/demo'
import * as repo from './catalogs.repository'
import type { CatalogTable, StepTemplateTable } from './catalogs.repository'
import {
  DEMO_CLIENTS,
  DEMO_FRONTS,
  DEMO_PROJECT_MANAGERS,
  DEMO_PROPOSAL_STEPS,
  DEMO_SITES,
  DEMO_STATUSES,
  DEMO_TYPES,
  DEMO_UNITS,
  DEMO_WORK_ORDER_STEPS,
  type StepSeed,
} from './catalogs.seed-data'
import { normalizeUnitKey } from './unit-key'

/**
 * Fills the catalogs of a new offshore demo organization (does nothing for other lines of business,
 * nor when the organization already has clients). One audit row per catalog seeded.
 */
export const seedDemoCatalogs: DemoSeeder = async (trx, actor, org) => {
  if (!org.linesOfBusiness.includes('offshore')) return
  const orgId = actor.orgId
  if ((await repo.countRows(trx, 'clients', orgId)) > 0) return

  const counts: Partial<Record<CatalogTable, number>> = {}
  const insert = async (table: CatalogTable, rows: Record<string, unknown>[]) => {
    const inserted = await repo.insertRows(
      trx,
      table,
      rows.map((r) => ({ comment: null, ...r, org_id: orgId })),
    )
    counts[table] = (counts[table] ?? 0) + inserted.length
    return inserted
  }

  await insert(
    'clients',
    DEMO_CLIENTS.map((c) => ({ name: c.name, client_type: c.clientType, comment: c.comment ?? null })),
  )
  await insert(
    'project_managers',
    DEMO_PROJECT_MANAGERS.map((p) => ({ name: p.name, email: p.email })),
  )
  await insert(
    'types',
    DEMO_TYPES.map((t) => ({ name: t.name, level: t.level, comment: t.comment ?? null })),
  )
  await insert(
    'statuses',
    DEMO_STATUSES.map((s) => ({ name: s.name, level: s.level })),
  )
  await insert(
    'fronts',
    DEMO_FRONTS.map((f) => ({ name: f.name, site_kinds: f.siteKinds, comment: f.comment })),
  )
  await insert(
    'sites',
    DEMO_SITES.map((s) => ({ name: s.name, kind: s.kind, comment: s.comment ?? null })),
  )
  const units = new Map<string, { key: string; description: string }>()
  for (const u of DEMO_UNITS) if (!units.has(normalizeUnitKey(u.key))) units.set(normalizeUnitKey(u.key), u)
  await insert(
    'units',
    [...units].map(([normalized, u]) => ({
      key: u.key,
      normalized_key: normalized,
      description: u.description,
    })),
  )

  const steps = async (
    table: StepTemplateTable,
    templates: Record<(typeof CLIENT_TYPES)[number], StepSeed[]>,
  ) => {
    for (const clientType of CLIENT_TYPES) {
      const list = templates[clientType]
      const mains = await insert(
        table,
        list.map((s, i) => ({ client_type: clientType, name: s.name, position: i + 1, parent_id: null })),
      )
      const mainByPosition = new Map(mains.map((m) => [m.position as number, m.id]))
      const children = list.flatMap((s, i) =>
        (s.subSteps ?? []).map((name, j) => ({
          client_type: clientType,
          name,
          position: j + 1,
          parent_id: mainByPosition.get(i + 1),
        })),
      )
      await insert(table, children)
    }
  }
  await steps('proposal_step_templates', DEMO_PROPOSAL_STEPS)
  await steps('work_order_step_templates', DEMO_WORK_ORDER_STEPS)

  await writeAudit(trx, actor, {
    action: 'catalogs.demo_seeded',
    module: 'catalogs',
    entityType: 'organization',
    entityId: orgId,
    data: counts,
  })
}
