import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { TCatalogName, TClientType, TStepTemplate } from '@faena/contracts'
import { apiDelete, apiGet, apiPatch, apiPost } from '../../platform/api'

/** A catalog record as the list shows it: the shared fields plus the catalog's own. */
export type CatalogRow = {
  id: string
  active: boolean
  comment: string | null
  createdAt: string
  updatedAt: string
} & Record<string, unknown>

export type CatalogListParams = {
  q?: string | undefined
  sort?: string | undefined
  dir?: 'asc' | 'desc' | undefined
  includeInactive?: 'true' | undefined
  clientType?: string | undefined
  level?: string | undefined
  kind?: string | undefined
  limit: number
  offset: number
}

const base = (name: TCatalogName) => `/api/v1/catalogs/${name}`

export const catalogKeys = {
  all: ['catalogs'] as const,
  catalog: (name: TCatalogName) => ['catalogs', name] as const,
  list: (name: TCatalogName, p: CatalogListParams) => ['catalogs', name, 'list', p] as const,
}

export const catalogListQuery = (name: TCatalogName, p: CatalogListParams) =>
  queryOptions({
    queryKey: catalogKeys.list(name, p),
    queryFn: ({ signal }) => apiGet<{ items: CatalogRow[]; total: number }>(base(name), { query: p, signal }),
    placeholderData: keepPreviousData,
  })

/** Every step template of a kind and client type (a template has at most a few dozen steps). */
export const stepTreeQuery = (
  name: 'proposal-step-templates' | 'work-order-step-templates',
  clientType: TClientType,
  includeInactive: boolean,
  q: string | undefined,
) =>
  queryOptions({
    queryKey: catalogKeys.list(name, {
      clientType,
      includeInactive: includeInactive ? 'true' : undefined,
      q,
      sort: 'position',
      limit: 500,
      offset: 0,
    }),
    queryFn: ({ signal }) =>
      apiGet<{ items: TStepTemplate[]; total: number }>(base(name), {
        query: {
          clientType,
          includeInactive: includeInactive ? 'true' : undefined,
          q,
          sort: 'position',
          limit: 500,
          offset: 0,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  })

/** a catalog's export: a job (POST with the list's filters) */
export const exportUrl = (name: TCatalogName) => `${base(name)}/export`

const useInvalidate = (name: TCatalogName) => {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: catalogKeys.catalog(name) })
}

export const useCreateRecord = (name: TCatalogName) => {
  const invalidate = useInvalidate(name)
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => apiPost<CatalogRow>(base(name), body),
    onSuccess: invalidate,
  })
}

export const useUpdateRecord = (name: TCatalogName) => {
  const invalidate = useInvalidate(name)
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Record<string, unknown> }) =>
      apiPatch<CatalogRow>(`${base(name)}/${encodeURIComponent(id)}`, patch),
    onSuccess: invalidate,
  })
}

export const useSetActive = (name: TCatalogName) => {
  const invalidate = useInvalidate(name)
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      active
        ? apiPost<CatalogRow>(`${base(name)}/${encodeURIComponent(id)}/restore`)
        : apiDelete<CatalogRow>(`${base(name)}/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  })
}
