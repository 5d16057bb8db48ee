/** Queries and mutations of the work-order (OT) screens. Every change refetches what it touches. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TCreateReprogrammingRequest,
  TCreateWorkOrderFromProposalRequest,
  TCreateWorkOrderRequest,
  TUpdateStepRequest,
  TUpdateWorkOrderRequest,
  TWorkOrderListQuery,
  TWorkOrderSummary,
} from '@faena/contracts'
import { api, apiUrl } from '../../platform/api'

export type WorkOrderListResult = { items: TWorkOrderSummary[]; total: number }
export type WorkOrderListParams = Partial<TWorkOrderListQuery>

export const workOrderKeys = {
  all: ['work-orders'] as const,
  lists: () => ['work-orders', 'list'] as const,
  list: (params: WorkOrderListParams) => ['work-orders', 'list', params] as const,
  detail: (id: string) => ['work-orders', 'detail', id] as const,
  family: (id: string) => ['work-orders', 'family', id] as const,
}

export const workOrderListQuery = (params: WorkOrderListParams) =>
  queryOptions({
    queryKey: workOrderKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/v1/work-orders', { query: params, signal }),
    placeholderData: keepPreviousData,
  })

export const workOrderDetailQuery = (id: string) =>
  queryOptions({
    queryKey: workOrderKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/v1/work-orders/{id}', { path: { id }, signal }),
  })

export const workOrderFamilyQuery = (id: string) =>
  queryOptions({
    queryKey: workOrderKeys.family(id),
    queryFn: ({ signal }) => api.get('/api/v1/work-orders/{id}/family', { path: { id }, signal }),
  })

/** The list's export: a job (202), polled and downloaded by JobExportButton (docs/jobs.md). */
export const workOrderExportUrl = apiUrl('/api/v1/work-orders/export')

/** The proposal a work order is created from (read through the proposals API). */
export type ProposalForWorkOrder = {
  id: string
  officialNumber: string
  description: string
  durationDays: number
  progress: number
  status: string
  client: { id: string; name: string; clientType: string }
  projectManager: { id: string; name: string }
}
export const proposalForWorkOrderQuery = (id: string) =>
  queryOptions({
    queryKey: ['proposals', 'detail', id] as const,
    queryFn: ({ signal }): Promise<ProposalForWorkOrder> =>
      api.get('/api/v1/proposals/{id}', { path: { id }, signal }),
  })

/** A catalog record as the selects need it. */
export type CatalogOption = {
  id: string
  name: string
  clientType?: string
  kind?: string
  siteKinds?: string[]
}
export type LookupCatalog = 'clients' | 'project-managers' | 'fronts' | 'sites'

export const catalogLookupQuery = (catalog: LookupCatalog) =>
  queryOptions({
    queryKey: ['catalogs', catalog, 'lookup'] as const,
    queryFn: ({ signal }) => api.get(`/api/v1/catalogs/${catalog}`, { query: { limit: 500 }, signal }),
    staleTime: 5 * 60_000,
    select: (data): CatalogOption[] => data.items,
  })

/** The audit module keys every query under 'audit': its <AuditHistory> refetches after a change. */
const AUDIT_KEY = ['audit'] as const

const useRefresh = () => {
  const qc = useQueryClient()
  return async (id?: string) => {
    await Promise.all([
      id ? qc.invalidateQueries({ queryKey: workOrderKeys.detail(id) }) : Promise.resolve(),
      qc.invalidateQueries({ queryKey: workOrderKeys.lists() }),
      qc.invalidateQueries({ queryKey: ['work-orders', 'family'] }),
      qc.invalidateQueries({ queryKey: AUDIT_KEY }),
    ])
  }
}

export const useCreateWorkOrder = () => {
  const qc = useQueryClient()
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (v: {
      proposalId?: string | undefined
      body: TCreateWorkOrderRequest | TCreateWorkOrderFromProposalRequest
    }) =>
      v.proposalId
        ? api.post('/api/v1/proposals/{id}/work-orders', {
            path: { id: v.proposalId },
            body: v.body,
          })
        : // checkCreate() builds the whole create request whenever there is no proposal
          api.post('/api/v1/work-orders', { body: v.body as TCreateWorkOrderRequest }),
    onSuccess: async (detail) => {
      qc.setQueryData(workOrderKeys.detail(detail.id), detail)
      await refresh()
    },
  })
}

export const useUpdateWorkOrder = (id: string) => {
  const qc = useQueryClient()
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: TUpdateWorkOrderRequest) =>
      api.patch('/api/v1/work-orders/{id}', { path: { id }, body }),
    onSuccess: async (detail) => {
      qc.setQueryData(workOrderKeys.detail(id), detail)
      await refresh(id)
    },
  })
}

export const useUpdateStep = (id: string) => {
  const qc = useQueryClient()
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ stepId, body }: { stepId: string; body: TUpdateStepRequest }) =>
      api.patch('/api/v1/work-orders/{id}/steps/{stepId}', { path: { id, stepId }, body }),
    onSuccess: async (detail) => {
      qc.setQueryData(workOrderKeys.detail(id), detail)
      await refresh(id)
    },
  })
}

export const useCreateReprogramming = (id: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: TCreateReprogrammingRequest) =>
      api.post('/api/v1/work-orders/{id}/reprogrammings', { path: { id }, body }),
    onSuccess: async () => refresh(id),
  })
}

export const useImportHistory = () => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (file: File) => api.upload('/api/v1/work-orders/import', { files: { file } }),
    onSuccess: async () => refresh(),
  })
}
