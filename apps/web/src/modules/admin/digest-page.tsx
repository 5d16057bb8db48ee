import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZDigestSettingsInput, type TDigest, type TDigestSettings } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  ErrorState,
  FormError,
  FormField,
  Icon,
  PageHeader,
  PagePending,
  UnsavedChangesGuard,
  useToast,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { digestPreviewQuery, digestSettingsQuery, useSaveDigestSettings, useSendDigest } from './digest-api'
import { mailSettingsQuery } from './mail-api'
import './digest.css'

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const
const HOURS = Array.from({ length: 24 }, (_, h) => h)

/** Addresses typed one per line or separated by commas or semicolons. */
const splitAddresses = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((a) => a.trim())
    .filter(Boolean)

/**
 * The contract's settings with the recipients typed as text: split, each checked as the contract's e-mail,
 * at most the contract's count; the message names the first bad address.
 */
export const digestFormSchema = (messages: { bad: (address: string) => string; tooMany: string }) =>
  ZDigestSettingsInput.extend({
    recipients: z.string().transform((text, ctx) => {
      const list = splitAddresses(text)
      const bad = list.find((a) => !ZDigestSettingsInput.shape.recipients.element.safeParse(a).success)
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: messages.bad(bad) })
      else if (!ZDigestSettingsInput.shape.recipients.safeParse(list).success)
        ctx.addIssue({ code: 'custom', message: messages.tooMany })
      return list
    }),
  })

/** Administración → Resumen semanal (docs/insights.md#weekly-digest): when, to whom, preview, send now. */
export const DigestPage = () => {
  const { t } = useTranslation(['admin', 'platform'])
  const settings = useQuery(digestSettingsQuery())
  return (
    <div className="page">
      <PageHeader title={t('digest.title')} subtitle={t('digest.subtitle')} />
      {settings.data ? (
        <SettingsCard key={settings.data.updatedAt ?? 'none'} saved={settings.data} />
      ) : settings.error ? (
        <section className="card">
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        </section>
      ) : (
        <PagePending />
      )}
      <Preview />
    </div>
  )
}

const SettingsCard = ({ saved }: { saved: TDigestSettings }) => {
  const { t } = useTranslation(['admin', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const save = useSaveDigestSettings()
  const send = useSendDigest()
  const mail = useQuery(mailSettingsQuery())
  const preview = useQuery(digestPreviewQuery())
  const schema = useMemo(
    () =>
      digestFormSchema({
        bad: (bad) => t('digest.errors.recipients', { bad }),
        tooMany: t('digest.errors.tooMany'),
      }),
    [t],
  )
  const form = useZodForm(schema, {
    enabled: saved.enabled,
    weekday: saved.weekday,
    hour: saved.hour,
    recipients: saved.recipients.join('\n'),
  })
  const [formError, setFormError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const dirty = form.isDirty

  const submit = form.submit((data) => {
    setFormError(null)
    save.mutate(data, {
      onSuccess: () => toast.success(t('digest.saved')),
      onError: (e) => {
        if (!form.applyServerError(e)) setFormError(errorMessage(e))
      },
    })
  })

  const noMail = mail.data !== undefined && mail.data.settings === null
  return (
    <section className="card digest__settings" aria-labelledby="digest-settings">
      <h2 id="digest-settings" className="section-title">
        {t('digest.settings')}
      </h2>
      {noMail ? (
        <p className="form-error" role="status">
          {t('digest.noMail')}
        </p>
      ) : null}
      <form noValidate onSubmit={submit}>
        <UnsavedChangesGuard when={dirty && !save.isPending} />
        <FormError>{formError}</FormError>
        <label className="digest__enabled">
          <input type="checkbox" {...form.register('enabled')} /> {t('digest.enabled')}
        </label>
        <div className="digest__when">
          <FormField label={t('digest.weekday')}>
            {(p) => (
              <select
                {...p}
                className="input"
                value={String(form.values.weekday)}
                onChange={(e) => form.set('weekday', Number(e.target.value))}
              >
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {t(`digest.weekdays.${d}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('digest.hour')}>
            {(p) => (
              <select
                {...p}
                className="input"
                value={String(form.values.hour)}
                onChange={(e) => form.set('hour', Number(e.target.value))}
              >
                {HOURS.map((h) => (
                  <option key={h} value={h}>
                    {t('digest.hourValue', { hour: String(h).padStart(2, '0') })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <p className="muted">{t('digest.timeZone', { zone: saved.timeZone })}</p>
        <FormField
          label={t('digest.recipients')}
          hint={t('digest.recipientsHint')}
          error={form.errors.recipients}
        >
          {(p) => (
            <textarea {...p} className="input digest__recipients" rows={4} {...form.register('recipients')} />
          )}
        </FormField>
        <div className="digest__actions">
          <Button
            icon={<Icon name="mail" />}
            disabled={dirty || saved.recipients.length === 0 || noMail || !preview.data}
            onClick={() => setConfirming(true)}
          >
            {t('digest.sendNow')}
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!dirty}>
            {t('digest.save')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        tone="primary"
        title={t('digest.sendTitle')}
        confirmLabel={t('digest.sendNow')}
        busy={send.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          send.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false)
              toast.success(t('digest.sent'))
            },
            onError: (e) => {
              setConfirming(false)
              toast.error(errorMessage(e))
            },
          })
        }
      >
        {preview.data
          ? t('digest.sendBody', {
              start: fmt.date(preview.data.periodStart),
              end: fmt.date(preview.data.periodEnd),
              count: saved.recipients.length,
            })
          : null}
      </ConfirmDialog>
    </section>
  )
}

const Bar = ({ share, className }: { share: number; className?: string }) => (
  <span className={`digest__bar ${className ?? ''}`}>
    <span
      className="digest__bar-fill"
      style={{ width: `${Math.max(0, Math.min(100, share)).toFixed(2)}%` }}
    />
  </span>
)

const ProgressTable = ({ title, rows }: { title: string; rows: TDigest['proposalDocuments'] }) => {
  const { t } = useTranslation(['admin', 'platform'])
  const fmt = useFormat()
  return (
    <>
      <h3 className="digest__heading">{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('digest.none')}</p>
      ) : (
        <table className="table digest__table">
          <thead>
            <tr>
              <th scope="col">{t('digest.projectManager')}</th>
              <th scope="col" aria-hidden="true" />
              <th scope="col" className="cell--end">
                {t('digest.done')}
              </th>
              <th scope="col" className="cell--end">
                {t('digest.pending')}
              </th>
              <th scope="col" className="cell--end">
                {t('digest.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.projectManager}>
                <td>{r.projectManager}</td>
                <td className="digest__bar-cell">
                  <Bar share={r.total ? (r.done / r.total) * 100 : 0} />
                </td>
                <td className="cell--end">{fmt.integer(r.done)}</td>
                <td className="cell--end">{fmt.integer(r.total - r.done)}</td>
                <td className="cell--end">{fmt.integer(r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

const Preview = () => {
  const { t } = useTranslation(['admin', 'platform'])
  const fmt = useFormat()
  const preview = useQuery(digestPreviewQuery())
  const d = preview.data
  if (preview.error)
    return (
      <section className="card">
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      </section>
    )
  if (!d) return null
  const max = Math.max(1, ...d.activity.map((u) => u.total))
  return (
    <section className="card digest__preview" aria-labelledby="digest-preview">
      <h2 id="digest-preview" className="section-title">
        {t('digest.preview', { start: fmt.date(d.periodStart), end: fmt.date(d.periodEnd) })}
      </h2>
      <p className="digest__subject">{d.subject}</p>
      <h3 className="digest__heading">{t('digest.activity')}</h3>
      {d.activity.length === 0 ? (
        <p className="muted">{t('digest.noActivity')}</p>
      ) : (
        <table className="table digest__table">
          <thead>
            <tr>
              <th scope="col">{t('digest.user')}</th>
              <th scope="col" aria-hidden="true" />
              <th scope="col" className="cell--end">
                {t('digest.changes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.activity.map((u) => (
              <tr key={u.user}>
                <td>
                  <span className="cell-strong">{u.user}</span>
                  <span className="digest__modules">
                    {u.modules.map((m) => `${m.label} ${fmt.integer(m.count)}`).join(' · ')}
                  </span>
                </td>
                <td className="digest__bar-cell">
                  <Bar share={(u.total / max) * 100} className="digest__bar--activity" />
                </td>
                <td className="cell--end">{fmt.integer(u.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProgressTable title={t('digest.proposalDocuments')} rows={d.proposalDocuments} />
      <ProgressTable title={t('digest.workOrderSteps')} rows={d.workOrderSteps} />
    </section>
  )
}
