import { fieldError, validationError } from '../../platform/errors'
import type { Message } from '../../platform/i18n/messages'
import { Dec } from './billing-decimal'
import type { SheetLine } from './billing-lines'
import { billingMessages as M } from './rental-billing.messages'
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
  sheet: string | { start: string; end: string },
  computed: { lines: readonly Pick<SheetLine, 'description' | 'total'>[]; totals: SheetTotals },
  field: string,
): void {
  const limit = '999.999.999.999,99'
  const big = computed.lines.find((l) => new Dec(l.total).gt(MAX_TOTAL))
  const t = computed.totals
  const header = (['subtotal', 'tax', 'total'] as const).find((k) => new Dec(t[k]).gt(MAX_TOTAL))
  const volume = (['gallons', 'barrels', 'cubicMeters'] as const).find((k) => new Dec(t[k]).gt(MAX_VOLUME))
  // a sheet being created has no number yet for the user: it is named by its period
  const byCode = typeof sheet === 'string'
  const p = typeof sheet === 'string' ? { code: sheet, start: '', end: '' } : { code: '', ...sheet }
  let what: Message | null = null
  if (big) {
    const q = { line: big.description, amount: big.total, limit }
    what = byCode
      ? M.lineTotalTooBig({ ...q, code: p.code })
      : M.lineTotalTooBigNew({ ...q, start: p.start, end: p.end })
  } else if (header) {
    const q = { header: header === 'tax' ? 'IVA' : header, amount: t[header], limit }
    what = byCode
      ? M.headerTooBig({ ...q, code: p.code })
      : M.headerTooBigNew({ ...q, start: p.start, end: p.end })
  } else if (volume) {
    what = byCode
      ? M.volumeTooBig({ volume, limit, code: p.code })
      : M.volumeTooBigNew({ volume, limit, start: p.start, end: p.end })
  }
  if (!what) return
  const title = byCode ? M.amountTooBig({ code: p.code }) : M.amountTooBigNew({ start: p.start, end: p.end })
  throw validationError(title, [fieldError(field, what)])
}
