import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TBillingSheetDetail, TBillingSheetLine } from '@faena/contracts'
import { Button, UnsavedChangesGuard } from '../../platform/components'
import { useFormat, useMe } from '../../platform/session'
import { periodDates } from './ui'

export type DaysGridProps = {
  sheet: TBillingSheetDetail
  /** the sheet is in progress and the user may edit lines */
  editable: boolean
  saving: boolean
  onSave: (edits: { lineId: string; dates: string[] }[], done: () => void) => void
  onRemove: (line: TBillingSheetLine) => void
  onResetDays: (line: TBillingSheetLine) => void
}

const sameDates = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((d, i) => d === b[i])

/**
 * The lines of a sheet as a grid with one column per date of the period. On rental lines of an in-progress
 * sheet every date inside the equipment's operation window is a toggle button (roving focus: arrows move,
 * Home/End jump, Space/Enter toggle); changes stay local, marked as unsaved, until "Save days" sends them;
 * leaving the page (a link, back, reload, closing the tab) with unsaved days asks first.
 */
export const DaysGrid = ({ sheet, editable, saving, onSave, onRemove, onResetDays }: DaysGridProps) => {
  const { t } = useTranslation(['rental-billing', 'platform'])
  const fmt = useFormat()
  const currency = useMe().organization.currencies[0] ?? sheet.currency
  const dates = useMemo(
    () => periodDates(sheet.periodStart, sheet.periodEnd),
    [sheet.periodStart, sheet.periodEnd],
  )
  const [drafts, setDrafts] = useState<ReadonlyMap<string, string[]>>(new Map())
  const [focus, setFocus] = useState<{ row: number; col: number }>({ row: 0, col: 0 })
  const tableRef = useRef<HTMLTableElement>(null)

  // Drafts of lines that no longer exist, or equal to the saved dates, are dropped.
  const lineById = new Map(sheet.lines.map((l) => [l.id, l]))
  const ratedKeys = new Set(sheet.lines.filter((l) => l.key.includes('@')).map((l) => l.key.split('@')[0]))
  const pending = [...drafts].filter(([id, d]) => {
    const l = lineById.get(id)
    return l && !sameDates(l.dates, d)
  })

  const editableRows = editable
    ? sheet.lines.filter((l) => l.kind === 'rental' && l.allowedDates.length > 0).map((l) => l.id)
    : []
  const rowIndex = new Map(editableRows.map((id, i) => [id, i]))

  const months = useMemo(() => {
    const groups: { month: string; count: number }[] = []
    for (const d of dates) {
      const m = d.slice(0, 7)
      const last = groups[groups.length - 1]
      if (last && last.month === m) last.count++
      else groups.push({ month: m, count: 1 })
    }
    return groups
  }, [dates])

  /** Alternate shade per month and a left edge where a month starts, so a two-month period reads clearly. */
  const dayClass = useMemo(() => {
    const index = new Map(months.map((m, i) => [m.month, i]))
    const out = new Map<string, string>()
    dates.forEach((d, col) => {
      const alt = months.length > 1 && (index.get(d.slice(0, 7)) ?? 0) % 2 === 1
      const edge = col > 0 && d.slice(0, 7) !== dates[col - 1]?.slice(0, 7)
      out.set(d, [alt ? 'rb-day--alt' : '', edge ? 'rb-day--month' : ''].filter(Boolean).join(' '))
    })
    return out
  }, [dates, months])

  const monthLabel = (m: string) => {
    const label = fmt.month(m)
    return label.charAt(0).toUpperCase() + label.slice(1)
  }
  const weekday = (d: string) => fmt.weekday(d)

  const toggle = (line: TBillingSheetLine, date: string) => {
    const current = drafts.get(line.id) ?? line.dates
    const next = current.includes(date) ? current.filter((d) => d !== date) : [...current, date].sort()
    setDrafts((m) => new Map(m).set(line.id, next))
  }

  const moveFocus = (row: number, col: number) => {
    const r = Math.max(0, Math.min(editableRows.length - 1, row))
    const c = Math.max(0, Math.min(dates.length - 1, col))
    setFocus({ row: r, col: c })
    tableRef.current?.querySelector<HTMLButtonElement>(`[data-cell="${r}:${c}"]`)?.focus()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, row: number, col: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowRight: [row, col + 1],
      ArrowLeft: [row, col - 1],
      ArrowDown: [row + 1, col],
      ArrowUp: [row - 1, col],
      Home: [row, 0],
      End: [row, dates.length - 1],
    }
    const to = moves[e.key]
    if (!to) return
    e.preventDefault()
    moveFocus(to[0], to[1])
  }

  const save = () => {
    onSave(
      pending.map(([lineId, d]) => ({ lineId, dates: d })),
      () => setDrafts(new Map()),
    )
  }

  const dayCell = (line: TBillingSheetLine, date: string, col: number) => {
    const row = rowIndex.get(line.id)
    const shown = drafts.get(line.id) ?? line.dates
    const billed = shown.includes(date)
    const cls = `rb-day ${dayClass.get(date) ?? ''}`.trim()
    if (row === undefined) {
      return (
        <td key={date} className={cls}>
          {billed ? (
            <span
              className="rb-mark"
              aria-label={t('detail.dayLabel', { date: fmt.date(date), state: t('detail.billed') })}
            >
              ●
            </span>
          ) : null}
        </td>
      )
    }
    const allowed = line.allowedDates.includes(date)
    const state = !allowed ? t('detail.outside') : billed ? t('detail.billed') : t('detail.notBilled')
    const focused = focus.row === row && focus.col === col
    return (
      <td key={date} className={cls}>
        <button
          type="button"
          className={billed ? 'rb-toggle rb-toggle--on' : 'rb-toggle'}
          data-cell={`${row}:${col}`}
          data-date={date}
          tabIndex={focused ? 0 : -1}
          aria-pressed={billed}
          aria-disabled={!allowed || undefined}
          aria-label={t('detail.dayLabel', { date: fmt.date(date), state })}
          title={t('detail.dayLabel', { date: fmt.date(date), state })}
          onFocus={() => setFocus({ row, col })}
          onKeyDown={(e) => onKeyDown(e, row, col)}
          onClick={() => {
            if (allowed) toggle(line, date)
          }}
        >
          {billed ? '1' : ''}
        </button>
      </td>
    )
  }

  if (sheet.lines.length === 0) return <p className="rb-empty">{t('detail.noLines')}</p>

  return (
    <div className="rb-grid">
      {/* leaving or reloading with unsaved days asks first */}
      <UnsavedChangesGuard when={editable && pending.length > 0} />
      {editable && pending.length > 0 ? (
        <div className="rb-unsaved" role="status">
          <span>
            <span className="rb-unsaved__dot" aria-hidden="true" />
            {t('detail.unsaved', { count: pending.length })}
          </span>
          <span className="rb-unsaved__actions">
            <Button size="sm" onClick={() => setDrafts(new Map())} disabled={saving}>
              {t('detail.discard')}
            </Button>
            <Button size="sm" variant="primary" loading={saving} onClick={save} data-testid="save-days">
              {saving ? t('detail.savingDays') : t('detail.saveDays')}
            </Button>
          </span>
        </div>
      ) : null}
      <div className="rb-grid__scroll" tabIndex={-1}>
        <table className="rb-table" ref={tableRef} aria-label={t('detail.linesTitle')}>
          <thead>
            <tr className="rb-table__months">
              <th colSpan={4} className="rb-sticky rb-sticky--span" />
              {months.map((m, i) => (
                <th
                  key={m.month}
                  colSpan={m.count}
                  scope="colgroup"
                  className={i % 2 === 1 ? 'rb-day--alt' : undefined}
                >
                  {monthLabel(m.month)}
                </th>
              ))}
              <th colSpan={2} />
              {editable ? <th className="rb-sticky rb-col-act" /> : null}
            </tr>
            <tr>
              <th scope="col" className="rb-sticky rb-col-n">
                {t('detail.columns.n')}
              </th>
              <th scope="col" className="rb-sticky rb-col-desc">
                {t('detail.columns.equipment')} / {t('detail.columns.description')}
              </th>
              <th scope="col" className="rb-sticky rb-col-qty cell--end">
                {t('detail.columns.quantity')}
              </th>
              <th scope="col" className="rb-sticky rb-col-total cell--end">
                {t('detail.columns.total')}
              </th>
              {dates.map((d) => (
                <th
                  key={d}
                  scope="col"
                  className={`rb-day-head ${dayClass.get(d) ?? ''}`.trim()}
                  title={fmt.date(d)}
                >
                  <span className="rb-day-head__wd" aria-hidden="true">
                    {weekday(d)}
                  </span>
                  <span>{d.slice(8, 10)}</span>
                </th>
              ))}
              <th scope="col">{t('detail.columns.unit')}</th>
              <th scope="col" className="cell--end">
                {t('detail.columns.unitPrice')}
              </th>
              {editable ? (
                <th scope="col" className="rb-sticky rb-col-act">
                  <span className="visually-hidden">{t('detail.columns.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {sheet.lines.map((l, i) => {
              // a line split where its rate changes (docs/rental-billing.md#rate-changes) shows its rate
              const ratePart = l.key.includes('@') || ratedKeys.has(l.key)
              const draft = drafts.get(l.id)
              const dirty = draft !== undefined && !sameDates(draft, l.dates)
              return (
                <tr
                  key={l.id}
                  className={dirty ? 'rb-row rb-row--dirty' : 'rb-row'}
                  data-line-kind={l.kind}
                  data-line-key={l.key}
                >
                  <td className="rb-sticky rb-col-n cell--end">{i + 1}</td>
                  <td className="rb-sticky rb-col-desc">
                    <span className="rb-desc__head">
                      <span className="cell-strong">{l.equipmentCode ?? t(`kind.${l.kind}`)}</span>
                      {l.equipmentCode ? <span className="muted"> · {t(`kind.${l.kind}`)}</span> : null}
                    </span>
                    <span className="rb-desc" title={l.description}>
                      {l.description}
                    </span>
                    {ratePart ? (
                      <span className="rb-flag" data-testid="line-rate">
                        {t('detail.rateFlag', { rate: fmt.money(l.unitPrice, currency) })}
                      </span>
                    ) : null}
                    {l.dayEdit === 'applied' ? (
                      <span className="rb-flag">{t('detail.dayEdited')}</span>
                    ) : null}
                    {l.dayEdit === 'stale' ? (
                      <span className="rb-flag rb-flag--warn">{t('detail.dayStale')}</span>
                    ) : null}
                  </td>
                  <td className="rb-sticky rb-col-qty cell--end rb-num" data-testid="line-quantity">
                    {dirty ? <strong>{draft.length}</strong> : fmt.integer(Number(l.quantity))}
                  </td>
                  <td className="rb-sticky rb-col-total cell--end rb-num">
                    {dirty ? (
                      <span className="muted" title={t('detail.saveDays')}>
                        …
                      </span>
                    ) : (
                      <span className="cell-strong">{fmt.money(l.total, currency)}</span>
                    )}
                  </td>
                  {dates.map((d, col) => dayCell(l, d, col))}
                  <td>{t(`unit.${l.unit}`)}</td>
                  <td className="cell--end rb-num">{fmt.money(l.unitPrice, currency)}</td>
                  {editable ? (
                    <td className="rb-sticky rb-col-act rb-actions">
                      {l.kind === 'rental' && l.dayEdit !== 'none' ? (
                        <button
                          type="button"
                          className="rb-icon-btn"
                          title={t('detail.resetDays')}
                          aria-label={`${t('detail.resetDays')}: ${l.description}`}
                          onClick={() => onResetDays(l)}
                        >
                          ↺
                        </button>
                      ) : null}
                      {l.kind !== 'service' ? (
                        <button
                          type="button"
                          className="rb-icon-btn rb-icon-btn--danger"
                          title={t('detail.removeLine')}
                          aria-label={`${t('detail.removeLine')}: ${l.description}`}
                          onClick={() => onRemove(l)}
                        >
                          ✕
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}
