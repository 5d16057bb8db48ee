import type { TCurvePoint, TScheduleFamilyCurve, TScheduleProgressCurve } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { schedulesMessages as M } from './schedules.messages'
import { listFamilyMembers } from '../work-orders'
import { groupEntries, modelOf, points } from './progress-entries'
import { curveDates, curvePoints, curveSpan, type CurveBy } from './progress-rollup'
import type { ScheduleProgressContext } from './schedule-progress.context'
import * as prepo from './schedule-progress.repository'
import * as repo from './schedules.repository'

/** The S-curves of a work order's active version and of its family (docs/schedules.md#progress-two-truths). */
export function createProgressCurveUseCases(ctx: ScheduleProgressContext) {
  const { db, today, requireWorkOrder } = ctx

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
    if (!input) throw new AppError('NOT_FOUND', M.noActiveSchedule())
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

  return { curve, familyCurve }
}
