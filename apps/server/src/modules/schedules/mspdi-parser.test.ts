import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  aliasProject,
  FIELD,
  mspdiBytes,
  mspdiXml,
  nullTasksProject,
  relationsProject,
  resourcesProject,
  taskNumbersProject,
  taskOf,
  wbsProject,
  type MspdiProject,
} from '../../../test/fixtures/mspdi'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import {
  isoDurationMinutes,
  MspdiError,
  parseLocaleNumber,
  parseMspdi,
  type MspdiSchedule,
} from './mspdi-parser'

const fixture = (name: string) => readFileSync(realFixturePath(`msproject/${name}`))
const fixtureText = (name: string) => fixture(name).toString('utf8')
const built = (p: MspdiProject) => parseMspdi(mspdiBytes(p))

const byUid = (s: MspdiSchedule, uid: number) => {
  const t = s.tasks.find((x) => x.uid === uid)
  if (!t) throw new Error(`task ${uid} missing`)
  return t
}

/** Builds a small MSPDI document; `tasks` are raw <Task> inner XML snippets. */
function mspdi(opts: {
  minutesPerDay?: number
  attributes?: string
  tasks: string[]
  extra?: string
}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>Sintético</Name>
  ${opts.minutesPerDay === undefined ? '' : `<MinutesPerDay>${opts.minutesPerDay}</MinutesPerDay>`}
  <ExtendedAttributes>${opts.attributes ?? ''}</ExtendedAttributes>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Resumen</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
    ${opts.tasks.map((t) => `<Task>${t}</Task>`).join('\n')}
  </Tasks>
  ${opts.extra ?? ''}
</Project>`
}

const attr = (fieldId: number, name: string, alias?: string) =>
  `<ExtendedAttribute><FieldID>${fieldId}</FieldID><FieldName>${name}</FieldName>${alias === undefined ? '' : `<Alias>${alias}</Alias>`}</ExtendedAttribute>`
const value = (fieldId: number, v: string) =>
  `<ExtendedAttribute><FieldID>${fieldId}</FieldID><Value>${v}</Value></ExtendedAttribute>`
const task = (uid: number, level: number, inner = '') =>
  `<UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><OutlineLevel>${level}</OutlineLevel><Duration>PT8H0M0S</Duration>${inner}`

// task custom field ids (Number1, Number2, Text1, Text2)
const NUMBER1 = 188743767
const NUMBER2 = 188743768
const TEXT1 = 188743731
const TEXT2 = 188743734

/** One MSPDI file of each layout MS Project writes, by the name the tests give it, and how to read it. */
type MspdiFile = { label: string; read: () => string | Buffer }

interface MspdiLayouts {
  /** A 22-task WBS on 3 levels with 6 links (the layout of MPXJ's sample1.xml). */
  wbs: MspdiFile
  /** 5 flat tasks with the four link types. */
  relations: MspdiFile
  /** 3 tasks with resources and assignments. */
  resources: MspdiFile
  /** Null tasks and 450 minutes per day. */
  nullTasks: MspdiFile
  /** 20 tasks with custom number values. */
  taskNumbers: MspdiFile
  /** The same, with Number1 aliased "Peso" and Number2 " AVANCE REAL ". */
  taskNumbersWeighted: MspdiFile
  /** No tasks, aliases on task fields (`…t`) and resource fields (`…r`). */
  alias: MspdiFile
  /** The same, with Text1r → "Peso", Text5t → "Peso de la actividad", Text9t → "PONDERADOR", Text2t → "Avance Físico %". */
  aliasRenamed: MspdiFile
}

/** What differs between the built files and the real ones: names, dates, resources, counts. */
interface MspdiExpectations {
  wbs: {
    name: string
    /** Name of task UID 1. */
    firstTask: string
    startDate: string
    finishDate: string
    /** Resources of tasks UID 2, 23 and 24. */
    resources: [string[], string[], string[]]
  }
  resources: { taskNames: string[]; resourceNames: Record<number, string[]> }
  aliasedTaskFields: number
}

/** The tests every MSPDI file of those layouts passes; built and real files differ only in `expected`. */
function mspdiLayoutSuite(files: MspdiLayouts, expected: MspdiExpectations) {
  const read = (file: MspdiFile) => parseMspdi(file.read())

  it(`${files.wbs.label}: 22 tasks on 3 levels: summaries, parents by ID order, durations, 6 links of every type and lags in days`, () => {
    const s = read(files.wbs)
    const w = expected.wbs
    expect(s.project).toMatchObject({
      name: w.name,
      minutesPerDay: 480,
      minutesPerWeek: 2400,
      startDate: w.startDate,
      finishDate: w.finishDate,
      saveVersion: 14,
      weightField: null,
      progressField: null,
    })
    expect(s.tasks).toHaveLength(22)
    expect(s.tasks.some((t) => t.uid === 0)).toBe(false)
    expect(new Set(s.tasks.map((t) => t.outlineLevel))).toEqual(new Set([1, 2, 3]))
    expect(s.tasks.map((t) => t.id)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1))
    expect(s.tasks.filter((t) => t.summary).map((t) => t.uid)).toEqual([1, 6, 19, 22])
    expect(byUid(s, 1)).toMatchObject({
      name: w.firstTask,
      outlineLevel: 1,
      parentUid: null,
      wbs: '1',
      durationDays: '50.00',
    })
    expect(byUid(s, 2)).toMatchObject({
      parentUid: 1,
      durationMinutes: '48000',
      durationDays: '100.00',
      start: w.startDate,
    })
    expect(byUid(s, 3)).toMatchObject({ durationDays: '0.00', milestone: true })
    expect(byUid(s, 7).parentUid).toBe(6)
    expect(byUid(s, 9).parentUid).toBe(19) // ID 8 follows the summary with ID 7 (UID 19)
    expect(byUid(s, 22)).toMatchObject({ parentUid: 19, outlineLevel: 2, summary: true })
    expect(byUid(s, 23)).toMatchObject({ parentUid: 22, outlineLevel: 3, wbs: '3.13.1' })
    expect(byUid(s, 24).startDateTime).toBe(`${w.startDate}T23:00:00`)
    expect(s.dependencies).toHaveLength(6)
    const links = s.dependencies.map((d) => [d.predecessorUid, d.successorUid, d.type, d.lagDays])
    expect(links).toEqual([
      [9, 10, 'FS', '0.00'],
      [11, 12, 'FS', '1.00'], // LinkLag 4800 tenths of minutes = 480 min = 1 day at 480 min/day
      [13, 14, 'FS', '-1.00'],
      [15, 16, 'SS', '0.00'],
      [17, 18, 'FF', '0.00'],
      [20, 21, 'SF', '0.00'],
    ])
    expect(s.dependencies[1]).toMatchObject({
      lagMinutes: '480',
      lagFormat: 5,
      lagElapsed: false,
      lagPercent: null,
    })
    expect([2, 23, 24].map((uid) => byUid(s, uid).resourceNames)).toEqual(w.resources)
    expect(byUid(s, 9).resourceNames).toEqual([])
    expect(s.warnings).toEqual([])
  })

  it(`${files.relations.label}: 5 flat tasks and the four link types (0 FF, 1 FS, 2 SF, 3 SS) with a one-day lag`, () => {
    const s = read(files.relations)
    expect(s.tasks).toHaveLength(5)
    expect(s.tasks.every((t) => t.outlineLevel === 1 && t.parentUid === null && !t.summary)).toBe(true)
    expect(s.dependencies.map((d) => `${d.predecessorUid}>${d.successorUid} ${d.type} ${d.lagDays}`)).toEqual(
      ['1>2 FS 0.00', '2>3 SS 1.00', '3>4 FF 0.00', '4>5 SF 0.00'],
    )
    expect(s.project.saveVersion).toBe(12)
    // assignments to the "unassigned" resource and the nameless resource 0 give no names
    expect(s.tasks.every((t) => t.resourceNames.length === 0)).toBe(true)
    expect(s.warnings).toEqual([])
  })

  it(`${files.resources.label}: resource names through assignments (once each), fractional durations, percent complete`, () => {
    const s = read(files.resources)
    expect(s.tasks.map((t) => t.name)).toEqual(expected.resources.taskNames)
    for (const [uid, names] of Object.entries(expected.resources.resourceNames))
      expect(byUid(s, Number(uid)).resourceNames, `task ${uid}`).toEqual(names)
    // PT57H8M24S = 3 428.4 min = 7.1425 days → 7.14 (half-up, 2 decimals)
    expect(byUid(s, 3)).toMatchObject({ durationMinutes: '3428.4', durationDays: '7.14' })
    expect(byUid(s, 4)).toMatchObject({ percentComplete: '100', progress: '100.00', durationDays: '2.00' })
    // its 10 extended attributes are resource outline codes, not task fields
    expect(s.project.customFields).toEqual([])
    expect(s.dependencies).toHaveLength(1)
  })

  it(`${files.nullTasks.label}: null tasks are left out and 450 minutes per day converts durations`, () => {
    const s = read(files.nullTasks)
    expect(s.project.minutesPerDay).toBe(450)
    expect(s.tasks.map((t) => t.uid)).toEqual([1, 3, 4, 6, 8])
    expect(s.tasks.map((t) => t.parentUid)).toEqual([null, 1, 1, null, 6])
    expect(s.tasks.map((t) => t.outlineLevel)).toEqual([1, 2, 2, 1, 2])
    expect(s.tasks.filter((t) => t.summary).map((t) => t.uid)).toEqual([1, 6])
    // PT75H = 4 500 min = 10 days of 450 min (it would be 9.38 at 480)
    expect(s.tasks.every((t) => t.durationDays === '10.00')).toBe(true)
    expect(s.dependencies).toEqual([])
    expect(s.warnings).toContain('Se omitieron 3 filas vacías (tareas nulas).')
  })

  it(`${files.taskNumbers.label}: 20 tasks with custom number values keyed by field name`, () => {
    const s = read(files.taskNumbers)
    expect(s.tasks).toHaveLength(20)
    expect(byUid(s, 1).customFields).toEqual({ Number1: '1' })
    expect(byUid(s, 20).customFields).toEqual({ Number20: '20' })
    expect(s.tasks.every((t) => t.weight === null)).toBe(true)
  })

  it(`${files.taskNumbersWeighted.label}: weight and progress come from the custom fields aliased "Peso" and "Avance real"`, () => {
    const s = read(files.taskNumbersWeighted)
    expect(s.project.weightField).toEqual({ fieldId: String(NUMBER1), fieldName: 'Number1', alias: 'Peso' })
    expect(s.project.progressField).toMatchObject({ fieldId: String(NUMBER2), fieldName: 'Number2' })
    expect(byUid(s, 1)).toMatchObject({ weight: '1.00', progress: '0.00' })
    expect(byUid(s, 2)).toMatchObject({ weight: null, progress: '2.00' })
  })

  it(`${files.alias.label}: no tasks, the ${expected.aliasedTaskFields} aliased task fields (resource aliases ignored)`, () => {
    const s = read(files.alias)
    expect(s.tasks).toEqual([])
    expect(s.project.customFields).toHaveLength(expected.aliasedTaskFields)
    expect(s.project.customFields[0]).toEqual({ fieldId: String(TEXT1), fieldName: 'Text1', alias: 'Text1t' })
    expect(s.project.customFields.every((f) => f.alias.endsWith('t'))).toBe(true)
  })

  it(`${files.aliasRenamed.label}: an alias on a resource field is not a task weight; task aliases match case/accent-insensitively`, () => {
    const s = read(files.aliasRenamed)
    // exact alias (PONDERADOR) wins over an earlier alias that only contains "peso"
    expect(s.project.weightField).toMatchObject({ fieldName: 'Text9', alias: 'PONDERADOR' })
    expect(s.project.progressField).toMatchObject({ fieldName: 'Text2', alias: 'Avance Físico %' })
  })
}

const builtFile = (label: string, project: () => MspdiProject): MspdiFile => ({
  label,
  read: () => mspdiBytes(project()),
})

const BUILT_LAYOUTS: MspdiLayouts = {
  wbs: builtFile('WBS project', wbsProject),
  relations: builtFile('relations project', relationsProject),
  resources: builtFile('resources project', resourcesProject),
  nullTasks: builtFile('null-tasks project', nullTasksProject),
  taskNumbers: builtFile('task-numbers project', taskNumbersProject),
  taskNumbersWeighted: builtFile('task-numbers project', () => {
    const p = taskNumbersProject()
    p.fields![0]!.alias = 'Peso'
    p.fields![1]!.alias = ' AVANCE REAL '
    return p
  }),
  alias: builtFile('alias project', aliasProject),
  aliasRenamed: builtFile('alias project', () => {
    const p = aliasProject()
    const setAlias = (fieldId: number, alias: string) => {
      p.fields!.find((f) => f.fieldId === fieldId)!.alias = alias
    }
    setAlias(FIELD.resourceText(1), 'Peso')
    setAlias(FIELD.taskText(5), 'Peso de la actividad')
    setAlias(FIELD.taskText(9), 'PONDERADOR')
    setAlias(FIELD.taskText(2), 'Avance Físico %')
    return p
  }),
}

const BUILT: MspdiExpectations = {
  wbs: {
    name: 'Programa de muestra — Plataforma & ducto',
    firstTask: 'Ingeniería',
    startDate: '2026-01-06',
    finishDate: '2026-03-17',
    resources: [['Ana Ruiz', 'Luis Pérez'], ['Ana Ruiz'], ['Luis Pérez']],
  },
  resources: {
    taskNames: ['Tarea A', 'Tarea con perfil', 'Tarea terminada'],
    resourceNames: {
      2: ['Carlos Díaz', 'Elena Mora', 'Jorge Salas'],
      3: ['Carlos Díaz'],
      4: ['Carlos Díaz'], // assigned twice, listed once
    },
  },
  aliasedTaskFields: 30,
}

const realFile = (name: string, edit?: (xml: string) => string): MspdiFile => ({
  label: name,
  read: () => (edit ? edit(fixtureText(name)) : fixture(name)),
})

const REAL_LAYOUTS: MspdiLayouts = {
  wbs: realFile('sample1.xml'),
  relations: realFile('mspdirelations.xml'),
  resources: realFile('mspdiresource.xml'),
  nullTasks: realFile('mspdinulltasks.xml'),
  taskNumbers: realFile('task-numbers-project2019-mspdi.xml'),
  taskNumbersWeighted: realFile('task-numbers-project2019-mspdi.xml', (xml) =>
    xml
      .replace('<FieldName>Number1</FieldName>', '<FieldName>Number1</FieldName><Alias>Peso</Alias>')
      .replace(
        '<FieldName>Number2</FieldName>',
        '<FieldName>Number2</FieldName><Alias> AVANCE REAL </Alias>',
      ),
  ),
  alias: realFile('alias.xml'),
  aliasRenamed: realFile('alias.xml', (xml) =>
    xml
      .replace('<Alias>Text1r</Alias>', '<Alias>Peso</Alias>')
      .replace('<Alias>Text5t</Alias>', '<Alias>Peso de la actividad</Alias>')
      .replace('<Alias>Text9t</Alias>', '<Alias>PONDERADOR</Alias>')
      .replace('<Alias>Text2t</Alias>', '<Alias>Avance Físico %</Alias>'),
  ),
}

const REAL: MspdiExpectations = {
  wbs: {
    name: 'MPXJ Sample',
    firstTask: 'First Task',
    startDate: '2003-01-07',
    finishDate: '2003-03-18',
    resources: [['First Resource', 'Second Resource'], ['First Resource'], ['Second Resource']],
  },
  resources: {
    taskNames: ['Task A', 'Contoured Task', 'Completed Task'],
    resourceNames: { 2: ['Wade Golden', 'Jon Iles', 'Brian Leach'], 3: ['Wade Golden'], 4: ['Wade Golden'] },
  },
  aliasedTaskFields: 130,
}

describe('parseMspdi — built files with the layouts MS Project writes', () => {
  mspdiLayoutSuite(BUILT_LAYOUTS, BUILT)

  it('tasks written out of ID order are read in ID order (parents follow IDs, not file order)', () => {
    const p = wbsProject()
    p.tasks.reverse()
    const s = built(p)
    expect(s.tasks.map((t) => t.id)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1))
    expect(byUid(s, 9).parentUid).toBe(19)
    expect(byUid(s, 24).parentUid).toBe(22)
  })

  it('the same project saved as UTF-8, UTF-8 with BOM, UTF-16 LE and UTF-16 BE reads the same', () => {
    const p = wbsProject()
    const utf8 = built(p)
    for (const encoding of ['utf8-bom', 'utf16le', 'utf16be'] as const) {
      expect(parseMspdi(mspdiBytes(p, encoding)), encoding).toEqual(utf8)
    }
    expect(parseMspdi(mspdiXml(p))).toEqual(utf8)
    expect(byUid(utf8, 1).name).toBe('Ingeniería')
  })

  it('a file without MinutesPerDay falls back to 480 with a warning', () => {
    const p = nullTasksProject()
    p.minutesPerDay = null
    taskOf(p, 1).duration = 'PT80H0M0S'
    const s = built(p)
    expect(s.project.minutesPerDay).toBe(480)
    expect(byUid(s, 1).durationDays).toBe('10.00')
    expect(s.warnings.join(' ')).toMatch(/no indica minutos por día/)
  })
})

describeRealFiles('msproject/*.xml', () => {
  describe('parseMspdi', () => {
    mspdiLayoutSuite(REAL_LAYOUTS, REAL)
  })

  it('a file above the size limit', () => {
    expect(() => parseMspdi(fixture('sample1.xml'), { maxBytes: 1000 })).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE' }),
    )
  })
})

describe('parseMspdi — custom-field rules', () => {
  it('weight: first alias containing pond/peso when none is exact; locale numbers; clamped to [0, 999.99]', () => {
    const xml = mspdi({
      attributes:
        attr(TEXT1, 'Text1', 'Notas') +
        attr(TEXT2, 'Text2', 'Pond. %') +
        attr(NUMBER1, 'Number1', 'Ponderación física'),
      tasks: [
        task(1, 1, value(TEXT2, '12,5%')),
        task(2, 1, value(TEXT2, '1.234,50')),
        task(3, 1, value(TEXT2, '1,234.50')),
        task(4, 1, value(TEXT2, '-3')),
        task(5, 1, value(TEXT2, 'n/a')),
        task(6, 1),
      ],
    })
    const s = parseMspdi(xml)
    expect(s.project.weightField?.alias).toBe('Pond. %')
    expect(s.tasks.map((t) => t.weight)).toEqual(['12.50', '999.99', '999.99', '0.00', null, null])
  })

  it('progress: the progress field when > 0, else PercentComplete when > 0, else PhysicalPercentComplete', () => {
    const xml = mspdi({
      attributes: attr(NUMBER2, 'Number2', '% Avance'),
      tasks: [
        task(
          1,
          1,
          `<PercentComplete>40</PercentComplete><PhysicalPercentComplete>70</PhysicalPercentComplete>${value(NUMBER2, '55.5')}`,
        ),
        task(
          2,
          1,
          `<PercentComplete>40</PercentComplete><PhysicalPercentComplete>70</PhysicalPercentComplete>${value(NUMBER2, '0')}`,
        ),
        task(
          3,
          1,
          `<PercentComplete>0</PercentComplete><PhysicalPercentComplete>70</PhysicalPercentComplete>`,
        ),
        task(
          4,
          1,
          `<PercentComplete>0</PercentComplete><PhysicalPercentComplete>0</PhysicalPercentComplete>`,
        ),
      ],
    })
    const s = parseMspdi(xml)
    expect(s.tasks.map((t) => t.progress)).toEqual(['55.50', '40.00', '70.00', '0.00'])
    expect(s.tasks[0]).toMatchObject({ percentComplete: '40', physicalPercentComplete: '70' })
  })

  it('"Avance" alone is accepted as the progress alias (our addition, see docs/schedules.md); "Avance programado" is not', () => {
    const only = parseMspdi(
      mspdi({ attributes: attr(NUMBER1, 'Number1', 'Avance programado'), tasks: [task(1, 1)] }),
    )
    expect(only.project.progressField).toBeNull()
    const s = parseMspdi(
      mspdi({
        attributes: attr(NUMBER1, 'Number1', 'Avance programado') + attr(NUMBER2, 'Number2', 'Avance'),
        tasks: [task(1, 1)],
      }),
    )
    expect(s.project.progressField?.fieldName).toBe('Number2')
  })
})

describe('parseMspdi — structure, links and durations', () => {
  it('a one-task project still yields arrays; a project with no tasks yields none', () => {
    const one = parseMspdi(
      mspdi({
        tasks: [task(7, 1, '<PredecessorLink><PredecessorUID>99</PredecessorUID></PredecessorLink>')],
      }),
    )
    expect(one.tasks.map((t) => t.uid)).toEqual([7])
    expect(one.dependencies).toEqual([])
    expect(one.warnings.join(' ')).toMatch(/minutos por día/)
    expect(one.warnings.join(' ')).toMatch(/Se omitieron 1 vínculos/)
    expect(parseMspdi(mspdi({ minutesPerDay: 480, tasks: [] })).tasks).toEqual([])
  })

  it('parents follow outline levels even when a level is skipped, and links to null tasks are dropped', () => {
    const s = parseMspdi(
      mspdi({
        minutesPerDay: 480,
        tasks: [
          task(1, 1),
          task(2, 3),
          '<UID>3</UID><ID>3</ID><IsNull>1</IsNull>',
          task(4, 2, '<PredecessorLink><PredecessorUID>3</PredecessorUID><Type>1</Type></PredecessorLink>'),
          task(5, 1, '<PredecessorLink><PredecessorUID>4</PredecessorUID></PredecessorLink>'),
        ],
      }),
    )
    expect(s.tasks.map((t) => [t.uid, t.parentUid, t.summary])).toEqual([
      [1, null, true],
      [2, 1, false],
      [4, 1, false],
      [5, null, false],
    ])
    expect(s.dependencies).toEqual([
      expect.objectContaining({ predecessorUid: 4, successorUid: 5, type: 'FS', lagDays: '0.00' }),
    ])
  })

  it('elapsed lags count 24-hour days; percent lags keep the percentage', () => {
    const s = parseMspdi(
      mspdi({
        minutesPerDay: 480,
        tasks: [
          task(1, 1),
          task(
            2,
            1,
            '<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>28800</LinkLag><LagFormat>8</LagFormat></PredecessorLink>',
          ),
          task(
            3,
            1,
            '<PredecessorLink><PredecessorUID>2</PredecessorUID><Type>3</Type><LinkLag>50</LinkLag><LagFormat>19</LagFormat></PredecessorLink>',
          ),
          task(
            4,
            1,
            '<PredecessorLink><PredecessorUID>3</PredecessorUID><Type>0</Type><LinkLag>7200</LinkLag><LagFormat>7</LagFormat></PredecessorLink>',
          ),
        ],
      }),
    )
    expect(s.dependencies.map((d) => [d.type, d.lagDays, d.lagElapsed, d.lagPercent])).toEqual([
      ['FS', '2.00', true, null], // 2 880 min elapsed = 2 calendar days (6 working days at 480)
      ['SS', null, false, '50'],
      ['FF', '1.50', false, null], // 720 min = 1.5 working days
    ])
  })

  it('ISO durations: hours/minutes/seconds, and D/W/M parts as working time; junk is null', () => {
    const units = { minutesPerDay: 450, minutesPerWeek: 2250, daysPerMonth: 20 }
    expect(isoDurationMinutes('PT16H0M0S', units)?.toString()).toBe('960')
    expect(isoDurationMinutes('PT0H0M30S', units)?.toString()).toBe('0.5')
    expect(isoDurationMinutes('P1DT2H', units)?.toString()).toBe('570')
    expect(isoDurationMinutes('P1W', units)?.toString()).toBe('2250')
    expect(isoDurationMinutes('P1M', units)?.toString()).toBe('9000')
    expect(isoDurationMinutes('-PT8H0M0S', units)?.toString()).toBe('-480')
    expect(isoDurationMinutes('P1Y', units)).toBeNull()
    expect(isoDurationMinutes('8 days', units)).toBeNull()
    expect(isoDurationMinutes('P', units)).toBeNull()
  })

  it('durations are clamped to [0, 99 999.99] days and a bad duration is reported', () => {
    const s = parseMspdi(
      mspdi({
        minutesPerDay: 60,
        tasks: [
          `<UID>1</UID><ID>1</ID><Name>largo</Name><OutlineLevel>1</OutlineLevel><Duration>PT9999999H0M0S</Duration>`,
          `<UID>2</UID><ID>2</ID><Name>raro</Name><OutlineLevel>1</OutlineLevel><Duration>mañana</Duration>`,
        ],
      }),
    )
    expect(s.tasks.map((t) => t.durationDays)).toEqual(['99999.99', null])
    expect(s.warnings.join(' ')).toMatch(/Duración no reconocida en la tarea 2/)
  })

  it('decodes entities and character references, a UTF-8 BOM and UTF-16 with BOM', () => {
    const xml = mspdi({
      minutesPerDay: 480,
      tasks: [
        `<UID>1</UID><ID>1</ID><Name>Soldadura &amp; pintura &#8212; fase &#xE1;</Name><OutlineLevel>1</OutlineLevel>`,
      ],
    })
    expect(parseMspdi(xml).tasks[0]?.name).toBe('Soldadura & pintura — fase á')
    expect(
      parseMspdi(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')])).tasks,
    ).toHaveLength(1)
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])
    expect(parseMspdi(utf16).tasks[0]?.name).toBe('Soldadura & pintura — fase á')
  })
})

describe('parseMspdi — refuses what is not MSPDI', () => {
  const codeOf = (input: string | Buffer, options?: { maxBytes?: number }) => {
    try {
      parseMspdi(input, options)
    } catch (e) {
      expect(e).toBeInstanceOf(MspdiError)
      return { code: (e as MspdiError).code, message: (e as MspdiError).message }
    }
    throw new Error('expected an MspdiError')
  }

  it('an .mpp binary (OLE2 signature) asks for the XML export', () => {
    const mpp = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ])
    const { code, message } = codeOf(mpp)
    expect(code).toBe('MPP_BINARY')
    expect(message).toContain(
      'Guarda el archivo como XML de MS Project (Archivo → Guardar como → XML) y vuelve a subirlo',
    )
  })

  it('not XML, broken XML, a ZIP, an empty file', () => {
    expect(codeOf('esto no es xml').code).toBe('NOT_XML')
    expect(codeOf('<Project xmlns="http://schemas.microsoft.com/project"><Tasks></Project>').code).toBe(
      'NOT_XML',
    )
    expect(codeOf(Buffer.from('PK\u0003\u0004rest-of-a-zip')).code).toBe('NOT_XML')
    expect(codeOf('').code).toBe('EMPTY')
    expect(codeOf(Buffer.alloc(0)).code).toBe('EMPTY')
  })

  it('XML without the MS Project root or namespace', () => {
    expect(codeOf('<?xml version="1.0"?><Proyecto><Tasks/></Proyecto>').code).toBe('NOT_MSPDI')
    expect(codeOf('<Project><Tasks/></Project>').code).toBe('NOT_MSPDI')
    expect(codeOf('<Project xmlns="http://example.com/other"><Tasks/></Project>').code).toBe('NOT_MSPDI')
    expect(codeOf('<Project></Project>').code).toBe('NOT_MSPDI')
  })

  it('a DOCTYPE with entities (billion laughs) is refused before parsing', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&b;</Name></Project>`
    expect(codeOf(bomb).code).toBe('UNSAFE_XML')
  })

  it('a file above the size limit', () => {
    expect(codeOf(mspdiBytes(wbsProject()), { maxBytes: 1000 }).code).toBe('TOO_LARGE')
  })
})

describe('parseLocaleNumber', () => {
  it.each([
    ['12,5', '12.5'],
    ['12.5', '12.5'],
    ['1.234,56', '1234.56'],
    ['1,234.56', '1234.56'],
    [' 30 % ', '30'],
    ['0', '0'],
  ])('%s → %s', (input, expected) => {
    expect(parseLocaleNumber(input)?.toString()).toBe(expected)
  })
  it('nothing numeric → null', () => {
    expect(parseLocaleNumber('')).toBeNull()
    expect(parseLocaleNumber('%')).toBeNull()
    expect(parseLocaleNumber('abc')).toBeNull()
    expect(parseLocaleNumber(undefined)).toBeNull()
  })
})
