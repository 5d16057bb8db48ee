/**
 * After approval (docs/estimates.md#workflow-and-permissions): invoice (reference) and record the payment (date
 * and amount = the homologated net), each in a dialog that confirms; the invoice and payment on the estimate; the
 * contract's running account per currency.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TEstimate } from '@faena/contracts'
import { Button, Dialog, FormError, FormField, useToast } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useCan, useFormat } from '../../platform/session'
import { useEstimateAction } from './api'

const todayLocal = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** The invoice and payment buttons of an approved or invoiced estimate, for `estimate.approve`. */
export const BillingActions = ({ e }: { e: TEstimate }) => {
  const { t } = useTranslation(['estimates', 'platform'])
  const can = useCan()
  const toast = useToast()
  const action = useEstimateAction(e.id)
  const [open, setOpen] = useState<'invoice' | 'pay' | null>(null)
  const [reference, setReference] = useState('')
  const [date, setDate] = useState(todayLocal())
  const [amount, setAmount] = useState(e.totals.homologatedMxn ?? '')
  const [error, setError] = useState<string | null>(null)
  if (!can('estimate.approve') || (e.status !== 'approved' && e.status !== 'invoiced')) return null
  const close = () => {
    setOpen(null)
    setError(null)
  }
  const done = {
    onSuccess: () => (toast.success(t('detail.done')), close()),
    onError: (err: unknown) => setError(errorMessage(err)),
  }
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
      <Dialog
        open={open === 'invoice'}
        onClose={close}
        title={t('billing.invoiceTitle', { number: e.number })}
        onSubmit={() => action.mutate({ kind: 'invoice', invoiceReference: reference.trim() }, done)}
        footer={
          <>
            <Button type="button" onClick={close}>
              {t('platform:actions.cancel')}
            </Button>
            <Button type="submit" variant="primary" disabled={action.isPending || !reference.trim()}>
              {t('billing.invoice')}
            </Button>
          </>
        }
      >
        <p>{t('billing.invoiceBody')}</p>
        <FormField label={t('billing.invoiceReference')}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={reference}
              maxLength={80}
              onChange={(ev) => setReference(ev.target.value)}
            />
          )}
        </FormField>
        {error ? <FormError>{error}</FormError> : null}
      </Dialog>
      <Dialog
        open={open === 'pay'}
        onClose={close}
        title={t('billing.payTitle', { number: e.number })}
        onSubmit={() => action.mutate({ kind: 'pay', date, amount: amount.trim().replace(',', '.') }, done)}
        footer={
          <>
            <Button type="button" onClick={close}>
              {t('platform:actions.cancel')}
            </Button>
            <Button type="submit" variant="primary" disabled={action.isPending}>
              {t('billing.pay')}
            </Button>
          </>
        }
      >
        <p>{t('billing.payBody', { amount: e.totals.homologatedMxn ?? '—' })}</p>
        <FormField label={t('billing.payDate')}>
          {(c) => (
            <input
              {...c}
              type="date"
              className="input"
              value={date}
              onChange={(ev) => setDate(ev.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('billing.payAmount')}>
          {(c) => (
            <input
              {...c}
              className="input"
              inputMode="decimal"
              value={amount}
              onChange={(ev) => setAmount(ev.target.value)}
            />
          )}
        </FormField>
        {error ? <FormError>{error}</FormError> : null}
      </Dialog>
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
