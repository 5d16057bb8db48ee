/** The frame of the estimate's action dialogs (submit, invoice, pay): Cancel · the action, and the form-level error. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Dialog } from '../../platform/components'
import { ServerFormError } from '../../platform/components/record-form'
import type { FieldErrors } from '../../platform/validation'

export const ActionDialog = ({
  title,
  actionLabel,
  busy,
  error,
  errors,
  onClose,
  onSubmit,
  children,
}: {
  title: string
  actionLabel: string
  busy: boolean
  /** the action's failure (its field errors show under the fields) */
  error: unknown
  errors: FieldErrors
  onClose: () => void
  onSubmit: () => void
  children: ReactNode
}) => {
  const { t } = useTranslation('platform')
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      onSubmit={onSubmit}
      footer={
        <>
          <Button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {actionLabel}
          </Button>
        </>
      }
    >
      {children}
      <ServerFormError error={error} errors={errors} />
    </Dialog>
  )
}
