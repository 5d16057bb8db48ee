import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import {
  Button,
  ErrorState,
  PageHeader,
  UnsavedChangesGuard,
  allowNavigation,
  buttonClass,
  useToast,
} from '../../platform/components'
import { proposalForWorkOrderQuery, useCreateWorkOrder, type ProposalForWorkOrder } from './api'
import { ServerFormError } from '../../platform/components/record-form'
import {
  WorkOrderFields,
  createBody,
  emptyValues,
  useWorkOrderForm,
  type WorkOrderFormValues,
} from './work-order-form'

const fromProposal = (p: ProposalForWorkOrder): WorkOrderFormValues => ({
  ...emptyValues(),
  description: p.description,
  clientId: p.client.id,
  projectManagerId: p.projectManager.id,
  // left empty: computed from the programmed dates, or the proposal's duration without dates (server)
})

export const NewWorkOrderForm = ({ proposal }: { proposal?: ProposalForWorkOrder | undefined }) => {
  const { t } = useTranslation(['work-orders', 'platform'])
  const navigate = useNavigate()
  const toast = useToast()
  const form = useWorkOrderForm(
    proposal ? 'fromProposal' : 'create',
    proposal ? fromProposal(proposal) : emptyValues(),
  )
  const create = useCreateWorkOrder()

  const submit = form.submit((data) =>
    create.mutate(
      { proposalId: proposal?.id, body: createBody(data, Boolean(proposal)) },
      {
        onSuccess: (w) => {
          toast.success(t('form.created', { number: w.number }))
          allowNavigation()
          void navigate({ to: '/work-orders/$id', params: { id: w.id }, search: {} })
        },
        onError: form.applyServerError,
      },
    ),
  )

  return (
    <form noValidate aria-label={t('form.createTitle')} data-testid="work-order-form" onSubmit={submit}>
      <UnsavedChangesGuard when={form.isDirty} />
      {proposal ? <p className="ot-note">{t('form.fromProposalHint')}</p> : null}
      <ServerFormError error={create.error} errors={form.errors} />
      <WorkOrderFields mode={proposal ? 'fromProposal' : 'create'} form={form} />
      <div className="form__actions">
        {proposal ? (
          <Link to="/proposals/$id" params={{ id: proposal.id }} className={buttonClass('secondary')}>
            {t('platform:actions.cancel')}
          </Link>
        ) : (
          <Link to="/work-orders" className={buttonClass('secondary')}>
            {t('platform:actions.cancel')}
          </Link>
        )}
        <Button type="submit" variant="primary" loading={create.isPending}>
          {create.isPending ? t('platform:actions.saving') : t('form.create')}
        </Button>
      </div>
    </form>
  )
}

export const WorkOrderNewPage = () => {
  const { t } = useTranslation(['work-orders', 'platform'])
  const { proposalId } = useSearch({ from: '/app/work-orders/new' })
  const proposal = useQuery({ ...proposalForWorkOrderQuery(proposalId ?? ''), enabled: Boolean(proposalId) })
  const title = proposal.data
    ? t('form.createFromProposal', { number: proposal.data.officialNumber })
    : t('form.createTitle')
  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <Link to="/work-orders" className="ot-back">
            ‹ {t('detail.back')}
          </Link>
        }
        title={title}
      />
      <section className="card">
        {proposalId && proposal.isPending ? (
          <p className="muted">{t('platform:common.loading')}</p>
        ) : proposalId && proposal.isError ? (
          <ErrorState error={proposal.error} onRetry={() => void proposal.refetch()} />
        ) : (
          <NewWorkOrderForm proposal={proposal.data} />
        )}
      </section>
    </div>
  )
}
