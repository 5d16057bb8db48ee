/**
 * After approval (docs/estimates.md#workflow-and-permissions): invoice (reference) and record the payment (date
 * and amount = the homologated net), each in a dialog that confirms; the invoice and payment on the estimate; the
 * contract's running account per currency.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TEstimate } from '@faena/contracts'
import { Button } from '../../platform/components'
import { useCan, useFormat } from '../../platform/session'
import { InvoiceDialog } from './invoice-dialog'
import { PayDialog } from './pay-dialog'

/** The invoice and payment buttons of an approved or invoiced estimate, for `estimate.approve`. */
export const BillingActions = ({ e }: { e: TEstimate }) => {
  const { t } = useTranslation('estimates')
  const can = useCan()
  const [open, setOpen] = useState<'invoice' | 'pay' | null>(null)
  if (!can('estimate.approve') || (e.status !== 'approved' && e.status !== 'invoiced')) return null
  const close = () => setOpen(null)
  return (
    <>
      {e.status === 'approved' ? (
        <Button variant="primary" onClick={() => setOpen('invoice')}>
          {t('billing.invoice')}
        </Button>
      ) : (
        <Button variant="primary" onClick={() => setOpen('pay')}>
          {t('billing.pay')}
        </Button>
      )}
      {open === 'invoice' ? <InvoiceDialog e={e} onClose={close} /> : null}
      {open === 'pay' ? <PayDialog e={e} onClose={close} /> : null}
    </>
  )
}

/** The invoice and the payment of the estimate, once it has them. */
export const BillingNote = ({ e }: { e: TEstimate }) => {
  const { t } = useTranslation('estimates')
  const fmt = useFormat()
  if (!e.invoiceReference) return null
  return (
    <p className="estimate__note" role="status" data-testid="billing-note">
      {t('billing.invoiced', {
        reference: e.invoiceReference,
        date: fmt.dateTime(e.invoicedAt),
        who: e.invoicedBy?.name ?? '—',
      })}
      {e.paidDate && e.paidAmount ? (
        <>
          {' · '}
          {t('billing.paid', {
            date: fmt.date(e.paidDate),
            amount: fmt.money(e.paidAmount, 'MXN'),
            who: e.paidBy?.name ?? '—',
          })}
        </>
      ) : null}
    </p>
  )
}

const ROWS = [
  'authorized',
  'estimatedToDate',
  'thisEstimate',
  'remaining',
  'advanceGiven',
  'advanceRecovered',
  'advanceBalance',
] as const

/** The contract's running account per currency (the closing account of a final settlement). */
export const AccountCard = ({ e }: { e: TEstimate }) => {
  const { t } = useTranslation('estimates')
  const fmt = useFormat()
  return (
    <section className="card" data-testid="account">
      <h2 className="card__title">
        {e.type === 'final_settlement' ? t('billing.closing') : t('billing.account')}
      </h2>
      <p className="muted">{t('billing.accountHint')}</p>
      <table className="table">
        <thead>
          <tr>
            <th />
            <th className="cell--end">MXN</th>
            <th className="cell--end">USD</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((k) => (
            <tr key={k}>
              <td>{t(`billing.${k}`)}</td>
              <td className="cell--end">{fmt.money(e.account.mxn[k], 'MXN', { code: true })}</td>
              <td className="cell--end">{fmt.money(e.account.usd[k], 'USD', { code: true })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
