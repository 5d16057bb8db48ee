import { Suspense, useState, type ComponentType, type KeyboardEvent, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TWorkOrderDetail } from '@faena/contracts'
import {
  Button,
  EmptyState,
  PageHeader,
  PageLoadError,
  PagePending,
  buttonClass,
} from '../../platform/components'
import { useCan, useFormat } from '../../platform/session'
import { AuditHistory } from '../audit'
import { ScheduleProgressTab, ScheduleTab } from '../schedules'
import { WorkOrderConceptsTab } from '../work-order-concepts'
import { workOrderDetailQuery, workOrderFamilyQuery } from './api'
import { FamilyTab } from './family-tab'
import { DETAIL_TABS, type DetailTab } from './routes'
import { Amounts, DueBadge, OtProgress, StatusPill, TypeLabel } from './ui'
import { EditWorkOrderDialog } from './edit-work-order-dialog'
import { ReprogramDialog } from './reprogram-dialog'
import { WorkOrderSteps } from './work-order-steps'

/**
 * TAB SLOTS built by other modules: components exported (lazily loaded) from their index.ts, each
 * rendered with `{ workOrderId }`. A slot left null shows a placeholder.
 */
type SlotProps = { workOrderId: string }
const ConceptsSlot: ComponentType<SlotProps> | null = WorkOrderConceptsTab
const ScheduleSlot: ComponentType<SlotProps> | null = ScheduleTab
const ProgressSlot: ComponentType<SlotProps> | null = ScheduleProgressTab

const SlotPlaceholder = ({ module }: { module: string }) => {
  const { t } = useTranslation('work-orders')
  return (
    <div className="ot-slot" data-testid="ot-slot-placeholder">
      <span className="ot-slot__title">{t('detail.slotPending', { module })}</span>
    </div>
  )
}

const Item = ({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) => (
  <div className={wide ? 'ot-dl__item--wide' : undefined}>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
)

const DataTab = ({ w }: { w: TWorkOrderDetail }) => {
  const { t } = useTranslation(['work-orders', 'platform'])
  const fmt = useFormat()
  const dash = (v: string | null | undefined) => v || '—'
  const site = (k: 'vessel' | 'platform' | 'yard' | 'interconnection') => w.sites[k]?.name ?? '—'
  const legacyRefs = w.legacy
    ? Object.entries(w.legacy)
        .filter(([k, v]) => k.endsWith('Id') && v !== null)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ')
    : ''
  return (
    <div className="card">
      <h2 className="section-title">{t('form.sectionGeneral')}</h2>
      <dl className="ot-dl">
        <Item label={t('fields.number')}>
          <span className="cell-strong">{w.number}</span>
        </Item>
        <Item label={t('fields.type')}>
          <TypeLabel w={w} />
        </Item>
        <Item label={t('fields.officialDocument')}>{dash(w.officialDocument)}</Item>
        <Item label={t('fields.status')}>
          <StatusPill status={w.status} />
          {w.statusReason ? <span className="muted ot-sub">{w.statusReason}</span> : null}
        </Item>
        <Item label={t('fields.client')}>
          {w.client.name} <span className="muted">({w.client.clientType})</span>
        </Item>
        <Item label={t('fields.clientRepresentative')}>{dash(w.clientRepresentative)}</Item>
        <Item label={t('fields.projectManager')}>{w.projectManager.name}</Item>
        <Item label={t('fields.proposal')}>
          {w.proposal ? (
            <Link to="/proposals/$id" params={{ id: w.proposal.id }}>
              {w.proposal.officialNumber}
            </Link>
          ) : (
            '—'
          )}
        </Item>
        <Item label={t('fields.description')} wide>
          <span className="ot-pre">{w.description}</span>
        </Item>
        {w.comment ? (
          <Item label={t('fields.comment')} wide>
            <span className="ot-pre">{w.comment}</span>
          </Item>
        ) : null}
      </dl>
      <h2 className="section-title">{t('form.sectionDates')}</h2>
      <dl className="ot-dl">
        <Item label={t('fields.plannedStart')}>{fmt.date(w.plannedStart) || '—'}</Item>
        <Item label={t('fields.plannedEnd')}>{fmt.date(w.plannedEnd) || '—'}</Item>
        <Item label={t('fields.durationDays')}>
          {w.durationDays === null ? '—' : fmt.integer(w.durationDays)}
        </Item>
        <Item label={t('fields.actualStart')}>{fmt.date(w.actualStart) || '—'}</Item>
        <Item label={t('fields.actualEnd')}>{fmt.date(w.actualEnd) || '—'}</Item>
      </dl>
      <h2 className="section-title">{t('form.sectionSites')}</h2>
      <dl className="ot-dl">
        <Item label={t('fields.front')}>{w.front?.name ?? '—'}</Item>
        <Item label={t('fields.vesselId')}>{site('vessel')}</Item>
        <Item label={t('fields.platformId')}>{site('platform')}</Item>
        <Item label={t('fields.yardId')}>{site('yard')}</Item>
        <Item label={t('fields.interconnectionId')}>{site('interconnection')}</Item>
        <Item label={t('fields.requiresYardPhase')}>
          {w.requiresYardPhase
            ? `${fmt.date(w.yardStart) || '—'} – ${fmt.date(w.yardEnd) || '—'}`
            : t('platform:common.no')}
        </Item>
      </dl>
      <h2 className="section-title">{t('form.sectionAmounts')}</h2>
      <dl className="ot-dl">
        <Item label={t('fields.amountMxn')}>{fmt.money(w.amountMxn, 'MXN')}</Item>
        <Item label={t('fields.amountUsd')}>{fmt.money(w.amountUsd, 'USD')}</Item>
        <Item label={t('fields.createdAt')}>{fmt.dateTime(w.createdAt)}</Item>
        <Item label={t('fields.updatedAt')}>{fmt.dateTime(w.updatedAt)}</Item>
      </dl>
      {w.legacy ? (
        <p className="ot-legacy">
          <strong>{t('detail.legacy')}.</strong> {t('detail.legacyHint', { refs: legacyRefs })}
        </p>
      ) : null}
    </div>
  )
}

const Summary = ({ w }: { w: TWorkOrderDetail }) => {
  const { t } = useTranslation('work-orders')
  const fmt = useFormat()
  return (
    <section className="card ot-summary" aria-label={t('detail.tabs.data')} data-testid="ot-summary">
      <div>
        <div className="ot-summary__badges">
          <StatusPill status={w.status} />
          <TypeLabel w={w} />
          {w.remainingDays !== null ? (
            <span data-testid="ot-due">
              <DueBadge w={w} />
            </span>
          ) : null}
          {w.front ? <span className="muted">{w.front.name}</span> : null}
        </div>
        <div className="muted">
          {w.client.name} · {w.projectManager.name}
          {w.proposal ? ` · ${t('fields.proposal')} ${w.proposal.officialNumber}` : ''}
        </div>
        <div className="muted">
          {t('fields.programmed')}: {fmt.date(w.plannedStart) || '—'} – {fmt.date(w.plannedEnd) || '—'}
          {w.actualStart || w.actualEnd
            ? ` · ${t('fields.real')}: ${fmt.date(w.actualStart) || '—'} – ${fmt.date(w.actualEnd) || '—'}`
            : ''}
          {w.familyEnd && w.familyEnd !== w.plannedEnd
            ? ` · ${t('due.familyEnd', { date: fmt.date(w.familyEnd) })}`
            : ''}
        </div>
        <Amounts mxn={w.amountMxn} usd={w.amountUsd} inline />
      </div>
      <div data-testid="ot-progress">
        <div className="ot-summary__label">
          <span className="field__label">{t('fields.progress')}</span>
          <span className="muted">
            {t('detail.stepsDone', { done: fmt.integer(w.doneSteps), total: fmt.integer(w.countedSteps) })}
          </span>
        </div>
        <OtProgress value={w.progress} size="lg" label={t('detail.progressLabel')} />
      </div>
      <div>
        <div className="ot-summary__label">
          <span className="field__label">{t('fields.timeProgress')}</span>
          {w.timeProgress === null ? <span className="muted">{t('detail.noTime')}</span> : null}
        </div>
        {w.timeProgress === null ? null : (
          <OtProgress value={w.timeProgress} size="lg" time label={t('detail.timeLabel')} />
        )}
      </div>
    </section>
  )
}

export const WorkOrderDetailPage = () => {
  const { t } = useTranslation(['work-orders', 'platform'])
  const { id } = useParams({ from: '/app/work-orders/$id' })
  const search = useSearch({ from: '/app/work-orders/$id' })
  const navigate = useNavigate({ from: '/work-orders/$id' })
  const can = useCan()
  const detail = useQuery(workOrderDetailQuery(id))
  const family = useQuery({ ...workOrderFamilyQuery(id), enabled: detail.isSuccess })
  const [dialog, setDialog] = useState<'edit' | 'reprogram' | null>(null)
  const tab: DetailTab = search.tab ?? 'data'
  const setTab = (next: DetailTab) =>
    void navigate({ search: { tab: next === 'data' ? undefined : next }, replace: true })

  const back = (
    <Link to="/work-orders" className="ot-back">
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
            <Link to="/work-orders" className={buttonClass('primary')}>
              {t('detail.back')}
            </Link>
          ),
        }}
      />
    )
  }

  const w = detail.data
  const versions = family.data?.versions.length ?? 1
  const nextNumber = versions
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = DETAIL_TABS.indexOf(tab)
    const to =
      e.key === 'ArrowRight'
        ? DETAIL_TABS[(i + 1) % DETAIL_TABS.length]
        : e.key === 'ArrowLeft'
          ? DETAIL_TABS[(i - 1 + DETAIL_TABS.length) % DETAIL_TABS.length]
          : undefined
    if (!to) return
    e.preventDefault()
    setTab(to)
    setTimeout(() => document.getElementById(`ot-tab-${to}`)?.focus(), 0)
  }
  const reprogramButton = can('workOrder.create') ? (
    <Button onClick={() => setDialog('reprogram')} data-testid="reprogram">
      {t('detail.reprogram')}
    </Button>
  ) : null

  return (
    <div className="page ot-detail">
      <PageHeader
        breadcrumb={back}
        title={
          <>
            {w.number}
            {w.type === 'reprogramming' ? (
              <span className="muted"> · {t('list.reprogrammingN', { n: w.reprogrammingNumber })}</span>
            ) : null}
          </>
        }
        subtitle={w.description}
        actions={
          <>
            {can('workOrder.update') ? (
              <Button onClick={() => setDialog('edit')}>{t('detail.edit')}</Button>
            ) : null}
            {reprogramButton}
          </>
        }
      />
      <Summary w={w} />

      <div className="ot-tabs" role="tablist" aria-label={t('detail.tabsLabel')} onKeyDown={onTabKey}>
        {DETAIL_TABS.map((k) => (
          <button
            key={k}
            id={`ot-tab-${k}`}
            type="button"
            role="tab"
            className="ot-tab"
            aria-selected={tab === k}
            aria-controls={`ot-panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
          >
            {t(`detail.tabs.${k}`)}
            {k === 'reprogrammings' && versions > 1 ? (
              <span className="ot-tab__count">{versions - 1}</span>
            ) : null}
          </button>
        ))}
      </div>

      <div className="ot-panel" role="tabpanel" id={`ot-panel-${tab}`} aria-labelledby={`ot-tab-${tab}`}>
        {tab === 'data' ? <DataTab w={w} /> : null}
        {tab === 'steps' ? (
          <section className="card card--flush">
            {w.status === 'cancelled' ? <p className="ot-banner">{t('detail.cancelledSteps')}</p> : null}
            {w.steps.length === 0 ? (
              <EmptyState title={t('detail.noSteps')} />
            ) : (
              <WorkOrderSteps
                workOrderId={w.id}
                steps={w.steps}
                canEdit={can('workOrder.update') && w.status !== 'cancelled'}
              />
            )}
          </section>
        ) : null}
        {/* slot: work-order concepts module (WorkOrderConceptsTab) */}
        {tab === 'concepts' ? (
          <section className="card">
            {ConceptsSlot ? (
              <Suspense fallback={<p className="muted">{t('platform:common.loading')}</p>}>
                <ConceptsSlot workOrderId={w.id} />
              </Suspense>
            ) : (
              <SlotPlaceholder module={t('detail.slotConcepts')} />
            )}
          </section>
        ) : null}
        {/* slot: schedules module (ScheduleTab) */}
        {tab === 'schedule' ? (
          <section className="card">
            {ScheduleSlot ? (
              <Suspense fallback={<p className="muted">{t('platform:common.loading')}</p>}>
                <ScheduleSlot workOrderId={w.id} />
              </Suspense>
            ) : (
              <SlotPlaceholder module={t('detail.slotSchedule')} />
            )}
          </section>
        ) : null}
        {/* slot: schedules module (ScheduleProgressTab) */}
        {tab === 'progress' ? (
          <section className="card">
            {ProgressSlot ? (
              <Suspense fallback={<p className="muted">{t('platform:common.loading')}</p>}>
                <ProgressSlot workOrderId={w.id} />
              </Suspense>
            ) : (
              <SlotPlaceholder module={t('detail.slotSchedule')} />
            )}
          </section>
        ) : null}
        {tab === 'reprogrammings' ? (
          <section className="card">
            <FamilyTab workOrderId={w.id} action={reprogramButton} />
          </section>
        ) : null}
        {tab === 'activity' ? (
          <section className="card">
            <AuditHistory entityType="work_order" entityId={w.id} title={t('detail.history')} />
          </section>
        ) : null}
      </div>

      {dialog === 'edit' ? <EditWorkOrderDialog workOrder={w} onClose={() => setDialog(null)} /> : null}
      {dialog === 'reprogram' ? (
        <ReprogramDialog workOrder={w} nextNumber={nextNumber} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  )
}
