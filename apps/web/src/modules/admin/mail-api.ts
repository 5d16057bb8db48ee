import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TMailMessageList,
  TMailQueued,
  TMailSettings,
  TMailSettingsInput,
  TMailSettingsState,
  TMailStatus,
} from '@faena/contracts'
import { apiGet, apiPost, apiPut, toQueryString } from '../../platform/api'

const mailKey = ['mail'] as const

const settingsKey = [...mailKey, 'settings'] as const

export const mailSettingsQuery = () =>
  queryOptions({
    queryKey: settingsKey,
    queryFn: ({ signal }) => apiGet<TMailSettingsState>('/api/v1/settings/mail', { signal }),
  })

/** The outgoing log; asked again every few seconds while a message is still on its way. */
export const mailMessagesQuery = (q: { limit: number; offset: number; status?: TMailStatus | undefined }) =>
  queryOptions({
    queryKey: [...mailKey, 'messages', q],
    queryFn: ({ signal }) =>
      apiGet<TMailMessageList>(`/api/v1/settings/mail/messages${toQueryString(q)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((m) => m.status === 'queued' || m.status === 'sending') ? 2000 : false,
  })

export const useSaveMailSettings = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: TMailSettingsInput) => apiPut<TMailSettings>('/api/v1/settings/mail', input),
    // the answer is the saved settings: the form starts again from them at once (not after a refetch that
    // could land while the user types again)
    onSuccess: (settings) => qc.setQueryData<TMailSettingsState>(settingsKey, { settings }),
  })
}

export const useSendTestMail = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (to: string) => apiPost<TMailQueued>('/api/v1/settings/mail/test', { to }),
    onSettled: () => qc.invalidateQueries({ queryKey: [...mailKey, 'messages'] }),
  })
}
