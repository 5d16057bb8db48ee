/** Queries and mutations of the work-order concepts (Anexo C) tab. Every change refetches what it touches. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TAnnexImportDetail,
  TAnnexImportList,
  TAnnexImportRejection,
  TWorkOrderConcepts,
} from '@faena/contracts'
import { ApiError, apiGet, apiPost, type ApiErrorCode } from '../../platform/api'

const base = (workOrderId: string) => `/api/v1/work-orders/${workOrderId}`

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
      apiGet<TWorkOrderConcepts>(`${base(workOrderId)}/concepts`, { query: { q }, signal }),
    placeholderData: keepPreviousData,
  })

export const historyQuery = (workOrderId: string) =>
  queryOptions({
    queryKey: conceptKeys.history(workOrderId),
    queryFn: ({ signal }) =>
      apiGet<TAnnexImportList>(`${base(workOrderId)}/annex-imports`, { query: { limit: 100 }, signal }),
  })

export const versionQuery = (workOrderId: string, importId: string) =>
  queryOptions({
    queryKey: conceptKeys.version(workOrderId, importId),
    queryFn: ({ signal }) =>
      apiGet<TAnnexImportDetail>(`${base(workOrderId)}/annex-imports/${importId}`, { signal }),
  })

export type UploadOutcome =
  | { kind: 'pending'; detail: TAnnexImportDetail }
  | { kind: 'rejected'; rejection: TAnnexImportRejection['error'] }

/**
 * Uploads the workbook. A 422 is not a failure of the request but the answer "these rows are wrong" (its
 * details carry the rows and the error workbook), so it is returned; any other error throws an ApiError.
 * (The platform client keeps only field errors of an error's details, hence fetch here.)
 */
export async function uploadAnnex(workOrderId: string, file: File): Promise<UploadOutcome> {
  const form = new FormData()
  form.append('file', file)
  let res: Response
  try {
    res = await fetch(`${base(workOrderId)}/annex-imports`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    })
  } catch {
    throw new ApiError({ code: 'NETWORK', message: 'Network error', status: 0 })
  }
  const body = (await res.json().catch(() => undefined)) as unknown
  if (res.status === 201) return { kind: 'pending', detail: body as TAnnexImportDetail }
  const error = (
    body as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } } | undefined
  )?.error
  if (res.status === 422 && error)
    return { kind: 'rejected', rejection: error as TAnnexImportRejection['error'] }
  const details = Array.isArray(error?.details) ? (error.details as { path: string; message: string }[]) : []
  throw new ApiError({
    code: (error?.code as ApiErrorCode | undefined) ?? (res.status >= 500 ? 'INTERNAL' : 'UNKNOWN'),
    message: error?.message ?? res.statusText,
    status: res.status,
    details,
    requestId: error?.requestId,
  })
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
      apiPost<TAnnexImportDetail>(`${base(workOrderId)}/annex-imports/${importId}/${decision}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: conceptKeys.all(workOrderId) })
      // the family view shows the authorized volumes of each version
      await qc.invalidateQueries({ queryKey: ['work-orders', 'family'] })
    },
  })
}
