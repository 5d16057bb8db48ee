/**
 * The one HTTP client of the web app. Same-origin JSON over fetch; errors become `ApiError`
 * parsed from the server envelope `{ error: { code, message, details, requestId } }`.
 *
 * `api.get('/api/v1/proposals/{id}', { path: { id } })` and its siblings take the path as the server declares
 * it and infer the path and query parameters, the body and the answer from `api-schema.gen.ts`, the types
 * `npm run api:types` generates from the server's OpenAPI document (docs/architecture.md#the-web-api-client).
 */
import type { TErrorCode, TFieldError } from '@faena/contracts'
import type { paths } from './api-schema.gen'

export type ApiErrorCode = TErrorCode | 'NETWORK' | 'UNKNOWN'

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly status: number
  readonly details: TFieldError[]
  /** `details` when the server sent an object instead of field errors (e.g. a 409 naming what it conflicts with) */
  readonly info: Record<string, unknown> | undefined
  readonly requestId: string | undefined
  /** the message's stable key and parameters (docs/platform.md "Messages and languages"), when catalogued */
  readonly key: string | undefined
  readonly params: Record<string, unknown> | undefined
  /** the answer's JSON as sent (e.g. a 422 import report to show); undefined when it was not JSON */
  readonly body: unknown

  constructor(opts: {
    code: ApiErrorCode
    message: string
    status: number
    details?: TFieldError[]
    info?: Record<string, unknown> | undefined
    requestId?: string | undefined
    key?: string | undefined
    params?: Record<string, unknown> | undefined
    body?: unknown
  }) {
    super(opts.message)
    this.name = 'ApiError'
    this.code = opts.code
    this.status = opts.status
    this.details = opts.details ?? []
    this.info = opts.info
    this.requestId = opts.requestId
    this.key = opts.key
    this.params = opts.params
    this.body = opts.body
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
      key: typeof env.key === 'string' ? env.key : undefined,
      params:
        env.params && typeof env.params === 'object' && !Array.isArray(env.params)
          ? (env.params as Record<string, unknown>)
          : undefined,
      body,
    })
  }
  return new ApiError({
    code: res.status === 401 ? 'UNAUTHENTICATED' : res.status >= 500 ? 'INTERNAL' : 'UNKNOWN',
    message: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    requestId: headerRequestId,
    body,
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

// ---------------------------------------------------------------------------------------------------------
// The typed client: paths, parameters, bodies and answers from the server's OpenAPI (api-schema.gen.ts).

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'
type Empty = Record<never, never>

/** The API paths (as the server declares them, `{id}` and all) that answer `method`. */
export type ApiPath<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never
}[keyof paths]

type Operation<P extends keyof paths, M extends HttpMethod> = paths[P] extends Record<M, infer O> ? O : never
type ParamsOf<O> = O extends { parameters: infer X } ? X : never
type PathParamsOf<O> = ParamsOf<O> extends { path: infer X } ? X : never
type QueryOf<O> = ParamsOf<O> extends { query?: infer X } ? NonNullable<X> : never
type BodyOf<O> = O extends { requestBody?: infer RB }
  ? [NonNullable<RB>] extends [never]
    ? never
    : NonNullable<RB> extends { content: { 'application/json': infer B } }
      ? B
      : never
  : never
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : undefined

/** The JSON a successful call answers (undefined for a 204). */
export type ApiResponse<P extends keyof paths, M extends HttpMethod> =
  Operation<P, M> extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202 | 204>]> : never
/** The body a call sends. */
export type ApiBody<P extends keyof paths, M extends HttpMethod> = BodyOf<Operation<P, M>>
/** The query a GET takes. */
export type ApiQuery<P extends keyof paths, M extends HttpMethod = 'get'> = QueryOf<Operation<P, M>>

type Fields<O> = ([PathParamsOf<O>] extends [never] ? Empty : { path: PathParamsOf<O> }) &
  ([QueryOf<O>] extends [never]
    ? Empty
    : Empty extends QueryOf<O>
      ? { query?: QueryOf<O> }
      : { query: QueryOf<O> }) &
  ([BodyOf<O>] extends [never] ? Empty : { body: BodyOf<O> })

export type ApiOptions<O> = Fields<O> & Omit<RequestOptions, 'query'>
/** the options argument: optional when the call needs no path parameter, required query or body */
type Args<O> = Empty extends Fields<O> ? [options?: ApiOptions<O>] : [options: ApiOptions<O>]

/** what the runtime reads of any call's options */
type LooseOptions = {
  path?: Record<string, string | number>
  query?: Record<string, unknown>
  body?: unknown
} & Omit<RequestOptions, 'query'>

const fillPath = (template: string, params: LooseOptions['path']): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined) throw new Error(`${template}: missing path parameter ${name}`)
    return encodeURIComponent(String(value))
  })

const call = async (method: HttpMethod, path: string, options: LooseOptions = {}): Promise<unknown> => {
  const { path: pathParams, query, body, ...rest } = options
  const json = body !== undefined
  return readJson(
    await send(method.toUpperCase(), fillPath(path, pathParams), json ? JSON.stringify(body) : undefined, {
      ...rest,
      query: query as QueryParams | undefined,
      json,
    }),
  )
}

const typed =
  <M extends HttpMethod>(method: M) =>
  <P extends ApiPath<M>>(path: P, ...[options]: Args<Operation<P, M>>): Promise<ApiResponse<P, M>> =>
    call(method, path, options as LooseOptions) as Promise<ApiResponse<P, M>>

/**
 * The typed client: `api.get(path, { path: {…}, query: {…}, signal })`, `api.post(path, { path, body })`…
 * The answer's type is the route's declared response schema; the one cast from JSON lives here.
 */
export const api = {
  get: typed('get'),
  post: typed('post'),
  put: typed('put'),
  patch: typed('patch'),
  delete: typed('delete'),
  /** multipart/form-data upload to a typed path (`fields` before the files, as apiUpload) */
  upload: <P extends ApiPath<M>, M extends 'post' | 'put' = 'post'>(
    path: P,
    options: Fields<Operation<P, M>> & {
      files: Record<string, File | Blob | File[]>
      fields?: Record<string, string>
      method?: M
    } & Omit<RequestOptions, 'query'>,
  ): Promise<ApiResponse<P, M>> => {
    const {
      path: pathParams,
      query,
      files,
      fields,
      method,
      ...rest
    } = options as LooseOptions & {
      files: Record<string, File | Blob | File[]>
      fields?: Record<string, string>
      method?: 'post' | 'put'
    }
    return apiUpload<ApiResponse<P, M>>(fillPath(path, pathParams), files, fields, {
      ...rest,
      query: query as QueryParams | undefined,
      method: method === 'put' ? 'PUT' : 'POST',
    })
  },
}

/**
 * A declared API path with its parameters filled in, for links, downloads and export jobs:
 * `apiUrl('/api/v1/files/{id}', { path: { id } })`. The path is checked against the server's; a missing
 * path parameter throws.
 */
export const apiUrl = <P extends keyof paths>(
  path: P,
  options: { path?: Record<string, string | number>; query?: QueryParams } = {},
): string => fillPath(path, options.path) + toQueryString(options.query)
