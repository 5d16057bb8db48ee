/** invoiced → paid: the payment's date and amount (the homologated net), confirmed in a dialog. */
import { useTranslation } from 'react-i18next'
import { ZEstimatePayRequest, type TEstimate } from '@faena/contracts'
import { FormField, useToast, FormDialog } from '../../platform/components'
import { useZodForm } from '../../platform/validation'
import { ServerFormError } from '../../platform/components/record-form'
import { useEstimateAction } from './api'
import { decimalText } from './form-text'

const ZPayForm = ZEstimatePayRequest.extend({ amount: decimalText(ZEstimatePayRequest.shape.amount) })

const todayLocal = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export const PayDialog = ({ e, onClose }: { e: TEstimate; onClose: () => void }) => {
  const { t } = useTranslation(['estimates', 'platform'])
  const toast = useToast()
  const action = useEstimateAction(e.id)
  const form = useZodForm(ZPayForm, { date: todayLocal(), amount: e.totals.homologatedMxn ?? '' })
  return (
    <FormDialog
      size="md"
      onClose={onClose}
      title={t('billing.payTitle', { number: e.number })}
      onSubmit={form.submit((data) =>
        action.mutate(
          { kind: 'pay', ...data },
          {
            onSuccess: () => (toast.success(t('detail.done')), onClose()),
            onError: form.applyServerError,
          },
        ),
      )}
      submitLabel={t('billing.pay')}
      busy={action.isPending}
      formError={<ServerFormError error={action.error} errors={form.errors} />}
    >
      <p>{t('billing.payBody', { amount: e.totals.homologatedMxn ?? '—' })}</p>
      <FormField label={t('billing.payDate')} error={form.errors.date}>
        {(c) => <input {...c} type="date" className="input" {...form.register('date')} />}
      </FormField>
      <FormField label={t('billing.payAmount')} error={form.errors.amount}>
        {(c) => <input {...c} className="input" inputMode="decimal" {...form.register('amount')} />}
      </FormField>
    </FormDialog>
  )
}
