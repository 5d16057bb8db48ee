import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { CATALOG_SCHEMAS, type TCatalogName, type TClientType } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  Dialog,
  FormError,
  FormField,
  useToast,
  UnsavedChangesGuard,
  UserSelect,
} from '../../platform/components'
import { errorMessage, errorReference } from '../../platform/errors'
import { useCan } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { AuditHistory } from '../audit'
import { CATALOG_UI, emptyValues, type FieldKind } from './catalog-ui'
import {
  stepTreeQuery,
  useCreateRecord,
  useSetActive,
  useUpdateRecord,
  type CatalogRow,
} from './catalogs-api'
import { ActiveBadge } from './parts'

export type DialogState =
  { mode: 'create'; preset: Record<string, unknown> } | { mode: 'edit'; record: CatalogRow }

type Values = Record<string, unknown>
type LooseT = (key: string, opts?: Record<string, unknown>) => string

const ENTITY_TYPES: Record<TCatalogName, string> = {
  clients: 'client',
  'project-managers': 'project_manager',
  types: 'type',
  statuses: 'status',
  fronts: 'front',
  sites: 'site',
  units: 'unit',
  'proposal-step-templates': 'proposal_step_template',
  'work-order-step-templates': 'work_order_step_template',
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** The form values of an existing record: its input fields, comment as text. */
const valuesOf = (name: TCatalogName, r: CatalogRow): Values => {
  const v: Values = { comment: r.comment ?? '' }
  for (const f of CATALOG_UI[name].form) v[f.field] = r[f.field] ?? null
  return v
}

/** Only what changed, so the audit shows the real edits. */
const changedFields = (before: Values, after: Values): Values =>
  Object.fromEntries(
    Object.entries(after).filter(([k, v]) => JSON.stringify(v ?? null) !== JSON.stringify(before[k] ?? null)),
  )

/** Create or edit a catalog record, validated with the shared input schema; deactivate / restore from here too. */
export const RecordDialog = ({
  name,
  state,
  onClose,
}: {
  name: TCatalogName
  state: DialogState
  onClose: () => void
}) => {
  const { t: typedT } = useTranslation(['catalogs', 'platform'])
  const t = typedT as unknown as LooseT
  const toast = useToast()
  const has = useCan()
  const ui = CATALOG_UI[name]
  const schema = CATALOG_SCHEMAS[name].input as unknown as z.ZodType<Values, Values>
  const record = state.mode === 'edit' ? state.record : null
  const initial = record
    ? valuesOf(name, record)
    : emptyValues(name, state.mode === 'create' ? state.preset : {})
  const form = useZodForm(schema, initial)
  const create = useCreateRecord(name)
  const update = useUpdateRecord(name)
  const setActive = useSetActive(name)
  const [formError, setFormError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const busy = create.isPending || update.isPending || setActive.isPending
  const what = t(`catalogs:singular.${name}`)
  const title = (r: Values) => str(r[ui.titleField])

  const errorText = (e: unknown) => {
    const ref = errorReference(e)
    return errorMessage(e) + (ref ? ` · ${t('platform:errors.reference', { id: ref })}` : '')
  }
  const onError = (e: unknown) => {
    if (!form.applyServerError(e)) setFormError(errorText(e))
  }

  const submit = form.submit((data) => {
    setFormError(null)
    if (!record) {
      create.mutate(data, {
        onSuccess: (r) => {
          toast.success(t('catalogs:form.created', { name: title(r) }))
          onClose()
        },
        onError,
      })
      return
    }
    const patch = changedFields(valuesOf(name, record), data)
    if (Object.keys(patch).length === 0) {
      toast.info(t('catalogs:form.noChanges'))
      onClose()
      return
    }
    update.mutate(
      { id: record.id, patch },
      {
        onSuccess: () => {
          toast.success(t('catalogs:form.saved'))
          onClose()
        },
        onError,
      },
    )
  })

  const changeActive = (active: boolean) => {
    if (!record) return
    setActive.mutate(
      { id: record.id, active },
      {
        onSuccess: (r) => {
          setConfirming(false)
          toast.success(
            t(active ? 'catalogs:list.restored' : 'catalogs:form.deactivated', { name: title(r) }),
          )
          onClose()
        },
        onError: (e) => {
          setConfirming(false)
          setFormError(errorText(e))
        },
      },
    )
  }

  return (
    <>
      <Dialog
        open={!confirming}
        onClose={onClose}
        title={record ? t('catalogs:form.editTitle', { what }) : t(`catalogs:newRecord.${name}`)}
        onSubmit={submit}
        size={ui.tree ? 'lg' : 'md'}
        footer={
          <>
            {record ? (
              record.active ? (
                <Button
                  variant="danger"
                  className="dialog__footer-start"
                  onClick={() => setConfirming(true)}
                  disabled={busy}
                >
                  {t('catalogs:form.deactivate')}
                </Button>
              ) : (
                <Button
                  className="dialog__footer-start"
                  onClick={() => changeActive(true)}
                  loading={setActive.isPending}
                >
                  {t('catalogs:form.restore')}
                </Button>
              )
            ) : null}
            <Button onClick={onClose} disabled={busy}>
              {t('platform:actions.cancel')}
            </Button>
            <Button type="submit" variant="primary" loading={create.isPending || update.isPending}>
              {record ? t('platform:actions.save') : t('platform:actions.create')}
            </Button>
          </>
        }
      >
        <UnsavedChangesGuard when={form.isDirty} />
        <FormError>{formError}</FormError>
        {record ? (
          <p className="dialog__meta">
            <ActiveBadge active={record.active} />
          </p>
        ) : null}
        {record && !record.active ? <p className="note">{t('catalogs:form.inactiveNote')}</p> : null}
        <div className="form-grid">
          {ui.form.map((f) => (
            <FieldInput key={f.field} name={name} field={f} form={form} selfId={record?.id} />
          ))}
          <FormField
            label={t('catalogs:fields.comment')}
            error={form.errors.comment}
            className="catalogs__wide"
          >
            {(p) => (
              <textarea
                {...p}
                className="input textarea"
                rows={2}
                value={str(form.values.comment)}
                onChange={(e) => form.set('comment', e.target.value)}
              />
            )}
          </FormField>
        </div>
        {record && has('audit.read') ? (
          <details className="catalogs__history">
            <summary>{t('catalogs:form.history')}</summary>
            <AuditHistory
              entityType={ENTITY_TYPES[name]}
              entityId={record.id}
              module="catalogs"
              pageSize={10}
              title={null}
            />
          </details>
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={confirming}
        title={t('catalogs:form.confirmDeactivateTitle', { name: record ? title(record) : '' })}
        confirmLabel={t('catalogs:form.deactivate')}
        busy={setActive.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => changeActive(false)}
      >
        <p>{t('catalogs:form.confirmDeactivateBody')}</p>
      </ConfirmDialog>
    </>
  )
}

type Form = ReturnType<typeof useZodForm<z.ZodType<Values, Values>>>

const FieldInput = ({
  name,
  field: f,
  form,
  selfId,
}: {
  name: TCatalogName
  field: FieldKind
  form: Form
  selfId: string | undefined
}) => {
  const { t: typedT } = useTranslation('catalogs')
  const t = typedT as unknown as LooseT
  const label = t(`fields.${f.field}`)
  const error = form.errors[f.field]
  const value = form.values[f.field]

  switch (f.type) {
    case 'text':
      return (
        <FormField
          label={label}
          error={error}
          required={!!f.required}
          hint={f.field === 'key' ? t('hints.unitKey') : undefined}
        >
          {(p) => (
            <input
              {...p}
              className={f.field === 'key' ? 'input mono' : 'input'}
              type={f.field === 'email' ? 'email' : 'text'}
              autoComplete="off"
              value={str(value)}
              onChange={(e) =>
                form.set(f.field, f.field === 'email' && e.target.value === '' ? null : e.target.value)
              }
            />
          )}
        </FormField>
      )
    case 'select':
      return (
        <FormField label={label} error={error} required>
          {(p) => (
            <select
              {...p}
              className="input"
              value={str(value)}
              onChange={(e) => form.set(f.field, e.target.value)}
            >
              {f.options.map((o) => (
                <option key={o} value={o}>
                  {t(`${f.labels}.${o}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )
    case 'checkboxes': {
      const selected = Array.isArray(value) ? (value as string[]) : []
      return (
        <fieldset
          className={['field', 'catalogs__checks', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}
        >
          <legend className="field__label">{label}</legend>
          <div className="catalogs__check-list">
            {f.options.map((o) => (
              <label key={o} className="catalogs__check">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={selected.includes(o)}
                  onChange={(e) =>
                    form.set(
                      f.field,
                      e.target.checked
                        ? f.options.filter((x) => x === o || selected.includes(x))
                        : selected.filter((x) => x !== o),
                    )
                  }
                />
                {t(`${f.labels}.${o}`)}
              </label>
            ))}
          </div>
          {error ? (
            <p className="field__error">{error}</p>
          ) : (
            <p className="field__hint">{t('hints.siteKinds')}</p>
          )}
        </fieldset>
      )
    }
    case 'number':
      return (
        <FormField label={label} error={error} required hint={t('hints.position')}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={typeof value === 'number' ? value : ''}
              onChange={(e) => form.set(f.field, e.target.value === '' ? undefined : Number(e.target.value))}
            />
          )}
        </FormField>
      )
    case 'parent':
      return <ParentSelect name={name} form={form} label={label} error={error} selfId={selfId} />
    case 'user':
      return (
        <FormField label={label} error={error} hint={t('hints.userId')}>
          {(p) => (
            <UserSelect
              {...p}
              className="input"
              value={typeof value === 'string' ? { id: value, name: t('form.userInactive') } : null}
              emptyLabel={t('form.noUser')}
              onChange={(userId) => form.set(f.field, userId)}
            />
          )}
        </FormField>
      )
  }
}

/** Main steps of the same kind and client type (a sub-step hangs one level deep). */
const ParentSelect = ({
  name,
  form,
  label,
  error,
  selfId,
}: {
  name: TCatalogName
  form: Form
  label: string
  error: string | undefined
  selfId: string | undefined
}) => {
  const { t } = useTranslation('catalogs')
  const clientType = (str(form.values.clientType) || 'CONTRATO') as TClientType
  const stepName = name as 'proposal-step-templates' | 'work-order-step-templates'
  const q = useQuery(stepTreeQuery(stepName, clientType, false, undefined))
  const mains = (q.data?.items ?? []).filter((s) => s.parentId === null && s.id !== selfId)
  const value = str(form.values.parentId)
  return (
    <FormField label={label} error={error} hint={t('hints.parentId')}>
      {(p) => (
        <select
          {...p}
          className="input"
          value={value}
          onChange={(e) => form.set('parentId', e.target.value || null)}
        >
          <option value="">{t('tree.mainStep')}</option>
          {value && !mains.some((m) => m.id === value) ? <option value={value}>…</option> : null}
          {mains.map((m) => (
            <option key={m.id} value={m.id}>
              {m.position}. {m.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  )
}
