/**
 * The work-order form: create (page, from scratch or from a proposal) and edit (dialog on the detail).
 * Validated with the shared Zod schemas before sending; server field errors go under the fields; values are
 * never reset on an error. The front decides which site selects are enabled (its `siteKinds`,
 * docs/work-orders.md#front-and-sites).
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  WORK_ORDER_REASON_STATUSES,
  WORK_ORDER_STATUSES,
  ZCreateWorkOrderFromProposalRequest,
  ZCreateWorkOrderRequest,
  ZUpdateWorkOrderRequest,
  type TCreateWorkOrderFromProposalRequest,
  type TCreateWorkOrderRequest,
  type TUpdateWorkOrderRequest,
  type TWorkOrderDetail,
  type TWorkOrderStatus,
} from '@faena/contracts'
import { DecimalField, FormError, FormField } from '../../platform/components'
import { errorMessage, errorReference } from '../../platform/errors'
import { fieldErrors, zodFieldErrors, type FieldErrors } from '../../platform/validation'
import { catalogLookupQuery, type CatalogOption, type LookupCatalog } from './api'

export type WorkOrderFormValues = {
  number: string
  officialDocument: string
  clientRepresentative: string
  description: string
  comment: string
  status: string
  statusReason: string
  clientId: string
  projectManagerId: string
  durationDays: string
  plannedStart: string
  plannedEnd: string
  actualStart: string
  actualEnd: string
  frontId: string
  vesselId: string
  platformId: string
  yardId: string
  interconnectionId: string
  amountMxn: string
  amountUsd: string
  requiresYardPhase: boolean
  yardStart: string
  yardEnd: string
}
type Field = keyof WorkOrderFormValues
type TextField = Exclude<Field, 'requiresYardPhase'>

export const emptyValues = (): WorkOrderFormValues => ({
  number: '',
  officialDocument: '',
  clientRepresentative: '',
  description: '',
  comment: '',
  status: 'assigned',
  statusReason: '',
  clientId: '',
  projectManagerId: '',
  durationDays: '',
  plannedStart: '',
  plannedEnd: '',
  actualStart: '',
  actualEnd: '',
  frontId: '',
  vesselId: '',
  platformId: '',
  yardId: '',
  interconnectionId: '',
  amountMxn: '',
  amountUsd: '',
  requiresYardPhase: false,
  yardStart: '',
  yardEnd: '',
})

export const valuesFromDetail = (w: TWorkOrderDetail): WorkOrderFormValues => ({
  number: w.number,
  officialDocument: w.officialDocument ?? '',
  clientRepresentative: w.clientRepresentative ?? '',
  description: w.description,
  comment: w.comment ?? '',
  status: w.status,
  statusReason: w.statusReason ?? '',
  clientId: w.client.id,
  projectManagerId: w.projectManager.id,
  durationDays: w.durationDays === null ? '' : String(w.durationDays),
  plannedStart: w.plannedStart ?? '',
  plannedEnd: w.plannedEnd ?? '',
  actualStart: w.actualStart ?? '',
  actualEnd: w.actualEnd ?? '',
  frontId: w.front?.id ?? '',
  vesselId: w.sites.vessel?.id ?? '',
  platformId: w.sites.platform?.id ?? '',
  yardId: w.sites.yard?.id ?? '',
  interconnectionId: w.sites.interconnection?.id ?? '',
  amountMxn: w.amountMxn === '0' ? '' : w.amountMxn,
  amountUsd: w.amountUsd === '0' ? '' : w.amountUsd,
  requiresYardPhase: w.requiresYardPhase,
  yardStart: w.yardStart ?? '',
  yardEnd: w.yardEnd ?? '',
})

const orNull = (v: string) => (v.trim() === '' ? null : v.trim())
const orUndefined = (v: string) => (v.trim() === '' ? undefined : v.trim())

/** Form strings → the request body (empty → null, amounts empty → 0). */
const toInput = (v: WorkOrderFormValues) => ({
  number: v.number,
  officialDocument: orNull(v.officialDocument),
  clientRepresentative: orNull(v.clientRepresentative),
  description: v.description,
  comment: orNull(v.comment),
  status: v.status as TWorkOrderStatus,
  statusReason: orNull(v.statusReason),
  clientId: orUndefined(v.clientId),
  projectManagerId: orUndefined(v.projectManagerId),
  durationDays: v.durationDays.trim() === '' ? null : Number(v.durationDays.trim()),
  plannedStart: orNull(v.plannedStart),
  plannedEnd: orNull(v.plannedEnd),
  actualStart: orNull(v.actualStart),
  actualEnd: orNull(v.actualEnd),
  frontId: orNull(v.frontId),
  vesselId: orNull(v.vesselId),
  platformId: orNull(v.platformId),
  yardId: orNull(v.yardId),
  interconnectionId: orNull(v.interconnectionId),
  amountMxn: v.amountMxn.trim() === '' ? '0' : v.amountMxn.trim(),
  amountUsd: v.amountUsd.trim() === '' ? '0' : v.amountUsd.trim(),
  requiresYardPhase: v.requiresYardPhase,
  yardStart: v.requiresYardPhase ? orNull(v.yardStart) : null,
  yardEnd: v.requiresYardPhase ? orNull(v.yardEnd) : null,
})

export type FormCheck<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/** What the schema cannot say: each end not before its start. */
const dateOrder = (v: WorkOrderFormValues, message: string): FieldErrors => {
  const out: FieldErrors = {}
  const pairs: [string, string, Field][] = [
    [v.plannedStart, v.plannedEnd, 'plannedEnd'],
    [v.actualStart, v.actualEnd, 'actualEnd'],
    [v.requiresYardPhase ? v.yardStart : '', v.requiresYardPhase ? v.yardEnd : '', 'yardEnd'],
  ]
  for (const [start, end, field] of pairs) if (start && end && end < start) out[field] = message
  return out
}

export const checkCreate = (
  v: WorkOrderFormValues,
  fromProposal: boolean,
  endMessage: string,
): FormCheck<TCreateWorkOrderRequest | TCreateWorkOrderFromProposalRequest> => {
  const { status: _status, statusReason: _reason, ...input } = toInput(v)
  const r = fromProposal
    ? ZCreateWorkOrderFromProposalRequest.safeParse({ ...input, clientId: undefined })
    : ZCreateWorkOrderRequest.safeParse(input)
  const order = dateOrder(v, endMessage)
  if (r.success && Object.keys(order).length === 0) return { ok: true, data: r.data }
  return { ok: false, errors: { ...(r.success ? {} : zodFieldErrors(r.error)), ...order } }
}

/** Only the fields that changed. */
export const checkUpdate = (
  v: WorkOrderFormValues,
  original: WorkOrderFormValues,
  endMessage: string,
): FormCheck<TUpdateWorkOrderRequest> => {
  const input = toInput(v) as Record<string, unknown>
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(input) as Field[]) {
    if (key === 'clientId') continue
    if (v[key] !== original[key]) patch[key] = input[key]
  }
  // a reason travels with its status change
  if ('status' in patch && WORK_ORDER_REASON_STATUSES.includes(v.status as never))
    patch.statusReason = input.statusReason
  const r = ZUpdateWorkOrderRequest.safeParse(patch)
  const order = dateOrder(v, endMessage)
  if (r.success && Object.keys(order).length === 0) return { ok: true, data: r.data }
  return { ok: false, errors: { ...(r.success ? {} : zodFieldErrors(r.error)), ...order } }
}

/** The form-level error box with the server's reference. */
export const ServerFormError = ({ error, errors }: { error: unknown; errors: FieldErrors }) => {
  const { t } = useTranslation()
  if (!error) return null
  const hasFieldErrors = Object.keys(errors).some((k) => k !== '_form')
  const ref = errorReference(error)
  return (
    <FormError>
      {errors._form ?? (hasFieldErrors ? t('errors.validation') : errorMessage(error))}
      {ref ? <span className="form-error__ref"> {t('errors.reference', { id: ref })}</span> : null}
    </FormError>
  )
}
export const serverFieldErrors = fieldErrors

const CatalogSelect = ({
  catalog,
  value,
  onChange,
  control,
  disabled,
  current,
  filter,
  allowEmpty = false,
}: {
  catalog: LookupCatalog
  value: string
  onChange: (v: string) => void
  control: object
  disabled?: boolean
  current?: { id: string; name: string } | null | undefined
  filter?: (o: CatalogOption) => boolean
  allowEmpty?: boolean
}) => {
  const { t } = useTranslation('work-orders')
  const q = useQuery(catalogLookupQuery(catalog))
  const items = (q.data ?? []).filter(filter ?? (() => true))
  const options: CatalogOption[] =
    current && !items.some((o) => o.id === current.id) ? [current, ...items] : items
  return (
    <select
      {...control}
      className="input"
      value={value}
      disabled={disabled}
      aria-busy={q.isPending || undefined}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">
        {q.isPending
          ? t('form.loading')
          : allowEmpty
            ? t('form.none')
            : items.length
              ? t('form.choose')
              : t('form.noOptions')}
      </option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.clientType ? `${o.name} (${o.clientType})` : o.name}
        </option>
      ))}
    </select>
  )
}

const SITE_FIELDS = [
  { field: 'vesselId', kind: 'vessel', current: 'vessel' },
  { field: 'platformId', kind: 'platform', current: 'platform' },
  { field: 'yardId', kind: 'yard', current: 'yard' },
  { field: 'interconnectionId', kind: 'interconnection', current: 'interconnection' },
] as const

export type WorkOrderFieldsProps = {
  values: WorkOrderFormValues
  errors: FieldErrors
  onChange: <K extends Field>(field: K, value: WorkOrderFormValues[K]) => void
  mode: 'create' | 'fromProposal' | 'edit'
  current?: TWorkOrderDetail | undefined
}

/** The fields of a work order, in sections. */
export const WorkOrderFields = ({ values, errors, onChange, mode, current }: WorkOrderFieldsProps) => {
  const { t } = useTranslation('work-orders')
  const fronts = useQuery(catalogLookupQuery('fronts'))
  const front =
    fronts.data?.find((f) => f.id === values.frontId) ??
    (current?.front && current.front.id === values.frontId ? current.front : undefined)
  const allowed = new Set(front?.siteKinds ?? [])
  const text = (field: TextField) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) => onChange(field, e.target.value),
  })
  const needsReason =
    mode === 'edit' &&
    WORK_ORDER_REASON_STATUSES.includes(values.status as never) &&
    values.status !== current?.status

  return (
    <>
      <fieldset className="ot-form-section">
        <legend>{t('form.sectionGeneral')}</legend>
        <div className="ot-form-grid">
          <FormField label={t('fields.number')} error={errors.number} required>
            {(p) => <input {...p} className="input" autoComplete="off" maxLength={100} {...text('number')} />}
          </FormField>
          <FormField label={t('fields.officialDocument')} error={errors.officialDocument}>
            {(p) => (
              <input
                {...p}
                className="input"
                autoComplete="off"
                maxLength={100}
                {...text('officialDocument')}
              />
            )}
          </FormField>
          <FormField label={t('fields.clientRepresentative')} error={errors.clientRepresentative}>
            {(p) => (
              <input
                {...p}
                className="input"
                autoComplete="off"
                maxLength={200}
                {...text('clientRepresentative')}
              />
            )}
          </FormField>
          <FormField
            label={t('fields.client')}
            error={errors.clientId}
            required={mode === 'create'}
            hint={
              mode === 'edit'
                ? t('form.clientLocked')
                : mode === 'fromProposal'
                  ? t('form.clientFromProposal')
                  : undefined
            }
          >
            {(p) => (
              <CatalogSelect
                catalog="clients"
                control={p}
                value={values.clientId}
                onChange={(v) => onChange('clientId', v)}
                disabled={mode !== 'create'}
                current={current ? { id: current.client.id, name: current.client.name } : undefined}
              />
            )}
          </FormField>
          <FormField label={t('fields.projectManager')} error={errors.projectManagerId} required>
            {(p) => (
              <CatalogSelect
                catalog="project-managers"
                control={p}
                value={values.projectManagerId}
                onChange={(v) => onChange('projectManagerId', v)}
                current={current?.projectManager}
              />
            )}
          </FormField>
          {mode === 'edit' ? (
            <FormField
              label={t('fields.status')}
              error={errors.status}
              hint={
                values.status === 'finished' && current?.status !== 'finished'
                  ? t('form.finishedHint')
                  : undefined
              }
            >
              {(p) => (
                <select {...p} className="input" {...text('status')}>
                  {WORK_ORDER_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
          {needsReason ? (
            <FormField
              label={t('fields.statusReason')}
              error={errors.statusReason}
              required
              hint={t('form.reasonHint')}
              className="ot-form-grid__wide"
            >
              {(p) => <input {...p} className="input" maxLength={2000} {...text('statusReason')} />}
            </FormField>
          ) : null}
          <FormField
            label={t('fields.description')}
            error={errors.description}
            required={mode !== 'fromProposal'}
            className="ot-form-grid__wide"
          >
            {(p) => (
              <textarea
                {...p}
                className="input textarea"
                rows={3}
                maxLength={5000}
                {...text('description')}
              />
            )}
          </FormField>
          <FormField label={t('fields.comment')} error={errors.comment} className="ot-form-grid__wide">
            {(p) => (
              <textarea {...p} className="input textarea" rows={2} maxLength={5000} {...text('comment')} />
            )}
          </FormField>
        </div>
      </fieldset>

      <fieldset className="ot-form-section">
        <legend>{t('form.sectionDates')}</legend>
        <div className="ot-form-grid">
          <FormField label={t('fields.plannedStart')} error={errors.plannedStart}>
            {(p) => <input {...p} className="input" type="date" {...text('plannedStart')} />}
          </FormField>
          <FormField label={t('fields.plannedEnd')} error={errors.plannedEnd}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="date"
                min={values.plannedStart || undefined}
                {...text('plannedEnd')}
              />
            )}
          </FormField>
          <FormField
            label={t('fields.durationDays')}
            error={errors.durationDays}
            hint={t('form.durationHint')}
          >
            {(p) => (
              <input
                {...p}
                className="input"
                type="number"
                inputMode="numeric"
                min={1}
                max={3650}
                step={1}
                {...text('durationDays')}
              />
            )}
          </FormField>
          <FormField label={t('fields.actualStart')} error={errors.actualStart}>
            {(p) => <input {...p} className="input" type="date" {...text('actualStart')} />}
          </FormField>
          <FormField label={t('fields.actualEnd')} error={errors.actualEnd}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="date"
                min={values.actualStart || undefined}
                {...text('actualEnd')}
              />
            )}
          </FormField>
        </div>
      </fieldset>

      <fieldset className="ot-form-section">
        <legend>{t('form.sectionSites')}</legend>
        <div className="ot-form-grid">
          <FormField label={t('fields.front')} error={errors.frontId} hint={t('form.frontHint')}>
            {(p) => (
              <CatalogSelect
                catalog="fronts"
                control={p}
                value={values.frontId}
                allowEmpty
                current={current?.front}
                onChange={(v) => {
                  onChange('frontId', v)
                  // drop the sites the new front does not allow
                  const kinds = new Set(fronts.data?.find((f) => f.id === v)?.siteKinds ?? [])
                  for (const s of SITE_FIELDS)
                    if (!kinds.has(s.kind) && values[s.field]) onChange(s.field, '')
                  if (!kinds.has('yard')) onChange('requiresYardPhase', false)
                }}
              />
            )}
          </FormField>
          {SITE_FIELDS.map((s) => {
            const enabled = Boolean(values.frontId) && allowed.has(s.kind)
            return (
              <FormField
                key={s.field}
                label={t(`fields.${s.field}`)}
                error={errors[s.field]}
                hint={
                  !values.frontId
                    ? t('form.chooseFrontFirst')
                    : !allowed.has(s.kind)
                      ? t('form.siteNotAllowed')
                      : undefined
                }
              >
                {(p) => (
                  <CatalogSelect
                    catalog="sites"
                    control={p}
                    value={values[s.field]}
                    allowEmpty
                    disabled={!enabled}
                    filter={(o) => o.kind === s.kind}
                    current={current?.sites[s.current]}
                    onChange={(v) => onChange(s.field, v)}
                  />
                )}
              </FormField>
            )
          })}
          <div className="field">
            <label className="ot-check">
              <input
                type="checkbox"
                checked={values.requiresYardPhase}
                disabled={!allowed.has('yard')}
                onChange={(e) => onChange('requiresYardPhase', e.target.checked)}
              />
              {t('fields.requiresYardPhase')}
            </label>
            <p className="field__hint">{errors.requiresYardPhase ?? t('form.yardPhaseHint')}</p>
          </div>
          {values.requiresYardPhase ? (
            <>
              <FormField label={t('fields.yardStart')} error={errors.yardStart}>
                {(p) => <input {...p} className="input" type="date" {...text('yardStart')} />}
              </FormField>
              <FormField label={t('fields.yardEnd')} error={errors.yardEnd}>
                {(p) => (
                  <input
                    {...p}
                    className="input"
                    type="date"
                    min={values.yardStart || undefined}
                    {...text('yardEnd')}
                  />
                )}
              </FormField>
            </>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="ot-form-section">
        <legend>{t('form.sectionAmounts')}</legend>
        <div className="ot-form-grid">
          <DecimalField
            label={t('fields.amountMxn')}
            error={errors.amountMxn}
            hint={t('form.amountHint')}
            maxFractionDigits={6}
            value={values.amountMxn}
            onValueChange={(x) => onChange('amountMxn', x)}
          />
          <DecimalField
            label={t('fields.amountUsd')}
            error={errors.amountUsd}
            maxFractionDigits={6}
            value={values.amountUsd}
            onValueChange={(x) => onChange('amountUsd', x)}
          />
        </div>
      </fieldset>
    </>
  )
}

/** Form state: values and errors (a changed field loses its message). */
export const useWorkOrderForm = (initial: () => WorkOrderFormValues) => {
  const [values, setValues] = useState<WorkOrderFormValues>(initial)
  const [start] = useState(values)
  const [errors, setErrors] = useState<FieldErrors>({})
  /** Something was changed: the page asks before leaving (`UnsavedChangesGuard`). */
  const isDirty = JSON.stringify(values) !== JSON.stringify(start)
  const onChange = <K extends Field>(field: K, value: WorkOrderFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => {
      if (!(field in e)) return e
      const next = { ...e }
      delete next[field]
      return next
    })
  }
  return { values, setValues, errors, setErrors, onChange, isDirty }
}

/** After a failed submit, put the keyboard on the first field with a message. */
export const focusFirstInvalid = () =>
  setTimeout(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus(), 0)
