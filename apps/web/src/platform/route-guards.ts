import type { TMe } from '@faena/contracts'
import { ApiError } from './api'
import { can } from './session'

/**
 * `beforeLoad: requirePermission('user.manage')` on a module route. Without the permission the
 * page shows "no permission" inside the shell (the server checks again on every request).
 */
export const requirePermission =
  (permission: string) =>
  ({ context }: { context: { me: TMe } }): void => {
    if (!can(context.me, permission)) {
      throw new ApiError({ code: 'FORBIDDEN', message: permission, status: 403 })
    }
  }
