/** Queries and mutations of the rental projects screens. Every change refetches what it touches. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TCloseRentalProjectRequest,
  TCreateRentalAssignmentInput,
  TReactivateRentalAssignmentRequest,
  TRentalClientInput,
  TRentalClientPatch,
  TRentalEquipmentInput,
  TRentalEquipmentPatch,
  TRentalProjectInput,
  TRentalProjectPatch,
  TRetireRentalAssignmentRequest,
  TUpdateRentalAssignmentRequest,
} from '@faena/contracts'
import { api, type QueryParams } from '../../platform/api'

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
    queryFn: ({ signal }) => api.get('/api/v1/rental/clients', { query: params, signal }),
    placeholderData: keepPreviousData,
  })

/** Every client for the selects (small lists: up to 500). */
export const clientOptionsQuery = () =>
  queryOptions({
    queryKey: rentalKeys.clients({ options: true }),
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/clients', { query: { limit: 500, sort: 'name' }, signal }),
    staleTime: 60_000,
    select: (d) => d.items,
  })

export const projectListQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: rentalKeys.projects(params),
    queryFn: ({ signal }) => api.get('/api/v1/rental/projects', { query: params, signal }),
    placeholderData: keepPreviousData,
  })

export const projectQuery = (id: string) =>
  queryOptions({
    queryKey: rentalKeys.project(id),
    queryFn: ({ signal }) => api.get('/api/v1/rental/projects/{id}', { path: { id }, signal }),
  })

export const assignmentsQuery = (projectId: string) =>
  queryOptions({
    queryKey: rentalKeys.assignments(projectId),
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/projects/{id}/assignments', { path: { id: projectId }, signal }),
  })

export const calendarQuery = (projectId: string, month: string | undefined) =>
  queryOptions({
    queryKey: rentalKeys.calendar(projectId, month),
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/projects/{id}/calendar', { path: { id: projectId }, query: { month }, signal }),
    placeholderData: keepPreviousData,
  })

export const closeCheckQuery = (projectId: string) =>
  queryOptions({
    queryKey: rentalKeys.closeCheck(projectId),
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/projects/{id}/close', { path: { id: projectId }, signal }),
  })

export const equipmentListQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: rentalKeys.equipment(params),
    queryFn: ({ signal }) => api.get('/api/v1/rental/equipment', { query: params, signal }),
    placeholderData: keepPreviousData,
  })

/** What can be assigned now (operative, available units and every service), for the assign dialog. */
export const assignableQuery = () =>
  queryOptions({
    queryKey: rentalKeys.equipment({ assignable: 'true', limit: 500 }),
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/equipment', {
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

/** A save: a patch of an existing record (`id`) or a new one's whole input (no `id`), never a patch to create. */
type Save<Input, Patch> = { id: string; body: Patch } | { id?: undefined; body: Input }

export const useSaveClient = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: (v: Save<TRentalClientInput, TRentalClientPatch>) =>
      v.id !== undefined
        ? api.patch('/api/v1/rental/clients/{id}', { path: { id: v.id }, body: v.body })
        : api.post('/api/v1/rental/clients', { body: v.body }),
    onSuccess: refresh,
  })
}

export const useDeleteClient = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: (id: string) => api.delete('/api/v1/rental/clients/{id}', { path: { id } }),
    onSuccess: refresh,
  })
}

export const useSaveProject = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: (v: Save<TRentalProjectInput, TRentalProjectPatch>) =>
      v.id !== undefined
        ? api.patch('/api/v1/rental/projects/{id}', { path: { id: v.id }, body: v.body })
        : api.post('/api/v1/rental/projects', { body: v.body }),
    onSuccess: refresh,
  })
}

export const useCloseProject = (id: string) => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: (body: TCloseRentalProjectRequest) =>
      api.post('/api/v1/rental/projects/{id}/close', { path: { id }, body }),
    onSuccess: refresh,
  })
}

export const useCreateAssignment = (projectId: string) => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: (body: TCreateRentalAssignmentInput) =>
      api.post('/api/v1/rental/projects/{id}/assignments', { path: { id: projectId }, body }),
    onSuccess: refresh,
  })
}

export const useUpdateAssignment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateRentalAssignmentRequest }) =>
      api.patch('/api/v1/rental/assignments/{id}', { path: { id }, body }),
    onSuccess: refresh,
  })
}

export const useRetireAssignment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TRetireRentalAssignmentRequest }) =>
      api.post('/api/v1/rental/assignments/{id}/retire', { path: { id }, body }),
    onSuccess: refresh,
  })
}

export const useReactivateAssignment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TReactivateRentalAssignmentRequest }) =>
      api.post('/api/v1/rental/assignments/{id}/reactivate', { path: { id }, body }),
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
      return api.delete('/api/v1/rental/assignments/{id}', {
        path: { id },
        query: {
          effectiveFrom: options.effectiveFrom,
          confirmDropManualDays: options.confirmDropManualDays ? 'true' : undefined,
        },
      })
    },
    onSuccess: refresh,
  })
}

export const useSaveEquipment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: (v: Save<TRentalEquipmentInput, TRentalEquipmentPatch>) =>
      v.id !== undefined
        ? api.patch('/api/v1/rental/equipment/{id}', { path: { id: v.id }, body: v.body })
        : api.post('/api/v1/rental/equipment', { body: v.body }),
    onSuccess: refresh,
  })
}

export const useDeleteEquipment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: (id: string) => api.delete('/api/v1/rental/equipment/{id}', { path: { id } }),
    onSuccess: refresh,
  })
}

export const useImportEquipment = () => {
  const refresh = useRefreshAll()
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      api.upload('/api/v1/rental/equipment/import', {
        files: { file },
        fields: dryRun ? { dryRun: 'true' } : {},
      }),
    onSuccess: (r) => (r.imported ? refresh() : undefined),
  })
}
