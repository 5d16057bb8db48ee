import type { TGuideReason, TGuideType, TShippingGuideDetail } from '@faena/contracts'
import type { PdfContent, PdfDocDefinition } from '../../platform/pdf/pdf'
import {
  box,
  dash,
  documentHeader,
  kvTable,
  pageFooter,
  pdfDate,
  pdfMoney,
  PDF_STYLES,
  section,
  signatures,
  statusStamp,
  textBlock,
  type PdfOrg,
} from './pdf-parts'

export const GUIDE_FORM_CODE = 'PSL-CO-BS-F-002 · Guía de remisión'
export const GUIDE_TYPE_LABELS: Record<TGuideType, string> = {
  exit: 'Salida a proyecto',
  entry: 'Entrada a base',
  transfer: 'Transferencia entre proyectos',
}
export const GUIDE_REASON_LABELS: Record<TGuideReason, string> = {
  use_in_project: 'Utilización en proyectos',
  return: 'Devolución',
  rent: 'Alquiler',
  sale: 'Venta',
}

export type ShippingGuidePdfInput = { org: PdfOrg; guide: TShippingGuideDetail }

/**
 * "Guía de remisión de equipos / materiales" (docs/rental-documents.md#pdfs): number (7 digits), type, transport dates, origin and
 * destination, carrier with CI and plate, dispatcher, reason boxes, destination contact, the items,
 * costs, signatures of dispatcher, carrier and receiver with CI, observations.
 */
export function shippingGuidePdf({ org, guide }: ShippingGuidePdfInput): PdfDocDefinition {
  const stamp = statusStamp(guide.status)
  const items: PdfContent[][] = guide.items.map((it, i) => [
    String(i + 1),
    { text: String(it.quantity), alignment: 'right' },
    dash(it.unit),
    it.equipmentCode && !it.description.includes(it.equipmentCode)
      ? `${it.description} (${it.equipmentCode})`
      : it.description,
  ])
  if (items.length === 0) items.push(['', '', '', { text: 'Sin ítems', italics: true }])
  const content: PdfContent[] = [
    documentHeader(org, 'GUÍA DE REMISIÓN DE EQUIPOS / MATERIALES', 'N.º', guide.displayNumber),
    ...(stamp ? [stamp] : []),
    kvTable([
      ['Tipo', GUIDE_TYPE_LABELS[guide.guideType]],
      ['Fecha de emisión', pdfDate(guide.issueDate)],
      ['Inicio del traslado', pdfDate(guide.startDate)],
      ['Fin del traslado', pdfDate(guide.endDate)],
      ['Punto de partida', guide.originPlace],
      ['Punto de llegada', guide.destinationPlace],
      ['Cliente', guide.clientName],
      ['Proyecto', guide.projectName],
      ['Transportista', guide.carrierName],
      ['C.I. conductor', guide.carrierDni],
      ['Placa', guide.vehiclePlate],
      ['Despachado por', guide.dispatcherName],
      ['Contacto en destino', guide.contactName],
      ['Teléfono', guide.contactPhone],
    ]),
    section('Motivo del traslado'),
    {
      columns: (Object.keys(GUIDE_REASON_LABELS) as TGuideReason[]).map((r) =>
        box(guide.reason === r, GUIDE_REASON_LABELS[r]),
      ),
      margin: [0, 0, 0, 8],
    },
    section('Ítems'),
    {
      table: {
        headerRows: 1,
        widths: [18, 50, 50, '*'],
        body: [
          [
            { text: '#', style: 'th' },
            { text: 'Cantidad', style: 'th', alignment: 'right' },
            { text: 'Unidad', style: 'th' },
            { text: 'Descripción', style: 'th' },
          ],
          ...items,
        ],
      },
      margin: [0, 0, 0, 6],
    },
    {
      table: {
        widths: ['*', 'auto'],
        body: [
          [guide.transportDescription, { text: pdfMoney(guide.transportCost, org), alignment: 'right' }],
          [guide.stowageDescription, { text: pdfMoney(guide.stowageCost, org), alignment: 'right' }],
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 6],
    },
    textBlock('Observaciones', guide.notes),
    signatures([
      {
        caption: 'Despachado por',
        name: guide.dispatcherName ?? guide.createdBy?.name ?? null,
        lines: [guide.dispatcherDni ? `C.I. ${guide.dispatcherDni}` : null],
      },
      {
        caption: 'Transportista',
        name: guide.carrierName,
        lines: [guide.carrierDni ? `C.I. ${guide.carrierDni}` : null],
      },
      {
        caption: 'Recibido por',
        name: guide.receiverName,
        lines: [guide.receiverDni ? `C.I. ${guide.receiverDni}` : null],
      },
    ]),
  ]
  return {
    info: { title: `Guía de remisión ${guide.displayNumber}`, subject: dash(guide.projectName) },
    styles: PDF_STYLES,
    footer: pageFooter(GUIDE_FORM_CODE),
    content,
  }
}

/** `GuiaRemision-<number>-<YYYYMMDD>.pdf` (docs/rental-documents.md#pdfs). */
export const shippingGuidePdfName = (g: Pick<TShippingGuideDetail, 'displayNumber' | 'issueDate'>) =>
  `GuiaRemision-${g.displayNumber}-${g.issueDate.replace(/-/g, '')}.pdf`
