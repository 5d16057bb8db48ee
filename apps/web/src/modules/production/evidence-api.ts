/** Queries and mutations of the Evidencias tab (docs/production.md#evidence-gpu). */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TEvidenceAnnexesRequest,
  TEvidenceCell,
  TEvidenceCellKey,
  TEvidenceGridQuery,
  TEvidenceLinkRequest,
  TEvidenceStatusRequest,
} from '@faena/contracts'
import { api } from '../../platform/api'

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
    queryFn: ({ signal }) => api.get('/api/v1/production/evidence', { query: q, signal }),
    placeholderData: keepPreviousData,
  })

export const evidenceCellQuery = (k: TEvidenceCellKey) =>
  queryOptions({
    queryKey: evidenceKeys.cell(k),
    queryFn: ({ signal }) => api.get('/api/v1/production/evidence/cell', { query: k, signal }),
  })

export const evidenceAnnexesQuery = () =>
  queryOptions({
    queryKey: evidenceKeys.annexes,
    queryFn: ({ signal }) => api.get('/api/v1/production/evidence/annexes', { signal }),
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
    api.put('/api/v1/production/evidence/status', { body }),
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
    return api.upload('/api/v1/production/evidence/files', { files: { file }, fields: text })
  })

export const useAddEvidenceLink = () =>
  useEvidenceMutation((body: TEvidenceLinkRequest) => api.post('/api/v1/production/evidence/links', { body }))

export const useDeleteEvidenceItem = () =>
  useEvidenceMutation((itemId: string) =>
    api.delete('/api/v1/production/evidence/items/{evidenceItemId}', { path: { evidenceItemId: itemId } }),
  )

export const useSaveEvidenceAnnexes = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TEvidenceAnnexesRequest) => api.put('/api/v1/production/evidence/annexes', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: evidenceKeys.all }),
  })
}
