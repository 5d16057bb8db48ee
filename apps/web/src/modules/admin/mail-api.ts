import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TMailSettingsInput, TMailSettingsState, TMailStatus } from '@faena/contracts'
import { api } from '../../platform/api'

const mailKey = ['mail'] as const

const settingsKey = [...mailKey, 'settings'] as const

export const mailSettingsQuery = () =>
  queryOptions({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get('/api/v1/settings/mail', { signal }),
  })

/** The outgoing log; asked again every few seconds while a message is still on its way. */
export const mailMessagesQuery = (q: { limit: number; offset: number; status?: TMailStatus | undefined }) =>
  queryOptions({
    queryKey: [...mailKey, 'messages', q],
    queryFn: ({ signal }) => api.get('/api/v1/settings/mail/messages', { query: q, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((m) => m.status === 'queued' || m.status === 'sending') ? 2000 : false,
  })

export const useSaveMailSettings = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: TMailSettingsInput) => api.put('/api/v1/settings/mail', { body: input }),
    // the answer is the saved settings: the form starts again from them at once (not after a refetch that
    // could land while the user types again)
    onSuccess: (settings) => qc.setQueryData<TMailSettingsState>(settingsKey, { settings }),
  })
}

export const useSendTestMail = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (to: string) => api.post('/api/v1/settings/mail/test', { body: { to } }),
    onSettled: () => qc.invalidateQueries({ queryKey: [...mailKey, 'messages'] }),
  })
}
