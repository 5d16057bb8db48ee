import { describe, expect, it } from 'vitest'
import type { TCustodyChainDetail, TMaintenanceSheetDetail, TShippingGuideDetail } from '@faena/contracts'
import { renderPdf } from '../../platform/pdf/pdf'
import { custodyChainPdf, custodyChainPdfName } from './custody-chain-pdf'
import { maintenanceSheetPdf, maintenanceSheetPdfName } from './maintenance-sheet-pdf'
import { shippingGuidePdf, shippingGuidePdfName } from './shipping-guide-pdf'
import { pdfAmount, pdfDate, pdfMoney } from './pdf-parts'

const org = { name: 'Servicios Sanitarios Demo S.A.', locale: 'es-EC', currency: 'USD' }
const common = {
  projectId: '00000000-0000-4000-8000-000000000001',
  projectName: 'Campamento MDC CPF',
  clientName: 'Petrolera Amazónica S.A.',
  createdAt: '2026-01-15T12:00:00.000Z',
  updatedAt: '2026-01-15T12:00:00.000Z',
  createdBy: { id: '00000000-0000-4000-8000-000000000009', name: 'María Creadora' },
  billingSheetId: null,
  attachmentCount: 0,
  statusReason: null,
  attachments: [],
  allowedActions: [],
}

const chain: TCustodyChainDetail = {
  ...common,
  id: '00000000-0000-4000-8000-000000000002',
  number: 13760,
  displayNumber: '0013760',
  status: 'closed',
  activityDate: '2026-01-15',
  driverStaffId: null,
  vehicleId: null,
  startTime: '08:00',
  endTime: '09:20',
  durationHours: '1.33',
  driverName: 'Juan Chofer',
  driverDni: '1712345678',
  vehiclePlate: 'PBA-1234',
  volumeUnit: 'gallons',
  gallons: '180.00',
  barrels: '4.29',
  cubicMeters: '0.68',
  wasteTypes: ['blackWater', 'greyWater'],
  logisticsCost: '40.00',
  attendedCount: 2,
  location: 'MDC CPF – NORTE',
  contactName: 'Pedro Supervisor',
  contactDni: '0912345678',
  contactPosition: 'Supervisor HSE',
  billingText: 'LOGÍSTICA',
  notes: 'Sin novedades',
  attended: [
    {
      assignmentId: '00000000-0000-4000-8000-000000000003',
      kind: 'service',
      code: 'PSL-BT-185',
      abbreviation: 'BT',
      description: 'Mantenimiento batería',
    },
    {
      assignmentId: '00000000-0000-4000-8000-000000000004',
      kind: 'service',
      code: 'Limpieza general',
      abbreviation: 'OT',
      description: 'Limpieza general',
    },
  ],
}

const sheet: TMaintenanceSheetDetail = {
  ...common,
  id: '00000000-0000-4000-8000-000000000005',
  number: 42,
  displayNumber: '000042',
  status: 'draft',
  assignmentId: null,
  equipmentId: null,
  equipmentCode: 'PSL-PTAR-003',
  equipmentName: 'Planta de tratamiento',
  maintenanceType: 'corrective',
  technicianStaffId: null,
  startDate: '2026-01-08',
  endDate: '2026-01-10',
  days: 3,
  technicianName: 'Luis Técnico Andrade',
  costPerDay: '40.00',
  totalCost: '120.00',
  logisticsCost: '30.00',
  requestedBy: 'Jefe de campamento',
  rig: 'RIG-7',
  location: 'MDC',
  technicalDescription: 'SERVICIO TÉCNICO ESPECIALIZADO',
  logisticsDescription: 'LOGÍSTICA',
  maintenanceDescription: 'Cambio de bomba',
  faultDescription: 'Bomba no arranca',
  possibleCauses: 'Sobrecarga',
  replacedParts: 'Bomba 1HP',
  observations: null,
  performedBy: null,
  performedByPosition: 'Técnico',
  approvedBy: 'Ana Aprobadora',
  approvedByPosition: 'Residente',
}

const guide: TShippingGuideDetail = {
  ...common,
  id: '00000000-0000-4000-8000-000000000006',
  number: 7,
  displayNumber: '0000007',
  status: 'void',
  guideType: 'exit',
  reason: 'rent',
  driverStaffId: null,
  vehicleId: null,
  issueDate: '2026-01-09',
  startDate: '2026-01-09',
  endDate: '2026-01-10',
  originPlace: 'BASE',
  destinationPlace: 'MDC CPF',
  carrierName: 'Transportes Río',
  carrierDni: '1799999999',
  vehiclePlate: 'PBC-9876',
  transportCost: '1234.5',
  stowageCost: '0.00',
  itemCount: 1,
  dispatcherName: 'Carlos Bodega',
  dispatcherDni: '1700000001',
  receiverName: 'Pedro Supervisor',
  receiverDni: null,
  contactName: 'Pedro',
  contactPhone: '0999999999',
  transportDescription: 'TRANSPORTE',
  stowageDescription: 'ESTIBA',
  notes: null,
  items: [
    {
      id: '00000000-0000-4000-8000-000000000007',
      position: 1,
      assignmentId: null,
      equipmentId: null,
      equipmentCode: 'PSL-BT-185',
      description: 'Batería sanitaria',
      quantity: 2,
      unit: 'u',
    },
  ],
}

const texts = (doc: unknown) => JSON.stringify(doc)

describe('pdf parts', () => {
  it('formats dates and amounts as printed', () => {
    expect(pdfDate('2026-01-09')).toBe('09/01/2026')
    expect(pdfDate(null)).toBe('')
    expect(pdfAmount('1234.5', 'es-EC')).toBe('1234,50'.replace('1234', '1.234'))
    expect(pdfMoney('0.3', org)).toMatch(/0,30/)
  })
})

describe('custody chain PDF definition', () => {
  const doc = custodyChainPdf({ org, chain, projectLocation: 'MDC CPF' })
  const s = texts(doc)
  it('prints the number padded to 8, the duration in hours and the attended equipment', () => {
    expect(s).toContain('00013760')
    expect(s).toContain('"1,33"') // hours, not hours ÷ 60 (the old PDF's mistake)
    expect(s).toContain('PSL-BT-185')
    expect(s).toContain('"BT"')
    expect(s).toContain('Cadena de custodia 0013760')
  })
  it('marks the waste types and the typed volume unit', () => {
    expect(s).toContain('[X] ","bold":true},"Aguas negras"')
    expect(s).toContain('[  ] ","bold":true},"Agua limpia"')
    expect(s).toContain('Galones (digitado)')
    expect(s).toContain('"4,29"')
  })
  it("signs with the creator's name (not the viewer's) and has a page footer", () => {
    expect(s).toContain('María Creadora')
    expect(typeof doc.footer).toBe('function')
    expect(texts((doc.footer as (a: number, b: number) => unknown)(1, 2))).toContain('Página 1 de 2')
    expect(custodyChainPdfName(chain)).toBe('CadenaCustodia-0013760-20260115.pdf')
  })
})

describe('maintenance sheet PDF definition', () => {
  const s = texts(maintenanceSheetPdf({ org, sheet }))
  it('prints number, type box, days, costs and the full technician name; drafts are stamped', () => {
    expect(s).toContain('000042')
    expect(s).toContain('[X] ","bold":true},"Correctivo"')
    expect(s).toContain('[  ] ","bold":true},"Preventivo"')
    expect(s).toContain('Luis Técnico Andrade')
    expect(s).toContain('3 día(s)')
    expect(s).toMatch(/120,00/)
    expect(s).toContain('BORRADOR')
    expect(maintenanceSheetPdfName(sheet)).toBe('HojaMantenimiento-000042-20260108.pdf')
  })
})

describe('shipping guide PDF definition', () => {
  const s = texts(shippingGuidePdf({ org, guide }))
  it('prints the reason boxes, items, costs and the void stamp', () => {
    expect(s).toContain('0000007')
    expect(s).toContain('[X] ","bold":true},"Alquiler"')
    expect(s).toContain('[  ] ","bold":true},"Venta"')
    expect(s).toContain('Batería sanitaria (PSL-BT-185)')
    expect(s).toMatch(/1\.234,50/)
    expect(s).toContain('ANULADA')
    expect(shippingGuidePdfName(guide)).toBe('GuiaRemision-0000007-20260109.pdf')
  })
})

describe('rendering', () => {
  it('renders the three documents to real PDFs', async () => {
    for (const doc of [
      custodyChainPdf({ org, chain, projectLocation: null }),
      maintenanceSheetPdf({ org, sheet }),
      shippingGuidePdf({ org, guide }),
    ]) {
      const buf = await renderPdf(doc)
      expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(buf.length).toBeGreaterThan(2000)
    }
  }, 30_000)
})
