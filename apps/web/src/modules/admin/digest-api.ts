import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TDigestSettingsInput } from '@faena/contracts'
import { api } from '../../platform/api'

const settingsKey = ['digest', 'settings'] as const

export const digestSettingsQuery = () =>
  queryOptions({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get('/api/v1/insights/digest/settings', { signal }),
  })

/** The digest of the week that ended yesterday, as it would be sent now. */
export const digestPreviewQuery = () =>
  queryOptions({
    queryKey: ['digest', 'preview'],
    queryFn: ({ signal }) => api.get('/api/v1/insights/digest/preview', { signal }),
  })

export const useSaveDigestSettings = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: TDigestSettingsInput) => api.put('/api/v1/insights/digest/settings', { body: input }),
    onSuccess: (saved) => qc.setQueryData(settingsKey, saved),
  })
}

export const useSendDigest = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => api.post('/api/v1/insights/digest/send'),
    onSettled: () => qc.invalidateQueries({ queryKey: ['mail', 'messages'] }),
  })
}
