/**
 * The production sheet ("sábana", docs/production.md#production-grid): one row per catalog concept of the family's
 * confirmed Anexo C, grouped by annex with a subtotal row above each group, one column per day with the volume of
 * the chosen time type (TE / CMA) and the programme in the tooltip. Typed volumes are drafts until "Guardar" (one
 * transaction with the version read); the excess flag is recomputed while typing and confirmed by the server. A
 * saved excess cell can carry its reason (excess-reason.tsx), marked on the cell and said in its tooltip.
 */
import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TProductionGrid, TProductionGridRow, TTimeType } from '@faena/contracts'
import { isApiError } from '../../platform/api'
import { Button, ErrorState, useToast, useUnsavedChanges } from '../../platform/components'
import { parseDecimalInput } from '../../platform/decimal-input'
import { useCan, useFormat } from '../../platform/session'
import { AddConceptDialog } from './add-concept-dialog'
import { dailyQuery, exportGrid, gridQuery, useSaveGrid } from './api'
import { dAdd, dCmp, dMul, dSub, dSum } from './exact'
import { ExcessReasonDialog, type ExcessCell } from './excess-reason'
import { ExcessWithoutReason, excessWithoutReason, type MissingReason } from './excess-without-reason'
import { KeyGrid, type GridEdit, type GridRow, type Range } from './key-grid'
import { RotationBand, useDutyByDate } from './rotation-band'
import { SaveProblem } from './save-problem'

type Props = {
  siteId: string
  siteName: string
  month: string
  workOrderId: string | undefined
  timeType: TTimeType
  onChange: (patch: { workOrderId?: string; timeType?: TTimeType }) => void
}

export function ProductionGridTab(props: Props) {
  const { t } = useTranslation('production')
  const daily = useQuery(dailyQuery(props.siteId, props.month))
  const workOrders = daily.data?.rows ?? []
  const workOrderId = props.workOrderId ?? workOrders[0]?.workOrderId
  return (
    <section className="production__section" aria-label={t('tabs.grid')}>
      <div className="production__toolbar">
        <label className="production__field">
          <span>{t('grid.workOrder')}</span>
          <select
            className="input"
            value={workOrderId ?? ''}
            onChange={(e) => props.onChange({ workOrderId: e.target.value })}
          >
            {workOrders.map((w) => (
              <option key={w.workOrderId} value={w.workOrderId}>
                {w.number}
              </option>
            ))}
          </select>
        </label>
        <div className="production__field">
          <span>{t('grid.timeType')}</span>
          <div
            className="production__tabs production__tabs--inline"
            role="radiogroup"
            aria-label={t('grid.timeType')}
          >
            {(['TE', 'CMA'] as const).map((tt) => (
              <button
                key={tt}
                type="button"
                role="radio"
                aria-checked={props.timeType === tt}
                className={`production__tab ${props.timeType === tt ? 'production__tab--on' : ''}`}
                onClick={() => props.onChange({ timeType: tt })}
              >
                {tt === 'TE' ? t('grid.te') : t('grid.cma')}
              </button>
            ))}
          </div>
        </div>
      </div>
      {workOrderId ? (
        <GridLoader {...props} workOrderId={workOrderId} />
      ) : daily.data ? (
        <p className="production__empty">{t('grid.pickWorkOrder')}</p>
      ) : null}
    </section>
  )
}

function GridLoader(props: Props & { workOrderId: string }) {
  const q = useQuery(
    gridQuery({
      workOrderId: props.workOrderId,
      siteId: props.siteId,
      month: props.month,
      timeType: props.timeType,
    }),
  )
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />
  if (!q.data) return <p className="production__loading">…</p>
  return (
    <GridEditor
      key={`${props.workOrderId}|${props.siteId}|${props.month}|${props.timeType}`}
      data={q.data}
      siteName={props.siteName}
      refetch={() => void q.refetch()}
    />
  )
}

type Drafts = Map<string, string>
const k = (conceptId: string, date: string) => `${conceptId}|${date}`

/** Live excess of one row: the family's total before this grid's cells, then this grid's cells in day order. */
export function liveExcess(row: TProductionGridRow, value: (date: string) => string): Set<string> {
  const server = dSum(row.days.map((d) => d.volume))
  let running = dSub(row.volumeToDate, server)
  const out = new Set<string>()
  for (const d of row.days) {
    const v = value(d.date)
    if (dCmp(v, '0') <= 0) continue
    running = dAdd(running, v)
    if (dCmp(running, row.authorizedVolume) > 0) out.add(d.date)
  }
  return out
}

function GridEditor({
  data,
  siteName,
  refetch,
}: {
  data: TProductionGrid
  siteName: string
  refetch: () => void
}) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const toast = useToast()
  const canEdit = can('production.capture')
  const [drafts, setDrafts] = useState<Drafts>(new Map())
  const [history, setHistory] = useState<Drafts[]>([])
  const [problem, setProblem] = useState<unknown>(null)
  const [invalid, setInvalid] = useState<string | null>(null)
  const [filter, setFilter] = useState({ annex: '', code: '', production: false, excess: false })
  const save = useSaveGrid()
  const [range, setRange] = useState<Range | null>(null)
  const [reasonFor, setReasonFor] = useState<ExcessCell | null>(null)
  const [adding, setAdding] = useState(false)
  const [jump, setJump] = useState<(MissingReason & { n: number }) | null>(null)
  const blocked = useMemo(() => new Map(data.blockedDays.map((b) => [b.date, b.reason])), [data.blockedDays])
  const duty = useDutyByDate(data.siteId, data.month)
  const days = data.rows[0]?.days.map((d) => d.date) ?? []
  const annexes = [...new Set(data.rows.map((r) => r.annex))]

  const valueOf = (row: TProductionGridRow, date: string, i: number) =>
    drafts.get(k(row.conceptId, date)) ?? row.days[i]!.volume
  const visible = data.rows.filter(
    (r) =>
      (!filter.annex || r.annex === filter.annex) &&
      (!filter.code || `${r.code} ${r.description}`.toLowerCase().includes(filter.code.toLowerCase())) &&
      (!filter.production ||
        dCmp(r.monthVolume, '0') > 0 ||
        r.days.some((d, i) => dCmp(valueOf(r, d.date, i), '0') > 0)) &&
      (!filter.excess || r.status === 'excess'),
  )

  /** Per concept: live month volume (this site, both types), amounts and the live excess cells. */
  const live = useMemo(() => {
    const out = new Map<
      string,
      { month: string; mxn: string; usd: string; excess: Set<string> | null; delta: string }
    >()
    for (const r of data.rows) {
      let delta = '0'
      let touched = false
      r.days.forEach((d) => {
        const v = drafts.get(k(r.conceptId, d.date))
        if (v !== undefined) {
          touched = true
          delta = dAdd(delta, dSub(v, d.volume))
        }
      })
      const month = dAdd(r.monthVolume, delta)
      out.set(r.conceptId, {
        month,
        mxn: dMul(month, r.unitPriceMxn),
        usd: dMul(month, r.unitPriceUsd),
        excess: touched
          ? liveExcess(
              r,
              (date) => drafts.get(k(r.conceptId, date)) ?? r.days.find((d) => d.date === date)!.volume,
            )
          : null,
        delta,
      })
    }
    return out
  }, [data.rows, drafts])

  // grid rows: a subtotal row above each annex's concepts
  const layout = useMemo(() => {
    const rows: GridRow[] = []
    const concepts: (TProductionGridRow | null)[] = []
    for (const annex of annexes) {
      const group = visible.filter((r) => r.annex === annex)
      if (!group.length) continue
      const sumDay = (i: number) => dSum(group.map((r) => valueOf(r, r.days[i]!.date, i)))
      rows.push({
        key: `sub-${annex}`,
        className: 'pg__subtotal',
        lead: [
          <strong key="c">{annex}</strong>,
          <strong key="d">{t('grid.subtotal', { annex })}</strong>,
          '',
        ],
        cells: days.map((_, i) => {
          const v = sumDay(i)
          return { value: v, editable: false, text: dCmp(v, '0') ? fmt.quantity(v) : '' }
        }),
        trail: [
          fmt.quantity(dSum(group.map((r) => r.authorizedVolume))),
          fmt.quantity(dSum(group.map((r) => live.get(r.conceptId)!.month))),
          '',
          fmt.money(dSum(group.map((r) => live.get(r.conceptId)!.mxn)), 'MXN'),
          fmt.money(dSum(group.map((r) => live.get(r.conceptId)!.usd)), 'USD'),
          '',
        ],
      })
      concepts.push(null)
      for (const r of group) {
        const l = live.get(r.conceptId)!
        const rowExcess = l.excess ? l.excess.size > 0 || r.status === 'excess' : r.status === 'excess'
        rows.push({
          key: r.conceptId,
          lead: [
            r.code,
            <span key="d" title={r.description}>
              {r.description}
            </span>,
            r.unit,
          ],
          cells: r.days.map((d, i) => {
            const v = valueOf(r, d.date, i)
            const dirty = drafts.has(k(r.conceptId, d.date))
            const excess = l.excess ? l.excess.has(d.date) : d.excess
            const why = blocked.get(d.date)
            const billedBy = d.billedBy ?? null
            const title = [
              `${r.code} · ${fmt.date(d.date)}`,
              dCmp(d.planned, '0') > 0 ? t('grid.planned', { value: fmt.quantity(d.planned) }) : null,
              excess ? t('grid.excessCell') : null,
              excess && d.excessReason ? t('grid.reason.inTitle', { reason: d.excessReason }) : null,
              excess && d.excess && !d.excessReason && !dirty ? t('grid.reason.missing') : null,
              // billed production is frozen (docs/estimates.md#billed-production-is-frozen)
              billedBy !== null ? t('grid.billedBy', { number: billedBy }) : null,
              why === 'signed'
                ? t('grid.blockedSigned')
                : why === 'no_production'
                  ? t('grid.blockedNoProduction')
                  : why === 'closed'
                    ? t('daily.blocked_closed')
                    : why
                      ? t('grid.blockedBefore')
                      : null,
            ]
              .filter(Boolean)
              .join(' · ')
            return {
              name: `${r.code}|${d.date}`,
              value: dCmp(v, '0') ? v : '',
              editable: canEdit && !why && billedBy === null,
              title,
              className: [
                why || billedBy !== null ? 'kg__cell--blocked' : '',
                excess ? 'pg__cell--excess' : '',
                excess && d.excessReason && !dirty ? 'pg__cell--reason' : '',
                dirty ? 'kg__cell--dirty' : '',
                dCmp(d.planned, '0') > 0 ? 'pg__cell--planned' : '',
              ].join(' '),
              text: (
                <span className="pg__val">
                  {dCmp(v, '0') ? fmt.quantity(v) : ''}
                  {dCmp(d.planned, '0') > 0 ? (
                    <small className="pg__plan">P {fmt.quantity(d.planned)}</small>
                  ) : null}
                </span>
              ),
            }
          }),
          trail: [
            fmt.quantity(r.authorizedVolume),
            fmt.quantity(l.month),
            fmt.quantity(dAdd(r.volumeToDate, l.delta)),
            fmt.money(l.mxn, 'MXN'),
            fmt.money(l.usd, 'USD'),
            <span key="s" className={rowExcess ? 'pg__status pg__status--excess' : 'pg__status'}>
              {rowExcess ? t('grid.excessStatus') : t('grid.authorizedStatus')}
            </span>,
          ],
        })
        concepts.push(r)
      }
    }
    return { rows, concepts }
  }, [visible, drafts, live, blocked, canEdit, fmt, t])

  const onEdit = (edits: GridEdit[]) => {
    const next = new Map(drafts)
    const bad: string[] = []
    for (const e of edits) {
      const r = layout.concepts[e.row]
      if (!r) continue
      const day = r.days[e.col]!
      const parsed = parseDecimalInput(e.value, fmt.locale, { maxFractionDigits: 6 })
      if (!parsed.ok) {
        bad.push(e.value)
        continue
      }
      const v = parsed.value === '' ? '0' : parsed.value
      const ck = k(r.conceptId, day.date)
      if (dCmp(v, day.volume) === 0) next.delete(ck)
      else next.set(ck, v)
    }
    setInvalid(bad.length ? t('grid.invalid', { value: bad.slice(0, 3).join(', ') }) : null)
    if (next.size === drafts.size && [...next].every(([key, v]) => drafts.get(key) === v)) return
    setHistory((h) => [...h.slice(-99), drafts])
    setDrafts(next)
  }
  const undo = () => {
    if (!history.length) return
    setDrafts(history.at(-1)!)
    setHistory((h) => h.slice(0, -1))
  }

  const guard = useUnsavedChanges(drafts.size > 0, { samePath: true })
  const conflict = isApiError(problem) && problem.info?.['reason'] === 'stale_version' ? problem : null
  const doSave = () => {
    setProblem(null)
    save.mutate(
      {
        workOrderId: data.workOrderId,
        siteId: data.siteId,
        month: data.month,
        timeType: data.timeType,
        version: data.version,
        cells: [...drafts].map(([key, volume]) => {
          const [conceptId, date] = key.split('|') as [string, string]
          return { conceptId, date, volume }
        }),
      },
      {
        onSuccess: (r) => {
          setDrafts(new Map())
          setHistory([])
          toast.success(t('saved'))
          if (r.excess.length) toast.info(t('grid.excessCell'))
        },
        onError: (e) => setProblem(e),
      },
    )
  }

  // the one selected cell, when it is a saved excess cell: its reason can be recorded
  const picked = (() => {
    if (!range || range.r0 !== range.r1 || range.c0 !== range.c1) return null
    const r = layout.concepts[range.r0]
    const d = r?.days[range.c0]
    if (!r || !d || !d.excess || drafts.has(k(r.conceptId, d.date))) return null
    return { row: r, day: d }
  })()
  const canReason = canEdit && picked !== null && blocked.get(picked.day.date) !== 'signed'
  // the month's saved excess cells without a reason, and the one a link in their panel selects
  const missingReasons = useMemo(() => excessWithoutReason(data.rows), [data.rows])
  const selectCell = useMemo(() => {
    if (!jump) return null
    const r = layout.concepts.findIndex((x) => x?.conceptId === jump.conceptId)
    const c = days.indexOf(jump.date)
    return r < 0 || c < 0 ? null : { r, c, n: jump.n }
  }, [jump, layout.concepts, days])

  // KPIs: the server's family figures plus the unsaved changes of this grid
  const deltaMxn = dSum(data.rows.map((r) => dMul(live.get(r.conceptId)!.delta, r.unitPriceMxn)))
  const deltaUsd = dSum(data.rows.map((r) => dMul(live.get(r.conceptId)!.delta, r.unitPriceUsd)))
  const tot = data.totals
  const executedMxn = dAdd(tot.executedMxn, deltaMxn)
  const executedUsd = dAdd(tot.executedUsd, deltaUsd)
  const kpis: [string, string, string][] = [
    [t('kpi.authorized'), tot.authorizedMxn, tot.authorizedUsd],
    [t('kpi.executed'), executedMxn, executedUsd],
    [t('kpi.accumulated'), tot.accumulatedMxn, tot.accumulatedUsd],
    [t('kpi.remaining'), dSub(tot.remainingMxn, deltaMxn), dSub(tot.remainingUsd, deltaUsd)],
  ]

  return (
    <>
      {guard.prompt}
      <div className="pg__kpis" aria-label={t('kpi.title')}>
        {kpis.map(([label, mxn, usd]) => (
          <div key={label} className="pg__kpi">
            <span className="pg__kpi-label">{label}</span>
            <span>{fmt.money(mxn, 'MXN', { code: true })}</span>
            <span>{fmt.money(usd, 'USD', { code: true })}</span>
          </div>
        ))}
        <div className="pg__kpi">
          {tot.exchangeRate ? (
            <>
              <span className="pg__kpi-label">
                {t('kpi.homologated', { rate: tot.exchangeRate, from: fmt.date(tot.exchangeRateFrom) })}
              </span>
              <span>
                {t('kpi.authorized')}:{' '}
                {fmt.money(dAdd(tot.authorizedMxn, dMul(tot.authorizedUsd, tot.exchangeRate)), 'MXN', {
                  code: true,
                })}
              </span>
              <span>
                {t('kpi.executed')}:{' '}
                {fmt.money(dAdd(executedMxn, dMul(executedUsd, tot.exchangeRate)), 'MXN', { code: true })}
              </span>
            </>
          ) : (
            <span className="pg__kpi-label">{t('kpi.noRate')}</span>
          )}
        </div>
        <p className="production__muted pg__kpi-note">{t('kpi.allSites')}</p>
      </div>
      <div className="production__toolbar">
        <label className="production__field">
          <span>{t('grid.filterAnnex')}</span>
          <select
            className="input"
            value={filter.annex}
            onChange={(e) => setFilter((f) => ({ ...f, annex: e.target.value }))}
          >
            <option value="">{t('grid.allAnnexes')}</option>
            {annexes.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="production__field">
          <span>{t('grid.filterCode')}</span>
          <input
            className="input"
            type="search"
            value={filter.code}
            onChange={(e) => setFilter((f) => ({ ...f, code: e.target.value }))}
          />
        </label>
        <label className="production__check">
          <input
            type="checkbox"
            checked={filter.production}
            onChange={(e) => setFilter((f) => ({ ...f, production: e.target.checked }))}
          />
          {t('grid.onlyProduction')}
        </label>
        <label className="production__check">
          <input
            type="checkbox"
            checked={filter.excess}
            onChange={(e) => setFilter((f) => ({ ...f, excess: e.target.checked }))}
          />
          {t('grid.onlyExcess')}
        </label>
        <span className="production__spacer" />
        {drafts.size ? (
          <span className="production__dirty" role="status">
            {t('unsaved', { count: drafts.size })}
          </span>
        ) : null}
        <Button
          onClick={() =>
            void exportGrid({
              workOrderId: data.workOrderId,
              siteId: data.siteId,
              month: data.month,
              timeType: data.timeType,
            })
          }
          disabled={drafts.size > 0}
        >
          {t('grid.export')}
        </Button>
        {canEdit && can('concept.import') ? (
          <Button
            onClick={() => setAdding(true)}
            disabled={drafts.size > 0}
            title={drafts.size > 0 ? t('addConcept.unsaved') : t('addConcept.actionHint')}
            data-testid="add-concept"
          >
            {t('addConcept.action')}
          </Button>
        ) : null}
        {canEdit ? (
          <>
            <Button
              onClick={() =>
                picked &&
                setReasonFor({
                  workOrderId: data.workOrderId,
                  siteId: data.siteId,
                  timeType: data.timeType,
                  conceptId: picked.row.conceptId,
                  code: picked.row.code,
                  date: picked.day.date,
                  reason: picked.day.excessReason,
                })
              }
              disabled={!canReason}
              title={canReason ? undefined : t('grid.reason.actionHint')}
            >
              {t('grid.reason.action')}
            </Button>
            <Button onClick={undo} disabled={!history.length}>
              {t('undo')}
            </Button>
            <Button
              onClick={() => (setDrafts(new Map()), setHistory([]), setProblem(null))}
              disabled={!drafts.size}
            >
              {t('discard')}
            </Button>
            <Button variant="primary" onClick={doSave} loading={save.isPending} disabled={!drafts.size}>
              {t('save')}
            </Button>
          </>
        ) : null}
      </div>
      {conflict ? (
        <div className="production__problem" role="alert">
          {t('grid.conflict', {
            when: fmt.dateTime(
              typeof conflict.info?.['savedAt'] === 'string' ? conflict.info['savedAt'] : null,
            ),
          })}{' '}
          <Button size="sm" onClick={() => (setProblem(null), refetch())}>
            {t('grid.reload')}
          </Button>
        </div>
      ) : problem ? (
        <SaveProblem error={problem} />
      ) : null}
      {data.blockedDays.some((b) => b.reason === 'closed') ? (
        <p className="production__dirty" role="status" data-testid="month-closed">
          {t('monthly.closedNote')}
        </p>
      ) : null}
      {picked?.day.excessReason ? (
        <p className="pg__reason" role="status" data-testid="excess-reason-shown">
          {t('grid.reason.shown', {
            code: picked.row.code,
            date: fmt.date(picked.day.date),
            reason: picked.day.excessReason,
          })}
        </p>
      ) : null}
      <ExcessWithoutReason
        cells={missingReasons}
        timeType={data.timeType}
        onSelect={(c) => {
          // the cell may be hidden by a filter: show every row, then select it
          setFilter({ annex: '', code: '', production: false, excess: false })
          setJump({ ...c, n: (jump?.n ?? 0) + 1 })
        }}
      />
      {reasonFor ? <ExcessReasonDialog cell={reasonFor} onClose={() => setReasonFor(null)} /> : null}
      {adding ? (
        <AddConceptDialog
          target={{
            workOrderId: data.workOrderId,
            number: data.number,
            siteId: data.siteId,
            month: data.month,
            present: new Set(data.rows.map((r) => r.conceptId)),
          }}
          onClose={() => setAdding(false)}
        />
      ) : null}
      {invalid ? (
        <p className="production__error" role="alert">
          {invalid}
        </p>
      ) : null}
      {data.rows.length === 0 ? (
        <p className="production__empty">{t('grid.noConcepts')}</p>
      ) : (
        <KeyGrid
          label={t('grid.caption', { number: data.number, site: siteName })}
          inline
          lead={[
            { key: 'code', label: t('grid.code'), width: 80 },
            { key: 'desc', label: t('grid.description'), width: 240 },
            { key: 'unit', label: t('grid.unit'), width: 70 },
          ]}
          columns={days.map((d) => ({
            key: d,
            label: (
              <span className="kg__dayhead">
                <RotationBand day={duty.get(d)} />
                <span>{Number(d.slice(8))}</span>
                <small>{fmt.weekday(d, 'narrow')}</small>
              </span>
            ),
            title: fmt.date(d, 'long'),
            className: blocked.has(d) ? 'kg__day--blocked' : '',
          }))}
          trail={[
            { key: 'auth', label: t('grid.authorized') },
            { key: 'month', label: t('grid.monthVolume') },
            { key: 'toDate', label: t('grid.toDate') },
            { key: 'mxn', label: t('grid.amountMxn') },
            { key: 'usd', label: t('grid.amountUsd') },
            { key: 'status', label: t('grid.status') },
          ]}
          rows={layout.rows}
          onEdit={onEdit}
          onUndo={undo}
          onSelect={setRange}
          selectCell={selectCell}
        />
      )}
      <p className="production__help">{t('grid.help')}</p>
    </>
  )
}
