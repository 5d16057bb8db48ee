/** Queries and the import of the concept catalog screen. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TConceptImportKind,
  TConceptImportSummary,
  TConceptKind,
  TConceptListQuery,
} from '@faena/contracts'
import { api, apiUrl, isApiError } from '../../platform/api'

export type ConceptListParams = Partial<TConceptListQuery>

export const conceptKeys = {
  all: ['concepts'] as const,
  list: (params: ConceptListParams) => ['concepts', 'list', params] as const,
  facets: (kind: TConceptKind | undefined) => ['concepts', 'facets', kind ?? 'all'] as const,
}

export const conceptListQuery = (params: ConceptListParams) =>
  queryOptions({
    queryKey: conceptKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/v1/concepts', { query: params, signal }),
    placeholderData: keepPreviousData,
  })

export const conceptFacetsQuery = (kind: TConceptKind | undefined) =>
  queryOptions({
    queryKey: conceptKeys.facets(kind),
    queryFn: ({ signal }) => api.get('/api/v1/concepts/facets', { query: { kind }, signal }),
    placeholderData: keepPreviousData,
  })

/** The list's export: a job (202), polled and downloaded by JobExportButton (docs/jobs.md). */
export const conceptExportUrl = apiUrl('/api/v1/concepts/export')

/**
 * The import answers 200 with the summary when it saved, and 422 with the same summary (every bad row)
 * when it saved nothing: both are results to show, not failures. Anything else is an `ApiError`.
 */
async function uploadImport(kind: TConceptImportKind, file: File): Promise<TConceptImportSummary> {
  try {
    return await api.upload('/api/v1/concepts/import', { files: { file }, fields: { kind } })
  } catch (e) {
    if (isApiError(e) && e.status === 422 && e.body) return e.body as TConceptImportSummary
    throw e
  }
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
