/**
 * Cierre mensual (docs/production.md#monthly-report-and-close): the work orders of the site and month with their
 * monthly report — evidence (files or links), status open → in review → closed. Closing asks for confirmation
 * and locks the month's production and daily report at every site of the work order; reopening (managers)
 * asks for a reason.
 */
import { useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TMonthlyReport, TMonthlyReportFile, TMonthlyReportStatus } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  Icon,
  StatusBadge,
  useToast,
  type StatusTone,
} from '../../platform/components'
import { downloadFile } from '../../platform/api'
import { useCan, useFormat } from '../../platform/session'
import {
  monthlyReportsQuery,
  useAddReportFile,
  useRemoveReportFile,
  useReopenMonth,
  useSetReportStatus,
} from './monthly-api'
import { LinkDialog } from './monthly-link-dialog'

const TONE: Record<TMonthlyReportStatus, StatusTone> = {
  open: 'neutral',
  in_review: 'info',
  closed: 'success',
}

type Confirm =
  | { kind: 'close' | 'reopen'; report: TMonthlyReport }
  | { kind: 'remove'; report: TMonthlyReport; file: TMonthlyReportFile }

export function MonthlyTab({ siteId, siteName, month }: { siteId: string; siteName: string; month: string }) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const toast = useToast()
  const q = useQuery(monthlyReportsQuery(siteId, month))
  const setStatus = useSetReportStatus()
  const reopen = useReopenMonth()
  const upload = useAddReportFile()
  const remove = useRemoveReportFile()
  const [confirm, setConfirm] = useState<Confirm | null>(null)
  const [linkFor, setLinkFor] = useState<TMonthlyReport | null>(null)
  const fileFor = useRef<TMonthlyReport | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const capture = can('production.capture')
  const monthLabel = fmt.month(month)

  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />
  if (!q.data) return <p className="production__loading">…</p>
  const items = q.data.items

  const changeStatus = (r: TMonthlyReport, status: TMonthlyReportStatus, after?: () => void) =>
    setStatus.mutate(
      { workOrderId: r.workOrderId, month, status },
      {
        onSuccess: () => {
          toast.success(t('monthly.saved', { number: r.number, status: t(`monthly.statuses.${status}`) }))
          after?.()
        },
        onError: (e) => {
          after?.()
          toast.failure(e)
        },
      },
    )

  const pickFile = (r: TMonthlyReport) => {
    fileFor.current = r
    fileInput.current?.click()
  }
  const onFile = (file: File | undefined) => {
    const r = fileFor.current
    if (!file || !r) return
    upload.mutate(
      { workOrderId: r.workOrderId, month, file },
      {
        onSuccess: () => toast.success(t('monthly.uploaded', { name: file.name })),
        onError: (e) => toast.failure(e),
      },
    )
    if (fileInput.current) fileInput.current.value = ''
  }

  const who = (x: { name: string } | null) => x?.name || '—'

  return (
    <section className="monthly" aria-labelledby="monthly-title">
      <header className="monthly__head">
        <h2 id="monthly-title">{t('monthly.caption', { site: siteName, month: monthLabel })}</h2>
        <p className="muted">{t('monthly.intro')}</p>
      </header>
      <input
        ref={fileInput}
        type="file"
        hidden
        accept="application/pdf,image/png,image/jpeg"
        data-testid="monthly-file-input"
        onChange={(e) => onFile(e.target.files?.[0])}
      />
      {items.length === 0 ? (
        <EmptyState title={t('monthly.empty')} />
      ) : (
        <table className="monthly__table">
          <caption className="visually-hidden">
            {t('monthly.caption', { site: siteName, month: monthLabel })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('monthly.workOrder')}</th>
              <th scope="col">{t('monthly.status')}</th>
              <th scope="col">{t('monthly.evidence')}</th>
              <th scope="col">{t('monthly.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => {
              const closed = r.status === 'closed'
              return (
                <tr key={r.workOrderId} data-testid={`monthly-row-${r.number}`}>
                  <th scope="row">
                    <span className="cell-strong">{r.number}</span>
                    <span className="monthly__desc muted">{r.description}</span>
                  </th>
                  <td>
                    <StatusBadge tone={TONE[r.status]}>{t(`monthly.statuses.${r.status}`)}</StatusBadge>
                    {r.closedAt ? (
                      <p className="monthly__note">
                        {t('monthly.closedBy', { name: who(r.closedBy), date: fmt.dateTime(r.closedAt) })}
                      </p>
                    ) : r.submittedAt && r.status === 'in_review' ? (
                      <p className="monthly__note">
                        {t('monthly.submittedBy', {
                          name: who(r.submittedBy),
                          date: fmt.dateTime(r.submittedAt),
                        })}
                      </p>
                    ) : null}
                    {r.reopenedAt && !closed ? (
                      <p className="monthly__note">
                        {t('monthly.reopenedBy', {
                          name: who(r.reopenedBy),
                          date: fmt.dateTime(r.reopenedAt),
                          reason: r.reopenReason ?? '',
                        })}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    {r.files.length === 0 ? (
                      <span className="muted">{t('monthly.noEvidence')}</span>
                    ) : (
                      <ul className="monthly__files">
                        {r.files.map((f) => (
                          <li key={f.id}>
                            {f.kind === 'link' ? (
                              <a href={f.url ?? '#'} target="_blank" rel="noreferrer noopener">
                                <Icon name="globe" /> {f.name}
                              </a>
                            ) : (
                              <button
                                type="button"
                                className="production__link"
                                aria-label={t('monthly.download', { name: f.name })}
                                onClick={() =>
                                  void downloadFile(`/api/v1/files/${f.fileId}`).catch((e: unknown) =>
                                    toast.failure(e),
                                  )
                                }
                              >
                                {f.name}
                              </button>
                            )}
                            {capture && !closed ? (
                              <button
                                type="button"
                                className="monthly__remove"
                                aria-label={t('monthly.remove', { name: f.name })}
                                title={t('monthly.remove', { name: f.name })}
                                onClick={() => setConfirm({ kind: 'remove', report: r, file: f })}
                              >
                                ×
                              </button>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <div className="monthly__actions">
                      {capture && !closed ? (
                        <>
                          <Button
                            size="sm"
                            onClick={() => pickFile(r)}
                            loading={upload.isPending}
                            title={t('monthly.attachHint')}
                          >
                            {t('monthly.attach')}
                          </Button>
                          <Button size="sm" onClick={() => setLinkFor(r)}>
                            {t('monthly.addLink')}
                          </Button>
                        </>
                      ) : null}
                      {capture && r.status === 'open' ? (
                        <Button
                          size="sm"
                          variant="primary"
                          disabled={r.files.length === 0}
                          title={r.files.length === 0 ? t('monthly.needsEvidence') : undefined}
                          onClick={() => changeStatus(r, 'in_review')}
                        >
                          {t('monthly.submit')}
                        </Button>
                      ) : null}
                      {can('production.close') && r.status === 'in_review' ? (
                        <>
                          <Button size="sm" onClick={() => changeStatus(r, 'open')}>
                            {t('monthly.sendBack')}
                          </Button>
                          <Button
                            size="sm"
                            variant="primary"
                            onClick={() => setConfirm({ kind: 'close', report: r })}
                          >
                            {t('monthly.close')}
                          </Button>
                        </>
                      ) : null}
                      {can('production.reopen') && closed ? (
                        <Button size="sm" onClick={() => setConfirm({ kind: 'reopen', report: r })}>
                          {t('monthly.reopen')}
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {linkFor ? <LinkDialog report={linkFor} month={month} onClose={() => setLinkFor(null)} /> : null}
      <ConfirmDialog
        open={confirm?.kind === 'close'}
        tone="primary"
        title={t('monthly.closeTitle', { month: monthLabel, number: confirm?.report.number ?? '' })}
        confirmLabel={t('monthly.close')}
        busy={setStatus.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirm && changeStatus(confirm.report, 'closed', () => setConfirm(null))}
      >
        <p>{t('monthly.closeBody', { month: monthLabel })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm?.kind === 'reopen'}
        tone="primary"
        title={t('monthly.reopenTitle', { month: monthLabel, number: confirm?.report.number ?? '' })}
        confirmLabel={t('monthly.reopen')}
        reason="required"
        reasonLabel={t('monthly.reopenReason')}
        busy={reopen.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={(reason) => {
          if (!confirm) return
          if (reason.length < 5) return toast.failure(new Error(t('monthly.reasonShort')))
          reopen.mutate(
            { workOrderId: confirm.report.workOrderId, month, reason },
            {
              onSuccess: () => {
                toast.success(
                  t('monthly.saved', { number: confirm.report.number, status: t('monthly.statuses.open') }),
                )
                setConfirm(null)
              },
              onError: (e) => toast.failure(e),
            },
          )
        }}
      >
        <p>{t('monthly.reopenBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm?.kind === 'remove'}
        title={t('monthly.removeTitle', { name: confirm?.kind === 'remove' ? confirm.file.name : '' })}
        confirmLabel={t('platform:actions.delete')}
        busy={remove.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          if (confirm?.kind !== 'remove') return
          const name = confirm.file.name
          remove.mutate(
            { workOrderId: confirm.report.workOrderId, month, fileId: confirm.file.id },
            {
              onSuccess: () => {
                toast.success(t('monthly.removed', { name }))
                setConfirm(null)
              },
              onError: (e) => {
                setConfirm(null)
                toast.failure(e)
              },
            },
          )
        }}
      >
        <p>{t('monthly.removeBody')}</p>
      </ConfirmDialog>
    </section>
  )
}
