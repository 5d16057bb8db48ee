/**
 * The create / edit dialog of a record that can be deleted from it (clients, equipment, technicians,
 * vehicles): the form's dialog with Delete · Cancel · Create/Save, the unsaved-changes guard, the form-level
 * error line, and the delete confirmation. field-staff uses it through the module's public file (index.ts).
 *
 *   <RecordDialog title=… isNew={!client} saving={save.isPending} dirty={form.isDirty} error={formError}
 *     onClose={onClose} onSubmit={form.submit(send)}
 *     remove={client && can('rental.manage') ? { title, body, busy, run: (back) => remove.mutate(…) } : undefined}>
 *     …fields…
 *   </RecordDialog>
 */
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, ConfirmDialog, Dialog, FormError, UnsavedChangesGuard } from '../../platform/components'
import { errorMessage, errorReference } from '../../platform/errors'

export type RecordDialogProps = {
  title: string
  size?: 'md' | 'lg'
  /** a new record: the submit button reads Create, else Save */
  isNew: boolean
  saving: boolean
  /** the form differs from what was loaded (the guard asks before leaving) */
  dirty: boolean
  /** the form-level error line (a rule of the server, or the delete's failure) */
  error: string | null
  onClose: () => void
  onSubmit: () => void
  saveTestId?: string
  /** the Delete button and its confirmation; `run(back)` deletes, `back()` returns to the form on failure */
  remove?:
    | {
        title: string
        body: ReactNode
        busy: boolean
        tone?: 'primary' | 'danger'
        run: (back: () => void) => void
      }
    | undefined
  children: ReactNode
}

export const RecordDialog = (props: RecordDialogProps) => {
  const { t } = useTranslation('platform')
  const { remove, saving } = props
  const [confirming, setConfirming] = useState(false)
  return (
    <>
      <Dialog
        open={!confirming}
        onClose={props.onClose}
        {...(props.size ? { size: props.size } : {})}
        title={props.title}
        onSubmit={props.onSubmit}
        footer={
          <>
            {remove ? (
              <Button
                variant="danger"
                className="dialog__footer-start"
                onClick={() => setConfirming(true)}
                disabled={saving}
              >
                {t('actions.delete')}
              </Button>
            ) : null}
            <Button onClick={props.onClose} disabled={saving}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" variant="primary" loading={saving} data-testid={props.saveTestId}>
              {props.isNew ? t('actions.create') : t('actions.save')}
            </Button>
          </>
        }
      >
        <UnsavedChangesGuard when={props.dirty} />
        <FormError>{props.error}</FormError>
        <div className="form-grid">{props.children}</div>
      </Dialog>
      {remove ? (
        <ConfirmDialog
          open={confirming}
          title={remove.title}
          confirmLabel={t('actions.delete')}
          {...(remove.tone ? { tone: remove.tone } : {})}
          busy={remove.busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => remove.run(() => setConfirming(false))}
        >
          {remove.body}
        </ConfirmDialog>
      ) : null}
    </>
  )
}

/** A failure in one line: the message and the server's reference ("· Referencia: …"). */
export const useErrorLine = () => {
  const { t } = useTranslation('platform')
  return (e: unknown): string => {
    const ref = errorReference(e)
    return errorMessage(e) + (ref ? ` · ${t('errors.reference', { id: ref })}` : '')
  }
}
