import { useEffect, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZComplianceAlertSettingsInput, type TComplianceAlertSettings } from '@faena/contracts'
import { Button, Dialog, FormError, FormField, useToast } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useZodForm } from '../../platform/validation'
import { alertsQuery, fetchAlertPreview, useSaveAlerts, useSendAlertNow } from './api'

/** The settings' form: the recipients typed one per line (or separated by commas, semicolons, spaces). */
export const ZAlertsForm = ZComplianceAlertSettingsInput.extend({
  recipients: z
    .string()
    .transform((v) =>
      v
        .split(/[\s,;]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(ZComplianceAlertSettingsInput.shape.recipients),
})

const initialOf = (s: TComplianceAlertSettings | undefined): z.input<typeof ZAlertsForm> => ({
  enabled: s?.enabled ?? false,
  hour: String(s?.hour ?? 0),
  recipients: s?.recipients.join('\n') ?? '',
})

/** The daily e-mail's settings: on/off, hour of the organization's day, recipients; preview and send now. */
export const AlertsDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const toast = useToast()
  const settings = useQuery(alertsQuery())
  const save = useSaveAlerts()
  const send = useSendAlertNow()
  const form = useZodForm(ZAlertsForm, initialOf(settings.data))
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  // the saved settings, once loaded, are the form's starting values
  const { reset } = form
  useEffect(() => {
    if (settings.data) reset(initialOf(settings.data))
  }, [settings.data, reset])
  const submit = form.submit((body) => {
    setError(null)
    save.mutate(body, {
      onSuccess: () => toast.success(t('alerts.saved')),
      onError: (e) => {
        if (!form.applyServerError(e)) setError(errorMessage(e))
      },
    })
  })
  // a message on one address (`recipients.3`) stands under the recipients
  const recipientsError =
    form.errors.recipients ?? Object.entries(form.errors).find(([k]) => k.startsWith('recipients.'))?.[1]
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
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!settings.data}>
            {t('platform:actions.save')}
          </Button>
        </>
      }
    >
      <FormError>{error}</FormError>
      {settings.data ? (
        <>
          <p className="muted">{t('alerts.intro', { tz: settings.data.timeZone })}</p>
          <div className="form-grid">
            <FormField label={t('alerts.enabled')} error={form.errors.enabled}>
              {(p) => (
                <label className="checkbox">
                  <input {...p} type="checkbox" {...form.register('enabled')} /> {t('alerts.enabled')}
                </label>
              )}
            </FormField>
            <FormField label={t('alerts.hour')} error={form.errors.hour}>
              {(p) => (
                <select {...p} className="input" {...form.register('hour')}>
                  {Array.from({ length: 24 }, (_, h) => (
                    <option key={h} value={h}>
                      {String(h).padStart(2, '0')}:00
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              label={t('alerts.recipients')}
              hint={t('alerts.recipientsHint')}
              className="fs-wide"
              error={recipientsError}
            >
              {(p) => (
                <textarea {...p} className="input textarea" rows={4} {...form.register('recipients')} />
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
