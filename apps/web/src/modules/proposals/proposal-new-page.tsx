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
import { useCreateProposal } from './api'
import {
  ProposalFields,
  ServerFormError,
  checkCreate,
  emptyProposalValues,
  focusFirstInvalid,
  serverFieldErrors,
  useProposalFormState,
  useToday,
} from './proposal-form'

export const ProposalNewPage = () => {
  const { t } = useTranslation(['proposals', 'platform'])
  const navigate = useNavigate()
  const toast = useToast()
  const today = useToday()
  const form = useProposalFormState(() => emptyProposalValues(today))
  const create = useCreateProposal()

  const submit = () => {
    const r = checkCreate(form.values)
    if (!r.ok) {
      form.setErrors(r.errors)
      focusFirstInvalid()
      return
    }
    form.setErrors({})
    create.mutate(r.data, {
      onSuccess: (detail) => {
        toast.success(t('form.created', { number: detail.officialNumber }))
        allowNavigation()
        void navigate({ to: '/proposals/$id', params: { id: detail.id } })
      },
      onError: (e) => {
        form.setErrors(serverFieldErrors(e))
        focusFirstInvalid()
      },
    })
  }

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
        <form
          noValidate
          aria-label={t('form.createTitle')}
          data-testid="proposal-form"
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <UnsavedChangesGuard when={form.isDirty} />
          <ServerFormError error={create.error} fieldErrors={form.errors} />
          <ProposalFields mode="create" values={form.values} errors={form.errors} onChange={form.onChange} />
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
