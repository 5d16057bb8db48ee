import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, downloadFile } from '../../platform/api'

export const backupsKey = ['backups'] as const

/** The runs and the alert; polled while a run is in progress. */
export const backupStatusQuery = () =>
  queryOptions({
    queryKey: backupsKey,
    queryFn: ({ signal }) => api.get('/api/v1/admin/backups', { signal }),
    refetchInterval: (q) => (q.state.data?.runs[0]?.status === 'running' ? 2000 : false),
  })

export const useRunBackup = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => api.post('/api/v1/admin/backups'),
    onSuccess: () => qc.invalidateQueries({ queryKey: backupsKey }),
  })
}

export const downloadOrganizationExport = () => downloadFile('/api/v1/admin/organization-export')
