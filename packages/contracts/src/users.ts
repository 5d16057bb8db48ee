import { z } from 'zod'
import { listOf, ZPagination, ZRole } from './common'

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  active: z.boolean(),
  locale: z.enum(['es', 'en']),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
})
export type TUser = z.infer<typeof ZUser>
export const ZUserList = listOf(ZUser)

export const ZUserListQuery = ZPagination.extend({
  q: z.string().trim().max(200).optional(),
  role: ZRole.optional(),
  active: z.enum(['true', 'false']).optional(),
})
export type TUserListQuery = z.infer<typeof ZUserListQuery>

export const ZCreateUserRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(200),
  role: ZRole,
  password: z.string().min(10).max(200),
})
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>

export const ZUpdateUserRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: ZRole,
    active: z.boolean(),
  })
  .partial()
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>

/** The active users of the caller's organization, by name: whom a step can be assigned to, whom a manager is. */
export const ZUserOption = z.object({ id: z.uuid(), name: z.string() })
export type TUserOption = z.infer<typeof ZUserOption>
export const ZUserOptionList = z.object({ items: z.array(ZUserOption) })
export type TUserOptionList = z.infer<typeof ZUserOptionList>
