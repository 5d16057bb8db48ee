import type {
  TComplianceAlertPreview,
  TComplianceAlertSettings,
  TComplianceAlertSettingsInput,
  TComplianceKind,
  TComplianceKindInput,
  TComplianceKindPatch,
  TComplianceReport,
  TComplianceReportQuery,
  TComplianceReportRow,
  TComplianceSummary,
} from '@faena/contracts'
import { addDays, toDayMonthYear } from '@faena/domain/calendar-date'
import type { PgBoss } from 'pg-boss'
import { requireAccess, systemActor, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, validationError, fieldError } from '../../platform/errors'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { todayIn } from '../../platform/tenancy/today'
import { alertHtml, alertSubject, alertText } from './compliance-email'
import {
  classifyExpiry,
  countByStatus,
  daysLeft,
  DUE_LATER_DAYS,
  localHour,
  validOn,
} from './compliance-rules'
import { MODULE, type FieldStaffContext } from './field-staff.context'
import * as repo from './field-staff.repository'
import type { OwnerKind } from './field-staff.tables'
import { fullName } from './staff.service'
import { staffMessages as M } from './field-staff.messages'
import type { Lang, Message } from '../../platform/i18n/messages'
import { langOf } from '../../platform/i18n/export-texts'

const TICK_QUEUE = 'field-staff.compliance-tick'
/** where the summary's figures lead: the compliance report, soonest expiry first */
export const COMPLIANCE_LINK = '/rental/compliance?sort=expiresOn&dir=asc'

const toRow = (r: repo.ReportRow, day: string): TComplianceReportRow => ({
  documentId: r.document_id,
  ownerKind: r.owner_kind,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  kindName: r.kind_name,
  subject: r.subject,
  number: r.number,
  expiresOn: r.expires_on,
  status: classifyExpiry(r.expires_on, day),
  daysLeft: daysLeft(r.expires_on, day),
})

/**
 * Counts of the organization's documents (of active people and vehicles) expired, due in ≤ 10 days and in
 * ≤ 30 days on `today`, with the drill-down URL: for the home page and the rental dashboard.
 */
export async function complianceSummary(
  db: Executor,
  orgId: string,
  today: string,
): Promise<{ expired: number; due10: number; due30: number; link: string }> {
  const rows = await repo.listAttention(db, orgId, addDays(today, DUE_LATER_DAYS), 50_000)
  return {
    ...countByStatus(
      rows.map((r) => r.expires_on),
      today,
    ),
    link: COMPLIANCE_LINK,
  }
}

/** The error a field document gets for an expired gating document (400 naming the field). */
const gateError = (field: string, message: Message) => validationError(message, [fieldError(field, message)])

/**
 * Checks the driver and the vehicle a field document names on its activity date: the person must be an active
 * technician of the organization with a licence valid that day, the vehicle active with a registration
 * (matrícula) valid that day. Answers their names for the document's free-text fields.
 */
export async function checkFieldAssignment(
  trx: Executor,
  orgId: string,
  p: {
    date: string
    driver?: { staffId: string; field: string; needsLicence: boolean } | null
    vehicle?: { vehicleId: string; field: string } | null
  },
): Promise<{ driver: { name: string; cedula: string } | null; vehicle: { plate: string } | null }> {
  let driver: { name: string; cedula: string } | null = null
  let vehicle: { plate: string } | null = null
  if (p.driver) {
    const s = await repo.findStaff(trx, orgId, p.driver.staffId)
    if (!s) throw gateError(p.driver.field, M.staffNotFound())
    const name = fullName(s)
    if (!s.active) throw gateError(p.driver.field, M.staffInactive({ name }))
    if (p.driver.needsLicence) {
      const expiries = await repo.gateExpiries(trx, orgId, 'staff', s.id, 'licence')
      if (expiries.length === 0) throw gateError(p.driver.field, M.noLicence({ name }))
      if (!validOn(expiries, p.date)) {
        const last = expiries.reduce((a, b) => (a > b ? a : b))
        throw gateError(p.driver.field, M.licenceExpired({ name, date: toDayMonthYear(last) }))
      }
    }
    driver = { name, cedula: s.cedula }
  }
  if (p.vehicle) {
    const v = await repo.findVehicle(trx, orgId, p.vehicle.vehicleId)
    if (!v) throw gateError(p.vehicle.field, M.vehicleNotFound())
    if (!v.active) throw gateError(p.vehicle.field, M.vehicleInactive({ plate: v.plate }))
    const expiries = await repo.gateExpiries(trx, orgId, 'vehicle', v.id, 'registration')
    if (expiries.length === 0) throw gateError(p.vehicle.field, M.noRegistration({ plate: v.plate }))
    if (!validOn(expiries, p.date)) {
      const last = expiries.reduce((a, b) => (a > b ? a : b))
      throw gateError(p.vehicle.field, M.registrationExpired({ plate: v.plate, date: toDayMonthYear(last) }))
    }
    vehicle = { plate: v.plate }
  }
  return { driver, vehicle }
}

/** Kinds, the compliance report, the summary, the daily alert and its notices (docs/field-staff.md). */
export function createComplianceUseCases(ctx: FieldStaffContext & { publicOrigin: string | undefined }) {
  const { db, clock, today, mail, notify } = ctx

  const toKind = (k: Awaited<ReturnType<typeof repo.listKinds>>[number]): TComplianceKind => ({
    id: k.id,
    ownerKind: k.owner_kind,
    code: k.code,
    name: k.name,
    gate: k.gate,
    active: k.active,
  })

  async function listKinds(actor: Actor, ownerKind?: OwnerKind) {
    requireAccess(actor, 'fieldStaff.read')
    await ctx.requireRentalLine(actor)
    await repo.ensureDefaultKinds(db, actor.orgId)
    return { items: (await repo.listKinds(db, actor.orgId, ownerKind)).map(toKind) }
  }

  async function createKind(actor: Actor, input: TComplianceKindInput): Promise<TComplianceKind> {
    requireAccess(actor, 'fieldStaff.manage')
    await ctx.requireRentalLine(actor)
    const code =
      input.name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '')
        .slice(0, 40) || 'tipo'
    return db.transaction().execute(async (trx) => {
      await repo.ensureDefaultKinds(trx, actor.orgId)
      const same = (await repo.listKinds(trx, actor.orgId, input.ownerKind)).find(
        (k) => k.code === code || k.name.toLowerCase() === input.name.toLowerCase(),
      )
      if (same)
        throw new AppError('CONFLICT', M.kindExists({ name: same.name }), [fieldError('name', M.exists())])
      const row = await repo.insertKind(trx, actor.orgId, {
        owner_kind: input.ownerKind,
        code,
        name: input.name,
      })
      await writeAudit(trx, actor, {
        action: 'fieldStaff.kind_created',
        module: MODULE,
        entityType: 'compliance_document_kind',
        entityId: row.id,
        changes: diffFields(null, { ownerKind: input.ownerKind, name: input.name }),
      })
      return toKind(row)
    })
  }

  /**
   * Renames or (de)activates a kind (docs/field-staff.md#document-kinds): the name stays unique among the
   * owner's kinds (409 on `name`); the licence and the registration cannot be deactivated, the field documents
   * check them (409 on `active`). An inactive kind takes no new documents; its documents stay.
   */
  async function updateKind(actor: Actor, id: string, patch: TComplianceKindPatch): Promise<TComplianceKind> {
    requireAccess(actor, 'fieldStaff.manage')
    // another organization's kind is a 404 before the line check, as every record of the module (both read
    // outside the transaction: PGlite has one connection)
    if (!(await repo.findKind(db, actor.orgId, id))) throw new AppError('NOT_FOUND', M.kindNotFound())
    await ctx.requireRentalLine(actor)
    return db.transaction().execute(async (trx) => {
      const before = await repo.findKind(trx, actor.orgId, id)
      if (!before) throw new AppError('NOT_FOUND', M.kindNotFound())
      if (patch.active === false && before.gate)
        throw new AppError('CONFLICT', M.gateKindStaysActive({ name: before.name }), [
          fieldError('active', M.checkedByDocuments()),
        ])
      if (patch.name !== undefined) {
        const same = (await repo.listKinds(trx, actor.orgId, before.owner_kind)).find(
          (k) => k.id !== id && k.name.toLowerCase() === patch.name!.toLowerCase(),
        )
        if (same)
          throw new AppError('CONFLICT', M.kindExists({ name: same.name }), [fieldError('name', M.exists())])
      }
      const values = {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      }
      const changes = diffFields(
        { name: before.name, active: before.active },
        { name: before.name, active: before.active, ...values },
      )
      if (changes.length === 0) return toKind(before)
      const row = await repo.updateKind(trx, actor.orgId, id, values)
      await writeAudit(trx, actor, {
        action: 'fieldStaff.kind_updated',
        module: MODULE,
        entityType: 'compliance_document_kind',
        entityId: id,
        changes,
      })
      return toKind(row)
    })
  }

  async function report(actor: Actor, query: TComplianceReportQuery): Promise<TComplianceReport> {
    requireAccess(actor, 'fieldStaff.read')
    await ctx.requireRentalLine(actor)
    const day = await today(actor.orgId)
    const { rows, total } = await repo.listReport(db, actor.orgId, query, day)
    return { items: rows.map((r) => toRow(r, day)), total, today: day }
  }

  async function summary(actor: Actor): Promise<TComplianceSummary> {
    requireAccess(actor, 'fieldStaff.read')
    await ctx.requireRentalLine(actor)
    const day = await today(actor.orgId)
    const rows = await repo.listAttention(db, actor.orgId, addDays(day, DUE_LATER_DAYS), 50_000)
    return {
      ...countByStatus(
        rows.map((r) => r.expires_on),
        day,
      ),
      link: COMPLIANCE_LINK,
      items: rows.slice(0, 8).map((r) => toRow(r, day)),
    }
  }

  // --- the daily alert ---

  async function getAlertSettings(actor: Actor): Promise<TComplianceAlertSettings> {
    requireAccess(actor, 'fieldStaff.manage')
    await ctx.requireRentalLine(actor)
    const [row, org] = await Promise.all([
      repo.findAlertSettings(db, actor.orgId),
      findOrganizationById(db, actor.orgId),
    ])
    return {
      enabled: row?.enabled ?? false,
      hour: row?.hour ?? 7,
      recipients: row?.recipients ?? [],
      timeZone: org?.timeZone ?? 'America/Guayaquil',
      updatedAt: row?.updated_at.toISOString() ?? null,
    }
  }

  async function saveAlertSettings(actor: Actor, input: TComplianceAlertSettingsInput) {
    requireAccess(actor, 'fieldStaff.manage')
    await ctx.requireRentalLine(actor)
    const recipients = [...new Set(input.recipients.map((r) => r.trim().toLowerCase()))]
    if (input.enabled && recipients.length === 0)
      throw validationError(M.recipientsForAlert(), [fieldError('recipients', M.recipientRequired())])
    await db.transaction().execute(async (trx) => {
      const before = await repo.findAlertSettings(trx, actor.orgId)
      const row = {
        org_id: actor.orgId,
        enabled: input.enabled,
        hour: input.hour,
        recipients,
        updated_by: ctx.userId(actor),
        updated_at: clock(),
      }
      await repo.upsertAlertSettings(trx, row)
      await writeAudit(trx, actor, {
        action: 'fieldStaff.alert_settings_saved',
        module: MODULE,
        entityType: 'compliance_alert_settings',
        entityId: actor.orgId,
        changes: diffFields(before ?? null, row, ['enabled', 'hour', 'recipients']),
      })
    })
    return getAlertSettings(actor)
  }

  async function buildAlert(trx: Executor, orgId: string, day: string, lang: Lang = 'es') {
    const org = await findOrganizationById(trx, orgId)
    const rows = (await repo.listAttention(trx, orgId, addDays(day, DUE_LATER_DAYS))).map((r) =>
      toRow(r, day),
    )
    const m = {
      organization: org?.name ?? '',
      today: day,
      rows,
      appUrl: ctx.publicOrigin ? `${ctx.publicOrigin}${COMPLIANCE_LINK}` : null,
    }
    return { rows, subject: alertSubject(m, lang), html: alertHtml(m, lang), text: alertText(m, lang) }
  }

  /**
   * The alert to each recipient in their language (`users.locale` of the organization's user with that
   * address; Spanish for an address that is no user): one e-mail per language, Spanish first.
   */
  async function queueAlertMails(trx: Executor, actor: Actor, day: string, recipients: readonly string[]) {
    const langs = await repo.recipientLanguages(trx, actor.orgId, recipients)
    const queued = []
    for (const lang of ['es', 'en'] as const) {
      const to = recipients.filter((r) => (langs.get(r.toLowerCase()) ?? 'es') === lang)
      if (to.length === 0) continue
      const a = await buildAlert(trx, actor.orgId, day, lang)
      queued.push(
        await mail.queueMail(trx, actor, {
          kind: 'compliance',
          to,
          subject: a.subject,
          text: a.text,
          html: a.html,
        }),
      )
    }
    return queued
  }

  async function previewAlert(actor: Actor): Promise<TComplianceAlertPreview> {
    requireAccess(actor, 'fieldStaff.manage')
    await ctx.requireRentalLine(actor)
    const a = await buildAlert(db, actor.orgId, await today(actor.orgId), langOf(actor))
    return { subject: a.subject, html: a.html, count: a.rows.length }
  }

  /** "Send now" to the saved recipients (not recorded as the day's alert). */
  async function sendAlertNow(actor: Actor) {
    requireAccess(actor, 'fieldStaff.manage')
    requireAccess(actor, 'mail.send')
    await ctx.requireRentalLine(actor)
    const settings = await repo.findAlertSettings(db, actor.orgId)
    if (!settings?.recipients.length) throw new AppError('INVALID_STATE', M.saveRecipientsFirst())
    const day = await today(actor.orgId)
    const [queued] = await db
      .transaction()
      .execute(async (trx) => queueAlertMails(trx, actor, day, settings.recipients))
    mail.wake()
    return { jobId: String(queued?.jobId ?? '') || null, recipients: settings.recipients }
  }

  /**
   * In-app (and, for those who asked, e-mail) notices `compliance.expiring` to whoever manages field staff:
   * once per document, expiry date and threshold (a renewed document is noticed again). Answers how many.
   */
  async function noticeDocuments(trx: Executor, orgId: string, rows: readonly TComplianceReportRow[]) {
    let n = 0
    for (const r of rows) {
      if (r.status === 'ok') continue
      const fresh = await repo.insertNotice(trx, {
        org_id: orgId,
        document_id: r.documentId,
        expires_on: r.expiresOn,
        threshold: r.status,
      })
      if (!fresh) continue
      const date = toDayMonthYear(r.expiresOn)
      const who = r.ownerKind === 'staff' ? r.ownerName : `vehículo ${r.ownerName}`
      const whoEn = r.ownerKind === 'staff' ? r.ownerName : `vehicle ${r.ownerName}`
      await notify(trx, {
        orgId,
        to: { permission: 'fieldStaff.manage' },
        kind: 'compliance.expiring',
        title:
          r.status === 'expired'
            ? {
                es: `Venció: ${r.kindName} de ${who} (${date})`,
                en: `Expired: ${r.kindName} of ${whoEn} (${date})`,
              }
            : {
                es: `Por vencer en ${r.daysLeft} días: ${r.kindName} de ${who} (${date})`,
                en: `Expiring in ${r.daysLeft} days: ${r.kindName} of ${whoEn} (${date})`,
              },
        link: `/rental/${r.ownerKind === 'staff' ? 'staff' : 'vehicles'}/${r.ownerId}`,
        dedupeKey: `compliance:${r.documentId}:${r.expiresOn}:${r.status}`,
      })
      n++
    }
    return n
  }

  /**
   * The hourly tick: for every rental organization at its alert hour (7:00 without settings) in its own time
   * zone, the notices of the day and — when the daily e-mail is on — the e-mail, once per day.
   */
  async function tick(now = clock()): Promise<{ notices: number; mails: number }> {
    let notices = 0
    let mails = 0
    for (const o of await repo.listRentalOrganizations(db)) {
      if (localHour(now, o.time_zone) !== (o.hour ?? 7)) continue
      const day = todayIn(o.time_zone, now)
      const sent = await db.transaction().execute(async (trx) => {
        if (!(await repo.insertAlertRun(trx, o.org_id, day))) return { notices: 0, mail: false }
        const a = await buildAlert(trx, o.org_id, day)
        const n = await noticeDocuments(trx, o.org_id, a.rows)
        if (!o.enabled || o.recipients.length === 0 || a.rows.length === 0) return { notices: n, mail: false }
        const [queued] = await queueAlertMails(trx, systemActor(o.org_id), day, o.recipients)
        if (queued) await repo.setAlertRunMessage(trx, o.org_id, day, queued.message.id)
        return { notices: n, mail: true }
      })
      notices += sent.notices
      if (sent.mail) mails++
    }
    if (mails) mail.wake()
    return { notices, mails }
  }

  async function schedule(boss: PgBoss | undefined) {
    if (!boss) return
    await boss.createQueue(TICK_QUEUE, { retryLimit: 0, expireInSeconds: 600 })
    await boss.schedule(TICK_QUEUE, '4 * * * *')
    await boss.work(TICK_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
      await tick()
    })
  }

  return {
    listKinds,
    createKind,
    updateKind,
    report,
    summary,
    getAlertSettings,
    saveAlertSettings,
    previewAlert,
    sendAlertNow,
    tick,
    schedule,
  }
}
