/**
 * The "Avance" tab of a work order (docs/schedules.md#progress-two-truths): the active schedule's task tree
 * with the contractor's real % and the client's acknowledged % edited in place (arrows/Enter between tasks,
 * Esc to undo a cell, a column pasted from Excel fills the tasks below), a late-tasks filter, the bulk
 * "client acknowledges up to a date", the per-task history, the S-curves and the XLSX export.
 */
import { useId, useMemo, useState, type ClipboardEvent, type KeyboardEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TScheduleProgress, TTaskProgress } from '@faena/contracts'
import { isApiError } from '../../platform/api'
import {
  Button,
  Dialog,
  EmptyState,
  ErrorState,
  FormError,
  StatusBadge,
  useToast,
  useUnsavedChanges,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { todayIn } from '../../platform/format'
import { useCan, useFormat } from '../../platform/session'
import {
  curveQuery,
  exportProgress,
  familyCurveQuery,
  historyQuery,
  progressQuery,
  useAcknowledgeProgress,
  useSaveProgress,
  type CurveBy,
} from './api'
import { parsePercentInput, pastedColumn, samePercent, type PercentParse } from './progress-input'
import { FamilyCurveChart, SCurveChart } from './s-curve'
import './schedules.css'

type Truth = 'real' | 'client'
type Drafts = Record<string, string>
const key = (uid: number, truth: Truth) => `${uid}:${truth}`
const cellId = (uid: number, truth: Truth) => `sprog-${truth}-${uid}`

/** The tasks shown: all, or the late leaves with the summaries above them (for context). */
function visibleTasks(p: TScheduleProgress, lateOnly: boolean): TTaskProgress[] {
  if (!lateOnly) return p.tasks
  const byUid = new Map(p.tasks.map((x) => [x.taskUid, x]))
  const keep = new Set<number>()
  for (const task of p.tasks) {
    if (task.summary || !task.late) continue
    let uid: number | null = task.taskUid
    while (uid !== null && !keep.has(uid)) {
      keep.add(uid)
      uid = byUid.get(uid)?.parentUid ?? null
    }
  }
  return p.tasks.filter((x) => keep.has(x.taskUid))
}

const HistoryDialog = ({
  workOrderId,
  task,
  onClose,
}: {
  workOrderId: string
  task: { taskUid: number; name: string } | null
  onClose: () => void
}) => {
  const { t } = useTranslation(['schedules', 'platform'])
  const fmt = useFormat()
  const q = useQuery({ ...historyQuery(workOrderId, task?.taskUid ?? null), enabled: task !== null })
  return (
    <Dialog
      open={task !== null}
      onClose={onClose}
      size="lg"
      title={task ? t('progress.history.taskTitle', { name: task.name }) : ''}
      footer={<Button onClick={onClose}>{t('platform:actions.close')}</Button>}
    >
      {q.isError ? (
        <ErrorState error={q.error} compact />
      ) : !q.data ? (
        <p className="muted">{t('platform:common.loading')}</p>
      ) : q.data.items.length === 0 ? (
        <p className="muted">{t('progress.history.empty')}</p>
      ) : (
        <table className="table table--dense" data-testid="progress-history">
          <thead>
            <tr>
              <th scope="col">{t('progress.history.when')}</th>
              <th scope="col">{t('progress.history.truth')}</th>
              <th scope="col">{t('progress.history.value')}</th>
              <th scope="col">{t('progress.history.previous')}</th>
              <th scope="col">{t('progress.history.date')}</th>
              <th scope="col">{t('progress.history.comment')}</th>
              <th scope="col">{t('progress.history.who')}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((e) => (
              <tr key={e.id}>
                <td>{fmt.dateTime(e.enteredAt)}</td>
                <td>{t(`progress.truth.${e.kind}`)}</td>
                <td className="num">{fmt.percent(e.percent, { ratio: false })}</td>
                <td className="num">
                  {e.previousPercent ? fmt.percent(e.previousPercent, { ratio: false }) : '—'}
                </td>
                <td>{fmt.date(e.date)}</td>
                <td>
                  {e.comment ?? ''}
                  {e.source === 'acknowledge' ? (
                    <span className="muted"> ({t('progress.history.acknowledged')})</span>
                  ) : null}
                </td>
                <td>{e.enteredBy?.name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  )
}

const AcknowledgeDialog = ({
  workOrderId,
  open,
  today,
  onClose,
}: {
  workOrderId: string
  open: boolean
  today: string
  onClose: () => void
}) => {
  const { t } = useTranslation(['schedules', 'platform'])
  const toast = useToast()
  const run = useAcknowledgeProgress(workOrderId)
  const dateId = useId()
  const commentId = useId()
  const [upTo, setUpTo] = useState(today)
  const [comment, setComment] = useState('')
  const close = () => {
    run.reset()
    onClose()
  }
  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('progress.acknowledge.title')}
      onSubmit={() =>
        run.mutate(
          { upTo, ...(comment.trim() ? { comment: comment.trim() } : {}) },
          {
            onSuccess: (r) => {
              toast.success(t('progress.acknowledge.done', { count: r.saved }))
              close()
            },
          },
        )
      }
      footer={
        <>
          <Button onClick={close}>{t('platform:actions.cancel')}</Button>
          <Button type="submit" variant="primary" loading={run.isPending} data-testid="acknowledge-run">
            {t('progress.acknowledge.run')}
          </Button>
        </>
      }
    >
      <p>{t('progress.acknowledge.body')}</p>
      <div className="field">
        <label className="field__label" htmlFor={dateId}>
          {t('progress.acknowledge.upTo')}
        </label>
        <input
          id={dateId}
          className="input"
          type="date"
          max={today}
          required
          value={upTo}
          onChange={(e) => setUpTo(e.target.value)}
          data-testid="acknowledge-date"
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={commentId}>
          {t('progress.entryComment')}
        </label>
        <input
          id={commentId}
          className="input"
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {run.isError ? <FormError>{errorMessage(run.error)}</FormError> : null}
    </Dialog>
  )
}

const Curves = ({ workOrderId, today }: { workOrderId: string; today: string }) => {
  const { t } = useTranslation('schedules')
  const [by, setBy] = useState<CurveBy>('week')
  const curve = useQuery(curveQuery(workOrderId, by))
  const family = useQuery(familyCurveQuery(workOrderId, by))
  const byId = useId()
  const series =
    family.data?.members.map((m) => ({
      label:
        m.reprogrammingNumber === null
          ? t('progress.curve.initial', { number: m.number })
          : t('progress.curve.reprogramming', { number: m.number, n: m.reprogrammingNumber }),
      points: m.points,
    })) ?? []
  return (
    <section className="sprog__curves" aria-label={t('progress.curve.title')}>
      <div className="sprog__curves-head">
        <h3 className="section-title">{t('progress.curve.title')}</h3>
        <div className="field sprog__inline-field">
          <label className="field__label" htmlFor={byId}>
            {t('progress.curve.by')}
          </label>
          <select id={byId} className="input" value={by} onChange={(e) => setBy(e.target.value as CurveBy)}>
            <option value="week">{t('progress.curve.week')}</option>
            <option value="month">{t('progress.curve.month')}</option>
          </select>
        </div>
      </div>
      {curve.isError ? (
        <ErrorState error={curve.error} compact />
      ) : curve.data ? (
        <SCurveChart points={curve.data.points} today={today} />
      ) : null}
      {series.length > 1 ? (
        <>
          <h3 className="section-title">{t('progress.curve.familyTitle')}</h3>
          <FamilyCurveChart series={series} today={today} />
          {series
            .filter((s) => s.points.length === 0)
            .map((s) => (
              <p key={s.label} className="muted">
                {t('progress.curve.noSchedule', { label: s.label })}
              </p>
            ))}
        </>
      ) : null}
    </section>
  )
}

/** The editable grid and everything around it, for one loaded progress. */
const ProgressEditor = ({ workOrderId, progress }: { workOrderId: string; progress: TScheduleProgress }) => {
  const { t, i18n } = useTranslation(['schedules', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const toast = useToast()
  const save = useSaveProgress(workOrderId)
  const canReal = can('schedule.progress')
  const canClient = can('schedule.acknowledge')
  const today = progress.asOf || todayIn(fmt.timeZone)
  const [drafts, setDrafts] = useState<Drafts>({})
  const [lateOnly, setLateOnly] = useState(false)
  const [entryDate, setEntryDate] = useState(today)
  const [comment, setComment] = useState('')
  const [acknowledging, setAcknowledging] = useState(false)
  const [historyOf, setHistoryOf] = useState<{ taskUid: number; name: string } | null>(null)
  const dateId = useId()
  const commentId = useId()

  const tasks = useMemo(() => visibleTasks(progress, lateOnly), [progress, lateOnly])
  const editable = (truth: Truth) => (truth === 'real' ? canReal : canClient)
  const current = (task: TTaskProgress, truth: Truth) => task[truth]?.percent ?? null
  const parsed = useMemo(() => {
    const out: Record<string, PercentParse> = {}
    for (const [k, v] of Object.entries(drafts)) out[k] = parsePercentInput(v, fmt.locale)
    return out
  }, [drafts, fmt.locale])
  const byUid = useMemo(() => new Map(progress.tasks.map((x) => [x.taskUid, x])), [progress])
  /** drafts that change something: a valid value different from the current one */
  const changes = useMemo(() => {
    const list: { uid: number; truth: Truth; value: string }[] = []
    for (const [k, r] of Object.entries(parsed)) {
      const [uidText, truth] = k.split(':') as [string, Truth]
      const task = byUid.get(Number(uidText))
      if (!task || !r.ok || r.value === '') continue
      const now = current(task, truth)
      if (now !== null && samePercent(now, r.value)) continue
      list.push({ uid: task.taskUid, truth, value: r.value })
    }
    return list
  }, [parsed, byUid])
  const invalid = Object.values(parsed).filter((r) => !r.ok).length
  const dirty = changes.length > 0 || invalid > 0
  const guard = useUnsavedChanges(dirty, { samePath: true })

  const leaves = tasks.filter((x) => !x.summary)
  const move = (uid: number, truth: Truth, delta: number) => {
    const i = leaves.findIndex((x) => x.taskUid === uid)
    const next = leaves[i + delta]
    if (next) document.getElementById(cellId(next.taskUid, truth))?.focus()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, task: TTaskProgress, truth: Truth) => {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) {
      e.preventDefault()
      move(task.taskUid, truth, 1)
    } else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) {
      e.preventDefault()
      move(task.taskUid, truth, -1)
    } else if (e.key === 'Escape') {
      setDrafts((d) => {
        const rest = { ...d }
        delete rest[key(task.taskUid, truth)]
        return rest
      })
    }
  }
  const onPaste = (e: ClipboardEvent<HTMLInputElement>, task: TTaskProgress, truth: Truth) => {
    const cells = pastedColumn(e.clipboardData.getData('text/plain'))
    if (cells.length <= 1) return // one value: the input's own paste
    e.preventDefault()
    const start = leaves.findIndex((x) => x.taskUid === task.taskUid)
    setDrafts((d) => {
      const next = { ...d }
      cells.forEach((v, i) => {
        const target = leaves[start + i]
        if (target) next[key(target.taskUid, truth)] = v
      })
      return next
    })
  }

  const onSave = () => {
    if (invalid > 0 || changes.length === 0) return
    const items = new Map<number, { taskUid: number; realPercent?: string; clientPercent?: string }>()
    for (const c of changes) {
      const item = items.get(c.uid) ?? { taskUid: c.uid }
      if (c.truth === 'real') item.realPercent = c.value
      else item.clientPercent = c.value
      items.set(c.uid, item)
    }
    save.mutate(
      {
        items: [...items.values()].map((x) => ({
          ...x,
          date: entryDate,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        })),
      },
      {
        onSuccess: (r) => {
          setDrafts({})
          toast.success(r.saved > 0 ? t('progress.saved', { count: r.saved }) : t('progress.nothingChanged'))
        },
      },
    )
  }
  /** the server's refusal of one cell (`items.3.realPercent`) shown on that cell */
  const serverErrors = useMemo(() => {
    const out = new Map<string, string>()
    if (!isApiError(save.error)) return out
    const body = save.variables?.items ?? []
    for (const d of save.error.details) {
      const m = /^items\.(\d+)\.(\w+)$/.exec(d.path)
      const item = m ? body[Number(m[1])] : undefined
      if (!item || !m) continue
      const truth: Truth = m[2] === 'clientPercent' ? 'client' : 'real'
      out.set(key(item.taskUid, truth), d.message)
    }
    return out
  }, [save.error, save.variables])

  const pct = (v: string) => fmt.percent(v, { ratio: false })
  const basisText =
    progress.basis === 'weight'
      ? progress.weightField
        ? t('progress.basis.weight', { field: progress.weightField })
        : t('progress.basis.weightNoField')
      : t(`progress.basis.${progress.basis}`)
  const gapOn = (g: string) => !samePercent(g, '0')

  const cell = (task: TTaskProgress, truth: Truth) => {
    const k = key(task.taskUid, truth)
    const value = task[truth === 'real' ? 'realPercent' : 'clientPercent']
    if (task.summary || !editable(truth)) {
      return <span className={task.summary ? 'sprog__rolled' : undefined}>{pct(value)}</span>
    }
    const draft = drafts[k]
    const r = parsed[k]
    const error = r && !r.ok ? t(`progress.invalid.${r.reason}`) : serverErrors.get(k)
    const changed = changes.some((c) => c.uid === task.taskUid && c.truth === truth)
    return (
      <>
        <input
          id={cellId(task.taskUid, truth)}
          className={`input sprog__input${changed ? ' sprog__input--changed' : ''}`}
          inputMode="decimal"
          autoComplete="off"
          aria-label={t('progress.cellLabel', { truth: t(`progress.truth.${truth}`), task: task.name })}
          aria-invalid={error ? true : undefined}
          title={error}
          value={draft ?? (task[truth] ? task[truth].percent.replace(/\.00$/, '') : '')}
          placeholder="0"
          onChange={(e) => setDrafts((d) => ({ ...d, [k]: e.target.value }))}
          onKeyDown={(e) => onKeyDown(e, task, truth)}
          onPaste={(e) => onPaste(e, task, truth)}
          onFocus={(e) => e.target.select()}
          data-testid={`progress-${truth}-${task.taskUid}`}
        />
        {error ? <span className="sprog__cell-error">{error}</span> : null}
      </>
    )
  }
  const last = (task: TTaskProgress) => {
    const entries = [task.real, task.client].filter((x) => x !== null)
    const latest = entries.sort((a, b) => b.enteredAt.localeCompare(a.enteredAt))[0]
    return latest
      ? t('progress.entered', { date: fmt.date(latest.date), name: latest.enteredBy?.name ?? '—' })
      : ''
  }

  return (
    <div className="sprog" data-testid="progress-editor">
      <div className="sprog__totals" data-testid="progress-totals">
        <div className="sprog__total">
          <span className="sprog__total-label">{t('progress.total.planned')}</span>
          <span className="sprog__total-value" data-testid="total-planned">
            {pct(progress.total.plannedPercent)}
          </span>
        </div>
        <div className="sprog__total sprog__total--real">
          <span className="sprog__total-label">{t('progress.total.real')}</span>
          <span className="sprog__total-value" data-testid="total-real">
            {pct(progress.total.realPercent)}
          </span>
        </div>
        <div className="sprog__total sprog__total--client">
          <span className="sprog__total-label">{t('progress.total.client')}</span>
          <span className="sprog__total-value" data-testid="total-client">
            {pct(progress.total.clientPercent)}
          </span>
        </div>
        <div className={`sprog__total${gapOn(progress.total.gap) ? ' sprog__total--gap' : ''}`}>
          <span className="sprog__total-label">{t('progress.total.gap')}</span>
          <span className="sprog__total-value" data-testid="total-gap">
            {pct(progress.total.gap)}
          </span>
        </div>
        <div className="sprog__total">
          <span className="sprog__total-label">{t('progress.total.late')}</span>
          <span className="sprog__total-value">{fmt.integer(progress.lateTasks)}</span>
        </div>
      </div>
      <p className="sprog__facts">
        <span>{t('progress.version', { version: progress.version })}</span> ·{' '}
        <span data-testid="progress-basis">{basisText}</span> ·{' '}
        <span>{t('progress.asOf', { date: fmt.date(progress.asOf) })}</span>
      </p>

      <div className="sprog__toolbar">
        <label className="sprog__check">
          <input
            type="checkbox"
            checked={lateOnly}
            onChange={(e) => setLateOnly(e.target.checked)}
            data-testid="progress-late-only"
          />{' '}
          {t('progress.lateOnly', { count: progress.lateTasks })}
        </label>
        {canReal || canClient ? (
          <>
            <div className="field sprog__inline-field">
              <label className="field__label" htmlFor={dateId}>
                {t('progress.entryDate')}
              </label>
              <input
                id={dateId}
                className="input"
                type="date"
                max={today}
                value={entryDate}
                onChange={(e) => setEntryDate(e.target.value)}
                data-testid="progress-date"
              />
            </div>
            <div className="field sprog__inline-field sprog__comment">
              <label className="field__label" htmlFor={commentId}>
                {t('progress.entryComment')}
              </label>
              <input
                id={commentId}
                className="input"
                maxLength={1000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                data-testid="progress-comment"
              />
            </div>
          </>
        ) : null}
        <div className="sprog__actions">
          {canClient ? (
            <Button
              onClick={() => setAcknowledging(true)}
              disabled={dirty}
              title={dirty ? t('progress.acknowledge.saveFirst') : undefined}
              data-testid="acknowledge-open"
            >
              {t('progress.acknowledge.button')}
            </Button>
          ) : null}
          <Button
            onClick={() => void exportProgress(workOrderId, i18n.language.startsWith('en') ? 'en' : 'es')}
          >
            {t('progress.export')}
          </Button>
          {canReal || canClient ? (
            <>
              <Button onClick={() => setDrafts({})} disabled={!dirty || save.isPending}>
                {t('progress.discard')}
              </Button>
              <Button
                variant="primary"
                onClick={onSave}
                disabled={changes.length === 0 || invalid > 0}
                loading={save.isPending}
                data-testid="progress-save"
              >
                {t('progress.save', { count: changes.length })}
              </Button>
            </>
          ) : null}
        </div>
      </div>
      {invalid > 0 ? <FormError>{t('progress.invalidCount', { count: invalid })}</FormError> : null}
      {save.isError ? <FormError>{errorMessage(save.error)}</FormError> : null}
      {canReal || canClient ? <p className="field__hint">{t('progress.keyboardHint')}</p> : null}

      <div className="sprog__table-wrap">
        <table className="table table--dense sprog__table" data-testid="progress-table">
          <thead>
            <tr>
              <th scope="col">{t('progress.col.wbs')}</th>
              <th scope="col">{t('progress.col.task')}</th>
              <th scope="col">{t('progress.col.start')}</th>
              <th scope="col">{t('progress.col.finish')}</th>
              <th scope="col" className="num">
                {t('progress.col.weight')}
              </th>
              <th scope="col" className="num">
                {t('progress.col.planned')}
              </th>
              <th scope="col" className="num">
                {t('progress.col.real')}
              </th>
              <th scope="col" className="num">
                {t('progress.col.client')}
              </th>
              <th scope="col" className="num">
                {t('progress.col.gap')}
              </th>
              <th scope="col">{t('progress.col.last')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr
                key={task.taskUid}
                className={task.summary ? 'sprog__row--summary' : undefined}
                data-testid={`progress-row-${task.taskUid}`}
              >
                <td className="mono">{task.wbs ?? task.id ?? task.taskUid}</td>
                <th
                  scope="row"
                  className="sprog__name"
                  style={{ paddingInlineStart: `${0.5 + (task.outlineLevel - 1) * 1.1}rem` }}
                  title={task.summary ? t('progress.summaryHint') : undefined}
                >
                  {task.name}
                  {!task.summary && task.late ? (
                    <>
                      {' '}
                      <StatusBadge tone="warning">{t('progress.lateBadge')}</StatusBadge>
                    </>
                  ) : null}
                </th>
                <td>{fmt.date(task.start)}</td>
                <td>{fmt.date(task.finish)}</td>
                <td className="num muted">
                  {task.basisWeight !== null ? fmt.quantity(task.basisWeight, { maxFractionDigits: 2 }) : ''}
                </td>
                <td className="num">{pct(task.plannedPercent)}</td>
                <td className="num sprog__cell">{cell(task, 'real')}</td>
                <td className="num sprog__cell">{cell(task, 'client')}</td>
                <td className={`num${gapOn(task.gap) ? ' sprog__gap--on' : ''}`}>{pct(task.gap)}</td>
                <td className="sprog__last">
                  {!task.summary ? (
                    <button
                      type="button"
                      className="sprog__link"
                      onClick={() => setHistoryOf({ taskUid: task.taskUid, name: task.name })}
                      aria-label={`${t('progress.history.button')}: ${task.name}`}
                    >
                      {last(task) || t('progress.history.button')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="sprog__row--total">
              <td />
              <th scope="row">{t('progress.totalRow')}</th>
              <td />
              <td />
              <td />
              <td className="num">{pct(progress.total.plannedPercent)}</td>
              <td className="num">{pct(progress.total.realPercent)}</td>
              <td className="num">{pct(progress.total.clientPercent)}</td>
              <td className={`num${gapOn(progress.total.gap) ? ' sprog__gap--on' : ''}`}>
                {pct(progress.total.gap)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>

      {progress.removedTasks.length > 0 ? (
        <details className="sprog__removed" data-testid="progress-removed">
          <summary>{t('progress.removed.title', { count: progress.removedTasks.length })}</summary>
          <p className="muted">{t('progress.removed.hint')}</p>
          <ul>
            {progress.removedTasks.map((r) => (
              <li key={r.taskUid}>
                <button
                  type="button"
                  className="sprog__link"
                  onClick={() => setHistoryOf({ taskUid: r.taskUid, name: r.name })}
                >
                  {r.name}
                </button>{' '}
                <span className="muted">
                  {t('progress.truth.real')}: {r.real ? pct(r.real.percent) : '—'} ·{' '}
                  {t('progress.truth.client')}: {r.client ? pct(r.client.percent) : '—'}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <Curves workOrderId={workOrderId} today={today} />

      <HistoryDialog workOrderId={workOrderId} task={historyOf} onClose={() => setHistoryOf(null)} />
      {acknowledging ? (
        <AcknowledgeDialog
          workOrderId={workOrderId}
          open
          today={today}
          onClose={() => setAcknowledging(false)}
        />
      ) : null}
      {guard.prompt}
    </div>
  )
}

/** The "Avance" tab: progress of the work order's schedule in force. */
export const ScheduleProgressTab = ({ workOrderId }: { workOrderId: string }) => {
  const { t } = useTranslation(['schedules', 'platform'])
  const q = useQuery(progressQuery(workOrderId))
  let body
  if (q.isError) {
    body =
      isApiError(q.error) && q.error.status === 404 ? (
        <EmptyState title={t('progress.none')} />
      ) : (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      )
  } else if (!q.data) body = <p className="muted">{t('platform:common.loading')}</p>
  else body = <ProgressEditor workOrderId={workOrderId} progress={q.data} />
  return (
    <div className="sprog-tab" data-testid="progress-tab">
      <div className="sched-tab__head">
        <h2 className="sched-tab__title">{t('progress.title')}</h2>
      </div>
      <p className="muted sprog__intro">{t('progress.intro')}</p>
      {body}
    </div>
  )
}
