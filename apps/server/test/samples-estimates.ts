import type { ModuleSamples, SampleHelpers } from './samples'

/**
 * Sample records of the estimates module (in demo-offshore, docs/estimates.md): an estimate of the work-order
 * sample (`/api/v1/estimates/:id`, any `:adjustmentId`) and the bodies of the routes that take one.
 */
export async function estimateSamples(h: SampleHelpers, ids: Record<string, string>): Promise<ModuleSamples> {
  if (!h.hasRoute('/api/v1/estimates/:id')) return { ids: {}, bodies: {} }
  const workOrderId = ids['/api/v1/work-orders/:id']!
  const create = { workOrderId, periodStart: '2026-03-01', periodEnd: '2026-03-31', type: 'ordinary' }
  const estimate = (await h.post('/api/v1/estimates', create)) as { id: string }
  return {
    ids: {
      '/api/v1/estimates/:id': estimate.id,
      ':adjustmentId': '00000000-0000-4000-8000-000000000002',
      ':workOrderId': workOrderId,
    },
    bodies: {
      'POST /api/v1/estimates': create,
      'PUT /api/v1/estimates/:id/selection': { dateFrom: '2026-03-01', dateTo: '2026-03-31' },
      'POST /api/v1/estimates/:id/adjustments': {
        kind: 'penalty',
        amountMxn: '1',
        amountUsd: '0',
        reason: 'Penalización de muestra',
      },
      'POST /api/v1/estimates/:id/return': { reason: 'Devolución de muestra' },
      'POST /api/v1/estimates/:id/submit': {},
      'POST /api/v1/estimates/:id/invoice': { invoiceReference: 'FAC-MUESTRA-1' },
      'POST /api/v1/estimates/:id/pay': { date: '2026-04-15', amount: '1.00' },
      'PUT /api/v1/estimates/settings/:workOrderId': {
        ivaPercent: '16',
        advanceMxn: '0',
        advanceUsd: '0',
        amortizationPercent: '0',
        retentions: [],
        maxPeriodMonths: 1,
      },
    },
  }
}
