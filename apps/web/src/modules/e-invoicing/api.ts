import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TEInvoicingSettingsState } from '@faena/contracts'
import { api } from '../../platform/api'

const settingsKey = ['e-invoicing', 'settings'] as const
const invoiceKey = (sheetId: string) => ['e-invoicing', 'sheet', sheetId] as const
export const eInvoiceXmlUrl = (sheetId: string) => `/api/v1/rental/billing-sheets/${sheetId}/e-invoice/xml`
export const eInvoiceRideUrl = (sheetId: string) => `/api/v1/rental/billing-sheets/${sheetId}/e-invoice/ride`

export const eInvoicingSettingsQuery = () =>
  queryOptions({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get('/api/v1/settings/e-invoicing', { signal }),
  })

/** The settings form: text fields and, when chosen, the .p12 (multipart PUT). */
export const useSaveEInvoicingSettings = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: { fields: Record<string, string>; certificate: File | null }) =>
      api.upload('/api/v1/settings/e-invoicing', {
        files: input.certificate ? { certificate: input.certificate } : {},
        fields: input.fields,
        method: 'put',
      }),
    onSuccess: (settings) => qc.setQueryData<TEInvoicingSettingsState>(settingsKey, { settings }),
  })
}

export const eInvoiceQuery = (sheetId: string) =>
  queryOptions({
    queryKey: invoiceKey(sheetId),
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/billing-sheets/{id}/e-invoice', { path: { id: sheetId }, signal }),
  })

export const useIssueEInvoice = (sheetId: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => api.post('/api/v1/rental/billing-sheets/{id}/e-invoice', { path: { id: sheetId } }),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: invoiceKey(sheetId) }),
        // the sheet is invoiced when the SRI authorizes
        qc.invalidateQueries({ queryKey: ['rental-billing'] }),
      ]),
  })
}

/** "Consultar al SRI" for an invoice stuck at signed/sent (also completes the sheet's marking). */
export const useRefreshEInvoice = (sheetId: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () =>
      api.post('/api/v1/rental/billing-sheets/{id}/e-invoice/refresh', { path: { id: sheetId } }),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: invoiceKey(sheetId) }),
        qc.invalidateQueries({ queryKey: ['rental-billing'] }),
      ]),
  })
}

const GUIDE = (guideId: string) => `/api/v1/rental/shipping-guides/${guideId}/e-guide`
const guideKey = (guideId: string) => ['e-invoicing', 'guide', guideId] as const
export const eGuideXmlUrl = (guideId: string) => `${GUIDE(guideId)}/xml`
export const eGuideRideUrl = (guideId: string) => `${GUIDE(guideId)}/ride`

export const eGuideQuery = (guideId: string) =>
  queryOptions({
    queryKey: guideKey(guideId),
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/shipping-guides/{id}/e-guide', { path: { id: guideId }, signal }),
  })

export const useIssueEGuide = (guideId: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => api.post('/api/v1/rental/shipping-guides/{id}/e-guide', { path: { id: guideId } }),
    onSettled: () => qc.invalidateQueries({ queryKey: guideKey(guideId) }),
  })
}

export const useRefreshEGuide = (guideId: string) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () =>
      api.post('/api/v1/rental/shipping-guides/{id}/e-guide/refresh', { path: { id: guideId } }),
    onSettled: () => qc.invalidateQueries({ queryKey: guideKey(guideId) }),
  })
}
