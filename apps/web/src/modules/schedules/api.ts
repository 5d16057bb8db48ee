/** Queries and mutations of the work-order schedule tab. Every import refetches the versions. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TProgressAcknowledgeInput, TScheduleProgressInput } from '@faena/contracts'
import { api, apiUrl, downloadFile } from '../../platform/api'

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
      api.get('/api/v1/work-orders/{id}/schedules', {
        path: { id: workOrderId },
        query: { limit: 200 },
        signal,
      }),
  })

export const versionQuery = (workOrderId: string, versionId: string) =>
  queryOptions({
    queryKey: scheduleKeys.version(workOrderId, versionId),
    queryFn: ({ signal }) =>
      api.get('/api/v1/work-orders/{id}/schedules/{versionId}', {
        path: { id: workOrderId, versionId },
        signal,
      }),
    staleTime: Infinity, // a version never changes
    placeholderData: keepPreviousData,
  })

export const diffQuery = (workOrderId: string, from: string, to: string) =>
  queryOptions({
    queryKey: scheduleKeys.diff(workOrderId, from, to),
    queryFn: ({ signal }) =>
      api.get('/api/v1/work-orders/{id}/schedules/diff', {
        path: { id: workOrderId },
        query: { from, to },
        signal,
      }),
    staleTime: Infinity,
  })

export const useImportSchedule = (workOrderId: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (file: File) =>
      api.upload('/api/v1/work-orders/{id}/schedules', { path: { id: workOrderId }, files: { file } }),
    // a new version changes the progress (tasks, roll-up) too
    onSuccess: () => qc.invalidateQueries({ queryKey: scheduleKeys.all(workOrderId) }),
  })
}

// ---------------------------------------------------------------- progress, two truths

export type CurveBy = 'week' | 'month'

export const progressKeys = {
  all: (workOrderId: string) => ['schedules', workOrderId, 'progress'] as const,
  progress: (workOrderId: string) => ['schedules', workOrderId, 'progress', 'tasks'] as const,
  curve: (workOrderId: string, by: CurveBy) => ['schedules', workOrderId, 'progress', 'curve', by] as const,
  family: (workOrderId: string, by: CurveBy) => ['schedules', workOrderId, 'progress', 'family', by] as const,
  history: (workOrderId: string, taskUid: number | null) =>
    ['schedules', workOrderId, 'progress', 'history', taskUid] as const,
}

export const progressQuery = (workOrderId: string) =>
  queryOptions({
    queryKey: progressKeys.progress(workOrderId),
    queryFn: ({ signal }) =>
      api.get('/api/v1/work-orders/{id}/schedules/active/progress', { path: { id: workOrderId }, signal }),
    retry: false,
  })

export const curveQuery = (workOrderId: string, by: CurveBy) =>
  queryOptions({
    queryKey: progressKeys.curve(workOrderId, by),
    queryFn: ({ signal }) =>
      api.get('/api/v1/work-orders/{id}/schedules/active/progress/curve', {
        path: { id: workOrderId },
        query: { by },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  })

export const familyCurveQuery = (workOrderId: string, by: CurveBy) =>
  queryOptions({
    queryKey: progressKeys.family(workOrderId, by),
    queryFn: ({ signal }) =>
      api.get('/api/v1/work-orders/{id}/schedules/family/progress/curve', {
        path: { id: workOrderId },
        query: { by },
        signal,
      }),
    placeholderData: keepPreviousData,
  })

export const historyQuery = (workOrderId: string, taskUid: number | null) =>
  queryOptions({
    queryKey: progressKeys.history(workOrderId, taskUid),
    queryFn: ({ signal }) =>
      api.get('/api/v1/work-orders/{id}/schedules/active/progress/history', {
        path: { id: workOrderId },
        query: { taskUid: taskUid ?? undefined, limit: 200 },
        signal,
      }),
  })

/** Saves entries of either truth; the answer carries the progress after the save (put in the cache). */
export const useSaveProgress = (workOrderId: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TScheduleProgressInput) =>
      api.put('/api/v1/work-orders/{id}/schedules/active/progress', { path: { id: workOrderId }, body }),
    onSuccess: (r) => {
      qc.setQueryData(progressKeys.progress(workOrderId), r.progress)
      void qc.invalidateQueries({ queryKey: progressKeys.all(workOrderId) })
    },
  })
}

export const useAcknowledgeProgress = (workOrderId: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TProgressAcknowledgeInput) =>
      api.post('/api/v1/work-orders/{id}/schedules/active/progress/acknowledge', {
        path: { id: workOrderId },
        body,
      }),
    onSuccess: (r) => {
      qc.setQueryData(progressKeys.progress(workOrderId), r.progress)
      void qc.invalidateQueries({ queryKey: progressKeys.all(workOrderId) })
    },
  })
}

export const exportProgress = (workOrderId: string, lang: 'es' | 'en') =>
  downloadFile(
    apiUrl('/api/v1/work-orders/{id}/schedules/active/progress/export.xlsx', { path: { id: workOrderId } }),
    { query: { lang } },
  )
