import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import {
  Button,
  buttonClass,
  ConfirmDialog,
  EmptyState,
  PageHeader,
  PageLoadError,
  PagePending,
  useToast,
} from '../../platform/components'
import { downloadFile } from '../../platform/api'
import { useCan, useFormat } from '../../platform/session'
import { blankPdfUrl, inspectionPdfUrl, unitConditionQuery, useDeleteInspection } from './api'
import { InspectionForm } from './inspection-form'
import { RepairReturnDialog } from './repair-return-dialog'
import { RepairSendDialog } from './repair-send-dialog'
import { TechnicalStatusBadge } from './ui'
import './equipment-condition.css'

/** A unit's technical status: summary, inspection form, inspections (PDF, delete), repairs, the blank checklist. */
export const UnitConditionPage = () => {
  const { t } = useTranslation(['equipment-condition', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const toast = useToast()
  const { id } = useParams({ from: '/app/rental/equipment/$id/condition' })
  const q = useQuery(unitConditionQuery(id))
  const del = useDeleteInspection()
  const [inspecting, setInspecting] = useState(false)
  const [repair, setRepair] = useState<'send' | 'return' | null>(null)
  const [toDelete, setToDelete] = useState<{ id: string; date: string } | null>(null)
  const pdf = (url: string) => void downloadFile(url).catch((e: unknown) => toast.failure(e))
  const breadcrumb = <Link to="/rental/equipment-status">{t('report.title')}</Link>
  if (q.isPending) return <PagePending />
  if (q.error)
    return (
      <PageLoadError
        error={q.error}
        onRetry={() => void q.refetch()}
        breadcrumb={breadcrumb}
        title={t('unit.notFound')}
        notFound={{
          title: t('unit.notFound'),
          action: (
            <Link to="/rental/equipment-status" className={buttonClass('secondary')}>
              {t('report.title')}
            </Link>
          ),
        }}
      />
    )
  const c = q.data
  const u = c.unit
  const canInspect = can('equipmentCondition.inspect')
  return (
    <div className="page">
      <PageHeader
        breadcrumb={breadcrumb}
        title={t('unit.title', { code: u.code })}
        subtitle={`${u.name}${u.type ? ` · ${t(`types.${u.type}`)}` : ''}`}
        actions={
          <>
            <Button onClick={() => pdf(blankPdfUrl(u.equipmentId))}>{t('common.blankPdf')}</Button>
            {canInspect && u.status !== 'rented' ? (
              c.openRepair ? (
                <Button onClick={() => setRepair('return')}>{t('unit.returnFromRepair')}</Button>
              ) : (
                <Button onClick={() => setRepair('send')}>{t('unit.sendToRepair')}</Button>
              )
            ) : null}
            {canInspect && c.checklist.length > 0 && !inspecting ? (
              <Button variant="primary" onClick={() => setInspecting(true)}>
                {t('unit.inspect')}
              </Button>
            ) : null}
          </>
        }
      />
      <section className="card">
        <dl className="ec-summary">
          <div>
            <dt>{t('unit.status')}</dt>
            <dd>
              <TechnicalStatusBadge status={u.status} />
            </dd>
          </div>
          <div>
            <dt>{t('unit.project')}</dt>
            <dd>{u.projectName ?? t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('unit.location')}</dt>
            <dd>{u.location ?? t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('unit.lastInspection')}</dt>
            <dd>
              {u.lastInspectedOn ? fmt.date(u.lastInspectedOn) : t('report.never')}
              {u.missingCount ? ` · ${t('report.missing', { count: u.missingCount })}` : ''}
              {u.damagedCount ? ` · ${t('report.damagedItems', { count: u.damagedCount })}` : ''}
            </dd>
          </div>
        </dl>
        {c.openRepair ? (
          <p role="status">
            {t('unit.inRepairSince', { date: fmt.date(c.openRepair.sentOn), reason: c.openRepair.reason })}
          </p>
        ) : null}
        {!u.type ? <p className="muted">{t('unit.noType')}</p> : null}
        {u.type && c.checklist.length === 0 ? (
          <EmptyState
            title={t('unit.noChecklist')}
            action={
              <Link
                to="/rental/equipment-checklists"
                search={{ type: u.type }}
                className={buttonClass('secondary')}
              >
                {t('unit.editChecklist')}
              </Link>
            }
          />
        ) : null}
      </section>
      {inspecting ? (
        <InspectionForm
          equipmentId={u.equipmentId}
          code={u.code}
          items={c.checklist}
          onDone={() => setInspecting(false)}
        />
      ) : null}
      <section className="card" aria-labelledby="ec-inspections">
        <h2 id="ec-inspections" className="ec-h2">
          {t('unit.inspections')}
        </h2>
        {c.inspections.length === 0 ? (
          <EmptyState title={t('unit.noInspections')} />
        ) : (
          <table className="ec-grid">
            <thead>
              <tr>
                <th scope="col">{t('form.date')}</th>
                <th scope="col">{t('unit.inspector')}</th>
                <th scope="col">{t('report.findings')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.pdf')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {c.inspections.map((i) => (
                <tr key={i.id} data-testid="inspection-history-row">
                  <td>{fmt.date(i.inspectedOn)}</td>
                  <td>{i.inspectorName}</td>
                  <td>
                    {[
                      i.missingCount ? t('report.missing', { count: i.missingCount }) : null,
                      i.damagedCount ? t('report.damagedItems', { count: i.damagedCount }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ') || t('common.none')}
                  </td>
                  <td className="ec-item__actions">
                    <Button size="sm" onClick={() => pdf(inspectionPdfUrl(i.id))}>
                      {t('common.pdf')}
                    </Button>
                    {can('equipmentCondition.manage') ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setToDelete({ id: i.id, date: i.inspectedOn })}
                      >
                        {t('unit.deleteInspection')}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="ec-repairs">
        <h2 id="ec-repairs" className="ec-h2">
          {t('unit.repairs')}
        </h2>
        {c.repairs.length === 0 ? (
          <p className="muted">{t('unit.noRepairs')}</p>
        ) : (
          <ul>
            {c.repairs.map((r) => (
              <li key={r.id}>
                {t('unit.repairRow', {
                  sent: fmt.date(r.sentOn),
                  returned: r.returnedOn ? fmt.date(r.returnedOn) : t('unit.open'),
                })}{' '}
                — {r.reason}
                {r.returnNotes ? ` (${r.returnNotes})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      {repair === 'send' ? (
        <RepairSendDialog equipmentId={u.equipmentId} onClose={() => setRepair(null)} />
      ) : repair === 'return' ? (
        <RepairReturnDialog equipmentId={u.equipmentId} onClose={() => setRepair(null)} />
      ) : null}
      <ConfirmDialog
        open={toDelete !== null}
        title={toDelete ? t('unit.deleteTitle', { date: fmt.date(toDelete.date) }) : ''}
        confirmLabel={t('unit.deleteInspection')}
        busy={del.isPending}
        onConfirm={() =>
          toDelete &&
          del.mutate(toDelete.id, {
            onSuccess: () => {
              toast.success(t('unit.deleted'))
              setToDelete(null)
            },
            onError: (e) => toast.failure(e),
          })
        }
        onCancel={() => setToDelete(null)}
      >
        {t('unit.deleteBody')}
      </ConfirmDialog>
    </div>
  )
}
