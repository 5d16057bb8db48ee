import type { TBillingSheetDetail, TEDocument, TEInvoiceIssued } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Db } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import type { FilesService } from '../../platform/files/files.service'
import { renderPdf } from '../../platform/pdf/pdf'
import type { SecretBox } from '../../platform/secret-box'
import * as repo from './e-invoicing.repository'
import type { EDocumentMessage } from './e-invoicing.tables'
import { buildInvoiceXml, buyerOf, type InvoiceDocument } from './invoice-xml'
import { rideDefinition } from './ride-pdf'
import { signInvoice } from './signing'
import type { SriClient } from './sri-client'
import { createSettingsUseCases } from './settings.service'
import { createShippingGuideUseCases, type ShippingGuidesPort } from './shipping-guide.service'
import { documentHeader, signAndStore, type DocumentHead } from './sign-and-store'
import { eInvoicingMessages as M } from './e-invoicing.messages'

/** What e-invoicing needs of the billing sheets (rental-billing's service, wired in services.ts). */
export type BillingSheetsPort = {
  getSheet(actor: Actor, id: string): Promise<TBillingSheetDetail>
  /** marks the sheet invoiced with the invoice number and the RIDE (a stored PDF) */
  invoice(
    actor: Actor,
    id: string,
    input: { invoiceReference: string; invoiceFileId: string },
  ): Promise<unknown>
}

export type EInvoicingDeps = {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
  files: FilesService
  /** seals the certificate and its password; null: settings cannot be stored */
  secrets: SecretBox | null
  sri: SriClient
  sheets: BillingSheetsPort
  guides: ShippingGuidesPort
}

export type EInvoicingService = ReturnType<typeof createEInvoicingService>

export const localDate = (now: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  )
const localDateTime = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('es-EC', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d)

/**
 * SRI electronic documents (docs/e-invoicing.md): the issuer settings with the signing certificate, and the
 * invoice of a liquidated billing sheet: XML → access key → XAdES-BES signature → XSD check → stored → sent to
 * the SRI (reception, authorization) → an authorized invoice marks the sheet invoiced with its number and RIDE.
 */
export function createEInvoicingService(deps: EInvoicingDeps) {
  const { db, clock, timeZoneOf, files, secrets, sri, sheets } = deps
  const toDocument = (r: repo.EDocumentRow): TEDocument => ({
    id: r.id,
    kind: r.kind,
    sourceId: r.source_id,
    accessKey: r.access_key,
    number: r.number,
    environment: r.environment,
    status: r.status,
    messages: r.messages,
    certificateIsTest: r.certificate_is_test,
    authorizationNumber: r.authorization_number,
    authorizedAt: r.authorized_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    sriClient: sri.name,
  })

  const settings = createSettingsUseCases({ db, clock, secrets, sriName: sri.name })
  const { openSecret } = settings

  function invoiceDocumentOf(
    sheet: TBillingSheetDetail,
    s: repo.SettingsRow,
    head: DocumentHead,
  ): InvoiceDocument {
    return {
      ...documentHeader(s, head),
      issueDate: head.issueDate,
      buyer: buyerOf(sheet.clientTaxId, sheet.clientName),
      lines: sheet.lines.map((l) => ({
        code: l.equipmentCode ?? l.component,
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        total: l.total,
      })),
      taxRate: sheet.taxRate,
      subtotal: sheet.subtotal,
      tax: sheet.tax,
      total: sheet.total,
      paymentMethod: '20',
      additional: [
        { name: 'Planilla', value: sheet.seriesCode },
        { name: 'Proyecto', value: sheet.projectName },
        { name: 'Periodo', value: `${sheet.periodStart} a ${sheet.periodEnd}` },
        ...(sheet.clientPoReference ? [{ name: 'OC cliente', value: sheet.clientPoReference }] : []),
      ],
    }
  }

  /**
   * The SRI invoice of a liquidated sheet. Signed and XSD-checked before anything is stored; then sent to the
   * SRI. Authorized: the sheet is invoiced with the invoice number and the RIDE. 409 unless liquidated, or
   * when the sheet already has a live (not rejected) electronic invoice.
   */
  async function issueInvoice(actor: Actor, sheetId: string): Promise<TEInvoiceIssued> {
    requireAccess(actor, 'billingSheet.invoice')
    const sheet = await sheets.getSheet(actor, sheetId)
    if (sheet.status !== 'liquidated')
      throw new AppError('INVALID_STATE', M.onlyLiquidated(), {
        status: sheet.status,
      })
    if (sheet.lines.length === 0) throw new AppError('INVALID_STATE', M.noLines())
    const tz = await timeZoneOf(actor.orgId)
    const created = await db.transaction().execute((trx) =>
      signAndStore(
        trx,
        actor,
        tz,
        { clock, localDate, openSecret },
        {
          kind: 'invoice',
          sourceId: sheetId,
          alreadyIssued: (number) => M.invoiceIssued({ number }),
          build: (s, head) => invoiceDocumentOf(sheet, s, head),
          sign: (doc, p12, password) => signInvoice(buildInvoiceXml(doc), p12, password),
          schema: 'factura_V2.1.0.faena.xsd',
          invalid: M.invoiceInvalid(),
          audit: {
            action: 'eInvoicing.invoice_signed',
            entityType: 'billing_sheet',
            data: { total: sheet.total },
          },
        },
      ),
    )
    const final = await sendToSri(actor, created, (current) => markSheetInvoiced(actor, current, tz))
    return { accessKey: final.access_key, status: final.status, document: toDocument(final) }
  }

  /**
   * The sheet becomes invoiced with the invoice number and the RIDE as its invoice PDF. Idempotent: a sheet
   * already invoiced is left alone (a refresh after a marking that failed completes it; a second one does nothing).
   */
  async function markSheetInvoiced(actor: Actor, current: repo.EDocumentRow, tz: string) {
    const sheet = await sheets.getSheet(actor, current.source_id)
    if (sheet.status === 'invoiced') return
    const pdf = await renderPdf(rideDefinition(doc(current), rideStatus(current, tz)))
    const file = await files.uploadFile(actor, {
      name: `RIDE-factura-${current.number}.pdf`,
      bytes: pdf,
      accept: ['pdf'],
    })
    await sheets.invoice(actor, current.source_id, {
      invoiceReference: current.number,
      invoiceFileId: file.id,
    })
  }

  const doc = (r: repo.EDocumentRow) => r.document as InvoiceDocument

  type StatusPatch = Omit<Parameters<typeof repo.updateStatus>[3], 'now'>
  /** One SRI answer recorded on the document and audited. */
  const recordStatus = (actor: Actor, row: repo.EDocumentRow, patch: StatusPatch) =>
    db.transaction().execute(async (trx) => {
      const after = await repo.updateStatus(trx, actor.orgId, row.id, { ...patch, now: clock() })
      await writeAudit(trx, actor, {
        action: `eInvoicing.${row.kind === 'invoice' ? 'invoice' : 'shipping_guide'}_${patch.status}`,
        module: 'e-invoicing',
        entityType: row.kind === 'invoice' ? 'billing_sheet' : 'shipping_guide',
        entityId: row.source_id,
        data: {
          accessKey: row.access_key,
          number: row.number,
          sri: sri.name,
          messages: patch.messages.map((m) => `${m.identifier} ${m.message}`),
        },
      })
      return after
    })
  const sriFailure = (err: unknown): EDocumentMessage[] => [
    { identifier: 'RED', message: 'No se pudo contactar al SRI', info: String(err), type: 'ERROR' },
  ]

  /**
   * "Consultar al SRI": a document stuck at signed or sent is asked again by its access key (authorization
   * query); one the SRI never received (signed, not found) is sent again. An authorized one only runs its
   * follow-up (`onAuthorized`, idempotent). 409 for a rejected one (issue a new one instead).
   */
  async function refreshDocument(
    actor: Actor,
    row: repo.EDocumentRow,
    onAuthorized: (authorized: repo.EDocumentRow) => Promise<void>,
  ): Promise<repo.EDocumentRow> {
    if (row.status === 'rejected')
      throw new AppError('INVALID_STATE', M.sriRejected(), {
        status: row.status,
      })
    if (row.status === 'authorized') {
      await onAuthorized(row)
      return row
    }
    let auth
    try {
      auth = await sri.authorize(row.access_key, row.environment)
    } catch (err) {
      return recordStatus(actor, row, { status: row.status, messages: sriFailure(err) })
    }
    if (auth.state === 'AUTORIZADO') {
      const current = await recordStatus(actor, row, {
        status: 'authorized',
        messages: auth.messages,
        authorizationNumber: auth.number ?? row.access_key,
        authorizedAt: auth.authorizedAt ?? clock(),
      })
      await onAuthorized(current)
      return current
    }
    if (auth.state === 'EN PROCESO')
      return recordStatus(actor, row, { status: 'sent', messages: auth.messages })
    // not authorized: a signed document never reached the SRI — send it now; a sent one was refused
    if (row.status === 'signed') return sendToSri(actor, row, onAuthorized)
    return recordStatus(actor, row, { status: 'rejected', messages: auth.messages })
  }

  async function refreshInvoice(actor: Actor, sheetId: string): Promise<TEInvoiceIssued> {
    requireAccess(actor, 'billingSheet.invoice')
    const row = await requireInvoice(actor, sheetId)
    const tz = await timeZoneOf(actor.orgId)
    const final = await refreshDocument(actor, row, (current) => markSheetInvoiced(actor, current, tz))
    return { accessKey: final.access_key, status: final.status, document: toDocument(final) }
  }

  /** Reception, then authorization; each answer recorded (and audited) as it comes. */
  async function sendToSri(
    actor: Actor,
    row: repo.EDocumentRow,
    onAuthorized: (authorized: repo.EDocumentRow) => Promise<void>,
  ): Promise<repo.EDocumentRow> {
    const record = (patch: StatusPatch) => recordStatus(actor, row, patch)
    const failure = sriFailure
    const env = row.environment
    let reception
    try {
      reception = await sri.send(row.signed_xml, env)
    } catch (err) {
      return record({ status: 'signed', messages: failure(err) })
    }
    if (reception.state === 'DEVUELTA') return record({ status: 'rejected', messages: reception.messages })
    await record({ status: 'sent', messages: reception.messages })
    let auth
    try {
      auth = await sri.authorize(row.access_key, env)
    } catch (err) {
      return record({ status: 'sent', messages: failure(err) })
    }
    if (auth.state === 'EN PROCESO') return record({ status: 'sent', messages: auth.messages })
    if (auth.state === 'NO AUTORIZADO') return record({ status: 'rejected', messages: auth.messages })
    const authorizedAt = auth.authorizedAt ?? clock()
    const current = await record({
      status: 'authorized',
      messages: auth.messages,
      authorizationNumber: auth.number ?? row.access_key,
      authorizedAt,
    })
    await onAuthorized(current)
    return current
  }

  const rideStatus = (r: repo.EDocumentRow, tz: string) => ({
    status: r.status,
    number: r.number,
    authorizationNumber: r.authorization_number,
    authorizedAt: r.authorized_at ? localDateTime(r.authorized_at, tz) : null,
    certificateIsTest: r.certificate_is_test,
  })

  async function latestInvoice(actor: Actor, sheetId: string) {
    requireAccess(actor, 'rental.read')
    await sheets.getSheet(actor, sheetId) // 404 for a sheet of another organization
    return repo.findLatestDocument(db, actor.orgId, 'invoice', sheetId)
  }

  async function getInvoice(actor: Actor, sheetId: string): Promise<{ document: TEDocument | null }> {
    const row = await latestInvoice(actor, sheetId)
    return { document: row ? toDocument(row) : null }
  }

  async function requireInvoice(actor: Actor, sheetId: string) {
    const row = await latestInvoice(actor, sheetId)
    if (!row) throw new AppError('NOT_FOUND', M.noInvoice())
    return row
  }

  async function invoiceXml(actor: Actor, sheetId: string) {
    const row = await requireInvoice(actor, sheetId)
    return { xml: row.signed_xml, fileName: `factura-${row.number}-${row.access_key}.xml` }
  }

  async function invoiceRide(actor: Actor, sheetId: string) {
    const row = await requireInvoice(actor, sheetId)
    const bytes = await renderPdf(rideDefinition(doc(row), rideStatus(row, await timeZoneOf(actor.orgId))))
    return { bytes, fileName: `RIDE-factura-${row.number}.pdf` }
  }

  const guides = createShippingGuideUseCases({
    db,
    clock,
    timeZoneOf,
    guides: deps.guides,
    openSecret,
    sendToSri,
    refreshDocument,
    rideStatus,
    toDocument,
    localDate,
  })

  return {
    getSettings: settings.getSettings,
    saveSettings: settings.saveSettings,
    issueInvoice,
    refreshInvoice,
    getInvoice,
    invoiceXml,
    invoiceRide,
    ...guides,
  }
}
