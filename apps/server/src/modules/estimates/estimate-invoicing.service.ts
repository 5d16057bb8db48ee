/**
 * After approval (docs/estimates.md#workflow-and-permissions): approved → invoiced with the invoice's reference
 * (unique per organization among estimates, ignoring case: a unique index, so two at once cannot both take it);
 * invoiced → paid with the payment's date (not in the future, not before the invoice) and amount, which must
 * equal the estimate's homologated net in MXN (its frozen `totals.homologatedMxn`) to the cent.
 */
import type { TEstimate, TEstimateInvoiceRequest, TEstimatePayRequest } from '@faena/contracts'
import { ZEstimateInvoiceRequest, ZEstimatePayRequest } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { AppError, fieldError } from '../../platform/errors'
import { Dec } from '../../platform/money/money'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { calendarDate } from '../../platform/tenancy/today'
import { createTransition } from './estimate-transition'
import type { EstimateSnapshot } from './estimate-view'
import type { EstimatesContext } from './estimates.context'
import { estimatesMessages as M } from './estimates.messages'
import * as repo from './estimates.repository'

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === '23505'

const referenceTaken = (reference: string, number?: number) =>
  new AppError(
    'CONFLICT',
    number ? M.referenceInEstimate({ reference, number }) : M.referenceInOther({ reference }),
    [fieldError('invoiceReference', M.referenceRepeated())],
  )

export function createEstimateInvoicingUseCases(ctx: EstimatesContext) {
  const { clock } = ctx
  const transition = createTransition(ctx)

  async function invoice(actor: Actor, id: string, body: TEstimateInvoiceRequest): Promise<TEstimate> {
    requireAccess(actor, 'estimate.approve')
    const { invoiceReference } = ZEstimateInvoiceRequest.parse(body)
    try {
      return await transition(actor, id, async (trx, row) => {
        ctx.refuseUnlessStatus(row, 'approved')
        const other = await repo.estimateWithInvoiceReference(trx, row.org_id, invoiceReference)
        if (other) throw referenceTaken(invoiceReference, other.number)
        const now = clock()
        await repo.updateEstimate(
          trx,
          row.id,
          {
            status: 'invoiced',
            invoice_reference: invoiceReference,
            invoiced_by: ctx.userId(actor),
            invoiced_at: now,
          },
          now,
        )
        return {
          action: 'invoiced',
          changes: [{ field: 'invoiceReference', old: null, new: invoiceReference }],
        }
      })
    } catch (err) {
      // two invoices at once: the unique index lets one through
      if (isUniqueViolation(err)) throw referenceTaken(invoiceReference)
      throw err
    }
  }

  async function pay(actor: Actor, id: string, body: TEstimatePayRequest): Promise<TEstimate> {
    requireAccess(actor, 'estimate.approve')
    const input = ZEstimatePayRequest.parse(body)
    return transition(actor, id, async (trx, row) => {
      ctx.refuseUnlessStatus(row, 'invoiced')
      const org = await findOrganizationById(trx, row.org_id)
      const tz = org?.timeZone ?? 'UTC'
      const now = clock()
      const today = calendarDate(now, tz)
      const invoicedOn = row.invoiced_at ? calendarDate(row.invoiced_at, tz) : today
      if (input.date > today)
        throw new AppError('VALIDATION', M.paymentInFuture(), [fieldError('date', M.upTo({ date: today }))])
      if (input.date < invoicedOn)
        throw new AppError('VALIDATION', M.paymentBeforeInvoice(), [
          fieldError('date', M.from({ date: invoicedOn })),
        ])
      const expected = (row.totals as EstimateSnapshot | null)?.totals.homologatedMxn ?? null
      if (expected === null || !new Dec(input.amount).equals(expected))
        throw new AppError('VALIDATION', M.paidAmount({ expected: expected ?? '—' }), [
          fieldError('amount', M.mustBe({ expected: expected ?? '—' })),
        ])
      await repo.updateEstimate(
        trx,
        row.id,
        {
          status: 'paid',
          paid_date: input.date,
          paid_amount: new Dec(input.amount).toFixed(2),
          paid_by: ctx.userId(actor),
          paid_at: now,
        },
        now,
      )
      return {
        action: 'paid',
        changes: [
          { field: 'paidDate', old: null, new: input.date },
          { field: 'paidAmount', old: null, new: new Dec(input.amount).toFixed(2) },
        ],
      }
    })
  }

  return { invoice, pay }
}
