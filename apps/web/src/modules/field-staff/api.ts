/** Queries and mutations of the field-staff screens. Every change refetches the module's queries. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TComplianceAlertSettingsInput,
  TComplianceDocument,
  TComplianceDocumentInput,
  TComplianceFile,
  TComplianceOwnerKind,
  TFieldStaffInput,
  TVaccineInput,
  TVehicleInput,
} from '@faena/contracts'
import { api, apiDelete, apiPatch, apiPost, apiUpload, type QueryParams } from '../../platform/api'

export const BASE = '/api/v1/rental'
export type List<T> = { items: T[]; total: number }
/** the path of an owner's records: staff or vehicles */
export const ownerPath = (owner: TComplianceOwnerKind) => (owner === 'staff' ? 'staff' : 'vehicles')

export const fieldStaffKeys = {
  all: ['field-staff'] as const,
  staff: (params?: QueryParams) => ['field-staff', 'staff', params ?? {}] as const,
  person: (id: string) => ['field-staff', 'person', id] as const,
  vehicles: (params?: QueryParams) => ['field-staff', 'vehicles', params ?? {}] as const,
  vehicle: (id: string) => ['field-staff', 'vehicle', id] as const,
  kinds: ['field-staff', 'kinds'] as const,
  report: (params?: QueryParams) => ['field-staff', 'report', params ?? {}] as const,
  summary: ['field-staff', 'summary'] as const,
  alerts: ['field-staff', 'alerts'] as const,
}

export const staffListQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: fieldStaffKeys.staff(params),
    queryFn: ({ signal }) => api.get('/api/v1/rental/staff', { query: params, signal }),
    placeholderData: keepPreviousData,
  })
export const personQuery = (id: string) =>
  queryOptions({
    queryKey: fieldStaffKeys.person(id),
    queryFn: ({ signal }) => api.get('/api/v1/rental/staff/{id}', { path: { id }, signal }),
  })
export const vehicleListQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: fieldStaffKeys.vehicles(params),
    queryFn: ({ signal }) => api.get('/api/v1/rental/vehicles', { query: params, signal }),
    placeholderData: keepPreviousData,
  })
export const vehicleQuery = (id: string) =>
  queryOptions({
    queryKey: fieldStaffKeys.vehicle(id),
    queryFn: ({ signal }) => api.get('/api/v1/rental/vehicles/{id}', { path: { id }, signal }),
  })
export const kindsQuery = () =>
  queryOptions({
    queryKey: fieldStaffKeys.kinds,
    queryFn: ({ signal }) => api.get('/api/v1/rental/compliance/kinds', { signal }),
    staleTime: 60_000,
    select: (d) => d.items,
  })
export const reportQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: fieldStaffKeys.report(params),
    queryFn: ({ signal }) => api.get('/api/v1/rental/compliance', { query: params, signal }),
    placeholderData: keepPreviousData,
  })
export const summaryQuery = () =>
  queryOptions({
    queryKey: fieldStaffKeys.summary,
    queryFn: ({ signal }) => api.get('/api/v1/rental/compliance/summary', { signal }),
  })
export const alertsQuery = () =>
  queryOptions({
    queryKey: fieldStaffKeys.alerts,
    queryFn: ({ signal }) => api.get('/api/v1/rental/compliance/alerts', { signal }),
  })
export const fetchAlertPreview = () => api.get('/api/v1/rental/compliance/alerts/preview')

export const exportUrls = {
  staff: `${BASE}/staff/export`,
  vehicles: `${BASE}/vehicles/export`,
  report: `${BASE}/compliance/export`,
}

const useRefresh = () => {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: fieldStaffKeys.all })
}

export const useSavePerson = () => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TFieldStaffInput }) =>
      id
        ? api.patch('/api/v1/rental/staff/{id}', { path: { id }, body })
        : api.post('/api/v1/rental/staff', { body }),
    onSuccess: refresh,
  })
}
export const useSaveVehicle = () => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TVehicleInput }) =>
      id
        ? api.patch('/api/v1/rental/vehicles/{id}', { path: { id }, body })
        : api.post('/api/v1/rental/vehicles', { body }),
    onSuccess: refresh,
  })
}
export const useDeleteOwner = (owner: TComplianceOwnerKind) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (id: string) => apiDelete(`${BASE}/${ownerPath(owner)}/${id}`),
    onSuccess: refresh,
  })
}
export const useSaveDocument = (owner: TComplianceOwnerKind, ownerId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TComplianceDocumentInput }) =>
      id
        ? apiPatch<TComplianceDocument>(`${BASE}/${ownerPath(owner)}/${ownerId}/documents/${id}`, body)
        : apiPost<TComplianceDocument>(`${BASE}/${ownerPath(owner)}/${ownerId}/documents`, body),
    onSuccess: refresh,
  })
}
export const useDeleteDocument = (owner: TComplianceOwnerKind, ownerId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (id: string) => apiDelete(`${BASE}/${ownerPath(owner)}/${ownerId}/documents/${id}`),
    onSuccess: refresh,
  })
}
export const useAddVaccine = (staffId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: TVaccineInput) =>
      api.post('/api/v1/rental/staff/{id}/vaccines', { path: { id: staffId }, body }),
    onSuccess: refresh,
  })
}
export const useDeleteVaccine = (staffId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (id: string) =>
      api.delete('/api/v1/rental/staff/{id}/vaccines/{vaccineId}', { path: { id: staffId, vaccineId: id } }),
    onSuccess: refresh,
  })
}
export const useUploadFile = (owner: TComplianceOwnerKind, ownerId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (file: File) =>
      apiUpload<TComplianceFile>(`${BASE}/${ownerPath(owner)}/${ownerId}/files`, { file }),
    onSuccess: refresh,
  })
}
export const useDeleteFile = (owner: TComplianceOwnerKind, ownerId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (id: string) => apiDelete(`${BASE}/${ownerPath(owner)}/${ownerId}/files/${id}`),
    onSuccess: refresh,
  })
}
export const useSaveAlerts = () => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: TComplianceAlertSettingsInput) =>
      api.put('/api/v1/rental/compliance/alerts', { body }),
    onSuccess: refresh,
  })
}
export const useSendAlertNow = () =>
  useMutation({
    mutationFn: () => api.post('/api/v1/rental/compliance/alerts/send'),
  })
