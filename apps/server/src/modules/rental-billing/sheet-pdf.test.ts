import { describe, expect, it } from 'vitest'
import type { TBillingSheetDetail, TBillingSheetLine } from '@faena/contracts'
import { renderPdf } from '../../platform/pdf/pdf'
import {
  billingSheetPdf,
  chunkDates,
  equipmentLabel,
  executionMonth,
  pdfAmount,
  periodDates,
  ratePercent,
} from './sheet-pdf'

const line = (over: Partial<TBillingSheetLine>): TBillingSheetLine => ({
  id: '00000000-0000-4000-8000-000000000001',
  key: 'rental:eq',
  kind: 'rental',
  component: 'rental',
  position: 1,
  sourceId: 'a1',
  equipmentId: '00000000-0000-4000-8000-000000000002',
  equipmentCode: 'PSL-BT-185',
  equipmentName: 'BATERIA SANITARIA',
  description: 'ALQUILER BATERIA SANITARIA',
  unit: 'days',
  quantity: '2',
  unitPrice: '6.00',
  total: '12.00',
  dates: ['2026-01-15', '2026-02-15'],
  allowedDates: [],
  dayEdit: 'none',
  ...over,
})

const sheet = (over: Partial<TBillingSheetDetail> = {}): TBillingSheetDetail => ({
  id: '00000000-0000-4000-8000-000000000003',
  seriesCode: 'PSL-PS-2026-1000',
  seriesPrefix: 'PSL-PS',
  seriesYear: 2026,
  seriesNumber: 1000,
  status: 'liquidated',
  projectId: '00000000-0000-4000-8000-000000000004',
  projectName: 'Campamento Norte',
  clientName: 'Cliente S.A.',
  clientTaxId: '1790012345001',
  periodStart: '2026-01-10',
  periodEnd: '2026-02-20',
  subtotal: '12.00',
  tax: '1.80',
  taxRate: '0.1500',
  total: '13.80',
  gallons: '0.00',
  barrels: '0.00',
  cubicMeters: '0.00',
  lineCount: 1,
  invoiceReference: null,
  createdAt: '2026-02-21T00:00:00.000Z',
  updatedAt: '2026-02-21T00:00:00.000Z',
  recomputedAt: null,
  liquidatedAt: null,
  invoicedAt: null,
  cancelledAt: null,
  currency: 'USD',
  notes: null,
  clientPoReference: null,
  contactReference: 'Ing. Pérez',
  projectLocation: 'Bloque 16',
  statusReason: null,
  invoiceFileId: null,
  createdBy: { id: '00000000-0000-4000-8000-000000000005', name: 'Ana Facturación' },
  lines: [line({})],
  removedLines: [],
  certificate: null,
  allowedActions: [],
  ...over,
})

describe('printed billing sheet', () => {
  it('helpers: dates of a period, blocks of 31, execution month, rate, amounts', () => {
    expect(periodDates('2026-01-10', '2026-02-20')).toHaveLength(42)
    expect(chunkDates(periodDates('2026-01-10', '2026-02-20')).map((c) => c.length)).toEqual([31, 11])
    expect(executionMonth('2026-01-01', '2026-01-31')).toBe('ENERO 2026')
    expect(executionMonth('2026-01-10', '2026-02-20')).toBe('ENERO – FEBRERO 2026')
    expect(executionMonth('2025-12-15', '2026-01-14')).toBe('DICIEMBRE 2025 – ENERO 2026')
    expect(ratePercent('0.1500')).toBe('15 %')
    expect(ratePercent('0.16')).toBe('16 %')
    expect(ratePercent('0.125')).toBe('12.5 %')
    expect(pdfAmount('1234.5', 'en-US')).toBe('1,234.50')
    expect(equipmentLabel(line({ kind: 'maintenance' }))).toBe('MANTENIMIENTO')
  })

  it('one column per date, "1" on billed dates only (Jan 15 does not mark Feb 15 of another line)', () => {
    const doc = billingSheetPdf({
      org: { name: 'Org', locale: 'es-EC' },
      sheet: sheet(),
      contactName: 'Ing. Pérez',
    })
    expect(doc.pageOrientation).toBe('landscape')
    const json = JSON.stringify(doc.content)
    // two blocks of dates (31 + 11), each a table with 7 fixed columns + its dates
    const tables = (doc.content as { table?: { widths: unknown[]; body: { text?: unknown }[][] } }[]).filter(
      (c) => c.table && c.table.widths.length > 10,
    )
    expect(tables.map((t) => t.table!.widths.length)).toEqual([7 + 31, 7 + 11])
    const firstRow = tables[0]!.table!.body[1]!
    const marks = firstRow.slice(5, 5 + 31).map((c) => c.text)
    expect(marks.filter((m) => m === '1')).toHaveLength(1) // Jan 15 in the first block
    expect(marks[5]).toBe('1') // Jan 10 + 5 = Jan 15
    expect(json).toContain('Ana Facturación') // prepared by: the creator
    expect(json).toContain('IVA 15 %')
  })

  it('renders to a PDF', async () => {
    const bytes = await renderPdf(
      billingSheetPdf({ org: { name: 'Org', locale: 'es-EC' }, sheet: sheet(), contactName: null }),
    )
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  })
})
