/** Queries and mutations of the equipment-condition screens. Every change refetches the module's queries. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TChecklistInput, TInspectionInput, TRepairInput, TRepairReturnInput } from '@faena/contracts'
import { api, type QueryParams } from '../../platform/api'

export const BASE = '/api/v1/rental'

export const conditionKeys = {
  all: ['equipment-condition'] as const,
  checklists: ['equipment-condition', 'checklists'] as const,
  report: (params?: QueryParams) => ['equipment-condition', 'report', params ?? {}] as const,
  unit: (id: string) => ['equipment-condition', 'unit', id] as const,
  inspection: (id: string) => ['equipment-condition', 'inspection', id] as const,
}

export const checklistsQuery = () =>
  queryOptions({
    queryKey: conditionKeys.checklists,
    queryFn: ({ signal }) => api.get('/api/v1/rental/equipment-checklists', { signal }),
  })
export const statusReportQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: conditionKeys.report(params),
    queryFn: ({ signal }) => api.get('/api/v1/rental/equipment-status', { query: params, signal }),
    placeholderData: keepPreviousData,
  })
export const unitConditionQuery = (id: string) =>
  queryOptions({
    queryKey: conditionKeys.unit(id),
    queryFn: ({ signal }) => api.get('/api/v1/rental/equipment/{id}/condition', { path: { id }, signal }),
  })
export const inspectionQuery = (id: string) =>
  queryOptions({
    queryKey: conditionKeys.inspection(id),
    queryFn: ({ signal }) => api.get('/api/v1/rental/equipment-inspections/{id}', { path: { id }, signal }),
  })

export const exportUrl = `${BASE}/equipment-status/export`
export const blankPdfUrl = (equipmentId: string) => `${BASE}/equipment/${equipmentId}/checklist.pdf`
export const inspectionPdfUrl = (inspectionId: string) => `${BASE}/equipment-inspections/${inspectionId}/pdf`

const useRefresh = () => {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: conditionKeys.all })
}

export const useSaveChecklist = () => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (input: TChecklistInput) => api.put('/api/v1/rental/equipment-checklists', { body: input }),
    onSuccess: refresh,
  })
}
export const useRecordInspection = (equipmentId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (input: TInspectionInput) =>
      api.post('/api/v1/rental/equipment/{id}/inspections', { path: { id: equipmentId }, body: input }),
    onSuccess: refresh,
  })
}
export const useDeleteInspection = () => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (id: string) => api.delete('/api/v1/rental/equipment-inspections/{id}', { path: { id } }),
    onSuccess: refresh,
  })
}
export const useSendToRepair = (equipmentId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (input: TRepairInput) =>
      api.post('/api/v1/rental/equipment/{id}/repair', { path: { id: equipmentId }, body: input }),
    onSuccess: refresh,
  })
}
export const useReturnFromRepair = (equipmentId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (input: TRepairReturnInput) =>
      api.post('/api/v1/rental/equipment/{id}/repair/return', { path: { id: equipmentId }, body: input }),
    onSuccess: refresh,
  })
}
