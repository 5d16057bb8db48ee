/** Queries and mutations of the Evidencias tab (docs/production.md#evidence-gpu). */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TEvidenceAnnexes,
  TEvidenceAnnexesRequest,
  TEvidenceCell,
  TEvidenceCellKey,
  TEvidenceGrid,
  TEvidenceGridQuery,
  TEvidenceLinkRequest,
  TEvidenceStatusRequest,
} from '@faena/contracts'
import { apiDelete, apiGet, apiPost, apiPut, apiUpload } from '../../platform/api'

export const evidenceKeys = {
  all: ['production', 'evidence'] as const,
  grid: (q: TEvidenceGridQuery) =>
    ['production', 'evidence', 'grid', q.workOrderId, q.month, q.siteId] as const,
  cell: (k: TEvidenceCellKey) =>
    ['production', 'evidence', 'cell', k.workOrderId, k.siteId, k.conceptId, k.date, k.timeType] as const,
  annexes: ['production', 'evidence', 'annexes'] as const,
}

export const evidenceGridQuery = (q: TEvidenceGridQuery) =>
  queryOptions({
    queryKey: evidenceKeys.grid(q),
    queryFn: ({ signal }) => apiGet<TEvidenceGrid>('/api/v1/production/evidence', { query: q, signal }),
    placeholderData: keepPreviousData,
  })

export const evidenceCellQuery = (k: TEvidenceCellKey) =>
  queryOptions({
    queryKey: evidenceKeys.cell(k),
    queryFn: ({ signal }) => apiGet<TEvidenceCell>('/api/v1/production/evidence/cell', { query: k, signal }),
  })

export const evidenceAnnexesQuery = () =>
  queryOptions({
    queryKey: evidenceKeys.annexes,
    queryFn: ({ signal }) => apiGet<TEvidenceAnnexes>('/api/v1/production/evidence/annexes', { signal }),
  })

export const evidenceFileUrl = (itemId: string) =>
  `/api/v1/production/evidence/items/${encodeURIComponent(itemId)}/file`

const useEvidenceMutation = <TIn>(fn: (input: TIn) => Promise<TEvidenceCell>) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (cell) => {
      qc.setQueryData(evidenceKeys.cell(cell), cell)
      return qc.invalidateQueries({ queryKey: evidenceKeys.all })
    },
  })
}

export const useSetEvidenceStatus = () =>
  useEvidenceMutation((body: TEvidenceStatusRequest) =>
    apiPut<TEvidenceCell>('/api/v1/production/evidence/status', body),
  )

export type EvidenceUpload = TEvidenceCellKey & {
  file: File
  takenAt?: string | undefined
  latitude?: string | undefined
  longitude?: string | undefined
}

/** One file per request (the server takes one file per upload); the fields travel before it. */
export const useUploadEvidence = () =>
  useEvidenceMutation(({ file, ...fields }: EvidenceUpload) => {
    const text: Record<string, string> = {}
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') text[k] = String(v)
    return apiUpload<TEvidenceCell>('/api/v1/production/evidence/files', { file }, text)
  })

export const useAddEvidenceLink = () =>
  useEvidenceMutation((body: TEvidenceLinkRequest) =>
    apiPost<TEvidenceCell>('/api/v1/production/evidence/links', body),
  )

export const useDeleteEvidenceItem = () =>
  useEvidenceMutation((itemId: string) =>
    apiDelete<TEvidenceCell>(`/api/v1/production/evidence/items/${encodeURIComponent(itemId)}`),
  )

export const useSaveEvidenceAnnexes = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TEvidenceAnnexesRequest) =>
      apiPut<TEvidenceAnnexes>('/api/v1/production/evidence/annexes', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: evidenceKeys.all }),
  })
}
