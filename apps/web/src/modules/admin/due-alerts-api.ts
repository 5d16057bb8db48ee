import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TDueAlertSettingsInput } from '@faena/contracts'
import { api } from '../../platform/api'

const settingsKey = ['due-alerts', 'settings'] as const

/** Due and overdue notices' setting (docs/platform.md#due-and-overdue). */
export const dueAlertSettingsQuery = () =>
  queryOptions({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get('/api/v1/insights/due-alerts/settings', { signal }),
  })

export const useSaveDueAlertSettings = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: TDueAlertSettingsInput) =>
      api.put('/api/v1/insights/due-alerts/settings', { body: input }),
    onSuccess: (saved) => qc.setQueryData(settingsKey, saved),
  })
}
