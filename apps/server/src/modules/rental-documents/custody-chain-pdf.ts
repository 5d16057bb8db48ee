import type { TCustodyChainDetail, TWasteType } from '@faena/contracts'
import type { PdfContent, PdfDocDefinition } from '../../platform/pdf/pdf'
import {
  box,
  dash,
  documentHeader,
  kvTable,
  pageFooter,
  pdfAmount,
  pdfDate,
  pdfMoney,
  PDF_STYLES,
  section,
  signatures,
  statusStamp,
  textBlock,
  type PdfOrg,
} from './pdf-parts'

export const CHAIN_FORM_CODE = 'PSL-GO-BS-F-002 · Cadena de custodia'
export const WASTE_TYPE_LABELS: Record<TWasteType, string> = {
  blackWater: 'Aguas negras',
  greyWater: 'Aguas grises',
  cleanWater: 'Agua limpia',
  activatedSludge: 'Lodos activados',
  treatedWastewater: 'Agua residual tratada',
  organicGrease: 'Grasa orgánica',
}
/** Equipment categories of the legend with their abbreviations (docs/rental-documents.md#pdfs). */
const CATEGORIES: [string, string][] = [
  ['BT', 'Baterías sanitarias'],
  ['LV', 'Lavamanos'],
  ['UR', 'Urinarios'],
  ['BG', 'Biodigestor'],
  ['TG', 'Trampa de grasa'],
  ['EB', 'Estación de bombeo'],
  ['PTAR', 'Planta de agua residual'],
  ['PTAP', 'Planta de agua potable'],
  ['OT', 'Otros'],
]
const WORK_COLUMNS = ['SUC', 'LIMP', 'QUIM', 'P.H.', 'T.Z.', 'FUN', 'ABT']

export type CustodyChainPdfInput = {
  org: PdfOrg
  chain: TCustodyChainDetail
  /** the project's location (camp) and cardinal point, printed as "location – point" */
  projectLocation: string | null
}

/**
 * "Mantenimiento de equipos sanitarios, transporte y cadena de custodia de aguas residuales"
 * (docs/rental-documents.md#pdfs):
 * header data, the attended equipment grid (work columns left blank for hand filling), waste types,
 * volumes (the typed one marked), signatures of origin, transporter and final disposition (the
 * document's creator, not the viewer as the old form had it). Duration printed in hours (the old form divided
 * the hours by 60).
 */
export function custodyChainPdf({ org, chain, projectLocation }: CustodyChainPdfInput): PdfDocDefinition {
  const stamp = statusStamp(chain.status)
  const typed = (unit: TCustodyChainDetail['volumeUnit']) => (chain.volumeUnit === unit ? ' (digitado)' : '')
  const attendedRows: PdfContent[][] = chain.attended.map((a, i) => [
    String(i + 1),
    { text: a.abbreviation, bold: true },
    a.code,
    a.description,
    ...WORK_COLUMNS.map(() => ''),
  ])
  const content: PdfContent[] = [
    documentHeader(
      org,
      'MANTENIMIENTO DE EQUIPOS SANITARIOS, TRANSPORTE Y CADENA DE CUSTODIA DE AGUAS RESIDUALES',
      'N.º',
      chain.displayNumber.padStart(8, '0'),
    ),
    ...(stamp ? [stamp] : []),
    kvTable([
      ['Fecha', pdfDate(chain.activityDate)],
      ['Placa', chain.vehiclePlate],
      ['Cliente', chain.clientName],
      ['Proyecto', chain.projectName],
      ['Ubicación', chain.location ?? projectLocation],
      ['Logística', Number(chain.logisticsCost) > 0 ? `SÍ · ${pdfMoney(chain.logisticsCost, org)}` : 'NO'],
      ['Hora de llegada', chain.startTime],
      ['Hora de salida', chain.endTime],
      ['Total de horas', chain.durationHours ? pdfAmount(chain.durationHours, org.locale) : null],
      ['Estado', { draft: 'Borrador', closed: 'Cerrada', cancelled: 'Cancelada' }[chain.status]],
    ]),
    section('Equipos atendidos'),
    {
      table: {
        headerRows: 1,
        widths: [14, 30, 70, '*', ...WORK_COLUMNS.map(() => 24)],
        body: [
          [
            { text: '#', style: 'th' },
            { text: 'Abrev.', style: 'th' },
            { text: 'Código', style: 'th' },
            { text: 'Descripción', style: 'th' },
            ...WORK_COLUMNS.map((c) => ({ text: c, style: 'th', alignment: 'center' })),
          ],
          ...attendedRows,
        ],
      },
      margin: [0, 0, 0, 6],
    },
    {
      columns: [
        {
          width: '*',
          stack: [
            section('Tipo de equipo'),
            {
              columns: [CATEGORIES.slice(0, 5), CATEGORIES.slice(5)].map((col) => ({
                stack: col.map(([a, l]) => ({ text: `${a} · ${l}`, style: 'small' })),
              })),
            },
          ],
        },
        {
          width: '*',
          stack: [
            section('Tipo de agua / residuo'),
            ...(Object.keys(WASTE_TYPE_LABELS) as TWasteType[]).map((w) =>
              box(chain.wasteTypes.includes(w), WASTE_TYPE_LABELS[w]),
            ),
          ],
        },
      ],
      columnGap: 16,
    },
    section('Volumen recolectado'),
    {
      table: {
        widths: ['*', '*', '*'],
        body: [
          [
            { text: `Galones${typed('gallons')}`, style: 'th' },
            { text: `Barriles${typed('barrels')}`, style: 'th' },
            { text: `Metros cúbicos${typed('cubicMeters')}`, style: 'th' },
          ],
          [
            pdfAmount(chain.gallons, org.locale),
            pdfAmount(chain.barrels, org.locale),
            pdfAmount(chain.cubicMeters, org.locale),
          ],
        ],
      },
      margin: [0, 0, 0, 6],
    },
    textBlock('Observaciones', chain.notes),
    signatures([
      {
        caption: 'Origen (entrega)',
        name: chain.contactName,
        lines: [
          chain.contactDni ? `C.I. ${chain.contactDni}` : null,
          chain.contactPosition,
          pdfDate(chain.activityDate),
        ],
      },
      {
        caption: 'Transportista',
        name: chain.driverName,
        lines: [
          chain.driverDni ? `C.I. ${chain.driverDni}` : null,
          chain.vehiclePlate ? `Placa ${chain.vehiclePlate}` : null,
        ],
      },
      {
        caption: `Disposición final · ${org.name}`,
        name: chain.createdBy?.name ?? null,
        lines: ['Elaborado por'],
      },
    ]),
  ]
  return {
    info: { title: `Cadena de custodia ${chain.displayNumber}`, subject: dash(chain.projectName) },
    pageMargins: [36, 36, 36, 48],
    styles: PDF_STYLES,
    footer: pageFooter(CHAIN_FORM_CODE),
    content,
  }
}

/** `CadenaCustodia-<number>-<YYYYMMDD>.pdf` (docs/rental-documents.md#pdfs). */
export const custodyChainPdfName = (chain: Pick<TCustodyChainDetail, 'displayNumber' | 'activityDate'>) =>
  `CadenaCustodia-${chain.displayNumber}-${chain.activityDate.replace(/-/g, '')}.pdf`
