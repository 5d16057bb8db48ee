/** Queries and the import of the concept catalog screen. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TConceptFacets,
  TConceptImportKind,
  TConceptImportSummary,
  TConceptKind,
  TConceptList,
  TConceptListQuery,
} from '@faena/contracts'
import { ApiError, apiGet, type ApiErrorCode } from '../../platform/api'

const BASE = '/api/v1/concepts'

export type ConceptListParams = Partial<TConceptListQuery>

export const conceptKeys = {
  all: ['concepts'] as const,
  list: (params: ConceptListParams) => ['concepts', 'list', params] as const,
  facets: (kind: TConceptKind | undefined) => ['concepts', 'facets', kind ?? 'all'] as const,
}

export const conceptListQuery = (params: ConceptListParams) =>
  queryOptions({
    queryKey: conceptKeys.list(params),
    queryFn: ({ signal }) => apiGet<TConceptList>(BASE, { query: params, signal }),
    placeholderData: keepPreviousData,
  })

export const conceptFacetsQuery = (kind: TConceptKind | undefined) =>
  queryOptions({
    queryKey: conceptKeys.facets(kind),
    queryFn: ({ signal }) => apiGet<TConceptFacets>(`${BASE}/facets`, { query: { kind }, signal }),
    placeholderData: keepPreviousData,
  })

/** The list's export: a job (202), polled and downloaded by JobExportButton (docs/jobs.md). */
export const conceptExportUrl = `${BASE}/export`

/**
 * The import answers 200 with the summary when it saved, and 422 with the same summary (every bad row)
 * when it saved nothing: both are results to show, not failures. Anything else is an `ApiError`.
 */
async function uploadImport(kind: TConceptImportKind, file: File): Promise<TConceptImportSummary> {
  const form = new FormData()
  form.append('kind', kind)
  form.append('file', file)
  let res: Response
  try {
    res = await fetch(`${BASE}/import`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    })
  } catch {
    throw new ApiError({ code: 'NETWORK', message: 'Network error', status: 0 })
  }
  const body = (await res.json().catch(() => undefined)) as
    | (TConceptImportSummary & {
        error?: { code: string; message: string; details?: unknown; requestId?: string }
      })
    | undefined
  if (res.ok || res.status === 422) {
    if (body && !body.error) return body
  }
  const env = body?.error
  throw new ApiError({
    code: (env?.code ?? (res.status >= 500 ? 'INTERNAL' : 'UNKNOWN')) as ApiErrorCode,
    message: env?.message ?? res.statusText,
    status: res.status,
    details: Array.isArray(env?.details) ? (env.details as { path: string; message: string }[]) : [],
    requestId: env?.requestId ?? res.headers.get('x-request-id') ?? undefined,
  })
}

export const useImportConcepts = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ kind, file }: { kind: TConceptImportKind; file: File }) => uploadImport(kind, file),
    onSuccess: async (summary) => {
      if (summary.status === 'saved') await qc.invalidateQueries({ queryKey: conceptKeys.all })
    },
  })
}
