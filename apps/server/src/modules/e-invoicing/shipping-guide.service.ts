import crypto from 'node:crypto'
import type { TEDocument, TEInvoiceIssued, TShippingGuideDetail } from '@faena/contracts'
import { isSystemActor, requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { AppError } from '../../platform/errors'
import { buildAccessKey, documentNumber, SRI_DOCUMENT_TYPE } from './access-key'
import type { Db } from '../../platform/db/executor'
import * as repo from './e-invoicing.repository'
import { buyerOf } from './invoice-xml'
import { buildShippingGuideXml, type ShippingGuideDocument } from './shipping-guide-xml'
import { shippingGuideRideDefinition, type RideStatus } from './ride-pdf'
import { signShippingGuide } from './signing'
import { renderPdf } from '../../platform/pdf/pdf'
import { validateAgainstXsd } from './xsd-validation'

/** What e-invoicing needs of the shipping guides (rental-documents' service, wired in services.ts). */
export type ShippingGuidesPort = {
  getShippingGuide(actor: Actor, id: string): Promise<TShippingGuideDetail>
}

type Ctx = {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
  guides: ShippingGuidesPort
  openSecret: (sealed: string, what: string, row: repo.SettingsRow) => string
  sendToSri: (
    actor: Actor,
    row: repo.EDocumentRow,
    onAuthorized: (r: repo.EDocumentRow) => Promise<void>,
  ) => Promise<repo.EDocumentRow>
  refreshDocument: (
    actor: Actor,
    row: repo.EDocumentRow,
    onAuthorized: (r: repo.EDocumentRow) => Promise<void>,
  ) => Promise<repo.EDocumentRow>
  rideStatus: (r: repo.EDocumentRow, tz: string) => RideStatus
  toDocument: (r: repo.EDocumentRow) => TEDocument
  localDate: (now: Date, timeZone: string) => string
}

const REASON_ES: Record<string, string> = {
  use_in_project: 'Uso en proyecto',
  rent: 'Renta de equipos',
  return: 'Devolución de equipos',
  sale: 'Venta',
}

/**
 * The electronic guía de remisión of a shipping guide (docs/e-invoicing.md): the same flow as the invoice —
 * sequential, access key (type 06), XML, XAdES-BES, schema check before storing, the SRI — and its RIDE.
 */
export function createShippingGuideUseCases(ctx: Ctx) {
  const { db, clock, timeZoneOf, guides } = ctx

  /** What the SRI requires that a guide may lack: 409 naming the missing fields. */
  function requireTransport(g: TShippingGuideDetail) {
    const missing = [
      ['originPlace', g.originPlace],
      ['destinationPlace', g.destinationPlace],
      ['carrierName', g.carrierName],
      ['carrierDni', g.carrierDni],
      ['vehiclePlate', g.vehiclePlate],
      // the official GuiaRemision_V1.1.0.xsd requires identificacionDestinatario (minOccurs 1)
      ['receiverDni', g.receiverDni],
    ]
      .filter(([, v]) => !v?.trim())
      .map(([k]) => k!)
    if (missing.length > 0)
      throw new AppError('INVALID_STATE', 'La guía no tiene los datos de transporte que pide el SRI', {
        missing,
      })
  }

  async function issueShippingGuide(actor: Actor, guideId: string): Promise<TEInvoiceIssued> {
    requireAccess(actor, 'fieldDocument.manage')
    const g = await guides.getShippingGuide(actor, guideId)
    if (g.status === 'void')
      throw new AppError('INVALID_STATE', 'Una guía anulada no se emite electrónicamente', {
        status: g.status,
      })
    requireTransport(g)
    if (g.items.length === 0) throw new AppError('INVALID_STATE', 'La guía no tiene ítems')
    const tz = await timeZoneOf(actor.orgId)
    const created = await db.transaction().execute(async (trx) => {
      const s = await repo.findSettings(trx, actor.orgId, { forUpdate: true })
      if (!s)
        throw new AppError(
          'INVALID_STATE',
          'Configura primero la facturación electrónica (Administración → Facturación electrónica)',
        )
      const live = await repo.findLatestDocument(trx, actor.orgId, 'shipping_guide', guideId)
      if (live && live.status !== 'rejected')
        throw new AppError('CONFLICT', `La guía ya tiene la guía electrónica ${live.number}`, {
          accessKey: live.access_key,
          status: live.status,
        })
      const sequential = await repo.takeSequential(trx, actor.orgId, 'shipping_guide')
      const issueDate = ctx.localDate(clock(), tz)
      const accessKey = buildAccessKey({
        issueDate,
        documentType: SRI_DOCUMENT_TYPE.shippingGuide,
        ruc: s.ruc,
        environment: s.environment === 'production' ? '2' : '1',
        establishment: s.establishment,
        emissionPoint: s.emission_point,
        sequential,
        numericCode: String(crypto.randomInt(0, 100_000_000)).padStart(8, '0'),
      })
      const carrier = buyerOf(g.carrierDni, g.carrierName!)
      const doc: ShippingGuideDocument = {
        environment: s.environment === 'production' ? '2' : '1',
        issuer: {
          ruc: s.ruc,
          businessName: s.business_name,
          tradeName: s.trade_name,
          mainAddress: s.main_address,
          keepsAccounts: s.keeps_accounts,
        },
        establishment: s.establishment,
        emissionPoint: s.emission_point,
        sequential,
        accessKey,
        origin: g.originPlace!,
        carrier: { idType: carrier.idType, id: carrier.id, name: g.carrierName!, plate: g.vehiclePlate! },
        transportStart: g.startDate ?? g.issueDate,
        transportEnd: g.endDate ?? g.startDate ?? g.issueDate,
        recipient: {
          id: g.receiverDni!,
          name: g.receiverName ?? g.clientName,
          address: g.destinationPlace!,
          reason: g.reason ? (REASON_ES[g.reason] ?? g.reason) : 'Traslado de equipos',
          route: null,
        },
        items: g.items.map((i) => ({
          code: i.equipmentCode,
          description: i.description,
          quantity: i.quantity,
        })),
        additional: [
          { name: 'Guía', value: g.displayNumber },
          { name: 'Proyecto', value: g.projectName },
        ],
      }
      const p12 = Buffer.from(ctx.openSecret(s.certificate_sealed, 'El certificado', s), 'base64')
      const password = ctx.openSecret(s.password_sealed, 'El certificado', s)
      const signed = signShippingGuide(buildShippingGuideXml(doc), p12, password)
      const check = await validateAgainstXsd(signed, 'GuiaRemision_V1.1.0.xsd')
      if (!check.valid)
        throw new AppError('INVALID_STATE', 'La guía no cumple el esquema del SRI; no se guardó', {
          errors: check.errors.slice(0, 20),
        })
      const number = documentNumber(s.establishment, s.emission_point, sequential)
      const row = await repo.insertDocument(trx, {
        orgId: actor.orgId,
        kind: 'shipping_guide',
        sourceId: guideId,
        accessKey,
        number,
        environment: s.environment,
        signedXml: signed,
        document: doc,
        certificateIsTest: s.certificate_is_test,
        createdBy: isSystemActor(actor) ? null : actor.userId,
        now: clock(),
      })
      await writeAudit(trx, actor, {
        action: 'eInvoicing.shipping_guide_signed',
        module: 'e-invoicing',
        entityType: 'shipping_guide',
        entityId: guideId,
        data: { accessKey, number, environment: s.environment },
      })
      return row
    })
    const final = await ctx.sendToSri(actor, created, async () => {})
    return { accessKey: final.access_key, status: final.status, document: ctx.toDocument(final) }
  }

  async function latestGuide(actor: Actor, guideId: string) {
    requireAccess(actor, 'rental.read')
    await guides.getShippingGuide(actor, guideId) // 404 for a guide of another organization
    return repo.findLatestDocument(db, actor.orgId, 'shipping_guide', guideId)
  }

  async function getShippingGuideDocument(
    actor: Actor,
    guideId: string,
  ): Promise<{ document: TEDocument | null }> {
    const row = await latestGuide(actor, guideId)
    return { document: row ? ctx.toDocument(row) : null }
  }

  async function requireGuide(actor: Actor, guideId: string) {
    const row = await latestGuide(actor, guideId)
    if (!row) throw new AppError('NOT_FOUND', 'La guía no tiene guía electrónica')
    return row
  }

  async function shippingGuideXml(actor: Actor, guideId: string) {
    const row = await requireGuide(actor, guideId)
    return { xml: row.signed_xml, fileName: `guia-remision-${row.number}-${row.access_key}.xml` }
  }

  /** The guía's RIDE: the SRI's printed layout (Spanish), from the stored document and its current status. */
  async function shippingGuideRide(actor: Actor, guideId: string) {
    const row = await requireGuide(actor, guideId)
    const st = ctx.rideStatus(row, await timeZoneOf(actor.orgId))
    const bytes = await renderPdf(shippingGuideRideDefinition(row.document as ShippingGuideDocument, st))
    return { bytes, fileName: `RIDE-guia-remision-${row.number}.pdf` }
  }

  /** "Consultar al SRI" for a guía stuck at signed or sent (nothing to complete once authorized). */
  async function refreshShippingGuide(actor: Actor, guideId: string): Promise<TEInvoiceIssued> {
    requireAccess(actor, 'fieldDocument.manage')
    const row = await requireGuide(actor, guideId)
    const final = await ctx.refreshDocument(actor, row, async () => {})
    return { accessKey: final.access_key, status: final.status, document: ctx.toDocument(final) }
  }

  return {
    issueShippingGuide,
    refreshShippingGuide,
    getShippingGuideDocument,
    shippingGuideXml,
    shippingGuideRide,
  }
}
