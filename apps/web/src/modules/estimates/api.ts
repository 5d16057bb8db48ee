/** Queries and mutations of the estimate screens (docs/estimates.md). Every change refetches what it touches. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TEstimate,
  TEstimateAdjustmentRequest,
  TEstimateCreateRequest,
  TEstimateList,
  TEstimateStatus,
  TEstimateSelectionRequest,
  TUnbilled,
} from '@faena/contracts'
import { apiDelete, apiGet, apiPost, apiPut } from '../../platform/api'

const BASE = '/api/v1/estimates'

export type EstimateListParams = {
  workOrderId?: string | undefined
  status?: TEstimateStatus | undefined
  limit: number
  offset: number
}

export const estimateKeys = {
  all: ['estimates'] as const,
  list: (params: EstimateListParams) => ['estimates', 'list', params] as const,
  detail: (id: string) => ['estimates', 'detail', id] as const,
  unbilled: (workOrderId: string) => ['estimates', 'unbilled', workOrderId] as const,
}

export const estimateListQuery = (params: EstimateListParams) =>
  queryOptions({
    queryKey: estimateKeys.list(params),
    queryFn: ({ signal }) => apiGet<TEstimateList>(BASE, { query: params, signal }),
    placeholderData: keepPreviousData,
  })

export const estimateQuery = (id: string) =>
  queryOptions({
    queryKey: estimateKeys.detail(id),
    queryFn: ({ signal }) => apiGet<TEstimate>(`${BASE}/${id}`, { signal }),
  })

export const unbilledQuery = (workOrderId: string) =>
  queryOptions({
    queryKey: estimateKeys.unbilled(workOrderId),
    queryFn: ({ signal }) => apiGet<TUnbilled>(`${BASE}/unbilled`, { query: { workOrderId }, signal }),
  })

/** Initial work orders (families) for the create form. */
export type WorkOrderOption = { id: string; number: string; description: string }
export const familiesQuery = queryOptions({
  queryKey: ['estimates', 'families'],
  queryFn: ({ signal }) =>
    apiGet<{ items: WorkOrderOption[] }>('/api/v1/work-orders', {
      query: { type: 'initial', limit: 500 },
      signal,
    }),
  staleTime: 60_000,
})

export const useCreateEstimate = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TEstimateCreateRequest) => apiPost<TEstimate>(BASE, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: estimateKeys.all }),
  })
}

export type EstimateAction =
  | { kind: 'selection'; body: TEstimateSelectionRequest }
  | { kind: 'adjustment'; body: TEstimateAdjustmentRequest }
  | { kind: 'removeAdjustment'; adjustmentId: string }
  | { kind: 'review' | 'approve' | 'cancel' }
  | { kind: 'submit'; exchangeRate?: string }
  | { kind: 'return'; reason: string }
  | { kind: 'invoice'; invoiceReference: string }
  | { kind: 'pay'; date: string; amount: string }

/** Every change of one estimate: the answer is the estimate, put in the cache; lists refetch. */
export const useEstimateAction = (id: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (a: EstimateAction): Promise<TEstimate> => {
      const one = `${BASE}/${id}`
      switch (a.kind) {
        case 'selection':
          return apiPut<TEstimate>(`${one}/selection`, a.body)
        case 'adjustment':
          return apiPost<TEstimate>(`${one}/adjustments`, a.body)
        case 'removeAdjustment':
          return apiDelete<TEstimate>(`${one}/adjustments/${a.adjustmentId}`)
        case 'submit':
          return apiPost<TEstimate>(`${one}/submit`, a.exchangeRate ? { exchangeRate: a.exchangeRate } : {})
        case 'return':
          return apiPost<TEstimate>(`${one}/return`, { reason: a.reason })
        case 'invoice':
          return apiPost<TEstimate>(`${one}/invoice`, { invoiceReference: a.invoiceReference })
        case 'pay':
          return apiPost<TEstimate>(`${one}/pay`, { date: a.date, amount: a.amount })
        default:
          return apiPost<TEstimate>(`${one}/${a.kind}`)
      }
    },
    onSuccess: (e) => {
      qc.setQueryData(estimateKeys.detail(id), e)
      void qc.invalidateQueries({ queryKey: ['estimates', 'list'] })
      void qc.invalidateQueries({ queryKey: estimateKeys.unbilled(e.workOrderId) })
      // the estimate's history (audit module's list queries)
      void qc.invalidateQueries({ queryKey: ['audit', 'list'] })
    },
  })
}
