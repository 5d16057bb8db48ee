/** Queries and mutations of the billing sheet screens. Every change refetches what it touches. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  TBillingSheetDetail,
  TBillingSheetListQuery,
  TBillingSheetSummary,
  TCreateBillingSheetRequest,
  TInvoiceBillingSheetRequest,
  TUpdateBillingSheetRequest,
} from '@faena/contracts'
import { api } from '../../platform/api'

const BASE = '/api/v1/rental/billing-sheets'
const CERTS = '/api/v1/rental/disposition-certificates'

export type SheetListParams = Partial<TBillingSheetListQuery>
export type SheetListResult = { items: TBillingSheetSummary[]; total: number }

export const sheetKeys = {
  all: ['rental-billing'] as const,
  lists: () => ['rental-billing', 'list'] as const,
  list: (params: SheetListParams) => ['rental-billing', 'list', params] as const,
  detail: (id: string) => ['rental-billing', 'detail', id] as const,
  certificate: (id: string) => ['rental-billing', 'certificate', id] as const,
}

export const sheetListQuery = (params: SheetListParams) =>
  queryOptions({
    queryKey: sheetKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/v1/rental/billing-sheets', { query: params, signal }),
    placeholderData: keepPreviousData,
  })

export const sheetDetailQuery = (id: string) =>
  queryOptions({
    queryKey: sheetKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/v1/rental/billing-sheets/{id}', { path: { id }, signal }),
  })

export const certificateQuery = (id: string) =>
  queryOptions({
    queryKey: sheetKeys.certificate(id),
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/disposition-certificates/{id}', { path: { id }, signal }),
  })

/** the list's export: a job (POST with the list's filters) */
export const sheetsExportUrl = `${BASE}/export`
export const sheetPdfUrl = (id: string) => `${BASE}/${id}/pdf`
export const sheetExcelUrl = (id: string) => `${BASE}/${id}/export.xlsx`
export const certificatePdfUrl = (id: string) => `${CERTS}/${id}/pdf`
export const fileUrl = (fileId: string) => `/api/v1/files/${fileId}`

/** A rental project as the create form needs it (GET /api/v1/rental/projects). */
export type ProjectOption = {
  id: string
  name: string
  client: { id: string; name: string }
  location: string | null
  startDate: string
  endDate: string | null
  closed: boolean
}

export const openProjectsQuery = () =>
  queryOptions({
    queryKey: ['rental-projects', 'open', 'lookup'] as const,
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/projects', {
        query: { status: 'open', limit: 500, sort: 'name', dir: 'asc' },
        signal,
      }),
    staleTime: 60_000,
    select: (d) => d.items.filter((p) => !p.closed),
  })

/** The audit module keys every query under 'audit': the history refetches after each change. */
const AUDIT_KEY = ['audit'] as const

const useRefresh = () => {
  const qc = useQueryClient()
  return async (id: string, detail?: TBillingSheetDetail) => {
    if (detail) qc.setQueryData(sheetKeys.detail(id), detail)
    await Promise.all([
      detail ? Promise.resolve() : qc.invalidateQueries({ queryKey: sheetKeys.detail(id) }),
      qc.invalidateQueries({ queryKey: sheetKeys.lists() }),
      qc.invalidateQueries({ queryKey: ['rental-billing', 'certificate'] }),
      qc.invalidateQueries({ queryKey: AUDIT_KEY }),
    ])
  }
}

export const useCreateSheet = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: TCreateBillingSheetRequest) => api.post('/api/v1/rental/billing-sheets', { body }),
    onSuccess: async (detail) => {
      qc.setQueryData(sheetKeys.detail(detail.id), detail)
      await qc.invalidateQueries({ queryKey: sheetKeys.lists() })
    },
  })
}

/** A change answered with the sheet's new detail. */
const useSheetChange = <V>(id: string, call: (vars: V) => Promise<TBillingSheetDetail>) => {
  const refresh = useRefresh()
  return useMutation({ mutationFn: call, onSuccess: (detail) => refresh(id, detail) })
}

export const useUpdateSheet = (id: string) =>
  useSheetChange(id, (body: TUpdateBillingSheetRequest) =>
    api.patch('/api/v1/rental/billing-sheets/{id}', { path: { id }, body }),
  )

/** Saves the days of several lines, one request per line, in order; the last answer is the sheet. */
export const useSaveDays = (id: string) =>
  useSheetChange(id, async (edits: { lineId: string; dates: string[] }[]) => {
    let last: TBillingSheetDetail | undefined
    for (const e of edits)
      last = await api.put('/api/v1/rental/billing-sheets/{id}/lines/{lineId}/days', {
        path: { id, lineId: e.lineId },
        body: { dates: e.dates },
      })
    return last ?? api.get('/api/v1/rental/billing-sheets/{id}', { path: { id } })
  })

export const useResetDays = (id: string) =>
  useSheetChange(id, (lineId: string) =>
    api.delete('/api/v1/rental/billing-sheets/{id}/lines/{lineId}/days', { path: { id, lineId } }),
  )

export const useRemoveLine = (id: string) =>
  useSheetChange(id, (lineId: string) =>
    api.delete('/api/v1/rental/billing-sheets/{id}/lines/{lineId}', { path: { id, lineId } }),
  )

export const useRestoreLine = (id: string) =>
  useSheetChange(id, (key: string) =>
    api.post('/api/v1/rental/billing-sheets/{id}/lines/restore', { path: { id }, body: { key } }),
  )

export const useLiquidate = (id: string) =>
  useSheetChange(id, () => api.post('/api/v1/rental/billing-sheets/{id}/liquidate', { path: { id } }))

export const useReopen = (id: string) =>
  useSheetChange(id, (reason: string) =>
    api.post('/api/v1/rental/billing-sheets/{id}/reopen', { path: { id }, body: { reason } }),
  )

export const useCancelSheet = (id: string) =>
  useSheetChange(id, (reason: string) =>
    api.post('/api/v1/rental/billing-sheets/{id}/cancel', { path: { id }, body: reason ? { reason } : {} }),
  )

/** Uploads the invoice PDF, then invoices the sheet with its reference and the file id. */
export const useInvoice = (id: string) =>
  useSheetChange(id, async ({ invoiceReference, file }: { invoiceReference: string; file: File }) => {
    const stored = await api.upload('/api/v1/files', { files: { file } })
    const body: TInvoiceBillingSheetRequest = { invoiceReference, invoiceFileId: stored.id }
    return api.post('/api/v1/rental/billing-sheets/{id}/invoice', { path: { id }, body })
  })

export const useDeleteSheet = (id: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => api.delete('/api/v1/rental/billing-sheets/{id}', { path: { id } }),
    onSuccess: async () => {
      qc.removeQueries({ queryKey: sheetKeys.detail(id) })
      await qc.invalidateQueries({ queryKey: sheetKeys.lists() })
    },
  })
}

export const useCreateCertificate = (sheetId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: () =>
      api.post('/api/v1/rental/disposition-certificates', { body: { billingSheetId: sheetId } }),
    onSuccess: () => refresh(sheetId),
  })
}

export const useRefreshCertificate = (sheetId: string) => {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (certificateId: string) =>
      api.post('/api/v1/rental/disposition-certificates/{id}/refresh', { path: { id: certificateId } }),
    onSuccess: () => refresh(sheetId),
  })
}
