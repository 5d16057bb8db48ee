import { useTranslation } from 'react-i18next'
import { type TRentalAssignment } from '@faena/contracts'
import { FormField, useToast } from '../../platform/components'
import { useReactivateAssignment } from './api'
import { ZReactivateForm } from './assignment-form'
import { ChangeDialog, useChangeForm } from './change-dialog'

/** Reactivate, optionally moving the operation start forward. */
export const ReactivateDialog = ({
  assignment,
  onClose,
}: {
  assignment: TRentalAssignment
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const reactivate = useReactivateAssignment()
  const code = assignment.equipment.code
  const change = useChangeForm(ZReactivateForm, { operationStart: '' })
  const { form } = change

  const submit = change.submitWith((body, onError) =>
    reactivate.mutate(
      { id: assignment.id, body },
      {
        onSuccess: () => {
          toast.success(t('reactivate.done', { code }))
          onClose()
        },
        onError,
      },
    ),
  )

  return (
    <ChangeDialog
      change={change}
      onSubmit={submit}
      size="sm"
      title={t('reactivate.title', { code })}
      busy={reactivate.isPending}
      submitLabel={t('reactivate.submit')}
      onClose={onClose}
    >
      <p className="confirm__text">{t('reactivate.body')}</p>
      <FormField label={t('reactivate.start')} error={form.errors.operationStart}>
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            min={assignment.operationStart}
            {...form.register('operationStart')}
          />
        )}
      </FormField>
    </ChangeDialog>
  )
}
