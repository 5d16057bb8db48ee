/**
 * Test helper (not exported from index.ts): writes small `.mpp` compound files with `cfb`, in the layouts the
 * reader expects (docs/mpp.md), so the unit and integration tests run without real MS Project files.
 */
import CFB from 'cfb'

export type TestTask = {
  uid: number
  id: number
  name?: string
  level: number
  /** local date-times, `2024-01-08T08:00:00` */
  start?: string
  finish?: string
  /** tenths of a minute */
  duration?: number
  percent?: number
  wbs?: string
  text1?: string
  number1?: number
  /** a 16-byte blank row */
  blank?: boolean
  deleted?: boolean
  /** ordering key (MPP12/14); defaults to id × 1000 */
  order?: number
}

export type TestMpp = {
  format?: 9 | 12 | 14
  appName?: string
  tasks: TestTask[]
  links?: { pred: number; succ: number; type?: number; lag?: number; lagFormat?: number }[]
  resources?: { uid: number; name: string }[]
  assignments?: { uid: number; task: number; resource: number }[]
  aliases?: { text1?: string; number1?: string }
  minutesPerDay?: number
  passwordFlag?: number
  encryptionBlob?: boolean
  subprojectPath?: string
  /** replace or add streams (path under the project directory, e.g. `TBkndTask/FixedMeta`) */
  streams?: Record<string, Buffer>
  /** CompObj format string override */
  formatString?: string
}

const le32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeInt32LE(n)
  return b
}

export function props(entries: [key: number, data: Buffer][]): Buffer {
  const head = Buffer.alloc(16)
  head.writeUInt16LE(entries.length, 12)
  const parts = [head]
  for (const [key, data] of entries) {
    const h = Buffer.alloc(12)
    h.writeUInt32LE(data.length, 0)
    h.writeUInt32LE(key, 4)
    parts.push(h, data)
    if (data.length % 2) parts.push(Buffer.alloc(1))
  }
  return Buffer.concat(parts)
}

export function compObj(appName: string, format: string): Buffer {
  const str = (s: string) => Buffer.concat([le32(s.length + 1), Buffer.from(`${s}\0`, 'latin1')])
  return Buffer.concat([Buffer.alloc(28), str(appName), str(format), str('MSProject.Project.9')])
}

/** field map entry: [field id (low word), fixed offset or null, category, MPP9 var key] */
type MapEntry = [id: number, offset: number | null, category: number, varKey?: number]

export function fieldMap(prefix: number, entries: MapEntry[]): Buffer {
  const b = Buffer.alloc(entries.length * 28)
  entries.forEach(([id, offset, category, varKey], i) => {
    const o = i * 28
    b.writeUInt16LE(offset ?? 0xffff, o + 4)
    b[o + 6] = varKey ?? 0
    b.writeUInt32LE((prefix | id) >>> 0, o + 12)
    b.writeUInt16LE(category, o + 20)
  })
  return b
}

function meta(items: Buffer[]): Buffer {
  const head = Buffer.alloc(16)
  head.writeUInt32LE(0xfadfadba, 0)
  head.writeUInt32LE(items.length, 8)
  return Buffer.concat([head, ...items])
}

function metaItem(size: number, offset: number, flags = 0): Buffer {
  const b = Buffer.alloc(size)
  b[0] = flags
  b.writeUInt32LE(offset, 4)
  return b
}

/** var meta + Var2Data from (uid, key, bytes) values */
function varBlocks(values: [uid: number, key: number, data: Buffer][], mpp9: boolean): [Buffer, Buffer] {
  const size = mpp9 ? 8 : 12
  const head = Buffer.alloc(24)
  head.writeUInt32LE(values.length, 8)
  const entries: Buffer[] = []
  const data: Buffer[] = []
  let offset = 0
  for (const [uid, key, bytes] of values) {
    const e = Buffer.alloc(size)
    if (mpp9) {
      e.writeUIntLE(uid, 0, 3)
      e[3] = key
      e.writeUInt32LE(offset, 4)
    } else {
      e.writeUInt32LE(uid, 0)
      e.writeUInt32LE(offset, 4)
      e.writeUInt16LE(key, 8)
    }
    entries.push(e)
    data.push(le32(bytes.length), bytes)
    offset += 4 + bytes.length
  }
  return [Buffer.concat([head, ...entries]), Buffer.concat(data)]
}

const utf16 = (s: string) => Buffer.from(`${s}\0`, 'utf16le')
const double = (n: number) => {
  const b = Buffer.alloc(8)
  b.writeDoubleLE(n)
  return b
}

/** `2024-01-08T08:00:00` → the 4-byte date-time of the format (6-second units, days since 1983-12-31) */
export function mppDateBytes(iso: string): Buffer {
  const ms = Date.parse(`${iso}Z`)
  const days = Math.floor(ms / 86_400_000) - Date.UTC(1983, 11, 31) / 86_400_000
  const time = Math.round((ms % 86_400_000) / 6000)
  const b = Buffer.alloc(4)
  b.writeUInt16LE(time, 0)
  b.writeUInt16LE(days, 2)
  return b
}

// task var keys: MPP12/14 use the field id; MPP9 the field map's byte
const V9: Record<number, number> = { 14: 1, 16: 2, 51: 3, 87: 4 }

/** Builds the bytes of a small `.mpp`. */
export function buildMpp(spec: TestMpp): Buffer {
  const format = spec.format ?? 14
  const mpp9 = format === 9
  const dir = `   1${format}`
  const appName = spec.appName ?? (format === 14 ? 'Microsoft.Project 16.0' : 'Microsoft Project 12.0')
  const vk = (id: number) => (mpp9 ? V9[id]! : id)

  // task field map: block 0 (FixedData) then block 1 (Fixed2Data, MPP12/14)
  const taskMap = fieldMap(0x0b400000, [
    [23, 0, 0x03],
    [86, 4, 0x03],
    [29, 8, 0x03],
    [32, 12, 0x02],
    [35, 14, 0x13],
    [36, 18, 0x13],
    [249, 22, 0x02],
    [17, 24, 0x02],
    ...(mpp9
      ? []
      : ([
          [1283, 0, 0x13],
          [1284, 4, 0x13],
          [1288, 8, 0x03],
          [1, 24, 0x03],
        ] as MapEntry[])),
    [14, null, 0x08, vk(14)],
    [16, null, 0x08, vk(16)],
    [51, null, 0x08, vk(51)],
    [87, null, 0x05, vk(87)],
  ])

  const tasks = [
    { uid: 0, id: 0, name: spec.tasks.length ? 'Proyecto' : '', level: 0 } as TestTask,
    ...spec.tasks,
  ]
  const fixed: Buffer[] = []
  const fixed2: Buffer[] = []
  const metaRows: Buffer[] = [metaItem(47, 0, 4), metaItem(47, 0, 4), metaItem(47, 0, 4)]
  const meta2Rows: Buffer[] = [0, 1, 2].map(() => metaItem(format === 14 ? 93 : 86, 0))
  const values: [number, number, Buffer][] = []
  let offset = 0
  let offset2 = 0
  for (const t of tasks) {
    let rec: Buffer
    if (t.blank) {
      rec = Buffer.alloc(16)
      rec.writeUInt32LE(t.id, 0)
      rec.writeUInt32LE(t.uid, 4)
    } else {
      rec = Buffer.alloc(26)
      rec.writeUInt32LE(t.id, 0)
      rec.writeUInt32LE(t.uid, 4)
      rec.writeInt32LE(t.duration ?? 4800, 8)
      rec.writeUInt16LE(t.percent ?? 0, 12)
      mppDateBytes(t.start ?? '2024-01-08T08:00:00').copy(rec, 14)
      mppDateBytes(t.finish ?? '2024-01-08T17:00:00').copy(rec, 18)
      rec.writeUInt16LE(t.level, 22)
      if (t.name) values.push([t.uid, vk(14), utf16(t.name)])
      if (t.wbs) values.push([t.uid, vk(16), utf16(t.wbs)])
      if (t.text1) values.push([t.uid, vk(51), utf16(t.text1)])
      if (t.number1 !== undefined) values.push([t.uid, vk(87), double(t.number1)])
    }
    metaRows.push(metaItem(47, offset, t.deleted ? 0x02 : 0))
    fixed.push(rec)
    offset += rec.length
    const rec2 = Buffer.alloc(28)
    rec2.writeBigInt64LE(BigInt(t.order ?? t.id * 1000), 16)
    meta2Rows.push(metaItem(format === 14 ? 93 : 86, offset2))
    fixed2.push(rec2)
    offset2 += rec2.length
  }
  const [taskVarMeta, taskVar2] = varBlocks(values, mpp9)

  const files: Record<string, Buffer> = {
    'TBkndTask/FixedMeta': meta(metaRows),
    'TBkndTask/FixedData': Buffer.concat(fixed),
    'TBkndTask/VarMeta': taskVarMeta,
    'TBkndTask/Var2Data': taskVar2,
  }
  if (!mpp9) {
    files['TBkndTask/Fixed2Meta'] = meta(meta2Rows)
    files['TBkndTask/Fixed2Data'] = Buffer.concat(fixed2)
  }
  if (spec.aliases && !mpp9) {
    // alias block: size, size, count, (field id, offset) pairs, then the strings (length-prefixed)
    const pairs = Object.entries(spec.aliases).map(([k, alias]) => [k === 'text1' ? 51 : 87, alias] as const)
    const headSize = 12 + pairs.length * 8
    let at = headSize
    const head = Buffer.alloc(headSize)
    const strings: Buffer[] = []
    pairs.forEach(([id, alias], i) => {
      head.writeUInt32LE(0x0b400000 + id, 12 + i * 8)
      head.writeUInt32LE(at, 16 + i * 8)
      const s = Buffer.concat([le32(alias.length * 2 + 2), utf16(alias)])
      strings.push(s)
      at += s.length
    })
    head.writeUInt32LE(at, 0)
    head.writeUInt32LE(at, 4)
    head.writeUInt32LE(pairs.length, 8)
    files['TBkndTask/Props'] = props([[71303169, Buffer.concat([head, ...strings])]])
  }

  // links: 10-byte meta items, 20-byte records
  const links = spec.links ?? []
  const newLayout = format === 14 && !/ 14\./.test(appName)
  files['TBkndCons/FixedMeta'] = meta(links.map((_, i) => metaItem(10, i * 20)))
  files['TBkndCons/FixedData'] = Buffer.concat(
    links.map((l, i) => {
      const r = Buffer.alloc(20)
      r.writeUInt32LE(i + 1, 0)
      r.writeUInt32LE(l.pred, 4)
      r.writeUInt32LE(l.succ, 8)
      r.writeUInt16LE(l.type ?? 1, 12)
      if (newLayout) {
        r.writeInt32LE(l.lag ?? 0, 14)
        r.writeUInt16LE(l.lagFormat ?? 7, 18)
      } else {
        r.writeUInt16LE(l.lagFormat ?? 7, 14)
        r.writeInt32LE(l.lag ?? 0, 16)
      }
      return r
    }),
  )

  // resources and assignments
  const resources = spec.resources ?? []
  files['TBkndRsc/FixedMeta'] = meta(resources.map((_, i) => metaItem(37, i * 4)))
  files['TBkndRsc/FixedData'] = Buffer.concat(
    resources.map((r) => {
      const b = Buffer.alloc(4)
      b.writeUInt16LE(r.uid, 0)
      return b
    }),
  )
  ;[files['TBkndRsc/VarMeta'], files['TBkndRsc/Var2Data']] = varBlocks(
    resources.map((r) => [r.uid, 1, utf16(r.name)]),
    mpp9,
  )
  const assignments = spec.assignments ?? []
  files['TBkndAssn/FixedMeta'] = meta(assignments.map((_, i) => metaItem(34, i * 12)))
  files['TBkndAssn/FixedData'] = Buffer.concat(
    assignments.map((a) => Buffer.concat([le32(a.uid), le32(a.task), le32(a.resource)])),
  )
  ;[files['TBkndAssn/VarMeta'], files['TBkndAssn/Var2Data']] = varBlocks(
    assignments.map((a) => [a.uid, 9, Buffer.alloc(2)]),
    mpp9,
  )

  const projectProps: [number, Buffer][] = [
    [131092, taskMap],
    [
      131093,
      fieldMap(0x0c400000, [
        [27, 0, 0x02],
        [1, null, 0x08, 1],
      ]),
    ],
    [
      131095,
      fieldMap(0x0f400000, [
        [0, 0, 0x03],
        [1, 4, 0x03],
        [2, 8, 0x03],
      ]),
    ],
    [37748765, le32(spec.minutesPerDay ?? 480)],
    [37748766, le32((spec.minutesPerDay ?? 480) * 5)],
  ]
  if (spec.subprojectPath !== undefined) {
    const block = Buffer.concat([Buffer.alloc(16), utf16(spec.subprojectPath)])
    projectProps.push([37748898, block])
  }
  if (mpp9 && spec.aliases?.text1) {
    const list = Array.from({ length: 119 }, (_, i) => (i === 118 ? spec.aliases!.text1! : ''))
    projectProps.push([1048577, Buffer.concat(list.map(utf16))])
  }
  files.Props = props(projectProps)
  Object.assign(files, spec.streams ?? {})

  const rootProps: [number, Buffer][] = [[37748751, Buffer.alloc(2)]]
  if (spec.passwordFlag !== undefined) rootProps.push([893386752, Buffer.from([spec.passwordFlag])])
  if (spec.encryptionBlob) rootProps.push([893386756, Buffer.alloc(32, 7)])

  const cfb = CFB.utils.cfb_new()
  CFB.utils.cfb_add(cfb, '/\u0001CompObj', compObj(appName, spec.formatString ?? `MSProject.MPP${format}`))
  CFB.utils.cfb_add(cfb, `/Props${format}`, props(rootProps))
  for (const [path, data] of Object.entries(files)) CFB.utils.cfb_add(cfb, `/${dir}/${path}`, data)
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array)
}
