import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TChecklist, TRentalEquipmentType } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  FormError,
  PageHeader,
  useToast,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { fieldErrors } from '../../platform/validation'
import { useCan } from '../../platform/session'
import { checklistsQuery, useSaveChecklist } from './api'
import './equipment-condition.css'

type Row = { key: string; id?: string; label: string }
let nextKey = 0
const rowsOf = (c: TChecklist): Row[] => c.items.map((i) => ({ key: i.id, id: i.id, label: i.label }))

/** One type's checklist: reorder, rename, add, remove; one save for the whole list (removals confirmed). */
const ChecklistEditor = ({ checklist, canEdit }: { checklist: TChecklist; canEdit: boolean }) => {
  const { t } = useTranslation(['equipment-condition', 'platform'])
  const toast = useToast()
  const save = useSaveChecklist()
  const [rows, setRows] = useState<Row[]>(() => rowsOf(checklist))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [confirm, setConfirm] = useState(false)
  const dirty =
    JSON.stringify(rows.map((r) => [r.id, r.label])) !==
    JSON.stringify(rowsOf(checklist).map((r) => [r.id, r.label]))
  const removed = checklist.items.filter((i) => !rows.some((r) => r.id === i.id))
  const move = (n: number, by: number) => {
    const next = [...rows]
    const [r] = next.splice(n, 1)
    next.splice(n + by, 0, r!)
    setRows(next)
  }
  const add = () => {
    setRows([...rows, { key: `new-${nextKey++}`, label: '' }])
    setTimeout(() => document.getElementById(`ec-item-${rows.length}`)?.focus(), 0)
  }
  const doSave = () => {
    setConfirm(false)
    setErrors({})
    setFormError(null)
    save.mutate(
      {
        type: checklist.type,
        items: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), label: r.label })),
      },
      {
        onSuccess: (c) => {
          setRows(rowsOf(c))
          toast.success(t('checklists.saved'))
        },
        onError: (e) => {
          setErrors(fieldErrors(e))
          setFormError(errorMessage(e))
        },
      },
    )
  }
  return (
    <section className="card" aria-labelledby="ec-checklist-title">
      <h2 id="ec-checklist-title" className="ec-h2">
        {t(`types.${checklist.type}`)}{' '}
        <span className="muted">· {t('checklists.units', { count: checklist.unitCount })}</span>
      </h2>
      {!canEdit ? <p className="muted">{t('checklists.readOnly')}</p> : null}
      <FormError>{formError}</FormError>
      {rows.length === 0 ? (
        <EmptyState title={t('checklists.empty')}>{canEdit ? t('checklists.emptyHint') : null}</EmptyState>
      ) : (
        <ol className="ec-items">
          {rows.map((r, n) => (
            <li key={r.key} className="ec-item">
              <span className="ec-item__n">{n + 1}</span>
              <div className="ec-item__field">
                <input
                  id={`ec-item-${n}`}
                  className="input"
                  aria-label={t('checklists.label', { n: n + 1 })}
                  aria-invalid={errors[`items.${n}.label`] ? true : undefined}
                  value={r.label}
                  maxLength={120}
                  readOnly={!canEdit}
                  onChange={(e) =>
                    setRows(rows.map((x, i) => (i === n ? { ...x, label: e.target.value } : x)))
                  }
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && canEdit) {
                      e.preventDefault()
                      if (n === rows.length - 1) add()
                      else document.getElementById(`ec-item-${n + 1}`)?.focus()
                    }
                  }}
                />
                {errors[`items.${n}.label`] ? (
                  <span className="field__error">{errors[`items.${n}.label`]}</span>
                ) : null}
              </div>
              {canEdit ? (
                <span className="ec-item__actions">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={n === 0}
                    onClick={() => move(n, -1)}
                    aria-label={`${t('checklists.up')} ${n + 1}`}
                  >
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={n === rows.length - 1}
                    onClick={() => move(n, 1)}
                    aria-label={`${t('checklists.down')} ${n + 1}`}
                  >
                    ↓
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setRows(rows.filter((_, i) => i !== n))}
                    aria-label={`${t('checklists.remove')} ${n + 1}`}
                  >
                    ✕
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canEdit ? (
        <div className="ec-actions">
          <Button onClick={add}>{t('checklists.add')}</Button>
          {dirty ? <span className="muted">{t('checklists.unsaved')}</span> : null}
          <Button
            variant="primary"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => (removed.length ? setConfirm(true) : doSave())}
          >
            {t('checklists.save')}
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirm}
        title={t('checklists.remove')}
        confirmLabel={t('checklists.save')}
        onConfirm={doSave}
        onCancel={() => setConfirm(false)}
      >
        <ul>
          {removed.map((i) => (
            <li key={i.id}>{i.label}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </section>
  )
}

/** Checklists per equipment type: the types with their counts on the left, the chosen one's editor. */
export const ChecklistsPage = () => {
  const { t } = useTranslation(['equipment-condition', 'platform'])
  const can = useCan()
  const search = useSearch({ from: '/app/rental/equipment-checklists' })
  const navigate = useNavigate({ from: '/rental/equipment-checklists' })
  const list = useQuery(checklistsQuery())
  const chosen: TRentalEquipmentType = search.type ?? 'toilet'
  const checklist = list.data?.items.find((c) => c.type === chosen)
  return (
    <div className="page">
      <PageHeader title={t('checklists.title')} subtitle={t('checklists.subtitle')} />
      {list.error ? (
        <section className="card">
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        </section>
      ) : (
        <div className="ec-layout">
          <nav className="card card--flush ec-types" aria-label={t('checklists.type')}>
            {(list.data?.items ?? []).map((c) => (
              <button
                key={c.type}
                type="button"
                className={`ec-type${c.type === chosen ? ' ec-type--active' : ''}`}
                aria-current={c.type === chosen ? 'true' : undefined}
                onClick={() => void navigate({ search: { type: c.type }, replace: true })}
              >
                <span>{t(`types.${c.type}`)}</span>
                <span className="muted">{t('checklists.items', { count: c.items.length })}</span>
              </button>
            ))}
          </nav>
          {checklist ? (
            <ChecklistEditor
              key={`${checklist.type}:${checklist.items.map((i) => i.id + i.label).join('|')}`}
              checklist={checklist}
              canEdit={can('equipmentCondition.manage')}
            />
          ) : (
            <section className="card">
              <p className="muted">{t('platform:common.loading')}</p>
            </section>
          )}
        </div>
      )}
    </div>
  )
}
