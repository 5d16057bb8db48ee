import { z } from 'zod'

/**
 * MS Project schedules of a work order (docs/schedules.md), imported from MS Project XML (MSPDI). Every
 * import is a new version and becomes the active one (the previous versions are kept); a file that cannot be
 * read changes nothing. Durations and lags are working days (2 decimals) computed with the file's minutes per
 * day; dates `YYYY-MM-DD`; percentages decimal strings. Rules: docs/schedules.md.
 *
 * - `POST /api/v1/work-orders/:id/schedules` (multipart `file`, `.xml`) → 201 `ZScheduleImportResult`; a file
 *   that is not MSPDI → 4xx with a message (an `.mpp` → 415 asking for the XML export).
 * - `GET …/schedules` → `{items: ZScheduleVersion[], total}` (newest first); `GET …/schedules/active` and
 *   `GET …/schedules/:versionId` → `ZScheduleDetail`; `GET …/schedules/diff?from=&to=` → `ZScheduleDiff`.
 */

const decimal = z.string()

export const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'] as const
export const ZLinkType = z.enum(LINK_TYPES)
export type TLinkType = z.infer<typeof ZLinkType>

export const ZScheduleVersionParams = z.object({ id: z.uuid(), versionId: z.uuid() })

const ZCustomFieldRef = z.object({ fieldId: z.string(), fieldName: z.string().nullable(), alias: z.string() })

export const ZScheduleVersion = z.object({
  id: z.uuid(),
  workOrderId: z.uuid(),
  version: z.number().int(),
  active: z.boolean(),
  fileId: z.uuid(),
  fileName: z.string(),
  /** the uploaded file's format: MSPDI XML or MS Project's own .mpp */
  sourceFormat: z.enum(['mspdi', 'mpp']),
  projectName: z.string().nullable(),
  projectTitle: z.string().nullable(),
  startDate: z.string().nullable(),
  finishDate: z.string().nullable(),
  statusDate: z.string().nullable(),
  minutesPerDay: z.number().int(),
  /** custom fields chosen by alias for the weight and the progress (null when the file has none) */
  weightField: ZCustomFieldRef.nullable(),
  progressField: ZCustomFieldRef.nullable(),
  taskCount: z.number().int(),
  dependencyCount: z.number().int(),
  warnings: z.array(z.string()),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
})
export type TScheduleVersion = z.infer<typeof ZScheduleVersion>
export const ZScheduleVersionList = z.object({ items: z.array(ZScheduleVersion), total: z.number().int() })
export type TScheduleVersionList = z.infer<typeof ZScheduleVersionList>

export const ZScheduleTask = z.object({
  uid: z.number().int(),
  /** MS Project's row ID (renumbers when rows move; `uid` is stable) */
  id: z.number().int().nullable(),
  wbs: z.string().nullable(),
  outlineNumber: z.string().nullable(),
  name: z.string(),
  outlineLevel: z.number().int(),
  summary: z.boolean(),
  milestone: z.boolean(),
  parentUid: z.number().int().nullable(),
  start: z.string().nullable(),
  finish: z.string().nullable(),
  /** working days, 2 decimals */
  durationDays: decimal.nullable(),
  percentComplete: decimal,
  physicalPercentComplete: decimal,
  /** the weight custom field (`Pond.`, `Peso`…), 2 decimals; null when the file has none */
  weight: decimal.nullable(),
  /** progress field when > 0, else % complete, else physical % complete */
  progress: decimal,
  resourceNames: z.array(z.string()),
})
export type TScheduleTask = z.infer<typeof ZScheduleTask>

export const ZScheduleDependency = z.object({
  predecessorUid: z.number().int(),
  successorUid: z.number().int(),
  type: ZLinkType,
  /** working days, 2 decimals; null for percent lags */
  lagDays: decimal.nullable(),
  lagElapsed: z.boolean(),
  lagPercent: decimal.nullable(),
})
export type TScheduleDependency = z.infer<typeof ZScheduleDependency>

export const ZScheduleDetail = z.object({
  version: ZScheduleVersion,
  /** every task except the project summary (UID 0) and null tasks, by ID */
  tasks: z.array(ZScheduleTask),
  dependencies: z.array(ZScheduleDependency),
})
export type TScheduleDetail = z.infer<typeof ZScheduleDetail>

export const ZScheduleImportResult = z.object({
  versionId: z.uuid(),
  version: z.number().int(),
  fileId: z.uuid(),
  fileName: z.string(),
  /** counts of what was imported */
  tasks: z.number().int(),
  dependencies: z.number().int(),
  project: z.object({
    name: z.string().nullable(),
    startDate: z.string().nullable(),
    finishDate: z.string().nullable(),
    minutesPerDay: z.number().int(),
  }),
  warnings: z.array(z.string()),
  /** the version it replaced as active (null for the first) and what changed against it */
  previousVersionId: z.uuid().nullable(),
  changes: z
    .object({
      addedTasks: z.number().int(),
      removedTasks: z.number().int(),
      changedTasks: z.number().int(),
      addedDependencies: z.number().int(),
      removedDependencies: z.number().int(),
      changedDependencies: z.number().int(),
    })
    .nullable(),
  durationMs: z.number().int(),
})
export type TScheduleImportResult = z.infer<typeof ZScheduleImportResult>

export const ZScheduleDiffQuery = z.object({
  /** default: the version before `to` */
  from: z.uuid().optional(),
  /** default: the active version */
  to: z.uuid().optional(),
})

const ZDiffTask = ZScheduleTask.pick({
  uid: true,
  name: true,
  wbs: true,
  start: true,
  finish: true,
  durationDays: true,
  percentComplete: true,
})
const ZFieldChange = z.object({
  field: z.string(),
  from: z.union([z.string(), z.number()]).nullable(),
  to: z.union([z.string(), z.number()]).nullable(),
})
const ZDiffDependency = ZScheduleDependency.pick({
  predecessorUid: true,
  successorUid: true,
  type: true,
  lagDays: true,
})

export const ZScheduleDiff = z.object({
  from: ZScheduleVersion.pick({ id: true, version: true, fileName: true }),
  to: ZScheduleVersion.pick({ id: true, version: true, fileName: true }),
  addedTasks: z.array(ZDiffTask),
  removedTasks: z.array(ZDiffTask),
  changedTasks: z.array(
    z.object({ uid: z.number().int(), name: z.string(), changes: z.array(ZFieldChange) }),
  ),
  unchangedTaskCount: z.number().int(),
  addedDependencies: z.array(ZDiffDependency),
  removedDependencies: z.array(ZDiffDependency),
  changedDependencies: z.array(
    z.object({
      predecessorUid: z.number().int(),
      successorUid: z.number().int(),
      from: z.object({ type: ZLinkType, lagDays: decimal.nullable() }),
      to: z.object({ type: ZLinkType, lagDays: decimal.nullable() }),
    }),
  ),
  identical: z.boolean(),
})
export type TScheduleDiff = z.infer<typeof ZScheduleDiff>
