/** Queries and mutations of the field-document screens (maintenance sheets, custody chains, shipping guides). */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TChainScanResult,
  TChainScanTargets,
  TCustodyChainDetail,
  TCustodyChainSummary,
  TFieldDocumentAttachment,
  TMaintenanceSheetDetail,
  TMaintenanceSheetSummary,
  TShippingGuideDetail,
  TShippingGuideSummary,
} from '@faena/contracts'
import { api, apiDelete, apiGet, apiPatch, apiPost, apiUpload, type QueryParams } from '../../platform/api'

export type DocKind = 'maintenance' | 'chain' | 'guide'

export const PATHS: Record<DocKind, string> = {
  maintenance: '/api/v1/rental/maintenance-sheets',
  chain: '/api/v1/rental/custody-chains',
  guide: '/api/v1/rental/shipping-guides',
}
export const ENTITY: Record<DocKind, string> = {
  maintenance: 'maintenance_sheet',
  chain: 'custody_chain',
  guide: 'shipping_guide',
}

export type DetailOf<K extends DocKind> = K extends 'maintenance'
  ? TMaintenanceSheetDetail
  : K extends 'chain'
    ? TCustodyChainDetail
    : TShippingGuideDetail
export type SummaryOf<K extends DocKind> = K extends 'maintenance'
  ? TMaintenanceSheetSummary
  : K extends 'chain'
    ? TCustodyChainSummary
    : TShippingGuideSummary
export type AnyDetail = TMaintenanceSheetDetail | TCustodyChainDetail | TShippingGuideDetail

export const docKeys = {
  all: ['rental-documents'] as const,
  lists: (kind: DocKind) => ['rental-documents', kind, 'list'] as const,
  list: (kind: DocKind, params: QueryParams) => ['rental-documents', kind, 'list', params] as const,
  detail: (kind: DocKind, id: string) => ['rental-documents', kind, 'detail', id] as const,
}

export const docListQuery = <K extends DocKind>(kind: K, params: QueryParams) =>
  queryOptions({
    queryKey: docKeys.list(kind, params),
    queryFn: ({ signal }) =>
      apiGet<{ items: SummaryOf<K>[]; total: number }>(PATHS[kind], { query: params, signal }),
    placeholderData: keepPreviousData,
  })

export const docDetailQuery = <K extends DocKind>(kind: K, id: string) =>
  queryOptions({
    queryKey: docKeys.detail(kind, id),
    queryFn: ({ signal }) => apiGet<DetailOf<K>>(`${PATHS[kind]}/${id}`, { signal }),
  })

/** A billing sheet's custody chains in activity-date order with their scan pages (the sheet's scan dialog). */
export const sheetChainScansQuery = (billingSheetId: string) =>
  queryOptions({
    queryKey: [...docKeys.all, 'scans', billingSheetId] as const,
    queryFn: ({ signal }) =>
      apiGet<TChainScanTargets>(`${PATHS.chain}/scans`, { query: { billingSheetId }, signal }),
  })

/** One scanned PDF, page i to chain `ids[i]`; `replace` confirms replacing chains' earlier scans. */
export const uploadChainScan = (ids: readonly string[], file: File, replace: boolean) =>
  apiUpload<TChainScanResult>(
    `${PATHS.chain}/scan-pages`,
    { file },
    { ids: ids.join(','), ...(replace ? { replace: 'true' } : {}) },
  )

/** The list's export: a job (202), polled and downloaded by JobExportButton (docs/jobs.md). */
export const exportUrl = (kind: DocKind) => `${PATHS[kind]}/export`
export const pdfUrl = (kind: DocKind, id: string) => `${PATHS[kind]}/${id}/pdf`
export const fileUrl = (fileId: string) => `/api/v1/files/${fileId}`

// --- projects and assignments of rental-projects (its HTTP API) ---

export type ProjectOption = {
  id: string
  name: string
  client: { id: string; name: string }
  location: string | null
  startDate: string
  endDate: string | null
  closed: boolean
}

export const projectsQuery = () =>
  queryOptions({
    queryKey: ['rental-projects', 'all', 'lookup'] as const,
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/projects', { query: { limit: 500, sort: 'name', dir: 'asc' }, signal }),
    staleTime: 60_000,
    select: (d) => d.items,
  })

export type AssignmentOption = {
  id: string
  kind: 'equipment' | 'service'
  equipment: { id: string; code: string; name: string }
  linkedEquipment: { id: string; code: string; name: string } | null
  description: string
  status: 'active' | 'retired'
}

export const assignmentsQuery = (projectId: string) =>
  queryOptions({
    queryKey: ['rental-projects', 'assignments', projectId] as const,
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/projects/{id}/assignments', { path: { id: projectId }, signal }),
    enabled: Boolean(projectId),
    staleTime: 30_000,
    select: (d) => d.items,
  })

// --- changes ---

/** The audit module keys every query under 'audit': the history refetches after each change. */
const AUDIT_KEY = ['audit'] as const

const useRefresh = (kind: DocKind) => {
  const qc = useQueryClient()
  return async (id: string, detail?: AnyDetail) => {
    if (detail) qc.setQueryData(docKeys.detail(kind, id), detail)
    await Promise.all([
      detail ? Promise.resolve() : qc.invalidateQueries({ queryKey: docKeys.detail(kind, id) }),
      qc.invalidateQueries({ queryKey: docKeys.lists(kind) }),
      qc.invalidateQueries({ queryKey: AUDIT_KEY }),
      // billing sheets recompute when documents change
      qc.invalidateQueries({ queryKey: ['rental-billing'] }),
    ])
  }
}

export const useCreateDocument = <K extends DocKind>(kind: K) => {
  const refresh = useRefresh(kind)
  return useMutation({
    mutationFn: (body: object) => apiPost<DetailOf<K>>(PATHS[kind], body),
    onSuccess: (detail) => refresh(detail.id, detail),
  })
}

export const useUpdateDocument = <K extends DocKind>(kind: K, id: string) => {
  const refresh = useRefresh(kind)
  return useMutation({
    mutationFn: (body: object) => apiPatch<DetailOf<K>>(`${PATHS[kind]}/${id}`, body),
    onSuccess: (detail) => refresh(id, detail),
  })
}

export type StatusAction = 'close' | 'void' | 'cancel'

export const useDocumentStatus = (kind: DocKind, id: string) => {
  const refresh = useRefresh(kind)
  return useMutation({
    mutationFn: ({ action, reason }: { action: StatusAction; reason?: string }) =>
      apiPost<AnyDetail>(`${PATHS[kind]}/${id}/${action}`, action === 'close' ? undefined : { reason }),
    onSuccess: (detail) => refresh(id, detail),
  })
}

export const useDeleteDocument = (kind: DocKind, id: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => apiDelete(`${PATHS[kind]}/${id}`),
    onSuccess: async () => {
      qc.removeQueries({ queryKey: docKeys.detail(kind, id) })
      await Promise.all([
        qc.invalidateQueries({ queryKey: docKeys.lists(kind) }),
        qc.invalidateQueries({ queryKey: ['rental-billing'] }),
      ])
    },
  })
}

export const useAddAttachment = (kind: DocKind, id: string) => {
  const refresh = useRefresh(kind)
  return useMutation({
    mutationFn: ({ file, label }: { file: File; label: string }) =>
      apiUpload<TFieldDocumentAttachment>(
        `${PATHS[kind]}/${id}/attachments`,
        { file },
        label ? { label } : {},
      ),
    onSuccess: () => refresh(id),
  })
}

export const useRemoveAttachment = (kind: DocKind, id: string) => {
  const refresh = useRefresh(kind)
  return useMutation({
    mutationFn: (attachmentId: string) => apiDelete(`${PATHS[kind]}/${id}/attachments/${attachmentId}`),
    onSuccess: () => refresh(id),
  })
}
