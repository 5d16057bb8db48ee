import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TApiToken, TApiTokenCreated } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  DataTable,
  Icon,
  PageHeader,
  StatusBadge,
  useToast,
  type Column,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { apiTokensQuery, useRevokeApiToken } from './feeds-api'
import { CreateTokenDialog } from './feeds-page-create-dialog'
import { CreatedTokenDialog } from './feeds-page-created-dialog'
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
