/** Queries and mutations of the monthly close and the rotations (docs/production.md#monthly-report-and-close). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TMonthlyReportLinkRequest,
  TMonthlyReportStatus,
  TRotationRequest,
  TSuperintendentPatch,
} from '@faena/contracts'
import { api } from '../../platform/api'
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
      api.get('/api/v1/production/monthly-reports', { query: { siteId, month }, signal }),
  })

export const superintendentsQuery = () =>
  queryOptions({
    queryKey: keys.superintendents,
    queryFn: ({ signal }) => api.get('/api/v1/production/superintendents', { signal }),
  })

export const rotationsQuery = (siteId: string) =>
  queryOptions({
    queryKey: keys.rotations(siteId),
    queryFn: ({ signal }) => api.get('/api/v1/production/rotations', { query: { siteId }, signal }),
  })

export const dutyQuery = (siteId: string, month: string) =>
  queryOptions({
    queryKey: keys.duty(siteId, month),
    queryFn: ({ signal }) =>
      api.get('/api/v1/production/rotations/duty', { query: { siteId, month }, signal }),
    staleTime: 60_000,
  })

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
    api.put('/api/v1/production/monthly-reports/{workOrderId}/{month}/status', {
      path: { workOrderId: v.workOrderId, month: v.month },
      body: { status: v.status },
    }),
  )
export const useReopenMonth = () =>
  useProductionMutation((v: ReportRef & { reason: string }) =>
    api.post('/api/v1/production/monthly-reports/{workOrderId}/{month}/reopen', {
      path: { workOrderId: v.workOrderId, month: v.month },
      body: { reason: v.reason },
    }),
  )
export const useAddReportFile = () =>
  useProductionMutation((v: ReportRef & { file: File }) =>
    api.upload('/api/v1/production/monthly-reports/{workOrderId}/{month}/files', {
      path: { workOrderId: v.workOrderId, month: v.month },
      files: { file: v.file },
    }),
  )
export const useAddReportLink = () =>
  useProductionMutation((v: ReportRef & TMonthlyReportLinkRequest) =>
    api.post('/api/v1/production/monthly-reports/{workOrderId}/{month}/links', {
      path: { workOrderId: v.workOrderId, month: v.month },
      body: { url: v.url, label: v.label },
    }),
  )
export const useRemoveReportFile = () =>
  useProductionMutation((v: ReportRef & { fileId: string }) =>
    api.delete('/api/v1/production/monthly-reports/{workOrderId}/{month}/files/{fileId}', {
      path: { workOrderId: v.workOrderId, month: v.month, fileId: v.fileId },
    }),
  )

export const useCreateSuperintendent = () =>
  useProductionMutation((name: string) => api.post('/api/v1/production/superintendents', { body: { name } }))
export const useUpdateSuperintendent = () =>
  useProductionMutation((v: { id: string } & TSuperintendentPatch) =>
    api.patch('/api/v1/production/superintendents/{superintendentId}', {
      path: { superintendentId: v.id },
      body: {
        ...(v.name === undefined ? {} : { name: v.name }),
        ...(v.active === undefined ? {} : { active: v.active }),
      },
    }),
  )
export const useSaveRotation = () =>
  useProductionMutation((body: TRotationRequest) => api.put('/api/v1/production/rotations', { body }))
export const useDeleteRotation = () =>
  useProductionMutation((id: string) =>
    api.delete('/api/v1/production/rotations/{rotationId}', { path: { rotationId: id } }),
  )

/** The organization's active sites (a rotation can be defined before a site has work). */
export const allSitesQuery = () =>
  queryOptions({
    queryKey: [...productionKeys.all, 'all-sites'] as const,
    queryFn: ({ signal }) =>
      api.get('/api/v1/catalogs/sites', {
        query: { limit: 200, sort: 'name' },
        signal,
      }),
    staleTime: 300_000,
  })
