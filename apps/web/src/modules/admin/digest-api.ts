import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TDigest, TDigestSent, TDigestSettings, TDigestSettingsInput } from '@faena/contracts'
import { apiGet, apiPost, apiPut } from '../../platform/api'

const settingsKey = ['digest', 'settings'] as const

export const digestSettingsQuery = () =>
  queryOptions({
    queryKey: settingsKey,
    queryFn: ({ signal }) => apiGet<TDigestSettings>('/api/v1/insights/digest/settings', { signal }),
  })

/** The digest of the week that ended yesterday, as it would be sent now. */
export const digestPreviewQuery = () =>
  queryOptions({
    queryKey: ['digest', 'preview'],
    queryFn: ({ signal }) => apiGet<TDigest>('/api/v1/insights/digest/preview', { signal }),
  })

export const useSaveDigestSettings = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: TDigestSettingsInput) =>
      apiPut<TDigestSettings>('/api/v1/insights/digest/settings', input),
    onSuccess: (saved) => qc.setQueryData(settingsKey, saved),
  })
}

export const useSendDigest = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => apiPost<TDigestSent>('/api/v1/insights/digest/send'),
    onSettled: () => qc.invalidateQueries({ queryKey: ['mail', 'messages'] }),
  })
}
