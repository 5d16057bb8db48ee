/** approved → invoiced: the invoice's reference, confirmed in a dialog (docs/estimates.md#workflow-and-permissions). */
import { useTranslation } from 'react-i18next'
import { ZEstimateInvoiceRequest, type TEstimate } from '@faena/contracts'
import { FormField, useToast, FormDialog } from '../../platform/components'
import { useZodForm } from '../../platform/validation'
import { ServerFormError } from '../../platform/components/record-form'
import { useEstimateAction } from './api'

export const InvoiceDialog = ({ e, onClose }: { e: TEstimate; onClose: () => void }) => {
  const { t } = useTranslation(['estimates', 'platform'])
  const toast = useToast()
  const action = useEstimateAction(e.id)
  const form = useZodForm(ZEstimateInvoiceRequest, { invoiceReference: '' })
  return (
    <FormDialog
      size="md"
      onClose={onClose}
      title={t('billing.invoiceTitle', { number: e.number })}
      onSubmit={form.submit((data) =>
        action.mutate(
          { kind: 'invoice', ...data },
          {
            onSuccess: () => (toast.success(t('detail.done')), onClose()),
            onError: form.applyServerError,
          },
        ),
      )}
      submitLabel={t('billing.invoice')}
      busy={action.isPending}
      formError={<ServerFormError error={action.error} errors={form.errors} />}
    >
      <p>{t('billing.invoiceBody')}</p>
      <FormField label={t('billing.invoiceReference')} error={form.errors.invoiceReference}>
        {(c) => <input {...c} className="input" maxLength={80} {...form.register('invoiceReference')} />}
      </FormField>
    </FormDialog>
  )
}
