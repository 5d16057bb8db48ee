/**
 * The one HTTP client of the web app. Same-origin JSON over fetch; errors become `ApiError`
 * parsed from the server envelope `{ error: { code, message, details, requestId } }`.
 */
import type { TErrorCode, TFieldError } from '@faena/contracts'

export type ApiErrorCode = TErrorCode | 'NETWORK' | 'UNKNOWN'

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly status: number
  readonly details: TFieldError[]
  /** `details` when the server sent an object instead of field errors (e.g. a 409 naming what it conflicts with) */
  readonly info: Record<string, unknown> | undefined
  readonly requestId: string | undefined

  constructor(opts: {
    code: ApiErrorCode
    message: string
    status: number
    details?: TFieldError[]
    info?: Record<string, unknown> | undefined
    requestId?: string | undefined
  }) {
    super(opts.message)
    this.name = 'ApiError'
    this.code = opts.code
    this.status = opts.status
    this.details = opts.details ?? []
    this.info = opts.info
    this.requestId = opts.requestId
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError

export type QueryValue = string | number | boolean | null | undefined
export type QueryParams = Record<string, QueryValue>

export type RequestOptions = {
  query?: QueryParams
  signal?: AbortSignal
  /** Do not run the global "session expired" handler on 401 (login, `me` probe). */
  skipAuthRedirect?: boolean
}

type UnauthenticatedHandler = () => void
let onUnauthenticated: UnauthenticatedHandler = () => {
  if (window.location.pathname !== '/login') {
    const back = window.location.pathname + window.location.search
    window.location.assign(`/login?redirect=${encodeURIComponent(back)}`)
  }
}

/** The shell replaces the default (full reload) with a router navigation. */
export const setUnauthenticatedHandler = (handler: UnauthenticatedHandler) => {
  onUnauthenticated = handler
}

/** `?a=1&b=x`, skipping empty values. Returns '' when nothing is left. */
export const toQueryString = (query: QueryParams | undefined): string => {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

const isFieldError = (d: unknown): d is TFieldError =>
  typeof d === 'object' &&
  d !== null &&
  typeof (d as { path?: unknown }).path === 'string' &&
  typeof (d as { message?: unknown }).message === 'string'

const parseError = async (res: Response): Promise<ApiError> => {
  let body: unknown
  try {
    body = await res.json()
  } catch {
    body = undefined
  }
  const env = (body as { error?: Record<string, unknown> } | undefined)?.error
  const headerRequestId = res.headers.get('x-request-id') ?? undefined
  if (env && typeof env.code === 'string') {
    const details = Array.isArray(env.details) ? env.details.filter(isFieldError) : []
    return new ApiError({
      code: env.code as ApiErrorCode,
      message: typeof env.message === 'string' ? env.message : res.statusText,
      status: res.status,
      details,
      info:
        env.details && typeof env.details === 'object' && !Array.isArray(env.details)
          ? (env.details as Record<string, unknown>)
          : undefined,
      requestId: typeof env.requestId === 'string' ? env.requestId : headerRequestId,
    })
  }
  return new ApiError({
    code: res.status === 401 ? 'UNAUTHENTICATED' : res.status >= 500 ? 'INTERNAL' : 'UNKNOWN',
    message: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    requestId: headerRequestId,
  })
}

const send = async (
  method: string,
  url: string,
  body: BodyInit | undefined,
  opts: RequestOptions & { json?: boolean } = {},
) => {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (opts.json) headers['Content-Type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(url + toQueryString(opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError({ code: 'NETWORK', message: 'Network error', status: 0 })
  }
  if (!res.ok) {
    const err = await parseError(res)
    if (res.status === 401 && !opts.skipAuthRedirect) onUnauthenticated()
    throw err
  }
  return res
}

const readJson = async <T>(res: Response): Promise<T> => {
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const apiGet = async <T>(url: string, opts?: RequestOptions): Promise<T> =>
  readJson<T>(await send('GET', url, undefined, opts))

export const apiPost = async <T>(url: string, body?: unknown, opts?: RequestOptions): Promise<T> =>
  readJson<T>(
    await send('POST', url, body === undefined ? undefined : JSON.stringify(body), {
      ...opts,
      json: body !== undefined,
    }),
  )

export const apiPatch = async <T>(url: string, body: unknown, opts?: RequestOptions): Promise<T> =>
  readJson<T>(await send('PATCH', url, JSON.stringify(body), { ...opts, json: true }))

export const apiPut = async <T>(url: string, body: unknown, opts?: RequestOptions): Promise<T> =>
  readJson<T>(await send('PUT', url, JSON.stringify(body), { ...opts, json: true }))

export const apiDelete = async <T = void>(url: string, opts?: RequestOptions): Promise<T> =>
  readJson<T>(await send('DELETE', url, undefined, opts))

/** multipart/form-data upload; `fields` are sent before the files (the server streams them in order). */
export const apiUpload = async <T>(
  url: string,
  files: Record<string, File | Blob | File[]>,
  fields: Record<string, string> = {},
  opts?: RequestOptions & { method?: 'POST' | 'PUT' },
): Promise<T> => {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  for (const [k, v] of Object.entries(files)) {
    for (const f of Array.isArray(v) ? v : [v]) form.append(k, f)
  }
  return readJson<T>(await send(opts?.method ?? 'POST', url, form, opts))
}

const fileNameFrom = (res: Response, fallback: string): string => {
  const cd = res.headers.get('content-disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)
  if (star?.[1]) return decodeURIComponent(star[1])
  const plain = /filename="?([^";]+)"?/i.exec(cd)
  return plain?.[1] ?? fallback
}

/**
 * Downloads a file (Excel, PDF...) through fetch so that errors surface as `ApiError`
 * instead of a raw JSON page, then saves it with the server's file name.
 */
export const downloadFile = async (url: string, opts?: RequestOptions): Promise<void> => {
  const res = await send('GET', url, undefined, opts)
  const blob = await res.blob()
  const fallback = decodeURIComponent(url.split('?')[0]?.split('/').pop() ?? 'descarga')
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = fileNameFrom(res, fallback)
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}
