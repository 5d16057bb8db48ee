import type {
  TDigest,
  TDigestPreviewQuery,
  TDigestSent,
  TDigestSettings,
  TDigestSettingsInput,
} from '@faena/contracts'
import { addDays } from '@faena/domain/calendar-date'
import type { PgBoss } from 'pg-boss'
import { requireAccess, systemActor, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import { countActivityByUserAndModule } from '../../platform/audit/audit.repository'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import type { MailService } from '../../platform/mail'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { countStepDocumentsByManager } from '../proposals'
import { countStepProgressByManager } from '../work-orders'
import { digestHtml, digestSubject, digestText, moduleLabel, type DigestFigures } from './digest-email'
import { activitySummary, digestPeriod, isDigestDue, localClock } from './digest-rules'
import * as repo from './digest.repository'
import { insightsMessages as M } from './insights.messages'

export type DigestServiceDeps = {
  db: Db
  clock: () => Date
  mail: Pick<MailService, 'queueMail' | 'wake'>
}

const TICK_QUEUE = 'insights.digest-tick'
const MODULE = 'insights'

/**
 * The weekly activity digest (docs/insights.md#weekly-digest): settings, preview, "send now", and the hourly
 * tick that sends each organization's digest on its weekday and hour, in its own time zone, once per week.
 */
export function createDigestService({ db, clock, mail }: DigestServiceDeps) {
  async function organizationOf(orgId: string, trx: Executor = db) {
    const org = await findOrganizationById(trx, orgId)
    if (!org) throw new AppError('NOT_FOUND', M.organizationNotFound())
    return org
  }

  async function getSettings(actor: Actor): Promise<TDigestSettings> {
    requireAccess(actor, 'mail.configure')
    const [row, org] = await Promise.all([
      repo.findDigestSettings(db, actor.orgId),
      organizationOf(actor.orgId),
    ])
    return {
      enabled: row?.enabled ?? false,
      weekday: row?.weekday ?? 1,
      hour: row?.hour ?? 7,
      recipients: row?.recipients ?? [],
      timeZone: org.timeZone,
      updatedAt: row?.updated_at.toISOString() ?? null,
    }
  }

  async function saveSettings(actor: Actor, input: TDigestSettingsInput): Promise<TDigestSettings> {
    requireAccess(actor, 'mail.configure')
    const recipients = [...new Set(input.recipients.map((r) => r.trim().toLowerCase()))]
    if (input.enabled && recipients.length === 0)
      throw new AppError('VALIDATION', M.recipientsNeeded(), [fieldError('recipients', M.recipientNeeded())])
    await db.transaction().execute(async (trx) => {
      const before = await repo.findDigestSettings(trx, actor.orgId)
      const row = {
        org_id: actor.orgId,
        enabled: input.enabled,
        weekday: input.weekday,
        hour: input.hour,
        recipients,
        updated_by: actor.userId,
        updated_at: clock(),
      }
      await repo.upsertDigestSettings(trx, row)
      await writeAudit(trx, actor, {
        action: 'insights.digest_settings_saved',
        module: MODULE,
        entityType: 'digest_settings',
        entityId: actor.orgId,
        changes: diffFields(before ?? null, row, ['enabled', 'weekday', 'hour', 'recipients']),
      })
    })
    return getSettings(actor)
  }

  /** The figures of the week `start`–`end` of the organization, and its e-mail. */
  async function build(trx: Executor, orgId: string, start: string, end: string) {
    const org = await organizationOf(orgId, trx)
    const [activity, proposals, workOrders] = await Promise.all([
      countActivityByUserAndModule(trx, orgId, { start, end, timeZone: org.timeZone }),
      countStepDocumentsByManager(trx, orgId),
      countStepProgressByManager(trx, orgId),
    ])
    const summary = activitySummary(
      activity.map((r) => ({ userId: r.user_id, user: r.name, module: r.module, count: Number(r.n) })),
    )
    const progress = (rows: { name: string; done: string; total: string }[]) =>
      rows.map((r) => ({ projectManager: r.name, done: Number(r.done), total: Number(r.total) }))
    const figures: DigestFigures = {
      periodStart: start,
      periodEnd: end,
      organization: org.name,
      activity: summary.users,
      modules: summary.modules,
      proposalDocuments: progress(proposals),
      workOrderSteps: progress(workOrders),
      appUrl: null,
    }
    const withLabel = (m: { module: string; count: number }) => ({ ...m, label: moduleLabel(m.module) })
    const digest: TDigest = {
      periodStart: start,
      periodEnd: end,
      timeZone: org.timeZone,
      activity: figures.activity.map((u) => ({ ...u, modules: u.modules.map(withLabel) })),
      modules: figures.modules.map(withLabel),
      proposalDocuments: figures.proposalDocuments,
      workOrderSteps: figures.workOrderSteps,
      subject: digestSubject(figures),
      html: digestHtml(figures),
    }
    return { digest, text: digestText(figures) }
  }

  async function preview(actor: Actor, q: TDigestPreviewQuery): Promise<TDigest> {
    requireAccess(actor, 'mail.configure')
    const org = await organizationOf(actor.orgId)
    const today = localClock(clock(), org.timeZone).date
    const { start, end } = q.end ? { start: addDays(q.end, -6), end: q.end } : digestPeriod(today)
    if (end >= today)
      throw new AppError('VALIDATION', M.finishedWeeks(), [fieldError('end', M.dayBeforeToday())])
    return (await build(db, actor.orgId, start, end)).digest
  }

  /** Records the digest and queues its e-mail in `trx` (as `actor`, the system for a scheduled one). */
  async function queueDigest(
    trx: Executor,
    actor: Actor,
    p: { trigger: 'schedule' | 'manual'; start: string; end: string; recipients: string[] },
  ) {
    const run = await repo.insertDigestRun(trx, {
      orgId: actor.orgId,
      trigger: p.trigger,
      start: p.start,
      end: p.end,
      requestedBy: p.trigger === 'manual' ? actor.userId : null,
    })
    if (!run) return null
    const { digest, text } = await build(trx, actor.orgId, p.start, p.end)
    const queued = await mail.queueMail(trx, actor, {
      kind: 'digest',
      to: p.recipients,
      subject: digest.subject,
      text,
      html: digest.html,
    })
    await repo.setDigestRunMessage(trx, run.id, queued.message.id)
    return queued
  }

  /** "Send now": this week's digest (the seven days that ended yesterday) to the saved recipients. */
  async function sendNow(actor: Actor): Promise<TDigestSent> {
    requireAccess(actor, 'mail.configure')
    const settings = await repo.findDigestSettings(db, actor.orgId)
    if (!settings?.recipients.length) throw new AppError('INVALID_STATE', M.saveRecipientsFirst())
    const org = await organizationOf(actor.orgId)
    const { start, end } = digestPeriod(localClock(clock(), org.timeZone).date)
    const queued = await db
      .transaction()
      .execute((trx) =>
        queueDigest(trx, actor, { trigger: 'manual', start, end, recipients: settings.recipients }),
      )
    mail.wake()
    return { periodStart: start, periodEnd: end, jobId: queued!.jobId, recipients: settings.recipients }
  }

  /**
   * The hourly tick: every organization whose weekday and hour it is (in its own time zone) gets the digest of
   * the week that ended yesterday, once (a second tick in the same week finds it recorded). Returns how many
   * digests it queued.
   */
  async function tick(now = clock()): Promise<number> {
    let sent = 0
    for (const d of await repo.listEnabledDigests(db)) {
      if (!isDigestDue(now, d.time_zone, d)) continue
      const { start, end } = digestPeriod(localClock(now, d.time_zone).date)
      const queued = await db.transaction().execute((trx) =>
        queueDigest(trx, systemActor(d.org_id), {
          trigger: 'schedule',
          start,
          end,
          recipients: d.recipients,
        }),
      )
      if (queued) sent++
    }
    if (sent) mail.wake()
    return sent
  }

  /** Registers the hourly tick on the jobs platform's queue (started). */
  async function schedule(boss: PgBoss | undefined) {
    if (!boss) return
    await boss.createQueue(TICK_QUEUE, { retryLimit: 0, expireInSeconds: 600 })
    await boss.schedule(TICK_QUEUE, '2 * * * *')
    await boss.work(TICK_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
      await tick()
    })
  }

  return { getSettings, saveSettings, preview, sendNow, tick, schedule }
}

export type DigestService = ReturnType<typeof createDigestService>
