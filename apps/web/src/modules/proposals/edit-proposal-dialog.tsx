/** Edit a PTE's header (dialog on the detail): only the fields that changed are sent. */
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TProposalDetail } from '@faena/contracts'
import { Button, Dialog, UnsavedChangesGuard, useToast } from '../../platform/components'
import { ServerFormError } from '../../platform/components/record-form'
import { useZodForm } from '../../platform/validation'
import { useUpdateProposal } from './api'
import {
  ProposalFields,
  ZProposalForm,
  applyProposalServerError,
  changedFields,
  valuesFromDetail,
} from './proposal-form'

export const EditProposalDialog = ({
  proposal,
  onClose,
}: {
  proposal: TProposalDetail
  onClose: () => void
}) => {
  const { t } = useTranslation(['proposals', 'platform'])
  const toast = useToast()
  const [original] = useState(() => valuesFromDetail(proposal))
  const form = useZodForm(ZProposalForm, original)
  const update = useUpdateProposal(proposal.id)
  const firstField = useRef<HTMLInputElement>(null)

  const submit = form.submit((data) => {
    const patch = changedFields(data, form.getValues(), original)
    if (Object.keys(patch).length === 0) return onClose()
    update.mutate(patch, {
      onSuccess: () => {
        toast.success(t('form.saved'))
        onClose()
      },
      onError: (e) => applyProposalServerError(form, e),
    })
  })

  return (
    <Dialog
      open
      size="lg"
      title={t('form.editTitle', { number: proposal.officialNumber })}
      onClose={onClose}
      onSubmit={submit}
      initialFocusRef={firstField}
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
      <ProposalFields firstFieldRef={firstField} mode="edit" current={proposal} form={form} />
    </Dialog>
  )
}
