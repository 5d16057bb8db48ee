/**
 * The frame every form dialog shares: title, the unsaved-changes guard (when `dirty` is given), the
 * form-level error, Cancel and the submit button (plus `extra` buttons at the start of the footer).
 * `formError` is a message (shown in the form-level error box) or a ready element such as
 * `<ServerFormError>`; it stands above the fields.
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, type ButtonVariant } from './button'
import { Dialog } from './dialog'
import { FormError } from './form-field'
import { UnsavedChangesGuard } from './unsaved-changes'

export type FormDialogProps = {
  title: ReactNode
  onClose: () => void
  onSubmit: () => void
  busy: boolean
  dirty?: boolean
  formError?: ReactNode
  submitLabel: ReactNode
  submitVariant?: Extract<ButtonVariant, 'primary' | 'danger'>
  submitTestId?: string
  extra?: ReactNode
  size?: 'sm' | 'md' | 'lg'
  children: ReactNode
}

export function FormDialog({
  title,
  onClose,
  onSubmit,
  busy,
  dirty,
  formError,
  submitLabel,
  submitVariant = 'primary',
  submitTestId,
  extra,
  size = 'sm',
  children,
}: FormDialogProps) {
  const { t } = useTranslation('platform')
  return (
    <Dialog
      open
      onClose={onClose}
      size={size}
      title={title}
      onSubmit={onSubmit}
      footer={
        <>
          {extra}
          <Button onClick={onClose} disabled={busy}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" variant={submitVariant} loading={busy} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </>
      }
    >
      {dirty === undefined ? null : <UnsavedChangesGuard when={dirty} />}
      {typeof formError === 'string' ? <FormError>{formError}</FormError> : formError}
      {children}
    </Dialog>
  )
}
