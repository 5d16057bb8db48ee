/** Record a unit's return from repair: the date and optional notes (docs/equipment-condition.md). */
import { useTranslation } from 'react-i18next'
import { ZRepairReturnInput } from '@faena/contracts'
import { Button, Dialog, FormField, useToast } from '../../platform/components'
import { ServerFormError, fromText } from '../../platform/components/record-form'
import { todayIn } from '../../platform/format'
import { useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { useReturnFromRepair } from './api'

/** The contract's return; blank notes are none (null). */
const ZReturnForm = ZRepairReturnInput.extend({ notes: fromText(ZRepairReturnInput.shape.notes, null) })

export const RepairReturnDialog = ({
  equipmentId,
  onClose,
}: {
  equipmentId: string
  onClose: () => void
}) => {
  const { t } = useTranslation(['equipment-condition', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const back = useReturnFromRepair(equipmentId)
  const form = useZodForm(ZReturnForm, { returnedOn: todayIn(fmt.timeZone), notes: '' })
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('unit.returnFromRepair')}
      onSubmit={form.submit((data) =>
        back.mutate(data, {
          onSuccess: () => (toast.success(t('unit.returned')), onClose()),
          onError: form.applyServerError,
        }),
      )}
      footer={
        <>
          <Button onClick={onClose}>{t('platform:actions.cancel')}</Button>
          <Button type="submit" variant="primary" loading={back.isPending}>
            {t('platform:actions.save')}
          </Button>
        </>
      }
    >
      <ServerFormError error={back.error} errors={form.errors} />
      <FormField label={t('unit.returnedOn')} required error={form.errors.returnedOn}>
        {(p) => <input {...p} type="date" className="input" {...form.register('returnedOn')} />}
      </FormField>
      <FormField label={t('unit.returnNotes')} error={form.errors.notes}>
        {(p) => (
          <textarea {...p} className="input textarea" rows={3} maxLength={500} {...form.register('notes')} />
        )}
      </FormField>
    </Dialog>
  )
}
