import { annexCWorkbook, rowsFromCatalog, type CatalogItem } from './annex-c-workbooks'
import { mspdiBytes, relationsProject } from './fixtures/mspdi'
import type { ModuleSamples, SampleHelpers } from './samples'

/**
 * Sample records of the work-order concepts and schedules modules (in demo-offshore), on the work order of
 * the work-orders samples: one Anexo C version (pending confirmation, so confirm/discard have a subject) built
 * from the concepts the concept samples imported, and one schedule version (a built 5-task MS Project XML).
 * `:importId` and `:versionId`.
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
  return { ids: out, bodies: {} }
}
