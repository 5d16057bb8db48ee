/**
 * The steps of a PTE with inline editing: every control saves on its own (status on change,
 * dates and comment when the field is left or on Enter) and the row shows saving / saved / error.
 * Sub-steps are indented under their parent, whose cell shows the sub-steps' progress.
 */
import { Fragment, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  STEP_STATUSES,
  type TProposalStep,
  type TStepStatus,
  type TUpdateStepRequest,
} from '@faena/contracts'
import { CommitDateInput, StatusBadge, UserSelect } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useUpdateStep } from './api'
import { StepAttachments } from './step-attachments'
import { OverdueBadge, PteProgress, STEP_STATUS_TONE } from './ui'

type Row = { step: TProposalStep; label: string; depth: number; parentName: string | null }

/** Depth-first rows; the label is "4" for a main step and "4.2" for its second sub-step. */
export const flattenSteps = (
  steps: TProposalStep[],
  prefix = '',
  depth = 0,
  parentName: string | null = null,
): Row[] => {
  const sorted = [...steps].sort((a, b) => a.position - b.position)
  return sorted.flatMap((step, i) => {
    const label = prefix ? `${prefix}.${i + 1}` : String(step.position)
    return [{ step, label, depth, parentName }, ...flattenSteps(step.steps, label, depth + 1, step.name)]
  })
}

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string }

/** A draft that follows the server value unless the user has typed something not yet saved. */
const useDraft = (server: string) => {
  const [draft, setDraft] = useState(server)
  const [base, setBase] = useState(server)
  if (server !== base) {
    setBase(server)
    setDraft(server)
  }
  return [draft, setDraft] as const
}

const PaperclipIcon = () => (
  <svg className="icon pte-clip" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path
      d="M20 11.5 12.2 19.3a5 5 0 0 1-7.1-7.1l8-8a3.3 3.3 0 0 1 4.7 4.7l-8 8a1.7 1.7 0 0 1-2.4-2.4l7.4-7.4"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)

const SaveIndicator = ({ state }: { state: SaveState }) => {
  const { t } = useTranslation('proposals')
  return (
    <span className={`pte-save pte-save--${state.kind}`} role="status" aria-live="polite">
      {state.kind === 'saving' ? (
        <>
          <span className="spinner spinner--sm" aria-hidden="true" /> {t('steps.saving')}
        </>
      ) : state.kind === 'saved' ? (
        <>✓ {t('steps.saved')}</>
      ) : state.kind === 'error' ? (
        <span title={state.message}>
          ⚠ {t('steps.error')}: {state.message}
        </span>
      ) : null}
    </span>
  )
}

const StepRow = ({
  row,
  proposalId,
  canEdit,
  expanded,
  onToggleAttachments,
  columns,
}: {
  row: Row
  proposalId: string
  canEdit: boolean
  expanded: boolean
  onToggleAttachments: () => void
  columns: number
}) => {
  const { t } = useTranslation('proposals')
  const fmt = useFormat()
  const { step, label, depth } = row
  const update = useUpdateStep(proposalId)
  const [save, setSave] = useState<SaveState>({ kind: 'idle' })
  const fade = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(fade.current), [])

  const [comment, setComment] = useDraft(step.comment ?? '')
  const name = step.name
  const attachmentsId = `pte-att-${step.id}`
  const hasChildren = step.steps.length > 0

  const [status, setStatus] = useDraft(step.status)

  const send = (body: TUpdateStepRequest, onFail?: () => void) => {
    clearTimeout(fade.current)
    setSave({ kind: 'saving' })
    update.mutate(
      { stepId: step.id, body },
      {
        onSuccess: () => {
          setSave({ kind: 'saved' })
          fade.current = setTimeout(() => setSave({ kind: 'idle' }), 2500)
        },
        onError: (e) => {
          setSave({ kind: 'error', message: errorMessage(e) })
          onFail?.()
        },
      },
    )
  }

  const saveComment = () => {
    const next = comment.trim()
    if (next === (step.comment ?? '')) return
    send({ comment: next === '' ? null : next })
  }

  const dateCell = (
    field: 'startDate' | 'deliveryDate' | 'completedDate',
    labelKey: 'steps.startOf' | 'steps.deliveryOf' | 'steps.completedOf',
  ) => {
    if (!canEdit) return <span>{fmt.date(step[field]) || '—'}</span>
    // Only a completed step has a completion date (stamped by the server, editable, never empty).
    const completion = field === 'completedDate'
    const locked = completion && step.status !== 'completed'
    return (
      <CommitDateInput
        className="input input--sm pte-step-date"
        aria-label={t(labelKey, { name })}
        value={step[field] ?? ''}
        disabled={locked}
        required={completion && !locked}
        title={locked ? t('steps.completedHint') : undefined}
        allowEmpty={!completion}
        onCommit={(v) => send({ [field]: v === '' ? null : v })}
      />
    )
  }

  return (
    <Fragment>
      <tr
        data-testid={`step-${label}`}
        data-step-name={name}
        data-step-status={step.status}
        className={[
          'pte-step',
          `pte-step--depth-${Math.min(depth, 3)}`,
          hasChildren ? 'pte-step--parent' : '',
          step.overdue ? 'pte-step--overdue' : '',
        ]
          .filter(Boolean)
          .join(' ')}
      >
        <th scope="row" className="pte-step__name">
          <div className="pte-step__name-inner">
            <span className="pte-step__pos" aria-hidden="true">
              {label}
            </span>
            <div className="pte-step__body">
              <span className="pte-step__title">{name}</span>
              {step.overdue ? <OverdueBadge label={t('badges.stepOverdue')} /> : null}
              {step.progress !== null ? (
                <div className="pte-step__progress">
                  <PteProgress value={step.progress} size="sm" label={t('steps.subProgress', { name })} />
                  <span className="muted pte-sub">{t('steps.subSteps', { count: step.steps.length })}</span>
                </div>
              ) : null}
              <SaveIndicator state={save} />
            </div>
          </div>
        </th>
        <td className="pte-step__status">
          {canEdit ? (
            <select
              className={`input input--sm pte-step-status pte-step-status--${status}`}
              aria-label={t('steps.statusOf', { name })}
              value={status}
              onChange={(e) => {
                const next = e.target.value as TStepStatus
                setStatus(next)
                send({ status: next }, () => setStatus(step.status))
              }}
            >
              {STEP_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`stepStatus.${s}`)}
                </option>
              ))}
            </select>
          ) : (
            <StatusBadge tone={STEP_STATUS_TONE[step.status]}>{t(`stepStatus.${step.status}`)}</StatusBadge>
          )}
        </td>
        <td className="pte-step__responsible">
          {canEdit ? (
            <UserSelect
              className="input input--sm"
              aria-label={t('steps.responsibleOf', { name })}
              value={step.responsibleUser}
              emptyLabel={t('steps.unassigned')}
              onChange={(userId) => send({ responsibleUserId: userId })}
            />
          ) : (
            <span>{step.responsibleUser?.name ?? '—'}</span>
          )}
        </td>
        <td>{dateCell('startDate', 'steps.startOf')}</td>
        <td>{dateCell('deliveryDate', 'steps.deliveryOf')}</td>
        <td>{dateCell('completedDate', 'steps.completedOf')}</td>
        <td className="pte-step__comment">
          {canEdit ? (
            <input
              type="text"
              className="input input--sm"
              aria-label={t('steps.commentOf', { name })}
              value={comment}
              maxLength={5000}
              onChange={(e) => setComment(e.target.value)}
              onBlur={saveComment}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault()
                  saveComment()
                } else if (e.key === 'Escape') {
                  setComment(step.comment ?? '')
                }
              }}
            />
          ) : (
            <span>{step.comment ?? ''}</span>
          )}
        </td>
        <td className="pte-step__attachments">
          <button
            type="button"
            className={
              step.attachments.length
                ? 'btn btn--ghost btn--sm pte-att-toggle pte-att-toggle--has'
                : 'btn btn--ghost btn--sm pte-att-toggle'
            }
            aria-expanded={expanded}
            aria-controls={expanded ? attachmentsId : undefined}
            aria-label={t('attachments.manageLabel', { name, count: step.attachments.length })}
            onClick={onToggleAttachments}
          >
            <PaperclipIcon /> {fmt.integer(step.attachments.length)}
            <span aria-hidden="true" className="pte-att-toggle__chev">
              {expanded ? '▾' : '▸'}
            </span>
          </button>
        </td>
      </tr>
      {expanded ? (
        <tr className="pte-step-detail" id={attachmentsId}>
          <td colSpan={columns}>
            <StepAttachments proposalId={proposalId} step={step} canEdit={canEdit} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  )
}

export const StepsTable = ({
  proposalId,
  steps,
  canEdit,
}: {
  proposalId: string
  steps: TProposalStep[]
  canEdit: boolean
}) => {
  const { t } = useTranslation('proposals')
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const rows = flattenSteps(steps)
  const COLUMNS = 8

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  return (
    <div className="data-table pte-steps">
      <div className="data-table__scroll">
        <table className="table table--dense" data-testid="steps-table">
          <caption className="visually-hidden">{t('steps.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="pte-step__name">
                {t('steps.name')}
              </th>
              <th scope="col">{t('steps.status')}</th>
              <th scope="col">{t('steps.responsible')}</th>
              <th scope="col">{t('steps.startDate')}</th>
              <th scope="col">{t('steps.deliveryDate')}</th>
              <th scope="col">{t('steps.completedDate')}</th>
              <th scope="col">{t('steps.comment')}</th>
              <th scope="col">{t('steps.attachments')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <StepRow
                key={row.step.id}
                row={row}
                proposalId={proposalId}
                canEdit={canEdit}
                expanded={open.has(row.step.id)}
                onToggleAttachments={() => toggle(row.step.id)}
                columns={COLUMNS}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
