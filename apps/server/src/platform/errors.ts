import type { TErrorCode, TFieldError } from '@faena/contracts'
import { isMessage, render, type Lang, type Message, type MessageParams } from './i18n/messages'

/**
 * The one error type of the server. Services throw it; the HTTP error handler maps it. The message is a
 * catalogued `Message` (key + params, docs/platform.md "Messages and languages"), rendered in the caller's
 * language when answered; `.message` holds its Spanish text (logs, job failures). A plain string is a
 * message not yet catalogued: it is answered as written.
 */
export class AppError extends Error {
  readonly key: string | undefined
  readonly params: MessageParams | undefined

  constructor(
    readonly code: TErrorCode,
    message: string | Message,
    readonly details?: unknown,
  ) {
    super(typeof message === 'string' ? message : render(message, 'es'))
    this.name = 'AppError'
    this.key = typeof message === 'string' ? undefined : message.key
    this.params = typeof message === 'string' ? undefined : message.params
  }

  /** The message in `lang`: the catalogue's text when it has a key, else the text as thrown. */
  messageIn(lang: Lang): string {
    return this.key ? render({ key: this.key, params: this.params ?? {} }, lang) : this.message
  }
}

export const HTTP_STATUS: Record<TErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}

/** A field error with a catalogued message: its Spanish text now, the caller's language when answered. */
export const fieldError = (path: string, message: Message): TFieldError => ({
  path,
  key: message.key,
  params: message.params,
  message: render(message, 'es'),
})

/** A 400 naming fields (build catalogued ones with `fieldError`). */
export const validationError = (message: string | Message, fields: TFieldError[]) =>
  new AppError('VALIDATION', message, fields)

/** A field error's message in `lang` (re-rendered when it has a catalogued key). */
export const fieldErrorIn = (f: TFieldError, lang: Lang): TFieldError =>
  f.key && isMessage({ key: f.key })
    ? { ...f, message: render({ key: f.key, params: f.params ?? {} }, lang) }
    : f

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} no encontrado`)
