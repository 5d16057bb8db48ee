import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './button'
import { Dialog } from './dialog'

export type ConfirmDialogProps = {
  open: boolean
  title: ReactNode
  /** What will happen, in plain words. */
  children?: ReactNode
  confirmLabel?: string
  /** Label of the button that keeps things as they are (default: Cancel). */
  cancelLabel?: string
  /** `danger` for destructive actions (deactivate, delete, cancel a document). */
  tone?: 'primary' | 'danger'
  /** Ask for a reason (status changes that need one); it is passed to onConfirm. */
  reason?: 'required' | 'optional'
  reasonLabel?: string
  busy?: boolean
  onConfirm: (reason: string) => void
  onCancel: () => void
}

/** Confirmation before destructive actions and reasoned status changes. */
export const ConfirmDialog = ({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  tone = 'danger',
  reason,
  reasonLabel,
  busy = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) => {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  // Start empty each time it opens (state reset on prop change, without an effect).
  const [wasOpen, setWasOpen] = useState(open)
  if (open !== wasOpen) {
    setWasOpen(open)
    if (open) {
      setText('')
      setError(null)
    }
  }

  const close = () => {
    setError(null)
    onCancel()
  }

  const submit = () => {
    const value = text.trim()
    if (reason === 'required' && !value) {
      setError(t('dialog.reasonRequired'))
      return
    }
    onConfirm(value)
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      size="sm"
      onSubmit={submit}
      footer={
        <>
          <Button onClick={close} disabled={busy}>
            {cancelLabel ?? t('actions.cancel')}
          </Button>
          <Button type="submit" variant={tone} loading={busy}>
            {confirmLabel ?? t('actions.confirm')}
          </Button>
        </>
      }
    >
      <div className="confirm__text">{children ?? <p>{t('dialog.areYouSure')}</p>}</div>
      {reason ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>
            {reasonLabel ?? t('dialog.reason')}
            {reason === 'required' ? (
              <span className="field__required" aria-hidden="true">
                {' '}
                *
              </span>
            ) : null}
          </label>
          <textarea
            id={`${id}-reason`}
            className="input textarea"
            rows={3}
            value={text}
            required={reason === 'required'}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-reason-error` : `${id}-reason-hint`}
            onChange={(e) => {
              setText(e.target.value)
              if (error) setError(null)
            }}
          />
          {error ? (
            <p id={`${id}-reason-error`} className="field__error">
              {error}
            </p>
          ) : (
            <p id={`${id}-reason-hint`} className="field__hint">
              {t('dialog.reasonHint')}
            </p>
          )}
        </div>
      ) : null}
    </Dialog>
  )
}
