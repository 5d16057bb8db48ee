/**
 * Native MS Project `.mpp` reader (MPP14: Project 2010 and later; MPP12: "save as 2007"; MPP9: 2000–2003)
 * → the same schedule model the MSPDI parser returns. Layout and rules in docs/mpp.md.
 */
import Decimal from 'decimal.js'
import {
  parseLocaleNumber,
  sharedScheduleRules as rules,
  type MspdiCustomFieldRef,
  type MspdiDependency,
  type MspdiLinkType,
  type MspdiSchedule,
  type MspdiTask,
} from '../mspdi-parser'
import {
  f64,
  fixedRecords,
  i32,
  inferItemSize,
  metaItems,
  mppDate,
  readCompObj,
  readFieldMap,
  readProps,
  readVarData,
  u16,
  u32,
  u8,
  utf16z,
  type FieldMap,
  type VarData,
} from './blocks'
import { isOle2, openContainer, type Container } from './container'
import { corrupt, MppError } from './errors'

export type MppLimits = {
  /** largest accepted file, bytes (default 50 MB, as for MSPDI) */
  maxBytes: number
  /** task rows, null rows and deleted rows included (default 50 000) */
  maxTasks: number
  maxLinks: number
  maxResources: number
  maxAssignments: number
}

export const DEFAULT_MPP_LIMITS: MppLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxTasks: 50_000,
  maxLinks: 200_000,
  maxResources: 50_000,
  maxAssignments: 200_000,
}

export type ParseMppOptions = Partial<MppLimits>

/** What the reader found about the file itself (kept for the version record and diagnostics). */
export type MppFileInfo = {
  /** 9, 12 or 14 */
  format: 9 | 12 | 14
  /** the writing application's major version (CompObj), e.g. 16 for Project 2016 and later */
  writer: number | null
  appName: string
}

export type MppSchedule = MspdiSchedule & { file: MppFileInfo }

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })

// property keys (docs/mpp.md, "Keys")
const KEY_PASSWORD_FLAG = 893386752
const KEY_ENCRYPTION_CODE = 893386759
const KEY_ENCRYPTION_BLOB = 893386756
const KEY_TASK_MAP = [131092, 50331668]
const KEY_RESOURCE_MAP = [131093, 50331669]
const KEY_ASSIGNMENT_MAP = [131095, 50331671]
const KEY_MINUTES_PER_DAY = 37748765
const KEY_MINUTES_PER_WEEK = 37748766
const KEY_DAYS_PER_MONTH = 37753743
const KEY_SUBPROJECTS = 37748898
const KEY_MPP9_TASK_ALIASES = 1048577
const KEY_CUSTOM_FIELDS = 71303169

// task field ids (low 16 bits; MSPDI FieldID = 0x0B400000 | id)
const F = {
  name: 14,
  wbs: 16,
  constraintType: 17,
  id: 23,
  duration: 29,
  percentComplete: 32,
  start: 35,
  finish: 36,
  lateStart: 39,
  lateFinish: 40,
  uid: 86,
  outlineLevel: 249,
  physicalPercentComplete: 1119,
  taskStart: 1283,
  taskFinish: 1284,
  manualDuration: 1288,
} as const
const TASK_FIELD_PREFIX = 0x0b400000

type CustomKind = 'text' | 'number' | 'date' | 'cost' | 'duration' | 'flag'
const range = (ids: number[], name: string, kind: CustomKind, from = 1) =>
  ids.map((id, i) => [id, { name: `${name}${i + from}`, kind }] as const)
const seq = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i)

/** Task custom fields (MSPDI FieldID = 0x0B400000 | id): id → name and value type */
const CUSTOM_FIELDS = new Map<number, { name: string; kind: CustomKind }>([
  ...range([51, 54, 57, 60, 63, 66, 67, 68, 69, 70], 'Text', 'text'),
  ...range(seq(317, 20), 'Text', 'text', 11),
  ...range(seq(87, 5), 'Number', 'number'),
  ...range(seq(302, 15), 'Number', 'number', 6),
  ...range([52, 55, 58, 61, 64, 282, 284, 286, 288, 290], 'Start', 'date'),
  ...range([53, 56, 59, 62, 65, 283, 285, 287, 289, 291], 'Finish', 'date'),
  ...range(seq(265, 10), 'Date', 'date'),
  ...range([106, 107, 108, ...seq(258, 7)], 'Cost', 'cost'),
  ...range([103, 104, 105, ...seq(275, 7)], 'Duration', 'duration'),
  ...range(seq(72, 10), 'Flag', 'flag'),
  ...range(seq(292, 10), 'Flag', 'flag', 11),
])
const TEXT_IDS = [51, 54, 57, 60, 63, 66, 67, 68, 69, 70]
/** MPP9 keeps task aliases as a list of strings; these positions name Text1–10 and Number1. */
const MPP9_ALIAS_POSITIONS = new Map<number, number>([
  ...TEXT_IDS.map((id, i) => [118 + i, id] as const),
  [149, 87],
])

const LINK_TYPES: Record<number, MspdiLinkType> = { 0: 'FF', 1: 'FS', 2: 'SF', 3: 'SS' }

/** Parses the bytes of a `.mpp`. Throws MppError (stable `code`, Spanish `message`, English `messageEn`). */
export function parseMpp(bytes: Buffer, options: ParseMppOptions = {}): MppSchedule {
  const limits = { ...DEFAULT_MPP_LIMITS, ...options }
  if (bytes.length === 0) throw new MppError('EMPTY')
  if (bytes.length > limits.maxBytes) throw new MppError('TOO_LARGE', { maxBytes: limits.maxBytes })
  if (!isOle2(bytes)) throw new MppError('NOT_OLE2')
  const c = openContainer(bytes)
  const info = identify(c)
  return readProject(c, info, limits)
}

function identify(c: Container): MppFileInfo {
  const comp = readCompObj(c.get('\u0001CompObj'))
  const paths = c.paths()
  if (!comp) {
    if (paths.some((p) => /^ {3}1\//.test(p) || p.includes('FixFix')))
      throw new MppError('UNSUPPORTED_VERSION')
    throw new MppError('NOT_MPP')
  }
  const m = /^MSProject\.(?:MPP|MPT|GLOBAL)(\d+)$/i.exec(comp.format.trim())
  if (!m) {
    if (/^MSProject/i.test(comp.format)) throw new MppError('UNSUPPORTED_VERSION', { format: comp.format })
    throw new MppError('NOT_MPP', { format: comp.format })
  }
  const n = Number(m[1])
  if (n !== 9 && n !== 12 && n !== 14) throw new MppError('UNSUPPORTED_VERSION', { format: comp.format })
  const w = /(\d+)\.\d+/.exec(comp.appName)
  return { format: n, writer: w ? Number(w[1]) : null, appName: comp.appName }
}

type Ctx = {
  c: Container
  info: MppFileInfo
  dir: string
  mpp9: boolean
  /** XOR mask of obfuscated streams, 0 when none */
  mask: number
  limits: MppLimits
}

function xor(b: Buffer | null, mask: number): Buffer | null {
  if (!b || mask === 0) return b
  const out = Buffer.allocUnsafe(b.length)
  for (let i = 0; i < b.length; i++) out[i] = b[i]! ^ mask
  return out
}

/** Which streams a password flag obfuscates (by XOR), per format. */
const OBFUSCATED: Record<9 | 12 | 14, Set<string>> = {
  9: new Set([
    'Props',
    'TBkndTask/FixedData',
    'TBkndRsc/FixedData',
    'TBkndAssn/FixedData',
    'TBkndCons/FixedData',
  ]),
  12: new Set([
    'Props',
    'TBkndTask/Props',
    'TBkndRsc/Props',
    'TBkndRsc/FixedData',
    'TBkndRsc/Fixed2Data',
    'TBkndAssn/FixedData',
    'TBkndAssn/Fixed2Data',
    'TBkndCons/FixedData',
  ]),
  14: new Set(),
}
OBFUSCATED[14] = OBFUSCATED[12]

function get(ctx: Ctx, path: string): Buffer | null {
  const b = ctx.c.get(`${ctx.dir}/${path}`)
  return OBFUSCATED[ctx.info.format].has(path) ? xor(b, ctx.mask) : b
}

function readProject(c: Container, info: MppFileInfo, limits: MppLimits): MppSchedule {
  const dir = `   1${info.format}`
  const root = readProps(c.get(`Props${info.format}`))
  const flag = u8(root.get(KEY_PASSWORD_FLAG) ?? null, 0) ?? 0
  const code = u8(root.get(KEY_ENCRYPTION_CODE) ?? null, 0) ?? 0
  if (info.format !== 9 && flag & 1) {
    // a read password on MPP12/14 means real encryption (MPP14: when the encryption data is present)
    if (info.format === 12 || root.has(KEY_ENCRYPTION_BLOB)) throw new MppError('ENCRYPTED')
  }
  const ctx: Ctx = {
    c,
    info,
    dir,
    mpp9: info.format === 9,
    mask: flag !== 0 && code !== 0 ? 0xff - code : 0,
    limits,
  }
  if (!c.has(`${dir}/Props`)) throw corrupt('no project data', { directory: dir.trim() })
  const props = readProps(get(ctx, 'Props'))
  checkSubprojects(props.get(KEY_SUBPROJECTS))

  const minutesPerDay = positive(u32(props.get(KEY_MINUTES_PER_DAY) ?? null, 0)) ?? 480
  const minutesPerWeek = positive(u32(props.get(KEY_MINUTES_PER_WEEK) ?? null, 0)) ?? minutesPerDay * 5
  const daysPerMonth = positive(u16(props.get(KEY_DAYS_PER_MONTH) ?? null, 0))

  const taskMap = readFieldMap(firstOf(props, KEY_TASK_MAP), ctx.mpp9)
  if (!taskMap) throw corrupt('no task field map')
  const warnings: string[] = []
  const raw = readTasks(ctx, taskMap)
  const definitions = readAliases(ctx, props)
  const resourceNames = readResourceNames(ctx, props)

  const summary = raw.tasks.find((t) => t.uid === 0)
  const visible = raw.tasks.filter((t) => t.uid !== 0 && t.level > 0)
  if (visible.length === 0) throw new MppError('NO_TASKS')
  if (raw.nullCount > 0) warnings.push(`Se omitieron ${raw.nullCount} filas vacías (tareas nulas).`)

  const fieldNames = new Map(definitions.map((d) => [d.fieldId, d.fieldName ?? d.fieldId]))
  const weightField = rules.weightField(definitions)
  const progressField = rules.progressField(definitions)
  const namesByTask = readAssignments(ctx, props, resourceNames)

  // tree: ID order, parent = nearest preceding task with a lower outline level (as the MSPDI parser does)
  const tasks: MspdiTask[] = []
  const stack: { level: number; task: MspdiTask }[] = []
  const counters: number[] = []
  const hasChildren = new Set<number>()
  for (const r of visible) {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= r.level) stack.pop()
    const parent = stack[stack.length - 1]?.task ?? null
    if (parent) hasChildren.add(parent.uid)
    counters.length = r.level
    counters[r.level - 1] = (counters[r.level - 1] ?? 0) + 1
    for (let i = 0; i < r.level - 1; i++) counters[i] ??= 1
    const outlineNumber = counters.join('.')
    const customFields: Record<string, string> = {}
    const byId = new Map<string, string>()
    for (const [fieldId, value] of r.custom) {
      const key =
        fieldNames.get(fieldId) ?? CUSTOM_FIELDS.get(Number(fieldId) - TASK_FIELD_PREFIX)?.name ?? fieldId
      customFields[key] = value
      byId.set(fieldId, value)
    }
    const weightValue = weightField ? parseLocaleNumber(byId.get(weightField.fieldId)) : null
    const progressValue = progressField ? parseLocaleNumber(byId.get(progressField.fieldId)) : null
    const percent = new D(r.percentComplete)
    const physical = new D(r.physicalPercentComplete)
    const progress = [progressValue, percent, physical].find((v) => v !== null && v.gt(0)) ?? new D(0)
    const minutes = r.durationTenths === null ? null : new D(r.durationTenths).div(10)
    const task: MspdiTask = {
      uid: r.uid,
      id: r.id,
      wbs: r.wbs ?? outlineNumber,
      outlineNumber,
      name: r.name ?? '',
      outlineLevel: r.level,
      summary: false,
      milestone: r.milestone,
      parentUid: parent?.uid ?? null,
      start: r.start?.slice(0, 10) ?? null,
      finish: r.finish?.slice(0, 10) ?? null,
      startDateTime: r.start,
      finishDateTime: r.finish,
      durationMinutes: minutes === null ? null : minutes.toString(),
      durationDays: minutes === null ? null : rules.toDays(minutes, minutesPerDay, false),
      percentComplete: percent.toString(),
      physicalPercentComplete: physical.toString(),
      weight: weightValue === null ? null : rules.clampPercent(weightValue),
      progress: rules.clampPercent(progress),
      resourceNames: namesByTask.get(r.uid) ?? [],
      customFields,
    }
    tasks.push(task)
    stack.push({ level: r.level, task })
  }
  for (const t of tasks) if (hasChildren.has(t.uid)) t.summary = true

  const dependencies = readLinks(ctx, new Set(tasks.map((t) => t.uid)), tasks, minutesPerDay, warnings)

  return {
    project: {
      name: summary?.name ?? null,
      title: summary?.name ?? null,
      minutesPerDay,
      minutesPerWeek,
      daysPerMonth,
      startDate: summary?.start?.slice(0, 10) ?? null,
      finishDate: summary?.finish?.slice(0, 10) ?? null,
      statusDate: null,
      saveVersion: info.format,
      weightField,
      progressField,
      customFields: definitions,
    },
    tasks,
    dependencies,
    warnings,
    file: info,
  }
}

function firstOf(props: Map<number, Buffer>, keys: number[]): Buffer | undefined {
  for (const k of keys) {
    const b = props.get(k)
    if (b) return b
  }
  return undefined
}

function positive(n: number | null): number | null {
  return n !== null && n > 0 ? n : null
}

/**
 * The subproject block lists inserted projects; MS Project keeps placeholder entries for removed ones, so
 * only an entry naming a project file refuses the import.
 */
function checkSubprojects(b: Buffer | undefined): void {
  if (!b || b.length < 16) return
  const text = b.toString('utf16le', 0, b.length - (b.length % 2))
  const shifted = b.length > 2 ? b.toString('utf16le', 1, b.length - ((b.length - 1) % 2)) : ''
  const path = /[^\0]*\.(mpp|mpt|mpd|mpx|xml)(?![a-z])/i
  if (path.test(text) || path.test(shifted)) throw new MppError('SUBPROJECTS')
}

// ---------------------------------------------------------------- tasks

type RawTask = {
  uid: number
  id: number
  level: number
  name: string | null
  wbs: string | null
  start: string | null
  finish: string | null
  durationTenths: number | null
  percentComplete: number
  physicalPercentComplete: number
  milestone: boolean
  custom: [string, string][]
}

type Located = { rec: Buffer | null; rec2: Buffer | null; meta: Buffer; meta2: Buffer | null; index: number }

function readTasks(ctx: Ctx, map: FieldMap): { tasks: RawTask[]; nullCount: number } {
  const items = metaItems(get(ctx, 'TBkndTask/FixedMeta'), 47)
  if (items.length > ctx.limits.maxTasks + 3)
    throw new MppError('TOO_MANY_RECORDS', { table: 'tasks', count: items.length, max: ctx.limits.maxTasks })
  const fixed = fixedRecords(get(ctx, 'TBkndTask/FixedData'), items, map.maxSize[0])
  let items2: Buffer[] = []
  let fixed2: (Buffer | null)[] = []
  if (!ctx.mpp9) {
    const meta2 = get(ctx, 'TBkndTask/Fixed2Meta')
    const size = inferItemSize(
      meta2,
      ctx.info.format === 14 ? [92, 93, 94, 96, 95, 97, 98] : [86, 87, 88],
      items.length,
    )
    if (size) {
      items2 = metaItems(meta2, size)
      // the ordering key sits at +16..24 even when the map reads less of the record
      fixed2 = fixedRecords(get(ctx, 'TBkndTask/Fixed2Data'), items2, Math.max(map.maxSize[1], 24))
    }
  }
  const varData = readVarData(get(ctx, 'TBkndTask/VarMeta'), get(ctx, 'TBkndTask/Var2Data'), ctx.mpp9)
  const v = fieldReader(map, varData, ctx.mpp9)

  // last copy wins (walk backwards); the first three items are not tasks
  const located = new Map<number, Located>()
  const nulls: { uid: number; id: number }[] = []
  const deleted = new Set<number>()
  const minSize = map.maxSize[0] * 0.75
  for (let i = items.length - 1; i >= 3; i--) {
    const meta = items[i]!
    const rec = fixed[i] ?? null
    if (!rec) continue
    const flags = meta[0]!
    const uid = v.int(rec, null, F.uid)
    if (uid === null) continue
    if (flags & 0x02) {
      deleted.add(uid)
      continue
    }
    if (rec.length <= 16) {
      nulls.push({ uid, id: v.int(rec, null, F.id) ?? 0 })
      continue
    }
    if (rec.length <= minSize) continue
    const known = located.get(uid)
    if (known && !(varData.has(uid) && !(flags & 0x04))) continue
    located.set(uid, { rec, rec2: fixed2[i] ?? null, meta, meta2: items2[i] ?? null, index: i })
  }

  const tasks: (RawTask & { order: bigint | null })[] = []
  for (const [uid, l] of located) {
    const t = decodeTask(ctx, v, uid, l)
    if (t.uid !== 0 && !t.name && (t.start === null || t.finish === null)) {
      nulls.push({ uid, id: t.id })
      continue
    }
    tasks.push(t)
  }
  const nullCount = nulls.filter((n) => !deleted.has(n.uid)).length

  if (ctx.mpp9 || tasks.some((t) => t.order === null)) {
    tasks.sort((a, b) => a.id - b.id || a.uid - b.uid)
  } else {
    // stored IDs are stale after deletions: order by the ordering key, slot blank rows in by their stored ID
    tasks.sort((a, b) => (a.order! < b.order! ? -1 : a.order! > b.order! ? 1 : a.uid - b.uid))
    const rows: ({ uid: number } | null)[] = [...tasks]
    const blanks = nulls.filter((n) => !deleted.has(n.uid)).sort((a, b) => a.id - b.id)
    const base = tasks[0]?.uid === 0 ? 0 : 1
    for (const n of blanks) rows.splice(Math.max(0, Math.min(n.id - base, rows.length)), 0, null)
    const idOf = new Map<number, number>()
    rows.forEach((r, i) => r && idOf.set(r.uid, i + base))
    for (const t of tasks) t.id = idOf.get(t.uid) ?? t.id
  }
  return { tasks, nullCount }
}

type FieldReader = {
  int(rec: Buffer | null, rec2: Buffer | null, id: number): number | null
  date(rec: Buffer | null, rec2: Buffer | null, id: number): string | null
  str(uid: number, id: number): string | null
  bytes(uid: number, id: number): Buffer | null
  /** the custom fields (in CUSTOM_FIELDS order, flags left out) that `uid` has a value stored for */
  customFieldsOf(uid: number): [id: number, kind: CustomKind][]
}

function fieldReader(map: FieldMap, varData: VarData, mpp9: boolean): FieldReader {
  const locate = (rec: Buffer | null, rec2: Buffer | null, id: number) => {
    const e = map.get(id)
    if (!e || e.offset === null) return null
    return { b: e.block === 0 ? rec : rec2, at: e.offset, category: e.category }
  }
  const varKey = (id: number) => map.get(id)?.varKey ?? (mpp9 ? null : id)
  // resolved once per table: a task is checked against the keys it has, not ~120 lookups each
  const custom: [id: number, kind: CustomKind, key: number][] = []
  for (const [id, field] of CUSTOM_FIELDS) {
    const key = varKey(id)
    if (field.kind !== 'flag' && key !== null) custom.push([id, field.kind, key])
  }
  return {
    customFieldsOf(uid) {
      const present = varData.keys(uid)
      if (!present) return []
      const found: [number, CustomKind][] = []
      for (const [id, kind, key] of custom) if (present.has(key)) found.push([id, kind])
      return found
    },
    int(rec, rec2, id) {
      const l = locate(rec, rec2, id)
      if (!l) return null
      return l.category === 0x02 ? u16(l.b, l.at) : i32(l.b, l.at)
    },
    date(rec, rec2, id) {
      const l = locate(rec, rec2, id)
      return l ? mppDate(l.b, l.at) : null
    },
    bytes(uid, id) {
      const k = varKey(id)
      return k === null ? null : varData.bytes(uid, k)
    },
    str(uid, id) {
      const k = varKey(id)
      return k === null ? null : utf16z(varData.bytes(uid, k))
    },
  }
}

function decodeTask(ctx: Ctx, v: FieldReader, uid: number, l: Located): RawTask & { order: bigint | null } {
  const { rec, rec2 } = l
  let start = v.date(rec, rec2, F.start)
  let finish = v.date(rec, rec2, F.finish)
  let duration = v.int(rec, rec2, F.duration)
  if (ctx.info.format === 14) {
    const manualBit = (ctx.info.writer ?? 14) <= 14 ? 0x08 : 0x80
    const manual = l.meta2 !== null && ((u8(l.meta2, 8) ?? 0) & manualBit) !== 0
    const taskStart = v.date(rec, rec2, F.taskStart)
    const taskFinish = v.date(rec, rec2, F.taskFinish)
    if (manual) {
      start = taskStart
      finish = taskFinish
      duration = v.int(rec, rec2, F.manualDuration) ?? duration
    } else {
      start ??= taskStart
      finish ??= taskFinish
    }
  }
  if (v.int(rec, rec2, F.constraintType) === 1) {
    // as late as possible: the late dates are the scheduled ones when later
    const ls = v.date(rec, rec2, F.lateStart)
    const lf = v.date(rec, rec2, F.lateFinish)
    if (ls && start && ls > start) start = ls
    if (lf && finish && lf > finish) finish = lf
  }
  const custom: [string, string][] = []
  for (const [id, kind] of v.customFieldsOf(uid)) {
    const value = customValue(v, uid, id, kind)
    if (value !== null) custom.push([String(TASK_FIELD_PREFIX + id), value])
  }
  const physical = u16(v.bytes(uid, F.physicalPercentComplete), 0) ?? 0
  const order = !ctx.mpp9 && rec2 && rec2.length >= 24 ? rec2.readBigInt64LE(16) : null
  return {
    uid,
    id: v.int(rec, rec2, F.id) ?? 0,
    level: v.int(rec, rec2, F.outlineLevel) ?? (uid === 0 ? 0 : 1),
    name: v.str(uid, F.name),
    wbs: v.str(uid, F.wbs) || null,
    start,
    finish,
    durationTenths: duration === null || duration === -1 ? null : duration,
    percentComplete: Math.min(v.int(rec, rec2, F.percentComplete) ?? 0, 100),
    physicalPercentComplete: Math.min(physical, 100),
    milestone: false,
    custom,
    order,
  }
}

/** A custom field's value as MSPDI writes it, or null when empty (MSPDI leaves empty values out). */
function customValue(v: FieldReader, uid: number, id: number, kind: CustomKind): string | null {
  // flag bits live in the meta items at positions that move between writer builds: not read
  if (kind === 'flag') return null
  const b = v.bytes(uid, id)
  if (!b || b.length === 0) return null
  switch (kind) {
    case 'text':
      return utf16z(b) || null
    case 'number': {
      const n = f64(b, 0)
      return n !== null && Number.isFinite(n) && n !== 0 ? new D(n).toString() : null
    }
    case 'cost': {
      // hundredths of the currency unit, as MSPDI writes custom costs too
      const n = f64(b, 0)
      return n !== null && Number.isFinite(n) && n !== 0 ? new D(n).toString() : null
    }
    case 'date':
      return mppDate(b, 0)
    case 'duration': {
      const tenths = i32(b, 0)
      return tenths !== null && tenths > 0 ? isoDuration(tenths) : null
    }
  }
}

/** tenths of a minute → `PT8H0M0S`, the way MSPDI writes durations */
function isoDuration(tenths: number): string {
  const seconds = tenths * 6
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  return `PT${h}H${m}M${seconds % 60}S`
}

// ---------------------------------------------------------------- custom field aliases

function readAliases(ctx: Ctx, props: Map<number, Buffer>): MspdiCustomFieldRef[] {
  const found = new Map<number, string>()
  if (ctx.mpp9) {
    const b = props.get(KEY_MPP9_TASK_ALIASES)
    if (b) {
      let at = 0
      for (let i = 0; at + 1 < b.length && i < 1000; i++) {
        const s = utf16z(b, at) ?? ''
        const id = MPP9_ALIAS_POSITIONS.get(i)
        if (id !== undefined && s.trim()) found.set(id, s)
        at += s.length * 2 + 2
      }
    }
  } else {
    const b = readProps(get(ctx, 'TBkndTask/Props')).get(KEY_CUSTOM_FIELDS)
    const count = u32(b ?? null, 8) ?? 0
    for (let i = 0; b && i < count && 12 + i * 8 + 8 <= b.length; i++) {
      const fullId = b.readUInt32LE(12 + i * 8)
      const offset = b.readUInt32LE(16 + i * 8)
      const id = fullId - TASK_FIELD_PREFIX
      if (!CUSTOM_FIELDS.has(id) || offset + 4 >= b.length) continue
      const s = utf16z(b, offset + 4)
      if (s?.trim()) found.set(id, s)
    }
  }
  return [...CUSTOM_FIELDS.keys()]
    .filter((id) => found.has(id))
    .map((id) => ({
      fieldId: String(TASK_FIELD_PREFIX + id),
      fieldName: CUSTOM_FIELDS.get(id)!.name,
      alias: found.get(id)!,
    }))
}

// ---------------------------------------------------------------- resources and assignments

function readResourceNames(ctx: Ctx, props: Map<number, Buffer>): Map<number, string> {
  const names = new Map<number, string>()
  const map = readFieldMap(firstOf(props, KEY_RESOURCE_MAP), ctx.mpp9)
  if (!map) return names
  const items = metaItems(get(ctx, 'TBkndRsc/FixedMeta'), 37)
  if (items.length > ctx.limits.maxResources)
    throw new MppError('TOO_MANY_RECORDS', {
      table: 'resources',
      count: items.length,
      max: ctx.limits.maxResources,
    })
  const fixed = fixedRecords(get(ctx, 'TBkndRsc/FixedData'), items, map.maxSize[0])
  const varData = readVarData(get(ctx, 'TBkndRsc/VarMeta'), get(ctx, 'TBkndRsc/Var2Data'), ctx.mpp9)
  const v = fieldReader(map, varData, ctx.mpp9)
  const uidAt = map.get(27)?.offset
  if (uidAt === undefined || uidAt === null) return names
  for (const rec of fixed) {
    const uid = u16(rec, uidAt)
    if (uid === null || names.has(uid)) continue
    const name = v.str(uid, 1)?.trim()
    if (name) names.set(uid, name)
  }
  return names
}

function readAssignments(
  ctx: Ctx,
  props: Map<number, Buffer>,
  resourceNames: Map<number, string>,
): Map<number, string[]> {
  const byTask = new Map<number, string[]>()
  const map = readFieldMap(firstOf(props, KEY_ASSIGNMENT_MAP), ctx.mpp9)
  if (!map) return byTask
  const items = metaItems(get(ctx, 'TBkndAssn/FixedMeta'), 34)
  if (items.length > ctx.limits.maxAssignments)
    throw new MppError('TOO_MANY_RECORDS', {
      table: 'assignments',
      count: items.length,
      max: ctx.limits.maxAssignments,
    })
  const fixed = fixedRecords(get(ctx, 'TBkndAssn/FixedData'), items, map.maxSize[0])
  const varData = readVarData(get(ctx, 'TBkndAssn/VarMeta'), get(ctx, 'TBkndAssn/Var2Data'), ctx.mpp9)
  const at = (id: number) => map.get(id)?.offset ?? null
  const [uidAt, taskAt, rscAt] = [at(0), at(1), at(2)]
  if (uidAt === null || taskAt === null || rscAt === null) return byTask
  const rows: { uid: number; task: number; resource: number }[] = []
  const seen = new Set<number>()
  items.forEach((meta, i) => {
    if (meta[0] !== 0) return
    const rec = fixed[i] ?? null
    const uid = u32(rec, uidAt)
    const task = u32(rec, taskAt)
    const resource = i32(rec, rscAt)
    if (uid === null || task === null || resource === null || seen.has(uid) || !varData.has(uid)) return
    seen.add(uid)
    rows.push({ uid, task, resource })
  })
  rows.sort((a, b) => a.uid - b.uid)
  for (const r of rows) {
    const name = resourceNames.get(r.resource)
    if (!name) continue
    const list = byTask.get(r.task) ?? []
    if (!list.includes(name)) list.push(name)
    byTask.set(r.task, list)
  }
  return byTask
}

// ---------------------------------------------------------------- links

function readLinks(
  ctx: Ctx,
  uids: Set<number>,
  tasks: MspdiTask[],
  minutesPerDay: number,
  warnings: string[],
): MspdiDependency[] {
  const items = metaItems(get(ctx, 'TBkndCons/FixedMeta'), 10)
  if (items.length > ctx.limits.maxLinks)
    throw new MppError('TOO_MANY_RECORDS', { table: 'links', count: items.length, max: ctx.limits.maxLinks })
  const fixed = fixedRecords(get(ctx, 'TBkndCons/FixedData'), items, 20)
  // MPP14 written by Project 2013 or later moved the lag: lag at +14, units at +18; older: units +14, lag +16
  const newLayout = ctx.info.format === 14 && (ctx.info.writer ?? 14) >= 15
  const bySuccessor = new Map<number, MspdiDependency[]>()
  const seen = new Set<number>()
  let dropped = 0
  items.forEach((meta, i) => {
    const rec = fixed[i] ?? null
    if (!rec || rec.length < 20 || u16(meta, 0) !== 0) return
    const uid = rec.readUInt32LE(0)
    if (seen.has(uid)) return
    seen.add(uid)
    const pred = rec.readUInt32LE(4)
    const succ = rec.readUInt32LE(8)
    if (pred === succ || pred === 0 || succ === 0) return
    if (!uids.has(pred) || !uids.has(succ)) {
      dropped++
      return
    }
    const type = LINK_TYPES[rec.readUInt16LE(12)] ?? 'FS'
    const lag = newLayout ? rec.readInt32LE(14) : rec.readInt32LE(16)
    const lagFormat = newLayout ? rec.readUInt16LE(18) : rec.readUInt16LE(14)
    const list = bySuccessor.get(succ) ?? []
    list.push(toDependency(pred, succ, type, lag, lagFormat, minutesPerDay))
    bySuccessor.set(succ, list)
  })
  if (dropped > 0)
    warnings.push(
      `Se omitieron ${dropped} vínculos hacia tareas que no están en el archivo, nulas o de otro proyecto.`,
    )
  return tasks.flatMap((t) => bySuccessor.get(t.uid) ?? [])
}

function toDependency(
  predecessorUid: number,
  successorUid: number,
  type: MspdiLinkType,
  lagTenths: number,
  lagFormat: number,
  minutesPerDay: number,
): MspdiDependency {
  const isPercent = rules.PERCENT_FORMATS.has(lagFormat)
  const elapsed = rules.ELAPSED_FORMATS.has(lagFormat)
  if (isPercent) {
    return {
      predecessorUid,
      successorUid,
      type,
      lagDays: null,
      lagMinutes: null,
      lagElapsed: elapsed,
      lagPercent: String(lagTenths),
      lagFormat,
    }
  }
  const minutes = new D(lagTenths).div(10)
  return {
    predecessorUid,
    successorUid,
    type,
    lagDays: rules.toDays(minutes, elapsed ? 1440 : minutesPerDay, true),
    lagMinutes: minutes.toString(),
    lagElapsed: elapsed,
    lagPercent: null,
    lagFormat,
  }
}
