/** Queries and mutations of the production screens (docs/production.md). */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TDailyStatusSaveRequest,
  TDailyStatusUnlockRequest,
  TExchangeRateRequest,
  TExchangeRatesQuery,
  TExcessReasonRequest,
  TGridConceptRequest,
  TDayStatusCatalogRequest,
  TProductionGridQuery,
  TProductionGridSaveRequest,
} from '@faena/contracts'
import { api, downloadFile } from '../../platform/api'

export const productionKeys = {
  all: ['production'] as const,
  sites: (month: string) => ['production', 'sites', month] as const,
  daily: (siteId: string, month: string) => ['production', 'daily', siteId, month] as const,
  grid: (q: TProductionGridQuery) =>
    ['production', 'grid', q.workOrderId, q.siteId, q.month, q.timeType] as const,
  dayStatuses: ['production', 'day-statuses'] as const,
  rates: ['production', 'exchange-rates'] as const,
}

export const sitesQuery = (month: string) =>
  queryOptions({
    queryKey: productionKeys.sites(month),
    queryFn: ({ signal }) => api.get('/api/v1/production/sites', { query: { month }, signal }),
  })

export const dailyQuery = (siteId: string, month: string) =>
  queryOptions({
    queryKey: productionKeys.daily(siteId, month),
    queryFn: ({ signal }) => api.get('/api/v1/production/daily-status', { query: { siteId, month }, signal }),
    placeholderData: keepPreviousData,
  })

export const gridQuery = (q: TProductionGridQuery) =>
  queryOptions({
    queryKey: productionKeys.grid(q),
    queryFn: ({ signal }) => api.get('/api/v1/production/grid', { query: q, signal }),
  })

export const dayStatusesQuery = () =>
  queryOptions({
    queryKey: productionKeys.dayStatuses,
    queryFn: ({ signal }) => api.get('/api/v1/production/day-statuses', { signal }),
  })

export const ratesQuery = (page: { limit: number; offset: number } = { limit: 25, offset: 0 }) =>
  queryOptions({
    queryKey: [...productionKeys.rates, page.limit, page.offset],
    queryFn: ({ signal }) =>
      api.get('/api/v1/production/exchange-rates', {
        query: page satisfies TExchangeRatesQuery,
        signal,
      }),
    placeholderData: keepPreviousData,
  })

export const useSaveDailyStatus = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TDailyStatusSaveRequest) => api.put('/api/v1/production/daily-status', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: productionKeys.all }),
  })
}

export const useUnlockDay = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TDailyStatusUnlockRequest) =>
      api.post('/api/v1/production/daily-status/unlock', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: productionKeys.all }),
  })
}

export const useSaveGrid = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TProductionGridSaveRequest) => api.put('/api/v1/production/grid', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: productionKeys.all }),
  })
}

export const useSaveRate = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TExchangeRateRequest) => api.put('/api/v1/production/exchange-rates', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: productionKeys.all }),
  })
}

export const exportGrid = (q: TProductionGridQuery) =>
  downloadFile('/api/v1/production/grid/export.xlsx', { query: q })

export const useDeleteRate = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (validFrom: string) =>
      api.delete('/api/v1/production/exchange-rates/{validFrom}', { path: { validFrom } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: productionKeys.all }),
  })
}

export const useSaveDayStatuses = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TDayStatusCatalogRequest) => api.put('/api/v1/production/day-statuses', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: productionKeys.all }),
  })
}

export const useSaveExcessReason = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TExcessReasonRequest) => api.put('/api/v1/production/grid/excess-reason', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: productionKeys.all }),
  })
}

/** Catalog concepts (ordinary) whose code or description matches `q`, for "Agregar concepto". */
export const catalogSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['production', 'catalog-search', q] as const,
    queryFn: ({ signal }) =>
      api.get('/api/v1/concepts', {
        query: { kind: 'ordinary', q: q || undefined, limit: 30, sort: 'code', dir: 'asc' },
        signal,
      }),
    placeholderData: keepPreviousData,
  })

export const useAddGridConcept = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TGridConceptRequest) => api.post('/api/v1/production/grid/concepts', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: productionKeys.all }),
  })
}
