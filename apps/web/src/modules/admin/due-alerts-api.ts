import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TDueAlertSettings, TDueAlertSettingsInput } from '@faena/contracts'
import { apiGet, apiPut } from '../../platform/api'

const settingsKey = ['due-alerts', 'settings'] as const

/** Due and overdue notices' setting (docs/platform.md#due-and-overdue). */
export const dueAlertSettingsQuery = () =>
  queryOptions({
    queryKey: settingsKey,
    queryFn: ({ signal }) => apiGet<TDueAlertSettings>('/api/v1/insights/due-alerts/settings', { signal }),
  })

export const useSaveDueAlertSettings = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: TDueAlertSettingsInput) =>
      apiPut<TDueAlertSettings>('/api/v1/insights/due-alerts/settings', input),
    onSuccess: (saved) => qc.setQueryData(settingsKey, saved),
  })
}
