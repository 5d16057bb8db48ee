/**
 * Warns before leaving a page with unsaved changes: a confirmation for navigation inside the app
 * (links, back button) and the browser's own prompt on reload / close (`beforeunload`).
 *
 *   <UnsavedChangesGuard when={form.isDirty} />
 *   mutation.mutate(data, { onSuccess: (r) => { allowNavigation(); void navigate(...) } })
 *
 * (`allowNavigation()` lets the app's own navigation after a save through.) The hook form,
 * `useUnsavedChanges(dirty)`, returns `{ prompt, allowNextNavigation }` for pages that place the dialog.
 */
import { useRef, type ReactNode } from 'react'
import { useBlocker } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from './confirm-dialog'

// A navigation the app makes itself right after saving (to the saved record) is not "leaving".
let allowedUntil = 0

/** Lets the navigation that follows (within a moment) through every unsaved-changes guard: call it after a save. */
export const allowNavigation = (): void => {
  allowedUntil = Date.now() + 2000
}

export type UnsavedChanges = {
  /** Let the next navigation through without asking (call it right before navigating after a save). */
  allowNextNavigation: () => void
  /** The confirmation dialog: render it anywhere in the page. */
  prompt: ReactNode
}

export const useUnsavedChanges = (
  dirty: boolean,
  opts: {
    /** Also ask when only the search part of the URL changes (a tab that unmounts the editor). */
    samePath?: boolean
  } = {},
): UnsavedChanges => {
  const { t } = useTranslation()
  const dirtyRef = useRef(dirty)
  dirtyRef.current = dirty
  const allowRef = useRef(false)
  const samePath = opts.samePath ?? false

  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) => {
      if (allowRef.current || Date.now() < allowedUntil) {
        allowRef.current = false
        return false
      }
      if (!dirtyRef.current) return false
      return samePath || current.pathname !== next.pathname
    },
    enableBeforeUnload: () => dirtyRef.current && !allowRef.current && Date.now() >= allowedUntil,
    withResolver: true,
  })

  const prompt = (
    <ConfirmDialog
      open={blocker.status === 'blocked'}
      title={t('unsaved.title')}
      confirmLabel={t('unsaved.leave')}
      cancelLabel={t('unsaved.stay')}
      tone="danger"
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>{t('unsaved.body')}</p>
    </ConfirmDialog>
  )
  return {
    allowNextNavigation: () => {
      allowRef.current = true
    },
    prompt,
  }
}

/** `<UnsavedChangesGuard when={dirty} />` for editors that never navigate away by themselves. */
export const UnsavedChangesGuard = ({ when, samePath }: { when: boolean; samePath?: boolean }) =>
  useUnsavedChanges(when, samePath === undefined ? {} : { samePath }).prompt
