/**
 * The steps of a work order with inline editing, as proposal steps: each control saves on its own (status on
 * change, dates and comment when the field is left or on Enter) and the row says saving / saved / error.
 * Sub-steps are indented under their parent, whose cell shows the sub-steps' progress.
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  STEP_STATUSES,
  type TStepStatus,
  type TUpdateStepRequest,
  type TWorkOrderStep,
} from '@faena/contracts'
import { CommitDateInput, StatusBadge, UserSelect } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useUpdateStep } from './api'
import { OtProgress, STEP_STATUS_TONE } from './ui'

type Row = { step: TWorkOrderStep; label: string; depth: number }

const flatten = (steps: TWorkOrderStep[], prefix = '', depth = 0): Row[] =>
  [...steps]
    .sort((a, b) => a.position - b.position)
    .flatMap((step, i) => {
      const label = prefix ? `${prefix}.${i + 1}` : String(step.position)
      return [{ step, label, depth }, ...flatten(step.steps, label, depth + 1)]
    })

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string }

const StepRow = ({ row, workOrderId, canEdit }: { row: Row; workOrderId: string; canEdit: boolean }) => {
  const { t } = useTranslation('work-orders')
  const fmt = useFormat()
  const { step, label, depth } = row
  const update = useUpdateStep(workOrderId)
  const [save, setSave] = useState<SaveState>({ kind: 'idle' })
  const [comment, setComment] = useState(step.comment ?? '')
  const [commentBase, setCommentBase] = useState(step.comment ?? '')
  if ((step.comment ?? '') !== commentBase) {
    setCommentBase(step.comment ?? '')
    setComment(step.comment ?? '')
  }
  const fade = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(fade.current), [])
  const name = step.name

  const send = (body: TUpdateStepRequest) => {
    clearTimeout(fade.current)
    setSave({ kind: 'saving' })
    update.mutate(
      { stepId: step.id, body },
      {
        onSuccess: () => {
          setSave({ kind: 'saved' })
          fade.current = setTimeout(() => setSave({ kind: 'idle' }), 2500)
        },
        onError: (e) => setSave({ kind: 'error', message: errorMessage(e) }),
      },
    )
  }

  const dateCell = (
    field: 'startDate' | 'deliveryDate' | 'completedDate',
    key: 'steps.startOf' | 'steps.deliveryOf' | 'steps.completedOf',
  ) => {
    if (!canEdit) return <span>{fmt.date(step[field]) || '—'}</span>
    const locked = field === 'completedDate' && step.status !== 'completed'
    return (
      <CommitDateInput
        className="input input--sm ot-step-date"
        aria-label={t(key, { name })}
        value={step[field] ?? ''}
        disabled={locked}
        onCommit={(v) => {
          if (field === 'completedDate' && v === '') return
          send({ [field]: v === '' ? null : v })
        }}
      />
    )
  }

  return (
    <tr
      data-testid={`ot-step-${label}`}
      data-step-status={step.status}
      className={[`ot-step--depth-${Math.min(depth, 1)}`, step.steps.length ? 'ot-step--parent' : ''].join(
        ' ',
      )}
    >
      <th scope="row" className="ot-step__name">
        <span className="ot-step__pos" aria-hidden="true">
          {label}
        </span>
        <span className="ot-step__title">{name}</span>
        {step.overdue ? (
          <>
            {' '}
            <StatusBadge tone="danger">{t('steps.overdue')}</StatusBadge>
          </>
        ) : null}
        {step.progress !== null ? (
          <div className="ot-step__progress">
            <OtProgress value={step.progress} size="sm" label={t('steps.subProgress', { name })} />
          </div>
        ) : null}
        <span className={`ot-save ot-save--${save.kind}`} role="status" aria-live="polite">
          {save.kind === 'saving'
            ? t('steps.saving')
            : save.kind === 'saved'
              ? `✓ ${t('steps.saved')}`
              : save.kind === 'error'
                ? `⚠ ${t('steps.error')}: ${save.message}`
                : ''}
        </span>
      </th>
      <td>
        {canEdit ? (
          <select
            className="input input--sm"
            aria-label={t('steps.statusOf', { name })}
            value={step.status}
            disabled={update.isPending}
            onChange={(e) => send({ status: e.target.value as TStepStatus })}
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
      <td className="ot-step__responsible">
        {canEdit ? (
          <UserSelect
            className="input input--sm"
            aria-label={t('steps.responsibleOf', { name })}
            value={step.responsibleUser}
            emptyLabel={t('steps.unassigned')}
            disabled={update.isPending}
            onChange={(userId) => send({ responsibleUserId: userId })}
          />
        ) : (
          <span>{step.responsibleUser?.name ?? '—'}</span>
        )}
      </td>
      <td>{dateCell('startDate', 'steps.startOf')}</td>
      <td>{dateCell('deliveryDate', 'steps.deliveryOf')}</td>
      <td>{dateCell('completedDate', 'steps.completedOf')}</td>
      <td className="ot-step__comment">
        {canEdit ? (
          <input
            type="text"
            className="input input--sm"
            aria-label={t('steps.commentOf', { name })}
            value={comment}
            maxLength={5000}
            onChange={(e) => setComment(e.target.value)}
            onBlur={() => {
              const next = comment.trim()
              if (next !== (step.comment ?? '')) send({ comment: next === '' ? null : next })
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur()
              if (e.key === 'Escape') setComment(step.comment ?? '')
            }}
          />
        ) : (
          <span>{step.comment ?? ''}</span>
        )}
      </td>
    </tr>
  )
}

export const WorkOrderSteps = ({
  workOrderId,
  steps,
  canEdit,
}: {
  workOrderId: string
  steps: TWorkOrderStep[]
  canEdit: boolean
}) => {
  const { t } = useTranslation('work-orders')
  return (
    <div className="data-table">
      <div className="data-table__scroll">
        <table className="table table--dense" data-testid="ot-steps">
          <caption className="visually-hidden">{t('steps.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('steps.name')}</th>
              <th scope="col">{t('steps.status')}</th>
              <th scope="col">{t('steps.responsible')}</th>
              <th scope="col">{t('steps.startDate')}</th>
              <th scope="col">{t('steps.deliveryDate')}</th>
              <th scope="col">{t('steps.completedDate')}</th>
              <th scope="col">{t('steps.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {flatten(steps).map((row) => (
              <StepRow key={row.step.id} row={row} workOrderId={workOrderId} canEdit={canEdit} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
