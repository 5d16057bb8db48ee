import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TScheduleDiff, TScheduleVersion } from '@faena/contracts'
import { isApiError } from '../../platform/api'
import {
  Button,
  Dialog,
  EmptyState,
  ErrorState,
  FormError,
  StatusBadge,
  useToast,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useCan, useFormat } from '../../platform/session'
import { diffQuery, useImportSchedule, versionQuery, versionsQuery } from './api'
import { ScheduleTree } from './schedule-tree'
import './schedules.css'

/** Why a `.mpp` was refused (the server's `details[0].reason`), said in the user's language (`upload.refused`). */
const MPP_REFUSALS = [
  'EMPTY',
  'NOT_OLE2',
  'CORRUPT',
  'NOT_MPP',
  'UNSUPPORTED_VERSION',
  'ENCRYPTED',
  'SUBPROJECTS',
  'NO_TASKS',
  'TOO_MANY_RECORDS',
] as const
type MppRefusal = (typeof MPP_REFUSALS)[number]
const isMppRefusal = (r: unknown): r is MppRefusal => MPP_REFUSALS.includes(r as MppRefusal)

/**
 * A refused file: a `.mpp` refusal in the user's language; else the server's own words (not MS Project XML,
 * with the line); else the generic message.
 */
const fileErrorMessage = (e: unknown, refused: (reason: MppRefusal) => string) => {
  if (!isApiError(e) || e.status >= 500) return errorMessage(e)
  const reason = (e.details[0] as { reason?: unknown } | undefined)?.reason
  return isMppRefusal(reason) ? refused(reason) : (e.details[0]?.message ?? e.message)
}

const UploadDialog = ({
  workOrderId,
  open,
  onClose,
  onImported,
}: {
  workOrderId: string
  open: boolean
  onClose: () => void
  onImported: (versionId: string) => void
}) => {
  const { t } = useTranslation(['schedules', 'platform'])
  const id = useId()
  const toast = useToast()
  const run = useImportSchedule(workOrderId)
  const [file, setFile] = useState<File | null>(null)
  const close = () => {
    run.reset()
    setFile(null)
    onClose()
  }
  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('upload.title')}
      onSubmit={() =>
        file &&
        run.mutate(file, {
          onSuccess: (r) => {
            toast.success(t('upload.done', { version: r.version, tasks: r.tasks }))
            onImported(r.versionId)
            close()
          },
        })
      }
      footer={
        <>
          <Button onClick={close}>{t('platform:actions.cancel')}</Button>
          <Button
            type="submit"
            variant="primary"
            disabled={!file}
            loading={run.isPending}
            data-testid="schedule-upload-run"
          >
            {run.isPending ? t('upload.running') : t('upload.run')}
          </Button>
        </>
      }
    >
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('upload.file')}
        </label>
        <input
          id={id}
          className="input"
          type="file"
          accept=".mpp,.xml,application/vnd.ms-project,application/xml,text/xml"
          onChange={(e) => {
            run.reset()
            setFile(e.target.files?.[0] ?? null)
          }}
          data-testid="schedule-file"
        />
        <p className="field__hint">{t('upload.hint')}</p>
      </div>
      {run.isError ? (
        <FormError>{fileErrorMessage(run.error, (r) => t(`upload.refused.${r}`))}</FormError>
      ) : null}
    </Dialog>
  )
}

const VersionInfo = ({ v }: { v: TScheduleVersion }) => {
  const { t } = useTranslation('schedules')
  const fmt = useFormat()
  return (
    <div className="sched-info" data-testid="schedule-info">
      <p className="sched-info__name">
        {v.projectTitle || v.projectName || v.fileName}
        {v.active ? (
          <>
            {' '}
            <StatusBadge tone="success">{t('activeSuffix').replace(/[()]/g, '')}</StatusBadge>
          </>
        ) : null}
      </p>
      <ul className="sched-info__facts">
        {v.startDate || v.finishDate ? (
          <li>{t('project.span', { start: fmt.date(v.startDate), finish: fmt.date(v.finishDate) })}</li>
        ) : null}
        <li data-testid="schedule-source">
          {t(v.sourceFormat === 'mpp' ? 'project.sourceMpp' : 'project.sourceMspdi')}
        </li>
        <li>{t('project.tasks', { count: v.taskCount })}</li>
        <li>{t('project.dependencies', { count: v.dependencyCount })}</li>
        <li>
          {t('project.minutesPerDay', {
            hours: fmt.quantity(String(v.minutesPerDay / 60), { maxFractionDigits: 2 }),
          })}
        </li>
        {v.weightField ? <li>{t('project.weight', { alias: v.weightField.alias })}</li> : null}
        {v.progressField ? <li>{t('project.progress', { alias: v.progressField.alias })}</li> : null}
        <li className="muted">
          {v.createdBy
            ? t('project.importedBy', { date: fmt.dateTime(v.createdAt), name: v.createdBy.name })
            : t('project.importedBySystem', { date: fmt.dateTime(v.createdAt) })}
        </li>
      </ul>
      {v.warnings.length > 0 ? (
        <ul className="sched-info__warnings">
          {v.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

const DiffView = ({ diff }: { diff: TScheduleDiff }) => {
  const { t } = useTranslation('schedules')
  const fmt = useFormat()
  const value = (field: string, v: string | number | null) => {
    if (v === null) return '—'
    if (field === 'start' || field === 'finish') return fmt.date(String(v))
    if (typeof v === 'number' || /^-?\d+(\.\d+)?$/.test(v))
      return fmt.quantity(String(v), { maxFractionDigits: 2 })
    return v
  }
  const fieldLabel = (f: string) => t(`compare.field.${f as 'name'}`)
  return (
    <div className="sched-diff" data-testid="schedule-diff">
      <p>
        {diff.identical
          ? t('compare.identical')
          : t('compare.summary', {
              added: diff.addedTasks.length,
              removed: diff.removedTasks.length,
              changed: diff.changedTasks.length,
              unchanged: diff.unchangedTaskCount,
              depAdded: diff.addedDependencies.length,
              depRemoved: diff.removedDependencies.length,
              depChanged: diff.changedDependencies.length,
            })}
      </p>
      {diff.changedTasks.length > 0 ? (
        <section>
          <h4 className="section-title">{t('compare.changedTasks')}</h4>
          <table className="table table--dense">
            <thead>
              <tr>
                <th scope="col">{t('compare.task')}</th>
                <th scope="col">{t('compare.change')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changedTasks.map((c) => (
                <tr key={c.uid}>
                  <td>{c.name}</td>
                  <td>
                    <ul className="sched-changes">
                      {c.changes.map((x) => (
                        <li key={x.field}>
                          <span className="sched-changes__label">{fieldLabel(x.field)}</span>{' '}
                          <span className="changes__old">{value(x.field, x.from)}</span> →{' '}
                          <span className="changes__new">{value(x.field, x.to)}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {(
        [
          ['addedTasks', diff.addedTasks, 'success'],
          ['removedTasks', diff.removedTasks, 'danger'],
        ] as const
      ).map(([key, list, tone]) =>
        list.length > 0 ? (
          <section key={key}>
            <h4 className="section-title">
              {t(`compare.${key}`)} <StatusBadge tone={tone}>{list.length}</StatusBadge>
            </h4>
            <ul className="sched-diff__list">
              {list.map((task) => (
                <li key={task.uid}>
                  <span className="mono">{task.wbs ?? task.uid}</span> {task.name}{' '}
                  <span className="muted">
                    {fmt.date(task.start)} – {fmt.date(task.finish)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {diff.addedDependencies.length + diff.removedDependencies.length + diff.changedDependencies.length >
      0 ? (
        <section>
          <h4 className="section-title">{t('compare.dependencies')}</h4>
          <ul className="sched-diff__list">
            {diff.addedDependencies.map((d) => (
              <li key={`a${d.predecessorUid}-${d.successorUid}`}>
                <StatusBadge tone="success">{t('compare.depAdded')}</StatusBadge> {d.predecessorUid} →{' '}
                {d.successorUid} {d.type} {d.lagDays ?? ''}
              </li>
            ))}
            {diff.removedDependencies.map((d) => (
              <li key={`r${d.predecessorUid}-${d.successorUid}`}>
                <StatusBadge tone="danger">{t('compare.depRemoved')}</StatusBadge> {d.predecessorUid} →{' '}
                {d.successorUid} {d.type} {d.lagDays ?? ''}
              </li>
            ))}
            {diff.changedDependencies.map((d) => (
              <li key={`c${d.predecessorUid}-${d.successorUid}`}>
                <StatusBadge tone="warning">{t('compare.depChanged')}</StatusBadge> {d.predecessorUid} →{' '}
                {d.successorUid}:{' '}
                <span className="changes__old">
                  {d.from.type} {d.from.lagDays ?? ''}
                </span>{' '}
                →{' '}
                <span className="changes__new">
                  {d.to.type} {d.to.lagDays ?? ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

const Compare = ({ workOrderId, versions }: { workOrderId: string; versions: TScheduleVersion[] }) => {
  const { t } = useTranslation('schedules')
  const fmt = useFormat()
  const [to, setTo] = useState(versions[0]?.id ?? '')
  const [from, setFrom] = useState(versions[1]?.id ?? '')
  const q = useQuery({ ...diffQuery(workOrderId, from, to), enabled: Boolean(from && to && from !== to) })
  const fromId = useId()
  const toId = useId()
  if (versions.length < 2) return <p className="muted">{t('compare.needTwo')}</p>
  const option = (v: TScheduleVersion) => (
    <option key={v.id} value={v.id}>
      {t('versionOption', { version: v.version, file: v.fileName, date: fmt.date(v.createdAt.slice(0, 10)) })}
    </option>
  )
  return (
    <section className="sched-compare" aria-label={t('compare.title')}>
      <h3 className="section-title">{t('compare.title')}</h3>
      <div className="sched-compare__pickers">
        <div className="field">
          <label className="field__label" htmlFor={fromId}>
            {t('compare.from')}
          </label>
          <select id={fromId} className="input" value={from} onChange={(e) => setFrom(e.target.value)}>
            {versions.map(option)}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={toId}>
            {t('compare.to')}
          </label>
          <select id={toId} className="input" value={to} onChange={(e) => setTo(e.target.value)}>
            {versions.map(option)}
          </select>
        </div>
      </div>
      {from === to ? (
        <p className="muted">{t('compare.identical')}</p>
      ) : q.isError ? (
        <ErrorState error={q.error} compact />
      ) : q.data ? (
        <DiffView diff={q.data} />
      ) : null}
    </section>
  )
}

/** The "Programa" tab of a work order: its MS Project schedule versions, task tree with Gantt, and their differences. */
export const ScheduleTab = ({ workOrderId }: { workOrderId: string }) => {
  const { t } = useTranslation(['schedules', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const pickerId = useId()
  const [uploading, setUploading] = useState(false)
  const [comparing, setComparing] = useState(false)
  const [picked, setPicked] = useState<string | null>(null)
  const versions = useQuery(versionsQuery(workOrderId))
  const items = versions.data?.items ?? []
  const selected = items.find((v) => v.id === picked) ?? items.find((v) => v.active) ?? items[0]
  const detail = useQuery({ ...versionQuery(workOrderId, selected?.id ?? ''), enabled: Boolean(selected) })
  const importButton = can('schedule.import') ? (
    <Button
      variant={items.length ? 'secondary' : 'primary'}
      onClick={() => setUploading(true)}
      data-testid="schedule-import"
    >
      {t('importButton')}
    </Button>
  ) : null

  let body
  if (versions.isError) body = <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
  else if (versions.isPending) body = <p className="muted">{t('platform:common.loading')}</p>
  else if (!selected)
    body = (
      <EmptyState title={t('none')} action={importButton}>
        {t('noneHint')}
      </EmptyState>
    )
  else
    body = (
      <>
        <div className="sched-toolbar">
          <div className="field sched-toolbar__picker">
            <label className="field__label" htmlFor={pickerId}>
              {t('version')}
            </label>
            <select
              id={pickerId}
              className="input"
              value={selected.id}
              onChange={(e) => setPicked(e.target.value)}
              data-testid="schedule-version"
            >
              {items.map((v) => (
                <option key={v.id} value={v.id}>
                  {t('versionOption', {
                    version: v.version,
                    file: v.fileName,
                    date: fmt.date(v.createdAt.slice(0, 10)),
                  })}{' '}
                  {v.active ? t('activeSuffix') : ''}
                </option>
              ))}
            </select>
          </div>
          {items.length > 1 ? (
            <Button onClick={() => setComparing((c) => !c)} aria-expanded={comparing}>
              {comparing ? t('compare.hide') : t('compare.button')}
            </Button>
          ) : null}
        </div>
        <VersionInfo v={selected} />
        {comparing ? <Compare workOrderId={workOrderId} versions={items} /> : null}
        {detail.isError ? (
          <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        ) : detail.data ? (
          <ScheduleTree detail={detail.data} />
        ) : (
          <p className="muted">{t('platform:common.loading')}</p>
        )}
      </>
    )

  return (
    <div className="sched-tab" data-testid="schedule-tab">
      <div className="sched-tab__head">
        <h2 className="sched-tab__title">{t('title')}</h2>
        <div>{items.length ? importButton : null}</div>
      </div>
      {body}
      <UploadDialog
        workOrderId={workOrderId}
        open={uploading}
        onClose={() => setUploading(false)}
        onImported={(id) => setPicked(id)}
      />
    </div>
  )
}
