import CFB from 'cfb'
import { describe, expect, it } from 'vitest'
import { readFieldMap, readProps } from './blocks'
import { checkContainer, openContainer } from './container'
import { isOle2, MppError, parseMpp, type MppErrorCode } from './index'
import { buildMpp, fieldMap, props, type TestMpp } from '../../../../test/fixtures/mpp'

const tasks: TestMpp['tasks'] = [
  {
    uid: 1,
    id: 1,
    name: 'Fase 1',
    level: 1,
    duration: 9600,
    start: '2024-01-08T08:00:00',
    finish: '2024-01-09T17:00:00',
  },
  { uid: 2, id: 2, name: 'Soldadura', level: 2, duration: 4800, percent: 50, text1: 'A-1', number1: 12.5 },
  {
    uid: 3,
    id: 3,
    name: 'Pintura',
    level: 2,
    duration: 4800,
    start: '2024-01-09T08:00:00',
    finish: '2024-01-09T17:00:00',
  },
  { uid: 4, id: 4, name: 'Entrega', level: 1, duration: 0 },
]
const base: TestMpp = {
  tasks,
  links: [
    { pred: 2, succ: 3, type: 1, lag: 4800, lagFormat: 7 },
    { pred: 3, succ: 4, type: 3, lag: 0, lagFormat: 7 },
  ],
  resources: [{ uid: 1, name: 'Soldador' }],
  assignments: [{ uid: 1, task: 2, resource: 1 }],
  aliases: { text1: 'Frente', number1: 'Pond.' },
}

function refusal(bytes: Buffer, options = {}): MppError {
  try {
    parseMpp(bytes, options)
  } catch (e) {
    if (e instanceof MppError) return e
    throw e
  }
  throw new Error('not refused')
}
const refusedAs = (bytes: Buffer, code: MppErrorCode, options = {}) => {
  const e = refusal(bytes, options)
  expect(e.code, e.message).toBe(code)
  expect(e.message).not.toBe('')
  expect(e.messageEn).not.toBe('')
  return e
}

describe.each([14, 12, 9] as const)('MPP%i', (format) => {
  const s = parseMpp(buildMpp({ ...base, format }))

  it('reads tasks, outline, dates, durations and progress', () => {
    expect(s.tasks.map((t) => [t.uid, t.id, t.name, t.outlineLevel, t.parentUid, t.summary, t.wbs])).toEqual([
      [1, 1, 'Fase 1', 1, null, true, '1'],
      [2, 2, 'Soldadura', 2, 1, false, '1.1'],
      [3, 3, 'Pintura', 2, 1, false, '1.2'],
      [4, 4, 'Entrega', 1, null, false, '2'],
    ])
    const t2 = s.tasks[1]!
    expect(t2).toMatchObject({
      startDateTime: '2024-01-08T08:00:00',
      finishDateTime: '2024-01-08T17:00:00',
      start: '2024-01-08',
      durationMinutes: '480',
      durationDays: '1.00',
      percentComplete: '50',
      progress: '50.00',
      resourceNames: ['Soldador'],
    })
    expect(t2.customFields).toEqual({ Text1: 'A-1', Number1: '12.5' })
    expect(s.project.minutesPerDay).toBe(480)
    expect(s.file.format).toBe(format)
  })

  it('reads links with type and lag', () => {
    expect(
      s.dependencies.map((d) => [d.predecessorUid, d.successorUid, d.type, d.lagDays, d.lagFormat]),
    ).toEqual([
      [2, 3, 'FS', '1.00', 7],
      [3, 4, 'SS', '0.00', 7],
    ])
  })

  it('finds custom fields by alias', () => {
    if (format === 9) {
      expect(s.project.customFields).toEqual([{ fieldId: '188743731', fieldName: 'Text1', alias: 'Frente' }])
    } else {
      expect(s.project.weightField).toEqual({ fieldId: '188743767', fieldName: 'Number1', alias: 'Pond.' })
      expect(s.tasks[1]!.weight).toBe('12.50')
    }
  })
})

describe('rows', () => {
  it('skips blank and deleted rows and re-derives stale IDs from the ordering key (MPP14)', () => {
    const s = parseMpp(
      buildMpp({
        tasks: [
          { uid: 1, id: 1, name: 'A', level: 1, order: 1000 },
          { uid: 9, id: 2, level: 1, blank: true },
          { uid: 3, id: 7, name: 'C', level: 1, order: 3000 },
          { uid: 2, id: 9, name: 'B', level: 1, order: 2000 },
          { uid: 5, id: 4, name: 'Borrada', level: 1, deleted: true },
        ],
      }),
    )
    // order key: A, B, C; the blank row keeps its place (ID 2)
    expect(s.tasks.map((t) => [t.name, t.id])).toEqual([
      ['A', 1],
      ['B', 3],
      ['C', 4],
    ])
    expect(s.warnings).toContain('Se omitieron 1 filas vacías (tareas nulas).')
  })

  it('uses the stored IDs in MPP9', () => {
    const s = parseMpp(
      buildMpp({
        format: 9,
        tasks: [
          { uid: 1, id: 2, name: 'B', level: 1 },
          { uid: 2, id: 1, name: 'A', level: 1 },
        ],
      }),
    )
    expect(s.tasks.map((t) => [t.name, t.id])).toEqual([
      ['A', 1],
      ['B', 2],
    ])
  })
})

describe('field maps and blocks', () => {
  it('splits the map into fixed blocks where the offset goes down, and sizes them by category', () => {
    const map = readFieldMap(
      fieldMap(0x0b400000, [
        [86, 0, 0x03],
        [35, 40, 0x13],
        [29, 44, 0x05],
        [1283, 0, 0x13],
        [1288, 8, 0x03],
        [14, null, 0x08, 11],
      ]),
      false,
    )!
    expect(map.maxSize).toEqual([52, 12])
    expect(map.get(1283)).toMatchObject({ block: 1, offset: 0 })
    expect(map.get(14)).toMatchObject({ offset: null, varKey: 14 })
    expect(readFieldMap(fieldMap(0x0b400000, [[14, null, 0x08, 11]]), true)!.get(14)!.varKey).toBe(11)
  })

  it('reads property blocks and stops at entries that run past the end', () => {
    const b = props([
      [1, Buffer.from([1, 2, 3])],
      [2, Buffer.from([4, 5])],
    ])
    expect([...readProps(b)].map(([k, v]) => [k, [...v]])).toEqual([
      [1, [1, 2, 3]],
      [2, [4, 5]],
    ])
    const bad = Buffer.from(b)
    bad.writeUInt32LE(0x7fffffff, 16) // first entry claims 2 GB
    expect(readProps(bad).size).toBe(0)
  })

  it('skips records shorter than the field map says, never reading past their end', () => {
    const bytes = buildMpp({ ...base, streams: { 'TBkndTask/FixedData': Buffer.alloc(10) } })
    refusedAs(bytes, 'NO_TASKS')
  })
})

describe('container', () => {
  it('tells OLE2 by its signature', () => {
    expect(isOle2(buildMpp(base))).toBe(true)
    expect(isOle2(Buffer.from('<?xml version="1.0"?>'))).toBe(false)
  })

  it('lists the streams of a compound file', () => {
    const c = openContainer(buildMpp(base))
    expect(c.get('   114/TBkndTask/FixedMeta')).not.toBeNull()
    expect(c.get('   114/Nope')).toBeNull()
  })

  it('accepts a larger compound file (streams in regular sectors)', () => {
    const big = buildMpp({
      ...base,
      tasks: Array.from({ length: 400 }, (_, i) => ({
        uid: i + 1,
        id: i + 1,
        name: `Tarea ${i + 1}`,
        level: 1,
      })),
    })
    expect(() => checkContainer(big)).not.toThrow()
    expect(parseMpp(big).tasks).toHaveLength(400)
  })
})

/** The FAT of a cfb-written file: [offset of the FAT sector, sector size]. */
function fatOf(bytes: Buffer): number {
  return (bytes.readInt32LE(76) + 1) * 512
}

describe('refusals', () => {
  const good = buildMpp(base)

  it('empty, too large, not OLE2', () => {
    refusedAs(Buffer.alloc(0), 'EMPTY')
    refusedAs(good, 'TOO_LARGE', { maxBytes: 1000 })
    refusedAs(Buffer.from('hola'), 'NOT_OLE2')
  })

  it('an Office document that is not a project', () => {
    const cfb = CFB.utils.cfb_new()
    CFB.utils.cfb_add(cfb, '/WordDocument', Buffer.alloc(100))
    refusedAs(Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array), 'NOT_MPP')
    refusedAs(buildMpp({ ...base, formatString: 'Word.Document.8' }), 'NOT_MPP')
  })

  it('Project 98 (MPP8) and unknown versions', () => {
    refusedAs(buildMpp({ ...base, formatString: 'MSProject.MPP8' }), 'UNSUPPORTED_VERSION')
    refusedAs(buildMpp({ ...base, formatString: 'MSProject.MPP4' }), 'UNSUPPORTED_VERSION')
  })

  it('read-password (encrypted) MPP12 and MPP14 files', () => {
    refusedAs(buildMpp({ ...base, format: 12, passwordFlag: 1 }), 'ENCRYPTED')
    refusedAs(buildMpp({ ...base, passwordFlag: 3, encryptionBlob: true }), 'ENCRYPTED')
  })

  it('inserted subprojects; a placeholder without a file name is not one', () => {
    refusedAs(buildMpp({ ...base, subprojectPath: 'C:\\Proyectos\\Plataforma.mpp' }), 'SUBPROJECTS')
    expect(parseMpp(buildMpp({ ...base, subprojectPath: '' })).tasks).toHaveLength(4)
  })

  it('templates without tasks', () => {
    refusedAs(buildMpp({ tasks: [] }), 'NO_TASKS')
    refusedAs(buildMpp({ tasks: [{ uid: 1, id: 1, level: 1, blank: true }] }), 'NO_TASKS')
  })

  it('over the record limits', () => {
    refusedAs(good, 'TOO_MANY_RECORDS', { maxTasks: 2 })
    refusedAs(good, 'TOO_MANY_RECORDS', { maxLinks: 1 })
  })

  it('a truncated file, a truncated stream, a broken header', () => {
    refusedAs(good.subarray(0, 300), 'CORRUPT')
    refusedAs(good.subarray(0, good.length - 1024), 'CORRUPT')
    const header = Buffer.from(good)
    header.writeUInt16LE(7, 26) // major version 7
    refusedAs(header, 'CORRUPT')
    // says MPP12 but holds MPP14 streams: no project data where the format puts it
    expect(refusedAs(buildMpp({ ...base, formatString: 'MSProject.MPP12' }), 'CORRUPT').details.reason).toBe(
      'no project data',
    )
  })

  it('a looping sector chain, in bounded time', () => {
    const bytes = Buffer.from(good)
    const fat = fatOf(bytes)
    const dirStart = bytes.readInt32LE(48)
    bytes.writeInt32LE(dirStart, fat + dirStart * 4) // the directory chain points at itself
    const started = performance.now()
    const e = refusedAs(bytes, 'CORRUPT')
    expect(e.details.reason).toBe('looping sector chain')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('sector chains that re-walk each other (quadratic work), in bounded time', () => {
    const n = 120
    const sectors = Math.ceil(good.length / 512) - 1
    const bytes = Buffer.concat([good, Buffer.alloc((n - sectors) * 512)])
    const fat = fatOf(bytes)
    // free sectors chained downwards: walking from each start re-walks all the lower ones
    for (let j = sectors + 1; j < n; j++) bytes.writeInt32LE(j - 1, fat + j * 4)
    bytes.writeInt32LE(-2, fat + sectors * 4)
    const started = performance.now()
    const e = refusedAs(bytes, 'CORRUPT')
    expect(e.details.reason).toBe('sector chains re-walk each other')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('a directory whose entries link in a ring', () => {
    const bytes = Buffer.from(good)
    const dir = (bytes.readInt32LE(48) + 1) * 512
    // entry 1's child → entry 2, entry 2's child → entry 1
    bytes.writeInt32LE(2, dir + 128 + 76)
    bytes.writeInt32LE(1, dir + 256 + 76)
    refusedAs(bytes, 'CORRUPT')
  })

  it('absurd counts in headers are not trusted', () => {
    const bytes = buildMpp({
      ...base,
      streams: {
        'TBkndTask/VarMeta': Buffer.concat([
          (() => {
            const h = Buffer.alloc(24)
            h.writeUInt32LE(0xffffffff, 8)
            return h
          })(),
          Buffer.alloc(12),
        ]),
      },
    })
    const s = parseMpp(bytes)
    expect(s.tasks.every((t) => t.name === '')).toBe(true)
  })
})
