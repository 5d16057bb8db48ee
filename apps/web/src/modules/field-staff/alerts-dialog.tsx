import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button, Dialog, FormError, FormField, useToast } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { alertsQuery, fetchAlertPreview, useSaveAlerts, useSendAlertNow } from './api'

/** The daily e-mail's settings: on/off, hour of the organization's day, recipients; preview and send now. */
export const AlertsDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const toast = useToast()
  const settings = useQuery(alertsQuery())
  const save = useSaveAlerts()
  const send = useSendAlertNow()
  const [v, setV] = useState<{ enabled: boolean; hour: string; recipients: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const values =
    v ??
    (settings.data
      ? {
          enabled: settings.data.enabled,
          hour: String(settings.data.hour),
          recipients: settings.data.recipients.join('\n'),
        }
      : null)
  const submit = () => {
    if (!values) return
    setError(null)
    save.mutate(
      {
        enabled: values.enabled,
        hour: Number(values.hour),
        recipients: values.recipients
          .split(/[\s,;]+/)
          .map((x) => x.trim())
          .filter(Boolean),
      },
      { onSuccess: () => toast.success(t('alerts.saved')), onError: (e) => setError(errorMessage(e)) },
    )
  }
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={t('alerts.title')}
      onSubmit={submit}
      footer={
        <>
          <Button
            className="dialog__footer-start"
            onClick={() =>
              void fetchAlertPreview()
                .then((p) => setPreview(p.html))
                .catch((e: unknown) => setError(errorMessage(e)))
            }
          >
            {t('alerts.preview')}
          </Button>
          <Button
            loading={send.isPending}
            onClick={() =>
              send.mutate(undefined, {
                onSuccess: (r) => toast.success(t('alerts.sent', { count: r.recipients.length })),
                onError: (e) => setError(errorMessage(e)),
              })
            }
          >
            {t('alerts.sendNow')}
          </Button>
          <Button onClick={onClose}>{t('platform:actions.close')}</Button>
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!values}>
            {t('platform:actions.save')}
          </Button>
        </>
      }
    >
      <FormError>{error}</FormError>
      {values && settings.data ? (
        <>
          <p className="muted">{t('alerts.intro', { tz: settings.data.timeZone })}</p>
          <div className="form-grid">
            <FormField label={t('alerts.enabled')}>
              {(p) => (
                <label className="checkbox">
                  <input
                    {...p}
                    type="checkbox"
                    checked={values.enabled}
                    onChange={(e) => setV({ ...values, enabled: e.target.checked })}
                  />{' '}
                  {t('alerts.enabled')}
                </label>
              )}
            </FormField>
            <FormField label={t('alerts.hour')}>
              {(p) => (
                <select
                  {...p}
                  className="input"
                  value={values.hour}
                  onChange={(e) => setV({ ...values, hour: e.target.value })}
                >
                  {Array.from({ length: 24 }, (_, h) => (
                    <option key={h} value={h}>
                      {String(h).padStart(2, '0')}:00
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('alerts.recipients')} hint={t('alerts.recipientsHint')} className="fs-wide">
              {(p) => (
                <textarea
                  {...p}
                  className="input textarea"
                  rows={4}
                  value={values.recipients}
                  onChange={(e) => setV({ ...values, recipients: e.target.value })}
                />
              )}
            </FormField>
          </div>
          {preview ? (
            <iframe title={t('alerts.previewTitle')} className="fs-preview" sandbox="" srcDoc={preview} />
          ) : null}
        </>
      ) : (
        <p className="muted">{t('platform:common.loading')}</p>
      )}
    </Dialog>
  )
}
