/**
 * The family of a work order side by side: one column per version (initial, reprogramming 1..n), one row per
 * field; a cell that changed from the previous version is highlighted. Authorized volumes come from the
 * work-order concepts module once it is wired in (until then the row says so).
 */
import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TFamilyVersion } from '@faena/contracts'
import { ErrorState } from '../../platform/components'
import { useFormat } from '../../platform/session'
import { workOrderFamilyQuery } from './api'
import { OtProgress, StatusPill } from './ui'

type RowKey =
  | 'status'
  | 'officialDocument'
  | 'plannedStart'
  | 'plannedEnd'
  | 'durationDays'
  | 'actualStart'
  | 'actualEnd'
  | 'amountMxn'
  | 'amountUsd'
const ROWS: RowKey[] = [
  'status',
  'officialDocument',
  'plannedStart',
  'plannedEnd',
  'durationDays',
  'actualStart',
  'actualEnd',
  'amountMxn',
  'amountUsd',
]

export const FamilyTab = ({ workOrderId, action }: { workOrderId: string; action?: ReactNode }) => {
  const { t } = useTranslation('work-orders')
  const fmt = useFormat()
  const q = useQuery(workOrderFamilyQuery(workOrderId))
  if (q.isPending) return <p className="muted">…</p>
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />
  const { versions, number } = q.data

  const cell = (v: TFamilyVersion, key: RowKey): ReactNode => {
    switch (key) {
      case 'status':
        return <StatusPill status={v.status} />
      case 'plannedStart':
      case 'plannedEnd':
      case 'actualStart':
      case 'actualEnd':
        return fmt.date(v[key]) || '—'
      case 'durationDays':
        return v.durationDays === null ? '—' : fmt.integer(v.durationDays)
      case 'amountMxn':
        return fmt.money(v.amountMxn, 'MXN')
      case 'amountUsd':
        return fmt.money(v.amountUsd, 'USD')
      case 'officialDocument':
        return v.officialDocument ?? '—'
    }
  }
  const label = (v: TFamilyVersion) =>
    v.type === 'initial' ? t('type.initial') : t('list.reprogrammingN', { n: v.reprogrammingNumber })

  return (
    <section aria-labelledby="ot-family-title">
      <div className="ot-from-proposal">
        <h2 id="ot-family-title" className="section-title">
          {t('family.title', { number })}
        </h2>
        {action}
      </div>
      <div className="ot-family" data-testid="ot-family">
        <table>
          <caption className="visually-hidden">{t('family.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('family.version')}</th>
              {versions.map((v) => (
                <th key={v.id} scope="col" className={v.id === workOrderId ? 'ot-current' : undefined}>
                  {v.id === workOrderId ? (
                    <span>
                      {label(v)} <span className="muted">({t('family.current')})</span>
                    </span>
                  ) : (
                    <Link to="/work-orders/$id" params={{ id: v.id }} search={{ tab: 'reprogrammings' }}>
                      {label(v)}
                    </Link>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((key) => (
              <tr key={key}>
                <th scope="row">{t(`fields.${key}`)}</th>
                {versions.map((v) => {
                  const changed = v.changes.some((c) => c.field === key)
                  return (
                    <td
                      key={v.id}
                      className={
                        [changed ? 'ot-changed' : '', key.startsWith('amount') ? 'nowrap' : '']
                          .filter(Boolean)
                          .join(' ') || undefined
                      }
                      data-changed={changed || undefined}
                    >
                      {cell(v, key)}
                    </td>
                  )
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('fields.progress')}</th>
              {versions.map((v) => (
                <td key={v.id}>
                  <OtProgress value={v.progress} size="sm" label={`${t('fields.progress')} ${label(v)}`} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('family.authorizedVolumes')}</th>
              {versions.every((v) => !v.authorizedVolumes) ? (
                <td colSpan={versions.length} className="muted">
                  {t('family.volumesPending')}
                </td>
              ) : null}
              {versions.some((v) => v.authorizedVolumes) &&
                versions.map((v) => (
                  <td key={v.id}>
                    {v.authorizedVolumes ? (
                      <span>
                        {t('family.concepts', { count: v.authorizedVolumes.concepts })}
                        <span className="muted ot-sub">{t('family.volumeChanges', v.authorizedVolumes)}</span>
                      </span>
                    ) : (
                      <span className="muted">{t('family.volumesPending')}</span>
                    )}
                  </td>
                ))}
            </tr>
            <tr>
              <th scope="row">{t('family.changesShort')}</th>
              {versions.map((v, i) => (
                <td
                  key={v.id}
                  className="ot-family__changes"
                  title={v.changes.map((c) => t(`fields.${c.field as RowKey}`)).join(', ')}
                >
                  {i === 0
                    ? t('family.first')
                    : v.changes.length === 0
                      ? t('family.noChanges')
                      : t('family.changeCount', { count: v.changes.length })}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="ot-family__legend">
        <span>
          <span className="ot-swatch" aria-hidden="true" />
          {t('family.changes')}
        </span>
      </p>
    </section>
  )
}
