import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export type DialogProps = {
  open: boolean
  onClose: () => void
  title: ReactNode
  children: ReactNode
  /** Buttons at the bottom (primary action last). */
  footer?: ReactNode
  size?: 'sm' | 'md' | 'lg'
  /** When the dialog content is a form, pass onSubmit: the dialog renders the <form> around body and footer. */
  onSubmit?: () => void
  /** Element to focus first (defaults to the first field or button). */
  initialFocusRef?: RefObject<HTMLElement | null>
}

/**
 * Modal on the native <dialog> (showModal: the page behind is inert). Focus is trapped inside,
 * Escape closes, and focus returns to the element that opened it.
 */
export const Dialog = ({
  open,
  onClose,
  title,
  children,
  footer,
  size = 'md',
  onSubmit,
  initialFocusRef,
}: DialogProps) => {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
      dialog.showModal()
      const first =
        initialFocusRef?.current ?? dialog.querySelector<HTMLElement>(`.dialog__body ${FOCUSABLE}`)
      first?.focus()
      return () => {
        if (dialog.open) dialog.close()
        opener?.focus()
      }
    }
    return undefined
  }, [open, initialFocusRef])

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !ref.current) return
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null,
    )
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) return
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  if (!open) return null

  const content = (
    <>
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button
          type="button"
          className="dialog__close"
          aria-label={t('actions.close')}
          onClick={() => onCloseRef.current()}
        >
          ×
        </button>
      </div>
      <div className="dialog__body">{children}</div>
      {footer ? <div className="dialog__footer">{footer}</div> : null}
    </>
  )

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault()
        onCloseRef.current()
      }}
    >
      {onSubmit ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            onSubmit()
          }}
        >
          {content}
        </form>
      ) : (
        content
      )}
    </dialog>
  )
}
