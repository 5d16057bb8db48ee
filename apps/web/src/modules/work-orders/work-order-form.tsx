/**
 * The work-order form: create (page, from scratch or from a proposal) and edit (dialog on the detail).
 * In `useZodForm` with the contract's fields (workOrderFormSchema); server field errors go under the fields;
 * values are never reset on an error. The front decides which site selects are enabled (its `siteKinds`,
 * docs/work-orders.md#front-and-sites).
 */
import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import {
  WORK_ORDER_REASON_STATUSES,
  WORK_ORDER_STATUSES,
  ZCreateWorkOrderRequest,
  ZWorkOrderAmount,
  ZWorkOrderStatus,
  type TCreateWorkOrderFromProposalRequest,
  type TCreateWorkOrderRequest,
  type TUpdateWorkOrderRequest,
  type TWorkOrderDetail,
} from '@faena/contracts'
import { DecimalField, FormField } from '../../platform/components'
import { LookupSelect, fromText, intFromText } from '../../platform/components/record-form'
import { useZodForm, type ZodForm } from '../../platform/validation'
import { catalogLookupQuery, type CatalogOption, type LookupCatalog } from './api'

const W = ZCreateWorkOrderRequest.shape
/** A blank amount is 0 (the contract's default), else the contract's decimal rule. */
export const amountFromText = z
  .string()
  .transform((v) => (v.trim() === '' ? '0' : v.trim()))
  .pipe(ZWorkOrderAmount)

export type WorkOrderFormMode = 'create' | 'fromProposal' | 'edit'

/**
 * The work-order form: the contract's fields as typed (text inputs; a blank optional field is null, a blank
 * amount 0), each checked by the contract's own rule, plus what the schema of one field cannot say: each
 * end not before its start. From a proposal the project manager may be left to the proposal's; the client
 * is only chosen on a create from scratch.
 */
export const workOrderFormSchema = (mode: WorkOrderFormMode, endBeforeStart: string) =>
  z
    .object({
      number: W.number,
      officialDocument: fromText(W.officialDocument, null),
      clientRepresentative: fromText(W.clientRepresentative, null),
      description: W.description,
      comment: fromText(W.comment, null),
      status: ZWorkOrderStatus,
      statusReason: fromText(W.statusReason, null),
      clientId: mode === 'create' ? fromText(W.clientId) : z.string(),
      projectManagerId: fromText(
        mode === 'fromProposal' ? W.projectManagerId.optional() : W.projectManagerId,
      ),
      durationDays: intFromText(W.durationDays, null),
      plannedStart: fromText(W.plannedStart, null),
      plannedEnd: fromText(W.plannedEnd, null),
      actualStart: fromText(W.actualStart, null),
      actualEnd: fromText(W.actualEnd, null),
      frontId: fromText(W.frontId, null),
      vesselId: fromText(W.vesselId, null),
      platformId: fromText(W.platformId, null),
      yardId: fromText(W.yardId, null),
      interconnectionId: fromText(W.interconnectionId, null),
      amountMxn: amountFromText,
      amountUsd: amountFromText,
      requiresYardPhase: z.boolean(),
      yardStart: fromText(W.yardStart, null),
      yardEnd: fromText(W.yardEnd, null),
    })
    .superRefine(
      (v, ctx) => {
        const pairs = [
          [v.plannedStart, v.plannedEnd, 'plannedEnd'],
          [v.actualStart, v.actualEnd, 'actualEnd'],
          [v.requiresYardPhase && v.yardStart, v.requiresYardPhase && v.yardEnd, 'yardEnd'],
        ] as const
        for (const [start, end, field] of pairs)
          if (start && end && end < start)
            ctx.addIssue({ code: 'custom', path: [field], message: endBeforeStart })
      },
      // also when another field is wrong: every message at once
      { when: () => true },
    )
    .transform((v) => (v.requiresYardPhase ? v : { ...v, yardStart: null, yardEnd: null }))
export type WorkOrderFormSchema = ReturnType<typeof workOrderFormSchema>
export type WorkOrderFormValues = z.input<WorkOrderFormSchema>
export type WorkOrderFormData = z.output<WorkOrderFormSchema>
export type WorkOrderForm = ZodForm<WorkOrderFormSchema>

/** The form of `mode`, with its translated date-order message. */
export const useWorkOrderForm = (mode: WorkOrderFormMode, initial: WorkOrderFormValues) => {
  const { t } = useTranslation('work-orders')
  const schema = useMemo(() => workOrderFormSchema(mode, t('form.endBeforeStart')), [mode, t])
  return useZodForm(schema, initial)
}

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

/** The create body: a new work order has no status yet; from a proposal the client is the proposal's. */
export const createBody = (
  data: WorkOrderFormData,
  fromProposal: boolean,
): TCreateWorkOrderRequest | TCreateWorkOrderFromProposalRequest => {
  const { status: _status, statusReason: _reason, clientId, ...rest } = data
  return fromProposal ? rest : { ...rest, clientId }
}

/** Edit: only the fields that changed (the client cannot); a reason travels with its status change. */
export const changedFields = (
  data: WorkOrderFormData,
  values: WorkOrderFormValues,
  original: WorkOrderFormValues,
): TUpdateWorkOrderRequest => {
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(original) as (keyof WorkOrderFormValues)[]) {
    if (key === 'clientId' || values[key] === original[key]) continue
    patch[key] = data[key]
  }
  if ('status' in patch && WORK_ORDER_REASON_STATUSES.includes(data.status as never))
    patch.statusReason = data.statusReason
  return patch
}

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
  return (
    <LookupSelect
      items={items}
      pending={q.isPending}
      control={control}
      value={value}
      onChange={onChange}
      current={current}
      disabled={disabled}
      placeholder={
        q.isPending
          ? t('form.loading')
          : allowEmpty
            ? t('form.none')
            : items.length
              ? t('form.choose')
              : t('form.noOptions')
      }
    />
  )
}

const SITE_FIELDS = [
  { field: 'vesselId', kind: 'vessel', current: 'vessel' },
  { field: 'platformId', kind: 'platform', current: 'platform' },
  { field: 'yardId', kind: 'yard', current: 'yard' },
  { field: 'interconnectionId', kind: 'interconnection', current: 'interconnection' },
] as const

export type WorkOrderFieldsProps = {
  form: WorkOrderForm
  mode: WorkOrderFormMode
  current?: TWorkOrderDetail | undefined
}

/** The fields of a work order, in sections. */
export const WorkOrderFields = ({ form, mode, current }: WorkOrderFieldsProps) => {
  const { t } = useTranslation('work-orders')
  const { values, errors } = form
  const onChange = form.set
  const fronts = useQuery(catalogLookupQuery('fronts'))
  const front =
    fronts.data?.find((f) => f.id === values.frontId) ??
    (current?.front && current.front.id === values.frontId ? current.front : undefined)
  const allowed = new Set(front?.siteKinds ?? [])
  const text = (field: Exclude<keyof WorkOrderFormValues, 'requiresYardPhase'>) => form.register(field)
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
