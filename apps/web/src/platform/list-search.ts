/**
 * List filters live in the URL (TanStack Router `validateSearch`). A bad value in the URL is dropped,
 * never an error page. Example:
 *
 *   const ZUsersSearch = z.object({ q: searchText(), role: searchParam(ZRole), ...pageSearch })
 *   createRoute({ ..., validateSearch: (s) => ZUsersSearch.parse(s) })
 *   const search = useSearch({ from: '/app/admin/users' }); const { limit, offset } = pageOf(search)
 */
import { z } from 'zod'

export const DEFAULT_PAGE_SIZE = 50

/** An optional search param whose invalid values are ignored. */
export const searchParam = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined)

/**
 * Free text in the URL. The router parses search values as JSON, so `?q=123` arrives as a number
 * and `?q=true` as a boolean: accept them back as text.
 */
export const searchText = (max = 200) =>
  searchParam(
    z
      .union([z.string(), z.number(), z.boolean()])
      .transform((v) => String(v).trim())
      .pipe(z.string().max(max)),
  )

/** `?flag=true` (boolean from the JSON parser, or the quoted string form). */
export const searchFlag = searchParam(
  z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
)

export const pageSearch = {
  limit: searchParam(z.coerce.number().int().min(1).max(500)),
  offset: searchParam(z.coerce.number().int().min(0)),
}

export const sortSearch = {
  sort: searchParam(z.string().max(60)),
  dir: searchParam(z.enum(['asc', 'desc'])),
}

export const pageOf = (s: { limit?: number | undefined; offset?: number | undefined }) => ({
  limit: s.limit ?? DEFAULT_PAGE_SIZE,
  offset: s.offset ?? 0,
})

/** Drops empty strings so the URL stays clean (`?q=` is removed). */
export const cleanSearch = <T extends Record<string, unknown>>(s: T): T =>
  Object.fromEntries(Object.entries(s).filter(([, v]) => v !== '' && v !== undefined && v !== null)) as T
