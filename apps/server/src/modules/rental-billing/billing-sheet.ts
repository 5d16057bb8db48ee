import { computeSheetLines, type SheetLine, type SheetLinesInput } from './billing-lines'
import { computeSheetTotals, type SheetTotals } from './sheet-totals'

export type ComputeSheetInput = SheetLinesInput & {
  /** The organization's tax rate as a fraction ('0.15'). */
  taxRate: string
}

export type ComputedSheet = { lines: SheetLine[]; totals: SheetTotals }

/**
 * The whole recomputation of a billing sheet in one pure call: lines (billing-lines.ts) then header totals
 * (sheet-totals.ts) over the same input. The service loads the inputs, calls this inside its transaction and
 * writes the result — on every change that feeds the sheet and once more at liquidation
 * (docs/rental-billing.md#eager-recomputation).
 */
export function computeSheet(input: ComputeSheetInput): ComputedSheet {
  const lines = computeSheetLines(input)
  const totals = computeSheetTotals({ lines, taxRate: input.taxRate, custodyChains: input.custodyChains })
  return { lines, totals }
}
