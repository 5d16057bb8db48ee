import type { ModuleSamples, SampleHelpers } from './samples'

/**
 * Sample records of the equipment-condition module (in demo-rental) and a valid body per route: its own
 * toilet unit with one inspection against the demo checklist, so the seed's records stay as they are.
 */
export async function equipmentConditionSamples(h: SampleHelpers): Promise<ModuleSamples> {
  if (!h.hasRoute('/api/v1/rental/equipment-checklists')) return { ids: {}, bodies: {} }
  const unit = await h.post('/api/v1/rental/equipment', {
    code: 'MUESTRA-EC-01',
    name: 'Batería muestra',
    kind: 'equipment',
    type: 'toilet',
  })
  const condition = await h.get(`/api/v1/rental/equipment/${unit.id}/condition`)
  const inspection = await h.post(`/api/v1/rental/equipment/${unit.id}/inspections`, {
    inspectedOn: '2026-01-05',
    inspectorName: 'Muestra',
    answers: (condition.checklist as { id: string }[]).map((i) => ({
      itemId: i.id,
      present: true,
      condition: 'good',
    })),
  })
  return {
    ids: { '/api/v1/rental/equipment-inspections/:id': inspection.id },
    bodies: {
      'PUT /api/v1/rental/equipment-checklists': { type: 'other', items: [{ label: 'Muestra' }] },
      'POST /api/v1/rental/equipment-status/export': {},
      'POST /api/v1/rental/equipment/:id/inspections': {
        inspectedOn: '2026-01-05',
        inspectorName: 'Muestra',
        answers: [],
      },
      'POST /api/v1/rental/equipment/:id/repair': { sentOn: '2026-01-05', reason: 'Muestra' },
      'POST /api/v1/rental/equipment/:id/repair/return': { returnedOn: '2026-01-06' },
    },
  }
}
