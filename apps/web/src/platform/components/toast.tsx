import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, errorReference } from '../errors'

export type ToastTone = 'success' | 'error' | 'info'
type ToastItem = { id: number; tone: ToastTone; message: string; detail?: string | undefined }

export type ToastApi = {
  success: (message: string) => void
  error: (message: string, detail?: string) => void
  info: (message: string) => void
  /** A failed request: translated message plus the reference (request id). */
  failure: (error: unknown) => void
}

const ToastContext = createContext<ToastApi | null>(null)

const DURATION: Record<ToastTone, number> = { success: 4000, info: 5000, error: 9000 }

/** Notifications in the bottom-right corner, announced to screen readers. */
export const ToastProvider = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation()
  const [items, setItems] = useState<ToastItem[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => setItems((list) => list.filter((x) => x.id !== id)), [])

  const push = useCallback(
    (tone: ToastTone, message: string, detail?: string) => {
      const id = nextId.current++
      setItems((list) => [...list.slice(-4), { id, tone, message, detail }])
      setTimeout(() => dismiss(id), DURATION[tone])
    },
    [dismiss],
  )

  const api = useMemo<ToastApi>(
    () => ({
      success: (m) => push('success', m),
      error: (m, d) => push('error', m, d),
      info: (m) => push('info', m),
      failure: (e) => {
        const ref = errorReference(e)
        push('error', errorMessage(e), ref ? t('errors.reference', { id: ref }) : undefined)
      },
    }),
    [push, t],
  )

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="region" aria-label={t('toast.region')}>
        <div aria-live="polite" className="toasts__list">
          {items.map((x) => (
            <div
              key={x.id}
              className={`toast toast--${x.tone}`}
              role={x.tone === 'error' ? 'alert' : 'status'}
            >
              <div className="toast__text">
                <p className="toast__message">{x.message}</p>
                {x.detail ? <p className="toast__detail">{x.detail}</p> : null}
              </div>
              <button
                type="button"
                className="toast__close"
                aria-label={t('toast.dismiss')}
                onClick={() => dismiss(x.id)}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  )
}

export const useToast = (): ToastApi => {
  const ctx = useContext(ToastContext)
  if (!ctx) throw new Error('useToast must be used inside <ToastProvider>')
  return ctx
}
