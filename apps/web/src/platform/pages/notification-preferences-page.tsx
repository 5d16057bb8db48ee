import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  ZNotificationPreferencesInput,
  type TNotificationPreferences,
  type TNotificationPreferencesInput,
} from '@faena/contracts'
import { api } from '../api'
import { Button } from '../components/button'
import { UnsavedChangesGuard } from '../components/unsaved-changes'
import { ErrorState } from '../components/error-state'
import { FormError } from '../components/form-field'
import { PageHeader } from '../components/page-header'
import { useToast } from '../components/toast'
import { errorMessage } from '../errors'
import { useZodForm } from '../validation'

const KEY = ['notification-preferences'] as const

/** Cuenta → Avisos (docs/platform.md#notifications): per kind, in the app and/or by e-mail. */
export const NotificationPreferencesPage = () => {
  const { t } = useTranslation()
  const prefs = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get('/api/v1/notifications/preferences', { signal }),
  })
  return (
    <div className="page">
      <PageHeader title={t('notificationPrefs.title')} subtitle={t('notificationPrefs.subtitle')} />
      <section className="card prefs">
        {prefs.data ? (
          <PreferencesForm key={JSON.stringify(prefs.data)} saved={prefs.data} />
        ) : prefs.error ? (
          <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </section>
    </div>
  )
}

const PreferencesForm = ({ saved }: { saved: TNotificationPreferences }) => {
  const { t, i18n } = useTranslation()
  const toast = useToast()
  const qc = useQueryClient()
  const form = useZodForm(ZNotificationPreferencesInput, {
    items: saved.items.map(({ kind, inApp, email }) => ({ kind, inApp, email })),
  })
  const [error, setError] = useState<string | null>(null)
  const dirty = form.isDirty
  const save = useMutation({
    mutationFn: (body: TNotificationPreferencesInput) =>
      api.put('/api/v1/notifications/preferences', { body }),
    onSuccess: (next) => {
      qc.setQueryData(KEY, next)
      toast.success(t('notificationPrefs.saved'))
    },
    onError: (e) => {
      if (!form.applyServerError(e)) setError(errorMessage(e))
    },
  })
  const lang = i18n.language === 'en' ? 'en' : 'es'

  return (
    <form
      noValidate
      onSubmit={form.submit((body) => {
        setError(null)
        save.mutate(body)
      })}
    >
      <UnsavedChangesGuard when={dirty && !save.isPending} />
      <FormError>{error}</FormError>
      {saved.emailAvailable ? null : <p className="muted">{t('notificationPrefs.noEmail')}</p>}
      <table className="table prefs__table">
        <caption className="visually-hidden">{t('notificationPrefs.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('notificationPrefs.kind')}</th>
            <th scope="col" className="cell--center">
              {t('notificationPrefs.inApp')}
            </th>
            <th scope="col" className="cell--center">
              {t('notificationPrefs.email')}
            </th>
          </tr>
        </thead>
        <tbody>
          {saved.items.map((k, i) => {
            return (
              <tr key={k.kind}>
                <th scope="row" className="prefs__kind">
                  {k.label[lang]}
                </th>
                <td className="cell--center">
                  <input
                    type="checkbox"
                    aria-label={`${k.label[lang]}: ${t('notificationPrefs.inApp')}`}
                    {...form.register(`items.${i}.inApp`)}
                  />
                </td>
                <td className="cell--center">
                  <input
                    type="checkbox"
                    aria-label={`${k.label[lang]}: ${t('notificationPrefs.email')}`}
                    {...form.register(`items.${i}.email`)}
                  />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <div className="prefs__actions">
        <Button type="submit" variant="primary" loading={save.isPending} disabled={!dirty}>
          {t('actions.save')}
        </Button>
      </div>
    </form>
  )
}
