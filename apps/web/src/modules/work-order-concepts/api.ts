/** Queries and mutations of the work-order concepts (Anexo C) tab. Every change refetches what it touches. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TAnnexImportDetail, TImportRejection } from '@faena/contracts'
import { api } from '../../platform/api'
import { importRejection } from '../../platform/components/import-rejected'

export const conceptKeys = {
  all: (workOrderId: string) => ['work-order-concepts', workOrderId] as const,
  concepts: (workOrderId: string, q: string) => ['work-order-concepts', workOrderId, 'concepts', q] as const,
  history: (workOrderId: string) => ['work-order-concepts', workOrderId, 'history'] as const,
  version: (workOrderId: string, importId: string) =>
    ['work-order-concepts', workOrderId, 'version', importId] as const,
}

export const conceptsQuery = (workOrderId: string, q: string) =>
  queryOptions({
    queryKey: conceptKeys.concepts(workOrderId, q),
    queryFn: ({ signal }) =>
      api.get('/api/v1/work-orders/{id}/concepts', { path: { id: workOrderId }, query: { q }, signal }),
    placeholderData: keepPreviousData,
  })

export const historyQuery = (workOrderId: string) =>
  queryOptions({
    queryKey: conceptKeys.history(workOrderId),
    queryFn: ({ signal }) =>
      api.get('/api/v1/work-orders/{id}/annex-imports', {
        path: { id: workOrderId },
        query: { limit: 100 },
        signal,
      }),
  })

export const versionQuery = (workOrderId: string, importId: string) =>
  queryOptions({
    queryKey: conceptKeys.version(workOrderId, importId),
    queryFn: ({ signal }) =>
      api.get('/api/v1/work-orders/{id}/annex-imports/{importId}', {
        path: { id: workOrderId, importId },
        signal,
      }),
  })

export type UploadOutcome =
  { kind: 'pending'; detail: TAnnexImportDetail } | { kind: 'rejected'; rejection: TImportRejection }

/**
 * Uploads the workbook. A 422 (`ZImportRejected`) is not a failure of the request but the answer "these rows
 * are wrong" (its details carry the rows and the error workbook), so it is returned; any other error throws.
 */
export async function uploadAnnex(workOrderId: string, file: File): Promise<UploadOutcome> {
  try {
    const detail = await api.upload('/api/v1/work-orders/{id}/annex-imports', {
      path: { id: workOrderId },
      files: { file },
    })
    return { kind: 'pending', detail }
  } catch (e) {
    const rejection = importRejection(e)
    if (rejection) return { kind: 'rejected', rejection }
    throw e
  }
}

export const useUploadAnnex = (workOrderId: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (file: File) => uploadAnnex(workOrderId, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: conceptKeys.all(workOrderId) }),
  })
}

export const useDecideVersion = (workOrderId: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ importId, decision }: { importId: string; decision: 'confirm' | 'discard' }) =>
      api.post(`/api/v1/work-orders/{id}/annex-imports/{importId}/${decision}`, {
        path: { id: workOrderId, importId },
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: conceptKeys.all(workOrderId) })
      // the family view shows the authorized volumes of each version
      await qc.invalidateQueries({ queryKey: ['work-orders', 'family'] })
    },
  })
}
