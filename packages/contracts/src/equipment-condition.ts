import { z } from 'zod'
import { listOf, ZPagination } from './common'
import { ZRentalEquipmentType } from './rental-projects'

/**
 * Equipment condition (rental line, Ecuador): a checklist of parts per equipment type, inspections of a
 * unit against it, repair marks, the technical status derived from them and the status report.
 * Everything under `/api/v1/rental`. Rules: docs/equipment-condition.md.
 */

const date = z.iso.date()
const optText = (max: number) => z.string().trim().max(max).nullable().optional()

/** Technical status of a unit, in the precedence order of the rule (docs/equipment-condition.md#status). */
export const TECHNICAL_STATUSES = ['rented', 'in_repair', 'damaged', 'incomplete', 'available'] as const
export const ZTechnicalStatus = z.enum(TECHNICAL_STATUSES)
export type TTechnicalStatus = z.infer<typeof ZTechnicalStatus>

export const ITEM_CONDITIONS = ['good', 'fair', 'damaged'] as const
export const ZItemCondition = z.enum(ITEM_CONDITIONS)
export type TItemCondition = z.infer<typeof ZItemCondition>

// --- checklists ---

export const ZChecklistItem = z.object({ id: z.uuid(), label: z.string(), position: z.number().int() })
export type TChecklistItem = z.infer<typeof ZChecklistItem>

export const ZChecklist = z.object({
  type: ZRentalEquipmentType,
  items: z.array(ZChecklistItem),
  /** units of the type (physical, not retired) */
  unitCount: z.number().int(),
})
export type TChecklist = z.infer<typeof ZChecklist>
export const ZChecklistList = z.object({ items: z.array(ZChecklist) })
export type TChecklistList = z.infer<typeof ZChecklistList>

/**
 * Replaces a type's checklist in one save: the items in order; `id` keeps an existing item (its past answers
 * keep their label), no id = a new item, an existing item left out is removed from the checklist.
 */
export const ZChecklistInput = z.object({
  type: ZRentalEquipmentType,
  items: z
    .array(
      z.object({
        id: z.uuid().optional(),
        label: z.string().trim().min(1).max(120),
      }),
    )
    .max(60),
})
export type TChecklistInput = z.infer<typeof ZChecklistInput>

// --- inspections ---

export const ZInspectionAnswerInput = z.object({
  itemId: z.uuid(),
  present: z.boolean(),
  /** required when present; ignored when missing */
  condition: ZItemCondition.nullable().optional(),
  notes: optText(500),
})
export const ZInspectionInput = z.object({
  inspectedOn: date,
  /** a technician of the field staff, or a name typed in */
  technicianId: z.uuid().nullable().optional(),
  inspectorName: optText(120),
  /** one answer per item of the type's checklist, every item answered */
  answers: z.array(ZInspectionAnswerInput).max(60),
  notes: optText(2000),
})
export type TInspectionInput = z.infer<typeof ZInspectionInput>

export const ZInspectionAnswer = z.object({
  itemId: z.uuid(),
  label: z.string(),
  present: z.boolean(),
  condition: ZItemCondition.nullable(),
  notes: z.string().nullable(),
})
export type TInspectionAnswer = z.infer<typeof ZInspectionAnswer>

export const ZInspection = z.object({
  id: z.uuid(),
  equipmentId: z.uuid(),
  equipmentCode: z.string(),
  equipmentName: z.string(),
  equipmentType: ZRentalEquipmentType.nullable(),
  inspectedOn: date,
  technicianId: z.uuid().nullable(),
  inspectorName: z.string(),
  notes: z.string().nullable(),
  answers: z.array(ZInspectionAnswer),
  missingCount: z.number().int(),
  damagedCount: z.number().int(),
  createdAt: z.string(),
})
export type TInspection = z.infer<typeof ZInspection>

// --- repairs ---

export const ZRepairInput = z.object({ sentOn: date, reason: z.string().trim().min(1).max(500) })
export type TRepairInput = z.infer<typeof ZRepairInput>
export const ZRepairReturnInput = z.object({ returnedOn: date, notes: optText(500) })
export type TRepairReturnInput = z.infer<typeof ZRepairReturnInput>
export const ZRepair = z.object({
  id: z.uuid(),
  sentOn: date,
  reason: z.string(),
  returnedOn: date.nullable(),
  returnNotes: z.string().nullable(),
})
export type TRepair = z.infer<typeof ZRepair>

// --- status of a unit, report ---

export const ZUnitStatus = z.object({
  equipmentId: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: ZRentalEquipmentType.nullable(),
  status: ZTechnicalStatus,
  /** the project it is rented on */
  projectName: z.string().nullable(),
  location: z.string().nullable(),
  lastInspectedOn: date.nullable(),
  missingCount: z.number().int(),
  damagedCount: z.number().int(),
  /** items of the type's checklist */
  itemCount: z.number().int(),
  repairSince: date.nullable(),
})
export type TUnitStatus = z.infer<typeof ZUnitStatus>

export const ZUnitCondition = z.object({
  unit: ZUnitStatus,
  checklist: z.array(ZChecklistItem),
  lastInspection: ZInspection.nullable(),
  inspections: z.array(
    ZInspection.pick({
      id: true,
      inspectedOn: true,
      inspectorName: true,
      missingCount: true,
      damagedCount: true,
    }),
  ),
  openRepair: ZRepair.nullable(),
  repairs: z.array(ZRepair),
})
export type TUnitCondition = z.infer<typeof ZUnitCondition>

export const EQUIPMENT_STATUS_SORTS = ['code', 'name', 'type', 'status', 'lastInspectedOn'] as const
export const ZEquipmentStatusQuery = ZPagination.extend({
  q: z.string().trim().max(200).optional(),
  status: ZTechnicalStatus.optional(),
  type: ZRentalEquipmentType.optional(),
  sort: z.enum(EQUIPMENT_STATUS_SORTS).default('code'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  /** only these units (comma-separated ids, at most 200): the equipment list asks for the statuses of its page */
  ids: z
    .string()
    .regex(
      /^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,199}$/i,
      'Identificadores de equipo separados por comas (hasta 200)',
    )
    .optional(),
})
export type TEquipmentStatusQuery = z.infer<typeof ZEquipmentStatusQuery>
export const ZEquipmentStatusExportRequest = ZEquipmentStatusQuery.omit({ limit: true, offset: true })
export type TEquipmentStatusExportRequest = z.infer<typeof ZEquipmentStatusExportRequest>

export const ZEquipmentStatusReport = listOf(ZUnitStatus).extend({
  /** units per status over the whole organization (filters of type and search applied, not of status) */
  counts: z.record(ZTechnicalStatus, z.number().int()),
})
export type TEquipmentStatusReport = z.infer<typeof ZEquipmentStatusReport>
