import type { TErrorCode, TFieldError } from '@faena/contracts'

/** The one error type of the server. Services throw it; the HTTP error handler maps it. */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
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

export const validationError = (message: string, fields: TFieldError[]) =>
  new AppError('VALIDATION', message, fields)

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} no encontrado`)
