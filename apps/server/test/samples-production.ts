import type { TestApp } from './harness'
import type { ModuleSamples, SampleHelpers } from './samples'

/**
 * Sample records of production's monthly reports and rotations (in demo-offshore, docs/production.md): the
 * work-order sample's month (`:workOrderId`, `:month`, any `:fileId`), two superintendents and a rotation at
 * the sample site (`:superintendentId`, `:rotationId`), and the bodies of the routes that take one.
 */
export async function productionSamples(
  t: TestApp,
  h: SampleHelpers,
  ids: Record<string, string>,
): Promise<ModuleSamples> {
  if (!h.hasRoute('/api/v1/production/superintendents')) return { ids: {}, bodies: {} }
  await h.post('/api/v1/production/superintendents', { name: 'Muestra Uno' })
  const sups = (await h.post('/api/v1/production/superintendents', { name: 'Muestra Dos' })) as {
    items: { id: string; name: string }[]
  }
  const [a, b] = ['Muestra Uno', 'Muestra Dos'].map((n) => sups.items.find((s) => s.name === n)!.id)
  const siteId = ids['/api/v1/catalogs/sites/:id']!
  const org = await t.db
    .selectFrom('sites')
    .select('org_id')
    .where('id', '=', siteId)
    .executeTakeFirstOrThrow()
  const rotation = await t.db
    .insertInto('production_rotations')
    .values({
      org_id: org.org_id,
      site_id: siteId,
      start_date: '2026-01-01',
      superintendent_a_id: a!,
      superintendent_b_id: b!,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return {
    ids: {
      ':workOrderId': ids['/api/v1/work-orders/:id']!,
      ':month': '2026-03',
      ':fileId': '00000000-0000-4000-8000-000000000001',
      ':superintendentId': a!,
      ':rotationId': rotation.id,
    },
    bodies: {
      'PUT /api/v1/production/monthly-reports/:workOrderId/:month/status': { status: 'in_review' },
      'POST /api/v1/production/monthly-reports/:workOrderId/:month/reopen': {
        reason: 'Corrección de muestra',
      },
      'POST /api/v1/production/monthly-reports/:workOrderId/:month/links': {
        url: 'https://example.com/r.pdf',
      },
      'POST /api/v1/production/superintendents': { name: 'Muestra Tres' },
      'PATCH /api/v1/production/superintendents/:superintendentId': { active: true },
      'PUT /api/v1/production/rotations': {
        siteId,
        startDate: '2026-02-01',
        superintendentAId: a,
        superintendentBId: b,
      },
    },
  }
}
