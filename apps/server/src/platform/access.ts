import type { TLang, TRole } from '@faena/contracts'
import { AppError } from './errors'
import { authMessages } from './auth/auth.messages'

/** Who is calling: resolved from the session by the HTTP layer, passed to every use case. */
export type Actor = {
  userId: string
  email: string
  orgId: string
  role: TRole
  requestId: string
  ip: string | null
  userAgent: string | null
  /** the user's language setting: messages and exports in it (absent: the request's, else Spanish) */
  lang?: TLang
}

/** A system actor for CLI commands and seeding (no user). */
export const systemActor = (orgId: string, role: TRole = 'admin'): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'system',
  orgId,
  role,
  requestId: 'cli',
  ip: null,
  userAgent: 'faena-cli',
})
export const isSystemActor = (actor: Actor) => actor.userId === '00000000-0000-0000-0000-000000000000'

export const PERMISSIONS = [
  'user.manage',
  'audit.read',
  'backup.manage',
  /** the organization's SMTP settings, the test e-mail and the outgoing log (docs/mail.md) */
  'mail.configure',
  /** e-mail a report (the sending runs as a job as the requester) */
  'mail.send',
  /** the SRI e-invoicing settings and signing certificate (docs/e-invoicing.md): admins */
  'eInvoicing.configure',
  /** tokens of the read-only BI feeds (docs/feeds.md): admins */
  'apiToken.manage',
  'file.upload',
  'file.read',
  'catalog.read',
  'catalog.manage',
  'proposal.read',
  'proposal.create',
  'proposal.update',
  'proposal.status',
  'proposal.delete',
  'proposal.readDeleted',
  'concept.read',
  'concept.import',
  'workOrder.read',
  'workOrder.create',
  'workOrder.update',
  'workOrder.import',
  'schedule.import',
  /** enter the contractor's real % of schedule tasks (docs/schedules.md#progress-two-truths) */
  'schedule.progress',
  /** enter the client's acknowledged % of schedule tasks */
  'schedule.acknowledge',
  'rental.read',
  'rental.manage',
  'fieldDocument.manage',
  'billingSheet.manage',
  'billingSheet.liquidate',
  'billingSheet.invoice',
  /** production (docs/production.md): read the grids; capture daily status and production */
  'production.read',
  'production.capture',
  /** reopen a signed day, with a reason (supervisor and above) */
  'production.unlock',
  /** the organization's day-status catalog */
  'production.configure',
  /** close a work order's monthly report (locks that month's production and daily statuses) */
  'production.close',
  /** reopen a closed month, with a reason (manager and admin) */
  'production.reopen',
  /** the effective-dated exchange rates (billing, admin) */
  'exchangeRate.manage',
  /** estimates (docs/estimates.md): read; prepare, review, submit, return and cancel; approve (bills the cells) */
  'estimate.read',
  'estimate.manage',
  'estimate.approve',
  /** field staff, vehicles and their compliance documents (docs/field-staff.md): read; manage */
  'fieldStaff.read',
  'fieldStaff.manage',
  /** equipment condition (docs/equipment-condition.md): read; record inspections and repairs; edit checklists */
  'equipmentCondition.read',
  'equipmentCondition.inspect',
  'equipmentCondition.manage',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const READ: Permission[] = [
  'catalog.read',
  'proposal.read',
  'file.read',
  'concept.read',
  'workOrder.read',
  'rental.read',
  'production.read',
  'estimate.read',
  'fieldStaff.read',
  'equipmentCondition.read',
]

/** The static permission map: role → what it may do. Checked in services through requireAccess. */
export const ROLE_PERMISSIONS: Record<TRole, readonly Permission[]> = {
  admin: PERMISSIONS,
  manager: [
    ...READ,
    'audit.read',
    'mail.send',
    'file.upload',
    'catalog.manage',
    'proposal.create',
    'proposal.update',
    'proposal.status',
    'proposal.delete',
    'concept.import',
    'workOrder.create',
    'workOrder.update',
    'workOrder.import',
    'schedule.import',
    'schedule.progress',
    'schedule.acknowledge',
    'rental.manage',
    'fieldDocument.manage',
    'billingSheet.manage',
    'billingSheet.liquidate',
    'production.capture',
    'production.unlock',
    'production.configure',
    'production.close',
    'production.reopen',
    'estimate.manage',
    'fieldStaff.manage',
    'equipmentCondition.inspect',
    'equipmentCondition.manage',
  ],
  supervisor: [
    ...READ,
    'file.upload',
    'mail.send',
    'proposal.update',
    'workOrder.update',
    'schedule.import',
    'schedule.progress',
    'fieldDocument.manage',
    'production.capture',
    'production.unlock',
    'production.close',
    'estimate.manage',
    'equipmentCondition.inspect',
  ],
  operator: [
    ...READ,
    'file.upload',
    'proposal.update',
    'fieldDocument.manage',
    'production.capture',
    'equipmentCondition.inspect',
  ],
  billing: [
    ...READ,
    'audit.read',
    'mail.send',
    'file.upload',
    'billingSheet.manage',
    'billingSheet.liquidate',
    'billingSheet.invoice',
    'exchangeRate.manage',
    'estimate.manage',
    'estimate.approve',
  ],
  viewer: READ,
}

export const can = (actor: Pick<Actor, 'role'>, permission: Permission) =>
  ROLE_PERMISSIONS[actor.role].includes(permission)

export function requireAccess(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError('FORBIDDEN', authMessages.forbidden(), { permission })
  }
}
