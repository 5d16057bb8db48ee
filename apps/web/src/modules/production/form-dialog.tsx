/**
 * The frame every production form dialog shares: title, the unsaved-changes guard, the form-level error,
 * Cancel and the submit button (plus `extra` buttons at the start of the footer).
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Dialog, FormError, UnsavedChangesGuard } from '../../platform/components'

export function FormDialog({
  title,
  onClose,
  onSubmit,
  busy,
  dirty,
  formError,
  submitLabel,
  submitTestId,
  extra,
  size = 'sm',
  children,
}: {
  title: ReactNode
  onClose: () => void
  onSubmit: () => void
  busy: boolean
  dirty: boolean
  formError: string | null
  submitLabel: ReactNode
  submitTestId?: string
  extra?: ReactNode
  size?: 'sm' | 'md' | 'lg'
  children: ReactNode
}) {
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
          <Button type="submit" variant="primary" loading={busy} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <UnsavedChangesGuard when={dirty} />
      <FormError>{formError}</FormError>
      {children}
    </Dialog>
  )
}
