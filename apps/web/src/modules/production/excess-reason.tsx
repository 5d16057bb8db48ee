/**
 * The reason for an excess cell (docs/production.md#reason-for-an-excess): a saved volume that passes the
 * authorized one can carry why (5–500 characters), recorded and audited by the server; empty clears it.
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TTimeType } from '@faena/contracts'
import { Button, Dialog, FormError, useToast } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useSaveExcessReason } from './api'

export type ExcessCell = {
  workOrderId: string
  siteId: string
  timeType: TTimeType
  conceptId: string
  code: string
  date: string
  reason: string | null
}

/** The reason's field error, naming the field; null when it can be sent. */
export const checkReason = (text: string, t: (key: string) => string): string | null => {
  const v = text.trim()
  if (v.length > 0 && v.length < 5) return t('grid.reason.tooShort')
  if (v.length > 500) return t('grid.reason.tooLong')
  return null
}

export function ExcessReasonDialog({ cell, onClose }: { cell: ExcessCell; onClose: () => void }) {
  const { t } = useTranslation(['production', 'platform'])
  const tr = t as unknown as (key: string) => string
  const fmt = useFormat()
  const toast = useToast()
  const save = useSaveExcessReason()
  const id = useId()
  const [text, setText] = useState(cell.reason ?? '')
  const [error, setError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)

  const send = (reason: string | null) => {
    setFormError(null)
    save.mutate(
      {
        workOrderId: cell.workOrderId,
        siteId: cell.siteId,
        timeType: cell.timeType,
        conceptId: cell.conceptId,
        date: cell.date,
        reason,
      },
      {
        onSuccess: () => {
          toast.success(reason ? t('grid.reason.saved') : t('grid.reason.cleared'))
          onClose()
        },
        onError: (e) => setFormError(errorMessage(e)),
      },
    )
  }
  const submit = () => {
    const problem = checkReason(text, tr)
    if (problem) return setError(problem)
    if (!text.trim()) return setError(t('grid.reason.required'))
    send(text.trim())
  }

  return (
    <Dialog
      open
      onClose={onClose}
      size="md"
      title={t('grid.reason.title', { code: cell.code, date: fmt.date(cell.date), timeType: cell.timeType })}
      onSubmit={submit}
      footer={
        <>
          {cell.reason ? (
            <Button
              variant="danger"
              className="dialog__footer-start"
              onClick={() => send(null)}
              disabled={save.isPending}
            >
              {t('grid.reason.clear')}
            </Button>
          ) : null}
          <Button onClick={onClose} disabled={save.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {t('platform:actions.save')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
      <p className="production__muted">{t('grid.reason.intro')}</p>
      <div className={error ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={`${id}-reason`}>
          {t('grid.reason.label')}
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <textarea
          id={`${id}-reason`}
          className="input textarea"
          rows={4}
          maxLength={600}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-reason-msg`}
          data-testid="excess-reason"
          onChange={(e) => {
            setText(e.target.value)
            setError(null)
          }}
        />
        <p id={`${id}-reason-msg`} className={error ? 'field__error' : 'field__hint'}>
          {error ?? t('grid.reason.hint')}
        </p>
      </div>
    </Dialog>
  )
}
