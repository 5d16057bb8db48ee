/** Queries and mutations of the work-order schedule tab. Every import refetches the versions. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TScheduleDetail,
  TScheduleDiff,
  TScheduleImportResult,
  TScheduleVersionList,
} from '@faena/contracts'
import { apiGet, apiUpload } from '../../platform/api'

const base = (workOrderId: string) => `/api/v1/work-orders/${workOrderId}/schedules`

export const scheduleKeys = {
  all: (workOrderId: string) => ['schedules', workOrderId] as const,
  versions: (workOrderId: string) => ['schedules', workOrderId, 'versions'] as const,
  version: (workOrderId: string, versionId: string) =>
    ['schedules', workOrderId, 'version', versionId] as const,
  diff: (workOrderId: string, from: string, to: string) =>
    ['schedules', workOrderId, 'diff', from, to] as const,
}

export const versionsQuery = (workOrderId: string) =>
  queryOptions({
    queryKey: scheduleKeys.versions(workOrderId),
    queryFn: ({ signal }) =>
      apiGet<TScheduleVersionList>(base(workOrderId), { query: { limit: 200 }, signal }),
  })

export const versionQuery = (workOrderId: string, versionId: string) =>
  queryOptions({
    queryKey: scheduleKeys.version(workOrderId, versionId),
    queryFn: ({ signal }) => apiGet<TScheduleDetail>(`${base(workOrderId)}/${versionId}`, { signal }),
    staleTime: Infinity, // a version never changes
    placeholderData: keepPreviousData,
  })

export const diffQuery = (workOrderId: string, from: string, to: string) =>
  queryOptions({
    queryKey: scheduleKeys.diff(workOrderId, from, to),
    queryFn: ({ signal }) =>
      apiGet<TScheduleDiff>(`${base(workOrderId)}/diff`, { query: { from, to }, signal }),
    staleTime: Infinity,
  })

export const useImportSchedule = (workOrderId: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (file: File) => apiUpload<TScheduleImportResult>(base(workOrderId), { file }),
    onSuccess: () => qc.invalidateQueries({ queryKey: scheduleKeys.versions(workOrderId) }),
  })
}
