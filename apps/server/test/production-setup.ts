/**
 * Production fixtures through the API (docs/production.md), for the integration tests, the e2e journeys and
 * the benchmark: the contract catalog, a work order at a vessel and a platform with a confirmed Anexo C of
 * catalog concepts, and a reprogramming with its own Anexo C. `api` is any JSON/multipart client (app.inject
 * in the integration tests, Playwright's request in e2e).
 */
import { annexCWorkbook, type AnnexRow, type CatalogItem } from './annex-c-workbooks'
import { contractWorkbook } from './concept-workbooks'

type Json = any // eslint-disable-line @typescript-eslint/no-explicit-any
export type ProductionApi = {
  json: (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => Promise<Json>
  upload: (url: string, fileName: string, bytes: Buffer, fields?: Record<string, string>) => Promise<Json>
}

export type CatalogConcept = CatalogItem & { id: string }

/** Imports the synthetic contract catalog (idempotent) and returns its C-2 and C-3 concepts by code. */
/**
 * The contract concept catalog the production fixtures take their concepts from, sorted by code. By default a
 * synthetic catalog of `concepts` rows in annexes C-2 and C-3; the e2e journeys pass the contract workbook the
 * other journeys import (`workbook`) and read one annex (`annex`), so that journeys sharing a database never
 * give a code two concepts.
 */
export async function importCatalog(
  api: ProductionApi,
  opts: { concepts?: number; workbook?: Buffer; annex?: string } = {},
): Promise<CatalogConcept[]> {
  const workbook =
    opts.workbook ?? (await contractWorkbook({ concepts: opts.concepts ?? 24, annexes: [2, 3] }))
  await api.upload('/api/v1/concepts/import', 'contrato.xlsx', workbook, { kind: 'contract' })
  const annex = opts.annex ? `&annex=${encodeURIComponent(opts.annex)}` : ''
  return (await api.json('GET', `/api/v1/concepts?kind=ordinary&limit=500&sort=code${annex}`)).items
}

export type SiteRefs = {
  barco: string
  vessel: string
  platform: string
  clientId: string
  managerId: string
}

export async function siteRefs(api: ProductionApi): Promise<SiteRefs> {
  const fronts = (await api.json('GET', '/api/v1/catalogs/fronts?limit=50')).items as Json[]
  const sites = (await api.json('GET', '/api/v1/catalogs/sites?limit=100&sort=createdAt')).items as Json[]
  return {
    barco: fronts.find((f) => f.name === 'BARCO').id,
    vessel: sites.find((s) => s.kind === 'vessel').id,
    platform: sites.find((s) => s.kind === 'platform').id,
    clientId: (await api.json('GET', '/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')).items[0].id,
    managerId: (await api.json('GET', '/api/v1/catalogs/project-managers?limit=1')).items[0].id,
  }
}

/** Uploads an Anexo C of `rows` to a work order and confirms it. */
export async function confirmAnnex(
  api: ProductionApi,
  workOrderId: string,
  rows: AnnexRow[],
  dates: string[] = [],
) {
  const pending = await api.upload(
    `/api/v1/work-orders/${workOrderId}/annex-imports`,
    'anexo-c.xlsx',
    await annexCWorkbook(rows, { dates }),
  )
  return api.json('POST', `/api/v1/work-orders/${workOrderId}/annex-imports/${pending.id}/confirm`)
}

export const annexRows = (
  concepts: readonly CatalogConcept[],
  volume: (i: number) => number,
  planned?: (i: number) => Record<string, number>,
): AnnexRow[] =>
  concepts.map((c, i) => ({
    annex: c.annex,
    code: c.code,
    description: c.description,
    unit: c.unit,
    volume: volume(i),
    priceMxn: Number(c.unitPriceMxn),
    priceUsd: Number(c.unitPriceUsd),
    ...(planned ? { planned: planned(i) } : {}),
  }))

/** A work order at a vessel and a platform (front BARCO) over [start, end], with a confirmed Anexo C. */
export async function workOrderWithAnnex(
  api: ProductionApi,
  refs: SiteRefs,
  opts: { number: string; start: string; end: string; rows: AnnexRow[]; dates?: string[] },
) {
  const wo = await api.json('POST', '/api/v1/work-orders', {
    number: opts.number,
    description: `Trabajos de ${opts.number}`,
    clientId: refs.clientId,
    projectManagerId: refs.managerId,
    plannedStart: opts.start,
    plannedEnd: opts.end,
    frontId: refs.barco,
    vesselId: refs.vessel,
    platformId: refs.platform,
  })
  await confirmAnnex(api, wo.id, opts.rows, opts.dates ?? [])
  return wo as { id: string; number: string }
}
