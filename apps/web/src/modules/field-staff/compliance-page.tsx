import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TComplianceReportRow } from '@faena/contracts'
import {
  Button,
  type Column,
  DataTable,
  Dialog,
  Filter,
  FilterBar,
  FormError,
  FormField,
  JobExportButton,
  ListCount,
  PageHeader,
  SearchInput,
  type SortState,
  useToast,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { cleanSearch, pageOf } from '../../platform/list-search'
import { useCan, useFormat } from '../../platform/session'
import {
  alertsQuery,
  exportUrls,
  fetchAlertPreview,
  kindsQuery,
  reportQuery,
  useSaveAlerts,
  useSendAlertNow,
} from './api'
import type { ReportSearch } from './routes'
import { StatusFilter } from './owner-pages'
import { ComplianceBadge, useWhen } from './ui'

/** The daily e-mail's settings: on/off, hour of the organization's day, recipients; preview and send now. */
const AlertsDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const toast = useToast()
  const settings = useQuery(alertsQuery())
  const save = useSaveAlerts()
  const send = useSendAlertNow()
  const [v, setV] = useState<{ enabled: boolean; hour: string; recipients: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const values =
    v ??
    (settings.data
      ? {
          enabled: settings.data.enabled,
          hour: String(settings.data.hour),
          recipients: settings.data.recipients.join('\n'),
        }
      : null)
  const submit = () => {
    if (!values) return
    setError(null)
    save.mutate(
      {
        enabled: values.enabled,
        hour: Number(values.hour),
        recipients: values.recipients
          .split(/[\s,;]+/)
          .map((x) => x.trim())
          .filter(Boolean),
      },
      { onSuccess: () => toast.success(t('alerts.saved')), onError: (e) => setError(errorMessage(e)) },
    )
  }
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={t('alerts.title')}
      onSubmit={submit}
      footer={
        <>
          <Button
            className="dialog__footer-start"
            onClick={() =>
              void fetchAlertPreview()
                .then((p) => setPreview(p.html))
                .catch((e: unknown) => setError(errorMessage(e)))
            }
          >
            {t('alerts.preview')}
          </Button>
          <Button
            loading={send.isPending}
            onClick={() =>
              send.mutate(undefined, {
                onSuccess: (r) => toast.success(t('alerts.sent', { count: r.recipients.length })),
                onError: (e) => setError(errorMessage(e)),
              })
            }
          >
            {t('alerts.sendNow')}
          </Button>
          <Button onClick={onClose}>{t('platform:actions.close')}</Button>
          <Button type="submit" variant="primary" loading={save.isPending} disabled={!values}>
            {t('platform:actions.save')}
          </Button>
        </>
      }
    >
      <FormError>{error}</FormError>
      {values && settings.data ? (
        <>
          <p className="muted">{t('alerts.intro', { tz: settings.data.timeZone })}</p>
          <div className="form-grid">
            <FormField label={t('alerts.enabled')}>
              {(p) => (
                <label className="checkbox">
                  <input
                    {...p}
                    type="checkbox"
                    checked={values.enabled}
                    onChange={(e) => setV({ ...values, enabled: e.target.checked })}
                  />{' '}
                  {t('alerts.enabled')}
                </label>
              )}
            </FormField>
            <FormField label={t('alerts.hour')}>
              {(p) => (
                <select
                  {...p}
                  className="input"
                  value={values.hour}
                  onChange={(e) => setV({ ...values, hour: e.target.value })}
                >
                  {Array.from({ length: 24 }, (_, h) => (
                    <option key={h} value={h}>
                      {String(h).padStart(2, '0')}:00
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('alerts.recipients')} hint={t('alerts.recipientsHint')} className="fs-wide">
              {(p) => (
                <textarea
                  {...p}
                  className="input textarea"
                  rows={4}
                  value={values.recipients}
                  onChange={(e) => setV({ ...values, recipients: e.target.value })}
                />
              )}
            </FormField>
          </div>
          {preview ? (
            <iframe title={t('alerts.previewTitle')} className="fs-preview" sandbox="" srcDoc={preview} />
          ) : null}
        </>
      ) : (
        <p className="muted">{t('platform:common.loading')}</p>
      )}
    </Dialog>
  )
}

export const CompliancePage = () => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const when = useWhen()
  const ownerId = useId()
  const kindId = useId()
  const search = useSearch({ from: '/app/rental/compliance' })
  const navigate = useNavigate({ from: '/rental/compliance' })
  const { limit, offset } = pageOf(search)
  const [alerts, setAlerts] = useState(false)
  const kinds = useQuery(kindsQuery())
  const params = {
    q: search.q,
    status: search.status,
    ownerKind: search.ownerKind,
    kindId: search.kindId,
    sort: search.sort,
    dir: search.dir,
  }
  const list = useQuery(reportQuery({ ...params, limit, offset }))
  const setSearch = (patch: Partial<ReportSearch>, resetPage = true) =>
    void navigate({
      search: (prev) => cleanSearch({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) }),
      replace: true,
    })
  const sort: SortState | undefined = search.sort ? { key: search.sort, dir: search.dir ?? 'asc' } : undefined
  const filtered = Boolean(search.q || search.status || search.ownerKind || search.kindId)
  const columns: Column<TComplianceReportRow>[] = [
    {
      key: 'owner',
      header: t('report.owner'),
      sortable: true,
      cell: (r) => (
        <div>
          {r.ownerKind === 'staff' ? (
            <Link to="/rental/staff/$id" params={{ id: r.ownerId }} className="cell-strong">
              {r.ownerName}
            </Link>
          ) : (
            <Link to="/rental/vehicles/$id" params={{ id: r.ownerId }} className="fs-code">
              {r.ownerName}
            </Link>
          )}
          <span className="fs-sub">{t(`report.ownerKinds.${r.ownerKind}`)}</span>
        </div>
      ),
    },
    {
      key: 'kind',
      header: t('report.kind'),
      sortable: true,
      cell: (r) => (
        <div>
          <span>{r.kindName}</span>
          {r.subject || r.number ? (
            <span className="fs-sub">{[r.subject, r.number].filter(Boolean).join(' · ')}</span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'expiresOn',
      header: t('report.expiresOn'),
      sortable: true,
      width: '10rem',
      cell: (r) => (
        <div>
          <span>{fmt.date(r.expiresOn)}</span>
          <span className="fs-sub">{when(r.daysLeft)}</span>
        </div>
      ),
    },
    {
      key: 'status',
      header: t('documents.fields.status'),
      width: '11rem',
      cell: (r) => <ComplianceBadge status={r.status} />,
    },
  ]
  const kindOptions = (kinds.data ?? []).filter((k) => !search.ownerKind || k.ownerKind === search.ownerKind)
  return (
    <div className="page">
      <PageHeader
        title={t('report.title')}
        subtitle={t('report.subtitle')}
        actions={
          <>
            <Link to="/rental/compliance/kinds" className="btn btn--secondary" data-testid="kinds-link">
              {t('kinds.link')}
            </Link>
            {can('fieldStaff.manage') ? (
              <Button onClick={() => setAlerts(true)} data-testid="alert-settings">
                {t('report.alerts')}
              </Button>
            ) : null}
          </>
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={filtered}
          onClear={() =>
            setSearch({ q: undefined, status: undefined, ownerKind: undefined, kindId: undefined })
          }
          end={
            <>
              <ListCount
                total={list.data?.total}
                label={(count) => t('common.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={exportUrls.report}
                body={params}
                doneMessage={t('common.exportDone')}
                disabled={!list.data || list.data.total === 0}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('report.search')}
            placeholder={t('report.search')}
            onChange={(q) => setSearch({ q: q || undefined })}
          />
          <StatusFilter value={search.status} onChange={(status) => setSearch({ status })} />
          <Filter label={t('report.ownerKind')} htmlFor={ownerId}>
            <select
              id={ownerId}
              className="input"
              value={search.ownerKind ?? ''}
              onChange={(e) =>
                setSearch({
                  ownerKind: (e.target.value || undefined) as ReportSearch['ownerKind'],
                  kindId: undefined,
                })
              }
            >
              <option value="">{t('common.all')}</option>
              <option value="staff">{t('report.ownerKinds.staff')}</option>
              <option value="vehicle">{t('report.ownerKinds.vehicle')}</option>
            </select>
          </Filter>
          <Filter label={t('report.kind')} htmlFor={kindId}>
            <select
              id={kindId}
              className="input"
              value={search.kindId ?? ''}
              onChange={(e) => setSearch({ kindId: e.target.value || undefined })}
            >
              <option value="">{t('common.all')}</option>
              {kindOptions.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          </Filter>
        </FilterBar>
        <DataTable
          caption={t('report.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(r) => r.documentId}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          sort={sort}
          onSortChange={(s) => setSearch({ sort: s.key as ReportSearch['sort'], dir: s.dir })}
          empty={filtered ? t('report.emptyFiltered') : t('report.empty')}
          emptyFiltered={filtered}
          pagination={{
            total: list.data?.total,
            limit,
            offset,
            onPageChange: (o) => setSearch({ offset: o || undefined }, false),
            onLimitChange: (l) => setSearch({ limit: l, offset: undefined }),
          }}
        />
      </section>
      {alerts ? <AlertsDialog onClose={() => setAlerts(false)} /> : null}
    </div>
  )
}
