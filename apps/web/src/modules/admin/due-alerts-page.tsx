import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TDueAlertSettings } from '@faena/contracts'
import {
  Button,
  ErrorState,
  FormError,
  FormField,
  PageHeader,
  PagePending,
  UnsavedChangesGuard,
  useToast,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { dueAlertSettingsQuery, useSaveDueAlertSettings } from './due-alerts-api'
import './due-alerts.css'

/** The API's bounds (ZDueAlertSettingsInput). */
const MIN_DAYS = 0
const MAX_DAYS = 60

/** Administración → Avisos de vencimiento (docs/platform.md#due-and-overdue): days before a delivery date. */
export const DueAlertsPage = () => {
  const { t } = useTranslation(['admin', 'platform'])
  const settings = useQuery(dueAlertSettingsQuery())
  return (
    <div className="page">
      <PageHeader title={t('dueAlerts.title')} subtitle={t('dueAlerts.subtitle')} />
      {settings.data ? (
        <SettingsCard key={settings.data.updatedAt ?? 'none'} saved={settings.data} />
      ) : settings.error ? (
        <section className="card">
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        </section>
      ) : (
        <PagePending />
      )}
    </div>
  )
}

const SettingsCard = ({ saved }: { saved: TDueAlertSettings }) => {
  const { t } = useTranslation(['admin', 'platform'])
  const toast = useToast()
  const save = useSaveDueAlertSettings()
  const initial = String(saved.daysBefore)
  const [days, setDays] = useState(initial)
  const [daysError, setDaysError] = useState<string | undefined>()
  const [formError, setFormError] = useState<string | null>(null)
  const dirty = days.trim() !== initial

  const submit = () => {
    setFormError(null)
    const text = days.trim()
    const n = Number(text)
    if (!/^\d+$/.test(text) || n < MIN_DAYS || n > MAX_DAYS)
      return setDaysError(t('dueAlerts.errors.daysBefore'))
    setDaysError(undefined)
    save.mutate(
      { daysBefore: n },
      {
        onSuccess: () => toast.success(t('dueAlerts.saved')),
        onError: (e) => setFormError(errorMessage(e)),
      },
    )
  }

  return (
    <section className="card due-alerts__settings" aria-labelledby="due-alerts-settings">
      <h2 id="due-alerts-settings" className="section-title">
        {t('dueAlerts.settings')}
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <UnsavedChangesGuard when={dirty && !save.isPending} />
        <FormError>{formError}</FormError>
        <FormField label={t('dueAlerts.daysBefore')} hint={t('dueAlerts.daysBeforeHint')} error={daysError}>
          {(p) => (
            <input
              {...p}
              className="input due-alerts__days"
              type="number"
              inputMode="numeric"
              min={MIN_DAYS}
              max={MAX_DAYS}
              step={1}
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          )}
        </FormField>
        <p className="muted">
          {t('dueAlerts.schedule', { hour: String(saved.hour).padStart(2, '0'), zone: saved.timeZone })}
        </p>
        <p className="muted">
          {t('dueAlerts.preferences')}{' '}
          <Link to="/account/notifications">{t('dueAlerts.preferencesLink')}</Link>.
        </p>
        <div className="due-alerts__actions">
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!dirty}>
            {t('dueAlerts.save')}
          </Button>
        </div>
      </form>
    </section>
  )
}
