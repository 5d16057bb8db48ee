import Decimal from 'decimal.js'
import type { TWorkOrderStatus } from '@faena/contracts'
import type { WorkOrderHistoryRow } from './work-order-history'

/**
 * How a row of the historical workbook becomes work-order values (pure; the service matches and saves).
 * The import owns the fields it has data for and compares them on a re-run; the references it cannot map
 * (project manager, sites) are set when the work order is created and never overwritten.
 */

/**
 * The old system's fronts by the folded name of ours: 1 TIERRA, 2 BARCO, 4 CP / PS
 * (docs/work-orders.md#catalog-values-from-the-old-system).
 */
export const LEGACY_FRONTS: Readonly<Record<number, string>> = { 1: 'TIERRA', 2: 'BARCO', 4: 'CPPS' }
export const foldName = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/gu, '')

/** The fields a re-run compares and updates, as the columns hold them. */
export type ImportedValues = {
  number: string
  official_document: string | null
  client_representative: string | null
  description: string
  status: TWorkOrderStatus
  duration_days: number | null
  planned_start: string | null
  planned_end: string | null
  actual_start: string | null
  actual_end: string | null
  amount_mxn: string
  amount_usd: string
  front_id: string | null
  proposal_id: string | null
  legacy: Record<string, unknown>
}
export const IMPORTED_FIELDS = [
  'number',
  'official_document',
  'client_representative',
  'description',
  'status',
  'duration_days',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  'amount_mxn',
  'amount_usd',
  'front_id',
  'proposal_id',
  'legacy',
] as const satisfies readonly (keyof ImportedValues)[]

export type RowIssue = { field: string; message: string }

const QUOTES: readonly [string, string][] = [
  ['"', '"'],
  ['\u201C', '\u201D'],
  ['\u00AB', '\u00BB'],
]
/** A description without the quotes many historical cells are wrapped in (`"…"`, `“…”`, `«…»`), trimmed. */
export function cleanDescription(s: string | null): string | null {
  if (s === null) return null
  let t = s.trim()
  for (const [open, close] of QUOTES) {
    if (t.length >= 2 && t.startsWith(open) && t.endsWith(close)) {
      t = t.slice(1, -1).trim()
      break
    }
  }
  return t === '' ? null : t
}

/** Amounts are stored with 6 decimals at most: more are rounded half-up (rule: numeric(25,6) columns). */
export function storedAmount(v: string | null, field: string, issues: RowIssue[]): string {
  if (v === null) return '0'
  const d = new Decimal(v)
  if (d.decimalPlaces() > 6) {
    const r = d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed()
    issues.push({ field, message: `${v} rounded half-up to 6 decimals: ${r}` })
    return r
  }
  return d.toFixed()
}

export function mapHistoryRow(
  row: WorkOrderHistoryRow,
  ctx: { frontIdByLegacy: ReadonlyMap<number, string>; proposalId: string | null },
): { values: ImportedValues; issues: RowIssue[]; errors: RowIssue[] } {
  const issues: RowIssue[] = [
    ...row.dateIssues.map((d) => ({ field: d.field, message: d.message })),
    ...row.warnings.map((w) => ({ field: w.field, message: w.message })),
  ]
  const errors: RowIssue[] = []
  const limit = (field: string, v: string | null, max: number) => {
    if (v !== null && v.length > max) errors.push({ field, message: `longer than ${max} characters` })
    return v
  }
  let duration = row.durationDays
  if (duration !== null && (duration < 1 || duration > 3650)) {
    issues.push({
      field: 'durationDays',
      message: `plazo_dias ${duration} is outside 1–3650; imported as empty`,
    })
    duration = null
  }
  let frontId: string | null = null
  if (row.frontId !== null) {
    frontId = ctx.frontIdByLegacy.get(row.frontId) ?? null
    if (!frontId)
      issues.push({
        field: 'front',
        message: `id_frente ${row.frontId} has no front here; imported as empty`,
      })
  }
  const description = cleanDescription(row.description)
  if (description === null) issues.push({ field: 'description', message: 'descripcion_trabajo is empty' })
  const values: ImportedValues = {
    number: limit('folio', row.folio, 100) ?? row.folio,
    official_document: limit('officialDocument', row.officialDocument, 100),
    client_representative: limit('clientRepresentative', row.clientRepresentative, 200),
    description: (limit('description', description, 5000) ?? '(sin descripción)').slice(0, 5000),
    status: row.status,
    duration_days: duration,
    planned_start: row.plannedStart,
    planned_end: row.plannedEnd,
    actual_start: row.actualStart,
    actual_end: row.actualEnd,
    amount_mxn: storedAmount(row.amountMxn, 'amountMxn', issues),
    amount_usd: storedAmount(row.amountUsd, 'amountUsd', issues),
    front_id: frontId,
    proposal_id: ctx.proposalId,
    legacy: legacyOf(row),
  }
  return { values, issues, errors }
}

/** The old system's ids as written (nothing maps them to our catalogs), kept on the work order. */
export function legacyOf(row: WorkOrderHistoryRow): Record<string, unknown> {
  return {
    source: 'OT_IMPORTAR',
    statusId: row.legacyStatusId,
    projectManagerId: row.projectManagerId,
    clientId: row.clientId,
    frontId: row.frontId,
    vesselId: row.vesselId,
    platformId: row.platformId,
    yardId: row.yardId,
    interconnectionId: row.interconnectionId,
  }
}

/** Column-by-column comparison of what the import owns (amounts as decimals, legacy as JSON). */
export function changedFields(current: Record<string, unknown>, next: ImportedValues): string[] {
  return IMPORTED_FIELDS.filter((f) => {
    const a = current[f] ?? null
    const b = next[f] ?? null
    if (f === 'amount_mxn' || f === 'amount_usd') return !new Decimal(a as string).eq(b as string)
    if (f === 'legacy') return JSON.stringify(sortKeys(a)) !== JSON.stringify(sortKeys(b))
    return a !== b
  })
}

const sortKeys = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    : v
