import { validationError } from '../../platform/errors'
import { Dec } from './billing-decimal'
import type { SheetLine } from './billing-lines'
import type { SheetTotals } from './sheet-totals'

/**
 * The amount limits of a sheet (docs/rental-billing.md#amount-limits): a line or header total holds
 * numeric(14, 2), a volume numeric(16, 2). Pure, unit-tested.
 */
export const MAX_TOTAL = new Dec('999999999999.99')
export const MAX_VOLUME = new Dec('99999999999999.99')

/**
 * A sheet whose line or header totals would not fit their columns is refused with a 400 naming `field`
 * (the input that caused it), never a database overflow.
 */
export function checkTotalsFit(
  seriesCode: string,
  computed: { lines: readonly Pick<SheetLine, 'description' | 'total'>[]; totals: SheetTotals },
  field: string,
): void {
  const limit = '999.999.999.999,99'
  const big = computed.lines.find((l) => new Dec(l.total).gt(MAX_TOTAL))
  const t = computed.totals
  const header = (['subtotal', 'tax', 'total'] as const).find((k) => new Dec(t[k]).gt(MAX_TOTAL))
  const volume = (['gallons', 'barrels', 'cubicMeters'] as const).find((k) => new Dec(t[k]).gt(MAX_VOLUME))
  const what = big
    ? `el total de la línea «${big.description}» (${big.total})`
    : header
      ? `el ${header === 'tax' ? 'IVA' : header} (${t[header]})`
      : volume
        ? `el volumen (${volume})`
        : null
  if (!what) return
  throw validationError(`La planilla ${seriesCode} no admite ese importe`, [
    {
      path: field,
      message: `Con este importe ${what} de la planilla ${seriesCode} superaría el máximo de ${limit}`,
    },
  ])
}
