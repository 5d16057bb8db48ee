import { Decimal } from 'decimal.js'
import type { PdfDocDefinition } from '../../platform/pdf/pdf'
import { formatAmount } from '../../platform/money/money'
import { sriDate, type InvoiceDocument } from './invoice-xml'
import type { ShippingGuideDocument } from './shipping-guide-xml'

/**
 * The RIDE (representación impresa del documento electrónico) of an invoice (docs/e-invoicing.md#ride): the
 * SRI's printed layout in Spanish (a legal form), amounts from the invoice document, the access key as text
 * and QR code. A test certificate or the test environment is written across the page.
 */
export type RideStatus = {
  status: 'signed' | 'sent' | 'authorized' | 'rejected'
  number: string
  authorizationNumber: string | null
  /** already in the organization's time, dd/mm/yyyy hh:mm */
  authorizedAt: string | null
  certificateIsTest: boolean
}

const STATUS_ES: Record<RideStatus['status'], string> = {
  signed: 'FIRMADA, NO ENVIADA AL SRI',
  sent: 'ENVIADA AL SRI, EN PROCESO',
  authorized: 'AUTORIZADA',
  rejected: 'RECHAZADA POR EL SRI',
}
const PAYMENT_ES: Record<string, string> = {
  '01': 'SIN UTILIZACIÓN DEL SISTEMA FINANCIERO',
  '20': 'OTROS CON UTILIZACIÓN DEL SISTEMA FINANCIERO',
}

const label = (t: string) => ({ text: t, bold: true })

/** The issuer's block (left) and the SRI box (right) shared by every RIDE. */
function header(
  title: string,
  doc: Pick<InvoiceDocument, 'issuer' | 'environment' | 'accessKey'>,
  st: RideStatus,
) {
  const issuer = {
    stack: [
      { text: doc.issuer.businessName, style: 'title' },
      ...(doc.issuer.tradeName ? [{ text: doc.issuer.tradeName }] : []),
      { text: [label('Dirección matriz: '), doc.issuer.mainAddress] },
      { text: [label('Obligado a llevar contabilidad: '), doc.issuer.keepsAccounts ? 'SI' : 'NO'] },
    ],
  }
  const box = {
    stack: [
      { text: [label('R.U.C.: '), doc.issuer.ruc] },
      { text: `${title} No. ${st.number}`, style: 'title' },
      { text: [label('Estado: '), STATUS_ES[st.status]] },
      label('NÚMERO DE AUTORIZACIÓN'),
      { text: st.authorizationNumber ?? '—', fontSize: 8 },
      { text: [label('Fecha y hora de autorización: '), st.authorizedAt ?? '—'] },
      { text: [label('Ambiente: '), doc.environment === '2' ? 'PRODUCCIÓN' : 'PRUEBAS'] },
      { text: [label('Emisión: '), 'NORMAL'] },
      label('CLAVE DE ACCESO'),
      { text: doc.accessKey, fontSize: 8 },
      { qr: doc.accessKey, fit: 90, margin: [0, 4, 0, 0] },
      ...(st.certificateIsTest
        ? [{ text: 'Firmada con un CERTIFICADO DE PRUEBA', color: '#b00020', bold: true }]
        : []),
    ],
  }
  return { columns: [issuer, box], columnGap: 16 }
}

const frame = (title: string, test: boolean, st: RideStatus, content: unknown[]): PdfDocDefinition => ({
  info: { title },
  content,
  styles: { title: { fontSize: 12, bold: true, margin: [0, 0, 0, 4] } },
  ...(test
    ? {
        watermark: {
          text: st.certificateIsTest ? 'PRUEBA — SIN VALOR TRIBUTARIO' : 'AMBIENTE DE PRUEBAS',
          opacity: 0.1,
        },
      }
    : {}),
})

/** The RIDE of a guía de remisión: issuer, SRI box, carrier and plate, transport dates, recipient and items. */
export function shippingGuideRideDefinition(doc: ShippingGuideDocument, st: RideStatus): PdfDocDefinition {
  const test = st.certificateIsTest || doc.environment === '1'
  const r = doc.recipient
  const transport = {
    margin: [0, 10, 0, 6],
    table: {
      widths: ['*', 'auto'],
      body: [
        [
          { text: [label('Razón social transportista: '), doc.carrier.name] },
          { text: [label('Identificación transportista: '), doc.carrier.id] },
        ],
        [
          { text: [label('Punto de partida: '), doc.origin] },
          { text: [label('Placa: '), doc.carrier.plate] },
        ],
        [
          { text: [label('Inicio del transporte: '), sriDate(doc.transportStart)] },
          { text: [label('Fin del transporte: '), sriDate(doc.transportEnd)] },
        ],
      ],
    },
    layout: 'noBorders',
  }
  const recipient = {
    margin: [0, 0, 0, 6],
    stack: [
      { text: [label('Destinatario: '), r.name, ...(r.id ? [`  (${r.id})`] : [])] },
      { text: [label('Destino (punto de llegada): '), r.address] },
      { text: [label('Motivo del traslado: '), r.reason] },
      ...(r.route ? [{ text: [label('Ruta: '), r.route] }] : []),
    ],
  }
  const items = {
    table: {
      headerRows: 1,
      widths: ['auto', '*', 'auto'],
      body: [
        ['Cód. interno', 'Descripción', 'Cantidad'].map((h) => label(h)),
        ...doc.items.map((i) => [
          i.code ?? '',
          i.description,
          { text: String(i.quantity), alignment: 'right' },
        ]),
      ],
    },
  }
  const extra = {
    margin: [0, 8, 0, 0],
    stack: [
      label('Información adicional'),
      ...doc.additional.map((a) => ({ text: `${a.name}: ${a.value}` })),
    ],
  }
  return frame(`RIDE guía de remisión ${st.number}`, test, st, [
    header('GUÍA DE REMISIÓN', doc, st),
    transport,
    recipient,
    items,
    extra,
  ])
}

export function rideDefinition(doc: InvoiceDocument, st: RideStatus): PdfDocDefinition {
  const m = (v: string) => formatAmount(new Decimal(v).toFixed(2), 'es-EC')
  const price = (v: string) =>
    new Decimal(v).decimalPlaces() > 2 ? new Decimal(v).toDecimalPlaces(6).toString() : m(v)
  const pct = new Decimal(doc.taxRate).times(100).toString()
  const test = st.certificateIsTest || doc.environment === '1'
  const buyer = {
    margin: [0, 10, 0, 6],
    table: {
      widths: ['*', 'auto'],
      body: [
        [
          { text: [label('Razón social / nombres: '), doc.buyer.name] },
          { text: [label('Identificación: '), doc.buyer.id] },
        ],
        [{ text: [label('Fecha de emisión: '), sriDate(doc.issueDate)] }, ''],
      ],
    },
    layout: 'noBorders',
  }
  const lines = {
    table: {
      headerRows: 1,
      widths: ['auto', 'auto', '*', 'auto', 'auto', 'auto'],
      body: [
        ['Cód. principal', 'Cantidad', 'Descripción', 'Precio unitario', 'Descuento', 'Precio total'].map(
          (h) => ({
            text: h,
            bold: true,
          }),
        ),
        ...doc.lines.map((l) => [
          l.code,
          { text: new Decimal(l.quantity).toString(), alignment: 'right' },
          l.description,
          { text: price(l.unitPrice), alignment: 'right' },
          { text: m('0'), alignment: 'right' },
          { text: m(l.total), alignment: 'right' },
        ]),
      ],
    },
  }
  const totals = {
    margin: [0, 8, 0, 0],
    columns: [
      {
        width: '*',
        stack: [
          label('Información adicional'),
          ...doc.additional.map((a) => ({ text: `${a.name}: ${a.value}` })),
          { text: ' ' },
          label('Forma de pago'),
          { text: `${doc.paymentMethod} - ${PAYMENT_ES[doc.paymentMethod] ?? ''}: ${m(doc.total)}` },
        ],
      },
      {
        width: 'auto',
        table: {
          body: [
            [`SUBTOTAL ${pct}%`, { text: m(doc.subtotal), alignment: 'right' }],
            ['SUBTOTAL 0%', { text: m('0'), alignment: 'right' }],
            ['SUBTOTAL SIN IMPUESTOS', { text: m(doc.subtotal), alignment: 'right' }],
            ['TOTAL DESCUENTO', { text: m('0'), alignment: 'right' }],
            [`IVA ${pct}%`, { text: m(doc.tax), alignment: 'right' }],
            [label('VALOR TOTAL'), { text: m(doc.total), alignment: 'right', bold: true }],
          ],
        },
      },
    ],
  }
  return frame(`RIDE factura ${st.number}`, test, st, [header('FACTURA', doc, st), buyer, lines, totals])
}
