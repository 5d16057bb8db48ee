/**
 * The estimate's documents (docs/estimates.md#documents): the PDF and the workbook of one estimate, from the
 * estimate as the API answers it (estimate-view.ts), the client and site names (catalogs) and the evidence files
 * of its cells (production), all read through the modules' index.ts.
 */
import { requireAccess, type Actor } from '../../platform/access'
import { langOf } from '../../platform/i18n/export-texts'
import type { Lang } from '../../platform/i18n/messages'
import { renderPdf } from '../../platform/pdf/pdf'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { getNames } from '../catalogs'
import { evidenceFilesOf, evidenceCellKey } from '../production'
import { getWorkOrderRef } from '../work-orders'
import { cellKey, documentFileName, estimateDocument, type EstimateDocument } from './estimate-document'
import { estimatePdf } from './estimate-pdf'
import { estimateWorkbookModel, writeEstimateWorkbook } from './estimate-xlsx'
import { toEstimate } from './estimate-view'
import type { EstimatesContext } from './estimates.context'

export type EstimateFile = { bytes: Buffer; fileName: string }

export function createEstimateDocumentUseCases(ctx: EstimatesContext) {
  const { db } = ctx

  /** Everything the documents print, for one estimate of the caller's organization, its words in `lang`. */
  async function documentOf(actor: Actor, id: string, lang: Lang): Promise<EstimateDocument> {
    requireAccess(actor, 'estimate.read')
    const row = await ctx.loadEstimate(db, actor.orgId, id)
    const estimate = await toEstimate(ctx, db, row)
    const [org, wo] = await Promise.all([
      findOrganizationById(db, actor.orgId),
      getWorkOrderRef(db, actor.orgId, row.family_id),
    ])
    const names = await getNames(db, actor.orgId, {
      clientIds: wo ? [wo.clientId] : [],
      siteIds: [...new Set(estimate.cells.map((c) => c.siteId))],
    })
    const cells = estimate.cells.map((c) => ({ ...c, familyId: row.family_id }))
    const files = await evidenceFilesOf(db, actor.orgId, cells)
    const client = names.clients[0]
    return estimateDocument(
      {
        org: { name: org?.name ?? '', locale: org?.locale ?? 'es-MX' },
        estimate,
        client: client ? { name: client.name, clientType: client.clientType } : null,
        siteNames: new Map((names.sites ?? []).map((s) => [s.id, s.name])),
        evidenceFiles: new Map(cells.map((c) => [cellKey(c), files.get(evidenceCellKey(c)) ?? []])),
      },
      lang,
    )
  }

  /** The PDF stays in Spanish, whoever asks. */
  async function estimatePdfFile(actor: Actor, id: string): Promise<EstimateFile> {
    const doc = await documentOf(actor, id, 'es')
    const bytes = await renderPdf(estimatePdf(doc))
    return { bytes, fileName: documentFileName(doc, 'pdf') }
  }

  async function estimateWorkbookFile(actor: Actor, id: string): Promise<EstimateFile> {
    const lang = langOf(actor)
    const doc = await documentOf(actor, id, lang)
    const bytes = await writeEstimateWorkbook(estimateWorkbookModel(doc, lang))
    return { bytes, fileName: documentFileName(doc, 'xlsx', lang) }
  }

  return { estimatePdfFile, estimateWorkbookFile }
}
