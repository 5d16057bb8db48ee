import type { BillingAssignment } from './rental-billing.ports'

/** An equipment assignment as the rental-projects port gives it, for the unit tests (override what matters). */
export const billingAssignment = (over: Partial<BillingAssignment> = {}): BillingAssignment => ({
  id: 'a1',
  kind: 'equipment',
  equipmentId: 'eq1',
  equipmentCode: 'GEN-01',
  equipmentName: 'Generador',
  dailyRate: '10.00',
  rates: [],
  frequency: { kind: 'daily' },
  operationStart: '2026-01-01',
  operationEnd: '2026-01-31',
  retiredOn: null,
  description: 'GENERADOR',
  version: '3',
  ...over,
})
