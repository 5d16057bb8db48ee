import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TAnnexImportStatus, TAnnexImportSummary, TWorkOrderConcept } from '@faena/contracts'
import { downloadFile } from '../../platform/api'
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  SearchInput,
  StatusBadge,
  useToast,
  type Column,
  type StatusTone,
} from '../../platform/components'
import { useCan, useFormat } from '../../platform/session'
import { conceptsQuery, historyQuery } from './api'
import { AnnexUploadDialog } from './annex-upload-dialog'
import { PendingVersionDialog } from './pending-version-dialog'
import './work-order-concepts.css'

const STATUS_TONE: Record<TAnnexImportStatus, StatusTone> = {
  pending_confirmation: 'warning',
  active: 'success',
  superseded: 'neutral',
  discarded: 'danger',
}

const Planned = ({ concept }: { concept: TWorkOrderConcept }) => {
  const { t } = useTranslation('work-order-concepts')
  const fmt = useFormat()
  const days = Object.entries(concept.plannedByDay)
  if (days.length === 0) return <p className="muted">{t('table.noPlan')}</p>
  return (
    <div className="annex-plan">
      <p className="annex-plan__title">{t('table.plannedTitle')}</p>
      <ul className="annex-plan__days">
        {days.map(([day, volume]) => (
          <li key={day} className="annex-plan__day">
            <span className="annex-plan__date">{fmt.date(day)}</span>
            <span className="annex-plan__volume">
              {fmt.quantity(volume, { maxFractionDigits: 6 })} {concept.unitKey}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}

const History = ({ workOrderId, onReview }: { workOrderId: string; onReview: (id: string) => void }) => {
  const { t } = useTranslation('work-order-concepts')
  const fmt = useFormat()
  const toast = useToast()
  const q = useQuery(historyQuery(workOrderId))
  const columns: Column<TAnnexImportSummary>[] = [
    {
      key: 'version',
      header: t('history.version'),
      cell: (v) => <span className="cell-strong">v{v.version}</span>,
      width: '5rem',
    },
    {
      key: 'status',
      header: t('history.status'),
      cell: (v) => <StatusBadge tone={STATUS_TONE[v.status]}>{t(`status.${v.status}`)}</StatusBadge>,
    },
    {
      key: 'file',
      header: t('history.file'),
      cell: (v) => (
        <>
          <button
            type="button"
            className="annex-link"
            onClick={() =>
              void downloadFile(`/api/v1/files/${v.fileId}`).catch((e: unknown) => toast.failure(e))
            }
          >
            {v.fileName}
          </button>
          {/* a version made in the app (a concept added from the catalog) says why */}
          {v.reason ? <div className="muted">{v.reason}</div> : null}
        </>
      ),
    },
    {
      key: 'concepts',
      header: t('history.concepts'),
      align: 'end',
      cell: (v) => fmt.integer(v.conceptCount),
    },
    {
      key: 'mxn',
      header: t('totals.mxn'),
      align: 'end',
      cell: (v) => <span className="nowrap">{fmt.money(v.totals.mxn, 'MXN')}</span>,
    },
    {
      key: 'usd',
      header: t('totals.usd'),
      align: 'end',
      cell: (v) => <span className="nowrap">{fmt.money(v.totals.usd, 'USD')}</span>,
    },
    {
      key: 'changes',
      header: t('history.changes'),
      cell: (v) => (
        <span
          className="annex-counts nowrap"
          title={`${t('diff.added', { count: v.changes.added })}, ${t('diff.removed', { count: v.changes.removed })}, ${t('diff.changed', { count: v.changes.changed })}`}
        >
          <span className="annex-counts__added">+{v.changes.added}</span>{' '}
          <span className="annex-counts__removed">−{v.changes.removed}</span>{' '}
          <span className="annex-counts__changed">~{v.changes.changed}</span>
        </span>
      ),
    },
    {
      key: 'imported',
      header: t('history.imported'),
      cell: (v) => (
        <span>
          {fmt.dateTime(v.createdAt)}
          {v.createdBy ? <span className="muted"> {t('history.by', { name: v.createdBy.name })}</span> : null}
        </span>
      ),
    },
    {
      key: 'confirmed',
      header: t('history.confirmed'),
      cell: (v) =>
        v.status === 'pending_confirmation' ? (
          <Button size="sm" onClick={() => onReview(v.id)}>
            {t('history.review')}
          </Button>
        ) : v.confirmedAt ? (
          <span>
            {fmt.dateTime(v.confirmedAt)}
            {v.confirmedBy ? (
              <span className="muted"> {t('history.by', { name: v.confirmedBy.name })}</span>
            ) : null}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ]
  return (
    <section className="annex-history" aria-label={t('history.title')}>
      <h3 className="section-title">{t('history.title')}</h3>
      <DataTable
        caption={t('history.caption')}
        columns={columns}
        rows={q.data?.items}
        rowKey={(v) => v.id}
        loading={q.isPending}
        error={q.error}
        onRetry={() => void q.refetch()}
        dense
      />
    </section>
  )
}

/** The "Conceptos" tab of a work order: its Anexo C in force, the import with diff and confirmation, the versions. */
export const WorkOrderConceptsTab = ({ workOrderId }: { workOrderId: string }) => {
  const { t } = useTranslation('work-order-concepts')
  const fmt = useFormat()
  const can = useCan()
  const [search, setSearch] = useState('')
  const [uploading, setUploading] = useState(false)
  const [reviewing, setReviewing] = useState<string | null>(null)
  const q = useQuery(conceptsQuery(workOrderId, search))
  const data = q.data
  const active = data?.activeImport ?? null
  const pending = data?.pendingImport ?? null
  const canImport = can('concept.import')
  const plannedDays = useMemo(
    () => (data ? data.items.reduce((n, c) => n + Object.keys(c.plannedByDay).length, 0) : 0),
    [data],
  )

  const money = (v: string, currency: 'MXN' | 'USD') => (
    <span className="nowrap">{fmt.money(v, currency)}</span>
  )
  const columns: Column<TWorkOrderConcept>[] = [
    {
      key: 'annex',
      header: t('table.annex'),
      cell: (c) => <span className="nowrap">{c.annex}</span>,
      width: '5.5rem',
    },
    {
      key: 'code',
      header: t('table.code'),
      cell: (c) => <span className="nowrap mono">{c.code}</span>,
      width: '7rem',
    },
    {
      key: 'description',
      header: t('table.description'),
      cell: (c) => <span className="annex-desc">{c.description}</span>,
    },
    {
      key: 'unit',
      header: t('table.unit'),
      cell: (c) => <span className="nowrap">{c.unitKey}</span>,
      width: '6rem',
    },
    {
      key: 'volume',
      header: t('table.volume'),
      align: 'end',
      cell: (c) => (
        <span className="nowrap">{fmt.quantity(c.authorizedVolume, { maxFractionDigits: 6 })}</span>
      ),
    },
    { key: 'priceMxn', header: t('table.priceMxn'), align: 'end', cell: (c) => money(c.unitPriceMxn, 'MXN') },
    { key: 'priceUsd', header: t('table.priceUsd'), align: 'end', cell: (c) => money(c.unitPriceUsd, 'USD') },
    { key: 'amountMxn', header: t('table.amountMxn'), align: 'end', cell: (c) => money(c.amountMxn, 'MXN') },
    { key: 'amountUsd', header: t('table.amountUsd'), align: 'end', cell: (c) => money(c.amountUsd, 'USD') },
    {
      key: 'planned',
      header: t('table.planned'),
      cell: (c) => {
        const n = Object.keys(c.plannedByDay).length
        return n ? (
          <span className="nowrap">{t('table.plannedDays', { count: n })}</span>
        ) : (
          <span className="muted">—</span>
        )
      },
    },
  ]

  const importButton = canImport ? (
    <Button
      variant={active ? 'secondary' : 'primary'}
      onClick={() => setUploading(true)}
      data-testid="annex-import"
    >
      {t('importButton')}
    </Button>
  ) : null

  return (
    <div className="annex-tab" data-testid="work-order-concepts">
      <div className="annex-tab__head">
        <div>
          <h2 className="annex-tab__title">{t('title')}</h2>
          {active ? (
            <p className="muted annex-tab__version">
              {t('activeVersion', { version: active.version })}
              {active.confirmedAt
                ? ` · ${
                    active.confirmedBy
                      ? t('activeSince', {
                          date: fmt.dateTime(active.confirmedAt),
                          name: active.confirmedBy.name,
                        })
                      : t('activeSinceSystem', { date: fmt.dateTime(active.confirmedAt) })
                  }`
                : null}
            </p>
          ) : null}
        </div>
        <div className="annex-tab__actions">{importButton}</div>
      </div>

      {pending ? (
        <div className="annex-pending" role="status" data-testid="annex-pending">
          <div>
            <p className="annex-pending__title">{t('pending.title', { version: pending.version })}</p>
            <p className="annex-pending__body">
              {t('pending.body', {
                date: fmt.dateTime(pending.createdAt),
                added: pending.changes.added,
                removed: pending.changes.removed,
                changed: pending.changes.changed,
              })}
            </p>
          </div>
          {canImport ? (
            <Button variant="primary" onClick={() => setReviewing(pending.id)}>
              {t('pending.review')}
            </Button>
          ) : null}
        </div>
      ) : null}

      {q.isError && !data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : data && !active ? (
        <EmptyState title={t('noActive')} action={importButton}>
          {t('noActiveHint')}
        </EmptyState>
      ) : (
        <>
          {active ? (
            <dl className="annex-totals" data-testid="annex-totals">
              <div className="annex-totals__item">
                <dt>{t('totals.concepts')}</dt>
                <dd>{fmt.integer(active.conceptCount)}</dd>
              </div>
              <div className="annex-totals__item">
                <dt>{t('totals.mxn')}</dt>
                <dd>{fmt.money(data?.totals.mxn ?? '0', 'MXN')}</dd>
              </div>
              <div className="annex-totals__item">
                <dt>{t('totals.usd')}</dt>
                <dd>{fmt.money(data?.totals.usd ?? '0', 'USD')}</dd>
              </div>
              <div className="annex-totals__item">
                <dt>{t('totals.plannedDays')}</dt>
                <dd>{search ? '—' : fmt.integer(plannedDays)}</dd>
              </div>
            </dl>
          ) : null}
          <div className="annex-tab__search">
            <SearchInput
              value={search}
              onChange={setSearch}
              label={t('table.search')}
              placeholder={t('table.search')}
            />
          </div>
          <DataTable
            caption={t('table.caption')}
            columns={columns}
            rows={data?.items}
            rowKey={(c) => c.id}
            loading={q.isPending}
            fetching={q.isFetching}
            error={q.error}
            onRetry={() => void q.refetch()}
            renderExpanded={(c) => <Planned concept={c} />}
            empty={t('table.empty')}
            emptyFiltered={Boolean(search)}
            dense
          />
        </>
      )}

      <History workOrderId={workOrderId} onReview={setReviewing} />

      <AnnexUploadDialog workOrderId={workOrderId} open={uploading} onClose={() => setUploading(false)} />
      {reviewing ? (
        <PendingVersionDialog
          workOrderId={workOrderId}
          importId={reviewing}
          onClose={() => setReviewing(null)}
        />
      ) : null}
    </div>
  )
}
