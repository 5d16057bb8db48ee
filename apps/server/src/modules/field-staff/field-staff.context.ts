import type { TComplianceDocument, TComplianceFile } from '@faena/contracts'
import { isSystemActor, type Actor } from '../../platform/access'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import type { FilesService } from '../../platform/files/files.service'
import type { JobsService } from '../../platform/jobs'
import type { MailService } from '../../platform/mail'
import type { NotifyFn } from '../../platform/notifications'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { createOrgToday } from '../../platform/tenancy/today'
import { classifyExpiry, daysLeft } from './compliance-rules'
import * as repo from './field-staff.repository'
import type { OwnerKind } from './field-staff.tables'
import { staffMessages as M } from './field-staff.messages'

export type FieldStaffServiceDeps = {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
  files: Pick<FilesService, 'uploadFile'>
  mail: Pick<MailService, 'queueMail' | 'wake'>
  notify: NotifyFn
  /** the list exports run as jobs (field-staff-export.ts) */
  jobs: Pick<JobsService, 'define'>
}

export const MODULE = 'field-staff'

export const orNull = <T>(v: T | null | undefined): T | null => (v === undefined || v === '' ? null : v)

export const isUniqueViolation = (err: unknown, constraint: string) =>
  typeof err === 'object' &&
  err !== null &&
  'code' in err &&
  err.code === '23505' &&
  (('constraint' in err && err.constraint === constraint) ||
    String((err as { message?: string }).message).includes(constraint))

/** What every use case of the module shares (docs/field-staff.md). */
export function createFieldStaffContext(deps: FieldStaffServiceDeps) {
  const { db, clock, timeZoneOf } = deps
  const today = createOrgToday(clock, timeZoneOf)
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  /** Field staff and vehicles belong to the rental line: an organization without it gets 403. */
  async function requireRentalLine(actor: Actor) {
    const org = await findOrganizationById(db, actor.orgId)
    if (!org?.linesOfBusiness.includes('rental')) {
      throw new AppError('FORBIDDEN', M.notRentalLine(), {
        lineOfBusiness: 'rental',
      })
    }
  }

  const toDocument = (r: repo.DocumentRow, day: string): TComplianceDocument => ({
    id: r.id,
    kindId: r.kind_id,
    kindCode: r.kind_code,
    kindName: r.kind_name,
    subject: r.subject,
    number: r.number,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    notes: r.notes,
    status: classifyExpiry(r.expires_on, day),
    daysLeft: daysLeft(r.expires_on, day),
  })

  async function filesOf(
    trx: Executor,
    orgId: string,
    owner: OwnerKind,
    id: string,
  ): Promise<TComplianceFile[]> {
    return (await repo.listFiles(trx, orgId, owner, id)).map((f) => ({
      id: f.id,
      fileId: f.file_id,
      name: f.name,
      label: f.label,
      size: Number(f.size),
      createdAt: f.created_at.toISOString(),
    }))
  }

  return { ...deps, today, userId, requireRentalLine, toDocument, filesOf }
}
export type FieldStaffContext = ReturnType<typeof createFieldStaffContext>
