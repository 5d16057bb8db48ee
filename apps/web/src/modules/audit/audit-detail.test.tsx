import { screen, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'
import type { TAuditEntry } from '@faena/contracts'
import { ES_EC, ES_MX, renderInApp, setupI18n } from '../../test/render'
import { AuditChanges, AuditDetail } from './audit-detail'

const PM_OLD = '11111111-1111-4111-8111-111111111111'
const PM_NEW = '22222222-2222-4222-8222-222222222222'
const STEP = '33333333-3333-4333-8333-333333333333'
const GONE = '44444444-4444-4444-8444-444444444444'

const entry = (over: Partial<TAuditEntry>): TAuditEntry => ({
  id: '1',
  at: '2026-03-10T18:00:00.000Z',
  actorId: null,
  actorEmail: 'ana@test',
  action: 'proposal.updated',
  module: 'proposals',
  entityType: 'proposal',
  entityId: null,
  changes: [],
  data: null,
  refs: {},
  requestId: null,
  ip: null,
  userAgent: null,
  ...over,
})

/** The cell's text with the no-break spaces of number formatting as plain spaces. */
const text = (el: Element) => (el.textContent ?? '').replace(/\s/g, ' ')
/** The before and after of a field (the arrow between them is decoration, hidden from the table). */
const row = (field: string) => {
  const th = screen.getByRole('rowheader', { name: field })
  return within(th.closest('tr')!)
    .getAllByRole('cell')
    .map((c) => text(c))
}

describe('audit changes as a person reads them', () => {
  beforeAll(async () => {
    await setupI18n('es', ['audit', 'proposals', 'work-orders', 'rental-billing'])
  })

  it('names referenced records, labels codes and formats money (es-MX, two currencies)', async () => {
    await renderInApp(
      <AuditChanges
        entry={entry({
          changes: [
            { field: 'projectManagerId', old: PM_OLD, new: PM_NEW },
            { field: 'priority', old: 'high', new: 'urgent' },
            { field: 'clientId', old: GONE, new: null },
          ],
          refs: { [PM_OLD]: 'Ing. Uno', [PM_NEW]: 'Ing. Dos' },
        })}
      />,
      { org: ES_MX },
    )
    expect(row('Responsable')).toEqual(['Ing. Uno', 'Ing. Dos'])
    expect(row('Prioridad')).toEqual(['Alta', 'Urgente'])
    expect(row('Cliente')).toEqual(['(registro eliminado)', '—'])
  })

  it('formats amounts by the currency the field names, and plain numbers with grouping', async () => {
    await renderInApp(
      <AuditChanges
        entry={entry({
          module: 'work-orders',
          entityType: 'workOrder',
          action: 'workOrder.updated',
          changes: [
            { field: 'amountMxn', old: '1480000', new: '1480000.50' },
            { field: 'durationDays', old: 1200, new: 1300 },
          ],
        })}
      />,
      { org: ES_MX },
    )
    const amount = screen.getAllByRole('cell').map(text)
    expect(amount).toContain('MXN 1,480,000.00')
    expect(amount).toContain('MXN 1,480,000.50')
    expect(amount).toContain('1,300')
  })

  it('says which step a step change was about, with the status change and the reason', async () => {
    await renderInApp(
      <AuditDetail
        entry={entry({
          action: 'proposal.status_changed',
          data: {
            from: 'active',
            to: 'suspended',
            reason: 'Sin presupuesto',
            stepId: STEP,
            stepName: 'Cotización',
          },
          refs: { [STEP]: 'Cotización' },
        })}
      />,
      { org: ES_MX },
    )
    expect(screen.getByText('Cotización · Activa → Suspendida · motivo: Sin presupuesto')).toBeTruthy()
  })

  it('spells out lists and objects instead of printing JSON (es-EC, one currency)', async () => {
    await renderInApp(
      <AuditChanges
        entry={entry({
          module: 'rental-billing',
          entityType: 'billingSheet',
          action: 'billingSheet.updated',
          changes: [
            { field: 'dailyRate', old: '50.00', new: '62.5' },
            { field: 'frequencyDays', old: [1, 15], new: [] },
            { field: 'contact', old: null, new: { name: 'Ana Pérez', active: true } },
          ],
        })}
      />,
      { org: ES_EC },
    )
    const cells = screen.getAllByRole('cell').map(text)
    expect(cells[0]).toMatch(/^\$\s?50,00$/)
    expect(cells[1]).toMatch(/^\$\s?62,50$/)
    expect(cells.slice(2)).toEqual(['1, 15', '—', '—', 'Nombre: Ana Pérez; Activo: Sí'])
    expect(cells.join(' ')).not.toMatch(/[{}"]/)
  })

  it('shows identifiers made of digits as typed: a cédula, a RUC, a phone, a number with leading zeros', async () => {
    await renderInApp(
      <AuditChanges
        entry={entry({
          module: 'rental-documents',
          entityType: 'shippingGuide',
          action: 'rentalShippingGuide.created',
          changes: [
            { field: 'carrierDni', old: null, new: '1710034065' },
            { field: 'receiverDni', old: null, new: '1790011674001' },
            { field: 'contactPhone', old: null, new: '0991234567' },
            { field: 'sequence', old: null, new: '000123' },
            { field: 'quantity', old: '1500', new: '2500.5' },
          ],
        })}
      />,
      { org: ES_EC },
    )
    const cells = screen.getAllByRole('cell').map(text)
    expect(cells).toEqual(expect.arrayContaining(['1710034065', '1790011674001', '0991234567', '000123']))
    expect(cells).toContain('2.500,5')
  })
})
