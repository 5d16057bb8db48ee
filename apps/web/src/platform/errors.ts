import i18next from 'i18next'
import { isApiError, type ApiErrorCode } from './api'
import { serverText } from './validation'

const GENERIC: Record<ApiErrorCode, string> = {
  VALIDATION: 'validation',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  CONFLICT: 'conflict',
  INVALID_STATE: 'invalidState',
  RATE_LIMITED: 'rateLimited',
  PAYLOAD_TOO_LARGE: 'tooLarge',
  UNSUPPORTED_MEDIA_TYPE: 'unsupportedMedia',
  INTERNAL: 'internal',
  NETWORK: 'network',
  UNKNOWN: 'unknown',
}

/** Codes whose server message is specific enough to show as is (it names the business rule). */
const SPECIFIC: ReadonlySet<ApiErrorCode> = new Set(['CONFLICT', 'INVALID_STATE', 'VALIDATION'])

const tr = (key: string): string => (i18next.t as unknown as (k: string) => string)(`platform:errors.${key}`)

/**
 * A message for the user in the current language; never a stack trace. A specific message is translated by
 * its key when the web has it (like a field error, `serverText`), else the server's text (already in the
 * user's language).
 */
export const errorMessage = (error: unknown): string => {
  if (!isApiError(error)) return tr('unknown')
  if (SPECIFIC.has(error.code) && error.message && error.details.length === 0)
    return serverText({ key: error.key, params: error.params ?? {}, message: error.message })
  return tr(GENERIC[error.code] ?? 'unknown')
}

/** The server's request id, to quote to support (shown as "Referencia: ..."). */
export const errorReference = (error: unknown): string | undefined =>
  isApiError(error) ? error.requestId : undefined
