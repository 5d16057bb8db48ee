import { sql } from 'kysely'
import type { Executor } from '../db/executor'

/**
 * Per-organization document series (custody chains, maintenance sheets, shipping guides, billing sheets,
 * disposition certificates…). A counter row per (org, series, year) in `document_counters`; the next number
 * is taken with one `INSERT … ON CONFLICT DO UPDATE … RETURNING`, which row-locks the counter until the
 * caller's transaction ends, so concurrent allocations serialize and a number is never handed out twice.
 * A rolled-back transaction gives its number back (nothing was issued); a committed one is never reused,
 * even if the document is later deleted.
 *
 * Call it with the service's transaction (`trx`), never with `db`.
 */
export type AllocateNumberOptions = {
  orgId: string
  /** e.g. 'custody-chain', 'billing-sheet', 'disposition-certificate'; lower-case kebab by convention */
  series: string
  /** a calendar year for series that restart every year; omit for a series that never restarts */
  year?: number
  /** the first number of the series (and of each year); default 1 */
  start?: number
}

/** Year 0 stands for "no yearly restart" in the counter table. */
const NO_YEAR = 0

export async function allocateNumber(trx: Executor, opts: AllocateNumberOptions): Promise<number> {
  const start = opts.start ?? 1
  if (!Number.isSafeInteger(start) || start < 0) throw new Error(`allocateNumber: bad start ${start}`)
  if (!opts.series || opts.series.length > 100) throw new Error('allocateNumber: bad series')
  const year = opts.year ?? NO_YEAR
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new Error(`allocateNumber: bad year ${year}`)
  const row = await sql<{ last_number: string }>`
    INSERT INTO document_counters (org_id, series, year, last_number)
    VALUES (${opts.orgId}, ${opts.series}, ${year}, ${start})
    ON CONFLICT (org_id, series, year)
    DO UPDATE SET last_number = document_counters.last_number + 1, updated_at = now()
    RETURNING last_number
  `.execute(trx)
  const value = row.rows[0]?.last_number
  if (value === undefined) throw new Error('allocateNumber: no row returned')
  return Number(value)
}

/** The last number handed out in a series (null when none yet); for displays and tests, not for allocation. */
export async function lastAllocatedNumber(
  trx: Executor,
  opts: { orgId: string; series: string; year?: number },
): Promise<number | null> {
  const row = await sql<{ last_number: string }>`
    SELECT last_number FROM document_counters
    WHERE org_id = ${opts.orgId} AND series = ${opts.series} AND year = ${opts.year ?? NO_YEAR}
  `.execute(trx)
  const value = row.rows[0]?.last_number
  return value === undefined ? null : Number(value)
}
