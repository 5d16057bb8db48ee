import type { BuyerIdType } from './invoice-xml'
import { cut, el, infoAdicional, infoTributaria, sriDate, type SriDocumentHeader } from './sri-xml'

/**
 * The SRI shipping guide (guía de remisión, version 1.1.0) as data and as XML (docs/e-invoicing.md). Pure, like
 * invoice-xml.ts: shipping-guide.service.ts fills a `ShippingGuideDocument` from a shipping guide.
 */
export type ShippingGuideDocument = SriDocumentHeader & {
  origin: string
  carrier: { idType: BuyerIdType; id: string; name: string; plate: string }
  /** YYYY-MM-DD */
  transportStart: string
  transportEnd: string
  recipient: { id: string; name: string; address: string; reason: string; route: string | null }
  items: { code: string | null; description: string; quantity: number }[]
  additional: { name: string; value: string }[]
}

export function buildShippingGuideXml(doc: ShippingGuideDocument): string {
  const info = infoTributaria(doc, '06')
  const guide = [
    el('dirEstablecimiento', cut(doc.issuer.mainAddress, 300)),
    el('dirPartida', cut(doc.origin, 300)),
    el('razonSocialTransportista', cut(doc.carrier.name, 300)),
    el('tipoIdentificacionTransportista', doc.carrier.idType),
    el('rucTransportista', doc.carrier.id.slice(0, 13)),
    el('obligadoContabilidad', doc.issuer.keepsAccounts ? 'SI' : 'NO'),
    el('fechaIniTransporte', sriDate(doc.transportStart)),
    el('fechaFinTransporte', sriDate(doc.transportEnd)),
    el('placa', cut(doc.carrier.plate, 20)),
  ].join('')
  const r = doc.recipient
  const items = doc.items
    .map(
      (i) =>
        `<detalle>${i.code ? el('codigoInterno', cut(i.code, 25)) : ''}${el('descripcion', cut(i.description, 300))}${el(
          'cantidad',
          String(i.quantity),
        )}</detalle>`,
    )
    .join('')
  const recipient =
    '<destinatario>' +
    el('identificacionDestinatario', r.id.slice(0, 20)) +
    el('razonSocialDestinatario', cut(r.name, 300)) +
    el('dirDestinatario', cut(r.address, 300)) +
    el('motivoTraslado', cut(r.reason, 300)) +
    (r.route ? el('ruta', cut(r.route, 300)) : '') +
    `<detalles>${items}</detalles></destinatario>`
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<guiaRemision id="comprobante" version="1.1.0"><infoTributaria>${info}</infoTributaria>` +
    `<infoGuiaRemision>${guide}</infoGuiaRemision><destinatarios>${recipient}</destinatarios>` +
    infoAdicional(doc.additional) +
    '</guiaRemision>'
  )
}
