/** The dialogs of the work-order detail: edit the work order, create a reprogramming. */
import { useState } from 'react'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ZCreateReprogrammingRequest, type TWorkOrderDetail } from '@faena/contracts'
import {
  Button,
  DecimalField,
  Dialog,
  FormField,
  UnsavedChangesGuard,
  useToast,
} from '../../platform/components'
import { zodFieldErrors, type FieldErrors } from '../../platform/validation'
import { useCreateReprogramming, useUpdateWorkOrder } from './api'
import {
  ServerFormError,
  WorkOrderFields,
  checkUpdate,
  focusFirstInvalid,
  serverFieldErrors,
  useWorkOrderForm,
  valuesFromDetail,
} from './work-order-form'

export const EditWorkOrderDialog = ({
  workOrder,
  onClose,
}: {
  workOrder: TWorkOrderDetail
  onClose: () => void
}) => {
  const { t } = useTranslation(['work-orders', 'platform'])
  const toast = useToast()
  const [original] = useState(() => valuesFromDetail(workOrder))
  const form = useWorkOrderForm(() => original)
  const update = useUpdateWorkOrder(workOrder.id)

  const submit = () => {
    const r = checkUpdate(form.values, original, t('form.endBeforeStart'))
    if (!r.ok) {
      form.setErrors(r.errors)
      focusFirstInvalid()
      return
    }
    if (Object.keys(r.data).length === 0) return onClose()
    form.setErrors({})
    update.mutate(r.data, {
      onSuccess: () => {
        toast.success(t('form.saved'))
        onClose()
      },
      onError: (e) => {
        form.setErrors(serverFieldErrors(e))
        focusFirstInvalid()
      },
    })
  }

  return (
    <Dialog
      open
      size="lg"
      title={t('form.editTitle', { number: workOrder.number })}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={update.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={update.isPending}>
            {update.isPending ? t('platform:actions.saving') : t('form.save')}
          </Button>
        </>
      }
    >
      <ServerFormError error={update.error} errors={form.errors} />
      <UnsavedChangesGuard when={form.isDirty} />
      <WorkOrderFields
        mode="edit"
        current={workOrder}
        values={form.values}
        errors={form.errors}
        onChange={form.onChange}
      />
    </Dialog>
  )
}

export const ReprogramDialog = ({
  workOrder,
  nextNumber,
  onClose,
}: {
  workOrder: TWorkOrderDetail
  nextNumber: number
  onClose: () => void
}) => {
  const { t } = useTranslation(['work-orders', 'platform'])
  const toast = useToast()
  const navigate = useNavigate()
  const create = useCreateReprogramming(workOrder.id)
  const [values, setValues] = useState({
    plannedStart: '',
    plannedEnd: '',
    durationDays: '',
    officialDocument: workOrder.officialDocument ?? '',
    amountMxn: workOrder.amountMxn,
    amountUsd: workOrder.amountUsd,
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const set = (k: keyof typeof values, v: string) => {
    setValues((x) => ({ ...x, [k]: v }))
    setErrors((e) => {
      const next = { ...e }
      delete next[k]
      return next
    })
  }

  const submit = () => {
    const r = ZCreateReprogrammingRequest.safeParse({
      plannedStart: values.plannedStart || undefined,
      plannedEnd: values.plannedEnd || undefined,
      durationDays: values.durationDays.trim() === '' ? undefined : Number(values.durationDays),
      officialDocument: values.officialDocument.trim() === '' ? null : values.officialDocument,
      amountMxn: values.amountMxn.trim() === '' ? '0' : values.amountMxn.trim(),
      amountUsd: values.amountUsd.trim() === '' ? '0' : values.amountUsd.trim(),
    })
    const order: FieldErrors =
      values.plannedStart && values.plannedEnd && values.plannedEnd < values.plannedStart
        ? { plannedEnd: t('form.endBeforeStart') }
        : {}
    if (!r.success || Object.keys(order).length > 0) {
      setErrors({ ...(r.success ? {} : zodFieldErrors(r.error)), ...order })
      focusFirstInvalid()
      return
    }
    create.mutate(r.data, {
      onSuccess: (w) => {
        toast.success(t('reprogram.created', { n: w.reprogrammingNumber }))
        onClose()
        void navigate({ to: '/work-orders/$id', params: { id: w.id }, search: { tab: 'reprogrammings' } })
      },
      onError: (e) => {
        setErrors(serverFieldErrors(e))
        focusFirstInvalid()
      },
    })
  }

  const input = (k: keyof typeof values, type = 'text') => ({
    type,
    className: 'input',
    value: values[k],
    onChange: (e: { target: { value: string } }) => set(k, e.target.value),
  })

  return (
    <Dialog
      open
      size="md"
      title={t('reprogram.title', { number: workOrder.number })}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={create.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button
            type="submit"
            variant="primary"
            loading={create.isPending}
            data-testid="create-reprogramming"
          >
            {t('reprogram.create')}
          </Button>
        </>
      }
    >
      <p className="ot-note">{t('reprogram.intro', { n: nextNumber })}</p>
      <ServerFormError error={create.error} errors={errors} />
      <div className="ot-form-grid">
        <FormField label={t('fields.plannedStart')} error={errors.plannedStart} required>
          {(p) => <input {...p} {...input('plannedStart', 'date')} />}
        </FormField>
        <FormField label={t('fields.plannedEnd')} error={errors.plannedEnd} required>
          {(p) => <input {...p} {...input('plannedEnd', 'date')} min={values.plannedStart || undefined} />}
        </FormField>
        <FormField label={t('fields.durationDays')} error={errors.durationDays} hint={t('form.durationHint')}>
          {(p) => (
            <input {...p} {...input('durationDays', 'number')} min={1} max={3650} inputMode="numeric" />
          )}
        </FormField>
        <FormField label={t('fields.officialDocument')} error={errors.officialDocument}>
          {(p) => <input {...p} {...input('officialDocument')} maxLength={100} />}
        </FormField>
        <DecimalField
          label={t('fields.amountMxn')}
          error={errors.amountMxn}
          maxFractionDigits={6}
          value={values.amountMxn}
          onValueChange={(x) => set('amountMxn', x)}
        />
        <DecimalField
          label={t('fields.amountUsd')}
          error={errors.amountUsd}
          maxFractionDigits={6}
          value={values.amountUsd}
          onValueChange={(x) => set('amountUsd', x)}
        />
      </div>
    </Dialog>
  )
}
