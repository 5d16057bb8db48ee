import type { TEDocument, TEInvoiceIssued, TShippingGuideDetail } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { AppError } from '../../platform/errors'
import type { Db } from '../../platform/db/executor'
import * as repo from './e-invoicing.repository'
import { buyerOf } from './invoice-xml'
import { buildShippingGuideXml, type ShippingGuideDocument } from './shipping-guide-xml'
import { shippingGuideRideDefinition, type RideStatus } from './ride-pdf'
import { signShippingGuide } from './signing'
import { renderPdf } from '../../platform/pdf/pdf'
import { documentHeader, signAndStore, type DocumentHead } from './sign-and-store'
import { eInvoicingMessages as M } from './e-invoicing.messages'

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

/** The guía de remisión 1.1.0 document of a shipping guide whose transport data is complete (requireTransport). */
function guideDocumentOf(
  g: TShippingGuideDetail,
  s: repo.SettingsRow,
  head: DocumentHead,
): ShippingGuideDocument {
  const carrier = buyerOf(g.carrierDni, g.carrierName!)
  return {
    ...documentHeader(s, head),
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
    items: g.items.map((i) => ({ code: i.equipmentCode, description: i.description, quantity: i.quantity })),
    additional: [
      { name: 'Guía', value: g.displayNumber },
      { name: 'Proyecto', value: g.projectName },
    ],
  }
}

/**
 * The electronic guía de remisión of a shipping guide (docs/e-invoicing.md): the same flow as the invoice —
 * sequential, access key (type 06), XML, XAdES-BES, schema check before storing, the SRI — and its RIDE.
 */
export function createShippingGuideUseCases(ctx: Ctx) {
  const { db, timeZoneOf, guides } = ctx

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
      throw new AppError('INVALID_STATE', M.guideNoTransport(), {
        missing,
      })
  }

  async function issueShippingGuide(actor: Actor, guideId: string): Promise<TEInvoiceIssued> {
    requireAccess(actor, 'fieldDocument.manage')
    const g = await guides.getShippingGuide(actor, guideId)
    if (g.status === 'void')
      throw new AppError('INVALID_STATE', M.voidGuide(), {
        status: g.status,
      })
    requireTransport(g)
    if (g.items.length === 0) throw new AppError('INVALID_STATE', M.guideNoItems())
    const tz = await timeZoneOf(actor.orgId)
    const created = await db.transaction().execute((trx) =>
      signAndStore(trx, actor, tz, ctx, {
        kind: 'shipping_guide',
        sourceId: guideId,
        alreadyIssued: (number) => M.guideIssued({ number }),
        build: (s, head) => guideDocumentOf(g, s, head),
        sign: (doc, p12, password) => signShippingGuide(buildShippingGuideXml(doc), p12, password),
        schema: 'GuiaRemision_V1.1.0.xsd',
        invalid: M.guideInvalid(),
        audit: { action: 'eInvoicing.shipping_guide_signed', entityType: 'shipping_guide' },
      }),
    )
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
    if (!row) throw new AppError('NOT_FOUND', M.noElectronicGuide())
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
