import { Decimal } from 'decimal.js'
import { cut, el, infoAdicional, infoTributaria, sriDate, type SriDocumentHeader } from './sri-xml'

export { sriDate }

/**
 * The SRI invoice (factura, version 2.1.0) as data and as XML (docs/e-invoicing.md#invoice-xml). Pure: the
 * service fills an `InvoiceDocument` from a liquidated billing sheet, this file writes the unsigned XML.
 */
export type BuyerIdType = '04' | '05' | '06' | '07'

export type InvoiceLine = {
  code: string
  description: string
  quantity: string
  unitPrice: string
  /** quantity × unit price as the sheet billed it (2 decimals) */
  total: string
}

export type InvoiceDocument = SriDocumentHeader & {
  /** YYYY-MM-DD */
  issueDate: string
  buyer: { idType: BuyerIdType; id: string; name: string }
  lines: InvoiceLine[]
  /** IVA as a fraction: 0.15 */
  taxRate: string
  subtotal: string
  tax: string
  total: string
  /** SRI payment method (tabla 24): 20 = otros con utilización del sistema financiero */
  paymentMethod: string
  /** informative fields (campoAdicional), at most 15 */
  additional: { name: string; value: string }[]
}

/** The buyer's identification type (tabla 6): RUC 04, cédula 05, pasaporte 06, consumidor final 07. */
export function buyerOf(taxId: string | null, name: string): InvoiceDocument['buyer'] {
  const id = (taxId ?? '').trim()
  if (/^\d{10}001$/.test(id)) return { idType: '04', id, name }
  if (/^\d{10}$/.test(id)) return { idType: '05', id, name }
  if (id) return { idType: '06', id: id.slice(0, 20), name }
  return { idType: '07', id: '9999999999999', name: 'CONSUMIDOR FINAL' }
}

/** IVA's percentage code (tabla 17) of a rate: 0 % → 0, 12 % → 2, 14 % → 3, 15 % → 4, 5 % → 5, 13 % → 10. */
export function ivaPercentageCode(taxRate: string): string {
  const pct = new Decimal(taxRate).times(100)
  const codes: Record<string, string> = { '0': '0', '12': '2', '14': '3', '15': '4', '5': '5', '13': '10' }
  const code = codes[pct.toString()]
  if (!code) throw new RangeError(`no SRI IVA code for a ${pct.toString()} % rate`)
  return code
}

const money = (v: string | Decimal) => new Decimal(v).toFixed(2)
const six = (v: string) => new Decimal(v).toDecimalPlaces(6).toString()

/**
 * IVA of one line: line total × rate, half-up to cents (rule: "IVA por línea", the SRI's own rounding). The
 * document's total IVA is the sheet's (subtotal × rate, half-up), not the sum of the lines'.
 */
export const lineIva = (total: string, taxRate: string) =>
  new Decimal(total).times(taxRate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)

export function buildInvoiceXml(doc: InvoiceDocument): string {
  const code = ivaPercentageCode(doc.taxRate)
  const tarifa = new Decimal(doc.taxRate).times(100).toString()
  const info = infoTributaria(doc, '01')
  const invoice = [
    el('fechaEmision', sriDate(doc.issueDate)),
    el('dirEstablecimiento', cut(doc.issuer.mainAddress, 300)),
    el('obligadoContabilidad', doc.issuer.keepsAccounts ? 'SI' : 'NO'),
    el('tipoIdentificacionComprador', doc.buyer.idType),
    el('razonSocialComprador', cut(doc.buyer.name, 300)),
    el('identificacionComprador', doc.buyer.id),
    el('totalSinImpuestos', money(doc.subtotal)),
    el('totalDescuento', '0.00'),
    `<totalConImpuestos><totalImpuesto>${el('codigo', '2')}${el('codigoPorcentaje', code)}${el(
      'baseImponible',
      money(doc.subtotal),
    )}${el('valor', money(doc.tax))}</totalImpuesto></totalConImpuestos>`,
    el('propina', '0.00'),
    el('importeTotal', money(doc.total)),
    el('moneda', 'DOLAR'),
    `<pagos><pago>${el('formaPago', doc.paymentMethod)}${el('total', money(doc.total))}</pago></pagos>`,
  ].join('')
  const lines = doc.lines
    .map(
      (l) =>
        `<detalle>${el('codigoPrincipal', cut(l.code, 25))}${el('descripcion', cut(l.description, 300))}${el(
          'cantidad',
          six(l.quantity),
        )}${el('precioUnitario', six(l.unitPrice))}${el('descuento', '0.00')}${el(
          'precioTotalSinImpuesto',
          money(l.total),
        )}<impuestos><impuesto>${el('codigo', '2')}${el('codigoPorcentaje', code)}${el('tarifa', tarifa)}${el(
          'baseImponible',
          money(l.total),
        )}${el('valor', money(lineIva(l.total, doc.taxRate)))}</impuesto></impuestos></detalle>`,
    )
    .join('')
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<factura id="comprobante" version="2.1.0"><infoTributaria>${info}</infoTributaria>` +
    `<infoFactura>${invoice}</infoFactura><detalles>${lines}</detalles>` +
    infoAdicional(doc.additional) +
    '</factura>'
  )
}
