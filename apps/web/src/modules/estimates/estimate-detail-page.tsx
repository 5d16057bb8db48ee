import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TEstimate } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  PageHeader,
  PageLoadError,
  PagePending,
  buttonClass,
  useToast,
} from '../../platform/components'
import { useCan, useFormat } from '../../platform/session'
import { AuditHistory } from '../audit'
import { estimateQuery, useEstimateAction, type EstimateAction } from './api'
import { AdjustmentsForm } from './adjustments-form'
import { SelectionCard, UnbilledCard } from './estimate-parts'
import { SubmitDialog } from './submit-dialog'
import { EstimateDownloads } from './estimate-downloads'
import { SettingsDialog } from './settings-dialog'
import { AccountCard, BillingActions, BillingNote } from './estimate-billing-parts'
import { EstimateStatusBadge } from './ui'
import './estimates.css'

type Confirm = 'review' | 'approve' | 'return' | 'cancel' | 'submit' | { removeAdjustment: string } | null

/** One estimate: what it bills, its lines, deductions and totals, and its workflow. */
export const EstimateDetailPage = () => {
  const { t } = useTranslation(['estimates', 'platform'])
  const { id } = useParams({ from: '/app/estimates/$id' })
  const q = useQuery(estimateQuery(id))
  const back = (
    <Link to="/estimates" className="breadcrumb">
      {t('detail.back')}
    </Link>
  )
  if (q.isPending) return <PagePending />
  if (q.isError)
    return (
      <PageLoadError
        error={q.error}
        onRetry={() => void q.refetch()}
        breadcrumb={back}
        title={t('title')}
        notFound={{
          title: t('title'),
          action: (
            <Link to="/estimates" className={buttonClass('primary')}>
              {t('detail.back')}
            </Link>
          ),
        }}
      />
    )
  return <EstimateView e={q.data} back={back} />
}

const EstimateView = ({ e, back }: { e: TEstimate; back: React.ReactNode }) => {
  const { t } = useTranslation(['estimates', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const toast = useToast()
  const action = useEstimateAction(e.id)
  const [confirm, setConfirm] = useState<Confirm>(null)
  const [settings, setSettings] = useState(false)
  /** `fieldError` puts a 400's field messages under a form's fields (true when one matched) */
  const run = (a: EstimateAction, message = t('detail.done'), fieldError?: (err: unknown) => boolean) =>
    action.mutate(a, {
      onSuccess: () => {
        toast.success(message)
        setConfirm(null)
      },
      onError: (err) => {
        if (!fieldError?.(err)) toast.failure(err)
      },
    })
  const draft = e.status === 'draft' && can('estimate.manage')
  const mxn = (v: string) => fmt.money(v, 'MXN', { code: true })
  const usd = (v: string) => fmt.money(v, 'USD', { code: true })
  const qty = (v: string) => fmt.quantity(v, { maxFractionDigits: 6 })
  const rate = e.exchangeRate ?? e.suggestedExchangeRate

  return (
    <div className="page estimate">
      {back}
      <PageHeader
        title={`${t('name', { number: e.number })} — ${e.workOrderNumber}`}
        subtitle={`${t(`type.${e.type}`)} · ${fmt.date(e.periodStart)} – ${fmt.date(e.periodEnd)}`}
        actions={
          <div className="estimate__actions">
            <EstimateStatusBadge status={e.status} />
            <EstimateDownloads id={e.id} />
            {can('estimate.manage') ? (
              <Button onClick={() => setSettings(true)}>{t('settings.open')}</Button>
            ) : null}
            {draft ? (
              <>
                <Button onClick={() => setConfirm('cancel')}>{t('detail.cancel')}</Button>
                <Button variant="primary" onClick={() => setConfirm('review')}>
                  {t('detail.review')}
                </Button>
              </>
            ) : null}
            {e.status === 'in_review' && can('estimate.manage') ? (
              <>
                <Button onClick={() => setConfirm('return')}>{t('detail.return')}</Button>
                <Button variant="primary" onClick={() => setConfirm('submit')}>
                  {t('detail.submit')}
                </Button>
              </>
            ) : null}
            {e.status === 'submitted' && can('estimate.approve') ? (
              <>
                <Button onClick={() => setConfirm('return')}>{t('detail.return')}</Button>
                <Button variant="primary" onClick={() => setConfirm('approve')}>
                  {t('detail.approve')}
                </Button>
              </>
            ) : null}
            <BillingActions e={e} />
          </div>
        }
      />
      {e.returnReason && e.status === 'draft' ? (
        <p className="estimate__note" role="status">
          {t('detail.returned', {
            date: fmt.dateTime(e.returnedAt),
            who: e.returnedBy?.name ?? '—',
            reason: e.returnReason,
          })}
        </p>
      ) : null}

      <BillingNote e={e} />

      {/* a price adjustment bills no production (docs/estimates.md#types): only price-difference lines */}
      {draft && e.type !== 'price_adjustment' ? (
        <SelectionCard
          e={e}
          onApply={(body, onError) => run({ kind: 'selection', body }, undefined, onError)}
          busy={action.isPending}
        />
      ) : null}

      <section className="card">
        <h2 className="card__title">{t('detail.lines')}</h2>
        <p className="muted">{t('detail.cells', { count: e.cells.length })}</p>
        {e.lines.length === 0 ? (
          <p className="muted">{t('detail.noLines')}</p>
        ) : (
          <div className="estimate__scroll">
            <table className="table estimate__table">
              <thead>
                <tr>
                  <th>{t('detail.code')}</th>
                  <th>{t('detail.description')}</th>
                  <th>{t('detail.unit')}</th>
                  <th className="cell--end">{t('detail.priceMxn')}</th>
                  <th className="cell--end">{t('detail.priceUsd')}</th>
                  <th className="cell--end">{t('detail.authorized')}</th>
                  <th className="cell--end">{t('detail.previous')}</th>
                  <th className="cell--end">{t('detail.thisEstimate')}</th>
                  <th className="cell--end">{t('detail.accumulated')}</th>
                  <th className="cell--end">{t('detail.remaining')}</th>
                  <th className="cell--end">{t('detail.amountMxn')}</th>
                  <th className="cell--end">{t('detail.amountUsd')}</th>
                  {draft ? <th /> : null}
                </tr>
              </thead>
              <tbody>
                {e.lines.map((l) => (
                  <tr
                    key={`${l.kind}-${l.conceptId}-${l.adjustmentId ?? ''}`}
                    className={l.kind === 'deductive' ? 'estimate__deductive' : ''}
                  >
                    <td className="cell-strong">{l.code}</td>
                    <td>
                      {l.description}
                      {l.kind === 'deductive' ? (
                        <span className="muted estimate__sub">
                          {t('detail.deductive')}: {l.reason}
                        </span>
                      ) : l.kind === 'price_difference' ? (
                        <span className="muted estimate__sub">
                          {t('billing.priceDifference')}: {l.reason}
                        </span>
                      ) : null}
                      {l.excessQuantity !== '0' ? (
                        <span className="muted estimate__sub">
                          {t('detail.excessNote', { quantity: qty(l.excessQuantity) })}
                        </span>
                      ) : null}
                    </td>
                    <td>{l.unit}</td>
                    <td className="cell--end">{mxn(l.unitPriceMxn)}</td>
                    <td className="cell--end">{usd(l.unitPriceUsd)}</td>
                    <td className="cell--end">{qty(l.authorizedQuantity)}</td>
                    <td className="cell--end">{qty(l.previousQuantity)}</td>
                    <td className="cell--end cell-strong">{qty(l.quantity)}</td>
                    <td className="cell--end">{qty(l.accumulatedQuantity)}</td>
                    <td className="cell--end">{qty(l.remainingQuantity)}</td>
                    <td className="cell--end">{mxn(l.amountMxn)}</td>
                    <td className="cell--end">{usd(l.amountUsd)}</td>
                    {draft ? (
                      <td>
                        {l.adjustmentId ? (
                          <Button size="sm" onClick={() => setConfirm({ removeAdjustment: l.adjustmentId! })}>
                            {t('detail.remove')}
                          </Button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {draft ? (
          <AdjustmentsForm
            key={e.lines.filter((l) => l.kind === 'production').length}
            e={e}
            busy={action.isPending}
            onAdd={(body, onError) => run({ kind: 'adjustment', body }, t('detail.added'), onError)}
          />
        ) : null}
      </section>

      <div className="estimate__grid">
        <section className="card">
          <h2 className="card__title">{t('detail.deductions')}</h2>
          {e.deductions.length === 0 ? (
            <p className="muted">{t('detail.noDeductions')}</p>
          ) : (
            <table className="table">
              <tbody>
                {e.deductions.map((d, i) => (
                  <tr key={`${d.kind}-${d.code}-${i}`}>
                    <td>
                      {d.kind === 'penalty' ? `${t('detail.penalty')}: ${d.name}` : d.name}
                      {d.percent ? (
                        <span className="muted">
                          {' '}
                          ({fmt.quantity(d.percent, { maxFractionDigits: 6 })} %)
                        </span>
                      ) : null}
                    </td>
                    <td className="cell--end">{mxn(d.amountMxn)}</td>
                    <td className="cell--end">{usd(d.amountUsd)}</td>
                    {draft ? (
                      <td>
                        {d.adjustmentId ? (
                          <Button size="sm" onClick={() => setConfirm({ removeAdjustment: d.adjustmentId! })}>
                            {t('detail.remove')}
                          </Button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted">
            {t('detail.advance', {
              advance: `${mxn(e.advance.advanceMxn)} / ${usd(e.advance.advanceUsd)}`,
              before: `${mxn(e.advance.recoveredBeforeMxn)} / ${usd(e.advance.recoveredBeforeUsd)}`,
              after: `${mxn(e.advance.balanceAfterMxn)} / ${usd(e.advance.balanceAfterUsd)}`,
            })}
          </p>
        </section>
        <section className="card" aria-label={t('detail.totals')}>
          <h2 className="card__title">{t('detail.totals')}</h2>
          <table className="table estimate__totals">
            <thead>
              <tr>
                <th />
                <th className="cell--end">MXN</th>
                <th className="cell--end">USD</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{t('detail.subtotal')}</td>
                <td className="cell--end">{mxn(e.totals.subtotalMxn)}</td>
                <td className="cell--end">{usd(e.totals.subtotalUsd)}</td>
              </tr>
              <tr>
                <td>{t('detail.deductionsTotal')}</td>
                <td className="cell--end">−{mxn(e.totals.deductionsMxn)}</td>
                <td className="cell--end">−{usd(e.totals.deductionsUsd)}</td>
              </tr>
              <tr>
                <td>{t('detail.tax', { rate: fmt.quantity(e.ivaPercent) })}</td>
                <td className="cell--end">{mxn(e.totals.taxMxn)}</td>
                <td className="cell--end">{usd(e.totals.taxUsd)}</td>
              </tr>
              <tr className="estimate__net">
                <td>{t('detail.net')}</td>
                <td className="cell--end" data-testid="net-mxn">
                  {mxn(e.totals.netMxn)}
                </td>
                <td className="cell--end" data-testid="net-usd">
                  {usd(e.totals.netUsd)}
                </td>
              </tr>
            </tbody>
          </table>
          {rate && e.totals.homologatedMxn ? (
            <p className="estimate__homologated">
              {t('detail.homologated', { rate: fmt.quantity(rate, { maxFractionDigits: 6 }) })}{' '}
              <span className="muted">
                ({e.exchangeRate ? t('detail.frozenRate') : t('detail.suggestedRate')})
              </span>
              : <strong data-testid="homologated">{mxn(e.totals.homologatedMxn)}</strong>
            </p>
          ) : (
            <p className="muted">{t('detail.noRate')}</p>
          )}
        </section>
      </div>

      <AccountCard e={e} />

      <UnbilledCard workOrderId={e.workOrderId} />

      <section className="card">
        <AuditHistory entityType="estimate" entityId={e.id} module="estimates" title={t('detail.history')} />
      </section>

      <ConfirmDialog
        open={confirm === 'review'}
        tone="primary"
        title={t('detail.reviewTitle', { number: e.number })}
        confirmLabel={t('detail.review')}
        busy={action.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => run({ kind: 'review' })}
      >
        <p>{t('detail.reviewBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'approve'}
        tone="primary"
        title={t('detail.approveTitle', { number: e.number })}
        confirmLabel={t('detail.approve')}
        busy={action.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => run({ kind: 'approve' })}
      >
        <p>{t('detail.approveBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'return'}
        title={t('detail.returnTitle', { number: e.number })}
        confirmLabel={t('detail.return')}
        reason="required"
        reasonLabel={t('detail.reason')}
        busy={action.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={(reason) => run({ kind: 'return', reason })}
      >
        <p>{t('detail.returnBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'cancel'}
        title={t('detail.cancelTitle', { number: e.number })}
        confirmLabel={t('detail.cancel')}
        busy={action.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => run({ kind: 'cancel' })}
      >
        <p>{t('detail.cancelBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={typeof confirm === 'object' && confirm !== null}
        title={t('detail.removeTitle')}
        confirmLabel={t('detail.remove')}
        busy={action.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          typeof confirm === 'object' && confirm !== null
            ? run({ kind: 'removeAdjustment', adjustmentId: confirm.removeAdjustment })
            : undefined
        }
      >
        <p>{t('detail.removeBody')}</p>
      </ConfirmDialog>
      {settings ? <SettingsDialog workOrderId={e.workOrderId} onClose={() => setSettings(false)} /> : null}
      {confirm === 'submit' ? (
        <SubmitDialog
          e={e}
          busy={action.isPending}
          onClose={() => setConfirm(null)}
          onSubmit={(exchangeRate, onError) =>
            action.mutate(
              { kind: 'submit', ...(exchangeRate ? { exchangeRate } : {}) },
              {
                onSuccess: () => {
                  toast.success(t('detail.done'))
                  setConfirm(null)
                },
                onError,
              },
            )
          }
        />
      ) : null}
    </div>
  )
}
