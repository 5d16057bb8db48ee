/**
 * The notice of excess volume (docs/production.md#excess): when a grid save turns cells of that grid into excess
 * (they were not flagged before the save), the organization's supervisors and managers (`production.unlock`)
 * are told once — one notice per save, listing those cells; a cell already excess is not announced again.
 * Written with `notify` in the save's transaction; the e-mail, for those who asked, goes by job.
 */
import type { Actor } from '../../platform/access'
import { isSystemActor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import type { NotifyFn } from '../../platform/notifications'

type ExcessCell = { conceptId: string; date: string; timeType: string }
const cellKey = (c: ExcessCell) => `${c.conceptId}|${c.date}|${c.timeType}`

/** The cells excess after the save that were not before it. */
export const newlyExcess = (before: readonly ExcessCell[], after: readonly ExcessCell[]): ExcessCell[] => {
  const was = new Set(before.map(cellKey))
  return after.filter((c) => !was.has(cellKey(c)))
}

export async function notifyNewExcess(
  trx: Executor,
  notify: NotifyFn,
  actor: Actor,
  s: {
    workOrderId: string
    number: string
    siteId: string
    month: string
    timeType: string
    version: number
    cells: readonly ExcessCell[]
    codeOf: (conceptId: string) => string
  },
) {
  if (s.cells.length === 0) return 0
  const shown = s.cells
    .slice(0, 10)
    .map((c) => `${s.codeOf(c.conceptId)} ${c.date} ${c.timeType}`)
    .join(', ')
  const more = s.cells.length > 10 ? ` (+${s.cells.length - 10})` : ''
  return notify(trx, {
    orgId: actor.orgId,
    to: { permission: 'production.unlock', exceptUserId: isSystemActor(actor) ? null : actor.userId },
    kind: 'production.excess',
    title: {
      es: `Volumen excedente en la OT ${s.number}: ${s.cells.length} celda(s)`,
      en: `Excess volume in work order ${s.number}: ${s.cells.length} cell(s)`,
    },
    body: {
      es: `La producción pasa el volumen autorizado en ${shown}${more}.`,
      en: `Production passes the authorized volume in ${shown}${more}.`,
    },
    link: `/production?tab=grid&workOrderId=${s.workOrderId}&siteId=${s.siteId}&month=${s.month}`,
    // one per saved grid version (a later save announces only the cells it newly makes excess)
    dedupeKey: `production.excess:${s.workOrderId}:${s.siteId}:${s.month}:${s.timeType}:${s.version}`,
  })
}
