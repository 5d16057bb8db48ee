import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TApiToken, TApiTokenCreated } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  DataTable,
  Dialog,
  FormError,
  FormField,
  Icon,
  PageHeader,
  StatusBadge,
  useToast,
  type Column,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { apiTokensQuery, feedDatasetsQuery, useCreateApiToken, useRevokeApiToken } from './feeds-api'
import './feeds.css'

type DatasetName = 'proposals' | 'work-orders' | 'billing-sheets'

/** Administración → Conexiones BI (docs/feeds.md): read-only tokens for BI tools, created and revoked here. */
export const FeedsPage = () => {
  const { t } = useTranslation(['admin', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const tokens = useQuery(apiTokensQuery())
  const revoke = useRevokeApiToken()
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<TApiTokenCreated | null>(null)
  const [revoking, setRevoking] = useState<TApiToken | null>(null)
  const datasetName = (d: string) =>
    d in { proposals: 1, 'work-orders': 1, 'billing-sheets': 1 } ? t(`feeds.names.${d as DatasetName}`) : d

  const columns: Column<TApiToken>[] = [
    { key: 'name', header: t('feeds.name'), cell: (x) => <span className="cell-strong">{x.name}</span> },
    { key: 'prefix', header: t('feeds.token'), width: '9rem', cell: (x) => <code>{x.prefix}…</code> },
    { key: 'datasets', header: t('feeds.datasets'), cell: (x) => x.datasets.map(datasetName).join(', ') },
    {
      key: 'createdAt',
      header: t('feeds.createdAt'),
      width: '11rem',
      cell: (x) => (
        <>
          {fmt.dateTime(x.createdAt)}
          {x.createdBy ? <span className="feeds__by">{x.createdBy}</span> : null}
        </>
      ),
    },
    {
      key: 'lastUsedAt',
      header: t('feeds.lastUsed'),
      width: '11rem',
      cell: (x) =>
        x.lastUsedAt ? fmt.dateTime(x.lastUsedAt) : <span className="muted">{t('feeds.never')}</span>,
    },
    {
      key: 'status',
      header: t('feeds.status'),
      width: '7rem',
      cell: (x) =>
        x.revokedAt ? (
          <StatusBadge tone="neutral">{t('feeds.revoked')}</StatusBadge>
        ) : (
          <StatusBadge tone="success">{t('feeds.active')}</StatusBadge>
        ),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('feeds.revoke')}</span>,
      width: '7rem',
      cell: (x) =>
        x.revokedAt ? null : (
          <Button size="sm" variant="danger" onClick={() => setRevoking(x)}>
            {t('feeds.revoke')}
          </Button>
        ),
    },
  ]

  return (
    <div className="page">
      <PageHeader
        title={t('feeds.title')}
        subtitle={t('feeds.subtitle')}
        actions={
          <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setCreating(true)}>
            {t('feeds.newToken')}
          </Button>
        }
      />
      <section className="card card--flush">
        <DataTable
          caption={t('feeds.caption')}
          columns={columns}
          rows={tokens.data?.items}
          rowKey={(x) => x.id}
          loading={tokens.isPending}
          fetching={tokens.isFetching && !tokens.isPending}
          error={tokens.error}
          onRetry={() => void tokens.refetch()}
          empty={t('feeds.empty')}
        />
      </section>
      {creating ? (
        <CreateTokenDialog
          datasetName={datasetName}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false)
            setCreated(c)
          }}
        />
      ) : null}
      {created ? <CreatedTokenDialog created={created} onClose={() => setCreated(null)} /> : null}
      <ConfirmDialog
        open={revoking !== null}
        title={t('feeds.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('feeds.revoke')}
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              setRevoking(null)
              toast.success(t('feeds.revokedDone'))
            },
            onError: (e) => toast.error(errorMessage(e)),
          })
        }
      >
        {t('feeds.revokeBody')}
      </ConfirmDialog>
    </div>
  )
}

const CreateTokenDialog = ({
  datasetName,
  onClose,
  onCreated,
}: {
  datasetName: (d: string) => string
  onClose: () => void
  onCreated: (c: TApiTokenCreated) => void
}) => {
  const { t } = useTranslation(['admin', 'platform'])
  const datasets = useQuery(feedDatasetsQuery())
  const create = useCreateApiToken()
  const [name, setName] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const [errors, setErrors] = useState<{ name?: string; datasets?: string; form?: string }>({})

  const submit = () => {
    const next = {
      ...(name.trim() ? {} : { name: t('feeds.nameRequired') }),
      ...(picked.length ? {} : { datasets: t('feeds.pickDatasets') }),
    }
    setErrors(next)
    if (Object.keys(next).length) return
    create.mutate(
      { name: name.trim(), datasets: picked },
      { onSuccess: onCreated, onError: (e) => setErrors({ form: errorMessage(e) }) },
    )
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('feeds.newToken')}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={create.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            {t('feeds.create')}
          </Button>
        </>
      }
    >
      <FormError>{errors.form ?? null}</FormError>
      <FormField label={t('feeds.name')} hint={t('feeds.nameHint')} error={errors.name} required>
        {(p) => (
          <input
            {...p}
            className="input"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </FormField>
      <fieldset className="feeds__datasets" aria-invalid={errors.datasets ? true : undefined}>
        <legend className="field__label">{t('feeds.datasets')}</legend>
        {(datasets.data?.items ?? []).map((d) => (
          <label key={d.name} className="feeds__dataset">
            <input
              type="checkbox"
              checked={picked.includes(d.name)}
              onChange={(e) =>
                setPicked((xs) => (e.target.checked ? [...xs, d.name] : xs.filter((x) => x !== d.name)))
              }
            />{' '}
            {datasetName(d.name)}
          </label>
        ))}
        {errors.datasets ? <p className="field__error">{errors.datasets}</p> : null}
      </fieldset>
    </Dialog>
  )
}

const CreatedTokenDialog = ({ created, onClose }: { created: TApiTokenCreated; onClose: () => void }) => {
  const { t } = useTranslation(['admin', 'platform'])
  const toast = useToast()
  const origin = window.location.origin
  const copy = (text: string) =>
    void navigator.clipboard?.writeText(text).then(
      () => toast.success(t('feeds.copied')),
      () => undefined,
    )
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('feeds.createdTitle')}
      footer={
        <Button variant="primary" onClick={onClose}>
          {t('feeds.done')}
        </Button>
      }
    >
      <p>{t('feeds.createdHint')}</p>
      <div className="feeds__secret">
        <code data-testid="new-token">{created.token}</code>
        <Button size="sm" onClick={() => copy(created.token)}>
          {t('feeds.copy')}
        </Button>
      </div>
      <p className="field__label">{t('feeds.examples')}</p>
      <ul className="feeds__urls">
        {created.apiToken.datasets.map((d) => (
          <li key={d}>
            <code>{`${origin}/api/v1/feeds/${d}?format=csv`}</code>
          </li>
        ))}
      </ul>
    </Dialog>
  )
}
