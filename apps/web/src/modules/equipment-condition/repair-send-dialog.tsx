/** Send a unit to repair: the date and the reason (docs/equipment-condition.md). */
import { useTranslation } from 'react-i18next'
import { ZRepairInput } from '@faena/contracts'
import { Button, Dialog, FormField, useToast } from '../../platform/components'
import { ServerFormError } from '../../platform/components/record-form'
import { todayIn } from '../../platform/format'
import { useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { useSendToRepair } from './api'

export const RepairSendDialog = ({ equipmentId, onClose }: { equipmentId: string; onClose: () => void }) => {
  const { t } = useTranslation(['equipment-condition', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const send = useSendToRepair(equipmentId)
  const form = useZodForm(ZRepairInput, { sentOn: todayIn(fmt.timeZone), reason: '' })
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('unit.sendToRepair')}
      onSubmit={form.submit((data) =>
        send.mutate(data, {
          onSuccess: () => (toast.success(t('unit.repairSaved')), onClose()),
          onError: form.applyServerError,
        }),
      )}
      footer={
        <>
          <Button onClick={onClose}>{t('platform:actions.cancel')}</Button>
          <Button type="submit" variant="primary" loading={send.isPending}>
            {t('platform:actions.save')}
          </Button>
        </>
      }
    >
      <ServerFormError error={send.error} errors={form.errors} />
      <FormField label={t('unit.sentOn')} required error={form.errors.sentOn}>
        {(p) => <input {...p} type="date" className="input" {...form.register('sentOn')} />}
      </FormField>
      <FormField label={t('unit.reason')} required error={form.errors.reason}>
        {(p) => (
          <textarea {...p} className="input textarea" rows={3} maxLength={500} {...form.register('reason')} />
        )}
      </FormField>
    </Dialog>
  )
}
