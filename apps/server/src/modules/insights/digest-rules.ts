import { addDays } from '@faena/domain/calendar-date'

/**
 * Pure rules of the weekly activity digest (docs/insights.md#weekly-digest): when it is due, which week it
 * covers, and the figures it shows. Calendar days are the organization's own — never UTC days.
 */

/** The calendar date, ISO weekday (1 Monday … 7 Sunday) and hour of `now` in `timeZone`. */
export function localClock(now: Date, timeZone: string): { date: string; weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(now)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: weekdays.indexOf(part('weekday')) + 1,
    hour: Number(part('hour')),
  }
}

/** The seven days the digest covers: the week that ended the day before `today`. */
export const digestPeriod = (today: string): { start: string; end: string } => ({
  start: addDays(today, -7),
  end: addDays(today, -1),
})

/** Is the organization's digest due at `now`: its weekday and hour in its own time zone? */
export function isDigestDue(now: Date, timeZone: string, s: { weekday: number; hour: number }): boolean {
  const local = localClock(now, timeZone)
  return local.weekday === s.weekday && local.hour === s.hour
}

export type ActivityRow = { userId: string; user: string; module: string; count: number }
export type ModuleCount = { module: string; count: number }

/**
 * The users with the most changes (at most `top`), each with their changes per module (most first), and the
 * changes per module of everyone. Ties: by name, then module.
 */
export function activitySummary(rows: readonly ActivityRow[], top = 10) {
  const users = new Map<string, { user: string; total: number; modules: ModuleCount[] }>()
  const modules = new Map<string, number>()
  for (const r of rows) {
    const u = users.get(r.userId) ?? { user: r.user, total: 0, modules: [] }
    u.total += r.count
    u.modules.push({ module: r.module, count: r.count })
    users.set(r.userId, u)
    modules.set(r.module, (modules.get(r.module) ?? 0) + r.count)
  }
  const byCount = (a: ModuleCount, b: ModuleCount) => b.count - a.count || a.module.localeCompare(b.module)
  return {
    users: [...users.values()]
      .sort((a, b) => b.total - a.total || a.user.localeCompare(b.user))
      .slice(0, top)
      .map((u) => ({ ...u, modules: u.modules.sort(byCount) })),
    modules: [...modules].map(([module, count]) => ({ module, count })).sort(byCount),
  }
}

export type Progress = { projectManager: string; done: number; total: number }

/** Σ done / Σ total as a percentage with two decimals (half-up), or null when there is nothing to count. */
export function overallPercent(rows: readonly Progress[]): string | null {
  const total = rows.reduce((n, r) => n + r.total, 0)
  if (total === 0) return null
  const done = rows.reduce((n, r) => n + r.done, 0)
  // integer arithmetic in hundredths of a percent, rounded half-up
  const hundredths = Math.floor((done * 10000 * 2 + total) / (2 * total))
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`
}
