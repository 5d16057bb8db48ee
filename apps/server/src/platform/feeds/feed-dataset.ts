import type { Executor } from '../db/executor'

/** A value of a feed row: text, a number as text (exact decimals), an integer, or empty. */
export type FeedValue = string | number | boolean | null

/**
 * A dataset BI tools can read (docs/feeds.md): a module's read-only rows of one organization, in a stable
 * order (modified time, then id), with the time each row last changed so a tool can ask only for what changed.
 */
export type FeedDataset = {
  /** the URL segment: `/api/v1/feeds/<name>` */
  name: string
  title: { es: string; en: string }
  columns: readonly { key: string; header: string }[]
  read: (
    db: Executor,
    orgId: string,
    q: { modifiedSince: Date | null; limit: number; offset: number },
  ) => Promise<{ rows: Record<string, FeedValue>[]; total: number }>
}

/** RFC 4180 CSV with a header row, CRLF line ends and a UTF-8 byte-order mark (Excel reads accents right). */
export function toCsv(columns: FeedDataset['columns'], rows: readonly Record<string, FeedValue>[]): string {
  const cell = (v: FeedValue) => {
    if (v === null) return ''
    const s = String(v)
    return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const lines = [columns.map((c) => cell(c.header)).join(',')]
  for (const r of rows) lines.push(columns.map((c) => cell(r[c.key] ?? null)).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
