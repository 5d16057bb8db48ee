/**
 * The Evidencias tab (docs/production.md#evidence-gpu): per work order (family), site and month, one row per
 * concept on an evidence annex and time type (TE and CMA of a day are two cells), one column per day; each cell
 * says its evidence status (colour and letters) and how many files and links it has. Counts per status filter the
 * grid. Arrows, Home/End move; Enter or a click opens the cell (evidence-cell-dialog.tsx).
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  EVIDENCE_STATUSES,
  type TEvidenceCellKey,
  type TEvidenceGrid,
  type TEvidenceGridCell,
  type TEvidenceStatus,
} from '@faena/contracts'
import { EmptyState, ErrorState } from '../../platform/components'
import { useFormat } from '../../platform/session'
import { dailyQuery } from './api'
import { EvidenceCellDialog } from './evidence-cell-dialog'
import { evidenceGridQuery } from './evidence-api'
import { dCmp } from './exact'
import './evidence.css'

type Props = {
  siteId: string
  siteName: string
  month: string
  workOrderId: string | undefined
  onChange: (patch: { workOrderId?: string }) => void
}

export function EvidenceTab(props: Props) {
  const { t } = useTranslation('production')
  const daily = useQuery(dailyQuery(props.siteId, props.month))
  const workOrders = daily.data?.rows ?? []
  const workOrderId = props.workOrderId ?? workOrders[0]?.workOrderId
  return (
    <section className="production__section" aria-label={t('tabs.evidence')}>
      <div className="production__toolbar">
        <label className="production__field">
          <span>{t('evidence.workOrder')}</span>
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
      </div>
      {workOrderId ? (
        <EvidenceLoader {...props} workOrderId={workOrderId} />
      ) : daily.data ? (
        <p className="production__empty">{t('grid.pickWorkOrder')}</p>
      ) : null}
    </section>
  )
}

function EvidenceLoader(props: Props & { workOrderId: string }) {
  const q = useQuery(
    evidenceGridQuery({ workOrderId: props.workOrderId, month: props.month, siteId: props.siteId }),
  )
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />
  if (!q.data) return <p className="production__loading">…</p>
  return <EvidenceGrid data={q.data} siteName={props.siteName} />
}

type Pos = { r: number; c: number }

/** Where a key moves the active cell (arrows, Home/End, Ctrl+Home/End), inside the grid; null: not a move key. */
export function nextPos(p: Pos, key: string, ctrl: boolean, maxR: number, maxC: number): Pos | null {
  switch (key) {
    case 'ArrowUp':
      return { r: Math.max(0, p.r - 1), c: p.c }
    case 'ArrowDown':
      return { r: Math.min(maxR, p.r + 1), c: p.c }
    case 'ArrowLeft':
      return { r: p.r, c: Math.max(0, p.c - 1) }
    case 'ArrowRight':
      return { r: p.r, c: Math.min(maxC, p.c + 1) }
    case 'Home':
      return { r: ctrl ? 0 : p.r, c: 0 }
    case 'End':
      return { r: ctrl ? maxR : p.r, c: maxC }
    default:
      return null
  }
}

function EvidenceGrid({ data, siteName }: { data: TEvidenceGrid; siteName: string }) {
  const { t } = useTranslation('production')
  const fmt = useFormat()
  const [filter, setFilter] = useState<TEvidenceStatus | null>(null)
  const [chosen, setActive] = useState<Pos>({ r: 0, c: 0 })
  const [open, setOpen] = useState<TEvidenceCellKey | null>(null)
  const table = useRef<HTMLTableElement>(null)

  const rows = useMemo(() => {
    const list = data.rows.map((row) => ({
      row,
      byDay: new Map(row.cells.map((c) => [c.date, c])),
    }))
    if (!filter) return list
    return list.filter((r) => r.row.cells.some((c) => dCmp(c.volume, '0') > 0 && c.status === filter))
  }, [data.rows, filter])
  // the active cell stays inside the grid when a filter leaves fewer rows (one cell is always reachable by Tab)
  const active = { r: Math.max(0, Math.min(chosen.r, rows.length - 1)), c: chosen.c }
  const total = EVIDENCE_STATUSES.reduce((n, s) => n + data.counts[s], 0)

  const focusCell = useCallback((p: Pos) => {
    setActive(p)
    requestAnimationFrame(() =>
      table.current?.querySelector<HTMLElement>(`[data-pos="${p.r}:${p.c}"]`)?.focus(),
    )
  }, [])
  const openAt = (p: Pos) => {
    const r = rows[p.r]
    const date = data.days[p.c]
    if (!r || !date || !r.byDay.has(date)) return
    setOpen({
      workOrderId: data.workOrderId,
      siteId: r.row.siteId,
      conceptId: r.row.conceptId,
      date,
      timeType: r.row.timeType,
    })
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      openAt(active)
      return
    }
    const p = nextPos(active, e.key, e.ctrlKey, rows.length - 1, data.days.length - 1)
    if (!p) return
    e.preventDefault()
    focusCell(p)
  }

  if (data.rows.length === 0)
    return (
      <EmptyState title={t('evidence.empty')}>
        {data.annexes.length
          ? t('evidence.emptyHint', { annexes: data.annexes.join(', ') })
          : t('evidence.noAnnexes')}
      </EmptyState>
    )

  const tip = (cell: TEvidenceGridCell) =>
    t('evidence.cellTip', {
      status: t(`evidence.statuses.${cell.status}`),
      volume: dCmp(cell.volume, '0') > 0 ? fmt.quantity(cell.volume) : t('evidence.cellNoProduction'),
      files: cell.fileCount,
      links: cell.linkCount,
    })

  return (
    <div className="ev">
      <p className="production__muted">{t('evidence.intro')}</p>
      <div className="ev__summary" role="group" aria-label={t('evidence.filter')}>
        <button
          type="button"
          className={`ev__chip ${filter === null ? 'ev__chip--on' : ''}`}
          aria-pressed={filter === null}
          onClick={() => setFilter(null)}
        >
          {t('evidence.all')} <strong>{total}</strong>
        </button>
        {EVIDENCE_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            data-status={s}
            className={`ev__chip ev__chip--${s} ${filter === s ? 'ev__chip--on' : ''}`}
            aria-pressed={filter === s}
            onClick={() => setFilter(filter === s ? null : s)}
          >
            {t(`evidence.statuses.${s}`)}{' '}
            <strong data-testid={`evidence-count-${s}`}>{data.counts[s]}</strong>
          </button>
        ))}
      </div>
      <p className="ev__lines">
        <span data-testid="evidence-pending">{t('evidence.pendingList', { count: data.pendingCount })}</span>
        {data.withoutProduction > 0 ? (
          <span>{t('evidence.withoutProduction', { count: data.withoutProduction })}</span>
        ) : null}
      </p>
      {rows.length === 0 ? (
        <p className="production__empty">{t('evidence.noMatch')}</p>
      ) : (
        <div className="ev__scroll">
          <table
            ref={table}
            className="ev__grid"
            role="grid"
            aria-label={t('evidence.caption', { number: data.number, site: siteName })}
            onKeyDown={onKeyDown}
          >
            <thead>
              <tr>
                <th scope="col" className="ev__lead">
                  {t('evidence.concept')}
                </th>
                {data.days.map((d) => (
                  <th key={d} scope="col" className="ev__day">
                    <span className="ev__weekday">{fmt.weekday(d, 'narrow')}</span>
                    {Number(d.slice(8))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ row, byDay }, r) => (
                <tr key={`${row.siteId}|${row.conceptId}|${row.timeType}`}>
                  <th scope="row" className="ev__lead" title={row.description}>
                    <span className="ev__code">
                      {row.annex} · {row.code}
                    </span>
                    <span className={`ev__tt ev__tt--${row.timeType}`}>{row.timeType}</span>
                    <span className="ev__desc">{row.description}</span>
                  </th>
                  {data.days.map((d, c) => {
                    const cell = byDay.get(d)
                    const isActive = active.r === r && active.c === c
                    const dim = filter !== null && cell?.status !== filter
                    const noProd = cell ? !(dCmp(cell.volume, '0') > 0) : false
                    return (
                      <td
                        key={d}
                        role="gridcell"
                        data-pos={`${r}:${c}`}
                        data-cell={cell ? `${row.code}|${row.timeType}|${d}` : undefined}
                        tabIndex={isActive ? 0 : -1}
                        aria-label={
                          cell
                            ? `${t('evidence.cellTitle', { code: row.code, timeType: row.timeType, date: fmt.date(d) })}: ${tip(cell)}`
                            : undefined
                        }
                        title={cell ? tip(cell) : undefined}
                        className={[
                          'ev__cell',
                          cell ? `ev__cell--${cell.status}` : 'ev__cell--none',
                          noProd ? 'ev__cell--noprod' : '',
                          dim ? 'ev__cell--dim' : '',
                        ].join(' ')}
                        onClick={() => {
                          setActive({ r, c })
                          openAt({ r, c })
                        }}
                      >
                        {cell ? (
                          <>
                            <span className="ev__s">{t(`evidence.statusShort.${cell.status}`)}</span>
                            <span className="ev__n">{cell.fileCount + cell.linkCount || ''}</span>
                          </>
                        ) : null}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="production__help">{t('evidence.help')}</p>
      {open ? (
        <EvidenceCellDialog
          cellKey={open}
          onClose={() => {
            setOpen(null)
            focusCell(active)
          }}
        />
      ) : null}
    </div>
  )
}
