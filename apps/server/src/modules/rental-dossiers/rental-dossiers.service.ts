import {
  ZProjectDossierRequest,
  type TDossierPart,
  type TDossierPartKind,
  type TJobRun,
  type TProjectDossierRequest,
} from '@faena/contracts'
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'
import { z } from 'zod'
import { requireAccess, type Actor } from '../../platform/access'
import type { Db } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import type { FilesService } from '../../platform/files/files.service'
import type { JobContext, JobOutcome, JobsService } from '../../platform/jobs'
import type { EInvoicingService } from '../e-invoicing'
import type { RentalBillingService } from '../rental-billing'
import {
  appendPages,
  listDossierChains,
  listDossierGuides,
  type RentalDocumentsService,
} from '../rental-documents'
import type { RentalProjectsService } from '../rental-projects'
import {
  printedNumber,
  projectDossierFileName,
  projectDossierFiles,
  sheetDossierFileName,
  skippedLines,
} from './dossier-plan'
import { dossiersMessages as M } from './rental-dossiers.messages'

/**
 * The dossiers (expedientes, docs/rental-dossiers.md): one PDF per billing sheet (its generated documents,
 * invoice and custody chains) or per project (its uploaded files), built by a job on the jobs platform.
 * Every part is read through the owning module's service as the requester (organization and permission
 * checked there); a part that cannot be read or generated is left out and listed on a last page and in the
 * job's result.
 */

export const SHEET_DOSSIER_JOB = 'rental-dossiers.sheet-dossier'
export const PROJECT_DOSSIER_JOB = 'rental-dossiers.project-dossier'

export type RentalDossiersDeps = {
  db: Db
  jobs: Pick<JobsService, 'define'>
  billing: Pick<RentalBillingService, 'getSheet' | 'listSheets' | 'sheetPdf' | 'certificatePdfFile'>
  documents: Pick<RentalDocumentsService, 'custodyChainPdfFile'>
  projects: Pick<RentalProjectsService, 'getProject'>
  eInvoicing: Pick<EInvoicingService, 'getInvoice' | 'invoiceRide'>
  files: Pick<FilesService, 'getFile' | 'readFile'>
}

const ZSheetDossierPayload = z.object({ sheetId: z.uuid() })
const ZProjectDossierPayload = ZProjectDossierRequest.extend({ projectId: z.uuid() })

/** One part to put in: how to get its bytes (null: the part does not exist, nothing to list). */
type PartSource = {
  kind: TDossierPartKind
  ref: string
  name: string | null
  source: 'generated' | 'uploaded'
  bytes: () => Promise<Uint8Array | null>
}

/** Latin-1 text for the standard PDF font (anything else becomes `?`), at most `max` characters. */
const printable = (s: string, max: number) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').slice(0, max)

async function skippedPage(doc: PDFDocument, title: string, lines: string[]) {
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  let page = doc.addPage([595.28, 841.89])
  let y = 800
  page.drawText(printable(title, 90), { x: 40, y, size: 13, font: bold })
  y -= 24
  page.drawText('Partes que no se incluyeron:', { x: 40, y, size: 10, font })
  y -= 18
  for (const line of lines) {
    if (y < 40) {
      page = doc.addPage([595.28, 841.89])
      y = 800
    }
    page.drawText(`- ${printable(line, 105)}`, { x: 40, y, size: 9, font, color: rgb(0.6, 0.1, 0.1) })
    y -= 14
  }
}

/** Appends the parts in order, reporting progress after each; what was left out is listed last. */
async function mergeParts(
  ctx: JobContext,
  sources: PartSource[],
  title: string,
): Promise<{ doc: PDFDocument; parts: TDossierPart[] }> {
  const doc = await PDFDocument.create()
  doc.setTitle(title)
  const parts: TDossierPart[] = []
  await ctx.progress(0, sources.length)
  for (const [i, s] of sources.entries()) {
    const base = { kind: s.kind, ref: s.ref, name: s.name, source: s.source }
    let bytes: Uint8Array | null = null
    let failed = false
    try {
      bytes = await s.bytes()
    } catch {
      failed = true
    }
    if (failed) parts.push({ ...base, pages: 0, skipped: 'failed' })
    else if (bytes) {
      const outcome = await appendPages(doc, bytes)
      parts.push(
        'pages' in outcome
          ? { ...base, pages: outcome.pages, skipped: null }
          : { ...base, pages: 0, skipped: outcome.skipped },
      )
    }
    await ctx.progress(i + 1)
  }
  const lines = skippedLines(parts)
  if (lines.length > 0) await skippedPage(doc, title, lines)
  return { doc, parts }
}

const outcome = async (doc: PDFDocument, name: string, parts: TDossierPart[]): Promise<JobOutcome> => ({
  file: { name, kind: 'pdf', bytes: Buffer.from(await doc.save()) },
  result: {
    pages: doc.getPageCount(),
    parts,
    skipped: parts.filter((p) => p.skipped).length,
  },
})

export function createRentalDossiers(deps: RentalDossiersDeps) {
  const { billing, documents, projects, eInvoicing, files, db } = deps
  const uploaded = (actor: Actor, fileId: string) => async () => (await files.readFile(actor, fileId)).bytes

  /** The sheet's invoice: the uploaded file (or the stored RIDE), else the RIDE of an authorized e-invoice. */
  const invoicePart = async (actor: Actor, sheetId: string, invoiceFileId: string | null, ref: string) => {
    if (invoiceFileId) {
      const file = await files.getFile(actor, invoiceFileId).catch(() => null)
      return {
        kind: 'invoice',
        ref,
        name: file?.name ?? null,
        source: 'uploaded',
        bytes: uploaded(actor, invoiceFileId),
      } satisfies PartSource
    }
    const lookup = await eInvoicing
      .getInvoice(actor, sheetId)
      .catch((e: unknown) => ({ error: e instanceof Error ? e : new Error(String(e)) }))
    // the e-invoice could not be read: listed as a part that failed rather than silently left out
    if ('error' in lookup)
      return {
        kind: 'invoice',
        ref,
        name: null,
        source: 'generated',
        bytes: () => Promise.reject(lookup.error),
      } satisfies PartSource
    const document = lookup.document
    if (document?.status !== 'authorized') return null
    return {
      kind: 'invoice',
      ref: document.number,
      name: null,
      source: 'generated',
      bytes: async () => (await eInvoicing.invoiceRide(actor, sheetId)).bytes,
    } satisfies PartSource
  }

  const sheetJob = deps.jobs.define({
    kind: SHEET_DOSSIER_JOB,
    permission: 'rental.read',
    payload: ZSheetDossierPayload,
    run: async (ctx, { sheetId }) => {
      const actor = ctx.actor
      const sheet = await billing.getSheet(actor, sheetId)
      const sources: PartSource[] = [
        {
          kind: 'sheet',
          ref: sheet.seriesCode,
          name: null,
          source: 'generated',
          bytes: async () => (await billing.sheetPdf(actor, sheetId)).bytes,
        },
      ]
      const certificate = sheet.certificate
      if (certificate)
        sources.push({
          kind: 'certificate',
          ref: certificate.number,
          name: null,
          source: 'generated',
          bytes: async () => (await billing.certificatePdfFile(actor, certificate.id)).bytes,
        })
      const invoice = await invoicePart(actor, sheetId, sheet.invoiceFileId, sheet.invoiceReference ?? '')
      if (invoice) sources.push(invoice)
      const chains = await listDossierChains(db, actor.orgId, {
        projectId: sheet.projectId,
        billingSheetId: sheetId,
      })
      for (const c of chains) {
        const ref = printedNumber(c.number)
        if (c.attachments.length === 0)
          sources.push({
            kind: 'chain',
            ref,
            name: null,
            source: 'generated',
            bytes: async () => (await documents.custodyChainPdfFile(actor, c.id)).buffer,
          })
        for (const a of c.attachments)
          sources.push({
            kind: 'chain',
            ref,
            name: a.name,
            source: 'uploaded',
            bytes: uploaded(actor, a.fileId),
          })
      }
      const title = `Expediente ${sheet.seriesCode} — ${sheet.clientName}`
      const { doc, parts } = await mergeParts(ctx, sources, title)
      return outcome(doc, sheetDossierFileName(sheet.seriesCode, sheet.clientName), parts)
    },
  })

  const projectJob = deps.jobs.define({
    kind: PROJECT_DOSSIER_JOB,
    permission: 'rental.read',
    payload: ZProjectDossierPayload,
    run: async (ctx, { projectId, scope, sheetId }) => {
      const actor = ctx.actor
      const project = await projects.getProject(actor, projectId)
      const listed = await billing.listSheets(actor, {
        projectId,
        limit: 500,
        offset: 0,
        sort: 'periodStart',
        dir: 'asc',
      })
      const sheets = await Promise.all(
        listed.items.filter((s) => !sheetId || s.id === sheetId).map((s) => billing.getSheet(actor, s.id)),
      )
      const scopeOf = { projectId, billingSheetId: sheetId ?? undefined }
      const chains =
        scope === 'all' || scope === 'custody_chains' ? await listDossierChains(db, actor.orgId, scopeOf) : []
      const guides =
        scope === 'all' || scope === 'shipping_guides'
          ? await listDossierGuides(db, actor.orgId, scopeOf)
          : []
      const planned = projectDossierFiles(scope, sheets, chains, guides)
      if (planned.length === 0) throw new AppError('NOT_FOUND', M.nothingToJoin(), { scope })
      const sources: PartSource[] = planned.map((p) => ({
        kind: p.kind,
        ref: p.ref,
        name: p.name,
        source: 'uploaded',
        bytes: uploaded(actor, p.fileId),
      }))
      const { doc, parts } = await mergeParts(ctx, sources, `Documentos ${project.client.name} (${scope})`)
      return outcome(doc, projectDossierFileName(project.client.name, scope), parts)
    },
  })

  return {
    /** 202 with the job; 404 for a sheet of another organization (checked before the job is asked for). */
    async requestSheetDossier(actor: Actor, sheetId: string): Promise<TJobRun> {
      requireAccess(actor, 'rental.read')
      await billing.getSheet(actor, sheetId)
      return sheetJob.request(actor, { sheetId })
    },
    /** 202 with the job; 404 for a project (or a sheet) of another organization or not of this project. */
    async requestProjectDossier(
      actor: Actor,
      projectId: string,
      req: TProjectDossierRequest,
    ): Promise<TJobRun> {
      requireAccess(actor, 'rental.read')
      await projects.getProject(actor, projectId)
      if (req.sheetId) {
        const sheet = await billing.getSheet(actor, req.sheetId)
        if (sheet.projectId !== projectId)
          throw new AppError('NOT_FOUND', M.sheetOfOtherProject(), { field: 'sheetId' })
      }
      return projectJob.request(actor, { projectId, scope: req.scope, sheetId: req.sheetId ?? null })
    },
  }
}
export type RentalDossiers = ReturnType<typeof createRentalDossiers>
