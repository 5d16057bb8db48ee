import type { TCustodyChainSummary, TMaintenanceSheetSummary, TShippingGuideSummary } from '@faena/contracts'
import { writeWorkbook } from '../../platform/spreadsheet/spreadsheet'
import { WASTE_TYPE_LABELS } from './custody-chain-pdf'
import { GUIDE_REASON_LABELS, GUIDE_TYPE_LABELS } from './shipping-guide-pdf'

/** The filtered lists as workbooks: one row per document, in the order of the list. */

const DOC_STATUS_ES = { draft: 'Borrador', closed: 'Cerrada', void: 'Anulada' } as const
const CHAIN_STATUS_ES = { draft: 'Borrador', closed: 'Cerrada', cancelled: 'Cancelada' } as const
const VOLUME_UNIT_ES = { gallons: 'Galones', barrels: 'Barriles', cubicMeters: 'm³' } as const

export async function writeMaintenanceWorkbook(items: TMaintenanceSheetSummary[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Hojas de mantenimiento',
      columns: [
        { header: 'Número', key: 'displayNumber', width: 10 },
        { header: 'Estado', key: 'status', width: 11 },
        { header: 'Cliente', key: 'clientName', width: 26 },
        { header: 'Proyecto', key: 'projectName', width: 26 },
        { header: 'Equipo', key: 'equipment', width: 28 },
        { header: 'Tipo', key: 'maintenanceType', width: 12 },
        { header: 'Inicio', key: 'startDate', type: 'date', width: 12 },
        { header: 'Fin', key: 'endDate', type: 'date', width: 12 },
        { header: 'Días', key: 'days', type: 'number', width: 7 },
        { header: 'Técnico', key: 'technicianName', width: 24 },
        { header: 'Costo por día', key: 'costPerDay', type: 'money', width: 13 },
        { header: 'Costo técnico', key: 'totalCost', type: 'money', width: 13 },
        { header: 'Logística', key: 'logisticsCost', type: 'money', width: 12 },
        { header: 'Adjuntos', key: 'attachmentCount', type: 'number', width: 9 },
      ],
      rows: items.map((m) => ({
        ...m,
        status: DOC_STATUS_ES[m.status],
        equipment: [m.equipmentCode, m.equipmentName].filter(Boolean).join(' · '),
        maintenanceType: m.maintenanceType === 'preventive' ? 'Preventivo' : 'Correctivo',
      })),
    },
  ])
}

export async function writeChainsWorkbook(items: TCustodyChainSummary[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Cadenas de custodia',
      columns: [
        { header: 'Número', key: 'displayNumber', width: 10 },
        { header: 'Estado', key: 'status', width: 11 },
        { header: 'Fecha', key: 'activityDate', type: 'date', width: 12 },
        { header: 'Cliente', key: 'clientName', width: 26 },
        { header: 'Proyecto', key: 'projectName', width: 26 },
        { header: 'Llegada', key: 'startTime', width: 8 },
        { header: 'Salida', key: 'endTime', width: 8 },
        { header: 'Horas', key: 'durationHours', type: 'number', width: 8 },
        { header: 'Conductor', key: 'driverName', width: 22 },
        { header: 'Placa', key: 'vehiclePlate', width: 10 },
        { header: 'Unidad digitada', key: 'volumeUnit', width: 12 },
        { header: 'Galones', key: 'gallons', type: 'number', width: 11 },
        { header: 'Barriles', key: 'barrels', type: 'number', width: 11 },
        { header: 'm³', key: 'cubicMeters', type: 'number', width: 10 },
        { header: 'Tipos de agua', key: 'wasteTypes', width: 30 },
        { header: 'Logística', key: 'logisticsCost', type: 'money', width: 12 },
        { header: 'Equipos atendidos', key: 'attendedCount', type: 'number', width: 10 },
        { header: 'Adjuntos', key: 'attachmentCount', type: 'number', width: 9 },
      ],
      rows: items.map((c) => ({
        ...c,
        status: CHAIN_STATUS_ES[c.status],
        volumeUnit: VOLUME_UNIT_ES[c.volumeUnit],
        wasteTypes: c.wasteTypes.map((w) => WASTE_TYPE_LABELS[w]).join(', '),
      })),
    },
  ])
}

export async function writeGuidesWorkbook(items: TShippingGuideSummary[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: 'Guías de remisión',
      columns: [
        { header: 'Número', key: 'displayNumber', width: 10 },
        { header: 'Estado', key: 'status', width: 11 },
        { header: 'Tipo', key: 'guideType', width: 22 },
        { header: 'Motivo', key: 'reason', width: 20 },
        { header: 'Emisión', key: 'issueDate', type: 'date', width: 12 },
        { header: 'Cliente', key: 'clientName', width: 26 },
        { header: 'Proyecto', key: 'projectName', width: 26 },
        { header: 'Origen', key: 'originPlace', width: 20 },
        { header: 'Destino', key: 'destinationPlace', width: 20 },
        { header: 'Transportista', key: 'carrierName', width: 22 },
        { header: 'Placa', key: 'vehiclePlate', width: 10 },
        { header: 'Ítems', key: 'itemCount', type: 'number', width: 7 },
        { header: 'Transporte', key: 'transportCost', type: 'money', width: 12 },
        { header: 'Estiba', key: 'stowageCost', type: 'money', width: 12 },
        { header: 'En planilla', key: 'billed', width: 10 },
      ],
      rows: items.map((g) => ({
        ...g,
        status: DOC_STATUS_ES[g.status],
        guideType: GUIDE_TYPE_LABELS[g.guideType],
        reason: g.reason ? GUIDE_REASON_LABELS[g.reason] : '',
        billed: g.billingSheetId ? 'Sí' : 'No',
      })),
    },
  ])
}
