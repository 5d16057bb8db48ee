/** Send an in-review estimate to the client: the exchange rate to freeze (blank: the table's). */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZEstimateSubmitRequest, type TEstimate } from '@faena/contracts'
import { FormField, FormDialog } from '../../platform/components'
import { useZodForm } from '../../platform/validation'
import { ServerFormError } from '../../platform/components/record-form'
import { decimalText } from './form-text'

const ZSubmitForm = ZEstimateSubmitRequest.extend({
  exchangeRate: decimalText(ZEstimateSubmitRequest.shape.exchangeRate),
})

export const SubmitDialog = ({
  e,
  busy,
  onClose,
  onSubmit,
}: {
  e: TEstimate
  busy: boolean
  onClose: () => void
  /** `exchangeRate` undefined: the table's rate; `onError` handles the failure */
  onSubmit: (exchangeRate: string | undefined, onError: (err: unknown) => void) => void
}) => {
  const { t } = useTranslation(['estimates', 'platform'])
  const form = useZodForm(ZSubmitForm, { exchangeRate: '' })
  const [error, setError] = useState<unknown>(null)
  return (
    <FormDialog
      size="md"
      onClose={onClose}
      title={t('detail.submitTitle', { number: e.number })}
      onSubmit={form.submit((data) => {
        setError(null)
        onSubmit(data.exchangeRate, (err) => {
          setError(err)
          form.applyServerError(err)
        })
      })}
      submitLabel={t('detail.submit')}
      busy={busy}
      formError={<ServerFormError error={error} errors={form.errors} />}
    >
      <p>{t('detail.submitBody')}</p>
      <FormField
        label={t('fields.exchangeRate')}
        error={form.errors.exchangeRate}
        hint={
          e.suggestedExchangeRate
            ? `${t('detail.suggestedRate')}: ${e.suggestedExchangeRate}`
            : t('detail.noRate')
        }
      >
        {(c) => (
          <input
            {...c}
            className="input"
            inputMode="decimal"
            placeholder={e.suggestedExchangeRate ?? ''}
            {...form.register('exchangeRate')}
          />
        )}
      </FormField>
    </FormDialog>
  )
}
