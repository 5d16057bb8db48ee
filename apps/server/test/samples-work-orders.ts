import type { ModuleSamples, SampleHelpers } from './samples'

/**
 * Sample records of the work-orders module (in demo-offshore): one initial work order without a proposal,
 * created through the API as the admin; its first step is the `:stepId` of the work-order step routes.
 */
export async function workOrderSamples(h: SampleHelpers): Promise<ModuleSamples> {
  if (!h.hasRoute('/api/v1/work-orders')) return { ids: {}, bodies: {} }
  const clients = await h.get('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')
  const managers = await h.get('/api/v1/catalogs/project-managers?limit=1')
  const body = {
    number: 'OT-MUESTRA-0001',
    description: 'Muestra para pruebas de rutas',
    clientId: clients.items[0].id,
    projectManagerId: managers.items[0].id,
    plannedStart: '2026-11-01',
    plannedEnd: '2026-11-30',
  }
  const wo = await h.post('/api/v1/work-orders', body)
  return {
    ids: {
      '/api/v1/work-orders/:id': wo.id,
      '/api/v1/work-orders :stepId': wo.steps[0].id,
    },
    bodies: {
      'POST /api/v1/work-orders': { ...body, number: 'OT-MUESTRA-0002' },
      'PATCH /api/v1/work-orders/:id': { description: 'Otra descripción' },
      'PATCH /api/v1/work-orders/:id/steps/:stepId': { status: 'in_progress' },
      'POST /api/v1/work-orders/:id/reprogrammings': { plannedStart: '2026-12-01', plannedEnd: '2026-12-31' },
      'POST /api/v1/proposals/:id/work-orders': { number: 'OT-MUESTRA-0003' },
      'POST /api/v1/work-orders/import': undefined,
    },
  }
}
