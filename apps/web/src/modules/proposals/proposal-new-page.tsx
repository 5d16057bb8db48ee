import { Link, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import {
  Button,
  PageHeader,
  UnsavedChangesGuard,
  allowNavigation,
  buttonClass,
  useToast,
} from '../../platform/components'
import { ServerFormError } from '../../platform/components/record-form'
import { useZodForm } from '../../platform/validation'
import { useCreateProposal } from './api'
import {
  ProposalFields,
  ZProposalForm,
  applyProposalServerError,
  emptyProposalValues,
  useToday,
} from './proposal-form'

export const ProposalNewPage = () => {
  const { t } = useTranslation(['proposals', 'platform'])
  const navigate = useNavigate()
  const toast = useToast()
  const today = useToday()
  const form = useZodForm(ZProposalForm, emptyProposalValues(today))
  const create = useCreateProposal()

  const submit = form.submit((data) =>
    create.mutate(data, {
      onSuccess: (detail) => {
        toast.success(t('form.created', { number: detail.officialNumber }))
        allowNavigation()
        void navigate({ to: '/proposals/$id', params: { id: detail.id } })
      },
      onError: (e) => applyProposalServerError(form, e),
    }),
  )

  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <Link to="/proposals" className="pte-back">
            ‹ {t('detail.back')}
          </Link>
        }
        title={t('form.createTitle')}
      />
      <section className="card">
        <form noValidate aria-label={t('form.createTitle')} data-testid="proposal-form" onSubmit={submit}>
          <UnsavedChangesGuard when={form.isDirty} />
          <ServerFormError error={create.error} errors={form.errors} />
          <ProposalFields mode="create" form={form} />
          <div className="form__actions">
            <Link to="/proposals" className={buttonClass('secondary')}>
              {t('platform:actions.cancel')}
            </Link>
            <Button type="submit" variant="primary" loading={create.isPending}>
              {create.isPending ? t('platform:actions.saving') : t('form.create')}
            </Button>
          </div>
        </form>
      </section>
    </div>
  )
}
