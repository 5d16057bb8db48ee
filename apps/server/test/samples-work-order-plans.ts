import fs from 'node:fs'
import path from 'node:path'
import { annexCWorkbook, rowsFromCatalog, type CatalogItem } from './annex-c-workbooks'
import type { ModuleSamples, SampleHelpers } from './samples'

const repoRoot = path.resolve(import.meta.dirname, '../../..')
const SCHEDULE_FIXTURE = path.resolve(repoRoot, '../shared/fixtures/msproject/mspdirelations.xml')

/**
 * Sample records of the work-order concepts and schedules modules (in demo-offshore), on the work order of
 * the work-orders samples: one Anexo C version (pending confirmation, so confirm/discard have a subject) built
 * from the concepts the concept samples imported, and one schedule version. `:importId` and `:versionId`.
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
      fs.readFileSync(SCHEDULE_FIXTURE),
    )
    out['/api/v1/work-orders :versionId'] = schedule.versionId
  }
  return { ids: out, bodies: {} }
}
