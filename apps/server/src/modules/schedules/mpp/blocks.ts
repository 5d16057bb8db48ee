/**
 * The building blocks every table of a `.mpp` is made of (docs/mpp.md): property blocks, field maps, fixed
 * meta/data blocks and variable data. Every read is bounds-checked: a value outside its stream reads as
 * absent, never as an exception or a huge allocation.
 */

/** A property block: 16-byte header (entry count at 12), then entries `size, key, unused, bytes[size]` padded to even. */
export function readProps(b: Buffer | null): Map<number, Buffer> {
  const map = new Map<number, Buffer>()
  if (!b || b.length < 16) return map
  const count = b.readUInt16LE(12)
  let o = 16
  for (let i = 0; i < count && o + 12 <= b.length; i++) {
    const size = b.readUInt32LE(o)
    const key = b.readUInt32LE(o + 4)
    if (size > b.length - o - 12) break
    map.set(key, b.subarray(o + 12, o + 12 + size))
    o += 12 + size + (size % 2)
  }
  return map
}

/** `\x01CompObj`: 28 bytes, then three length-prefixed ANSI strings (application name, format, class). */
export function readCompObj(b: Buffer | null): { appName: string; format: string } | null {
  if (!b || b.length < 32) return null
  let o = 28
  const strings: string[] = []
  for (let i = 0; i < 3 && o + 4 <= b.length; i++) {
    const n = b.readUInt32LE(o)
    o += 4
    if (n > b.length - o || n > 1024) break
    strings.push(b.toString('latin1', o, o + n).replace(/\0.*$/s, ''))
    o += n
  }
  if (strings.length < 2) return null
  return { appName: strings[0]!, format: strings[1]! }
}

// ---------------------------------------------------------------- field maps

export type FieldEntry = {
  /** low 16 bits of the field id (the MSPDI FieldID without its table prefix) */
  id: number
  fullId: number
  /** byte offset in the fixed record, null when the value is not in fixed data */
  offset: number | null
  /** 0 = FixedData, 1 = Fixed2Data */
  block: number
  /** key of the value in var data */
  varKey: number
  category: number
}

export type FieldMap = {
  get(id: number): FieldEntry | undefined
  /** largest byte read from each fixed block, by the map */
  maxSize: [number, number]
}

const CATEGORY_SIZE: Record<number, number> = {
  0x02: 2,
  0x03: 4,
  0x05: 8,
  0x13: 4,
  0x1d: 4,
  0x48: 16,
  0x65: 8,
  0x66: 2,
}

/**
 * A field map: 28-byte entries (offset at +4, MPP9 var key at +6, field id at +12, category at +20). Entries
 * come block by block: a fixed offset lower than the previous one starts the next block.
 */
export function readFieldMap(b: Buffer | undefined, mpp9: boolean): FieldMap | null {
  if (!b || b.length < 28) return null
  const byId = new Map<number, FieldEntry>()
  const maxSize: [number, number] = [0, 0]
  let block = 0
  let previous = -1
  for (let o = 0; o + 28 <= b.length; o += 28) {
    const fullId = b.readUInt32LE(o + 12)
    const raw = b.readUInt16LE(o + 4)
    const category = b.readUInt16LE(o + 20)
    let offset: number | null = null
    if (raw !== 0xffff) {
      if (raw < previous) block = Math.min(block + 1, 1)
      previous = raw
      offset = raw
      const end = raw + (CATEGORY_SIZE[category] ?? 0)
      if (end > maxSize[block]!) maxSize[block] = end
    }
    const id = fullId & 0xffff
    const entry: FieldEntry = {
      id,
      fullId,
      offset,
      block: offset === null ? 0 : block,
      varKey: mpp9 ? b[o + 6]! : id,
      category,
    }
    if (!byId.has(id)) byId.set(id, entry)
  }
  return { get: (id) => byId.get(id), maxSize }
}

// ---------------------------------------------------------------- fixed meta / fixed data

/** The items of a fixed meta block (16-byte header, then items of `itemSize` bytes), at most `limit`. */
export function metaItems(b: Buffer | null, itemSize: number): Buffer[] {
  if (!b || b.length < 16 || itemSize <= 0) return []
  const count = Math.floor((b.length - 16) / itemSize)
  const items: Buffer[] = new Array<Buffer>(count)
  for (let i = 0; i < count; i++) items[i] = b.subarray(16 + i * itemSize, 16 + (i + 1) * itemSize)
  return items
}

/** Item size of a meta block from candidates: the one that divides the stream into `expected` items, else any divisor. */
export function inferItemSize(b: Buffer | null, candidates: number[], expected: number): number | null {
  if (!b || b.length < 16) return null
  const body = b.length - 16
  const fits = candidates.filter((c) => body % c === 0)
  return fits.find((c) => body / c === expected) ?? fits[0] ?? null
}

/**
 * Records of a fixed data block: record i starts at its meta item's offset (+4) and runs to the next higher
 * offset of any item (or the end of the stream), clamped to `maxSize` when given.
 */
export function fixedRecords(data: Buffer | null, items: Buffer[], maxSize?: number): (Buffer | null)[] {
  if (!data) return items.map(() => null)
  const offsets = items.map((it) => (it.length >= 8 ? it.readUInt32LE(4) : -1))
  const sorted = [...new Set(offsets.filter((o) => o >= 0 && o < data.length))].sort((a, b) => a - b)
  return offsets.map((start) => {
    if (start < 0 || start >= data.length) return null
    // binary search for the next higher offset
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]! <= start) lo = mid + 1
      else hi = mid
    }
    let end = lo < sorted.length ? sorted[lo]! : data.length
    if (maxSize !== undefined && maxSize > 0) end = Math.min(end, start + maxSize)
    return data.subarray(start, end)
  })
}

// ---------------------------------------------------------------- var meta / var data

export type VarData = {
  has(uid: number): boolean
  /** the keys a unique id has values for (undefined: none) */
  keys(uid: number): ReadonlyMap<number, unknown> | undefined
  bytes(uid: number, key: number): Buffer | null
}

/**
 * Var meta (24-byte header) → (unique id, key) → value in Var2Data (32-bit length, then the bytes).
 * MPP12/14 entries: 12 bytes (uid 32-bit, offset 32-bit, key 16-bit); MPP9: 8 bytes (uid 24-bit, key 8-bit, offset).
 */
export function readVarData(meta: Buffer | null, data: Buffer | null, mpp9: boolean): VarData {
  const index = new Map<number, Map<number, number>>()
  if (meta && data && meta.length >= 24) {
    const size = mpp9 ? 8 : 12
    const count = Math.min(meta.readUInt32LE(8), Math.floor((meta.length - 24) / size))
    for (let i = 0, o = 24; i < count; i++, o += size) {
      let uid: number, key: number, offset: number
      if (mpp9) {
        uid = meta.readUIntLE(o, 3)
        key = meta[o + 3]!
        offset = meta.readUInt32LE(o + 4)
      } else {
        uid = meta.readUInt32LE(o)
        offset = meta.readUInt32LE(o + 4)
        key = meta.readUInt16LE(o + 8)
      }
      if (offset + 4 > data.length) continue
      let byKey = index.get(uid)
      if (!byKey) index.set(uid, (byKey = new Map<number, number>()))
      byKey.set(key, offset)
    }
  }
  return {
    has: (uid) => index.has(uid),
    keys: (uid) => index.get(uid),
    bytes(uid, key) {
      const offset = index.get(uid)?.get(key)
      if (offset === undefined || !data) return null
      const n = data.readUInt32LE(offset)
      if (n > data.length - offset - 4) return null
      return data.subarray(offset + 4, offset + 4 + n)
    },
  }
}

/** UTF-16LE up to the first NUL. */
export function utf16z(b: Buffer | null, at = 0): string | null {
  if (!b || at >= b.length) return null
  let end = at
  while (end + 1 < b.length && (b[end] !== 0 || b[end + 1] !== 0)) end += 2
  return b.toString('utf16le', at, end)
}

// ---------------------------------------------------------------- scalar values

export const u8 = (b: Buffer | null, at: number): number | null => (b && at + 1 <= b.length ? b[at]! : null)
export const u16 = (b: Buffer | null, at: number): number | null =>
  b && at >= 0 && at + 2 <= b.length ? b.readUInt16LE(at) : null
export const i16 = (b: Buffer | null, at: number): number | null =>
  b && at >= 0 && at + 2 <= b.length ? b.readInt16LE(at) : null
export const u32 = (b: Buffer | null, at: number): number | null =>
  b && at >= 0 && at + 4 <= b.length ? b.readUInt32LE(at) : null
export const i32 = (b: Buffer | null, at: number): number | null =>
  b && at >= 0 && at + 4 <= b.length ? b.readInt32LE(at) : null
export const f64 = (b: Buffer | null, at: number): number | null =>
  b && at >= 0 && at + 8 <= b.length ? b.readDoubleLE(at) : null

/** 1983-12-31 in days since the Unix epoch */
const EPOCH_DAYS = Date.UTC(1983, 11, 31) / 86_400_000

/**
 * A date-time: 16-bit time in 6-second units, then 16-bit days since 1983-12-31; local wall-clock time, as
 * MSPDI writes it (`2016-02-08T08:00:00`). Days ≤ 1 or 65535 mean "no date".
 */
export function mppDate(b: Buffer | null, at: number): string | null {
  const time = u16(b, at)
  const days = u16(b, at + 2)
  if (time === null || days === null || days <= 1 || days === 65535) return null
  const seconds = time === 65535 ? 0 : time * 6
  const ms = (EPOCH_DAYS + days) * 86_400_000 + seconds * 1000
  return new Date(ms).toISOString().slice(0, 19)
}
