// One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one (it was
// ~5 % of the CPU of a list request, which asks for the organization's today).
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timeZone, f)
  }
  return f
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone, e.g. "today" for an organization. */
export function calendarDate(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** "Today" (`YYYY-MM-DD`) in a time zone at the instant `now`. */
export const todayIn = (timeZone: string, now: Date): string => calendarDate(now, timeZone)

/**
 * "Today" of an organization: the clock read now, in the organization's time zone. Resolve it before opening
 * a transaction (the time-zone lookup uses `db`).
 */
export const createOrgToday =
  (clock: () => Date, timeZoneOf: (orgId: string) => Promise<string>) =>
  async (orgId: string): Promise<string> =>
    todayIn(await timeZoneOf(orgId), clock())
