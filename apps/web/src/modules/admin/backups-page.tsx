import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TBackupRun } from '@faena/contracts'
import {
  Button,
  DataTable,
  Icon,
  PageHeader,
  StatusBadge,
  useToast,
  type Column,
} from '../../platform/components'
import { useFormat } from '../../platform/session'
import { backupStatusQuery, downloadOrganizationExport, useRunBackup } from './backups-api'
import './backups.css'

const TONE = { running: 'neutral', done: 'success', failed: 'danger' } as const

/** Administración → Respaldos (docs/backups.md): the runs, the alert, "back up now", the organization export. */
export const BackupsPage = () => {
  const { t } = useTranslation(['admin', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const status = useQuery(backupStatusQuery())
  const run = useRunBackup()
  const [downloading, setDownloading] = useState(false)
  const s = status.data

  const columns: Column<TBackupRun>[] = [
    {
      key: 'startedAt',
      header: t('backups.startedAt'),
      width: '12rem',
      cell: (r) => fmt.dateTime(r.startedAt),
    },
    {
      key: 'trigger',
      header: t('backups.trigger'),
      width: '10rem',
      cell: (r) => t(`backups.triggers.${r.trigger}`),
    },
    {
      key: 'status',
      header: t('backups.status'),
      width: '8rem',
      cell: (r) => <StatusBadge tone={TONE[r.status]}>{t(`backups.statuses.${r.status}`)}</StatusBadge>,
    },
    {
      key: 'archive',
      header: t('backups.archive'),
      cell: (r) => r.archive ?? <span className="muted">{r.error ?? '—'}</span>,
    },
    {
      key: 'size',
      header: t('backups.size'),
      width: '7rem',
      cell: (r) => (r.size === null ? '—' : `${fmt.integer(Math.ceil(r.size / 1024))} KiB`),
    },
    {
      key: 'contents',
      header: t('backups.contents'),
      width: '12rem',
      cell: (r) =>
        r.rows === null
          ? '—'
          : t('backups.contentsValue', {
              rows: fmt.integer(r.rows),
              files: fmt.integer(r.files ?? 0),
              count: r.files ?? 0,
            }),
    },
  ]

  const download = async () => {
    setDownloading(true)
    try {
      await downloadOrganizationExport()
      toast.success(t('backups.downloaded'))
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e))
    } finally {
      setDownloading(false)
    }
  }

  return (
    <div className="page">
      <PageHeader
        title={t('backups.title')}
        subtitle={t('backups.subtitle')}
        actions={
          <>
            <Button icon={<Icon name="download" />} onClick={() => void download()} disabled={downloading}>
              {t('backups.download')}
            </Button>
            <Button
              variant="primary"
              disabled={!s?.scheduled || run.isPending || s.runs[0]?.status === 'running'}
              onClick={() =>
                run.mutate(undefined, {
                  onSuccess: () => toast.success(t('backups.started')),
                  onError: (e) => toast.error(e.message),
                })
              }
            >
              {t('backups.runNow')}
            </Button>
          </>
        }
      />
      {s?.alert ? (
        <div className="form-error" role="alert">
          {s.alert.kind === 'failed'
            ? t('backups.alertFailed', { error: s.runs.find((r) => r.status === 'failed')?.error ?? '' })
            : t('backups.alertStale')}
        </div>
      ) : null}
      {s ? (
        <p className="muted backups__schedule">
          {s.scheduled
            ? t('backups.schedule', {
                hour: String(s.hour).padStart(2, '0'),
                zones: s.timeZones.join(', '),
                keep: s.keep,
              })
            : t('backups.notScheduled')}{' '}
          {s.lastSuccessAt
            ? t('backups.lastSuccess', { at: fmt.dateTime(s.lastSuccessAt) })
            : t('backups.never')}
        </p>
      ) : null}
      <section className="card card--flush">
        <DataTable
          caption={t('backups.caption')}
          columns={columns}
          rows={s?.runs}
          rowKey={(r) => r.id}
          loading={status.isPending}
          fetching={status.isFetching && !status.isPending}
          error={status.error}
          onRetry={() => void status.refetch()}
          empty={t('backups.empty')}
        />
      </section>
    </div>
  )
}
