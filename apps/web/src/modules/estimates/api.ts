/** Queries and mutations of the estimate screens (docs/estimates.md). Every change refetches what it touches. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TEstimate,
  TEstimateAdjustmentRequest,
  TEstimateCreateRequest,
  TEstimateStatus,
  TEstimateSelectionRequest,
} from '@faena/contracts'
import { api } from '../../platform/api'

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
    queryFn: ({ signal }) => api.get('/api/v1/estimates', { query: params, signal }),
    placeholderData: keepPreviousData,
  })

export const estimateQuery = (id: string) =>
  queryOptions({
    queryKey: estimateKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/v1/estimates/{id}', { path: { id }, signal }),
  })

export const unbilledQuery = (workOrderId: string) =>
  queryOptions({
    queryKey: estimateKeys.unbilled(workOrderId),
    queryFn: ({ signal }) => api.get('/api/v1/estimates/unbilled', { query: { workOrderId }, signal }),
  })

/** Initial work orders (families) for the create form. */
export type WorkOrderOption = { id: string; number: string; description: string }
export const familiesQuery = queryOptions({
  queryKey: ['estimates', 'families'],
  queryFn: ({ signal }): Promise<{ items: WorkOrderOption[] }> =>
    api.get('/api/v1/work-orders', {
      query: { type: 'initial', limit: 500 },
      signal,
    }),
  staleTime: 60_000,
})

export const useCreateEstimate = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TEstimateCreateRequest) => api.post('/api/v1/estimates', { body }),
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
      const path = { id }
      switch (a.kind) {
        case 'selection':
          return api.put('/api/v1/estimates/{id}/selection', { path, body: a.body })
        case 'adjustment':
          return api.post('/api/v1/estimates/{id}/adjustments', { path, body: a.body })
        case 'removeAdjustment':
          return api.delete('/api/v1/estimates/{id}/adjustments/{adjustmentId}', {
            path: { id, adjustmentId: a.adjustmentId },
          })
        case 'submit':
          return api.post('/api/v1/estimates/{id}/submit', {
            path,
            body: a.exchangeRate ? { exchangeRate: a.exchangeRate } : {},
          })
        case 'return':
          return api.post('/api/v1/estimates/{id}/return', { path, body: { reason: a.reason } })
        case 'invoice':
          return api.post('/api/v1/estimates/{id}/invoice', {
            path,
            body: { invoiceReference: a.invoiceReference },
          })
        case 'pay':
          return api.post('/api/v1/estimates/{id}/pay', { path, body: { date: a.date, amount: a.amount } })
        default:
          return api.post(`/api/v1/estimates/{id}/${a.kind}`, { path })
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
