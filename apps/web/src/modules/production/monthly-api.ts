/** Queries and mutations of the monthly close and the rotations (docs/production.md#monthly-report-and-close). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TMonthlyReport,
  TMonthlyReportLinkRequest,
  TMonthlyReportList,
  TMonthlyReportStatus,
  TRotationDuty,
  TRotationRequest,
  TRotations,
  TSuperintendentPatch,
  TSuperintendents,
} from '@faena/contracts'
import { apiDelete, apiGet, apiPatch, apiPost, apiPut, apiUpload } from '../../platform/api'
import { productionKeys } from './api'

const keys = {
  monthly: (siteId: string, month: string) => [...productionKeys.all, 'monthly', siteId, month] as const,
  superintendents: [...productionKeys.all, 'superintendents'] as const,
  rotations: (siteId: string) => [...productionKeys.all, 'rotations', siteId] as const,
  duty: (siteId: string, month: string) => [...productionKeys.all, 'duty', siteId, month] as const,
}

export const monthlyReportsQuery = (siteId: string, month: string) =>
  queryOptions({
    queryKey: keys.monthly(siteId, month),
    queryFn: ({ signal }) =>
      apiGet<TMonthlyReportList>('/api/v1/production/monthly-reports', { query: { siteId, month }, signal }),
  })

export const superintendentsQuery = () =>
  queryOptions({
    queryKey: keys.superintendents,
    queryFn: ({ signal }) => apiGet<TSuperintendents>('/api/v1/production/superintendents', { signal }),
  })

export const rotationsQuery = (siteId: string) =>
  queryOptions({
    queryKey: keys.rotations(siteId),
    queryFn: ({ signal }) =>
      apiGet<TRotations>('/api/v1/production/rotations', { query: { siteId }, signal }),
  })

export const dutyQuery = (siteId: string, month: string) =>
  queryOptions({
    queryKey: keys.duty(siteId, month),
    queryFn: ({ signal }) =>
      apiGet<TRotationDuty>('/api/v1/production/rotations/duty', { query: { siteId, month }, signal }),
    staleTime: 60_000,
  })

const reportUrl = (workOrderId: string, month: string) =>
  `/api/v1/production/monthly-reports/${workOrderId}/${month}`

/** Every production query is invalidated after a change: a close or reopen changes both grids. */
const useProductionMutation = <V, R>(fn: (v: V) => Promise<R>) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: productionKeys.all }),
  })
}

type ReportRef = { workOrderId: string; month: string }

export const useSetReportStatus = () =>
  useProductionMutation((v: ReportRef & { status: TMonthlyReportStatus }) =>
    apiPut<TMonthlyReport>(`${reportUrl(v.workOrderId, v.month)}/status`, { status: v.status }),
  )
export const useReopenMonth = () =>
  useProductionMutation((v: ReportRef & { reason: string }) =>
    apiPost<TMonthlyReport>(`${reportUrl(v.workOrderId, v.month)}/reopen`, { reason: v.reason }),
  )
export const useAddReportFile = () =>
  useProductionMutation((v: ReportRef & { file: File }) =>
    apiUpload<TMonthlyReport>(`${reportUrl(v.workOrderId, v.month)}/files`, { file: v.file }),
  )
export const useAddReportLink = () =>
  useProductionMutation((v: ReportRef & TMonthlyReportLinkRequest) =>
    apiPost<TMonthlyReport>(`${reportUrl(v.workOrderId, v.month)}/links`, { url: v.url, label: v.label }),
  )
export const useRemoveReportFile = () =>
  useProductionMutation((v: ReportRef & { fileId: string }) =>
    apiDelete<TMonthlyReport>(`${reportUrl(v.workOrderId, v.month)}/files/${v.fileId}`),
  )

export const useCreateSuperintendent = () =>
  useProductionMutation((name: string) =>
    apiPost<TSuperintendents>('/api/v1/production/superintendents', { name }),
  )
export const useUpdateSuperintendent = () =>
  useProductionMutation((v: { id: string } & TSuperintendentPatch) =>
    apiPatch<TSuperintendents>(`/api/v1/production/superintendents/${v.id}`, {
      ...(v.name === undefined ? {} : { name: v.name }),
      ...(v.active === undefined ? {} : { active: v.active }),
    }),
  )
export const useSaveRotation = () =>
  useProductionMutation((body: TRotationRequest) => apiPut<TRotations>('/api/v1/production/rotations', body))
export const useDeleteRotation = () =>
  useProductionMutation((id: string) => apiDelete<TRotations>(`/api/v1/production/rotations/${id}`))

/** The organization's active sites (a rotation can be defined before a site has work). */
export const allSitesQuery = () =>
  queryOptions({
    queryKey: [...productionKeys.all, 'all-sites'] as const,
    queryFn: ({ signal }) =>
      apiGet<{ items: { id: string; name: string; kind: string }[] }>('/api/v1/catalogs/sites', {
        query: { limit: 200, sort: 'name' },
        signal,
      }),
    staleTime: 300_000,
  })
