/** Edit a work order (dialog on the detail): only the fields that changed are sent. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TWorkOrderDetail } from '@faena/contracts'
import { Button, Dialog, UnsavedChangesGuard, useToast } from '../../platform/components'
import { ServerFormError } from '../../platform/components/record-form'
import { useUpdateWorkOrder } from './api'
import { WorkOrderFields, changedFields, useWorkOrderForm, valuesFromDetail } from './work-order-form'

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
  const form = useWorkOrderForm('edit', original)
  const update = useUpdateWorkOrder(workOrder.id)

  const submit = form.submit((data) => {
    const patch = changedFields(data, form.getValues(), original)
    if (Object.keys(patch).length === 0) return onClose()
    update.mutate(patch, {
      onSuccess: () => {
        toast.success(t('form.saved'))
        onClose()
      },
      onError: form.applyServerError,
    })
  })

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
      <WorkOrderFields mode="edit" current={workOrder} form={form} />
    </Dialog>
  )
}
