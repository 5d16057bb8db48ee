import type { TMaintenanceSheetDetail } from '@faena/contracts'
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

export const MAINTENANCE_FORM_CODE = 'Hoja de mantenimiento'

export type MaintenanceSheetPdfInput = { org: PdfOrg; sheet: TMaintenanceSheetDetail }

/**
 * "Hoja de mantenimiento" (docs/rental-documents.md#pdfs): number (6 digits), client, rig, technician, requester, equipment,
 * type boxes, dates and days, costs, descriptions (fault and causes side by side), replaced parts,
 * observations, performed / approved by. The technician's full name as typed (the old report lost the first name).
 */
export function maintenanceSheetPdf({ org, sheet }: MaintenanceSheetPdfInput): PdfDocDefinition {
  const stamp = statusStamp(sheet.status)
  const content: PdfContent[] = [
    documentHeader(org, 'HOJA DE MANTENIMIENTO', 'N.º', sheet.displayNumber),
    ...(stamp ? [stamp] : []),
    kvTable([
      ['Cliente', sheet.clientName],
      ['Proyecto', sheet.projectName],
      ['RIG', sheet.rig],
      ['Ubicación', sheet.location],
      ['Técnico responsable', sheet.technicianName],
      ['Solicitado por', sheet.requestedBy],
      ['Equipo', sheet.equipmentName],
      ['Código', sheet.equipmentCode],
    ]),
    {
      columns: [
        box(sheet.maintenanceType === 'preventive', 'Preventivo'),
        box(sheet.maintenanceType === 'corrective', 'Correctivo'),
        { text: [{ text: 'Inicio: ', style: 'label' }, pdfDate(sheet.startDate)] },
        { text: [{ text: 'Fin: ', style: 'label' }, pdfDate(sheet.endDate)] },
        { text: [{ text: 'Días: ', style: 'label' }, String(sheet.days)] },
      ],
      margin: [0, 0, 0, 8],
    },
    textBlock('Descripción del mantenimiento', sheet.maintenanceDescription),
    {
      columns: [
        textBlock('Descripción de la falla', sheet.faultDescription),
        textBlock('Posibles causas', sheet.possibleCauses),
      ],
      columnGap: 12,
    },
    textBlock('Repuestos reemplazados', sheet.replacedParts),
    textBlock('Observaciones', sheet.observations),
    section('Costos'),
    {
      table: {
        widths: ['*', 'auto', 'auto'],
        body: [
          [
            { text: 'Concepto', style: 'th' },
            { text: 'Detalle', style: 'th' },
            { text: 'Importe', style: 'th', alignment: 'right' },
          ],
          [
            sheet.technicalDescription,
            `${sheet.days} día(s) × ${pdfMoney(sheet.costPerDay, org)}`,
            { text: pdfMoney(sheet.totalCost, org), alignment: 'right' },
          ],
          [sheet.logisticsDescription, '', { text: pdfMoney(sheet.logisticsCost, org), alignment: 'right' }],
        ],
      },
      margin: [0, 0, 0, 6],
    },
    signatures([
      {
        caption: 'Realizado por',
        name: sheet.performedBy ?? sheet.technicianName,
        lines: [sheet.performedByPosition],
      },
      { caption: 'Aprobado por', name: sheet.approvedBy, lines: [sheet.approvedByPosition] },
      { caption: 'Elaborado por', name: sheet.createdBy?.name ?? null, lines: [org.name] },
    ]),
  ]
  return {
    info: { title: `Hoja de mantenimiento ${sheet.displayNumber}`, subject: dash(sheet.projectName) },
    styles: PDF_STYLES,
    footer: pageFooter(MAINTENANCE_FORM_CODE),
    content,
  }
}

/** `HojaMantenimiento-<number>-<YYYYMMDD>.pdf` (docs/rental-documents.md#pdfs). */
export const maintenanceSheetPdfName = (s: Pick<TMaintenanceSheetDetail, 'displayNumber' | 'startDate'>) =>
  `HojaMantenimiento-${s.displayNumber}-${s.startDate.replace(/-/g, '')}.pdf`
