/**
 * The daily report of a site (docs/production.md#daily-status): per work order and day, the day status and the
 * signature of the daily report. Edits are drafts until "Guardar" (one transaction); bulk through the selection
 * (apply a status/signature to the range, a whole column from its header, paste from Excel, Delete clears). A
 * signed day is locked; a supervisor unlocks it with a reason.
 */
import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TDailyStatusGrid, TDayStatus, TSignature } from '@faena/contracts'
import { SIGNATURES } from '@faena/contracts'
import { Button, Dialog, ErrorState, FormField, useToast, useUnsavedChanges } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useCan, useFormat } from '../../platform/session'
import { dailyQuery, useSaveDailyStatus, useUnlockDay } from './api'
import { KeyGrid, type GridEdit, type GridRow, type Range } from './key-grid'
import { RotationBand, useDutyByDate } from './rotation-band'
import { SaveProblem } from './save-problem'

type Cell = { dayStatus: string | null; signature: TSignature | null; comment: string | null }
type Drafts = Map<string, Cell>
const keyOf = (workOrderId: string, date: string) => `${workOrderId}|${date}`
const STOP = new Set(['por', 'el', 'la', 'de', 'del', 'y', '/', 'a'])

/** A short label for a status in a narrow cell: initials of its words (3 letters of a one-word name). */
export function statusAbbreviation(name: string): string {
  const words = name.split(/[\s/]+/).filter((w) => w && !STOP.has(w.toLowerCase()))
  if (words.length === 1) return words[0]!.slice(0, 3).toUpperCase()
  return words
    .map((w) => w[0]!)
    .join('')
    .toUpperCase()
    .slice(0, 3)
}

export function DailyStatusTab(props: {
  siteId: string
  siteName: string
  month: string
  onOpenGrid: (workOrderId: string) => void
}) {
  const { siteId, month } = props
  const q = useQuery(dailyQuery(siteId, month))
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />
  if (!q.data) return <p className="production__loading">…</p>
  return <DailyEditor key={`${siteId}|${month}`} {...props} data={q.data} />
}

function DailyEditor({
  siteId,
  siteName,
  month,
  data,
  onOpenGrid,
}: {
  siteId: string
  siteName: string
  month: string
  data: TDailyStatusGrid
  onOpenGrid: (workOrderId: string) => void
}) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const toast = useToast()
  const canEdit = can('production.capture')
  const [drafts, setDrafts] = useState<Drafts>(new Map())
  const [history, setHistory] = useState<Drafts[]>([])
  const [range, setRange] = useState<Range>({ r0: 0, c0: 0, r1: 0, c1: 0 })
  const [open, setOpen] = useState<{ r: number; c: number } | null>(null)
  const [bulk, setBulk] = useState<{ dayStatus: string; signature: string }>({ dayStatus: '', signature: '' })
  const [problem, setProblem] = useState<unknown>(null)
  const save = useSaveDailyStatus()
  const duty = useDutyByDate(siteId, month)
  const statuses = data.dayStatuses.filter((s) => s.active)
  const byCode = useMemo(() => new Map(data.dayStatuses.map((s) => [s.code, s])), [data.dayStatuses])
  const days = data.rows[0]?.days.map((d) => d.date) ?? []

  const stored = (r: number, c: number): Cell => {
    const d = data.rows[r]!.days[c]!
    return { dayStatus: d.dayStatus, signature: d.signature, comment: d.comment }
  }
  const current = (r: number, c: number): Cell =>
    drafts.get(keyOf(data.rows[r]!.workOrderId, data.rows[r]!.days[c]!.date)) ?? stored(r, c)
  const same = (a: Cell, b: Cell) =>
    a.dayStatus === b.dayStatus && a.signature === b.signature && (a.comment ?? null) === (b.comment ?? null)

  const apply = (changes: { r: number; c: number; cell: Cell }[]) => {
    if (!canEdit) return
    const next = new Map(drafts)
    let changed = false
    for (const { r, c, cell } of changes) {
      const row = data.rows[r]!
      const day = row.days[c]!
      if (day.blocked || day.signature === 'signed') continue
      const k = keyOf(row.workOrderId, day.date)
      if (same(cell, stored(r, c))) {
        if (next.delete(k)) changed = true
      } else if (!same(cell, next.get(k) ?? stored(r, c))) {
        next.set(k, cell)
        changed = true
      }
    }
    if (!changed) return
    setHistory((h) => [...h.slice(-99), drafts])
    setDrafts(next)
  }
  const inRange = (fn: (cell: Cell) => Cell) => {
    const list: { r: number; c: number; cell: Cell }[] = []
    for (let r = range.r0; r <= range.r1; r++)
      for (let c = range.c0; c <= range.c1; c++) list.push({ r, c, cell: fn(current(r, c)) })
    apply(list)
  }

  const onEdit = (edits: GridEdit[]) =>
    apply(
      edits.map(({ row, col, value }) => {
        const cur = current(row, col)
        if (value === '') return { r: row, c: col, cell: { dayStatus: null, signature: null, comment: null } }
        const v = value.toLowerCase()
        const st =
          statuses.find((s) => s.code === v || s.name.toLowerCase() === v) ??
          statuses.find((s) => statusAbbreviation(s.name).toLowerCase() === v)
        return { r: row, c: col, cell: st ? { ...cur, dayStatus: st.code } : cur }
      }),
    )

  const rows: GridRow[] = useMemo(
    () =>
      data.rows.map((row, r) => ({
        key: row.workOrderId,
        lead: [
          <button
            key="n"
            type="button"
            className="production__link"
            title={t('daily.openGrid')}
            onClick={() => onOpenGrid(row.workOrderId)}
          >
            {row.number}
          </button>,
          <span key="w" className="production__window">
            {t('daily.window', { start: fmt.date(row.windowStart), end: fmt.date(row.windowEnd) })}
            {row.yardPhase ? ` · ${t('daily.yard')}` : ''}
          </span>,
        ],
        cells: row.days.map((d, c) => {
          const cell = drafts.get(keyOf(row.workOrderId, d.date)) ?? stored(r, c)
          const st = cell.dayStatus ? byCode.get(cell.dayStatus) : undefined
          const dirty = drafts.has(keyOf(row.workOrderId, d.date))
          // a closed month still shows what was recorded; a day outside the window shows nothing
          const hidden = d.blocked && d.blockedReason !== 'closed'
          const title = d.blocked
            ? t(`daily.blocked_${d.blockedReason!}`, {
                date: fmt.date(d.blockedReason === 'before_start' ? row.windowStart : row.windowEnd),
              })
            : [
                fmt.date(d.date),
                st?.name,
                cell.signature ? t(`signatures.${cell.signature}`) : null,
                cell.comment,
                d.signature === 'signed' ? t('daily.signedLocked') : null,
              ]
                .filter(Boolean)
                .join(' · ')
          return {
            name: `${row.number}|${d.date}`,
            value: st?.name ?? '',
            editable: !d.blocked && canEdit,
            title,
            className: [
              d.blocked ? 'kg__cell--blocked' : '',
              st ? (st.allowsProduction ? 'ds--prod' : 'ds--stop') : '',
              d.signature === 'signed' ? 'ds--signed' : '',
              dirty ? 'kg__cell--dirty' : '',
            ].join(' '),
            text: hidden ? null : (
              <span className="ds">
                <span className="ds__status">{st ? statusAbbreviation(st.name) : ''}</span>
                {cell.signature ? (
                  <span className={`ds__sig ds__sig--${cell.signature}`}>
                    {t(`signatureShort.${cell.signature}`)}
                  </span>
                ) : null}
                {cell.comment ? <span className="ds__comment" aria-hidden="true" /> : null}
              </span>
            ),
          }
        }),
      })),
    [data, drafts, byCode, canEdit, fmt, t],
  )

  const dirtyCount = drafts.size
  const guard = useUnsavedChanges(dirtyCount > 0, { samePath: true })
  const doSave = () => {
    setProblem(null)
    save.mutate(
      {
        siteId,
        month,
        cells: [...drafts].map(([k, cell]) => {
          const [workOrderId, date] = k.split('|') as [string, string]
          return { workOrderId, date, ...cell }
        }),
      },
      {
        onSuccess: () => {
          setDrafts(new Map())
          setHistory([])
          toast.success(t('saved'))
        },
        onError: (e) => setProblem(e),
      },
    )
  }
  const selected = (range.r1 - range.r0 + 1) * (range.c1 - range.c0 + 1)
  const openCell = open ? { row: data.rows[open.r]!, day: data.rows[open.r]!.days[open.c]! } : null

  if (data.rows.length === 0) return <p className="production__empty">{t('daily.noRows')}</p>
  return (
    <section className="production__section" aria-label={t('tabs.daily')}>
      {guard.prompt}
      {canEdit ? (
        <div className="production__toolbar">
          <label className="production__field">
            <span>{t('daily.dayStatus')}</span>
            <select
              className="input"
              value={bulk.dayStatus}
              onChange={(e) => setBulk((b) => ({ ...b, dayStatus: e.target.value }))}
            >
              <option value="">{t('daily.keep')}</option>
              <option value="-">{t('daily.none')}</option>
              {statuses.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="production__field">
            <span>{t('daily.signature')}</span>
            <select
              className="input"
              value={bulk.signature}
              onChange={(e) => setBulk((b) => ({ ...b, signature: e.target.value }))}
            >
              <option value="">{t('daily.keep')}</option>
              <option value="-">{t('daily.none')}</option>
              {SIGNATURES.map((s) => (
                <option key={s} value={s}>
                  {t(`signatures.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <Button
            onClick={() =>
              inRange((cell) => ({
                ...cell,
                ...(bulk.dayStatus ? { dayStatus: bulk.dayStatus === '-' ? null : bulk.dayStatus } : {}),
                ...(bulk.signature
                  ? { signature: bulk.signature === '-' ? null : (bulk.signature as TSignature) }
                  : {}),
              }))
            }
            disabled={!bulk.dayStatus && !bulk.signature}
          >
            {t('daily.apply')}
          </Button>
          <span className="production__muted">{t('daily.selection', { count: selected })}</span>
          <span className="production__spacer" />
          {dirtyCount ? (
            <span className="production__dirty" role="status">
              {t('unsaved', { count: dirtyCount })}
            </span>
          ) : null}
          <Button
            onClick={() => history.length && (setDrafts(history.at(-1)!), setHistory((h) => h.slice(0, -1)))}
            disabled={!history.length}
          >
            {t('undo')}
          </Button>
          <Button onClick={() => (setDrafts(new Map()), setHistory([]))} disabled={!dirtyCount}>
            {t('discard')}
          </Button>
          <Button variant="primary" onClick={doSave} loading={save.isPending} disabled={!dirtyCount}>
            {t('save')}
          </Button>
        </div>
      ) : null}
      {problem ? <SaveProblem error={problem} /> : null}
      {data.rows.some((r) => r.days.some((d) => d.blockedReason === 'closed')) ? (
        <p className="production__dirty" role="status" data-testid="month-closed">
          {t('monthly.closedNote')}
        </p>
      ) : null}
      <KeyGrid
        label={t('daily.caption', { site: siteName })}
        inline={false}
        lead={[
          { key: 'n', label: t('daily.workOrder'), width: 130 },
          { key: 'w', label: '', width: 190 },
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
          className: [0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()) ? 'kg__day--weekend' : '',
        }))}
        rows={rows}
        onEdit={onEdit}
        onOpen={(r, c) => setOpen({ r, c })}
        onUndo={() => history.length && (setDrafts(history.at(-1)!), setHistory((h) => h.slice(0, -1)))}
        onSelect={setRange}
      />
      <p className="production__help">{t('daily.help')}</p>
      {openCell ? (
        <CellDialog
          key={`${open!.r}|${open!.c}`}
          number={openCell.row.number}
          date={openCell.day.date}
          signed={openCell.day.signature === 'signed'}
          onDuty={openCell.day.onDuty?.name ?? null}
          cell={current(open!.r, open!.c)}
          statuses={statuses}
          canUnlock={can('production.unlock')}
          siteId={siteId}
          workOrderId={openCell.row.workOrderId}
          onClose={() => setOpen(null)}
          onApply={(cell) => {
            apply([{ r: open!.r, c: open!.c, cell }])
            setOpen(null)
          }}
        />
      ) : null}
    </section>
  )
}

function CellDialog(p: {
  number: string
  date: string
  signed: boolean
  onDuty: string | null
  cell: Cell
  statuses: TDayStatus[]
  canUnlock: boolean
  siteId: string
  workOrderId: string
  onClose: () => void
  onApply: (cell: Cell) => void
}) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const [cell, setCell] = useState<Cell>(p.cell)
  const [reason, setReason] = useState('')
  const unlock = useUnlockDay()
  return (
    <Dialog
      open
      onClose={p.onClose}
      title={t('daily.editCell', { date: fmt.date(p.date), number: p.number })}
      onSubmit={() => (p.signed ? undefined : p.onApply(cell))}
      footer={
        p.signed ? (
          <>
            <Button onClick={p.onClose}>{t('platform:actions.cancel')}</Button>
            {p.canUnlock ? (
              <Button
                variant="danger"
                loading={unlock.isPending}
                disabled={reason.trim().length < 5}
                onClick={() =>
                  unlock.mutate(
                    { workOrderId: p.workOrderId, siteId: p.siteId, date: p.date, reason },
                    {
                      onSuccess: () => {
                        toast.success(t('daily.unlocked'))
                        p.onClose()
                      },
                    },
                  )
                }
              >
                {t('daily.unlock')}
              </Button>
            ) : null}
          </>
        ) : (
          <>
            <Button onClick={p.onClose}>{t('platform:actions.cancel')}</Button>
            <Button variant="primary" type="submit">
              {t('daily.apply')}
            </Button>
          </>
        )
      }
    >
      {p.onDuty ? (
        <p className="production__muted daily-duty">{t('daily.onDuty', { name: p.onDuty })}</p>
      ) : null}
      {p.signed ? (
        <>
          <p>{t('daily.signedLocked')}</p>
          {p.canUnlock ? (
            <FormField label={t('daily.unlockReason')} hint={t('daily.unlockHint')} required>
              {(f) => (
                <textarea
                  {...f}
                  className="input"
                  rows={3}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              )}
            </FormField>
          ) : null}
          {unlock.isError ? <p className="production__error">{errorMessage(unlock.error)}</p> : null}
        </>
      ) : (
        <>
          <FormField label={t('daily.dayStatus')}>
            {(f) => (
              <select
                {...f}
                className="input"
                value={cell.dayStatus ?? ''}
                onChange={(e) => setCell((c) => ({ ...c, dayStatus: e.target.value || null }))}
              >
                <option value="">{t('daily.none')}</option>
                {p.statuses.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('daily.signature')}>
            {(f) => (
              <select
                {...f}
                className="input"
                value={cell.signature ?? ''}
                onChange={(e) =>
                  setCell((c) => ({ ...c, signature: (e.target.value || null) as TSignature | null }))
                }
              >
                <option value="">{t('daily.none')}</option>
                {SIGNATURES.map((s) => (
                  <option key={s} value={s}>
                    {t(`signatures.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('daily.comment')}>
            {(f) => (
              <textarea
                {...f}
                className="input"
                rows={2}
                maxLength={500}
                value={cell.comment ?? ''}
                onChange={(e) => setCell((c) => ({ ...c, comment: e.target.value || null }))}
              />
            )}
          </FormField>
        </>
      )}
    </Dialog>
  )
}
