import { sriDate, type BuyerIdType } from './invoice-xml'

/**
 * The SRI shipping guide (guía de remisión, version 1.1.0) as data and as XML (docs/e-invoicing.md). Pure, like
 * invoice-xml.ts: the service fills a `ShippingGuideDocument` from a shipping guide (not wired yet).
 */
export type ShippingGuideDocument = {
  environment: '1' | '2'
  issuer: {
    ruc: string
    businessName: string
    tradeName: string | null
    mainAddress: string
    keepsAccounts: boolean
  }
  establishment: string
  emissionPoint: string
  sequential: number
  accessKey: string
  origin: string
  carrier: { idType: BuyerIdType; id: string; name: string; plate: string }
  /** YYYY-MM-DD */
  transportStart: string
  transportEnd: string
  recipient: { id: string; name: string; address: string; reason: string; route: string | null }
  items: { code: string | null; description: string; quantity: number }[]
  additional: { name: string; value: string }[]
}

const esc = (s: string) =>
  s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
const cut = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > max ? t.slice(0, max) : t
}
const el = (name: string, value: string) => `<${name}>${esc(value)}</${name}>`

export function buildShippingGuideXml(doc: ShippingGuideDocument): string {
  const info = [
    el('ambiente', doc.environment),
    el('tipoEmision', '1'),
    el('razonSocial', cut(doc.issuer.businessName, 300)),
    ...(doc.issuer.tradeName ? [el('nombreComercial', cut(doc.issuer.tradeName, 300))] : []),
    el('ruc', doc.issuer.ruc),
    el('claveAcceso', doc.accessKey),
    el('codDoc', '06'),
    el('estab', doc.establishment),
    el('ptoEmi', doc.emissionPoint),
    el('secuencial', String(doc.sequential).padStart(9, '0')),
    el('dirMatriz', cut(doc.issuer.mainAddress, 300)),
  ].join('')
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
  const extra = doc.additional
    .filter((a) => a.value.trim())
    .slice(0, 15)
    .map(
      (a) => `<campoAdicional nombre="${esc(cut(a.name, 300))}">${esc(cut(a.value, 300))}</campoAdicional>`,
    )
    .join('')
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<guiaRemision id="comprobante" version="1.1.0"><infoTributaria>${info}</infoTributaria>` +
    `<infoGuiaRemision>${guide}</infoGuiaRemision><destinatarios>${recipient}</destinatarios>` +
    (extra ? `<infoAdicional>${extra}</infoAdicional>` : '') +
    '</guiaRemision>'
  )
}
