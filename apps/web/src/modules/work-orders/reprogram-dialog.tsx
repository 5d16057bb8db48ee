/** Create a reprogramming of a work order (a new version of its family with new dates). */
import { useMemo } from 'react'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZCreateReprogrammingRequest, type TWorkOrderDetail } from '@faena/contracts'
import {
  Button,
  DecimalField,
  Dialog,
  FormField,
  UnsavedChangesGuard,
  allowNavigation,
  useToast,
} from '../../platform/components'
import { ServerFormError, fromText, intFromText } from '../../platform/components/record-form'
import { useZodForm } from '../../platform/validation'
import { useCreateReprogramming } from './api'
import { amountFromText } from './work-order-form'

const R = ZCreateReprogrammingRequest.shape

/** The reprogramming request's fields as typed; the end not before the start. */
const reprogramSchema = (endBeforeStart: string) =>
  z
    .object({
      plannedStart: fromText(R.plannedStart),
      plannedEnd: fromText(R.plannedEnd),
      durationDays: intFromText(R.durationDays),
      officialDocument: fromText(R.officialDocument, null),
      amountMxn: amountFromText,
      amountUsd: amountFromText,
    })
    .refine((v) => !v.plannedStart || !v.plannedEnd || v.plannedEnd >= v.plannedStart, {
      path: ['plannedEnd'],
      message: endBeforeStart,
      when: () => true,
    })

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
  const schema = useMemo(() => reprogramSchema(t('form.endBeforeStart')), [t])
  const form = useZodForm(schema, {
    plannedStart: '',
    plannedEnd: '',
    durationDays: '',
    officialDocument: workOrder.officialDocument ?? '',
    amountMxn: workOrder.amountMxn,
    amountUsd: workOrder.amountUsd,
  })
  const { values, errors } = form

  const submit = form.submit((data) =>
    create.mutate(data, {
      onSuccess: (w) => {
        toast.success(t('reprogram.created', { n: w.reprogrammingNumber }))
        onClose()
        allowNavigation()
        void navigate({ to: '/work-orders/$id', params: { id: w.id }, search: { tab: 'reprogrammings' } })
      },
      onError: form.applyServerError,
    }),
  )

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
      <UnsavedChangesGuard when={form.isDirty} />
      <div className="ot-form-grid">
        <FormField label={t('fields.plannedStart')} error={errors.plannedStart} required>
          {(p) => <input {...p} type="date" className="input" {...form.register('plannedStart')} />}
        </FormField>
        <FormField label={t('fields.plannedEnd')} error={errors.plannedEnd} required>
          {(p) => (
            <input
              {...p}
              type="date"
              className="input"
              min={values.plannedStart || undefined}
              {...form.register('plannedEnd')}
            />
          )}
        </FormField>
        <FormField label={t('fields.durationDays')} error={errors.durationDays} hint={t('form.durationHint')}>
          {(p) => (
            <input
              {...p}
              type="number"
              className="input"
              min={1}
              max={3650}
              inputMode="numeric"
              {...form.register('durationDays')}
            />
          )}
        </FormField>
        <FormField label={t('fields.officialDocument')} error={errors.officialDocument}>
          {(p) => <input {...p} className="input" maxLength={100} {...form.register('officialDocument')} />}
        </FormField>
        <DecimalField
          label={t('fields.amountMxn')}
          error={errors.amountMxn}
          maxFractionDigits={6}
          value={values.amountMxn}
          onValueChange={(x) => form.set('amountMxn', x)}
        />
        <DecimalField
          label={t('fields.amountUsd')}
          error={errors.amountUsd}
          maxFractionDigits={6}
          value={values.amountUsd}
          onValueChange={(x) => form.set('amountUsd', x)}
        />
      </div>
    </Dialog>
  )
}
