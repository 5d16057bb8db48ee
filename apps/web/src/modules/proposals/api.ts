/** Queries and mutations of the proposals (PTE) screens. Every change refetches what it touches. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  TAddStepAttachmentRequest,
  TChangeProposalStatusRequest,
  TCreateProposalRequest,
  TProposalDetail,
  TProposalListQuery,
  TProposalWarning,
  TUpdateProposalRequest,
  TUpdateStepRequest,
} from '@faena/contracts'
import { api, apiUrl, type ApiResponse } from '../../platform/api'

export type ProposalListResult = ApiResponse<'/api/v1/proposals', 'get'>

/** What the list sends: every filter optional, booleans as the strings the API expects. */
export type ProposalListParams = Partial<Omit<TProposalListQuery, 'overdue' | 'deleted' | 'assignedToMe'>> & {
  overdue?: 'true' | 'false' | undefined
  assignedToMe?: 'true' | undefined
  deleted?: 'true' | undefined
}

export const proposalKeys = {
  all: ['proposals'] as const,
  lists: () => ['proposals', 'list'] as const,
  list: (params: ProposalListParams) => ['proposals', 'list', params] as const,
  detail: (id: string) => ['proposals', 'detail', id] as const,
  /** the warnings of the last save of a proposal (set by the mutations, never fetched) */
  saveWarnings: (id: string) => ['proposals', 'save-warnings', id] as const,
}

export const proposalListQuery = (params: ProposalListParams) =>
  queryOptions({
    queryKey: proposalKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/v1/proposals', { query: params, signal }),
    placeholderData: keepPreviousData,
  })

export const proposalDetailQuery = (id: string) =>
  queryOptions({
    queryKey: proposalKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/v1/proposals/{id}', { path: { id }, signal }),
  })

/** The list's export: a job (202), polled and downloaded by JobExportButton (docs/jobs.md). */
export const proposalExportUrl = apiUrl('/api/v1/proposals/export')

/** A catalog record as the selects need it. */
export type CatalogOption = { id: string; name: string; active?: boolean; clientType?: string }
export type LookupCatalog = 'clients' | 'types' | 'project-managers'

export const catalogLookupQuery = (catalog: LookupCatalog) =>
  queryOptions({
    queryKey: ['catalogs', catalog, 'lookup'] as const,
    queryFn: ({ signal }) =>
      api.get(`/api/v1/catalogs/${catalog}`, {
        query: { limit: 500, ...(catalog === 'types' ? { level: 'proposal' as const } : {}) },
        signal,
      }),
    staleTime: 5 * 60_000,
    select: (data): CatalogOption[] => data.items,
  })

/**
 * The audit module's query-key prefix: its <AuditHistory> on the detail refetches after every change.
 * (The audit module does not export its keys; it keys every query under 'audit'.)
 */
const AUDIT_KEY = ['audit'] as const

/** Refetch the detail, the lists (progress and status may change) and the history. */
const useRefresh = () => {
  const qc = useQueryClient()
  return async (id: string) => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: proposalKeys.detail(id) }),
      qc.invalidateQueries({ queryKey: proposalKeys.lists() }),
      qc.invalidateQueries({ queryKey: AUDIT_KEY }),
    ])
  }
}

/**
 * The warnings of a proposal's last save (a duplicate official number), kept until the user dismisses them or
 * saves again; the detail page shows them (save-warnings.tsx).
 */
export const useSaveWarnings = (id: string) => {
  const qc = useQueryClient()
  const { data } = useQuery({
    queryKey: proposalKeys.saveWarnings(id),
    queryFn: () => [] as TProposalWarning[],
    enabled: false,
    staleTime: Infinity,
  })
  return {
    warnings: data ?? [],
    dismiss: () => qc.setQueryData<TProposalWarning[]>(proposalKeys.saveWarnings(id), []),
  }
}

export const useCreateProposal = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TCreateProposalRequest) => api.post('/api/v1/proposals', { body }),
    onSuccess: async ({ warnings, ...detail }) => {
      qc.setQueryData<TProposalDetail>(proposalKeys.detail(detail.id), detail)
      qc.setQueryData<TProposalWarning[]>(proposalKeys.saveWarnings(detail.id), warnings)
      await qc.invalidateQueries({ queryKey: proposalKeys.lists() })
    },
  })
}

export const useUpdateProposal = (id: string) => {
  const qc = useQueryClient()
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: TUpdateProposalRequest) => api.patch('/api/v1/proposals/{id}', { path: { id }, body }),
    onSuccess: ({ warnings }) => {
      qc.setQueryData<TProposalWarning[]>(proposalKeys.saveWarnings(id), warnings)
      return refresh(id)
    },
  })
}

export const useDeleteProposal = (id: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => api.delete('/api/v1/proposals/{id}', { path: { id } }),
    onSuccess: async () => {
      qc.removeQueries({ queryKey: proposalKeys.detail(id) })
      await qc.invalidateQueries({ queryKey: proposalKeys.lists() })
    },
  })
}

export const useChangeProposalStatus = (id: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: TChangeProposalStatusRequest) =>
      api.post('/api/v1/proposals/{id}/status', { path: { id }, body }),
    onSuccess: () => refresh(id),
  })
}

/** The API answers with the detail or the step: either way, the detail is refetched. */
export const useUpdateStep = (proposalId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ stepId, body }: { stepId: string; body: TUpdateStepRequest }) =>
      api.patch('/api/v1/proposals/{id}/steps/{stepId}', { path: { id: proposalId, stepId }, body }),
    onSuccess: () => refresh(proposalId),
  })
}

export const useAddAttachment = (proposalId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: async ({
      stepId,
      file,
      link,
    }: {
      stepId: string
      file?: File
      link?: TAddStepAttachmentRequest
    }) => {
      let body: TAddStepAttachmentRequest
      if (file) {
        const stored = await api.upload('/api/v1/files', { files: { file } })
        body = { fileId: stored.id }
      } else if (link) {
        body = link
      } else {
        throw new Error('nothing to attach')
      }
      return api.post('/api/v1/proposals/{id}/steps/{stepId}/attachments', {
        path: { id: proposalId, stepId },
        body,
      })
    },
    onSuccess: () => refresh(proposalId),
  })
}

export const useRemoveAttachment = (proposalId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ stepId, attachmentId }: { stepId: string; attachmentId: string }) =>
      api.delete('/api/v1/proposals/{id}/steps/{stepId}/attachments/{attachmentId}', {
        path: { id: proposalId, stepId, attachmentId },
      }),
    onSuccess: () => refresh(proposalId),
  })
}

export const fileUrl = (fileId: string) => apiUrl('/api/v1/files/{id}', { path: { id: fileId } })
