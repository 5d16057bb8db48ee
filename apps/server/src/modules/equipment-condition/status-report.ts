import {
  TECHNICAL_STATUSES,
  ZEquipmentStatusExportRequest,
  type TEquipmentStatusExportRequest,
  type TEquipmentStatusQuery,
  type TEquipmentStatusReport,
  type TJobRun,
  type TRentalEquipment,
  type TTechnicalStatus,
  type TUnitStatus,
} from '@faena/contracts'
import { toDayMonthYear } from '@faena/domain/calendar-date'
import { requireAccess, type Actor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import { byId, exportList } from '../../platform/jobs/list-export'
import {
  columnsIn,
  labelsIn,
  langOf,
  pick,
  type LocalizedColumn,
  type Texts,
} from '../../platform/i18n/export-texts'
import { equipmentTypeEs } from '../rental-projects'
import type { EquipmentConditionContext } from './equipment-condition.context'
import * as repo from './equipment-condition.repository'
import { STATUS_RANK, technicalStatus } from './technical-status'

export const EQUIPMENT_CONDITION_EXPORT_JOBS = { status: 'equipment-condition.export-status' } as const

const TECHNICAL_STATUS: Record<TTechnicalStatus, Texts> = {
  rented: { es: 'Rentado', en: 'Rented' },
  in_repair: { es: 'En reparación', en: 'In repair' },
  damaged: { es: 'Dañado', en: 'Damaged' },
  incomplete: { es: 'Incompleto', en: 'Incomplete' },
  available: { es: 'Disponible', en: 'Available' },
}
export const TECHNICAL_STATUS_ES = labelsIn(TECHNICAL_STATUS, 'es')

type LastInspection = { inspected_on: string; missing_count: number; damaged_count: number }

/**
 * A unit's line of the report. The last inspection's stored counts feed the rule (they are the counts of
 * its answers, written with them).
 */
export function unitStatus(
  unit: TRentalEquipment,
  x: { last: LastInspection | null; openRepair: { sent_on: string } | null; itemCount: number },
): TUnitStatus {
  const answers = x.last
    ? [
        ...Array.from({ length: x.last.missing_count }, () => ({ present: false, condition: null })),
        ...Array.from({ length: x.last.damaged_count }, () => ({
          present: true,
          condition: 'damaged' as const,
        })),
      ]
    : []
  return {
    equipmentId: unit.id,
    code: unit.code,
    name: unit.name,
    type: unit.type,
    status: technicalStatus({
      onActiveAssignment: unit.availability === 'rented',
      openRepair: x.openRepair !== null,
      catalogCondition: unit.condition,
      lastInspection: x.last ? { answers } : null,
    }),
    projectName: unit.currentProject?.name ?? null,
    location: unit.currentProject?.location ?? unit.location,
    lastInspectedOn: x.last?.inspected_on ?? null,
    missingCount: x.last?.missing_count ?? 0,
    damagedCount: x.last?.damaged_count ?? 0,
    itemCount: x.itemCount,
    repairSince: x.openRepair?.sent_on ?? null,
  }
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

/**
 * The status report (docs/equipment-condition.md#report): every physical unit that is not retired, its
 * status by the rule, filtered by ids, type, search (code, name, project, location; accents ignored) and status,
 * sorted by the chosen column then the code; counts per status before the status filter. The statuses are
 * derived, so the report is computed in memory over the organization's units (a few hundred).
 */
export async function statusRows(
  ctx: EquipmentConditionContext,
  trx: Executor,
  orgId: string,
  f: TEquipmentStatusExportRequest,
) {
  const [units, lasts, repairs, items] = await Promise.all([
    ctx.equipment.listEquipmentUnits(trx, orgId),
    repo.lastInspections(trx, orgId),
    repo.openRepairs(trx, orgId),
    repo.listActiveItems(trx, orgId),
  ])
  const lastBy = new Map(lasts.map((l) => [l.equipment_id, l]))
  const repairBy = new Map(repairs.map((r) => [r.equipment_id, r]))
  const itemsBy = new Map<string, number>()
  for (const i of items) itemsBy.set(i.equipment_type, (itemsBy.get(i.equipment_type) ?? 0) + 1)
  const q = f.q ? fold(f.q) : null
  const only = f.ids ? new Set(f.ids.toLowerCase().split(',')) : null
  const all = units
    .filter((u) => u.condition !== 'retired')
    .filter((u) => !only || only.has(u.id))
    .filter((u) => !f.type || u.type === f.type)
    .map((u) =>
      unitStatus(u, {
        last: lastBy.get(u.id) ?? null,
        openRepair: repairBy.get(u.id) ?? null,
        itemCount: u.type ? (itemsBy.get(u.type) ?? 0) : 0,
      }),
    )
    .filter(
      (r) => !q || [r.code, r.name, r.projectName ?? '', r.location ?? ''].some((s) => fold(s).includes(q)),
    )
  const counts = Object.fromEntries(TECHNICAL_STATUSES.map((s) => [s, 0])) as Record<TTechnicalStatus, number>
  for (const r of all) counts[r.status]++
  const rows = all.filter((r) => !f.status || r.status === f.status)
  const key = (r: TUnitStatus): string | number =>
    f.sort === 'status'
      ? STATUS_RANK[r.status]
      : f.sort === 'lastInspectedOn'
        ? (r.lastInspectedOn ?? '')
        : (r[f.sort] ?? '')
  const dir = f.dir === 'desc' ? -1 : 1
  rows.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    if (ka !== kb) return (ka < kb ? -1 : 1) * dir
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0
  })
  return { rows, counts }
}

const SHEET: Texts = { es: 'Estado de equipos', en: 'Equipment status' }
const FILE: Texts = { es: 'estado-equipos.xlsx', en: 'equipment-status.xlsx' }
const COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Código', en: 'Code' }, key: 'code', width: 16 },
  { header: { es: 'Nombre', en: 'Name' }, key: 'name', width: 36 },
  { header: { es: 'Tipo', en: 'Type' }, key: 'type', width: 20 },
  { header: { es: 'Estado técnico', en: 'Technical status' }, key: 'status', width: 16 },
  { header: { es: 'Proyecto', en: 'Project' }, key: 'projectName', width: 28 },
  { header: { es: 'Ubicación', en: 'Location' }, key: 'location', width: 24 },
  { header: { es: 'Última inspección', en: 'Last inspection' }, key: 'lastInspectedOn', width: 14 },
  { header: { es: 'Faltantes', en: 'Missing' }, key: 'missingCount', type: 'number', width: 10 },
  { header: { es: 'Dañados', en: 'Damaged' }, key: 'damagedCount', type: 'number', width: 10 },
  { header: { es: 'En reparación desde', en: 'In repair since' }, key: 'repairSince', width: 14 },
]

export function createStatusReport(ctx: EquipmentConditionContext) {
  const { db, jobs } = ctx

  async function statusReport(actor: Actor, query: TEquipmentStatusQuery): Promise<TEquipmentStatusReport> {
    requireAccess(actor, 'equipmentCondition.read')
    await ctx.requireRentalLine(actor)
    const { rows, counts } = await statusRows(ctx, db, actor.orgId, query)
    return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length, counts }
  }

  const handle = jobs.define<TEquipmentStatusExportRequest>({
    kind: EQUIPMENT_CONDITION_EXPORT_JOBS.status,
    permission: 'equipmentCondition.read',
    payload: ZEquipmentStatusExportRequest,
    run: async (job, f) => {
      const orgId = job.actor.orgId
      const { rows } = await statusRows(ctx, db, orgId, f)
      const byUnit = new Map(rows.map((r) => [r.equipmentId, { ...r, id: r.equipmentId }]))
      const lang = langOf(job.actor)
      return exportList(job, {
        sheet: pick(SHEET, lang),
        columns: columnsIn(COLUMNS, lang),
        fileName: pick(FILE, lang),
        ids: rows.map((r) => r.equipmentId),
        rows: async (ids) =>
          byId(
            ids.flatMap((id) => (byUnit.has(id) ? [byUnit.get(id)!] : [])),
            (r) => ({
              code: r.code,
              name: r.name,
              type: r.type ? equipmentTypeEs[r.type] : '',
              status: TECHNICAL_STATUS[r.status][lang],
              projectName: r.projectName,
              location: r.location,
              lastInspectedOn: toDayMonthYear(r.lastInspectedOn),
              missingCount: r.missingCount,
              damagedCount: r.damagedCount,
              repairSince: toDayMonthYear(r.repairSince),
            }),
          ),
      })
    },
  })

  async function exportStatus(actor: Actor, f: TEquipmentStatusExportRequest): Promise<TJobRun> {
    await ctx.requireRentalLine(actor)
    return handle.request(actor, f)
  }

  return { statusReport, exportStatus }
}
