import Decimal from 'decimal.js'
import type {
  TCurvePoint,
  TProgressAcknowledgeInput,
  TProgressValue,
  TScheduleFamilyCurve,
  TScheduleProgress,
  TScheduleProgressCurve,
  TScheduleProgressHistory,
  TScheduleProgressInput,
  TScheduleProgressSaved,
  TTaskProgress,
} from '@faena/contracts'
import { isSystemActor, requireAccess, type Actor, type Permission } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { findUserNames } from '../../platform/auth/users.repository'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { createOrgToday } from '../../platform/tenancy/today'
import { getWorkOrderRef, listFamilyMembers, type WorkOrderRef } from '../work-orders'
import {
  curveDates,
  curvePoints,
  curveSpan,
  leafUids,
  plannedPercentAt,
  rollup,
  rollupModel,
  roundPercent,
  valueAsOf,
  type CurveBy,
  type ProgressPoint,
  type RollupModel,
} from './progress-rollup'
import * as prepo from './schedule-progress.repository'
import { writeProgressWorkbook } from './schedule-progress-export'
import * as repo from './schedules.repository'

export type ScheduleProgressDeps = {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
}
export type ScheduleProgressService = ReturnType<typeof createScheduleProgressService>

const MODULE = 'schedules'
const ENTITY = 'schedule_progress'
type Kind = 'real' | 'client'
type Entry = prepo.ProgressEntryRow

/** A percentage from the API (already checked by the contract: 0–100, ≤ 2 decimals) as a 2-decimal string. */
const percentOf = (v: string | number): string =>
  new Decimal(typeof v === 'number' ? String(v) : v.trim()).toFixed(2)
const sameNumber = (a: string | null | undefined, b: string | null | undefined) =>
  a !== null && a !== undefined && b !== null && b !== undefined && new Decimal(a).eq(b)

/** Entries of a work order grouped by task and truth, in the order they apply (the last is the current one). */
function groupEntries(entries: readonly Entry[]) {
  const by = { real: new Map<number, Entry[]>(), client: new Map<number, Entry[]>() }
  for (const e of entries) {
    const m = by[e.kind]
    const list = m.get(e.task_uid)
    if (list) list.push(e)
    else m.set(e.task_uid, [e])
  }
  return by
}
const points = (m: Map<number, Entry[]>) =>
  new Map(
    [...m].map(([uid, list]) => [
      uid,
      list.map((e): ProgressPoint => ({ date: e.progress_date, percent: e.percent })),
    ]),
  )

const modelOf = (tasks: readonly repo.TaskRow[]): RollupModel =>
  rollupModel(
    tasks.map((t) => ({
      uid: t.uid,
      parentUid: t.parent_uid,
      weight: t.weight,
      durationDays: t.duration_days,
      start: t.start_date,
      finish: t.finish_date,
    })),
  )

export function createScheduleProgressService({ db, clock, timeZoneOf }: ScheduleProgressDeps) {
  const today = createOrgToday(clock, timeZoneOf)
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  async function requireWorkOrder(
    actor: Actor,
    workOrderId: string,
    permission: Permission,
  ): Promise<WorkOrderRef> {
    requireAccess(actor, permission)
    const wo = await getWorkOrderRef(db, actor.orgId, workOrderId)
    if (!wo) throw new AppError('NOT_FOUND', 'Orden de trabajo no encontrada')
    return wo
  }

  async function requireActive(executor: Executor, orgId: string, workOrderId: string) {
    const version = await repo.findActiveVersion(executor, orgId, workOrderId)
    if (!version) throw new AppError('NOT_FOUND', 'La orden de trabajo no tiene un programa activo')
    return version
  }

  async function names(executor: Executor, orgId: string, entries: readonly Entry[]) {
    const ids = [...new Set(entries.map((e) => e.entered_by).filter((x): x is string => x !== null))]
    return new Map((await findUserNames(executor, orgId, ids)).map((u) => [u.id, u.name]))
  }

  /** The progress of the active version as of `asOf`, from the version's tasks and the work order's entries. */
  async function buildProgress(
    executor: Executor,
    orgId: string,
    workOrderId: string,
    asOf: string,
  ): Promise<TScheduleProgress> {
    const version = await requireActive(executor, orgId, workOrderId)
    const tasks = await repo.listTasks(executor, orgId, version.id)
    const entries = await prepo.listEntries(executor, orgId, workOrderId)
    const userNames = await names(executor, orgId, entries)
    const grouped = groupEntries(entries)
    const current = (kind: Kind, uid: number) => grouped[kind].get(uid)?.at(-1)
    const value = (e: Entry | undefined): TProgressValue | null =>
      e
        ? {
            percent: e.percent,
            date: e.progress_date,
            comment: e.comment,
            enteredBy: e.entered_by ? { id: e.entered_by, name: userNames.get(e.entered_by) ?? '' } : null,
            enteredAt: e.entered_at.toISOString(),
            source: e.source,
          }
        : null
    const model = modelOf(tasks)
    const leaves = leafUids(tasks.map((t) => ({ uid: t.uid, parentUid: t.parent_uid })))
    const leafIndex = new Map(model.leaves.map((l) => [l.uid, l]))
    const currentOf = (kind: Kind) => (uid: number) => {
      const e = current(kind, uid)
      return e ? new Decimal(e.percent) : null
    }
    const real = rollup(model, currentOf('real'))
    const client = rollup(model, currentOf('client'))
    const planned = rollup(model, (uid) => {
      const l = leafIndex.get(uid)
      return l ? plannedPercentAt(l.start, l.finish, asOf) : null
    })
    let lateTasks = 0
    const out: TTaskProgress[] = tasks.map((t) => {
      const leaf = leaves.has(t.uid)
      const p = planned.byUid.get(t.uid) ?? '0.00'
      const r = real.byUid.get(t.uid) ?? '0.00'
      const c = client.byUid.get(t.uid) ?? '0.00'
      const late = new Decimal(p).gt(r)
      if (late && leaf) lateTasks++
      return {
        taskUid: t.uid,
        id: t.task_number,
        wbs: t.wbs,
        name: t.name,
        outlineLevel: t.outline_level,
        parentUid: t.parent_uid,
        summary: !leaf,
        milestone: t.milestone,
        start: t.start_date,
        finish: t.finish_date,
        durationDays: t.duration_days,
        weight: t.weight,
        basisWeight: leaf ? (leafIndex.get(t.uid)?.weight.toString() ?? null) : null,
        plannedPercent: p,
        realPercent: r,
        clientPercent: c,
        gap: roundPercent(new Decimal(r).minus(c)),
        late,
        real: leaf ? value(current('real', t.uid)) : null,
        client: leaf ? value(current('client', t.uid)) : null,
      }
    })
    const inVersion = new Set(tasks.map((t) => t.uid))
    const removed = [...new Set(entries.map((e) => e.task_uid))].filter((uid) => !inVersion.has(uid))
    const weightField = version.weight_field as { alias?: string } | null
    return {
      workOrderId,
      versionId: version.id,
      version: version.version,
      basis: model.basis,
      weightField: model.basis === 'weight' ? (weightField?.alias ?? null) : null,
      asOf,
      timeZone: await timeZoneOf(orgId),
      tasks: out,
      removedTasks: removed.map((uid) => {
        const r = current('real', uid)
        const c = current('client', uid)
        const last = [r, c]
          .filter((x): x is Entry => Boolean(x))
          .sort((a, b) => +b.entered_at - +a.entered_at)[0]
        return { taskUid: uid, name: last?.task_name ?? '', real: value(r), client: value(c) }
      }),
      total: {
        plannedPercent: planned.total,
        realPercent: real.total,
        clientPercent: client.total,
        gap: roundPercent(new Decimal(real.total).minus(client.total)),
      },
      lateTasks,
    }
  }

  async function getProgress(actor: Actor, workOrderId: string): Promise<TScheduleProgress> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    return buildProgress(db, actor.orgId, workOrderId, await today(actor.orgId))
  }

  /**
   * Records entries of either truth on leaf tasks of the active version. Every refusal names its field
   * (`items.3.realPercent`); nothing is written unless every item is acceptable. An item equal to the current
   * value (same %, date and comment) writes nothing.
   */
  async function saveProgress(
    actor: Actor,
    workOrderId: string,
    input: TScheduleProgressInput,
  ): Promise<TScheduleProgressSaved> {
    const wo = await requireWorkOrder(actor, workOrderId, 'schedule.progress')
    if (input.items.some((i) => i.clientPercent !== undefined)) requireAccess(actor, 'schedule.acknowledge')
    const asOf = await today(actor.orgId)
    const { saved, unchanged } = await db.transaction().execute(async (trx) => {
      const locked = await getWorkOrderRef(trx, actor.orgId, workOrderId, { forUpdate: true })
      if (!locked) throw new AppError('NOT_FOUND', 'Orden de trabajo no encontrada')
      const version = await requireActive(trx, actor.orgId, workOrderId)
      const tasks = await repo.listTasks(trx, actor.orgId, version.id)
      const byUid = new Map(tasks.map((t) => [t.uid, t]))
      const leaves = leafUids(tasks.map((t) => ({ uid: t.uid, parentUid: t.parent_uid })))
      const details: { path: string; message: string }[] = []
      const seen = new Set<number>()
      input.items.forEach((item, i) => {
        const task = byUid.get(item.taskUid)
        if (!task)
          details.push({
            path: `items.${i}.taskUid`,
            message: `La tarea ${item.taskUid} no está en el programa activo / Task ${item.taskUid} is not in the active schedule`,
          })
        else if (!leaves.has(item.taskUid))
          details.push({
            path: `items.${i}.taskUid`,
            message: `«${task.name}» es una tarea resumen: su avance se calcula de sus subtareas / "${task.name}" is a summary task: its progress is rolled up`,
          })
        else if (seen.has(item.taskUid))
          details.push({
            path: `items.${i}.taskUid`,
            message: `La tarea ${item.taskUid} está repetida / Task ${item.taskUid} is repeated`,
          })
        seen.add(item.taskUid)
        if (item.date > asOf)
          details.push({
            path: `items.${i}.date`,
            message: `La fecha no puede ser posterior a hoy (${asOf}) / The date cannot be after today (${asOf})`,
          })
      })
      if (details.length > 0) throw new AppError('VALIDATION', details[0]!.message, details)

      const grouped = groupEntries(await prepo.listEntries(trx, actor.orgId, workOrderId))
      const rows: prepo.EntryValues[] = []
      const changes: { field: string; old: unknown; new: unknown }[] = []
      let unchanged = 0
      for (const item of input.items) {
        const task = byUid.get(item.taskUid)!
        const comment = item.comment?.trim() || null
        for (const kind of ['real', 'client'] as const) {
          const raw = kind === 'real' ? item.realPercent : item.clientPercent
          if (raw === undefined) continue
          const percent = percentOf(raw)
          const last = grouped[kind].get(item.taskUid)?.at(-1)
          if (
            last &&
            sameNumber(last.percent, percent) &&
            last.progress_date === item.date &&
            last.comment === comment
          ) {
            unchanged++
            continue
          }
          rows.push({
            work_order_id: workOrderId,
            task_uid: item.taskUid,
            kind,
            percent,
            previous_percent: last?.percent ?? null,
            progress_date: item.date,
            comment,
            source: 'entry',
            version_id: version.id,
            task_name: task.name,
            entered_by: userId(actor),
          })
          changes.push({
            field: `${item.taskUid}.${kind === 'real' ? 'realPercent' : 'clientPercent'}`,
            old: last ? { percent: last.percent, date: last.progress_date } : null,
            new: { percent, date: item.date, ...(comment ? { comment } : {}) },
          })
        }
      }
      if (rows.length > 0) {
        await prepo.insertEntries(trx, actor.orgId, rows)
        await writeAudit(trx, actor, {
          action: 'schedule.progress_recorded',
          module: MODULE,
          entityType: ENTITY,
          entityId: workOrderId,
          changes,
          data: {
            workOrderId,
            workOrderNumber: wo.number,
            versionId: version.id,
            version: version.version,
            entries: rows.length,
          },
        })
      }
      return { saved: rows.length, unchanged }
    })
    return { saved, unchanged, progress: await buildProgress(db, actor.orgId, workOrderId, asOf) }
  }

  /**
   * The client acknowledges the contractor's progress up to a date: on every leaf of the active version whose
   * real % as of `upTo` differs from the client's current %, a client entry with that %, dated `upTo`. A task
   * the client already acknowledged at a later date is left alone.
   */
  async function acknowledge(
    actor: Actor,
    workOrderId: string,
    input: TProgressAcknowledgeInput,
  ): Promise<TScheduleProgressSaved> {
    const wo = await requireWorkOrder(actor, workOrderId, 'schedule.acknowledge')
    const asOf = await today(actor.orgId)
    if (input.upTo > asOf) {
      const message = `La fecha no puede ser posterior a hoy (${asOf}) / The date cannot be after today (${asOf})`
      throw new AppError('VALIDATION', message, [{ path: 'upTo', message }])
    }
    const comment = input.comment?.trim() || null
    const { saved, unchanged } = await db.transaction().execute(async (trx) => {
      const locked = await getWorkOrderRef(trx, actor.orgId, workOrderId, { forUpdate: true })
      if (!locked) throw new AppError('NOT_FOUND', 'Orden de trabajo no encontrada')
      const version = await requireActive(trx, actor.orgId, workOrderId)
      const tasks = await repo.listTasks(trx, actor.orgId, version.id)
      const leaves = leafUids(tasks.map((t) => ({ uid: t.uid, parentUid: t.parent_uid })))
      const grouped = groupEntries(await prepo.listEntries(trx, actor.orgId, workOrderId))
      const realPoints = points(grouped.real)
      const rows: prepo.EntryValues[] = []
      const changes: { field: string; old: unknown; new: unknown }[] = []
      let unchanged = 0
      for (const t of tasks) {
        if (!leaves.has(t.uid)) continue
        const real = valueAsOf(realPoints.get(t.uid), input.upTo)
        if (!real) continue
        const last = grouped.client.get(t.uid)?.at(-1)
        if (last && (last.progress_date > input.upTo || real.eq(last.percent))) {
          unchanged++
          continue
        }
        const percent = real.toFixed(2)
        rows.push({
          work_order_id: workOrderId,
          task_uid: t.uid,
          kind: 'client',
          percent,
          previous_percent: last?.percent ?? null,
          progress_date: input.upTo,
          comment,
          source: 'acknowledge',
          version_id: version.id,
          task_name: t.name,
          entered_by: userId(actor),
        })
        changes.push({
          field: `${t.uid}.clientPercent`,
          old: last ? { percent: last.percent, date: last.progress_date } : null,
          new: { percent, date: input.upTo },
        })
      }
      if (rows.length > 0) {
        await prepo.insertEntries(trx, actor.orgId, rows)
        await writeAudit(trx, actor, {
          action: 'schedule.progress_acknowledged',
          module: MODULE,
          entityType: ENTITY,
          entityId: workOrderId,
          changes,
          data: {
            workOrderId,
            workOrderNumber: wo.number,
            versionId: version.id,
            version: version.version,
            upTo: input.upTo,
            entries: rows.length,
            ...(comment ? { comment } : {}),
          },
        })
      }
      return { saved: rows.length, unchanged }
    })
    return { saved, unchanged, progress: await buildProgress(db, actor.orgId, workOrderId, asOf) }
  }

  async function history(
    actor: Actor,
    workOrderId: string,
    q: { taskUid?: number | undefined; kind?: Kind | undefined; limit: number; offset: number },
  ): Promise<TScheduleProgressHistory> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const { rows, total } = await prepo.listHistory(db, actor.orgId, workOrderId, q)
    const userNames = await names(db, actor.orgId, rows)
    return {
      total,
      items: rows.map((e) => ({
        id: e.id,
        taskUid: e.task_uid,
        taskName: e.task_name,
        kind: e.kind,
        percent: e.percent,
        previousPercent: e.previous_percent,
        date: e.progress_date,
        comment: e.comment,
        source: e.source,
        version: e.version,
        enteredBy: e.entered_by ? { id: e.entered_by, name: userNames.get(e.entered_by) ?? '' } : null,
        enteredAt: e.entered_at.toISOString(),
      })),
    }
  }

  /** What a curve needs of one work order's active version (null without one). */
  async function curveInput(executor: Executor, orgId: string, workOrderId: string, asOf: string) {
    const version = await repo.findActiveVersion(executor, orgId, workOrderId)
    if (!version) return null
    const tasks = await repo.listTasks(executor, orgId, version.id)
    const entries = await prepo.listEntries(executor, orgId, workOrderId)
    const model = modelOf(tasks)
    const grouped = groupEntries(entries)
    const span = curveSpan(model, {
      projectStart: version.start_date,
      projectFinish: version.finish_date,
      entryDates: entries.map((e) => e.progress_date),
      today: asOf,
    })
    return { version, model, span, truths: { real: points(grouped.real), client: points(grouped.client) } }
  }

  async function curve(actor: Actor, workOrderId: string, by: CurveBy): Promise<TScheduleProgressCurve> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const asOf = await today(actor.orgId)
    const input = await curveInput(db, actor.orgId, workOrderId, asOf)
    if (!input) throw new AppError('NOT_FOUND', 'La orden de trabajo no tiene un programa activo')
    const dates = input.span ? curveDates(input.span.from, input.span.to, by) : []
    return { by, basis: input.model.basis, asOf, points: curvePoints(input.model, dates, asOf, input.truths) }
  }

  /** Every work order of the family on one axis of dates: how the plan moved across reprogrammings. */
  async function familyCurve(actor: Actor, workOrderId: string, by: CurveBy): Promise<TScheduleFamilyCurve> {
    const wo = await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const asOf = await today(actor.orgId)
    const members = await listFamilyMembers(db, actor.orgId, wo.familyId)
    const inputs = []
    for (const m of members) inputs.push({ member: m, input: await curveInput(db, actor.orgId, m.id, asOf) })
    const spans = inputs
      .map((x) => x.input?.span)
      .filter((s): s is { from: string; to: string } => Boolean(s))
    const from = spans.map((s) => s.from).sort()[0]
    const to = spans
      .map((s) => s.to)
      .sort()
      .at(-1)
    const dates = from && to ? curveDates(from, to, by) : []
    return {
      by,
      asOf,
      members: inputs.map(({ member, input }) => ({
        workOrderId: member.id,
        number: member.number,
        reprogrammingNumber: member.reprogrammingNumber,
        versionId: input?.version.id ?? null,
        version: input?.version.version ?? null,
        basis: input?.model.basis ?? null,
        points: input ? curvePoints(input.model, dates, asOf, input.truths) : ([] as TCurvePoint[]),
      })),
    }
  }

  /** The active schedule with both truths, its S-curve, the family's curves and the history, as a workbook. */
  async function exportWorkbook(actor: Actor, workOrderId: string, lang: 'es' | 'en') {
    const wo = await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const asOf = await today(actor.orgId)
    const progress = await buildProgress(db, actor.orgId, workOrderId, asOf)
    const [weekly, family, hist] = [
      await curve(actor, workOrderId, 'week'),
      await familyCurve(actor, workOrderId, 'week'),
      await history(actor, workOrderId, { limit: 100_000, offset: 0 }),
    ]
    const bytes = await writeProgressWorkbook({
      lang,
      workOrderNumber: wo.number,
      progress,
      curve: weekly,
      family,
      history: hist,
    })
    return { bytes, fileName: `avance-${wo.number}.xlsx` }
  }

  return { getProgress, saveProgress, acknowledge, history, curve, familyCurve, exportWorkbook }
}
