import { useState, type KeyboardEvent, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TRentalAssignment, TRentalProject } from '@faena/contracts'
import { isApiError } from '../../platform/api'
import { ProjectDossierButton } from '../rental-dossiers'
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  Icon,
  PageHeader,
  StatusBadge,
  type Column,
} from '../../platform/components'
import { useCan, useFormat } from '../../platform/session'
import { assignmentsQuery, projectQuery } from './api'
import { AssignDialog } from './assign-dialog'
import { CloseProjectDialog } from './close-project-dialog'
import { DeleteAssignmentDialog } from './delete-assignment-dialog'
import { EditAssignmentDialog } from './edit-assignment-dialog'
import { ReactivateDialog } from './reactivate-dialog'
import { RetireDialog } from './retire-dialog'
import { CalendarPanel } from './calendar-panel'
import { ProjectDialog } from './project-dialog'
import type { ProjectSearch } from './routes'
import { ProjectStatusBadge, todayIn, useFrequencyText } from './ui'

type Action = { kind: 'retire' | 'reactivate' | 'delete' | 'edit'; assignment: TRentalAssignment }
const TABS = ['assignments', 'calendar'] as const

const HeaderCard = ({ p }: { p: TRentalProject }) => {
  const { t } = useTranslation('rental-projects')
  const fmt = useFormat()
  const item = (label: string, value: ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value ?? t('common.none')}</dd>
    </div>
  )
  return (
    <section className="card rp-header" aria-labelledby="rp-header-title" data-testid="rental-project-header">
      <div className="rp-header__top">
        <h2 id="rp-header-title" className="section-title">
          {t('detail.header')}
        </h2>
        <ProjectStatusBadge closed={p.closed} />
      </div>
      <dl className="rp-dl">
        {item(
          t('projects.fields.client'),
          <>
            {p.client.name} <span className="rp-sub rp-code">{p.client.taxId}</span>
          </>,
        )}
        {item(t('projects.fields.location'), p.location)}
        {item(t('projects.fields.cardinalPoint'), p.cardinalPoint ? t(`cardinal.${p.cardinalPoint}`) : null)}
        {item(
          t('projects.fields.contactName'),
          p.contactName ? (
            <>
              {p.contactName}
              {p.contactPhone ? <span className="rp-sub">{p.contactPhone}</span> : null}
            </>
          ) : null,
        )}
        {item(t('projects.fields.startDate'), fmt.date(p.startDate))}
        {item(t('projects.fields.endDate'), p.endDate ? fmt.date(p.endDate) : null)}
        {p.notes ? item(t('projects.fields.notes'), p.notes) : null}
      </dl>
      <div className="rp-stats">
        <div className="rp-stat">
          <span className="rp-stat__value">{fmt.integer(p.activeEquipment)}</span>
          <span className="rp-stat__label">{t('projects.fields.equipment')}</span>
        </div>
        <div className="rp-stat">
          <span className="rp-stat__value">{fmt.integer(p.activeServices)}</span>
          <span className="rp-stat__label">{t('projects.fields.services')}</span>
        </div>
        <div className="rp-stat">
          <span className="rp-stat__value">{fmt.money(p.dailyRental, 'USD')}</span>
          <span className="rp-stat__label">{t('projects.fields.dailyRental')}</span>
        </div>
      </div>
    </section>
  )
}

const AssignmentsPanel = ({
  project,
  showRetired,
  onShowRetired,
  today,
}: {
  project: TRentalProject
  showRetired: boolean
  onShowRetired: (v: boolean) => void
  today: string
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const frequencyText = useFrequencyText()
  const list = useQuery(assignmentsQuery(project.id))
  const [assigning, setAssigning] = useState(false)
  const [action, setAction] = useState<Action | null>(null)
  const editable = can('rental.manage') && !project.closed
  const all = list.data?.items ?? []
  const rows = showRetired ? all : all.filter((a) => a.status === 'active')

  const columns: Column<TRentalAssignment>[] = [
    {
      key: 'item',
      header: t('assignments.columns.item'),
      cell: (a) => (
        <div>
          <span className="rp-code">{a.equipment.code}</span>{' '}
          <StatusBadge tone={a.kind === 'equipment' ? 'info' : 'neutral'}>{t(`kind.${a.kind}`)}</StatusBadge>
          <span className="rp-sub">
            {a.equipment.name}
            {a.equipment.type ? ` · ${t(`type.${a.equipment.type}`)}` : ''}
            {a.linkedEquipment ? ` · ${t('assignments.linkedTo', { code: a.linkedEquipment.code })}` : ''}
          </span>
          <span className="rp-sub rp-billing-text" title={t('assignments.columns.description')}>
            {a.description}
          </span>
        </div>
      ),
    },
    {
      key: 'rate',
      header: t('assignments.columns.rate'),
      align: 'end',
      width: '8rem',
      cell: (a) => (
        <div>
          <span className="nowrap">{fmt.money(a.dailyRate, 'USD')}</span>
          <span className="rp-sub">
            {a.kind === 'equipment' ? t('assignments.perDay') : t('assignments.perVisit')}
          </span>
          {/* the rate history (docs/rental-projects.md#rate-history): each earlier rate until its change */}
          {a.rates.length > 1
            ? a.rates.map((r, i) =>
                i === a.rates.length - 1 ? null : (
                  <span key={r.from ?? 'start'} className="rp-sub" data-testid="assignment-rate-history">
                    {t('assignments.rateUntil', {
                      rate: fmt.money(r.dailyRate, 'USD'),
                      date: fmt.date(a.rates[i + 1]!.from),
                    })}
                  </span>
                ),
              )
            : null}
        </div>
      ),
    },
    {
      key: 'frequency',
      header: t('assignments.columns.frequency'),
      width: '10rem',
      cell: (a) => <span>{frequencyText(a)}</span>,
    },
    {
      key: 'operation',
      header: t('assignments.columns.operation'),
      width: '10rem',
      cell: (a) => (
        <span className="nowrap">
          {a.operationEnd
            ? t('assignments.range', { from: fmt.date(a.operationStart), to: fmt.date(a.operationEnd) })
            : t('assignments.from', { date: fmt.date(a.operationStart) })}
        </span>
      ),
    },
    {
      key: 'status',
      header: t('assignments.columns.status'),
      width: '9rem',
      cell: (a) =>
        a.status === 'active' ? (
          <StatusBadge tone="success">{t('common.active')}</StatusBadge>
        ) : (
          <div title={a.retirementReason ?? undefined}>
            <StatusBadge tone="neutral">{t('common.retired')}</StatusBadge>
            <span className="rp-sub">{t('assignments.retiredOn', { date: fmt.date(a.retiredOn) })}</span>
            {a.retirementReason ? <span className="rp-sub">{a.retirementReason}</span> : null}
          </div>
        ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            header: <span className="visually-hidden">{t('assignments.columns.actions')}</span>,
            headerLabel: t('assignments.columns.actions'),
            width: '15rem',
            cell: (a: TRentalAssignment) => (
              <div
                className="rp-actions"
                role="group"
                aria-label={t('assignments.actionsFor', { code: a.equipment.code })}
              >
                {a.status === 'active' ? (
                  <>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setAction({ kind: 'edit', assignment: a })}
                    >
                      {t('platform:actions.edit')}
                    </Button>
                    <Button
                      size="sm"
                      onClick={() => setAction({ kind: 'retire', assignment: a })}
                      data-testid={`retire-${a.equipment.code}`}
                    >
                      {t('assignments.retire')}
                    </Button>
                  </>
                ) : (
                  <Button
                    size="sm"
                    onClick={() => setAction({ kind: 'reactivate', assignment: a })}
                    data-testid={`reactivate-${a.equipment.code}`}
                  >
                    {t('assignments.reactivate')}
                  </Button>
                )}
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={!a.deletable}
                  title={a.deletable ? undefined : t('assignments.notDeletable')}
                  onClick={() => setAction({ kind: 'delete', assignment: a })}
                  data-testid={`delete-${a.equipment.code}`}
                >
                  {t('assignments.delete')}
                </Button>
              </div>
            ),
          } satisfies Column<TRentalAssignment>,
        ]
      : []),
  ]

  return (
    <section className="card card--flush">
      <div className="rp-toolbar">
        <span className="muted">
          {t('assignments.summary', {
            equipment: t('assignments.equipmentActive', { count: project.activeEquipment }),
            services: t('assignments.servicesActive', { count: project.activeServices }),
            rental: fmt.money(project.dailyRental, 'USD'),
          })}
        </span>
        <div className="rp-actions">
          <label className="rp-toggle">
            <input type="checkbox" checked={showRetired} onChange={(e) => onShowRetired(e.target.checked)} />
            {t('assignments.showRetired')}
          </label>
          {editable ? (
            <Button
              variant="primary"
              icon={<Icon name="plus" />}
              onClick={() => setAssigning(true)}
              data-testid="assign-open"
            >
              {t('assignments.assign')}
            </Button>
          ) : null}
        </div>
      </div>
      <DataTable
        caption={t('assignments.caption')}
        columns={columns}
        rows={list.data ? rows : undefined}
        rowKey={(a) => a.id}
        loading={list.isPending}
        fetching={list.isFetching && !list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={all.length === 0 ? t('assignments.empty') : t('assignments.emptyActive')}
      />
      {assigning ? (
        <AssignDialog project={project} assignments={all} onClose={() => setAssigning(false)} />
      ) : null}
      {action?.kind === 'retire' ? (
        <RetireDialog assignment={action.assignment} today={today} onClose={() => setAction(null)} />
      ) : null}
      {action?.kind === 'reactivate' ? (
        <ReactivateDialog assignment={action.assignment} onClose={() => setAction(null)} />
      ) : null}
      {action?.kind === 'delete' ? (
        <DeleteAssignmentDialog assignment={action.assignment} onClose={() => setAction(null)} />
      ) : null}
      {action?.kind === 'edit' ? (
        <EditAssignmentDialog assignment={action.assignment} onClose={() => setAction(null)} />
      ) : null}
    </section>
  )
}

export const ProjectDetailPage = () => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const { id } = useParams({ from: '/app/rental/projects/$id' })
  const search = useSearch({ from: '/app/rental/projects/$id' })
  const navigate = useNavigate({ from: '/rental/projects/$id' })
  const fmt = useFormat()
  const can = useCan()
  const project = useQuery(projectQuery(id))
  const [editing, setEditing] = useState(false)
  const [closing, setClosing] = useState(false)
  const today = todayIn(fmt.timeZone)
  const tab = search.tab ?? 'assignments'
  const setSearch = (patch: Partial<ProjectSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })

  if (project.error) {
    return (
      <div className="page">
        {isApiError(project.error) && project.error.code === 'NOT_FOUND' ? (
          <EmptyState title={t('detail.notFound')}>
            <Link to="/rental/projects">{t('detail.back')}</Link>
          </EmptyState>
        ) : (
          <ErrorState error={project.error} onRetry={() => void project.refetch()} />
        )}
      </div>
    )
  }
  if (!project.data) return <div className="page page--pending" aria-busy="true" />
  const p = project.data

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!
    setSearch({ tab: next === 'assignments' ? undefined : next })
    document.getElementById(`rp-tab-${next}`)?.focus()
  }

  return (
    <div className="page">
      <PageHeader
        breadcrumb={<Link to="/rental/projects">{t('detail.back')}</Link>}
        title={p.name}
        subtitle={`${p.client.name}${p.location ? ` · ${p.location}` : ''}`}
        actions={
          <>
            {/* the project's uploaded files in one PDF, by scope (docs/rental-dossiers.md) */}
            <ProjectDossierButton projectId={p.id} />
            {can('rental.manage') && !p.closed ? (
              <>
                <Button onClick={() => setEditing(true)}>{t('detail.edit')}</Button>
                <Button variant="danger" onClick={() => setClosing(true)} data-testid="close-project">
                  {t('detail.close')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {p.closed && p.closedOn ? (
        <p className="rp-banner" role="status">
          {t('detail.closedBanner', { date: fmt.date(p.closedOn, 'long') })}
        </p>
      ) : null}
      <HeaderCard p={p} />
      <div className="rp-tabs" role="tablist" aria-label={t('detail.tabsLabel')} onKeyDown={onTabKey}>
        {TABS.map((k) => (
          <button
            key={k}
            id={`rp-tab-${k}`}
            type="button"
            role="tab"
            className="rp-tab"
            aria-selected={tab === k}
            aria-controls={`rp-panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setSearch({ tab: k === 'assignments' ? undefined : k })}
          >
            {t(`detail.tabs.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`rp-panel-${tab}`} aria-labelledby={`rp-tab-${tab}`}>
        {tab === 'assignments' ? (
          <AssignmentsPanel
            project={p}
            today={today}
            showRetired={search.retired ?? true}
            onShowRetired={(v) => setSearch({ retired: v ? undefined : false })}
          />
        ) : (
          <CalendarPanel
            projectId={p.id}
            month={search.month}
            today={today}
            hasServices={p.activeServices > 0 || p.closed}
            onMonth={(month) => setSearch({ month })}
          />
        )}
      </div>
      {editing ? <ProjectDialog project={p} today={today} onClose={() => setEditing(false)} /> : null}
      {closing ? <CloseProjectDialog project={p} today={today} onClose={() => setClosing(false)} /> : null}
    </div>
  )
}
