/**
 * The reason for an excess cell (docs/production.md#reason-for-an-excess): a saved volume that passes the
 * authorized one can carry why (5–500 characters), recorded and audited by the server; empty clears it.
 */
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZExcessReasonRequest, type TTimeType } from '@faena/contracts'
import { Button, useToast, FormDialog } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { useSaveExcessReason } from './api'
import { withMessages, type Translate } from './form-schema'

export type ExcessCell = {
  workOrderId: string
  siteId: string
  timeType: TTimeType
  conceptId: string
  code: string
  date: string
  reason: string | null
}

/** The contract's reason (5–500 characters) with the dialog's messages; an empty one asks for it. */
export const excessReasonSchema = (t: Translate) =>
  withMessages(z.object({ reason: ZExcessReasonRequest.shape.reason.unwrap() }), ({ code, value }) =>
    !value
      ? t('grid.reason.required')
      : code === 'too_small'
        ? t('grid.reason.tooShort')
        : code === 'too_big'
          ? t('grid.reason.tooLong')
          : undefined,
  )

export function ExcessReasonDialog({ cell, onClose }: { cell: ExcessCell; onClose: () => void }) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const save = useSaveExcessReason()
  const id = useId()
  const schema = useMemo(() => excessReasonSchema(t as unknown as Translate), [t])
  const form = useZodForm(schema, { reason: cell.reason ?? '' })
  const error = form.errors.reason
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
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorMessage(e))
        },
      },
    )
  }
  const submit = form.submit((data) => send(data.reason))

  return (
    <FormDialog
      title={t('grid.reason.title', { code: cell.code, date: fmt.date(cell.date), timeType: cell.timeType })}
      onClose={onClose}
      onSubmit={submit}
      busy={save.isPending}
      dirty={form.isDirty}
      formError={formError}
      submitLabel={t('platform:actions.save')}
      size="md"
      extra={
        cell.reason ? (
          <Button
            variant="danger"
            className="dialog__footer-start"
            onClick={() => send(null)}
            disabled={save.isPending}
          >
            {t('grid.reason.clear')}
          </Button>
        ) : null
      }
    >
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
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-reason-msg`}
          data-testid="excess-reason"
          {...form.register('reason')}
        />
        <p id={`${id}-reason-msg`} className={error ? 'field__error' : 'field__hint'}>
          {error ?? t('grid.reason.hint')}
        </p>
      </div>
    </FormDialog>
  )
}
