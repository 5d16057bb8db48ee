import type { TBillingSheetDetail, TInvoiceBillingSheetRequest } from '@faena/contracts'
import { toDayMonthYear } from '@faena/domain/calendar-date'
import { requireAccess, type Actor } from '../../platform/access'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { isUniqueViolation, type RentalBillingContext } from './rental-billing.context'
import * as repo from './rental-billing.repository'
import { billingMessages as M } from './rental-billing.messages'

export type InvoiceSheetOptions = TInvoiceBillingSheetRequest

/** 409: an SRI invoice number is used by one sheet of the organization (docs/rental-billing.md#invoicing). */
const invoiceTaken = (reference: string, seriesCode: string | null, billingSheetId: string | null) =>
  new AppError(
    'CONFLICT',
    seriesCode ? M.invoiceTakenBy({ reference, code: seriesCode }) : M.invoiceTaken({ reference }),
    { field: 'invoiceReference', invoiceReference: reference, billingSheetId, seriesCode },
  )

/** Invoicing a liquidated sheet: the SRI invoice number and its PDF (docs/rental-billing.md#invoicing). */
export function createSheetInvoicingUseCases(ctx: RentalBillingContext) {
  const { db, clock, files, notify, userId, loadSheet, requireAction, readDetail, statusChange } = ctx

  /** Invoicing a liquidated sheet: the invoice reference and the invoice, an uploaded PDF. */
  async function invoice(actor: Actor, id: string, input: InvoiceSheetOptions): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.invoice')
    return db.transaction().execute(async (trx) => {
      const before = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(before, 'invoice')
      const file = await files.getFile(actor, input.invoiceFileId, trx).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'NOT_FOUND')
          throw validationError(M.invoiceNotFound(), [fieldError('invoiceFileId', M.invoiceFileMissing())])
        throw err
      })
      if (file.kind !== 'pdf')
        throw validationError(M.invoiceNotPdf(), [
          fieldError('invoiceFileId', M.fileIsNotPdf({ kind: file.kind.toUpperCase() })),
        ])
      const reference = input.invoiceReference.trim()
      const taken = await repo.findSheetByInvoiceReference(trx, actor.orgId, reference)
      if (taken && taken.id !== id) throw invoiceTaken(reference, taken.series_code, taken.id)
      const now = clock()
      const after = await repo
        .updateSheet(trx, actor.orgId, id, {
          status: 'invoiced',
          status_reason: null,
          invoice_reference: reference,
          invoice_file_id: file.id,
          invoiced_at: now,
          invoiced_by: userId(actor),
          updated_at: now,
        })
        .catch((err: unknown) => {
          if (isUniqueViolation(err, 'billing_sheets_invoice_reference_uq'))
            throw invoiceTaken(reference, null, null)
          throw err
        })
      await statusChange(trx, actor, before, after, 'invoiced', { fileName: file.name })
      // billing is told the sheet was invoiced (not the person who invoiced it), in this transaction
      await notify(trx, {
        orgId: actor.orgId,
        to: { permission: 'billingSheet.invoice', exceptUserId: userId(actor) },
        kind: 'billingSheet.invoiced',
        title: {
          es: `Planilla ${after.series_code} facturada: factura ${reference}`,
          en: `Billing sheet ${after.series_code} invoiced: invoice ${reference}`,
        },
        body: {
          es: `Periodo ${toDayMonthYear(before.period_start)} – ${toDayMonthYear(before.period_end)}.`,
          en: `Period ${toDayMonthYear(before.period_start)} – ${toDayMonthYear(before.period_end)}.`,
        },
        link: `/rental/billing-sheets/${id}`,
        dedupeKey: `billingSheet.invoiced:${id}:${now.toISOString()}`,
      })
      return readDetail(trx, actor, after)
    })
  }

  return { invoice }
}
