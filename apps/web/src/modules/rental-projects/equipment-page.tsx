import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { TechnicalStatusLink } from '../equipment-condition'
import {
  RENTAL_AVAILABILITIES,
  RENTAL_CONDITIONS,
  RENTAL_EQUIPMENT_KINDS,
  RENTAL_EQUIPMENT_TYPES,
  type TImportRejection,
  type TRentalCondition,
  type TRentalEquipment,
  type TRentalEquipmentImportResult,
  type TRentalEquipmentImportRow,
  type TRentalEquipmentKind,
  type TRentalEquipmentType,
} from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  DataTable,
  Dialog,
  Filter,
  FilterBar,
  FormError,
  FormField,
  Icon,
  PageHeader,
  SearchInput,
  StatusBadge,
  useToast,
  type Column,
  type SortState,
  JobExportButton,
  ListCount,
} from '../../platform/components'
import { ImportRejectedRows, importRejection } from '../../platform/components/import-rejected'
import { cleanSearch, pageOf } from '../../platform/list-search'
import { useCan, useFormat } from '../../platform/session'
import { fieldErrors, type FieldErrors } from '../../platform/validation'
import {
  equipmentListQuery,
  exportUrls,
  useDeleteEquipment,
  useImportEquipment,
  useSaveEquipment,
} from './api'
import type { EquipmentSearch } from './routes'
import { AvailabilityBadge, ConditionBadge, ReviewBadge, errorLine, orNull } from './ui'

type Values = {
  code: string
  name: string
  kind: TRentalEquipmentKind
  type: TRentalEquipmentType | ''
  brand: string
  model: string
  serialNumber: string
  condition: TRentalCondition
  location: string
  notes: string
  reviewed: boolean
}

const valuesOf = (e: TRentalEquipment | null): Values => ({
  code: e?.code ?? '',
  name: e?.name ?? '',
  kind: e?.kind ?? 'equipment',
  type: e?.type ?? '',
  brand: e?.brand ?? '',
  model: e?.model ?? '',
  serialNumber: e?.serialNumber ?? '',
  condition: e?.condition ?? 'operative',
  location: e?.location ?? '',
  notes: e?.notes ?? '',
  reviewed: false,
})

/** Create or edit a unit or service; clear an import's review flag; delete what was never assigned. */
const EquipmentDialog = ({ unit, onClose }: { unit: TRentalEquipment | null; onClose: () => void }) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const save = useSaveEquipment()
  const remove = useDeleteEquipment()
  const [v, setV] = useState<Values>(valuesOf(unit))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((x) => ({ ...x, [k]: value }))
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => key !== k)))
  }
  const ref = (id: string) => t('platform:errors.reference', { id })
  const isService = v.kind === 'service'

  const submit = () => {
    setFormError(null)
    const errs: FieldErrors = {}
    if (!v.code.trim()) errs.code = t('platform:validation.required')
    if (!v.name.trim()) errs.name = t('platform:validation.required')
    setErrors(errs)
    if (Object.keys(errs).length > 0) return
    const common = {
      code: v.code.trim(),
      name: v.name.trim(),
      type: isService || v.type === '' ? null : v.type,
      brand: orNull(v.brand),
      model: orNull(v.model),
      serialNumber: orNull(v.serialNumber),
      location: orNull(v.location),
      notes: orNull(v.notes),
      ...(isService ? {} : { condition: v.condition }),
    }
    save.mutate(
      unit
        ? { id: unit.id, body: { ...common, ...(v.reviewed ? { reviewed: true as const } : {}) } }
        : { body: { ...common, kind: v.kind } },
      {
        onSuccess: (e) => {
          toast.success(unit ? t('equipment.saved') : t('equipment.created', { code: e.code }))
          onClose()
        },
        onError: (e) => {
          const fe = fieldErrors(e)
          setErrors(fe)
          if (Object.keys(fe).length === 0) setFormError(errorLine(e, ref))
        },
      },
    )
  }

  return (
    <>
      <Dialog
        open={!confirming}
        size="lg"
        title={unit ? t('equipment.editTitle', { code: unit.code }) : t('equipment.newTitle')}
        onClose={onClose}
        onSubmit={submit}
        footer={
          <>
            {unit ? (
              <Button
                variant="danger"
                className="dialog__footer-start"
                onClick={() => setConfirming(true)}
                disabled={save.isPending}
              >
                {t('platform:actions.delete')}
              </Button>
            ) : null}
            <Button onClick={onClose} disabled={save.isPending}>
              {t('platform:actions.cancel')}
            </Button>
            <Button type="submit" variant="primary" loading={save.isPending}>
              {unit ? t('platform:actions.save') : t('platform:actions.create')}
            </Button>
          </>
        }
      >
        <FormError>{formError}</FormError>
        {unit?.reviewNote ? (
          <div className="rp-banner rp-banner--warning" role="note">
            <strong>{t('equipment.reviewNote')}:</strong> {unit.reviewNote}
            <label className="rp-toggle">
              <input
                type="checkbox"
                checked={v.reviewed}
                onChange={(e) => set('reviewed', e.target.checked)}
              />
              {t('equipment.reviewed')}
            </label>
          </div>
        ) : null}
        <div className="form-grid">
          <FormField label={t('equipment.fields.code')} error={errors.code} required>
            {(p) => (
              <input
                {...p}
                className="input mono"
                maxLength={50}
                value={v.code}
                onChange={(e) => set('code', e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('equipment.fields.kind')} error={errors.kind} required>
            {(p) => (
              <select
                {...p}
                className="input"
                value={v.kind}
                disabled={Boolean(unit)}
                onChange={(e) => set('kind', e.target.value as TRentalEquipmentKind)}
              >
                {RENTAL_EQUIPMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('equipment.fields.name')} error={errors.name} required className="rp-wide">
            {(p) => (
              <input
                {...p}
                className="input"
                maxLength={200}
                value={v.name}
                onChange={(e) => set('name', e.target.value)}
              />
            )}
          </FormField>
          {!isService ? (
            <>
              <FormField label={t('equipment.fields.type')} error={errors.type}>
                {(p) => (
                  <select
                    {...p}
                    className="input"
                    value={v.type}
                    onChange={(e) => set('type', e.target.value as TRentalEquipmentType | '')}
                  >
                    <option value="">—</option>
                    {RENTAL_EQUIPMENT_TYPES.map((x) => (
                      <option key={x} value={x}>
                        {t(`type.${x}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t('equipment.fields.condition')} error={errors.condition}>
                {(p) => (
                  <select
                    {...p}
                    className="input"
                    value={v.condition}
                    onChange={(e) => set('condition', e.target.value as TRentalCondition)}
                  >
                    {RENTAL_CONDITIONS.map((x) => (
                      <option key={x} value={x}>
                        {t(`condition.${x}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t('equipment.fields.brand')} error={errors.brand}>
                {(p) => (
                  <input
                    {...p}
                    className="input"
                    value={v.brand}
                    onChange={(e) => set('brand', e.target.value)}
                  />
                )}
              </FormField>
              <FormField label={t('equipment.fields.model')} error={errors.model}>
                {(p) => (
                  <input
                    {...p}
                    className="input"
                    value={v.model}
                    onChange={(e) => set('model', e.target.value)}
                  />
                )}
              </FormField>
              <FormField label={t('equipment.fields.serialNumber')} error={errors.serialNumber}>
                {(p) => (
                  <input
                    {...p}
                    className="input"
                    value={v.serialNumber}
                    onChange={(e) => set('serialNumber', e.target.value)}
                  />
                )}
              </FormField>
              <FormField label={t('equipment.fields.location')} error={errors.location}>
                {(p) => (
                  <input
                    {...p}
                    className="input"
                    value={v.location}
                    onChange={(e) => set('location', e.target.value)}
                  />
                )}
              </FormField>
            </>
          ) : null}
          <FormField label={t('equipment.fields.notes')} error={errors.notes} className="rp-wide">
            {(p) => (
              <textarea
                {...p}
                className="input textarea"
                rows={2}
                value={v.notes}
                onChange={(e) => set('notes', e.target.value)}
              />
            )}
          </FormField>
        </div>
      </Dialog>
      <ConfirmDialog
        open={confirming}
        title={t('equipment.deleteTitle', { code: unit?.code ?? '' })}
        confirmLabel={t('platform:actions.delete')}
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          unit &&
          remove.mutate(unit.id, {
            onSuccess: () => {
              toast.success(t('equipment.deleted', { code: unit.code }))
              onClose()
            },
            onError: (e) => {
              setConfirming(false)
              setFormError(errorLine(e, ref))
            },
          })
        }
      >
        <p>{t('equipment.deleteBody')}</p>
      </ConfirmDialog>
    </>
  )
}

const ACTION_TONE = { create: 'success', update: 'info', unchanged: 'neutral', error: 'danger' } as const

/** The per-row report of an import (a preview, or the import done). */
const ImportReport = ({ rows }: { rows: TRentalEquipmentImportRow[] }) => {
  const { t } = useTranslation('rental-projects')
  const [show, setShow] = useState<'warnings' | 'changes' | 'all'>('warnings')
  const groups = {
    warnings: rows.filter((r) => r.warnings.length + r.errors.length > 0),
    changes: rows.filter((r) => r.changes.length > 0),
    all: rows,
  }
  const label = {
    warnings: t('import.showWarnings'),
    changes: t('import.showChanges'),
    all: t('import.showAll'),
  }
  const shown = groups[show]
  return (
    <>
      <div className="rp-report-summary" role="group" aria-label={t('import.show')}>
        <span className="field__label">{t('import.show')}</span>
        <div className="segmented">
          {(['warnings', 'changes', 'all'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className="segmented__item"
              aria-pressed={show === k}
              onClick={() => setShow(k)}
            >
              {`${label[k]} (${groups[k].length})`}
            </button>
          ))}
        </div>
      </div>
      <div className="rp-report">
        <table className="table table--dense" data-testid="import-report">
          <caption className="visually-hidden">{t('import.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.columns.row')}</th>
              <th scope="col">{t('import.columns.code')}</th>
              <th scope="col">{t('import.columns.action')}</th>
              <th scope="col">{t('import.columns.remarks')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>
                  <span className="rp-code">{r.code ?? '—'}</span>
                  {r.name ? <span className="rp-sub">{r.name}</span> : null}
                </td>
                <td>
                  <StatusBadge
                    tone={r.warnings.length > 0 && r.action !== 'error' ? 'warning' : ACTION_TONE[r.action]}
                  >
                    {t(`import.actions.${r.action}`)}
                  </StatusBadge>
                </td>
                <td>
                  <ul className="rp-remarks">
                    {r.errors.map((m, i) => (
                      <li key={`e${i}`} className="rp-remark--error">
                        {m}
                      </li>
                    ))}
                    {r.warnings.map((m, i) => (
                      <li key={`w${i}`} className="rp-remark--warning">
                        {m}
                      </li>
                    ))}
                    {r.changes.map((m, i) => (
                      <li key={`c${i}`}>{m}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

/** Upload a list; preview (dry run) or import; the result per row stays on screen. */
const ImportDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const fmt = useFormat()
  const run = useImportEquipment()
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<TRentalEquipmentImportResult | null>(null)
  const [rejection, setRejection] = useState<TImportRejection | null>(null)
  const [formError, setFormError] = useState<string | null>(null)

  const go = (dryRun: boolean) => {
    if (!file) {
      setFormError(t('import.chooseFile'))
      return
    }
    setFormError(null)
    setRejection(null)
    run.mutate(
      { file, dryRun },
      {
        onSuccess: (r) => {
          setResult(r)
          if (r.imported)
            toast.success(
              t('import.done', { created: fmt.integer(r.created), updated: fmt.integer(r.updated) }),
            )
        },
        onError: (e) => {
          setResult(null)
          const rejected = importRejection(e)
          if (rejected) setRejection(rejected)
          else setFormError(errorLine(e, (id) => t('platform:errors.reference', { id })))
        },
      },
    )
  }

  return (
    <Dialog
      open
      size="lg"
      title={t('import.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose} disabled={run.isPending}>
            {t('platform:actions.close')}
          </Button>
          <Button
            onClick={() => go(true)}
            loading={run.isPending && run.variables?.dryRun}
            disabled={!file || run.isPending}
          >
            {t('import.preview')}
          </Button>
          <Button
            variant="primary"
            onClick={() => go(false)}
            loading={run.isPending && !run.variables?.dryRun}
            disabled={!file || run.isPending || Boolean(result?.imported)}
            data-testid="import-submit"
          >
            {t('import.submit')}
          </Button>
        </>
      }
    >
      <p className="confirm__text">{t('import.intro')}</p>
      <p className="note">{t('import.rules')}</p>
      <FormError>{formError}</FormError>
      <FormField label={t('import.file')} required>
        {(p) => (
          <input
            {...p}
            className="input"
            type="file"
            accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setResult(null)
              setRejection(null)
            }}
            data-testid="import-file"
          />
        )}
      </FormField>
      {result ? (
        <div aria-live="polite">
          <p className={result.imported ? 'rp-banner' : 'rp-banner rp-banner--warning'} role="status">
            {result.imported ? t('import.importedNote') : t('import.previewNote')}{' '}
            {t('import.summary', {
              total: fmt.integer(result.total),
              created: fmt.integer(result.created),
              updated: fmt.integer(result.updated),
              unchanged: fmt.integer(result.unchanged),
              flagged: fmt.integer(result.flagged),
              errors: fmt.integer(result.errors),
            })}
          </p>
          <ImportReport rows={result.rows} />
        </div>
      ) : null}
      {rejection ? (
        <div data-testid="import-rejected">
          <p className="rp-banner rp-banner--danger" role="alert">
            {t('import.failed')}
          </p>
          <ImportRejectedRows
            rejection={rejection}
            caption={t('import.caption')}
            columns={[
              {
                header: t('import.columns.code'),
                cell: (r) => <span className="rp-code">{r.values?.code ?? '—'}</span>,
              },
              { header: t('import.columns.name'), cell: (r) => r.values?.name ?? '' },
            ]}
          />
        </div>
      ) : null}
    </Dialog>
  )
}

export const EquipmentPage = () => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const id = useId()
  const search = useSearch({ from: '/app/rental/equipment' })
  const navigate = useNavigate({ from: '/rental/equipment' })
  const { limit, offset } = pageOf(search)
  const [dialog, setDialog] = useState<{ unit: TRentalEquipment | null } | null>(null)
  const [importing, setImporting] = useState(false)
  const params = {
    q: search.q,
    kind: search.kind,
    type: search.type,
    condition: search.condition,
    availability: search.availability,
    review: search.review ? 'true' : undefined,
    sort: search.sort,
    dir: search.dir,
  }
  const list = useQuery(equipmentListQuery({ ...params, limit, offset }))
  const unitIds = (list.data?.items ?? []).filter((e) => e.kind !== 'service').map((e) => e.id)
  const setSearch = (patch: Partial<EquipmentSearch>, resetPage = true) =>
    void navigate({
      search: (prev) => cleanSearch({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) }),
      replace: true,
    })
  const filtered = Boolean(
    search.q || search.kind || search.type || search.condition || search.availability || search.review,
  )
  const sort: SortState | undefined = search.sort ? { key: search.sort, dir: search.dir ?? 'asc' } : undefined

  const select = <K extends 'kind' | 'type' | 'condition' | 'availability'>(
    key: K,
    values: readonly string[],
    label: string,
    prefix: string,
  ) => (
    <Filter label={label} htmlFor={`${id}-${key}`}>
      <select
        id={`${id}-${key}`}
        className="input"
        value={search[key] ?? ''}
        onChange={(e) => setSearch({ [key]: e.target.value || undefined })}
      >
        <option value="">{t('common.all')}</option>
        {values.map((x) => (
          <option key={x} value={x}>
            {t(`${prefix}.${x}` as 'kind.equipment')}
          </option>
        ))}
      </select>
    </Filter>
  )

  const columns: Column<TRentalEquipment>[] = [
    {
      key: 'code',
      header: t('equipment.fields.code'),
      sortable: true,
      width: '11rem',
      cell: (e) => (
        <div>
          <span className="rp-code">{e.code}</span>
          {e.reviewNote ? (
            <span className="rp-sub">
              <ReviewBadge note={e.reviewNote} />
            </span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'name',
      header: t('equipment.fields.name'),
      sortable: true,
      cell: (e) => (
        <div>
          <span>{e.name}</span>
          {e.brand || e.model || e.serialNumber ? (
            <span className="rp-sub">{[e.brand, e.model, e.serialNumber].filter(Boolean).join(' · ')}</span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'type',
      header: t('equipment.fields.type'),
      sortable: true,
      width: '11rem',
      cell: (e) =>
        e.kind === 'service' ? (
          <StatusBadge tone="neutral">{t('kind.service')}</StatusBadge>
        ) : (
          <span>{e.type ? t(`type.${e.type}`) : t('common.none')}</span>
        ),
    },
    {
      key: 'condition',
      header: t('equipment.fields.condition'),
      sortable: true,
      width: '8.5rem',
      cell: (e) =>
        e.kind === 'service' ? (
          <span className="muted">{t('common.none')}</span>
        ) : (
          <ConditionBadge condition={e.condition} />
        ),
    },
    {
      key: 'technicalStatus',
      header: t('equipment.fields.technicalStatus'),
      width: '9rem',
      cell: (e) =>
        e.kind === 'service' ? null : <TechnicalStatusLink equipmentId={e.id} pageIds={unitIds} />,
    },
    {
      key: 'availability',
      header: t('equipment.fields.availability'),
      sortable: true,
      width: '17rem',
      cell: (e) =>
        e.kind === 'service' ? (
          <span className="muted">{t('common.none')}</span>
        ) : (
          <div>
            <AvailabilityBadge availability={e.availability} />
            {e.currentProject ? (
              <span className="rp-sub">
                <Link
                  to="/rental/projects/$id"
                  params={{ id: e.currentProject.id }}
                  onClick={(ev) => ev.stopPropagation()}
                >
                  {e.currentProject.name}
                </Link>
                {e.currentProject.location ? ` · ${e.currentProject.location}` : ''}
              </span>
            ) : e.location ? (
              <span className="rp-sub">{e.location}</span>
            ) : null}
          </div>
        ),
    },
  ]

  return (
    <div className="page">
      <PageHeader
        title={t('equipment.title')}
        subtitle={t('equipment.subtitle')}
        actions={
          can('rental.manage') ? (
            <>
              <Button
                icon={<Icon name="download" />}
                onClick={() => setImporting(true)}
                data-testid="import-open"
              >
                {t('equipment.import')}
              </Button>
              <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setDialog({ unit: null })}>
                {t('equipment.new')}
              </Button>
            </>
          ) : null
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={filtered}
          onClear={() =>
            setSearch({
              q: undefined,
              kind: undefined,
              type: undefined,
              condition: undefined,
              availability: undefined,
              review: undefined,
            })
          }
          end={
            <>
              <ListCount
                total={list.data?.total}
                label={(count) => t('common.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={exportUrls.equipment}
                body={params}
                doneMessage={t('common.exportDone')}
                disabled={!list.data || list.data.total === 0}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('equipment.search')}
            placeholder={t('equipment.search')}
            onChange={(q) => setSearch({ q: q || undefined })}
            className="rp-search"
          />
          {select('kind', RENTAL_EQUIPMENT_KINDS, t('equipment.filters.kind'), 'kind')}
          {select('type', RENTAL_EQUIPMENT_TYPES, t('equipment.filters.type'), 'type')}
          {select('condition', RENTAL_CONDITIONS, t('equipment.filters.condition'), 'condition')}
          {select('availability', RENTAL_AVAILABILITIES, t('equipment.filters.availability'), 'availability')}
          <label className="rp-toggle">
            <input
              type="checkbox"
              checked={search.review === true}
              onChange={(e) => setSearch({ review: e.target.checked || undefined })}
            />
            {t('equipment.reviewOnly')}
          </label>
        </FilterBar>
        <DataTable
          caption={t('equipment.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(e) => e.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={can('rental.manage') ? (e) => setDialog({ unit: e }) : undefined}
          sort={sort}
          onSortChange={(s) => setSearch({ sort: s.key as EquipmentSearch['sort'], dir: s.dir })}
          empty={filtered ? t('equipment.emptyFiltered') : t('equipment.empty')}
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
      {dialog ? <EquipmentDialog unit={dialog.unit} onClose={() => setDialog(null)} /> : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </div>
  )
}
