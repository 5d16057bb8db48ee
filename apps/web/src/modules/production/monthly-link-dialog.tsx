/** Cierre mensual → the dialog that adds a link to a monthly report's evidence (the field is named on error). */
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZMonthlyReportLinkRequest, type TMonthlyReport } from '@faena/contracts'
import { FormField, useToast, FormDialog } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useZodForm } from '../../platform/validation'
import { withMessages } from './form-schema'
import { useAddReportLink } from './monthly-api'

export function LinkDialog({
  report,
  month,
  onClose,
}: {
  report: TMonthlyReport
  month: string
  onClose: () => void
}) {
  const { t } = useTranslation(['production', 'platform'])
  const toast = useToast()
  const add = useAddReportLink()
  const [formError, setFormError] = useState<string | null>(null)
  const schema = useMemo(
    () =>
      withMessages(ZMonthlyReportLinkRequest, ({ path, value }) =>
        path === 'url' ? (value ? t('monthly.linkInvalid') : t('monthly.linkRequired')) : undefined,
      ),
    [t],
  )
  const form = useZodForm(schema, { url: '', label: '' })
  const submit = form.submit((data) => {
    setFormError(null)
    add.mutate(
      { workOrderId: report.workOrderId, month, url: data.url, label: data.label || null },
      {
        onSuccess: () => {
          toast.success(t('monthly.linkAdded'))
          onClose()
        },
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorMessage(e))
        },
      },
    )
  })
  return (
    <FormDialog
      title={t('monthly.linkTitle', { number: report.number })}
      onClose={onClose}
      onSubmit={submit}
      busy={add.isPending}
      dirty={form.isDirty}
      formError={formError}
      submitLabel={t('monthly.addLink')}
    >
      <FormField label={t('monthly.linkUrl')} error={form.errors.url} required>
        {(p) => (
          <input
            {...p}
            className="input"
            type="url"
            data-testid="monthly-link-url"
            {...form.register('url')}
          />
        )}
      </FormField>
      <FormField label={t('monthly.linkLabel')} error={form.errors.label}>
        {(p) => <input {...p} className="input" maxLength={200} {...form.register('label')} />}
      </FormField>
    </FormDialog>
  )
}
