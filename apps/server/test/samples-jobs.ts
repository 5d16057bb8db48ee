import type { ModuleSamples, SampleHelpers } from './samples'

/**
 * A job of demo-offshore for `/api/v1/jobs/:id` (the route's home organization): an export of the
 * maintenance sheets asked for by the offshore admin (an empty list there, so it finishes at once).
 */
export async function jobSamples(h: SampleHelpers): Promise<ModuleSamples> {
  if (!h.hasRoute('/api/v1/jobs/:id') || !h.hasRoute('/api/v1/rental/maintenance-sheets/export'))
    return { ids: {}, bodies: {} }
  const job = await h.post('/api/v1/rental/maintenance-sheets/export', {})
  return {
    ids: { '/api/v1/jobs/:id': job.id },
    bodies: {
      'POST /api/v1/rental/maintenance-sheets/export': {},
      'POST /api/v1/rental/custody-chains/export': {},
      'POST /api/v1/rental/shipping-guides/export': {},
      'POST /api/v1/concepts/export': {},
      'POST /api/v1/work-orders/export': {},
      'POST /api/v1/proposals/export': {},
      'POST /api/v1/audit/export': {},
      'POST /api/v1/rental/clients/export': {},
      'POST /api/v1/rental/projects/export': {},
      'POST /api/v1/rental/equipment/export': {},
      'POST /api/v1/rental/billing-sheets/export': {},
      'POST /api/v1/catalogs/clients/export': {},
      'POST /api/v1/catalogs/project-managers/export': {},
      'POST /api/v1/catalogs/types/export': {},
      'POST /api/v1/catalogs/statuses/export': {},
      'POST /api/v1/catalogs/fronts/export': {},
      'POST /api/v1/catalogs/sites/export': {},
      'POST /api/v1/catalogs/units/export': {},
      'POST /api/v1/catalogs/proposal-step-templates/export': {},
      'POST /api/v1/catalogs/work-order-step-templates/export': {},
      'POST /api/v1/rental/staff/export': {},
      'POST /api/v1/rental/vehicles/export': {},
      'POST /api/v1/rental/compliance/export': {},
    },
  }
}
