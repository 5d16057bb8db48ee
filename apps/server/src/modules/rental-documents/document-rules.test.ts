import { describe, expect, it } from 'vitest'
import {
  canMoveChain,
  canMoveDocument,
  documentActions,
  durationHours,
  equipmentAbbreviation,
  inclusiveDays,
  maintenanceTotal,
  money2,
  padNumber,
} from './document-rules'

describe('status machines', () => {
  it('maintenance sheets and guides: draft → closed | void, closed → void, void final', () => {
    expect(canMoveDocument('draft', 'closed')).toBe(true)
    expect(canMoveDocument('draft', 'void')).toBe(true)
    expect(canMoveDocument('closed', 'void')).toBe(true)
    expect(canMoveDocument('closed', 'draft')).toBe(false)
    expect(canMoveDocument('closed', 'closed')).toBe(false)
    expect(canMoveDocument('void', 'closed')).toBe(false)
    expect(canMoveDocument('void', 'draft')).toBe(false)
  })
  it('custody chains: draft → closed | cancelled, closed → cancelled, cancelled final', () => {
    expect(canMoveChain('draft', 'closed')).toBe(true)
    expect(canMoveChain('draft', 'cancelled')).toBe(true)
    expect(canMoveChain('closed', 'cancelled')).toBe(true)
    expect(canMoveChain('closed', 'draft')).toBe(false)
    expect(canMoveChain('cancelled', 'closed')).toBe(false)
  })
  it('only drafts are edited or deleted; void/cancelled documents take nothing', () => {
    expect(documentActions('guide', 'draft')).toEqual(['update', 'close', 'delete', 'void', 'attach'])
    expect(documentActions('maintenance', 'closed')).toEqual(['void', 'attach'])
    expect(documentActions('maintenance', 'void')).toEqual([])
    expect(documentActions('chain', 'draft')).toEqual(['update', 'close', 'delete', 'cancel', 'attach'])
    expect(documentActions('chain', 'closed')).toEqual(['cancel', 'attach'])
    expect(documentActions('chain', 'cancelled')).toEqual([])
  })
})

describe('numbers, days and money', () => {
  it('pads numbers to the printed width', () => {
    expect(padNumber(13, 7)).toBe('0000013')
    expect(padNumber(1234567, 6)).toBe('1234567')
  })
  it('counts days inclusively', () => {
    expect(inclusiveDays('2026-01-08', '2026-01-08')).toBe(1)
    expect(inclusiveDays('2026-01-30', '2026-02-02')).toBe(4)
    expect(inclusiveDays('2024-02-28', '2024-03-01')).toBe(3)
    expect(inclusiveDays('2026-01-09', '2026-01-08')).toBeNull()
  })
  it('maintenance total = days × cost per day, exact', () => {
    expect(maintenanceTotal(3, '40.10')).toBe('120.30')
    expect(maintenanceTotal(1, '0')).toBe('0.00')
    expect(maintenanceTotal(31, '99999999.99')).toBe('3099999999.69')
    expect(money2('5')).toBe('5.00')
  })
})

describe('custody chain duration', () => {
  it('is end − start in hours, 2 decimals half-up', () => {
    expect(durationHours('08:00', '10:30').hours).toBe('2.50')
    expect(durationHours('08:00', '09:20').hours).toBe('1.33')
    expect(durationHours('08:00', '08:10').hours).toBe('0.17')
    expect(durationHours('08:00', '08:01').hours).toBe('0.02') // 0.01666… → 0.02
    expect(durationHours('00:00', '23:59').hours).toBe('23.98')
  })
  it('needs both times and an end after the start', () => {
    expect(durationHours(null, '10:00')).toEqual({ valid: true, hours: null })
    expect(durationHours('10:00', undefined)).toEqual({ valid: true, hours: null })
    expect(durationHours('10:00', '10:00').valid).toBe(false)
    expect(durationHours('10:00', '09:00').valid).toBe(false)
  })
})

describe('equipment abbreviation (docs/rental-documents.md#equipment-codes)', () => {
  it('takes the second dash-separated segment of the code, OT otherwise', () => {
    expect(equipmentAbbreviation('PSL-BT-185')).toBe('BT')
    expect(equipmentAbbreviation('PSL-LV-002')).toBe('LV')
    expect(equipmentAbbreviation('TANQUE01')).toBe('OT')
    expect(equipmentAbbreviation('')).toBe('OT')
    expect(equipmentAbbreviation(null)).toBe('OT')
    expect(equipmentAbbreviation('PSL--1')).toBe('OT')
  })
})
