import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import {
  ZMailSecurity,
  ZMailStatus,
  type TMailMessage,
  type TMailSettings,
  type TMailStatus,
} from '@faena/contracts'
import {
  Button,
  DataTable,
  ErrorState,
  Filter,
  FilterBar,
  FormError,
  FormField,
  Icon,
  PageHeader,
  PagePending,
  StatusBadge,
  UnsavedChangesGuard,
  useToast,
  type Column,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useListRoute } from '../../platform/list-route'
import { useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { mailMessagesQuery, mailSettingsQuery, useSaveMailSettings, useSendTestMail } from './mail-api'
import './mail.css'

const TONE = { queued: 'neutral', sending: 'neutral', sent: 'success', failed: 'danger' } as const

/** The form's values: what the inputs hold (the port as typed, the password empty to keep it). */
const formSchema = (msg: (key: 'host' | 'port' | 'fromAddress') => string) =>
  z.object({
    host: z
      .string()
      .trim()
      .min(1, msg('host'))
      .max(253, msg('host'))
      .regex(/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/, msg('host')),
    port: z
      .string()
      .trim()
      .regex(/^\d{1,5}$/, msg('port'))
      .transform(Number)
      .pipe(z.number().int().min(1, msg('port')).max(65535, msg('port'))),
    security: ZMailSecurity,
    username: z.string().trim().max(254),
    password: z.string().max(500),
    removePassword: z.boolean(),
    fromAddress: z.email(msg('fromAddress')).max(254),
    fromName: z.string().trim().max(120),
  })

const initialValues = (s: TMailSettings | null) => ({
  host: s?.host ?? '',
  port: String(s?.port ?? 587),
  security: s?.security ?? ('starttls' as const),
  username: s?.username ?? '',
  password: '',
  removePassword: false,
  fromAddress: s?.fromAddress ?? '',
  fromName: s?.fromName ?? '',
})

/** Administración → Correo saliente (docs/mail.md): the SMTP settings, a test e-mail and the sending log. */
export const MailPage = () => {
  const { t } = useTranslation(['admin', 'platform'])
  const settings = useQuery(mailSettingsQuery())
  return (
    <div className="page">
      <PageHeader title={t('mail.title')} subtitle={t('mail.subtitle')} />
      {settings.data ? (
        <div className="mail__top">
          <SettingsCard key={settings.data.settings?.updatedAt ?? 'none'} saved={settings.data.settings} />
          <TestCard configured={settings.data.settings !== null} />
        </div>
      ) : settings.error ? (
        <section className="card">
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        </section>
      ) : (
        <PagePending />
      )}
      <MailLog />
    </div>
  )
}

const SettingsCard = ({ saved }: { saved: TMailSettings | null }) => {
  const { t } = useTranslation(['admin', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const save = useSaveMailSettings()
  const [formError, setFormError] = useState<string | null>(null)
  const schema = formSchema((key) => t(`mail.errors.${key}`))
  const form = useZodForm(schema, initialValues(saved))
  const v = form.values

  const submit = form.submit((data) => {
    setFormError(null)
    save.mutate(
      {
        host: data.host,
        port: data.port,
        security: data.security,
        username: data.username || null,
        // empty keeps the stored password; the box removes it
        ...(data.removePassword ? { password: null } : data.password ? { password: data.password } : {}),
        fromAddress: data.fromAddress,
        fromName: data.fromName || null,
      },
      {
        onSuccess: () => toast.success(t('mail.saved')),
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorMessage(e))
        },
      },
    )
  })

  return (
    <section className="card mail__settings" aria-labelledby="mail-server">
      <h2 id="mail-server" className="section-title">
        {t('mail.server')}
      </h2>
      {saved ? (
        <p className="muted">{t('mail.updatedAt', { at: fmt.dateTime(saved.updatedAt) })}</p>
      ) : (
        <p className="form-error" role="status">
          {t('mail.notConfigured')}
        </p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <UnsavedChangesGuard when={form.isDirty && !save.isPending} />
        <FormError>{formError}</FormError>
        <div className="form-grid">
          <FormField label={t('mail.host')} hint={t('mail.hostHint')} error={form.errors.host} required>
            {(p) => (
              <input
                {...p}
                className="input"
                autoComplete="off"
                spellCheck={false}
                value={v.host}
                onChange={(e) => form.set('host', e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('mail.port')} error={form.errors.port} required>
            {(p) => (
              <input
                {...p}
                className="input mail__port"
                inputMode="numeric"
                value={v.port}
                onChange={(e) => form.set('port', e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('mail.security')} error={form.errors.security} required>
            {(p) => (
              <select
                {...p}
                className="input"
                value={v.security}
                onChange={(e) => form.set('security', e.target.value as typeof v.security)}
              >
                {ZMailSecurity.options.map((s) => (
                  <option key={s} value={s}>
                    {t(`mail.securities.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('mail.username')} error={form.errors.username}>
            {(p) => (
              <input
                {...p}
                className="input"
                autoComplete="off"
                value={v.username}
                onChange={(e) => form.set('username', e.target.value)}
              />
            )}
          </FormField>
          <FormField
            label={t('mail.password')}
            error={form.errors.password}
            hint={saved?.hasPassword ? t('mail.passwordStored') : t('mail.passwordNone')}
          >
            {(p) => (
              <input
                {...p}
                className="input"
                type="password"
                autoComplete="new-password"
                disabled={v.removePassword}
                value={v.password}
                onChange={(e) => form.set('password', e.target.value)}
              />
            )}
          </FormField>
          {saved?.hasPassword ? (
            <label className="mail__remove">
              <input
                type="checkbox"
                checked={v.removePassword}
                onChange={(e) => form.set('removePassword', e.target.checked)}
              />{' '}
              {t('mail.removePassword')}
            </label>
          ) : null}
          <FormField label={t('mail.fromAddress')} error={form.errors.fromAddress} required>
            {(p) => (
              <input
                {...p}
                className="input"
                type="email"
                autoComplete="off"
                value={v.fromAddress}
                onChange={(e) => form.set('fromAddress', e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('mail.fromName')} hint={t('mail.fromNameHint')} error={form.errors.fromName}>
            {(p) => (
              <input
                {...p}
                className="input"
                autoComplete="off"
                value={v.fromName}
                onChange={(e) => form.set('fromName', e.target.value)}
              />
            )}
          </FormField>
        </div>
        <div className="mail__actions">
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!form.isDirty}>
            {t('mail.save')}
          </Button>
        </div>
      </form>
    </section>
  )
}

const TestCard = ({ configured }: { configured: boolean }) => {
  const { t } = useTranslation(['admin', 'platform'])
  const toast = useToast()
  const send = useSendTestMail()
  const [to, setTo] = useState('')
  const [error, setError] = useState<string | undefined>()

  const submit = () => {
    const parsed = z.email().safeParse(to.trim())
    if (!parsed.success) return setError(t('mail.errors.testTo'))
    setError(undefined)
    send.mutate(parsed.data, {
      onSuccess: () => toast.success(t('mail.testQueued', { to: parsed.data })),
      onError: (e) => setError(errorMessage(e)),
    })
  }

  return (
    <section className="card mail__test" aria-labelledby="mail-test">
      <h2 id="mail-test" className="section-title">
        {t('mail.test')}
      </h2>
      <p className="muted">{configured ? t('mail.testHint') : t('mail.testNeedsSettings')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <FormField label={t('mail.testTo')} error={error} required>
          {(p) => (
            <input
              {...p}
              className="input"
              type="email"
              autoComplete="email"
              value={to}
              disabled={!configured}
              onChange={(e) => setTo(e.target.value)}
            />
          )}
        </FormField>
        <div className="mail__actions">
          <Button type="submit" icon={<Icon name="mail" />} loading={send.isPending} disabled={!configured}>
            {t('mail.testSend')}
          </Button>
        </div>
      </form>
    </section>
  )
}

const LOG_FILTER_KEYS = ['status'] as const

const MailLog = () => {
  const { t } = useTranslation(['admin', 'platform'])
  const fmt = useFormat()
  const id = useId()
  const search = useSearch({ from: '/app/admin/mail' })
  const route = useListRoute(search, LOG_FILTER_KEYS)
  const { limit, offset, setSearch, filtered } = route
  const list = useQuery(mailMessagesQuery({ limit, offset, status: search.status }))
  const kindLabel = (kind: string) =>
    kind in { test: 1, report: 1, digest: 1 } ? t(`mail.kinds.${kind as 'test' | 'report' | 'digest'}`) : kind

  const columns: Column<TMailMessage>[] = [
    { key: 'createdAt', header: t('mail.createdAt'), width: '11rem', cell: (m) => fmt.dateTime(m.createdAt) },
    { key: 'kind', header: t('mail.kind'), width: '8rem', cell: (m) => kindLabel(m.kind) },
    { key: 'recipients', header: t('mail.recipients'), cell: (m) => m.recipients.join(', ') },
    {
      key: 'subject',
      header: t('mail.subject'),
      cell: (m) => <span className="mail__subject">{m.subject}</span>,
    },
    {
      key: 'status',
      header: t('mail.status'),
      width: '13rem',
      cell: (m) => (
        <span className="mail__status">
          <StatusBadge tone={TONE[m.status]}>{t(`mail.statuses.${m.status}`)}</StatusBadge>
          {m.lastError ? <span className="mail__error">{m.lastError}</span> : null}
        </span>
      ),
    },
    { key: 'attempts', header: t('mail.attempts'), width: '6rem', align: 'end', cell: (m) => m.attempts },
    {
      key: 'requestedBy',
      header: t('mail.requestedBy'),
      width: '10rem',
      cell: (m) => m.requestedBy ?? <span className="muted">{t('mail.system')}</span>,
    },
  ]

  return (
    <section className="card card--flush" aria-labelledby="mail-log">
      <h2 id="mail-log" className="section-title mail__log-title">
        {t('mail.log')}
      </h2>
      <FilterBar active={filtered} onClear={route.clearFilters}>
        <Filter label={t('mail.status')} htmlFor={`${id}-status`}>
          <select
            id={`${id}-status`}
            className="input"
            value={search.status ?? ''}
            onChange={(e) => setSearch({ status: (e.target.value || undefined) as TMailStatus | undefined })}
          >
            <option value="">{t('mail.allStatuses')}</option>
            {ZMailStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`mail.statuses.${s}`)}
              </option>
            ))}
          </select>
        </Filter>
      </FilterBar>
      <DataTable
        caption={t('mail.logCaption')}
        columns={columns}
        rows={list.data?.items}
        rowKey={(m) => m.id}
        loading={list.isPending}
        fetching={list.isFetching && !list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={filtered ? undefined : t('mail.logEmpty')}
        {...route.tableProps(list.data?.total)}
      />
    </section>
  )
}
