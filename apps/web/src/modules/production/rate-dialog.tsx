/**
 * Configuración → exchange rates → the dialog that records a rate or edits the rate of a date
 * (docs/production.md#kpis-and-exchange-rates). The rules are the contract's; a comma is taken as the
 * decimal point.
 */
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZExchangeRateRequest, type TExchangeRate } from '@faena/contracts'
import { FormField, useToast, FormDialog } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { useSaveRate } from './api'
import { withMessages, type Translate } from './form-schema'

/** The contract's rate request (comma accepted as the decimal point) with messages that name the field. */
export const rateSchema = (t: Translate) =>
  withMessages(
    ZExchangeRateRequest.extend({
      rate: z
        .string()
        .transform((v) => v.trim().replace(',', '.'))
        .pipe(ZExchangeRateRequest.shape.rate),
    }),
    ({ path, code, value }) => {
      if (path === 'validFrom')
        return value ? t('settings.rates.errors.dateFormat') : t('settings.rates.errors.dateRequired')
      if (path === 'rate') {
        if (!value) return t('settings.rates.errors.rateRequired')
        return code === 'custom'
          ? t('settings.rates.errors.ratePositive')
          : t('settings.rates.errors.rateFormat')
      }
      return undefined
    },
  )

export function RateDialog({ rate, onClose }: { rate: TExchangeRate | null; onClose: () => void }) {
  const { t } = useTranslation(['production', 'platform'])
  const toast = useToast()
  const fmt = useFormat()
  const save = useSaveRate()
  const [formError, setFormError] = useState<string | null>(null)
  const schema = useMemo(() => rateSchema(t as unknown as Translate), [t])
  const form = useZodForm(schema, { validFrom: rate?.validFrom ?? '', rate: rate?.rate ?? '' })

  const submit = form.submit((value) => {
    setFormError(null)
    save.mutate(value, {
      onSuccess: () => {
        toast.success(t('settings.rates.saved', { date: fmt.date(value.validFrom) }))
        onClose()
      },
      onError: (e) => {
        if (!form.applyServerError(e)) setFormError(errorMessage(e))
      },
    })
  })

  return (
    <FormDialog
      title={
        rate
          ? t('settings.rates.editTitle', { date: fmt.date(rate.validFrom) })
          : t('settings.rates.newTitle')
      }
      onClose={onClose}
      onSubmit={submit}
      busy={save.isPending}
      dirty={form.isDirty}
      formError={formError}
      submitLabel={rate ? t('platform:actions.save') : t('platform:actions.create')}
    >
      <FormField
        label={t('settings.rates.validFrom')}
        error={form.errors.validFrom}
        hint={rate ? t('settings.rates.dateFixed') : t('settings.rates.dateHint')}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            readOnly={Boolean(rate)}
            data-testid="rate-valid-from"
            {...form.register('validFrom')}
          />
        )}
      </FormField>
      <FormField
        label={t('settings.rates.rate')}
        error={form.errors.rate}
        hint={t('settings.rates.rateHint')}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input mono"
            inputMode="decimal"
            maxLength={14}
            data-testid="rate-value"
            {...form.register('rate')}
          />
        )}
      </FormField>
    </FormDialog>
  )
}
