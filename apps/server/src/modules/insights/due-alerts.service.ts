import type { TDueAlertSettings, TDueAlertSettingsInput } from '@faena/contracts'
import { toDayMonthYear } from '@faena/domain/calendar-date'
import type { PgBoss } from 'pg-boss'
import { requireAccess, type Actor, type Permission } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Db, Executor } from '../../platform/db/executor'
import type { MailService } from '../../platform/mail'
import type { NotifyFn } from '../../platform/notifications'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { linkedUsersOfProjectManagers } from '../catalogs'
import { listDueProposalSteps } from '../proposals'
import { listDueWorkOrders, listDueWorkOrderSteps } from '../work-orders'
import {
  DEFAULT_DAYS_BEFORE,
  DUE_ALERT_HOUR,
  dueKey,
  dueKindOf,
  recipientOf,
  scanDay,
  scanUntil,
  type DueKind,
} from './due-alerts-rules'
import * as repo from './due-alerts.repository'

export type DueAlertsDeps = {
  db: Db
  clock: () => Date
  /** notifications, written in the scan's transaction; e-mail for those who asked goes by job */
  notify: NotifyFn
  mail: Pick<MailService, 'wake'>
}

const TICK_QUEUE = 'insights.due-alerts-tick'

/** One thing with a delivery date: a proposal step, a work-order step or a work order (its family's end). */
type DueItem = {
  item: 'proposal_step' | 'work_order_step' | 'work_order'
  id: string
  dueDate: string
  responsibleUserId: string | null
  projectManagerId: string
  /** who is told when nobody is responsible and the project manager has no user */
  managers: Permission
  title: (kind: DueKind, date: string) => { es: string; en: string }
  body: string
  link: string
}

/**
 * Due and overdue notices (docs/platform.md#due-and-overdue): the organization's setting (days before), and the
 * daily scan run by an hourly tick — each organization's first tick at or after 07:00 of its own day scans its
 * steps and work orders once (`due_alert_runs`), and each notice carries a key that makes it once per item,
 * kind and delivery date even if a scan ran twice.
 */
export function createDueAlertsService({ db, clock, notify, mail }: DueAlertsDeps) {
  async function getSettings(actor: Actor): Promise<TDueAlertSettings> {
    requireAccess(actor, 'mail.configure')
    const [row, org] = await Promise.all([
      repo.findDueAlertSettings(db, actor.orgId),
      findOrganizationById(db, actor.orgId),
    ])
    return {
      daysBefore: row?.days_before ?? DEFAULT_DAYS_BEFORE,
      hour: DUE_ALERT_HOUR,
      timeZone: org?.timeZone ?? 'UTC',
      updatedAt: row?.updated_at.toISOString() ?? null,
    }
  }

  async function saveSettings(actor: Actor, input: TDueAlertSettingsInput): Promise<TDueAlertSettings> {
    requireAccess(actor, 'mail.configure')
    await db.transaction().execute(async (trx) => {
      const before = await repo.findDueAlertSettings(trx, actor.orgId)
      const row = {
        org_id: actor.orgId,
        days_before: input.daysBefore,
        updated_by: actor.userId,
        updated_at: clock(),
      }
      await repo.upsertDueAlertSettings(trx, row)
      await writeAudit(trx, actor, {
        action: 'insights.due_alert_settings_saved',
        module: 'insights',
        entityType: 'due_alert_settings',
        entityId: actor.orgId,
        changes: diffFields(before ?? { days_before: DEFAULT_DAYS_BEFORE }, row, ['days_before']),
      })
    })
    return getSettings(actor)
  }

  /** The items due up to `today + daysBefore` of one organization. */
  async function dueItems(trx: Executor, orgId: string, until: string): Promise<DueItem[]> {
    const [proposalSteps, workOrderSteps, workOrders] = await Promise.all([
      listDueProposalSteps(trx, orgId, until),
      listDueWorkOrderSteps(trx, orgId, until),
      listDueWorkOrders(trx, orgId, until),
    ])
    const verb = (kind: DueKind, es: [string, string], en: [string, string]) =>
      kind === 'deadline.overdue' ? { es: es[1], en: en[1] } : { es: es[0], en: en[0] }
    return [
      ...proposalSteps.map((s): DueItem => ({
        item: 'proposal_step',
        id: s.stepId,
        dueDate: s.dueDate,
        responsibleUserId: s.responsibleUserId,
        projectManagerId: s.projectManagerId,
        managers: 'proposal.status',
        title: (kind, date) => {
          const v = verb(kind, ['vence', 'venció'], ['is due', 'was due'])
          return {
            es: `El paso «${s.stepName}» de la PTE ${s.number} ${v.es} el ${date}`,
            en: `The step "${s.stepName}" of proposal ${s.number} ${v.en} on ${date}`,
          }
        },
        body: s.description,
        link: `/proposals/${s.proposalId}`,
      })),
      ...workOrderSteps.map((s): DueItem => ({
        item: 'work_order_step',
        id: s.stepId,
        dueDate: s.dueDate,
        responsibleUserId: s.responsibleUserId,
        projectManagerId: s.projectManagerId,
        managers: 'workOrder.create',
        title: (kind, date) => {
          const v = verb(kind, ['vence', 'venció'], ['is due', 'was due'])
          return {
            es: `El paso «${s.stepName}» de la OT ${s.number} ${v.es} el ${date}`,
            en: `The step "${s.stepName}" of work order ${s.number} ${v.en} on ${date}`,
          }
        },
        body: s.description,
        link: `/work-orders/${s.workOrderId}`,
      })),
      ...workOrders.map((w): DueItem => ({
        item: 'work_order',
        id: w.workOrderId,
        dueDate: w.dueDate,
        responsibleUserId: null,
        projectManagerId: w.projectManagerId,
        managers: 'workOrder.create',
        title: (kind, date) =>
          kind === 'deadline.overdue'
            ? {
                es: `La OT ${w.number} debía terminar el ${date} y sigue abierta`,
                en: `Work order ${w.number} was due to end on ${date} and is still open`,
              }
            : {
                es: `La OT ${w.number} termina el ${date}`,
                en: `Work order ${w.number} ends on ${date}`,
              },
        body: w.description,
        link: `/work-orders/${w.workOrderId}`,
      })),
    ]
  }

  /** Notices of one organization's day, in `trx`: answers how many were added in the app. */
  async function scanOrganization(trx: Executor, orgId: string, today: string, daysBefore: number) {
    const items = await dueItems(trx, orgId, scanUntil(today, daysBefore))
    const linked = await linkedUsersOfProjectManagers(trx, orgId, [
      ...new Set(items.map((i) => i.projectManagerId)),
    ])
    let added = 0
    for (const i of items) {
      const kind = dueKindOf(i.dueDate, today, daysBefore)
      if (!kind) continue
      const recipient = recipientOf(i.responsibleUserId, linked.get(i.projectManagerId))
      added += await notify(trx, {
        orgId,
        to: recipient ? { userIds: [recipient] } : { permission: i.managers },
        kind,
        title: i.title(kind, toDayMonthYear(i.dueDate)),
        body: { es: i.body, en: i.body },
        link: i.link,
        dedupeKey: dueKey(kind, i.item, i.id, i.dueDate),
      })
    }
    return added
  }

  /**
   * The hourly tick: every organization where it is 07:00 or later and whose day was not scanned yet is scanned
   * once, in its own transaction. Returns how many notices were added.
   */
  async function tick(now = clock()): Promise<number> {
    let added = 0
    for (const org of await repo.listOrganizationsForScan(db)) {
      const day = scanDay(now, org.time_zone)
      if (!day) continue
      added += await db.transaction().execute(async (trx) => {
        if (!(await repo.claimScan(trx, org.id, day, now))) return 0
        const n = await scanOrganization(trx, org.id, day, org.days_before ?? DEFAULT_DAYS_BEFORE)
        await repo.setScanNotices(trx, org.id, day, n)
        return n
      })
    }
    if (added) mail.wake()
    return added
  }

  /** Registers the hourly tick on the jobs platform's queue (started). */
  async function schedule(boss: PgBoss | undefined) {
    if (!boss) return
    await boss.createQueue(TICK_QUEUE, { retryLimit: 0, expireInSeconds: 600 })
    await boss.schedule(TICK_QUEUE, '4 * * * *')
    await boss.work(TICK_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
      await tick()
    })
  }

  return { getSettings, saveSettings, tick, schedule }
}

export type DueAlertsService = ReturnType<typeof createDueAlertsService>
