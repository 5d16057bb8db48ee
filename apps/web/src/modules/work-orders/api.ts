/** Queries and mutations of the work-order (OT) screens. Every change refetches what it touches. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TCreateReprogrammingRequest,
  TCreateWorkOrderFromProposalRequest,
  TCreateWorkOrderRequest,
  TUpdateStepRequest,
  TUpdateWorkOrderRequest,
  TWorkOrderDetail,
  TWorkOrderFamily,
  TWorkOrderImportResult,
  TWorkOrderListQuery,
  TWorkOrderSummary,
} from '@faena/contracts'
import { apiGet, apiPatch, apiPost, apiUpload } from '../../platform/api'

const BASE = '/api/v1/work-orders'

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
    queryFn: ({ signal }) => apiGet<WorkOrderListResult>(BASE, { query: params, signal }),
    placeholderData: keepPreviousData,
  })

export const workOrderDetailQuery = (id: string) =>
  queryOptions({
    queryKey: workOrderKeys.detail(id),
    queryFn: ({ signal }) => apiGet<TWorkOrderDetail>(`${BASE}/${id}`, { signal }),
  })

export const workOrderFamilyQuery = (id: string) =>
  queryOptions({
    queryKey: workOrderKeys.family(id),
    queryFn: ({ signal }) => apiGet<TWorkOrderFamily>(`${BASE}/${id}/family`, { signal }),
  })

/** The list's export: a job (202), polled and downloaded by JobExportButton (docs/jobs.md). */
export const workOrderExportUrl = `${BASE}/export`

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
    queryFn: ({ signal }) => apiGet<ProposalForWorkOrder>(`/api/v1/proposals/${id}`, { signal }),
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
    queryFn: ({ signal }) =>
      apiGet<{ items: CatalogOption[]; total: number }>(`/api/v1/catalogs/${catalog}`, {
        query: { limit: 500 },
        signal,
      }),
    staleTime: 5 * 60_000,
    select: (data) => data.items,
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
        ? apiPost<TWorkOrderDetail>(`/api/v1/proposals/${v.proposalId}/work-orders`, v.body)
        : apiPost<TWorkOrderDetail>(BASE, v.body),
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
    mutationFn: (body: TUpdateWorkOrderRequest) => apiPatch<TWorkOrderDetail>(`${BASE}/${id}`, body),
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
      apiPatch<TWorkOrderDetail>(`${BASE}/${id}/steps/${stepId}`, body),
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
      apiPost<TWorkOrderDetail>(`${BASE}/${id}/reprogrammings`, body),
    onSuccess: async () => refresh(id),
  })
}

export const useImportHistory = () => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (file: File) => apiUpload<TWorkOrderImportResult>(`${BASE}/import`, { file }),
    onSuccess: async () => refresh(),
  })
}
