/**
 * The PTE header form: create (page /proposals/new) and edit (dialog on the detail).
 * Validated with the shared Zod schemas before sending; server field errors go under the fields;
 * the values are never reset on an error.
 */
import { useState, type RefObject } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import i18next from 'i18next'
import {
  DUPLICATE_OFFICIAL_NUMBER,
  PROPOSAL_PRIORITIES,
  ZCreateProposalRequest,
  ZUpdateProposalRequest,
  type TCreateProposalRequest,
  type TFieldError,
  type TProposalDetail,
  type TUpdateProposalRequest,
} from '@faena/contracts'
import { isApiError } from '../../platform/api'
import { FormError, FormField } from '../../platform/components'
import { errorMessage, errorReference } from '../../platform/errors'
import { todayIn } from '../../platform/format'
import { useFormat } from '../../platform/session'
import { zodFieldErrors, type FieldErrors } from '../../platform/validation'
import { catalogLookupQuery, type CatalogOption, type LookupCatalog } from './api'

export type ProposalFormValues = {
  officialNumber: string
  requestNumber: string
  description: string
  clientId: string
  requestDate: string
  deliveryDate: string
  durationDays: string
  typeId: string
  projectManagerId: string
  priority: string
  comment: string
}

type FieldName = keyof ProposalFormValues

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

const opt = (v: string) => (v.trim() === '' ? undefined : v)
const num = (v: string) => (v.trim() === '' ? undefined : Number(v.trim()))

/** Form strings → the request shape (empty → missing, so the schema says "required"). */
const toInput = (v: ProposalFormValues) => ({
  officialNumber: v.officialNumber,
  requestNumber: v.requestNumber,
  description: v.description,
  clientId: opt(v.clientId),
  requestDate: opt(v.requestDate),
  deliveryDate: opt(v.deliveryDate),
  durationDays: num(v.durationDays),
  typeId: opt(v.typeId),
  projectManagerId: opt(v.projectManagerId),
  priority: opt(v.priority),
  comment: v.comment.trim() === '' ? undefined : v.comment,
})

export type FormCheck<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

export const checkCreate = (v: ProposalFormValues): FormCheck<TCreateProposalRequest> => {
  const r = ZCreateProposalRequest.safeParse(toInput(v))
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: zodFieldErrors(r.error) }
}

/**
 * Edit: the whole form must still be a valid proposal (a required field cannot be emptied), then
 * only the fields that changed are sent; a cleared comment is sent as null.
 */
export const checkUpdate = (
  v: ProposalFormValues,
  original: ProposalFormValues,
): FormCheck<TUpdateProposalRequest> => {
  const whole = ZCreateProposalRequest.safeParse(toInput(v))
  if (!whole.success) return { ok: false, errors: zodFieldErrors(whole.error) }
  const input = toInput(v)
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(input) as (keyof typeof input)[]) {
    if (key === 'clientId' || v[key] === original[key]) continue
    patch[key] = key === 'comment' && input.comment === undefined ? null : input[key]
  }
  const r = ZUpdateProposalRequest.safeParse(patch)
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: zodFieldErrors(r.error) }
}

/** A field error that names the other proposal (the 409 of an organization with unique official numbers). */
type DuplicateNumberError = TFieldError & { code?: unknown; officialNumber?: unknown }

/** The message of a server field error in the user's language where its code is known, else the server's. */
const fieldMessage = (d: DuplicateNumberError): string =>
  d.code === DUPLICATE_OFFICIAL_NUMBER && typeof d.officialNumber === 'string'
    ? (i18next.t as unknown as (k: string, o: object) => string)('proposals:form.duplicateRefused', {
        number: d.officialNumber,
      })
    : d.message

/** Server error → messages under the fields (paths may come as `body.x`). */
export const serverFieldErrors = (error: unknown): FieldErrors => {
  const out: FieldErrors = {}
  if (!isApiError(error)) return out
  for (const d of error.details) {
    const key = d.path.replace(/^body\./, '') || '_form'
    out[key] ??= fieldMessage(d)
  }
  return out
}

/** The form-level error box: business rules such as "client type without step templates", with the reference. */
export const ServerFormError = ({ error, fieldErrors }: { error: unknown; fieldErrors: FieldErrors }) => {
  const { t } = useTranslation()
  if (!error) return null
  const hasFieldErrors = Object.keys(fieldErrors).some((k) => k !== '_form')
  const msg = fieldErrors._form ?? (hasFieldErrors ? t('errors.validation') : errorMessage(error))
  const ref = errorReference(error)
  return (
    <FormError>
      {msg}
      {ref ? <span className="form-error__ref"> {t('errors.reference', { id: ref })}</span> : null}
    </FormError>
  )
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
  const options = current && !items.some((o) => o.id === current.id) ? [current, ...items] : items
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
          ? t('form.loadingCatalogs')
          : q.isError
            ? '—'
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

export type ProposalFieldsProps = {
  values: ProposalFormValues
  errors: FieldErrors
  onChange: (field: FieldName, value: string) => void
  mode: 'create' | 'edit'
  current?: TProposalDetail | undefined
  /** Attached to the first field (for a dialog's initial focus). */
  firstFieldRef?: RefObject<HTMLInputElement | null>
}

/** The fields of the PTE header, laid out in a responsive grid. */
export const ProposalFields = ({
  values,
  errors,
  onChange,
  mode,
  current,
  firstFieldRef,
}: ProposalFieldsProps) => {
  const { t } = useTranslation('proposals')
  const text = (field: FieldName) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) => onChange(field, e.target.value),
  })
  return (
    <div className="pte-form-grid">
      <FormField label={t('fields.officialNumber')} error={errors.officialNumber} required>
        {(p) => (
          <input
            ref={firstFieldRef}
            {...p}
            className="input"
            autoComplete="off"
            maxLength={100}
            {...text('officialNumber')}
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
            onChange={(v) => onChange('clientId', v)}
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
            onChange={(v) => onChange('typeId', v)}
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
            onChange={(v) => onChange('projectManagerId', v)}
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

/** Form state: values, errors and the last server error (kept until the next change or submit). */
export const useProposalFormState = (initial: () => ProposalFormValues) => {
  const [values, setValues] = useState<ProposalFormValues>(initial)
  const [start] = useState(values)
  const [errors, setErrors] = useState<FieldErrors>({})
  /** Something was changed: the page asks before leaving (`UnsavedChangesGuard`). */
  const isDirty = JSON.stringify(values) !== JSON.stringify(start)
  const onChange = (field: FieldName, value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => {
      if (!(field in e)) return e
      const next = { ...e }
      delete next[field]
      return next
    })
  }
  return { values, errors, setErrors, onChange, isDirty }
}

export const useToday = () => {
  const fmt = useFormat()
  return todayIn(fmt.timeZone)
}

/** After a failed submit, put the keyboard on the first field with a message. */
export const focusFirstInvalid = () =>
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>('form [aria-invalid="true"]')
    el?.focus()
  }, 0)
