/**
 * "A family with production ready to bill" through the API, for the estimates and insights integration tests:
 * the production fixtures (production-setup.ts) reached through app.inject, a work order with a confirmed
 * Anexo C of catalog concepts, production saved through the grid, signed evidence and production's monthly
 * close (estimates bill closed months only).
 */
import { apiCalls } from './api-calls'
import type { TestApp } from './harness'
import { postFile } from './multipart'
import {
  annexRows,
  importCatalog,
  siteRefs,
  workOrderWithAnnex,
  type CatalogConcept,
  type ProductionApi,
  type SiteRefs,
} from './production-setup'

/** The production fixtures' client over app.inject, as `cookie` (read at each call). */
export function injectApi(app: () => TestApp, cookie: () => string): ProductionApi {
  const { ok } = apiCalls(app, cookie)
  return {
    json: (method, url, body) => ok(method, url, body),
    async upload(url, fileName, bytes, fields) {
      const res = await postFile(app(), cookie(), url, fileName, bytes, fields)
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
      return res.json()
    },
  }
}

export type BillableFamily = {
  catalog: CatalogConcept[]
  /** The catalog's concepts 2.1. and 2.2. */
  A: CatalogConcept
  B: CatalogConcept
  refs: SiteRefs
  wo: { id: string; number: string }
}

/**
 * Imports the catalog and creates a work order at the vessel and the platform over [start, end] whose Anexo C
 * holds `concepts` (by default A and B) with `volumes` authorized.
 */
export async function billableFamily(
  api: ProductionApi,
  opts: {
    number: string
    start: string
    end: string
    volumes: number[]
    concepts?: (f: Omit<BillableFamily, 'refs' | 'wo'>) => CatalogConcept[]
  },
): Promise<BillableFamily> {
  const catalog = await importCatalog(api)
  const A = catalog.find((c) => c.code === '2.1.')!
  const B = catalog.find((c) => c.code === '2.2.')!
  const refs = await siteRefs(api)
  const concepts = opts.concepts ? opts.concepts({ catalog, A, B }) : [A, B]
  const wo = await workOrderWithAnnex(api, refs, {
    number: opts.number,
    start: opts.start,
    end: opts.end,
    rows: annexRows(concepts, (i) => opts.volumes[i]!),
  })
  return { catalog, A, B, refs, wo }
}

/** Saves production cells (TE) of one site and month through the grid, at its current version. */
export async function saveGridCells(
  api: ProductionApi,
  workOrderId: string,
  siteId: string,
  month: string,
  cells: object[],
) {
  const q = `/api/v1/production/grid?workOrderId=${workOrderId}&siteId=${siteId}&month=${month}&timeType=TE`
  const g = await api.json('GET', q)
  await api.json('PUT', '/api/v1/production/grid', {
    workOrderId,
    siteId,
    month,
    timeType: 'TE',
    version: g.version,
    cells,
  })
}

/** Links evidence to a production cell (TE) and marks it signed. */
export async function signEvidence(
  api: ProductionApi,
  cell: { workOrderId: string; siteId: string; conceptId: string; date: string },
  url: string,
) {
  const k = { ...cell, timeType: 'TE' }
  await api.json('POST', '/api/v1/production/evidence/links', { ...k, url })
  await api.json('PUT', '/api/v1/production/evidence/status', { ...k, status: 'signed' })
}

/** Production's monthly close of a family's month: a report link, in review, closed. */
export async function closeMonth(
  api: ProductionApi,
  workOrderId: string,
  month: string,
  link: { url: string; label?: string } = { url: 'https://example.com/cierre.pdf' },
) {
  const R = `/api/v1/production/monthly-reports/${workOrderId}/${month}`
  await api.json('POST', `${R}/links`, link)
  await api.json('PUT', `${R}/status`, { status: 'in_review' })
  await api.json('PUT', `${R}/status`, { status: 'closed' })
}
