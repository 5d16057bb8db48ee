/** Component tests only: an estimate as the server answers it (draft, one production line). */
import type { TEstimate } from '@faena/contracts'

export const WO = '70000000-0000-4000-8000-000000000001'
export const CONCEPT = '70000000-0000-4000-8000-000000000002'
export const ESTIMATE = '70000000-0000-4000-8000-000000000003'

const account = {
  authorized: '0',
  estimatedToDate: '0',
  thisEstimate: '0',
  remaining: '0',
  advanceGiven: '0',
  advanceRecovered: '0',
  advanceBalance: '0',
}

export const estimateFixture = (patch: Partial<TEstimate> = {}): TEstimate => ({
  id: ESTIMATE,
  workOrderId: WO,
  workOrderNumber: 'OT-100',
  number: 1,
  name: 'Estimación 1',
  type: 'ordinary',
  status: 'draft',
  periodStart: '2026-09-01',
  periodEnd: '2026-09-30',
  exchangeRate: null,
  invoiceReference: null,
  invoicedAt: null,
  paidDate: null,
  paidAmount: null,
  createdAt: '2026-09-01T00:00:00Z',
  updatedAt: '2026-09-01T00:00:00Z',
  selection: null,
  ivaPercent: '16',
  suggestedExchangeRate: '18.1',
  lines: [
    {
      kind: 'production',
      conceptId: CONCEPT,
      code: 'C-1',
      description: 'Concepto uno',
      unit: 'm',
      annex: null,
      unitPriceMxn: '10',
      unitPriceUsd: '0',
      authorizedQuantity: '100',
      previousQuantity: '0',
      quantity: '12.5',
      excessQuantity: '0',
      accumulatedQuantity: '12.5',
      remainingQuantity: '87.5',
      amountMxn: '125',
      amountUsd: '0',
      cellCount: 2,
      adjustmentId: null,
      reason: null,
    },
  ],
  deductions: [],
  totals: {
    subtotalMxn: '125',
    subtotalUsd: '0',
    deductionsMxn: '0',
    deductionsUsd: '0',
    taxMxn: '20',
    taxUsd: '0',
    netMxn: '145',
    netUsd: '0',
    homologatedMxn: '145',
  },
  advance: {
    advanceMxn: '0',
    advanceUsd: '0',
    recoveredBeforeMxn: '0',
    recoveredBeforeUsd: '0',
    balanceAfterMxn: '0',
    balanceAfterUsd: '0',
  },
  cells: [],
  returnReason: null,
  returnedAt: null,
  returnedBy: null,
  submittedAt: null,
  submittedBy: null,
  approvedAt: null,
  approvedBy: null,
  invoicedBy: null,
  paidAt: null,
  paidBy: null,
  account: { mxn: account, usd: account },
  ...patch,
})

/** The message under a field (FormField links it through aria-describedby). */
export const errorOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((x) => document.getElementById(x))
    .find((el) => el?.className.includes('field__error'))?.textContent

export const sent = <C extends { method: string }>(calls: C[]) => calls.filter((c) => c.method !== 'GET')
