/** Queries and mutations of the equipment-condition screens. Every change refetches the module's queries. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TChecklist,
  TChecklistInput,
  TChecklistList,
  TEquipmentStatusReport,
  TInspection,
  TInspectionInput,
  TRepairInput,
  TRepairReturnInput,
  TUnitCondition,
} from '@faena/contracts'
import { apiDelete, apiGet, apiPost, apiPut, type QueryParams } from '../../platform/api'

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
    queryFn: ({ signal }) => apiGet<TChecklistList>(`${BASE}/equipment-checklists`, { signal }),
  })
export const statusReportQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: conditionKeys.report(params),
    queryFn: ({ signal }) =>
      apiGet<TEquipmentStatusReport>(`${BASE}/equipment-status`, { query: params, signal }),
    placeholderData: keepPreviousData,
  })
export const unitConditionQuery = (id: string) =>
  queryOptions({
    queryKey: conditionKeys.unit(id),
    queryFn: ({ signal }) => apiGet<TUnitCondition>(`${BASE}/equipment/${id}/condition`, { signal }),
  })
export const inspectionQuery = (id: string) =>
  queryOptions({
    queryKey: conditionKeys.inspection(id),
    queryFn: ({ signal }) => apiGet<TInspection>(`${BASE}/equipment-inspections/${id}`, { signal }),
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
    mutationFn: (input: TChecklistInput) => apiPut<TChecklist>(`${BASE}/equipment-checklists`, input),
    onSuccess: refresh,
  })
}
export const useRecordInspection = (equipmentId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (input: TInspectionInput) =>
      apiPost<TInspection>(`${BASE}/equipment/${equipmentId}/inspections`, input),
    onSuccess: refresh,
  })
}
export const useDeleteInspection = () => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (id: string) => apiDelete(`${BASE}/equipment-inspections/${id}`),
    onSuccess: refresh,
  })
}
export const useSendToRepair = (equipmentId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (input: TRepairInput) =>
      apiPost<TUnitCondition>(`${BASE}/equipment/${equipmentId}/repair`, input),
    onSuccess: refresh,
  })
}
export const useReturnFromRepair = (equipmentId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (input: TRepairReturnInput) =>
      apiPost<TUnitCondition>(`${BASE}/equipment/${equipmentId}/repair/return`, input),
    onSuccess: refresh,
  })
}
