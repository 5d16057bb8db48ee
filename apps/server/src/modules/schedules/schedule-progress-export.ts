import type {
  TScheduleFamilyCurve,
  TScheduleProgress,
  TScheduleProgressCurve,
  TScheduleProgressHistory,
} from '@faena/contracts'
import { writeWorkbook, type SheetColumn } from '../../platform/spreadsheet/spreadsheet'

/**
 * The schedule with both truths as a workbook (docs/schedules.md#progress-two-truths), in the requesting
 * user's language: "Avance" (the task tree with planned, real and client %, the gap and who entered each
 * value, and the work order's total), "Curva S" (by week), "Curva S familia" (every work order of the family
 * on one axis) and "Historial" (every entry, newest first; "History" is a name Excel reserves, so English says "Change history"). Percentages are numbers in percent points.
 */
export type ProgressWorkbookInput = {
  lang: 'es' | 'en'
  workOrderNumber: string
  progress: TScheduleProgress
  curve: TScheduleProgressCurve
  family: TScheduleFamilyCurve
  history: TScheduleProgressHistory
}

const WORDS = {
  es: {
    progress: 'Avance',
    curve: 'Curva S',
    family: 'Curva S familia',
    history: 'Historial',
    wbs: 'EDT',
    task: 'Tarea',
    start: 'Inicio',
    finish: 'Fin',
    duration: 'Duración (días)',
    weight: 'Ponderador',
    basisWeight: 'Peso en el cálculo',
    planned: 'Programado %',
    real: 'Real contratista %',
    realDate: 'Fecha real',
    realBy: 'Capturó real',
    realComment: 'Comentario real',
    client: 'Reconocido cliente %',
    clientDate: 'Fecha cliente',
    clientBy: 'Capturó cliente',
    clientComment: 'Comentario cliente',
    gap: 'Brecha (real − cliente)',
    late: 'Atrasada',
    yes: 'Sí',
    total: 'Total de la OT',
    basis: { weight: 'ponderador del programa', duration: 'duración', count: 'tareas iguales' },
    basisLabel: 'Peso por',
    asOf: 'Al',
    removed: 'Quitada del programa',
    weekEnd: 'Cierre de semana',
    kind: 'Verdad',
    kinds: { real: 'Real contratista', client: 'Reconocido cliente' },
    percent: '%',
    previous: 'Anterior %',
    date: 'Fecha',
    comment: 'Comentario',
    source: 'Origen',
    sources: { entry: 'Captura', acknowledge: 'Reconocimiento masivo' },
    version: 'Versión',
    by: 'Capturó',
    at: 'Capturado el',
    reprogramming: 'Reprogramación',
    initial: 'Inicial',
  },
  en: {
    progress: 'Progress',
    curve: 'S-curve',
    family: 'Family S-curve',
    history: 'Change history',
    wbs: 'WBS',
    task: 'Task',
    start: 'Start',
    finish: 'Finish',
    duration: 'Duration (days)',
    weight: 'Weight',
    basisWeight: 'Weight used',
    planned: 'Planned %',
    real: 'Contractor real %',
    realDate: 'Real date',
    realBy: 'Real entered by',
    realComment: 'Real comment',
    client: 'Client acknowledged %',
    clientDate: 'Client date',
    clientBy: 'Client entered by',
    clientComment: 'Client comment',
    gap: 'Gap (real − client)',
    late: 'Late',
    yes: 'Yes',
    total: 'Work order total',
    basis: { weight: 'schedule weight', duration: 'duration', count: 'equal tasks' },
    basisLabel: 'Weighted by',
    asOf: 'As of',
    removed: 'Removed from the schedule',
    weekEnd: 'Week ending',
    kind: 'Truth',
    kinds: { real: 'Contractor real', client: 'Client acknowledged' },
    percent: '%',
    previous: 'Previous %',
    date: 'Date',
    comment: 'Comment',
    source: 'Source',
    sources: { entry: 'Entry', acknowledge: 'Bulk acknowledgement' },
    version: 'Version',
    by: 'Entered by',
    at: 'Entered at',
    reprogramming: 'Reprogramming',
    initial: 'Initial',
  },
} as const

export async function writeProgressWorkbook(input: ProgressWorkbookInput): Promise<Buffer> {
  const w = WORDS[input.lang]
  const p = input.progress
  const taskColumns: SheetColumn[] = [
    { header: w.wbs, key: 'wbs', width: 10 },
    { header: w.task, key: 'name', width: 44 },
    { header: w.start, key: 'start', type: 'date', width: 12 },
    { header: w.finish, key: 'finish', type: 'date', width: 12 },
    { header: w.duration, key: 'durationDays', type: 'number', width: 10 },
    { header: w.weight, key: 'weight', type: 'number', width: 10 },
    { header: w.basisWeight, key: 'basisWeight', type: 'number', width: 10 },
    { header: w.planned, key: 'plannedPercent', type: 'number', width: 11 },
    { header: w.real, key: 'realPercent', type: 'number', width: 11 },
    { header: w.realDate, key: 'realDate', type: 'date', width: 12 },
    { header: w.realBy, key: 'realBy', width: 18 },
    { header: w.realComment, key: 'realComment', width: 24 },
    { header: w.client, key: 'clientPercent', type: 'number', width: 11 },
    { header: w.clientDate, key: 'clientDate', type: 'date', width: 12 },
    { header: w.clientBy, key: 'clientBy', width: 18 },
    { header: w.clientComment, key: 'clientComment', width: 24 },
    { header: w.gap, key: 'gap', type: 'number', width: 11 },
    { header: w.late, key: 'late', width: 8 },
  ]
  const taskRows: Record<string, unknown>[] = p.tasks.map((t) => ({
    wbs: t.wbs ?? t.id ?? t.taskUid,
    name: `${'  '.repeat(Math.max(0, t.outlineLevel - 1))}${t.name}`,
    start: t.start,
    finish: t.finish,
    durationDays: t.durationDays,
    weight: t.weight,
    basisWeight: t.basisWeight,
    plannedPercent: t.plannedPercent,
    realPercent: t.realPercent,
    realDate: t.real?.date,
    realBy: t.real?.enteredBy?.name,
    realComment: t.real?.comment,
    clientPercent: t.clientPercent,
    clientDate: t.client?.date,
    clientBy: t.client?.enteredBy?.name,
    clientComment: t.client?.comment,
    gap: t.gap,
    late: t.late ? w.yes : '',
  }))
  taskRows.push({})
  taskRows.push({
    name: `${w.total} (${w.basisLabel}: ${w.basis[p.basis]}${p.weightField ? ` «${p.weightField}»` : ''}; ${w.asOf} ${p.asOf})`,
    plannedPercent: p.total.plannedPercent,
    realPercent: p.total.realPercent,
    clientPercent: p.total.clientPercent,
    gap: p.total.gap,
  })
  for (const r of p.removedTasks) {
    taskRows.push({
      wbs: r.taskUid,
      name: `${r.name} (${w.removed})`,
      realPercent: r.real?.percent,
      realDate: r.real?.date,
      clientPercent: r.client?.percent,
      clientDate: r.client?.date,
    })
  }

  const curveColumns: SheetColumn[] = [
    { header: w.weekEnd, key: 'date', type: 'date', width: 14 },
    { header: w.planned, key: 'planned', type: 'number', width: 12 },
    { header: w.real, key: 'real', type: 'number', width: 12 },
    { header: w.client, key: 'client', type: 'number', width: 12 },
    { header: w.gap, key: 'gap', type: 'number', width: 12 },
  ]

  const members = input.family.members.filter((m) => m.points.length > 0)
  const label = (m: (typeof members)[number]) =>
    m.reprogrammingNumber === null
      ? `${m.number} ${w.initial}`
      : `${m.number} ${w.reprogramming} ${m.reprogrammingNumber}`
  const familyColumns: SheetColumn[] = [
    { header: w.weekEnd, key: 'date', type: 'date', width: 14 },
    ...members.flatMap((m, i): SheetColumn[] => [
      { header: `${label(m)} · ${w.planned}`, key: `p${i}`, type: 'number', width: 14 },
      { header: `${label(m)} · ${w.real}`, key: `r${i}`, type: 'number', width: 14 },
      { header: `${label(m)} · ${w.client}`, key: `c${i}`, type: 'number', width: 14 },
    ]),
  ]
  const familyRows = (members[0]?.points ?? []).map((pt, k) => {
    const row: Record<string, unknown> = { date: pt.date }
    members.forEach((m, i) => {
      row[`p${i}`] = m.points[k]?.planned
      row[`r${i}`] = m.points[k]?.real
      row[`c${i}`] = m.points[k]?.client
    })
    return row
  })

  const historyColumns: SheetColumn[] = [
    { header: w.at, key: 'enteredAt', type: 'datetime', width: 17 },
    { header: 'UID', key: 'taskUid', type: 'number', width: 7 },
    { header: w.task, key: 'taskName', width: 36 },
    { header: w.kind, key: 'kind', width: 18 },
    { header: w.percent, key: 'percent', type: 'number', width: 9 },
    { header: w.previous, key: 'previousPercent', type: 'number', width: 10 },
    { header: w.date, key: 'date', type: 'date', width: 12 },
    { header: w.comment, key: 'comment', width: 30 },
    { header: w.source, key: 'source', width: 20 },
    { header: w.version, key: 'version', type: 'number', width: 8 },
    { header: w.by, key: 'by', width: 20 },
  ]
  const historyRows = input.history.items.map((e) => ({
    ...e,
    kind: w.kinds[e.kind],
    source: w.sources[e.source],
    by: e.enteredBy?.name,
  }))

  return writeWorkbook([
    { name: `${w.progress} ${input.workOrderNumber}`, columns: taskColumns, rows: taskRows },
    { name: w.curve, columns: curveColumns, rows: input.curve.points },
    { name: w.family, columns: familyColumns, rows: familyRows },
    { name: w.history, columns: historyColumns, rows: historyRows },
  ])
}
