import { useTranslation } from 'react-i18next'
import { type TRentalAssignment } from '@faena/contracts'
import { ConfirmDialog, useToast } from '../../platform/components'
import { useDeleteAssignment } from './api'
import { ChangeChoicePanel, useChangeChoice, type ChangeOptions } from './change-choice'

/** Delete with confirmation (linked services go too). */
export const DeleteAssignmentDialog = ({
  assignment,
  onClose,
}: {
  assignment: TRentalAssignment
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const remove = useDeleteAssignment()
  const choice = useChangeChoice()
  const send = (options: ChangeOptions = {}) => {
    choice.clear()
    remove.mutate(
      { id: assignment.id, options },
      {
        onSuccess: (r) => {
          const retired = r.retiredIds?.length ?? 0
          toast.success(
            retired > 0
              ? t('remove.retiredInstead', { code: assignment.equipment.code })
              : t('remove.done', { count: r.deletedIds.length }),
          )
          onClose()
        },
        onError: (e) => {
          // a delete over a frozen period or manual days becomes a choice in this dialog
          if (choice.offer(e, options)) return
          toast.failure(e)
          onClose()
        },
      },
    )
  }
  return (
    <ConfirmDialog
      open
      title={t('remove.title', { code: assignment.equipment.code })}
      confirmLabel={t('platform:actions.delete')}
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() => send()}
    >
      <p>{t('remove.body')}</p>
      <ChangeChoicePanel choice={choice} onChoose={send} fromOpenDayKey="remove.retireInstead" />
    </ConfirmDialog>
  )
}
