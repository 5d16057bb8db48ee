import { z } from 'zod'

/** Closed set of error codes; the server maps each to one HTTP status. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
] as const
export const ZErrorCode = z.enum(ERROR_CODES)
export type TErrorCode = z.infer<typeof ZErrorCode>

export const ZErrorEnvelope = z.object({
  error: z.object({
    code: ZErrorCode,
    /** in the caller's language (the signed-in user's setting, else Accept-Language, else Spanish) */
    message: z.string(),
    /** the stable key of the message (`rental.sheet.frozenPeriod`) and its parameters, when it has one */
    key: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
})
export type TErrorEnvelope = z.infer<typeof ZErrorEnvelope>

/**
 * One field error: `path` is the dotted path of the field in the request; `message` is in the caller's
 * language; `key` + `params` name it for a client that translates (absent on a message without a key).
 */
export type TFieldError = {
  path: string
  message: string
  key?: string
  params?: Record<string, string | number>
}

export const ZId = z.uuid()
export const ZIdParams = z.object({ id: z.uuid() })

/** A business date `YYYY-MM-DD` that is a real calendar date. */
export const ZDate = z.iso.date()
export const ZInstant = z.string()

export const ZTrimmed = (max: number) => z.string().trim().max(max)
export const ZName = (max = 200) => z.string().trim().min(1).max(max)

export const ZPagination = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
})
export type TPagination = z.infer<typeof ZPagination>

export const ZSortDir = z.enum(['asc', 'desc']).default('asc')

/** Query-string boolean: `true|false|1|0`. */
export const ZQueryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() })

export const ZOk = z.object({ ok: z.literal(true) })

export const ROLES = ['admin', 'manager', 'supervisor', 'operator', 'billing', 'viewer'] as const
export const ZRole = z.enum(ROLES)
export type TRole = z.infer<typeof ZRole>

export const LINES_OF_BUSINESS = ['offshore', 'rental'] as const
export const ZLineOfBusiness = z.enum(LINES_OF_BUSINESS)
