/** Queries and the import of the concept catalog screen. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TConceptImportKind,
  TConceptImportSummary,
  TConceptKind,
  TConceptListQuery,
  TImportRejection,
} from '@faena/contracts'
import { api, apiUrl } from '../../platform/api'
import { importRejection } from '../../platform/components/import-rejected'

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

/** What an import ends in: saved (the summary), or rejected (the one import-rejected answer, 422). */
export type ConceptImportOutcome =
  { kind: 'saved'; summary: TConceptImportSummary } | { kind: 'rejected'; rejection: TImportRejection }

/**
 * The import answers 200 with the summary when it saved, and 422 `ZImportRejected` (every bad row) when it
 * saved nothing: both are results to show, not failures. Anything else is an `ApiError`.
 */
async function uploadImport(kind: TConceptImportKind, file: File): Promise<ConceptImportOutcome> {
  try {
    return {
      kind: 'saved',
      summary: await api.upload('/api/v1/concepts/import', { files: { file }, fields: { kind } }),
    }
  } catch (e) {
    const rejection = importRejection(e)
    if (rejection) return { kind: 'rejected', rejection }
    throw e
  }
}

export const useImportConcepts = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ kind, file }: { kind: TConceptImportKind; file: File }) => uploadImport(kind, file),
    onSuccess: async (outcome) => {
      if (outcome.kind === 'saved') await qc.invalidateQueries({ queryKey: conceptKeys.all })
    },
  })
}
