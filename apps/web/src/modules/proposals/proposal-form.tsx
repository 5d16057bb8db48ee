/**
 * The PTE header form: create (page /proposals/new) and edit (dialog on the detail), in `useZodForm` with
 * the contract's create request (ZProposalForm); server field errors go under the fields; the values are
 * never reset on an error.
 */
import type { RefObject } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import i18next from 'i18next'
import {
  DUPLICATE_OFFICIAL_NUMBER,
  PROPOSAL_PRIORITIES,
  ZCreateProposalRequest,
  type TCreateProposalRequest,
  type TFieldError,
  type TProposalDetail,
  type TUpdateProposalRequest,
} from '@faena/contracts'
import type { z } from 'zod'
import { isApiError } from '../../platform/api'
import { FormField } from '../../platform/components'
import { LookupSelect, fromText, intFromText } from '../../platform/components/record-form'
import { todayIn } from '../../platform/format'
import { useFormat } from '../../platform/session'
import { fieldErrors, type FieldErrors, type ZodForm } from '../../platform/validation'
import { catalogLookupQuery, type CatalogOption, type LookupCatalog } from './api'

const C = ZCreateProposalRequest.shape

/**
 * The header form: the create request's fields as typed (text inputs; blank is missing, so the contract says
 * "required"), each checked by the contract's own rule. Its output is the create request.
 */
export const ZProposalForm = ZCreateProposalRequest.extend({
  clientId: fromText(C.clientId),
  requestDate: fromText(C.requestDate),
  deliveryDate: fromText(C.deliveryDate),
  durationDays: intFromText(C.durationDays),
  typeId: fromText(C.typeId),
  projectManagerId: fromText(C.projectManagerId),
  priority: fromText(C.priority),
  comment: fromText(C.comment),
})
export type ProposalFormValues = z.input<typeof ZProposalForm>
export type ProposalForm = ZodForm<typeof ZProposalForm>

export const emptyProposalValues = (today: string): ProposalFormValues => ({
  officialNumber: '',
  requestNumber: '',
  description: '',
  clientId: '',
  requestDate: today,
  deliveryDate: '',
  durationDays: '',
  typeId: '',
  projectManagerId: '',
  priority: 'medium',
  comment: '',
})

export const valuesFromDetail = (p: TProposalDetail): ProposalFormValues => ({
  officialNumber: p.officialNumber,
  requestNumber: p.requestNumber,
  description: p.description,
  clientId: p.client.id,
  requestDate: p.requestDate,
  deliveryDate: p.deliveryDate,
  durationDays: String(p.durationDays),
  typeId: p.type.id,
  projectManagerId: p.projectManager.id,
  priority: p.priority,
  comment: p.comment ?? '',
})

/**
 * Edit: the whole form is still a valid proposal (the schema checked it), then only the fields that changed
 * are sent (the client cannot change); a cleared comment is sent as null.
 */
export const changedFields = (
  data: TCreateProposalRequest,
  values: ProposalFormValues,
  original: ProposalFormValues,
): TUpdateProposalRequest => {
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(original) as (keyof ProposalFormValues)[]) {
    if (key === 'clientId' || values[key] === original[key]) continue
    patch[key] = key === 'comment' ? (data.comment ?? null) : data[key]
  }
  return patch
}

/** A field error that names the other proposal (the 409 of an organization with unique official numbers). */
type DuplicateNumberError = TFieldError & { code?: unknown; officialNumber?: unknown }

/** Server error → messages under the fields (translated by key), the duplicate official number in the user's language. */
export const serverFieldErrors = (error: unknown): FieldErrors => {
  const out = fieldErrors(error)
  if (isApiError(error))
    for (const d of error.details as DuplicateNumberError[])
      if (d.code === DUPLICATE_OFFICIAL_NUMBER && typeof d.officialNumber === 'string')
        out[d.path || '_form'] = (i18next.t as unknown as (k: string, o: object) => string)(
          'proposals:form.duplicateRefused',
          { number: d.officialNumber },
        )
  return out
}

export const applyProposalServerError = (form: ProposalForm, error: unknown) => {
  form.setErrors(serverFieldErrors(error))
  form.focusFirstInvalid()
}

const CatalogSelect = ({
  catalog,
  value,
  onChange,
  current,
  control,
  disabled,
}: {
  catalog: LookupCatalog
  value: string
  onChange: (v: string) => void
  /** The record the proposal has now, shown even if it is inactive and out of the lookup. */
  current?: CatalogOption | undefined
  control: object
  disabled?: boolean
}) => {
  const { t } = useTranslation('proposals')
  const q = useQuery(catalogLookupQuery(catalog))
  const items = q.data ?? []
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
          ? t('form.loadingCatalogs')
          : q.isError
            ? '—'
            : items.length
              ? t('form.choose')
              : t('form.noOptions')
      }
    />
  )
}

export type ProposalFieldsProps = {
  form: ProposalForm
  mode: 'create' | 'edit'
  current?: TProposalDetail | undefined
  /** Attached to the first field (for a dialog's initial focus). */
  firstFieldRef?: RefObject<HTMLInputElement | null>
}

/** The fields of the PTE header, laid out in a responsive grid. */
export const ProposalFields = ({ form, mode, current, firstFieldRef }: ProposalFieldsProps) => {
  const { t } = useTranslation('proposals')
  const { values, errors } = form
  const text = (field: keyof ProposalFormValues) => form.register(field)
  const official = form.register('officialNumber')
  return (
    <div className="pte-form-grid">
      <FormField label={t('fields.officialNumber')} error={errors.officialNumber} required>
        {(p) => (
          <input
            {...p}
            className="input"
            autoComplete="off"
            maxLength={100}
            {...official}
            ref={(el) => {
              official.ref(el)
              if (firstFieldRef) firstFieldRef.current = el
            }}
          />
        )}
      </FormField>
      <FormField label={t('fields.requestNumber')} error={errors.requestNumber} required>
        {(p) => (
          <input {...p} className="input" autoComplete="off" maxLength={100} {...text('requestNumber')} />
        )}
      </FormField>
      <FormField
        label={t('fields.client')}
        error={errors.clientId}
        required
        hint={mode === 'edit' ? t('form.clientLocked') : t('form.clientHint')}
      >
        {(p) => (
          <CatalogSelect
            catalog="clients"
            control={p}
            value={values.clientId}
            onChange={(v) => form.set('clientId', v)}
            current={
              current
                ? { id: current.client.id, name: current.client.name, clientType: current.client.clientType }
                : undefined
            }
            disabled={mode === 'edit'}
          />
        )}
      </FormField>
      <FormField
        label={t('fields.description')}
        error={errors.description}
        required
        className="pte-form-grid__wide"
      >
        {(p) => (
          <textarea {...p} className="input textarea" rows={3} maxLength={5000} {...text('description')} />
        )}
      </FormField>
      <FormField label={t('fields.type')} error={errors.typeId} required>
        {(p) => (
          <CatalogSelect
            catalog="types"
            control={p}
            value={values.typeId}
            onChange={(v) => form.set('typeId', v)}
            current={current?.type}
          />
        )}
      </FormField>
      <FormField label={t('fields.projectManager')} error={errors.projectManagerId} required>
        {(p) => (
          <CatalogSelect
            catalog="project-managers"
            control={p}
            value={values.projectManagerId}
            onChange={(v) => form.set('projectManagerId', v)}
            current={current?.projectManager}
          />
        )}
      </FormField>
      <FormField label={t('fields.priority')} error={errors.priority} required>
        {(p) => (
          <select {...p} className="input" {...text('priority')}>
            <option value="">{t('form.choose')}</option>
            {PROPOSAL_PRIORITIES.map((x) => (
              <option key={x} value={x}>
                {t(`priority.${x}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('fields.requestDate')} error={errors.requestDate} required>
        {(p) => <input {...p} className="input" type="date" {...text('requestDate')} />}
      </FormField>
      <FormField label={t('fields.deliveryDate')} error={errors.deliveryDate} required>
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            min={values.requestDate || undefined}
            {...text('deliveryDate')}
          />
        )}
      </FormField>
      <FormField
        label={t('fields.durationDays')}
        error={errors.durationDays}
        required
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
      <FormField label={t('fields.comment')} error={errors.comment} className="pte-form-grid__wide">
        {(p) => <textarea {...p} className="input textarea" rows={2} maxLength={5000} {...text('comment')} />}
      </FormField>
    </div>
  )
}

export const useToday = () => {
  const fmt = useFormat()
  return todayIn(fmt.timeZone)
}
