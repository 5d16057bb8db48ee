/**
 * The OLE2 / Compound File Binary container of a `.mpp`: `cfb` does the reading; this file first checks, in
 * one linear pass over the header, the FAT and the directory, that reading cannot run away. `cfb` follows
 * sector chains without a global bound, so a looping chain, chains that re-walk each other (quadratic work
 * and memory) or a directory tree with cycles would hang it or exhaust memory. Those files are refused here,
 * in time and memory proportional to the file size.
 */
import CFB from 'cfb'
import { corrupt, MppError } from './errors'

export const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const

export function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE2_SIGNATURE.every((b, i) => bytes[i] === b)
}

const ENDOFCHAIN = -2
const NOSTREAM = -1
const MAX_DIRECTORY_ENTRIES = 8192
/** cfb's own chain walk may re-read a chain started mid-way; a sane file stays far below this many sectors per sector. */
const WALK_FACTOR = 4

/** The streams of the container, by path without the root entry (`   114/TBkndTask/FixedMeta`). */
export class Container {
  constructor(
    private readonly streams: Map<string, Buffer>,
    private readonly truncated: Set<string>,
  ) {}

  /** The stream's bytes, or null when absent; a stream shorter than the directory says is refused. */
  get(path: string): Buffer | null {
    if (this.truncated.has(path)) throw corrupt('truncated stream', { stream: path })
    return this.streams.get(path) ?? null
  }

  has(path: string): boolean {
    return this.streams.has(path) || this.truncated.has(path)
  }

  paths(): string[] {
    return [...this.streams.keys(), ...this.truncated]
  }
}

/**
 * Checks the container and returns its streams. Throws MppError CORRUPT (with `details.reason`) for
 * anything malformed or hostile; NOT_OLE2 when the signature is missing.
 */
export function openContainer(bytes: Buffer): Container {
  if (!isOle2(bytes)) throw new MppError('NOT_OLE2')
  checkContainer(bytes)
  let cfb: CFB.CFB$Container
  try {
    cfb = CFB.read(bytes, { type: 'buffer' })
  } catch (e) {
    throw corrupt('container', { error: (e as Error).message })
  }
  const streams = new Map<string, Buffer>()
  const truncated = new Set<string>()
  cfb.FileIndex.forEach((entry, i) => {
    if (entry.type !== 2) return
    const full = cfb.FullPaths[i] ?? ''
    const rel = full.slice(full.indexOf('/') + 1)
    const content = entry.content as Uint8Array | undefined
    const data = content
      ? Buffer.from(content.buffer, content.byteOffset, content.byteLength)
      : Buffer.alloc(0)
    // the directory promises more bytes than the sector chain holds: a truncated file or stream
    if (data.length < Math.max(0, entry.size)) truncated.add(rel)
    else streams.set(rel, data)
  })
  return new Container(streams, truncated)
}

/** Header, FAT and directory checks that keep `CFB.read` linear (see the file comment). */
export function checkContainer(buf: Buffer): void {
  if (buf.length < 512) throw corrupt('shorter than the container header')
  const major = buf.readUInt16LE(26)
  const shift = buf.readUInt16LE(30)
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12)))
    throw corrupt('container version', { major, shift })
  if (buf.readUInt16LE(32) !== 6 || buf.readUInt32LE(56) !== 4096) throw corrupt('mini-stream parameters')
  const ssz = 1 << shift
  if (buf.length < ssz) throw corrupt('shorter than the container header')
  // the sectors as cfb cuts them: sector i starts at (i + 1) × ssz
  const n = Math.ceil(buf.length / ssz) - 1
  if (n < 1) throw corrupt('no sectors')
  const sectorAt = (i: number) => (i + 1) * ssz
  const perSector = ssz / 4

  const dirStart = buf.readInt32LE(48)
  const difatStart = buf.readInt32LE(68)
  const difatCount = buf.readInt32LE(72)
  if (dirStart < 0 || dirStart >= n) throw corrupt('directory start outside the file')
  if (difatCount < 0 || difatCount > n) throw corrupt('DIFAT count', { difatCount })

  // FAT sector numbers: 109 in the header, then the DIFAT chain (each sector: perSector − 1 numbers + next)
  const fatSectors: number[] = []
  for (let j = 0; j < 109; j++) {
    const q = buf.readInt32LE(76 + j * 4)
    if (q < 0) break
    fatSectors.push(q)
  }
  if (difatStart >= 0 && difatStart !== ENDOFCHAIN) {
    const seen = new Set<number>()
    let s = difatStart
    for (let k = 0; k <= difatCount && s >= 0 && s < n; k++) {
      if (seen.has(s)) throw corrupt('looping DIFAT chain')
      seen.add(s)
      const base = sectorAt(s)
      if (base + ssz > buf.length) break
      for (let j = 0; j < perSector - 1; j++) {
        const q = buf.readInt32LE(base + j * 4)
        if (q === ENDOFCHAIN) break
        fatSectors.push(q)
      }
      s = buf.readInt32LE(base + ssz - 4)
    }
  }
  if (fatSectors.length > n + 1) throw corrupt('more FAT sectors than sectors')

  // next sector of each sector, as cfb will read it (a missing FAT sector ends the chain)
  const next = new Int32Array(n).fill(ENDOFCHAIN)
  for (let j = 0; j < n; j++) {
    const fs = fatSectors[Math.floor(j / perSector)]
    if (fs === undefined || fs < 0 || fs >= n) continue
    const at = sectorAt(fs) + (j % perSector) * 4
    if (at + 4 > buf.length) continue
    const v = buf.readInt32LE(at)
    next[j] = v >= 0 && v < n ? v : ENDOFCHAIN
  }

  // chain length from every sector; a cycle anywhere is refused (cfb would follow it forever)
  const len = chainLengths(next)

  // cfb walks a chain from every sector not yet visited, in order from the directory start; a chain begun
  // mid-way is walked again later from its real start. Bound the total walk (and so its memory).
  const visited = new Uint8Array(n)
  let walk = 0
  const limit = WALK_FACTOR * n + 1024
  for (let i = 0; i < n; i++) {
    const k = (i + dirStart) % n
    if (visited[k]) continue
    walk += len[k]!
    if (walk > limit) throw corrupt('sector chains re-walk each other', { sectors: n })
    for (let j = k; j >= 0 && !visited[j]; j = next[j]!) visited[j] = 1
  }

  // the directory: its chain, its entries, a tree without cycles
  const dirSectors = len[dirStart]!
  const count = Math.min(dirSectors * (ssz / 128), MAX_DIRECTORY_ENTRIES + 1)
  if (count > MAX_DIRECTORY_ENTRIES) throw corrupt('too many directory entries')
  const entries: { type: number; left: number; right: number; child: number; start: number; size: number }[] =
    []
  for (let s = dirStart, k = 0; s >= 0 && k < dirSectors; s = next[s]!, k++) {
    const base = sectorAt(s)
    for (let e = 0; e < ssz / 128; e++) {
      const at = base + e * 128
      if (at + 128 > buf.length) break
      entries.push({
        type: buf[at + 66]!,
        left: buf.readInt32LE(at + 68),
        right: buf.readInt32LE(at + 72),
        child: buf.readInt32LE(at + 76),
        start: buf.readInt32LE(at + 116),
        size: buf.readInt32LE(at + 120),
      })
    }
  }
  if (entries.length === 0 || entries[0]!.type !== 5) throw corrupt('no root entry')
  checkDirectoryTree(entries)

  // big streams are read through their own chain walk: bound those too
  let streamWalk = 0
  for (const e of entries) {
    if (e.type !== 2 || e.size < 4096 || e.start < 0 || e.start >= n) continue
    streamWalk += len[e.start]!
    if (streamWalk > limit) throw corrupt('streams share sector chains', { sectors: n })
  }
}

/** Sector count of the chain starting at each sector; throws on a cycle. O(n), no recursion. */
function chainLengths(next: Int32Array): Int32Array {
  const n = next.length
  const len = new Int32Array(n) // 0 = not computed
  const onPath = new Uint8Array(n)
  const path: number[] = []
  for (let s = 0; s < n; s++) {
    if (len[s]) continue
    let j = s
    while (j >= 0 && !len[j]) {
      if (onPath[j]) throw corrupt('looping sector chain', { sector: j })
      onPath[j] = 1
      path.push(j)
      j = next[j]!
    }
    let tail = j >= 0 ? len[j]! : 0
    while (path.length > 0) {
      const p = path.pop()!
      onPath[p] = 0
      tail += 1
      len[p] = tail
    }
  }
  return len
}

/** Left/right/child links must form a tree: in range, each entry linked at most once, no cycles. */
function checkDirectoryTree(entries: { left: number; right: number; child: number }[]): void {
  const n = entries.length
  const linked = new Uint8Array(n)
  const targets = (i: number) => [entries[i]!.left, entries[i]!.right, entries[i]!.child]
  for (let i = 0; i < n; i++) {
    for (const t of targets(i)) {
      if (t === NOSTREAM) continue
      if (t < 0 || t >= n || t === 0) throw corrupt('directory link out of range', { entry: i })
      if (linked[t]) throw corrupt('directory entry linked twice', { entry: t })
      linked[t] = 1
    }
  }
  // with at most one link into each entry and none into the root, a cycle can only be a detached ring:
  // walk from the root and check that every linked entry is reached
  const reached = new Uint8Array(n)
  const stack = [0]
  reached[0] = 1
  while (stack.length > 0) {
    const i = stack.pop()!
    for (const t of targets(i)) {
      if (t === NOSTREAM || reached[t]) continue
      reached[t] = 1
      stack.push(t)
    }
  }
  for (let i = 0; i < n; i++)
    if (linked[i] && !reached[i]) throw corrupt('detached directory entries', { entry: i })
}
