import { describe, expect, it } from 'vitest'
import { render } from '../../platform/i18n/messages'
import { calendarDate } from '../../platform/tenancy/today'
import {
  actionAllowed,
  allowedActions,
  periodsOverlap,
  SHEET_ACTIONS,
  type SheetStatus,
} from './sheet-lifecycle'
import { refusalMessage } from './rental-billing.messages'

const everything = () => true

describe('billing sheet lifecycle', () => {
  it('only an in-progress sheet changes (lines, days, deletion, liquidation)', () => {
    for (const status of ['liquidated', 'invoiced', 'cancelled'] as SheetStatus[]) {
      expect(actionAllowed('editLines', status)).toBe(false)
      expect(actionAllowed('delete', status)).toBe(false)
      expect(actionAllowed('liquidate', status)).toBe(false)
      expect(actionAllowed('refreshCertificate', status)).toBe(false)
    }
    expect(actionAllowed('editLines', 'in_progress')).toBe(true)
    expect(actionAllowed('delete', 'in_progress')).toBe(true)
  })

  it('in_progress → liquidated → invoiced; reopen only from liquidated; cancel from in_progress or liquidated', () => {
    expect(SHEET_ACTIONS.liquidate).toEqual({ from: ['in_progress'], to: 'liquidated' })
    expect(SHEET_ACTIONS.invoice).toEqual({ from: ['liquidated'], to: 'invoiced' })
    expect(SHEET_ACTIONS.reopen).toEqual({ from: ['liquidated'], to: 'in_progress' })
    expect(actionAllowed('invoice', 'in_progress')).toBe(false) // no invoicing without liquidation (the old system allowed it)
    expect(actionAllowed('invoice', 'cancelled')).toBe(false)
    expect(actionAllowed('cancel', 'invoiced')).toBe(false)
    expect(actionAllowed('cancel', 'liquidated')).toBe(true)
    expect(actionAllowed('reopen', 'invoiced')).toBe(false)
  })

  it('allowed actions follow status, permissions and whether the certificate exists', () => {
    expect(allowedActions('in_progress', everything, { hasCertificate: false })).toEqual([
      'editLines',
      'liquidate',
      'cancel',
      'delete',
      'createCertificate',
    ])
    expect(allowedActions('in_progress', everything, { hasCertificate: true })).toContain(
      'refreshCertificate',
    )
    expect(allowedActions('liquidated', everything, { hasCertificate: true })).toEqual([
      'reopen',
      'invoice',
      'cancel',
    ])
    expect(allowedActions('invoiced', everything, { hasCertificate: false })).toEqual(['createCertificate'])
    expect(allowedActions('cancelled', everything, { hasCertificate: false })).toEqual([])
    const manageOnly = (p: string) => p === 'billingSheet.manage'
    expect(allowedActions('liquidated', manageOnly, { hasCertificate: false })).toEqual(['createCertificate'])
    expect(allowedActions('in_progress', () => false, { hasCertificate: false })).toEqual([])
  })

  it('refusals name the sheet and its status', () => {
    const m = refusalMessage('editLines', 'liquidated', 'PSL-PS-2026-1000')
    expect(render(m, 'es')).toBe(
      'La planilla PSL-PS-2026-1000 está liquidada: sus líneas y días ya no cambian',
    )
    expect(render(m, 'en')).toBe(
      'Billing sheet PSL-PS-2026-1000 is liquidated: its lines and days no longer change',
    )
  })

  it('periods overlap inclusively', () => {
    expect(
      periodsOverlap({ start: '2026-01-01', end: '2026-01-31' }, { start: '2026-01-31', end: '2026-02-28' }),
    ).toBe(true)
    expect(
      periodsOverlap({ start: '2026-01-01', end: '2026-01-31' }, { start: '2026-02-01', end: '2026-02-28' }),
    ).toBe(false)
  })

  it('today is the calendar date in the organization time zone', () => {
    const instant = new Date('2027-01-01T03:00:00Z') // 22:00 of Dec 31 in Guayaquil (UTC-5)
    expect(calendarDate(instant, 'America/Guayaquil')).toBe('2026-12-31')
    expect(calendarDate(instant, 'UTC')).toBe('2027-01-01')
  })
})
