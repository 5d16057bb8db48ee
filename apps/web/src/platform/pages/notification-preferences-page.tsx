import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TNotificationPreferences, TNotificationPreferencesInput } from '@faena/contracts'
import { api } from '../api'
import { Button } from '../components/button'
import { UnsavedChangesGuard } from '../components/unsaved-changes'
import { ErrorState } from '../components/error-state'
import { FormError } from '../components/form-field'
import { PageHeader } from '../components/page-header'
import { useToast } from '../components/toast'
import { errorMessage } from '../errors'

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
  const initial = saved.items.map(({ kind, inApp, email }) => ({ kind, inApp, email }))
  const [items, setItems] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const dirty = JSON.stringify(items) !== JSON.stringify(initial)
  const save = useMutation({
    mutationFn: (body: TNotificationPreferencesInput) =>
      api.put('/api/v1/notifications/preferences', { body }),
    onSuccess: (next) => {
      qc.setQueryData(KEY, next)
      toast.success(t('notificationPrefs.saved'))
    },
    onError: (e) => setError(errorMessage(e)),
  })
  const set = (kind: string, field: 'inApp' | 'email', value: boolean) =>
    setItems((xs) => xs.map((x) => (x.kind === kind ? { ...x, [field]: value } : x)))
  const lang = i18n.language === 'en' ? 'en' : 'es'

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        setError(null)
        save.mutate({ items })
      }}
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
          {saved.items.map((k) => {
            const v = items.find((x) => x.kind === k.kind)!
            return (
              <tr key={k.kind}>
                <th scope="row" className="prefs__kind">
                  {k.label[lang]}
                </th>
                <td className="cell--center">
                  <input
                    type="checkbox"
                    aria-label={`${k.label[lang]}: ${t('notificationPrefs.inApp')}`}
                    checked={v.inApp}
                    onChange={(e) => set(k.kind, 'inApp', e.target.checked)}
                  />
                </td>
                <td className="cell--center">
                  <input
                    type="checkbox"
                    aria-label={`${k.label[lang]}: ${t('notificationPrefs.email')}`}
                    checked={v.email}
                    onChange={(e) => set(k.kind, 'email', e.target.checked)}
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
