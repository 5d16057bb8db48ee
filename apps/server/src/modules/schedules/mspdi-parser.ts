import Decimal from 'decimal.js'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { render, type Message } from '../../platform/i18n/messages'
import { importLimits } from '../../platform/spreadsheet/import-limits'
import { schedulesMessages as M } from './schedules.messages'
import { xmlBoundPassed } from '../../platform/spreadsheet/xml-bounds'

/**
 * MS Project XML ("MSPDI") reader: the pure parsing layer of the schedule import, with the old importer's
 * defects fixed: durations and lags are converted to days, `.xml` is the accepted format
 * (docs/schedules.md#defects-of-the-old-importer-that-this-fixes).
 * Rules (also in docs/schedules.md):
 * - Every task is read except the project summary task (UID 0 / outline level 0) and null tasks
 *   (`IsNull` = 1, or a row with neither name nor outline level).
 * - Parent = nearest preceding task (in ID order) with a lower outline level; top-level tasks have no parent.
 *   `summary` = the file's Summary flag or the task has children.
 * - Durations: ISO-8601 `PTnHnMnS` → minutes; `durationDays` = minutes ÷ the file's MinutesPerDay (480 when
 *   absent), rounded half-up to 2 decimals (rule DAYS_2DP) and clamped to [0, 99 999.99], as a fixed
 *   2-decimal string ("1.00").
 * - Links: type 0 FF, 1 FS, 2 SF, 3 SS (FS when absent). `LinkLag` is in tenths of minutes; `lagDays` =
 *   minutes ÷ MinutesPerDay (÷ 1 440 for elapsed lag formats), 2 decimals half-up, clamped to ±99 999.99.
 *   Percent lags keep `lagDays` null and carry `lagPercent`.
 * - Custom fields are found by alias (case, accents and surrounding spaces ignored): weight = alias
 *   `pond.`, `pond`, `ponderador` or `peso`, else the first alias containing `pond` or `peso`; progress =
 *   alias `avance real`, `% avance`, `fisico`/`físico` (or, our addition, `avance`), else the first alias
 *   containing `avance real`, `% avance` or `fisico`.
 * - progress = progress field when > 0, else PercentComplete when > 0, else PhysicalPercentComplete;
 *   weight = the weight field. Both parsed with the old system's locale heuristics (see
 *   `parseLocaleNumber`) and clamped to [0, 999.99].
 * - Resource names come from Assignments → Resources, in assignment order, without duplicates.
 */

export type MspdiErrorCode = 'EMPTY' | 'TOO_LARGE' | 'MPP_BINARY' | 'NOT_XML' | 'UNSAFE_XML' | 'NOT_MSPDI'

/** A refusal: `msg` is its catalogued message (schedules.messages.ts), `.message` its Spanish text. */
export class MspdiError extends Error {
  override readonly name = 'MspdiError'
  constructor(
    readonly code: MspdiErrorCode,
    readonly msg: Message,
    readonly details?: Record<string, unknown>,
  ) {
    super(render(msg, 'es'))
  }
}

export type MspdiLinkType = 'FS' | 'SS' | 'FF' | 'SF'

/** A custom field found by alias: its MSPDI field id, its name (`Number1`, `Text3`) and the alias that matched. */
export type MspdiCustomFieldRef = { fieldId: string; fieldName: string | null; alias: string }

export type MspdiProject = {
  name: string | null
  title: string | null
  minutesPerDay: number
  minutesPerWeek: number
  daysPerMonth: number | null
  /** YYYY-MM-DD (the date part of the file's local date-time; no time-zone conversion) */
  startDate: string | null
  finishDate: string | null
  statusDate: string | null
  saveVersion: number | null
  weightField: MspdiCustomFieldRef | null
  progressField: MspdiCustomFieldRef | null
  /** every task custom field the file defines with an alias, in file order */
  customFields: MspdiCustomFieldRef[]
}

export type MspdiTask = {
  uid: number
  id: number | null
  wbs: string | null
  outlineNumber: string | null
  name: string
  outlineLevel: number
  summary: boolean
  milestone: boolean
  parentUid: number | null
  /** YYYY-MM-DD */
  start: string | null
  finish: string | null
  /** the file's local date-time, e.g. 2003-01-07T08:00:00 */
  startDateTime: string | null
  finishDateTime: string | null
  /** exact minutes of the ISO duration, decimal string; null when the task has no (readable) duration */
  durationMinutes: string | null
  /** working days, 2 decimals (see the module comment) */
  durationDays: string | null
  percentComplete: string
  physicalPercentComplete: string
  /** value of the weight custom field, 2 decimals, or null when the file has no such field/value */
  weight: string | null
  /** progress %, 2 decimals */
  progress: string
  resourceNames: string[]
  /** raw values of the task's custom fields, keyed by field name (`Number1`), or by field id when undefined */
  customFields: Record<string, string>
}

export type MspdiDependency = {
  predecessorUid: number
  successorUid: number
  type: MspdiLinkType
  /** 2 decimals; null for percent lags */
  lagDays: string | null
  /** LinkLag ÷ 10, exact; null for percent lags */
  lagMinutes: string | null
  lagElapsed: boolean
  lagPercent: string | null
  /** the file's LagFormat code (display unit), when present */
  lagFormat: number | null
}

export type MspdiSchedule = {
  project: MspdiProject
  tasks: MspdiTask[]
  dependencies: MspdiDependency[]
  /** things skipped or defaulted, in Spanish, for the import result page */
  warnings: string[]
}

export type ParseMspdiOptions = {
  /** refuse inputs larger than this many bytes (default 50 MB) */
  maxBytes?: number
  /** refuse a document whose tree would hold more elements (default: the import limits, 1,000,000) */
  maxElements?: number
  /** refuse a document nesting elements deeper (default: the import limits, 64) */
  maxDepth?: number
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024
const MSPDI_NAMESPACE = 'http://schemas.microsoft.com/project'
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** Rounding rule DAYS_2DP / PERCENT_2DP: half-up to 2 decimals (the scale of the schedule columns). */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })
const MAX_DAYS = new D('99999.99')
const MAX_PERCENT = new D('999.99')

/** Task custom fields have field ids 0x0B400000 … 0x0C3FFFFF (resource fields start at 0x0C400000). */
const TASK_FIELD_MIN = 0x0b400000
const TASK_FIELD_MAX = 0x0c400000

/** LagFormat codes (MSPDI duration formats) that are elapsed (calendar) time, and those that are percentages. */
const ELAPSED_FORMATS = new Set([4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52])
const PERCENT_FORMATS = new Set([19, 20, 51, 52])

const LINK_TYPES: Record<string, MspdiLinkType> = { '0': 'FF', '1': 'FS', '2': 'SF', '3': 'SS' }

const ARRAY_PATHS = new Set([
  'Project.Tasks.Task',
  'Project.Tasks.Task.PredecessorLink',
  'Project.Tasks.Task.ExtendedAttribute',
  'Project.Resources.Resource',
  'Project.Assignments.Assignment',
  'Project.ExtendedAttributes.ExtendedAttribute',
])

/** Parts of the file the import never reads; kept as raw text (faster, less memory). */
const STOP_NODES = [
  'Project.Calendars',
  'Project.OutlineCodes',
  'Project.WBSMasks',
  'Project.Views',
  'Project.Filters',
  'Project.Groups',
  'Project.Tables',
  'Project.Maps',
  'Project.Reports',
  'Project.Drawings',
  'Project.DataLinks',
  'Project.VBAProjects',
  'Project.Tasks.Task.TimephasedData',
  'Project.Tasks.Task.Baseline',
  'Project.Resources.Resource.TimephasedData',
  'Project.Resources.Resource.Baseline',
  'Project.Resources.Resource.Rates',
  'Project.Resources.Resource.AvailabilityPeriods',
  'Project.Assignments.Assignment.TimephasedData',
  'Project.Assignments.Assignment.Baseline',
]

const parser = new XMLParser({
  ignoreAttributes: (name: string, jPath: unknown) => !(jPath === 'Project' && name === 'xmlns'),
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // numeric character references (&#233;) are decoded only with htmlEntities on
  htmlEntities: true,
  processEntities: {
    enabled: true,
    maxEntityCount: 10,
    maxEntitySize: 1000,
    maxExpansionDepth: 2,
    maxTotalExpansions: 10_000,
    maxExpandedLength: 100_000,
  },
  isArray: (_name: string, jPath: unknown) => typeof jPath === 'string' && ARRAY_PATHS.has(jPath),
  stopNodes: STOP_NODES,
  // counts the elements the tree gets (a stop node is one): parsing stops once there are too many
  updateTag: (tagName: string) => {
    if (--elementsLeft < 0) throw new TooManyElements()
    return tagName
  },
})

/** Elements the current parse may still build (parsing is synchronous: one parse at a time). */
let elementsLeft = Infinity
class TooManyElements extends Error {}

type XmlNode = Record<string, unknown>

/** Parses an MSPDI document. Throws MspdiError for anything that is not an MS Project XML file. */
export function parseMspdi(input: string | Buffer, options: ParseMspdiOptions = {}): MspdiSchedule {
  const text = decodeInput(input, options.maxBytes ?? DEFAULT_MAX_BYTES)
  const limits = importLimits()
  const root = parseXml(text, {
    maxElements: options.maxElements ?? limits.maxElements,
    maxDepth: options.maxDepth ?? limits.maxDepth,
  })
  return readProject(root)
}

function decodeInput(input: string | Buffer, maxBytes: number): string {
  if (typeof input === 'string') {
    if (Buffer.byteLength(input, 'utf8') > maxBytes) throw tooLarge(maxBytes)
    const s = input.replace(/^\uFEFF/, '')
    if (s.trim() === '') throw new MspdiError('EMPTY', M.fileEmpty())
    return s
  }
  if (input.length === 0) throw new MspdiError('EMPTY', M.fileEmpty())
  if (input.length > maxBytes) throw tooLarge(maxBytes)
  if (OLE2_SIGNATURE.every((b, i) => input[i] === b)) {
    throw new MspdiError('MPP_BINARY', M.mppBinary())
  }
  if (input[0] === 0x50 && input[1] === 0x4b) {
    throw new MspdiError('NOT_XML', M.zipNotXml())
  }
  let s: string
  if (input[0] === 0xff && input[1] === 0xfe) s = input.subarray(2).toString('utf16le')
  else if (input[0] === 0xfe && input[1] === 0xff)
    s = Buffer.from(input.subarray(2)).swap16().toString('utf16le')
  else s = input.toString('utf8').replace(/^\uFEFF/, '')
  if (s.trim() === '') throw new MspdiError('EMPTY', M.fileEmpty())
  return s
}

function tooLarge(maxBytes: number): MspdiError {
  return new MspdiError('TOO_LARGE', M.fileTooLargeMb({ mb: Math.floor(maxBytes / (1024 * 1024)) }), {
    maxBytes,
  })
}

/** The parser's refusal of a document over an element or nesting bound (413), in Spanish and English. */
function tooComplex(limit: 'elements' | 'depth', max: number): MspdiError {
  const bound = { max: max.toLocaleString('es-MX') }
  const msg = limit === 'elements' ? M.xmlTooManyElements(bound) : M.xmlTooDeep(bound)
  return new MspdiError('TOO_LARGE', msg, { limit, max, en: render(msg, 'en') })
}

function parseXml(text: string, bounds: { maxElements: number; maxDepth: number }): XmlNode {
  // MSPDI never declares a DTD; refusing it closes the door to entity-expansion tricks altogether.
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) {
    throw new MspdiError('UNSAFE_XML', M.unsafeXml())
  }
  // nesting first, without allocating (the validator keeps a stack of every open tag)
  const passed = xmlBoundPassed(text, { maxElements: Infinity, maxDepth: bounds.maxDepth })
  if (passed) throw tooComplex(passed.limit, bounds.maxDepth)
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    const { msg, line } = valid.err
    throw new MspdiError('NOT_XML', M.invalidXmlAtLine({ line, reason: msg }), { line, reason: msg })
  }
  let doc: unknown
  elementsLeft = bounds.maxElements
  try {
    doc = parser.parse(text)
  } catch (e) {
    if (e instanceof TooManyElements) throw tooComplex('elements', bounds.maxElements)
    throw new MspdiError('NOT_XML', M.invalidXml({ reason: (e as Error).message }))
  } finally {
    elementsLeft = Infinity
  }
  const project = isNode(doc) ? doc.Project : undefined
  const rootNames = isNode(doc) ? Object.keys(doc) : []
  if (!isNode(project) && project !== '') {
    throw new MspdiError('NOT_MSPDI', M.notMspdiRoot({ root: rootNames[0] ?? '?' }))
  }
  const node: XmlNode = isNode(project) ? project : {}
  if (node['@_xmlns'] !== MSPDI_NAMESPACE) {
    throw new MspdiError('NOT_MSPDI', M.notMspdiNamespace({ namespace: MSPDI_NAMESPACE }))
  }
  return node
}

function readProject(p: XmlNode): MspdiSchedule {
  const warnings: string[] = []
  let minutesPerDay = positiveInt(text(p.MinutesPerDay))
  if (minutesPerDay === null) {
    warnings.push('El archivo no indica minutos por día; se usan 480 (8 horas).')
    minutesPerDay = 480
  }
  const minutesPerWeek = positiveInt(text(p.MinutesPerWeek)) ?? minutesPerDay * 5
  const daysPerMonth = positiveInt(text(p.DaysPerMonth))
  const units: DurationUnits = { minutesPerDay, minutesPerWeek, daysPerMonth: daysPerMonth ?? 20 }

  const taskFields = nodes(child(p.ExtendedAttributes)?.ExtendedAttribute)
    .map((ea) => ({ fieldId: text(ea.FieldID), fieldName: text(ea.FieldName), alias: text(ea.Alias) }))
    .filter((d): d is { fieldId: string; fieldName: string | null; alias: string | null } =>
      isTaskField(d.fieldId),
    )
  const fieldNames = new Map(taskFields.map((d) => [d.fieldId, d.fieldName ?? d.fieldId]))
  const definitions = taskFields.filter((d): d is MspdiCustomFieldRef => !!d.alias?.trim())
  const weightField = findField(definitions, WEIGHT_ALIASES, WEIGHT_CONTAINS)
  const progressField = findField(definitions, PROGRESS_ALIASES, PROGRESS_CONTAINS)

  const project: MspdiProject = {
    name: text(p.Name),
    title: text(p.Title),
    minutesPerDay,
    minutesPerWeek,
    daysPerMonth,
    startDate: datePart(text(p.StartDate)),
    finishDate: datePart(text(p.FinishDate)),
    statusDate: datePart(text(p.StatusDate)),
    saveVersion: int(text(p.SaveVersion)),
    weightField,
    progressField,
    customFields: definitions.map((d) => ({ fieldId: d.fieldId, fieldName: d.fieldName, alias: d.alias })),
  }

  // resources: UID → name; assignments: task UID → names
  const resourceNames = new Map<string, string>()
  for (const r of nodes(child(p.Resources)?.Resource)) {
    const uid = text(r.UID)
    const name = text(r.Name)?.trim()
    if (uid !== null && name) resourceNames.set(uid, name)
  }
  const namesByTask = new Map<string, string[]>()
  for (const a of nodes(child(p.Assignments)?.Assignment)) {
    const taskUid = text(a.TaskUID)
    const name = resourceNames.get(text(a.ResourceUID) ?? '')
    if (taskUid === null || !name) continue
    const list = namesByTask.get(taskUid) ?? []
    if (!list.includes(name)) list.push(name)
    namesByTask.set(taskUid, list)
  }

  type Raw = { node: XmlNode; uid: number; id: number | null; level: number; order: number }
  const raws: Raw[] = []
  let nullTasks = 0
  nodes(child(p.Tasks)?.Task).forEach((t, order) => {
    const uid = int(text(t.UID))
    if (uid === null) {
      warnings.push(`Se omitió una tarea sin UID (posición ${order + 1}).`)
      return
    }
    const name = text(t.Name)
    const levelText = text(t.OutlineLevel)
    if (text(t.IsNull) === '1' || (name === null && levelText === null)) {
      nullTasks++
      return
    }
    const outlineNumber = text(t.OutlineNumber)
    const level = int(levelText) ?? (outlineNumber ? outlineNumber.split('.').length : 1)
    if (uid === 0 || level === 0) return // the project summary task
    raws.push({ node: t, uid, id: int(text(t.ID)), level, order })
  })
  if (nullTasks > 0) warnings.push(`Se omitieron ${nullTasks} filas vacías (tareas nulas).`)
  raws.sort(
    (a, b) => (a.id ?? Number.MAX_SAFE_INTEGER) - (b.id ?? Number.MAX_SAFE_INTEGER) || a.order - b.order,
  )

  const tasks: MspdiTask[] = []
  const stack: { level: number; task: MspdiTask }[] = []
  const hasChildren = new Set<number>()
  const seen = new Set<number>()
  for (const raw of raws) {
    if (seen.has(raw.uid)) {
      warnings.push(`UID de tarea repetido ${raw.uid}: se tomó la primera.`)
      continue
    }
    seen.add(raw.uid)
    while (stack.length > 0 && stack[stack.length - 1]!.level >= raw.level) stack.pop()
    const parent = stack[stack.length - 1]?.task ?? null
    if (parent) hasChildren.add(parent.uid)
    const t = raw.node
    const durationMinutes = isoDurationMinutes(text(t.Duration), units)
    const percentComplete = decimal(text(t.PercentComplete)) ?? new D(0)
    const physical = decimal(text(t.PhysicalPercentComplete)) ?? new D(0)
    const customValues = new Map<string, string>()
    const customFields: Record<string, string> = {}
    for (const ea of nodes(t.ExtendedAttribute)) {
      const id = text(ea.FieldID)
      const value = text(ea.Value)
      if (id === null || value === null) continue
      customValues.set(id, value)
      const key = fieldNames.get(id) ?? id
      if (key !== '__proto__') customFields[key] = value
    }
    const weightValue = weightField ? parseLocaleNumber(customValues.get(weightField.fieldId)) : null
    const progressValue = progressField ? parseLocaleNumber(customValues.get(progressField.fieldId)) : null
    const progress = [progressValue, percentComplete, physical].find((v) => v !== null && v.gt(0)) ?? new D(0)
    const start = text(t.Start)
    const finish = text(t.Finish)
    const task: MspdiTask = {
      uid: raw.uid,
      id: raw.id,
      wbs: text(t.WBS),
      outlineNumber: text(t.OutlineNumber),
      name: text(t.Name) ?? '',
      outlineLevel: raw.level,
      summary: text(t.Summary) === '1',
      milestone: text(t.Milestone) === '1',
      parentUid: parent?.uid ?? null,
      start: datePart(start),
      finish: datePart(finish),
      startDateTime: start,
      finishDateTime: finish,
      durationMinutes: durationMinutes === null ? null : durationMinutes.toString(),
      durationDays: durationMinutes === null ? null : toDays(durationMinutes, minutesPerDay, false),
      percentComplete: percentComplete.toString(),
      physicalPercentComplete: physical.toString(),
      weight: weightValue === null ? null : clampPercent(weightValue),
      progress: clampPercent(progress),
      resourceNames: namesByTask.get(String(raw.uid)) ?? [],
      customFields,
    }
    if (text(t.Duration) !== null && durationMinutes === null) {
      warnings.push(`Duración no reconocida en la tarea ${raw.uid} (${text(t.Duration)}).`)
    }
    tasks.push(task)
    stack.push({ level: raw.level, task })
  }
  for (const task of tasks) if (hasChildren.has(task.uid)) task.summary = true

  const dependencies: MspdiDependency[] = []
  let droppedLinks = 0
  for (const raw of raws) {
    if (!seen.has(raw.uid)) continue
    for (const link of nodes(raw.node.PredecessorLink)) {
      const pred = int(text(link.PredecessorUID))
      if (pred === null || !seen.has(pred) || text(link.CrossProject) === '1') {
        droppedLinks++
        continue
      }
      dependencies.push(readLink(link, pred, raw.uid, minutesPerDay))
    }
  }
  if (droppedLinks > 0)
    warnings.push(
      `Se omitieron ${droppedLinks} vínculos hacia tareas que no están en el archivo, nulas o de otro proyecto.`,
    )

  return { project, tasks, dependencies, warnings }
}

function readLink(
  link: XmlNode,
  predecessorUid: number,
  successorUid: number,
  minutesPerDay: number,
): MspdiDependency {
  const type = LINK_TYPES[text(link.Type) ?? '1'] ?? 'FS'
  const lagFormat = int(text(link.LagFormat))
  const rawLag = decimal(text(link.LinkLag)) ?? new D(0)
  const isPercent = lagFormat !== null && PERCENT_FORMATS.has(lagFormat)
  const elapsed = lagFormat !== null && ELAPSED_FORMATS.has(lagFormat)
  if (isPercent) {
    // MPXJ reads percent lags as the raw LinkLag value
    return {
      predecessorUid,
      successorUid,
      type,
      lagDays: null,
      lagMinutes: null,
      lagElapsed: elapsed,
      lagPercent: rawLag.toString(),
      lagFormat,
    }
  }
  const minutes = rawLag.div(10)
  return {
    predecessorUid,
    successorUid,
    type,
    lagDays: toDays(minutes, elapsed ? 1440 : minutesPerDay, true),
    lagMinutes: minutes.toString(),
    lagElapsed: elapsed,
    lagPercent: null,
    lagFormat,
  }
}

// ---------------------------------------------------------------- custom fields by alias

const WEIGHT_ALIASES = ['pond.', 'pond', 'ponderador', 'peso']
const WEIGHT_CONTAINS = ['pond', 'peso']
const PROGRESS_ALIASES = ['avance real', '% avance', 'fisico', 'avance']
const PROGRESS_CONTAINS = ['avance real', '% avance', 'fisico']

/** alias folded for comparison: trimmed, lower-case, accents removed, inner runs of spaces collapsed */
export function foldAlias(alias: string): string {
  return alias.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

function findField(
  definitions: MspdiCustomFieldRef[],
  exact: string[],
  contains: string[],
): MspdiCustomFieldRef | null {
  const folded = definitions.map((d) => ({ ...d, folded: foldAlias(d.alias) }))
  const hit =
    folded.find((d) => exact.includes(d.folded)) ??
    folded.find((d) => contains.some((c) => d.folded.includes(c)))
  return hit ? { fieldId: hit.fieldId, fieldName: hit.fieldName, alias: hit.alias } : null
}

function isTaskField(fieldId: string | null): fieldId is string {
  const n = int(fieldId)
  return n !== null && n >= TASK_FIELD_MIN && n < TASK_FIELD_MAX
}

/**
 * Number typed in a custom field, with the old system's locale heuristics
 * (docs/schedules.md#custom-fields-weight-and-progress): `%` and spaces removed; when both `,`
 * and `.` appear the right-most one is the decimal separator (the other is a thousands separator); a lone
 * `,` is the decimal separator. Returns null when nothing numeric remains.
 */
export function parseLocaleNumber(value: string | null | undefined): Decimal | null {
  if (value === null || value === undefined) return null
  let s = value.replace(/[%\s\u00a0]/g, '')
  if (s === '') return null
  const comma = s.lastIndexOf(',')
  const dot = s.lastIndexOf('.')
  if (comma >= 0 && dot >= 0) {
    s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '')
  } else if (comma >= 0) {
    s = s.replace(',', '.')
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null
  return new D(s)
}

// ---------------------------------------------------------------- durations and conversions

type DurationUnits = { minutesPerDay: number; minutesPerWeek: number; daysPerMonth: number }

const ISO_DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/

/**
 * Minutes of an ISO-8601 duration as MS Project writes it (`PT16H0M0S`). Day, week and month parts (other
 * writers) count as working time: D = MinutesPerDay, W = MinutesPerWeek, M = DaysPerMonth days. Years → null.
 */
export function isoDurationMinutes(value: string | null, units: DurationUnits): Decimal | null {
  if (value === null) return null
  const m = ISO_DURATION.exec(value.trim())
  if (!m || m[2] !== undefined || value.trim() === 'P' || value.trim().endsWith('T')) return null
  const [, sign, , months, weeks, days, hours, minutes, seconds] = m
  let total = new D(0)
  if (months) total = total.plus(new D(months).times(units.daysPerMonth).times(units.minutesPerDay))
  if (weeks) total = total.plus(new D(weeks).times(units.minutesPerWeek))
  if (days) total = total.plus(new D(days).times(units.minutesPerDay))
  if (hours) total = total.plus(new D(hours).times(60))
  if (minutes) total = total.plus(new D(minutes))
  if (seconds) total = total.plus(new D(seconds).div(60))
  return sign ? total.negated() : total
}

/** minutes → days, half-up to 2 decimals, clamped to [0 or -99 999.99, 99 999.99], fixed 2-decimal string */
function toDays(minutes: Decimal, minutesPerDay: number, allowNegative: boolean): string {
  let days = minutes.div(minutesPerDay).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
  if (days.gt(MAX_DAYS)) days = MAX_DAYS
  const min = allowNegative ? MAX_DAYS.negated() : new D(0)
  if (days.lt(min)) days = min
  return days.toFixed(2)
}

function clampPercent(value: Decimal): string {
  let v = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
  if (v.lt(0)) v = new D(0)
  if (v.gt(MAX_PERCENT)) v = MAX_PERCENT
  return v.toFixed(2)
}

// ---------------------------------------------------------------- small XML helpers

function isNode(v: unknown): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function child(v: unknown): XmlNode | undefined {
  return isNode(v) ? v : undefined
}

function nodes(v: unknown): XmlNode[] {
  if (Array.isArray(v)) return v.filter(isNode)
  return isNode(v) ? [v] : []
}

/** text content of a leaf element; empty → null */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v === '' ? null : v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (isNode(v) && typeof v['#text'] === 'string') return v['#text'] === '' ? null : v['#text']
  return null
}

function int(v: string | null): number | null {
  if (v === null || !/^[+-]?\d+$/.test(v.trim())) return null
  const n = Number(v)
  return Number.isSafeInteger(n) ? n : null
}

function positiveInt(v: string | null): number | null {
  const n = int(v)
  return n !== null && n > 0 ? n : null
}

function decimal(v: string | null): Decimal | null {
  if (v === null || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v.trim())) return null
  return new D(v.trim())
}

function datePart(v: string | null): string | null {
  if (v === null) return null
  const m = /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(v.trim())
  return m ? m[1]! : null
}

/**
 * The same rules for the native `.mpp` reader (mpp/index.ts), so both formats give the same schedule: custom
 * fields found by alias, minutes → days, percent clamping.
 */
export const sharedScheduleRules = {
  weightField: (d: MspdiCustomFieldRef[]) => findField(d, WEIGHT_ALIASES, WEIGHT_CONTAINS),
  progressField: (d: MspdiCustomFieldRef[]) => findField(d, PROGRESS_ALIASES, PROGRESS_CONTAINS),
  toDays,
  clampPercent,
  ELAPSED_FORMATS,
  PERCENT_FORMATS,
}
