import type { TRentalCalendar } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { engineFrequency, lastDayOnSite } from './assignment-rules'
import { buildCalendar, type CalendarService } from './maintenance-calendar'
import * as repo from './rental-projects.repository'
import { type RentalProjectsContext } from './rental-projects.context'

/**
 * A project's maintenance calendar for a month (the services' visits; rules in maintenance-calendar.ts).
 */
export function createCalendarUseCases(ctx: RentalProjectsContext) {
  const { db, today, loadProject } = ctx

  async function getCalendar(
    actor: Actor,
    projectId: string,
    query: { month?: string | undefined },
  ): Promise<TRentalCalendar> {
    requireAccess(actor, 'rental.read')
    const day = await today(actor.orgId)
    const month = query.month ?? day.slice(0, 7)
    const rows = await db.transaction().execute(async (trx) => {
      await loadProject(trx, actor, projectId)
      return repo.listProjectAssignments(trx, actor.orgId, projectId)
    })
    const services: CalendarService[] = rows
      .filter((r) => r.kind === 'service')
      .map((r) => ({
        assignmentId: r.id,
        serviceId: r.equipment_id,
        code: r.equipment_code,
        name: r.equipment_name,
        description: r.description,
        frequencyKind: r.frequency,
        frequency: engineFrequency(r.frequency, r.frequency_days),
        rate: r.daily_rate,
        operationStart: r.operation_start,
        lastDay: lastDayOnSite(r),
        linkedEquipment:
          r.linked_equipment_id && r.linked_code
            ? { id: r.linked_equipment_id, code: r.linked_code, name: r.linked_name ?? '' }
            : null,
      }))
    return buildCalendar({ projectId, month, today: day, services })
  }

  return {
    getCalendar,
  }
}
