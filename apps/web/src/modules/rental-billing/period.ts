import { addMonths, firstDayOfMonth, lastDayOfMonth } from '@faena/domain/calendar-date'

export type Period = { start: string; end: string }

/** The first and last day of the month of `date`, shifted by `months`. */
export function monthRange(date: string, months = 0): Period {
  const day = addMonths(firstDayOfMonth(date), months)
  return { start: day, end: lastDayOfMonth(day) }
}

/**
 * The part of `period` inside the project's dates, as the server accepts a billing sheet's period: the
 * "last month" of a project that started mid-month begins on its first day. The period itself when the
 * project does not touch it (the server then says why).
 */
export function periodWithinProject(
  period: Period,
  project?: { startDate: string; endDate: string | null },
): Period {
  if (!project) return period
  const start = period.start < project.startDate ? project.startDate : period.start
  const end = project.endDate && project.endDate < period.end ? project.endDate : period.end
  return start <= end ? { start, end } : period
}
