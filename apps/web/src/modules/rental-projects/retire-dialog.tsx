import { useTranslation } from 'react-i18next'
import { type TRentalAssignment } from '@faena/contracts'
import { FormField, useToast } from '../../platform/components'
import { useRetireAssignment } from './api'
import { ZRetireForm } from './assignment-form'
import { ChangeDialog, useChangeForm } from './change-dialog'

/** Retire with a date (last day on site) and a reason. */
export const RetireDialog = ({
  assignment,
  today,
  onClose,
}: {
  assignment: TRentalAssignment
  today: string
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const retire = useRetireAssignment()
  const code = assignment.equipment.code
  const change = useChangeForm(ZRetireForm, {
    date: assignment.operationEnd && assignment.operationEnd < today ? assignment.operationEnd : today,
    reason: '',
  })
  const { form } = change

  const submit = change.submitWith((body, onError) =>
    retire.mutate(
      { id: assignment.id, body },
      {
        onSuccess: (r) => {
          const count = r.cascadedAssignmentIds.length
          toast.success(count > 0 ? t('retire.doneWith', { code, count }) : t('retire.done', { code }))
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
      title={t('retire.title', { code })}
      busy={retire.isPending}
      submitLabel={t('retire.submit')}
      submitVariant="danger"
      submitTestId="retire-submit"
      onClose={onClose}
    >
      <p className="confirm__text">{t('retire.body')}</p>
      <FormField label={t('retire.date')} error={form.errors.date} required>
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            min={assignment.operationStart}
            {...form.register('date')}
            data-testid="retire-date"
          />
        )}
      </FormField>
      <FormField
        label={t('retire.reason')}
        error={form.errors.reason}
        hint={t('platform:dialog.reasonHint')}
        required
      >
        {(p) => (
          <textarea
            {...p}
            className="input textarea"
            rows={2}
            maxLength={500}
            {...form.register('reason')}
            data-testid="retire-reason"
          />
        )}
      </FormField>
    </ChangeDialog>
  )
}
