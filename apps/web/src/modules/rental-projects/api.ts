/** Queries and mutations of the rental projects screens. Every change refetches what it touches. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TCloseRentalProjectRequest,
  TCreateRentalAssignmentInput,
  TReactivateRentalAssignmentRequest,
  TRentalAssignment,
  TRentalAssignmentDeleted,
  TRentalCalendar,
  TRentalClient,
  TRentalClientInput,
  TRentalClientPatch,
  TRentalCloseCheck,
  TRentalEquipment,
  TRentalEquipmentImportResult,
  TRentalEquipmentInput,
  TRentalEquipmentPatch,
  TRentalProject,
  TRentalProjectInput,
  TRentalProjectPatch,
  TRetireRentalAssignmentRequest,
  TUpdateRentalAssignmentRequest,
} from '@faena/contracts'
import { apiDelete, apiGet, apiPatch, apiPost, apiUpload, type QueryParams } from '../../platform/api'

export const BASE = '/api/v1/rental'

export type List<T> = { items: T[]; total: number }

export const rentalKeys = {
  all: ['rental-projects'] as const,
  clients: (params?: QueryParams) => ['rental-projects', 'clients', params ?? {}] as const,
  projects: (params?: QueryParams) => ['rental-projects', 'projects', params ?? {}] as const,
  project: (id: string) => ['rental-projects', 'project', id] as const,
  assignments: (projectId: string) => ['rental-projects', 'project', projectId, 'assignments'] as const,
  calendar: (projectId: string, month: string | undefined) =>
    ['rental-projects', 'project', projectId, 'calendar', month ?? ''] as const,
  closeCheck: (projectId: string) => ['rental-projects', 'project', projectId, 'close'] as const,
  equipment: (params?: QueryParams) => ['rental-projects', 'equipment', params ?? {}] as const,
}

export const clientListQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: rentalKeys.clients(params),
    queryFn: ({ signal }) => apiGet<List<TRentalClient>>(`${BASE}/clients`, { query: params, signal }),
    placeholderData: keepPreviousData,
  })

/** Every client for the selects (small lists: up to 500). */
export const clientOptionsQuery = () =>
  queryOptions({
    queryKey: rentalKeys.clients({ options: true }),
    queryFn: ({ signal }) =>
      apiGet<List<TRentalClient>>(`${BASE}/clients`, { query: { limit: 500, sort: 'name' }, signal }),
    staleTime: 60_000,
    select: (d) => d.items,
  })

export const projectListQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: rentalKeys.projects(params),
    queryFn: ({ signal }) => apiGet<List<TRentalProject>>(`${BASE}/projects`, { query: params, signal }),
    placeholderData: keepPreviousData,
  })

export const projectQuery = (id: string) =>
  queryOptions({
    queryKey: rentalKeys.project(id),
    queryFn: ({ signal }) => apiGet<TRentalProject>(`${BASE}/projects/${id}`, { signal }),
  })

export const assignmentsQuery = (projectId: string) =>
  queryOptions({
    queryKey: rentalKeys.assignments(projectId),
    queryFn: ({ signal }) =>
      apiGet<List<TRentalAssignment>>(`${BASE}/projects/${projectId}/assignments`, { signal }),
  })

export const calendarQuery = (projectId: string, month: string | undefined) =>
  queryOptions({
    queryKey: rentalKeys.calendar(projectId, month),
    queryFn: ({ signal }) =>
      apiGet<TRentalCalendar>(`${BASE}/projects/${projectId}/calendar`, { query: { month }, signal }),
    placeholderData: keepPreviousData,
  })

export const closeCheckQuery = (projectId: string) =>
  queryOptions({
    queryKey: rentalKeys.closeCheck(projectId),
    queryFn: ({ signal }) => apiGet<TRentalCloseCheck>(`${BASE}/projects/${projectId}/close`, { signal }),
  })

export const equipmentListQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: rentalKeys.equipment(params),
    queryFn: ({ signal }) => apiGet<List<TRentalEquipment>>(`${BASE}/equipment`, { query: params, signal }),
    placeholderData: keepPreviousData,
  })

/** What can be assigned now (operative, available units and every service), for the assign dialog. */
export const assignableQuery = () =>
  queryOptions({
    queryKey: rentalKeys.equipment({ assignable: 'true', limit: 500 }),
    queryFn: ({ signal }) =>
      apiGet<List<TRentalEquipment>>(`${BASE}/equipment`, {
        query: { assignable: 'true', limit: 500, sort: 'code' },
        signal,
      }),
    select: (d) => d.items,
  })

/** The lists' exports: jobs (202), polled and downloaded by JobExportButton (docs/jobs.md). */
export const exportUrls = {
  clients: `${BASE}/clients/export`,
  projects: `${BASE}/projects/export`,
  equipment: `${BASE}/equipment/export`,
}

/** Everything under the module key (lists, details, calendars) and the audit history. */
const useRefreshAll = () => {
  const qc = useQueryClient()
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: rentalKeys.all }),
      qc.invalidateQueries({ queryKey: ['audit'] }),
    ])
}

export const useSaveClient = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TRentalClientInput | TRentalClientPatch }) =>
      id
        ? apiPatch<TRentalClient>(`${BASE}/clients/${id}`, body)
        : apiPost<TRentalClient>(`${BASE}/clients`, body),
    onSuccess: refresh,
  })
}

export const useDeleteClient = () => {
  const refresh = useRefreshAll()
  return useMutation({ mutationFn: (id: string) => apiDelete(`${BASE}/clients/${id}`), onSuccess: refresh })
}

export const useSaveProject = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TRentalProjectInput | TRentalProjectPatch }) =>
      id
        ? apiPatch<TRentalProject>(`${BASE}/projects/${id}`, body)
        : apiPost<TRentalProject>(`${BASE}/projects`, body),
    onSuccess: refresh,
  })
}

export const useCloseProject = (id: string) => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: (body: TCloseRentalProjectRequest) =>
      apiPost<TRentalProject>(`${BASE}/projects/${id}/close`, body),
    onSuccess: refresh,
  })
}

export const useCreateAssignment = (projectId: string) => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: (body: TCreateRentalAssignmentInput) =>
      apiPost<TRentalAssignment>(`${BASE}/projects/${projectId}/assignments`, body),
    onSuccess: refresh,
  })
}

export const useUpdateAssignment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateRentalAssignmentRequest }) =>
      apiPatch<TRentalAssignment>(`${BASE}/assignments/${id}`, body),
    onSuccess: refresh,
  })
}

export const useRetireAssignment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TRetireRentalAssignmentRequest }) =>
      apiPost<TRentalAssignment & { cascadedAssignmentIds: string[] }>(
        `${BASE}/assignments/${id}/retire`,
        body,
      ),
    onSuccess: refresh,
  })
}

export const useReactivateAssignment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TReactivateRentalAssignmentRequest }) =>
      apiPost<TRentalAssignment & { cascadedAssignmentIds: string[] }>(
        `${BASE}/assignments/${id}/reactivate`,
        body,
      ),
    onSuccess: refresh,
  })
}

export const useDeleteAssignment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({
      id,
      options = {},
    }: {
      id: string
      options?: { effectiveFrom?: 'firstOpenDay'; confirmDropManualDays?: boolean }
    }) => {
      const q = new URLSearchParams()
      if (options.effectiveFrom) q.set('effectiveFrom', options.effectiveFrom)
      if (options.confirmDropManualDays) q.set('confirmDropManualDays', 'true')
      const qs = q.toString()
      return apiDelete<TRentalAssignmentDeleted>(`${BASE}/assignments/${id}${qs ? `?${qs}` : ''}`)
    },
    onSuccess: refresh,
  })
}

export const useSaveEquipment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TRentalEquipmentInput | TRentalEquipmentPatch }) =>
      id
        ? apiPatch<TRentalEquipment>(`${BASE}/equipment/${id}`, body)
        : apiPost<TRentalEquipment>(`${BASE}/equipment`, body),
    onSuccess: refresh,
  })
}

export const useDeleteEquipment = () => {
  const refresh = useRefreshAll()
  return useMutation({ mutationFn: (id: string) => apiDelete(`${BASE}/equipment/${id}`), onSuccess: refresh })
}

export const useImportEquipment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      apiUpload<TRentalEquipmentImportResult>(
        `${BASE}/equipment/import`,
        { file },
        dryRun ? { dryRun: 'true' } : {},
      ),
    onSuccess: (r) => (r.imported ? refresh() : undefined),
  })
}
