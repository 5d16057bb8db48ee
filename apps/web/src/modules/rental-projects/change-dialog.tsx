/**
 * The dialog of a change to an assignment (assign, edit, retire, reactivate): a `useZodForm` form whose
 * server answer may be the 409 that asks how to apply it (change-choice.tsx), a field error (under its
 * field) or another failure (the form-level line). The frame is the platform's FormDialog.
 *
 *   const change = useChangeForm(ZRetireForm, initial)
 *   const submit = change.submitWith((body, onError) => retire.mutate({ id, body }, { onSuccess, onError }))
 *   <ChangeDialog change={change} onSubmit={submit} title=… submitLabel=… busy={retire.isPending} onClose=…>
 */
import { useState, type ReactNode } from 'react'
import type { z } from 'zod'
import { FormDialog } from '../../platform/components'
import { useZodForm } from '../../platform/validation'
import { ChangeChoicePanel, useChangeChoice, type ChangeOptions } from './change-choice'
import { useErrorLine } from './record-dialog'

export const useChangeForm = <S extends z.ZodType>(schema: S, initial: z.input<S>) => {
  const form = useZodForm(schema, initial)
  const choice = useChangeChoice()
  const errorLine = useErrorLine()
  const [formError, setFormError] = useState<string | null>(null)
  /**
   * The submit handler: parses the form, then `send(body, onError)` with the parsed body plus the options
   * the user chose after a 409 (none the first time).
   */
  const submitWith =
    (send: (body: z.output<S> & ChangeOptions, onError: (e: unknown) => void) => void) =>
    (options: ChangeOptions = {}) =>
      form.submit((data) => {
        setFormError(null)
        choice.clear()
        send({ ...options, ...(data as object) } as z.output<S> & ChangeOptions, (e) => {
          if (choice.offer(e, options)) return
          if (!form.applyServerError(e)) setFormError(errorLine(e))
        })
      })()
  return { form, choice, formError, submitWith }
}

/** The change's frame: FormDialog with the form-level line and, after a 409, the choice panel above the fields. */
export const ChangeDialog = ({
  change,
  onSubmit,
  title,
  size,
  busy,
  submitLabel,
  submitVariant = 'primary',
  submitTestId,
  onClose,
  children,
}: {
  change: Pick<ReturnType<typeof useChangeForm>, 'choice' | 'formError'>
  onSubmit: (options?: ChangeOptions) => void
  title: string
  size: 'sm' | 'md' | 'lg'
  busy: boolean
  submitLabel: string
  submitVariant?: 'primary' | 'danger'
  submitTestId?: string
  onClose: () => void
  children: ReactNode
}) => (
  <FormDialog
    size={size}
    title={title}
    onClose={onClose}
    onSubmit={() => onSubmit()}
    busy={busy}
    formError={change.formError}
    submitLabel={submitLabel}
    submitVariant={submitVariant}
    submitTestId={submitTestId}
  >
    <ChangeChoicePanel choice={change.choice} onChoose={onSubmit} />
    {children}
  </FormDialog>
)
