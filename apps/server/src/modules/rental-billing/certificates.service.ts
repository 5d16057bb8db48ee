import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { findUserNames } from '../../platform/auth/users.repository'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { allocateNumber } from '../../platform/numbering'
import { renderPdf } from '../../platform/pdf/pdf'
import { findOrganizationById, getOrganizationSettings } from '../../platform/tenancy/organizations'
import { writeCertificate } from './certificate-write'
import { CERT_ENTITY, isUniqueViolation, MODULE } from './rental-billing.context'
import { toCertificateHeader, toCertificateItem } from './rental-billing.mapping'
import type { BillingDocuments } from './rental-billing.ports'
import * as repo from './rental-billing.repository'
import { certificatePdf } from './sheet-pdf'
import { DEFAULT_CERTIFICATE_PREFIX, formatCertificateNumber, seriesPrefixOf } from './series-code'
import type { RecomputingContext } from './sheet-recomputation'
import { billingMessages as M } from './rental-billing.messages'

export type CreateCertificateOptions = { billingSheetId: string }
export type ListCertificatesOptions = Parameters<typeof repo.listCertificates>[2]

/**
 * Final disposition certificates (docs/rental-billing.md#disposition-certificates): one per sheet, from the
 * custody chains the sheet bills; created, refreshed while the sheet is in progress, read, listed, printed.
 */
export function createCertificateUseCases(ctx: RecomputingContext) {
  const { db, clock, projects, documents, today, userId, scopeOf } = ctx
  const { loadSheet, requireAction, billedDocuments } = ctx

  async function readCertificate(exec: Executor, actor: Actor, cert: repo.CertificateRow) {
    const [items, sheet] = await Promise.all([
      repo.listCertificateItems(exec, actor.orgId, cert.id),
      repo.sheetHeaderOf(exec, actor.orgId, cert.sheet_id),
    ])
    if (!sheet || sheet.deleted_at) throw new AppError('NOT_FOUND', M.certificateNotFound())
    return { ...toCertificateHeader(cert, sheet), items: items.map(toCertificateItem) }
  }

  /**
   * Creates the final disposition certificate of a sheet (one per sheet; 409 when it has one), numbered
   * `<prefix>-YYYYMMDD-NNNNN` with the organization's consecutive of the day.
   */
  async function createCertificate(actor: Actor, input: CreateCertificateOptions) {
    requireAccess(actor, 'billingSheet.manage')
    const day = await today(actor.orgId)
    try {
      return await db.transaction().execute(async (trx) => {
        const sheet = await loadSheet(trx, actor, input.billingSheetId, { forUpdate: true })
        const existing = await repo.findCertificateOfSheet(trx, actor.orgId, sheet.id)
        if (existing)
          throw new AppError('CONFLICT', M.certificateExists({ number: existing.number }), {
            certificateId: existing.id,
            number: existing.number,
          })
        requireAction(sheet, 'createCertificate')
        const settings = await getOrganizationSettings(trx, actor.orgId)
        const prefix = seriesPrefixOf(settings.dispositionCertificatePrefix, DEFAULT_CERTIFICATE_PREFIX)
        const consecutive = await allocateNumber(trx, {
          orgId: actor.orgId,
          series: `disposition-certificate-${day.replaceAll('-', '')}`,
        })
        if (consecutive > 99_999) throw new AppError('CONFLICT', M.certificateNumbersExhausted())
        const project = await projects.getProject(trx, actor, sheet.project_id)
        const docs = await certificateDocuments(trx, actor, sheet)
        const cert = await repo.insertCertificate(trx, actor.orgId, {
          sheet_id: sheet.id,
          number: formatCertificateNumber(day, consecutive, prefix),
          prefix,
          issue_date: day,
          consecutive,
          client_name: project?.clientName ?? sheet.client_name,
          client_tax_id: project?.clientTaxId ?? sheet.client_tax_id,
          location: project?.location ?? sheet.project_location,
          total_gallons: '0',
          total_barrels: '0',
          total_cubic_meters: '0',
          created_by: userId(actor),
        })
        await writeAudit(trx, actor, {
          action: 'disposition_certificate.created',
          module: MODULE,
          entityType: CERT_ENTITY,
          entityId: cert.id,
          changes: [{ field: 'number', old: null, new: cert.number }],
          data: { number: cert.number, billingSheetId: sheet.id, seriesCode: sheet.series_code },
        })
        const written = await writeCertificate(trx, actor, {
          clock,
          sheet,
          docs,
          project,
          cert,
          auditAs: null,
        })
        return readCertificate(trx, actor, written)
      })
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', M.certificateAlready())
      throw err
    }
  }

  /** The chains a certificate lists: those the sheet bills (linked to it, or of its period while in progress). */
  async function certificateDocuments(
    trx: Executor,
    actor: Actor,
    sheet: repo.SheetRow,
  ): Promise<BillingDocuments> {
    if (sheet.status === 'in_progress') return (await billedDocuments(trx, actor, sheet)).docs
    const all = await documents.listDocumentsForPeriod(trx, actor, scopeOf(sheet))
    return {
      ...all,
      custodyChains: all.custodyChains.filter((c) => !c.billingSheetId || c.billingSheetId === sheet.id),
    }
  }

  async function loadCertificate(exec: Executor, actor: Actor, id: string) {
    const cert = await repo.findCertificate(exec, actor.orgId, id)
    if (!cert) throw new AppError('NOT_FOUND', M.certificateNotFound())
    return cert
  }

  /** Rebuilds the certificate from the sheet's chains; only while the sheet is in progress (frozen after). */
  async function refreshCertificate(actor: Actor, id: string) {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const cert = await loadCertificate(trx, actor, id)
      const sheet = await repo.findSheet(trx, actor.orgId, cert.sheet_id, { forUpdate: true })
      if (!sheet) throw new AppError('NOT_FOUND', M.certificateNotFound())
      requireAction(sheet, 'refreshCertificate')
      const project = await projects.getProject(trx, actor, sheet.project_id)
      const docs = await certificateDocuments(trx, actor, sheet)
      const written = await writeCertificate(trx, actor, {
        clock,
        sheet,
        docs,
        project,
        cert,
        auditAs: 'refreshed',
      })
      return readCertificate(trx, actor, written)
    })
  }

  async function getCertificate(actor: Actor, id: string) {
    requireAccess(actor, 'rental.read')
    return readCertificate(db, actor, await loadCertificate(db, actor, id))
  }

  async function listCertificates(actor: Actor, query: ListCertificatesOptions) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listCertificates(db, actor.orgId, query)
    return {
      total,
      items: rows.map((c) => ({
        ...toCertificateHeader(c, { series_code: c.series_code, status: c.sheet_status }),
        itemCount: c.item_count,
      })),
    }
  }

  async function certificatePdfFile(actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
    requireAccess(actor, 'rental.read')
    const cert = await loadCertificate(db, actor, id)
    const certificate = await readCertificate(db, actor, cert)
    const org = await findOrganizationById(db, actor.orgId)
    const names = await findUserNames(db, actor.orgId, cert.created_by ? [cert.created_by] : [])
    const bytes = await renderPdf(
      certificatePdf({
        org: { name: org?.name ?? '', locale: org?.locale ?? 'es-EC' },
        certificate,
        issuedBy: names[0]?.name ?? null,
      }),
    )
    return { bytes, fileName: `CertificadoDisposicionFinal-${cert.number}.pdf` }
  }

  return { createCertificate, refreshCertificate, getCertificate, listCertificates, certificatePdfFile }
}
