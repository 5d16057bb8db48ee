/** A new estimate: the family (initial work order), its type and period; then its page opens. */
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ESTIMATE_TYPES, ZEstimateCreateRequest } from '@faena/contracts'
import { Button, Dialog, FormField, useToast } from '../../platform/components'
import { ServerFormError, fromText } from '../../platform/components/record-form'
import { useZodForm } from '../../platform/validation'
import { useCreateEstimate, type WorkOrderOption } from './api'

const { shape } = ZEstimateCreateRequest
/** The contract's request; a family not chosen yet reads `workOrderRequired`. */
const createSchema = (workOrderRequired: string) =>
  ZEstimateCreateRequest.extend({
    workOrderId: z.string().min(1, workOrderRequired).pipe(shape.workOrderId),
    periodStart: fromText(shape.periodStart),
    periodEnd: fromText(shape.periodEnd),
  })

export const CreateEstimateDialog = ({
  defaultWorkOrderId,
  families,
  onClose,
  onCreated,
}: {
  defaultWorkOrderId: string | undefined
  families: readonly WorkOrderOption[]
  onClose: () => void
  onCreated: (id: string) => void
}) => {
  const { t } = useTranslation(['estimates', 'platform'])
  const toast = useToast()
  const create = useCreateEstimate()
  const form = useZodForm(createSchema(t('create.workOrderRequired')), {
    workOrderId: defaultWorkOrderId ?? '',
    periodStart: '',
    periodEnd: '',
    type: 'ordinary',
  })
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('create.title')}
      onSubmit={form.submit((data) =>
        create.mutate(data, {
          onSuccess: (e) => {
            toast.success(t('create.created', { number: e.number }))
            onCreated(e.id)
          },
          onError: form.applyServerError,
        }),
      )}
      footer={
        <>
          <Button type="button" onClick={onClose}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {t('create.submit')}
          </Button>
        </>
      }
    >
      <FormField label={t('fields.workOrder')} required error={form.errors.workOrderId}>
        {(c) => (
          <select {...c} className="input" {...form.register('workOrderId')}>
            <option value="" />
            {families.map((w) => (
              <option key={w.id} value={w.id}>
                {w.number} — {w.description}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('fields.type')} error={form.errors.type}>
        {(c) => (
          <select {...c} className="input" {...form.register('type')}>
            {ESTIMATE_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`type.${x}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('fields.periodStart')} required error={form.errors.periodStart}>
        {(c) => <input {...c} type="date" className="input" {...form.register('periodStart')} />}
      </FormField>
      <FormField label={t('fields.periodEnd')} required error={form.errors.periodEnd}>
        {(c) => (
          <input
            {...c}
            type="date"
            className="input"
            min={form.values.periodStart || undefined}
            {...form.register('periodEnd')}
          />
        )}
      </FormField>
      <ServerFormError error={create.error} errors={form.errors} />
    </Dialog>
  )
}
