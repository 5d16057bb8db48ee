/** Cierre mensual → the dialog that adds a link to a monthly report's evidence (the field is named on error). */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TMonthlyReport } from '@faena/contracts'
import { Button, Dialog, FormError, FormField, useToast } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useAddReportLink } from './monthly-api'

const URL_RE = /^https?:\/\/\S+$/i

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
  const [url, setUrl] = useState('')
  const [label, setLabel] = useState('')
  const [error, setError] = useState<{ url?: string; form?: string }>({})
  const submit = () => {
    const u = url.trim()
    if (!u) return setError({ url: t('monthly.linkRequired') })
    if (!URL_RE.test(u)) return setError({ url: t('monthly.linkInvalid') })
    add.mutate(
      { workOrderId: report.workOrderId, month, url: u, label: label.trim() || null },
      {
        onSuccess: () => {
          toast.success(t('monthly.linkAdded'))
          onClose()
        },
        onError: (e) => setError({ form: errorMessage(e) }),
      },
    )
  }
  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={t('monthly.linkTitle', { number: report.number })}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={add.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={add.isPending}>
            {t('monthly.addLink')}
          </Button>
        </>
      }
    >
      <FormError>{error.form ?? null}</FormError>
      <FormField label={t('monthly.linkUrl')} error={error.url} required>
        {(p) => (
          <input
            {...p}
            className="input"
            type="url"
            value={url}
            data-testid="monthly-link-url"
            onChange={(e) => {
              setUrl(e.target.value)
              setError({})
            }}
          />
        )}
      </FormField>
      <FormField label={t('monthly.linkLabel')}>
        {(p) => (
          <input
            {...p}
            className="input"
            maxLength={200}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
        )}
      </FormField>
    </Dialog>
  )
}
