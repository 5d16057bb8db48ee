import type { ModuleSamples, SampleHelpers } from './samples'

/**
 * Sample records of the rental-projects module (in demo-rental) and a valid body per route. It creates its
 * own client, project, unit and assignment, so the demo seed's records stay as they are for other modules.
 */
export async function rentalProjectSamples(h: SampleHelpers): Promise<ModuleSamples> {
  if (!h.hasRoute('/api/v1/rental/projects')) return { ids: {}, bodies: {} }
  const client = await h.post('/api/v1/rental/clients', {
    name: 'Cliente muestra S.A.',
    taxId: '1790011674001',
  })
  const project = await h.post('/api/v1/rental/projects', {
    clientId: client.id,
    name: 'Proyecto muestra',
    startDate: '2026-01-01',
  })
  const unit = await h.post('/api/v1/rental/equipment', {
    code: 'MUESTRA-01',
    name: 'Batería muestra',
    kind: 'equipment',
    type: 'toilet',
  })
  const spare = await h.post('/api/v1/rental/equipment', {
    code: 'MUESTRA-02',
    name: 'Batería muestra 2',
    kind: 'equipment',
    type: 'toilet',
  })
  const assignment = await h.post(`/api/v1/rental/projects/${project.id}/assignments`, {
    equipmentId: unit.id,
    dailyRate: '15.00',
    operationStart: '2026-01-01',
  })
  return {
    ids: {
      '/api/v1/rental/clients/:id': client.id,
      '/api/v1/rental/projects/:id': project.id,
      '/api/v1/rental/equipment/:id': unit.id,
      '/api/v1/rental/assignments/:id': assignment.id,
    },
    bodies: {
      'POST /api/v1/rental/clients': { name: 'Otro cliente', taxId: '1760013210001' },
      'PATCH /api/v1/rental/clients/:id': { phone: '022 555 000' },
      'POST /api/v1/rental/projects': { clientId: client.id, name: 'Otro proyecto', startDate: '2026-02-01' },
      'PATCH /api/v1/rental/projects/:id': { notes: 'Nota muestra' },
      'POST /api/v1/rental/projects/:id/close': { reason: 'Muestra' },
      'POST /api/v1/rental/projects/:id/assignments': {
        equipmentId: spare.id,
        dailyRate: '12.50',
        operationStart: '2026-01-05',
      },
      'PATCH /api/v1/rental/assignments/:id': { description: 'ALQUILER / MUESTRA' },
      'POST /api/v1/rental/assignments/:id/retire': { date: '2026-01-31', reason: 'Muestra' },
      'POST /api/v1/rental/assignments/:id/reactivate': {},
      'POST /api/v1/rental/equipment': { code: 'MUESTRA-03', name: 'Lavamanos muestra', kind: 'equipment' },
      'PATCH /api/v1/rental/equipment/:id': { notes: 'Nota muestra' },
      'POST /api/v1/rental/equipment/import': undefined,
    },
  }
}
