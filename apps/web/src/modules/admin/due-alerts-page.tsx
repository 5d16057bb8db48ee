import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZDueAlertSettingsInput, type TDueAlertSettings } from '@faena/contracts'
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
import { useZodForm } from '../../platform/validation'
import { dueAlertSettingsQuery, useSaveDueAlertSettings } from './due-alerts-api'
import './due-alerts.css'

/** The API's bounds (ZDueAlertSettingsInput), for the number input's min/max. */
const MIN_DAYS = 0
const MAX_DAYS = 60

/** The days typed as text, parsed to the contract's `daysBefore` (a whole number in its bounds). */
export const dueAlertsFormSchema = (message: string) =>
  z.object({
    daysBefore: z
      .string()
      .trim()
      .regex(/^\d+$/, { error: message })
      .transform(Number)
      .refine((n) => ZDueAlertSettingsInput.shape.daysBefore.safeParse(n).success, { error: message }),
  })

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
  const schema = useMemo(() => dueAlertsFormSchema(t('dueAlerts.errors.daysBefore')), [t])
  const form = useZodForm(schema, { daysBefore: String(saved.daysBefore) })
  const [formError, setFormError] = useState<string | null>(null)

  const submit = form.submit((data) => {
    setFormError(null)
    save.mutate(data, {
      onSuccess: () => {
        form.reset({ daysBefore: String(data.daysBefore) })
        toast.success(t('dueAlerts.saved'))
      },
      onError: (e) => {
        if (!form.applyServerError(e)) setFormError(errorMessage(e))
      },
    })
  })

  return (
    <section className="card due-alerts__settings" aria-labelledby="due-alerts-settings">
      <h2 id="due-alerts-settings" className="section-title">
        {t('dueAlerts.settings')}
      </h2>
      <form noValidate onSubmit={submit}>
        <UnsavedChangesGuard when={form.isDirty && !save.isPending} />
        <FormError>{formError}</FormError>
        <FormField
          label={t('dueAlerts.daysBefore')}
          hint={t('dueAlerts.daysBeforeHint')}
          error={form.errors.daysBefore}
        >
          {(p) => (
            <input
              {...p}
              className="input due-alerts__days"
              type="number"
              inputMode="numeric"
              min={MIN_DAYS}
              max={MAX_DAYS}
              step={1}
              {...form.register('daysBefore')}
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
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!form.isDirty}>
            {t('dueAlerts.save')}
          </Button>
        </div>
      </form>
    </section>
  )
}
