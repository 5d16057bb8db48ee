import { annexCWorkbook, rowsFromCatalog, type CatalogItem } from './annex-c-workbooks'
import { mspdiBytes, relationsProject } from './fixtures/mspdi'
import type { ModuleSamples, SampleHelpers } from './samples'

/**
 * Sample records of the work-order concepts and schedules modules (in demo-offshore), on the work order of
 * the work-orders samples: one Anexo C version (pending confirmation, so confirm/discard have a subject) built
 * from the concepts the concept samples imported, and one schedule version (a built 5-task MS Project XML).
 * `:importId` and `:versionId`; bodies of the schedule progress routes.
 */
export async function workOrderPlanSamples(
  h: SampleHelpers,
  ids: Record<string, string>,
): Promise<ModuleSamples> {
  const workOrderId = ids['/api/v1/work-orders/:id']
  if (!workOrderId || !h.hasRoute('/api/v1/work-orders/:id/annex-imports')) return { ids: {}, bodies: {} }
  const out: Record<string, string> = {}
  const concepts = (await h.get('/api/v1/concepts?kind=ordinary&limit=2')) as { items: CatalogItem[] }
  if (concepts.items.length > 0) {
    const annex = await h.upload(
      `/api/v1/work-orders/${workOrderId}/annex-imports`,
      'anexo-c.xlsx',
      await annexCWorkbook(rowsFromCatalog(concepts.items)),
    )
    out['/api/v1/work-orders :importId'] = annex.id
  }
  if (h.hasRoute('/api/v1/work-orders/:id/schedules')) {
    const schedule = await h.upload(
      `/api/v1/work-orders/${workOrderId}/schedules`,
      'programa.xml',
      mspdiBytes(relationsProject()),
    )
    out['/api/v1/work-orders :versionId'] = schedule.versionId
  }
  // schedule progress (docs/schedules.md#progress-two-truths): task UID 1 of the built schedule
  const bodies: Record<string, object> = {
    'PUT /api/v1/work-orders/:id/schedules/active/progress': {
      items: [{ taskUid: 1, realPercent: '10', date: '2026-01-08', comment: 'muestra' }],
    },
    'POST /api/v1/work-orders/:id/schedules/active/progress/acknowledge': { upTo: '2026-01-08' },
  }
  return { ids: out, bodies }
}
