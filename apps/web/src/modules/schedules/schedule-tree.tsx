import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TScheduleDependency, TScheduleDetail, TScheduleTask } from '@faena/contracts'
import { Button } from '../../platform/components'
import { useFormat } from '../../platform/session'

const DAY_MS = 86_400_000
/** Day number of a business date (UTC midnight), for positions on the Gantt only. */
const dayOf = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

type Span = { first: number; days: number }

/** The days the chart covers: every task's start and finish (the project dates when there are none). */
function spanOf(detail: TScheduleDetail): Span | null {
  let min = Infinity
  let max = -Infinity
  for (const t of detail.tasks) {
    if (t.start) min = Math.min(min, dayOf(t.start))
    if (t.finish) max = Math.max(max, dayOf(t.finish))
  }
  if (!Number.isFinite(min) && detail.version.startDate) min = dayOf(detail.version.startDate)
  if (!Number.isFinite(max) && detail.version.finishDate) max = dayOf(detail.version.finishDate)
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return null
  return { first: min, days: max - min + 1 }
}

/** Month starts inside the span, as ticks (position in %) for the Gantt header. */
function monthTicks(span: Span): { left: number; date: string }[] {
  const ticks: { left: number; date: string }[] = []
  const start = new Date(span.first * DAY_MS)
  let y = start.getUTCFullYear()
  let m = start.getUTCMonth()
  // at most ~24 labels: step months when the span is long
  const months = Math.ceil(span.days / 30)
  const step = Math.max(1, Math.ceil(months / 12))
  for (;;) {
    const day = Date.UTC(y, m, 1) / DAY_MS
    if (day > span.first + span.days) break
    if (day >= span.first) ticks.push({ left: ((day - span.first) / span.days) * 100, date: dateOf(day) })
    m += step
    y += Math.floor(m / 12)
    m %= 12
  }
  return ticks
}

const pct = (v: string) => Math.max(0, Math.min(100, Number(v)))

const lagText = (d: TScheduleDependency, fmt: ReturnType<typeof useFormat>) => {
  if (d.lagPercent !== null) return `+${fmt.quantity(d.lagPercent)}%`
  if (!d.lagDays || Number(d.lagDays) === 0) return ''
  return `${d.lagDays.startsWith('-') ? '' : '+'}${fmt.quantity(d.lagDays, { maxFractionDigits: 2 })}d`
}

/** The schedule as an expandable task tree (outline levels, summaries bold) with a simple Gantt. */
export const ScheduleTree = ({ detail }: { detail: TScheduleDetail }) => {
  const { t } = useTranslation('schedules')
  const fmt = useFormat()
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set())
  const { tasks, dependencies } = detail
  const byUid = useMemo(() => new Map(tasks.map((x) => [x.uid, x])), [tasks])
  const predecessors = useMemo(() => {
    const m = new Map<number, TScheduleDependency[]>()
    for (const d of dependencies) {
      const list = m.get(d.successorUid)
      if (list) list.push(d)
      else m.set(d.successorUid, [d])
    }
    return m
  }, [dependencies])
  const hasChildren = useMemo(
    () => new Set(tasks.map((x) => x.parentUid).filter((x): x is number => x !== null)),
    [tasks],
  )
  const span = useMemo(() => spanOf(detail), [detail])
  const ticks = useMemo(() => (span ? monthTicks(span) : []), [span])
  const hasWeight = tasks.some((x) => x.weight !== null)

  const visible = tasks.filter((task) => {
    let p = task.parentUid
    while (p !== null) {
      if (collapsed.has(p)) return false
      p = byUid.get(p)?.parentUid ?? null
    }
    return true
  })
  const toggle = (uid: number) =>
    setCollapsed((prev) => {
      const next = new Set(prev)
      if (next.has(uid)) next.delete(uid)
      else next.add(uid)
      return next
    })

  const bar = (task: TScheduleTask) => {
    if (!span || !task.start) return null
    const s = dayOf(task.start)
    const f = task.finish ? dayOf(task.finish) : s
    const left = ((s - span.first) / span.days) * 100
    const label = t('tree.bar', {
      name: task.name,
      start: fmt.date(task.start),
      finish: fmt.date(task.finish),
      progress: fmt.quantity(task.percentComplete),
    })
    if (task.milestone) {
      return (
        <span
          className="gantt__milestone"
          style={{ left: `${left}%` }}
          role="img"
          aria-label={`${t('tree.milestone')}: ${label}`}
          title={label}
        />
      )
    }
    const width = Math.max(((f - s + 1) / span.days) * 100, 0.5)
    return (
      <span
        className={task.summary ? 'gantt__bar gantt__bar--summary' : 'gantt__bar'}
        style={{ left: `${left}%`, width: `${width}%` }}
        role="img"
        aria-label={label}
        title={label}
      >
        {task.summary ? null : (
          <span className="gantt__done" style={{ width: `${pct(task.percentComplete)}%` }} />
        )}
      </span>
    )
  }

  return (
    <div className="sched-tree">
      <div className="sched-tree__tools">
        <Button size="sm" onClick={() => setCollapsed(new Set())}>
          {t('tree.expandAll')}
        </Button>
        <Button size="sm" onClick={() => setCollapsed(new Set(hasChildren))}>
          {t('tree.collapseAll')}
        </Button>
      </div>
      <div className="sched-tree__scroll">
        <table className="table table--dense sched-table" data-testid="schedule-tree">
          <caption className="visually-hidden">{t('tree.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="sched-col--wbs">
                {t('tree.wbs')}
              </th>
              <th scope="col" className="sched-col--name">
                {t('tree.name')}
              </th>
              <th scope="col" className="cell--end">
                {t('tree.duration')}
              </th>
              <th scope="col">{t('tree.start')}</th>
              <th scope="col">{t('tree.finish')}</th>
              <th scope="col" className="cell--end">
                {t('tree.progress')}
              </th>
              {hasWeight ? (
                <th scope="col" className="cell--end">
                  {t('tree.weight')}
                </th>
              ) : null}
              <th scope="col">{t('tree.predecessors')}</th>
              <th scope="col" className="sched-col--gantt">
                <span className="visually-hidden">{t('tree.gantt')}</span>
                <span className="gantt__axis" aria-hidden="true">
                  {ticks.map((tick) => (
                    <span key={tick.date} className="gantt__tick" style={{ left: `${tick.left}%` }}>
                      {fmt.month(tick.date, 'short')}
                    </span>
                  ))}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((task) => {
              const isParent = hasChildren.has(task.uid)
              const open = !collapsed.has(task.uid)
              const preds = predecessors.get(task.uid) ?? []
              return (
                <tr
                  key={task.uid}
                  className={task.summary ? 'sched-row sched-row--summary' : 'sched-row'}
                  data-uid={task.uid}
                >
                  <td className="nowrap mono sched-col--wbs">{task.wbs ?? task.outlineNumber ?? ''}</td>
                  <td className="sched-col--name">
                    <span
                      className="sched-name"
                      style={{ paddingLeft: `${(Math.max(task.outlineLevel, 1) - 1) * 18}px` }}
                    >
                      {isParent ? (
                        <button
                          type="button"
                          className="expand-button sched-toggle"
                          aria-expanded={open}
                          aria-label={
                            open
                              ? t('tree.collapse', { name: task.name })
                              : t('tree.expand', { name: task.name })
                          }
                          onClick={() => toggle(task.uid)}
                        >
                          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                        </button>
                      ) : (
                        <span className="sched-toggle sched-toggle--leaf" aria-hidden="true" />
                      )}
                      <span className="sched-name__text">
                        {task.milestone ? (
                          <span className="sched-milestone" aria-label={t('tree.milestone')}>
                            ◆{' '}
                          </span>
                        ) : null}
                        {task.name}
                      </span>
                    </span>
                  </td>
                  <td className="cell--end nowrap">
                    {task.durationDays === null
                      ? ''
                      : fmt.quantity(task.durationDays, { maxFractionDigits: 2 })}
                  </td>
                  <td className="nowrap">{fmt.date(task.start)}</td>
                  <td className="nowrap">{fmt.date(task.finish)}</td>
                  <td className="cell--end nowrap">
                    {fmt.quantity(task.progress, { maxFractionDigits: 2 })}
                  </td>
                  {hasWeight ? (
                    <td className="cell--end nowrap">
                      {task.weight === null ? '' : fmt.quantity(task.weight, { maxFractionDigits: 2 })}
                    </td>
                  ) : null}
                  <td className="nowrap sched-preds">
                    {preds
                      .map((d) => {
                        const p = byUid.get(d.predecessorUid)
                        const type = d.type === 'FS' && !lagText(d, fmt) ? '' : d.type
                        return `${p?.id ?? d.predecessorUid}${type}${lagText(d, fmt)}`
                      })
                      .join('; ')}
                  </td>
                  <td className="sched-col--gantt">
                    <span className="gantt__lane">
                      {ticks.map((tick) => (
                        <span
                          key={tick.date}
                          className="gantt__grid"
                          style={{ left: `${tick.left}%` }}
                          aria-hidden="true"
                        />
                      ))}
                      {bar(task)}
                    </span>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}
