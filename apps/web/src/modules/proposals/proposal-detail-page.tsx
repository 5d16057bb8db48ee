import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TProposalDetail, TProposalStatus } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  EmptyState,
  PageLoadError,
  PagePending,
  Icon,
  PageHeader,
  buttonClass,
  useToast,
} from '../../platform/components'
import { useCan, useFormat } from '../../platform/session'
import { AuditHistory } from '../audit'
import { CreateWorkOrderFromProposal } from '../work-orders'
import { proposalDetailQuery, useChangeProposalStatus, useDeleteProposal } from './api'
import { EditProposalDialog } from './edit-proposal-dialog'
import { SaveWarnings } from './save-warnings'
import { StepsTable } from './steps-table'
import { OverdueBadge, PriorityPill, PteProgress, StatusPill } from './ui'

const REASON_REQUIRED: ReadonlySet<TProposalStatus> = new Set(['cancelled', 'suspended'])

/** "Change status" button with the allowed transitions as a small menu. */
const StatusMenu = ({
  allowed,
  onPick,
}: {
  allowed: TProposalStatus[]
  onPick: (s: TProposalStatus) => void
}) => {
  const { t } = useTranslation('proposals')
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const wrap = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    wrap.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
    const onDown = (e: MouseEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', onDown)
    return () => document.removeEventListener('mousedown', onDown)
  }, [open])

  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return
    const items = [...(wrap.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const i = items.indexOf(document.activeElement as HTMLButtonElement)
    if (e.key === 'Escape') {
      e.preventDefault()
      setOpen(false)
      button.current?.focus()
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      items[(i + 1) % items.length]?.focus()
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      items[(i - 1 + items.length) % items.length]?.focus()
    } else if (e.key === 'Tab') {
      setOpen(false)
    }
  }

  return (
    <div className="pte-menu" ref={wrap} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className={buttonClass('secondary')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={allowed.length === 0}
        title={allowed.length === 0 ? t('detail.noTransitions') : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {t('detail.changeStatus')} <Icon name="chevronDown" />
      </button>
      {open ? (
        <div id={menuId} role="menu" className="pte-menu__list" aria-label={t('detail.changeStatus')}>
          {allowed.map((s) => (
            <button
              key={s}
              type="button"
              role="menuitem"
              className="pte-menu__item"
              onClick={() => {
                setOpen(false)
                onPick(s)
              }}
            >
              <StatusPill status={s} />
            </button>
          ))}
        </div>
      ) : null}
    </div>
  )
}

const HeaderCard = ({ p }: { p: TProposalDetail }) => {
  const { t } = useTranslation(['proposals', 'platform'])
  const fmt = useFormat()
  const item = (label: string, value: ReactNode, wide = false) => (
    <div className={wide ? 'dl-grid__item dl-grid__item--wide' : 'dl-grid__item'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
  return (
    <section
      className={p.overdue ? 'card pte-header pte-header--overdue' : 'card pte-header'}
      aria-labelledby="pte-header-title"
      data-testid="proposal-header"
    >
      <div className="pte-header__top">
        <h2 id="pte-header-title" className="section-title">
          {t('detail.header')}
        </h2>
        <div className="pte-badges">
          <StatusPill status={p.status} />
          <PriorityPill priority={p.priority} />
          {p.overdue ? <OverdueBadge /> : null}
        </div>
      </div>
      {p.overdue ? (
        <p className="pte-notice pte-notice--danger" role="note">
          {t('detail.overdueNotice')}
        </p>
      ) : null}
      {p.statusReason && (p.status === 'cancelled' || p.status === 'suspended') ? (
        <p className="pte-notice" role="note">
          <strong>{t('fields.statusReason')}:</strong> {p.statusReason}
        </p>
      ) : null}
      <div className="pte-header__progress" data-testid="proposal-progress">
        <div className="pte-header__progress-label">
          <span className="field__label">{t('detail.progress')}</span>
          <span className="muted">
            {t('detail.stepsDone', { done: fmt.integer(p.doneSteps), total: fmt.integer(p.countedSteps) })}
          </span>
        </div>
        <PteProgress value={p.progress} size="lg" label={t('detail.progressLabel')} />
      </div>
      <dl className="dl-grid">
        {item(t('fields.officialNumber'), <span className="cell-strong">{p.officialNumber}</span>)}
        {item(t('fields.requestNumber'), p.requestNumber)}
        {item(
          t('fields.client'),
          <>
            {p.client.name} <span className="muted">({p.client.clientType})</span>
          </>,
        )}
        {item(t('fields.type'), p.type.name)}
        {item(t('fields.projectManager'), p.projectManager.name)}
        {item(t('fields.requestDate'), fmt.date(p.requestDate))}
        {item(
          t('fields.deliveryDate'),
          <span className={p.overdue ? 'pte-date--overdue' : undefined}>{fmt.date(p.deliveryDate)}</span>,
        )}
        {item(t('fields.durationDays'), fmt.integer(p.durationDays))}
        {item(t('fields.description'), <span className="pte-pre">{p.description}</span>, true)}
        {p.comment ? item(t('fields.comment'), <span className="pte-pre">{p.comment}</span>, true) : null}
        {item(t('fields.createdAt'), fmt.dateTime(p.createdAt))}
        {item(t('fields.updatedAt'), fmt.dateTime(p.updatedAt))}
      </dl>
    </section>
  )
}

export const ProposalDetailPage = () => {
  const { t } = useTranslation(['proposals', 'platform'])
  const { id } = useParams({ from: '/app/proposals/$id' })
  const navigate = useNavigate()
  const can = useCan()
  const toast = useToast()
  const detail = useQuery(proposalDetailQuery(id))
  const [editing, setEditing] = useState(false)
  const [target, setTarget] = useState<TProposalStatus | null>(null)
  const [deleting, setDeleting] = useState(false)
  const changeStatus = useChangeProposalStatus(id)
  const remove = useDeleteProposal(id)

  const back = (
    <Link to="/proposals" className="pte-back">
      ‹ {t('detail.back')}
    </Link>
  )

  if (detail.isPending) return <PagePending />
  if (detail.isError) {
    return (
      <PageLoadError
        error={detail.error}
        onRetry={() => void detail.refetch()}
        breadcrumb={back}
        title={t('title')}
        notFound={{
          title: t('detail.notFound'),
          action: (
            <Link to="/proposals" className={buttonClass('primary')}>
              {t('detail.back')}
            </Link>
          ),
        }}
      />
    )
  }

  const p = detail.data
  const live = !p.deleted
  const canEdit = live && can('proposal.update') && p.status !== 'finished' && p.status !== 'cancelled'

  return (
    <div className="page pte-detail">
      <PageHeader
        breadcrumb={back}
        title={
          <>
            {p.officialNumber}
            {detail.isFetching ? (
              <span className="spinner spinner--sm pte-title-spinner" aria-hidden="true" />
            ) : null}
          </>
        }
        subtitle={p.description}
        actions={
          live ? (
            <>
              {can('proposal.update') ? (
                <Button onClick={() => setEditing(true)}>{t('platform:actions.edit')}</Button>
              ) : null}
              {can('proposal.status') ? (
                <StatusMenu allowed={p.allowedTransitions} onPick={setTarget} />
              ) : null}
              {can('proposal.delete') ? (
                <Button variant="danger" onClick={() => setDeleting(true)}>
                  {t('platform:actions.delete')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {!live ? (
        <p className="pte-banner" role="status">
          {t('detail.deletedNotice')}
        </p>
      ) : null}

      {live ? <SaveWarnings id={p.id} /> : null}
      <HeaderCard p={p} />
      <CreateWorkOrderFromProposal
        proposalId={p.id}
        progress={p.progress}
        active={live && p.status !== 'cancelled'}
      />

      <section className="card card--flush pte-steps-card" aria-labelledby="pte-steps-title">
        <div className="pte-card-head">
          <h2 id="pte-steps-title" className="section-title">
            {t('detail.steps')}
          </h2>
        </div>
        {p.steps.length === 0 ? (
          <EmptyState title={t('detail.noSteps')} />
        ) : (
          <StepsTable proposalId={p.id} steps={p.steps} canEdit={canEdit} />
        )}
      </section>

      <section className="card pte-history">
        <AuditHistory entityType="proposal" entityId={p.id} title={t('detail.history')} />
      </section>

      {editing ? <EditProposalDialog proposal={p} onClose={() => setEditing(false)} /> : null}

      <ConfirmDialog
        open={target !== null}
        tone={target === 'cancelled' ? 'danger' : 'primary'}
        title={target ? t('detail.statusTitle', { status: t(`status.${target}`) }) : ''}
        confirmLabel={target ? t('detail.moveTo', { status: t(`status.${target}`) }) : undefined}
        reason={target && REASON_REQUIRED.has(target) ? 'required' : undefined}
        reasonLabel={t('detail.statusReason')}
        busy={changeStatus.isPending}
        onCancel={() => setTarget(null)}
        onConfirm={(reason) => {
          if (!target) return
          changeStatus.mutate(
            { status: target, ...(reason ? { reason } : {}) },
            {
              onSuccess: () => {
                toast.success(t('detail.statusChanged', { status: t(`status.${target}`) }))
                setTarget(null)
              },
              onError: (e) => toast.failure(e),
            },
          )
        }}
      >
        {target ? (
          <p>
            {t('detail.statusBody', {
              number: p.officialNumber,
              from: t(`status.${p.status}`),
              to: t(`status.${target}`),
            })}
          </p>
        ) : null}
      </ConfirmDialog>

      <ConfirmDialog
        open={deleting}
        title={t('detail.deleteTitle', { number: p.officialNumber })}
        confirmLabel={t('platform:actions.delete')}
        busy={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast.success(t('detail.deleted'))
              setDeleting(false)
              void navigate({ to: '/proposals' })
            },
            onError: (e) => {
              toast.failure(e)
              setDeleting(false)
            },
          })
        }
      >
        <p>{t('detail.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  )
}
