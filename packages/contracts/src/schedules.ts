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

// ---------------------------------------------------------------- progress, two truths

/**
 * Progress of the active schedule's tasks, two truths (docs/schedules.md#progress-two-truths): the
 * contractor's real % and the client's acknowledged %. Entries belong to the task's UID, so they follow the
 * task across versions; a task a newer version drops keeps its entries (`removedTasks`).
 *
 * - `GET …/schedules/active/progress` → `ZScheduleProgress`
 * - `PUT …/schedules/active/progress` `{items:[{taskUid, realPercent?, clientPercent?, date, comment?}]}` →
 *   `ZScheduleProgressSaved` (real % needs `schedule.progress`, client % `schedule.acknowledge`)
 * - `POST …/schedules/active/progress/acknowledge` `{upTo, comment?}`: the client acknowledges the real %
 *   reached up to that date on every task → `ZScheduleProgressSaved`
 * - `GET …/schedules/active/progress/history?taskUid=` → `ZScheduleProgressHistory`
 * - `GET …/schedules/active/progress/curve?by=week|month` → `ZScheduleProgressCurve`
 * - `GET …/schedules/family/progress/curve?by=` → `ZScheduleFamilyCurve` (every version of the family)
 * - `GET …/schedules/active/progress/export.xlsx?lang=es|en` → the workbook (without `lang`, in the requester's language)
 */

const PERCENT_MESSAGE =
  'Porcentaje no válido: de 0 a 100 con hasta 2 decimales / Invalid percentage: 0 to 100, up to 2 decimals'
/** A percentage typed by a user: 0 to 100 with at most 2 decimals, as a string ("12.5") or a number. */
export const ZPercentInput = z.union([
  z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, PERCENT_MESSAGE)
    .refine((s) => Number(s) <= 100, PERCENT_MESSAGE),
  z
    .number()
    .min(0, PERCENT_MESSAGE)
    .max(100, PERCENT_MESSAGE)
    .refine(
      (n) => Number.isFinite(n) && Math.round(n * 100) === Number((n * 100).toFixed(6)),
      PERCENT_MESSAGE,
    ),
])

/** The schedule's weight field where present, duration otherwise, each leaf the same when neither. */
export const ZWeightBasis = z.enum(['weight', 'duration', 'count'])
export type TWeightBasis = z.infer<typeof ZWeightBasis>
export const PROGRESS_KINDS = ['real', 'client'] as const
export const ZProgressKind = z.enum(PROGRESS_KINDS)
export type TProgressKind = z.infer<typeof ZProgressKind>

export const ZProgressEntryInput = z
  .object({
    taskUid: z.number().int().min(0).max(2_147_483_647),
    realPercent: ZPercentInput.optional(),
    clientPercent: ZPercentInput.optional(),
    /** the date the percentage was reached (not after today in the organization's time zone) */
    date: z.iso.date(),
    comment: z.string().trim().max(1000).optional(),
  })
  .refine((x) => x.realPercent !== undefined || x.clientPercent !== undefined, {
    message: 'Indica el % real o el % reconocido por el cliente / Give the real or the client %',
    path: ['realPercent'],
  })
export type TProgressEntryInput = z.input<typeof ZProgressEntryInput>
export const ZScheduleProgressInput = z.object({ items: z.array(ZProgressEntryInput).min(1).max(5000) })
export type TScheduleProgressInput = z.input<typeof ZScheduleProgressInput>

export const ZProgressAcknowledgeInput = z.object({
  /** every task's real % as of this date becomes the client's acknowledged %, dated this date */
  upTo: z.iso.date(),
  comment: z.string().trim().max(1000).optional(),
})
export type TProgressAcknowledgeInput = z.input<typeof ZProgressAcknowledgeInput>

const ZUserRef = z.object({ id: z.uuid(), name: z.string() })

/** The current value of one truth of a task: the entry that holds it. */
export const ZProgressValue = z.object({
  percent: decimal,
  date: z.string(),
  comment: z.string().nullable(),
  enteredBy: ZUserRef.nullable(),
  enteredAt: z.string(),
  source: z.enum(['entry', 'acknowledge']),
})
export type TProgressValue = z.infer<typeof ZProgressValue>

export const ZTaskProgress = z.object({
  taskUid: z.number().int(),
  id: z.number().int().nullable(),
  wbs: z.string().nullable(),
  name: z.string(),
  outlineLevel: z.number().int(),
  parentUid: z.number().int().nullable(),
  /** has children: its percentages are the weighted average of its leaves, never entered */
  summary: z.boolean(),
  milestone: z.boolean(),
  start: z.string().nullable(),
  finish: z.string().nullable(),
  durationDays: decimal.nullable(),
  weight: decimal.nullable(),
  /** what the task weighs in the averages under `basis` (leaves only; null for summaries) */
  basisWeight: decimal.nullable(),
  /** planned % at `asOf` from the task's dates (summaries: rolled up), 2 decimals */
  plannedPercent: decimal,
  /** current real / client % (summaries: rolled up; a leaf without entries: 0), 2 decimals */
  realPercent: decimal,
  clientPercent: decimal,
  /** real − client */
  gap: decimal,
  /** planned % at `asOf` above the real % */
  late: z.boolean(),
  real: ZProgressValue.nullable(),
  client: ZProgressValue.nullable(),
})
export type TTaskProgress = z.infer<typeof ZTaskProgress>

export const ZScheduleProgress = z.object({
  workOrderId: z.uuid(),
  versionId: z.uuid(),
  version: z.number().int(),
  basis: ZWeightBasis,
  /** the alias of the weight field when the basis is `weight` */
  weightField: z.string().nullable(),
  /** today in the organization's time zone: the date of `plannedPercent` and `late` */
  asOf: z.string(),
  timeZone: z.string(),
  tasks: z.array(ZTaskProgress),
  /** tasks with entries that the active version no longer has (by UID) */
  removedTasks: z.array(
    z.object({
      taskUid: z.number().int(),
      name: z.string(),
      real: ZProgressValue.nullable(),
      client: ZProgressValue.nullable(),
    }),
  ),
  total: z.object({ plannedPercent: decimal, realPercent: decimal, clientPercent: decimal, gap: decimal }),
  lateTasks: z.number().int(),
})
export type TScheduleProgress = z.infer<typeof ZScheduleProgress>

export const ZScheduleProgressSaved = z.object({
  /** entries written (an item equal to the current value — same %, date and comment — writes none) */
  saved: z.number().int(),
  unchanged: z.number().int(),
  progress: ZScheduleProgress,
})
export type TScheduleProgressSaved = z.infer<typeof ZScheduleProgressSaved>

export const ZProgressHistoryQuery = z.object({
  taskUid: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  kind: ZProgressKind.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
})
export const ZProgressHistoryEntry = z.object({
  id: z.uuid(),
  taskUid: z.number().int(),
  taskName: z.string(),
  kind: ZProgressKind,
  percent: decimal,
  previousPercent: decimal.nullable(),
  date: z.string(),
  comment: z.string().nullable(),
  source: z.enum(['entry', 'acknowledge']),
  version: z.number().int().nullable(),
  enteredBy: ZUserRef.nullable(),
  enteredAt: z.string(),
})
export type TProgressHistoryEntry = z.infer<typeof ZProgressHistoryEntry>
export const ZScheduleProgressHistory = z.object({
  items: z.array(ZProgressHistoryEntry),
  total: z.number().int(),
})
export type TScheduleProgressHistory = z.infer<typeof ZScheduleProgressHistory>

export const ZCurveQuery = z.object({ by: z.enum(['week', 'month']).default('week') })
export const ZCurvePoint = z.object({
  /** the closing date of the week (Sunday) or month */
  date: z.string(),
  planned: decimal,
  /** null after the period that holds today */
  real: decimal.nullable(),
  client: decimal.nullable(),
  /** real − client */
  gap: decimal.nullable(),
})
export type TCurvePoint = z.infer<typeof ZCurvePoint>
export const ZScheduleProgressCurve = z.object({
  by: z.enum(['week', 'month']),
  basis: ZWeightBasis,
  asOf: z.string(),
  points: z.array(ZCurvePoint),
})
export type TScheduleProgressCurve = z.infer<typeof ZScheduleProgressCurve>

export const ZScheduleFamilyCurve = z.object({
  by: z.enum(['week', 'month']),
  asOf: z.string(),
  /** the family's work orders (initial, then reprogrammings); `points` empty without an active schedule */
  members: z.array(
    z.object({
      workOrderId: z.uuid(),
      number: z.string(),
      reprogrammingNumber: z.number().int().nullable(),
      versionId: z.uuid().nullable(),
      version: z.number().int().nullable(),
      basis: ZWeightBasis.nullable(),
      points: z.array(ZCurvePoint),
    }),
  ),
})
export type TScheduleFamilyCurve = z.infer<typeof ZScheduleFamilyCurve>
/** `lang` left out: the requester's language (docs/platform.md "Messages and languages") */
export const ZProgressExportQuery = z.object({ lang: z.enum(['es', 'en']).optional() })
