import { toDayMonthYear } from '@faena/domain/calendar-date'
import { overallPercent, type ModuleCount, type Progress } from './digest-rules'

/**
 * The weekly digest as an e-mail (docs/insights.md#weekly-digest): subject, HTML with its charts drawn as
 * table bars (they show in every mail client, no images to block) and the same figures as plain text.
 */

export type DigestFigures = {
  periodStart: string
  periodEnd: string
  organization: string
  activity: { user: string; total: number; modules: ModuleCount[] }[]
  modules: ModuleCount[]
  proposalDocuments: Progress[]
  workOrderSteps: Progress[]
  /** the app's address for the button, when the server knows it */
  appUrl: string | null
}

const MODULE_LABELS: Record<string, string> = {
  proposals: 'Propuestas (PTE)',
  'work-orders': 'Órdenes de trabajo',
  concepts: 'Catálogo de conceptos',
  'work-order-concepts': 'Anexo C',
  schedules: 'Programas',
  production: 'Producción',
  catalogs: 'Catálogos',
  'rental-projects': 'Proyectos y equipos',
  'rental-documents': 'Documentos de campo',
  'rental-billing': 'Planillas',
  users: 'Usuarios',
  files: 'Archivos',
  mail: 'Correo',
  backup: 'Respaldos',
  tenancy: 'Organización',
  insights: 'Tableros y resumen',
}
export const moduleLabel = (module: string) => MODULE_LABELS[module] ?? module

/** Fixed colours per module, in the order of the legend. */
const COLOURS = ['#1d4e89', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51', '#6d597a', '#457b9d', '#8d99ae']

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
const int = (n: number) => new Intl.NumberFormat('es-MX').format(n)

export const digestSubject = (f: Pick<DigestFigures, 'periodStart' | 'periodEnd'>) =>
  `Resumen semanal de actividad: ${toDayMonthYear(f.periodStart)} — ${toDayMonthYear(f.periodEnd)}`

function activityChart(f: DigestFigures): string {
  if (f.activity.length === 0) return '<p style="color:#555">Nadie registró cambios en la semana.</p>'
  const colourOf = new Map(f.modules.map((m, i) => [m.module, COLOURS[i % COLOURS.length]!]))
  const max = Math.max(...f.activity.map((u) => u.total))
  const rows = f.activity
    .map((u) => {
      const segments = u.modules
        .map((m) => {
          const width = ((m.count / max) * 100).toFixed(2)
          return `<td style="width:${width}%;background:${colourOf.get(m.module)};height:16px" title="${esc(moduleLabel(m.module))}: ${m.count}"></td>`
        })
        .join('')
      const rest = ((1 - u.total / max) * 100).toFixed(2)
      return `<tr><td style="padding:3px 8px 3px 0;white-space:nowrap">${esc(u.user)}</td><td style="width:70%"><table role="presentation" cellspacing="0" cellpadding="0" style="width:100%;border-collapse:collapse"><tr>${segments}<td style="width:${rest}%"></td></tr></table></td><td style="padding-left:8px;text-align:right">${int(u.total)}</td></tr>`
    })
    .join('')
  const legend = f.modules
    .map(
      (m) =>
        `<span style="display:inline-block;margin-right:12px"><span style="display:inline-block;width:10px;height:10px;background:${colourOf.get(m.module)}"></span> ${esc(moduleLabel(m.module))} (${int(m.count)})</span>`,
    )
    .join('')
  return `<table role="presentation" style="width:100%;border-collapse:collapse;font-size:13px">${rows}</table><p style="font-size:12px;color:#444">${legend}</p>`
}

function progressTable(title: string, rows: Progress[], doneLabel: string): string {
  if (rows.length === 0)
    return `<h2 style="font-size:16px">${esc(title)}</h2><p style="color:#555">Sin registros.</p>`
  const pct = overallPercent(rows)
  const body = rows
    .map((r) => {
      const share = r.total === 0 ? 0 : (r.done / r.total) * 100
      return `<tr><td style="padding:3px 8px 3px 0">${esc(r.projectManager)}</td><td style="width:40%"><table role="presentation" cellspacing="0" cellpadding="0" style="width:100%;border-collapse:collapse;background:#e5e7eb"><tr><td style="width:${share.toFixed(2)}%;background:#2a9d8f;height:12px"></td><td></td></tr></table></td><td style="text-align:right;padding-left:8px">${int(r.done)}</td><td style="text-align:right;padding-left:8px">${int(r.total - r.done)}</td><td style="text-align:right;padding-left:8px">${int(r.total)}</td></tr>`
    })
    .join('')
  return `<h2 style="font-size:16px">${esc(title)}${pct ? ` — avance ${pct} %` : ''}</h2><table style="width:100%;border-collapse:collapse;font-size:13px"><tr style="text-align:left;color:#444"><th>Responsable</th><th></th><th style="text-align:right">${esc(doneLabel)}</th><th style="text-align:right">Pendientes</th><th style="text-align:right">Total</th></tr>${body}</table>`
}

export function digestHtml(f: DigestFigures): string {
  const period = `${toDayMonthYear(f.periodStart)} — ${toDayMonthYear(f.periodEnd)}`
  const button = f.appUrl
    ? `<p><a href="${esc(f.appUrl)}" style="display:inline-block;padding:8px 14px;background:#1d4e89;color:#fff;text-decoration:none;border-radius:4px">Abrir Faena</a></p>`
    : ''
  return `<!doctype html><html lang="es"><body style="font-family:Arial,Helvetica,sans-serif;color:#111;max-width:720px">
<h1 style="font-size:20px">Informe semanal de actividad</h1>
<p>${esc(f.organization)} · Periodo: ${period}</p>
<h2 style="font-size:16px">Actividad por usuario</h2>
${activityChart(f)}
${progressTable('Avance de carga de documentos de PTE', f.proposalDocuments, 'Con documento')}
${progressTable('Avance de pasos de OT', f.workOrderSteps, 'Terminados')}
${button}
<p style="font-size:11px;color:#666">Generado automáticamente por Faena.</p>
</body></html>`
}

export function digestText(f: DigestFigures): string {
  const lines = [
    'Informe semanal de actividad',
    `${f.organization} · Periodo: ${toDayMonthYear(f.periodStart)} — ${toDayMonthYear(f.periodEnd)}`,
    '',
    'Actividad por usuario:',
    ...(f.activity.length
      ? f.activity.map(
          (u) =>
            `- ${u.user}: ${int(u.total)} (${u.modules.map((m) => `${moduleLabel(m.module)} ${int(m.count)}`).join(', ')})`,
        )
      : ['- Nadie registró cambios en la semana.']),
  ]
  for (const [title, rows, done] of [
    ['Avance de carga de documentos de PTE', f.proposalDocuments, 'con documento'],
    ['Avance de pasos de OT', f.workOrderSteps, 'terminados'],
  ] as const) {
    const pct = overallPercent(rows)
    lines.push('', `${title}${pct ? ` (avance ${pct} %)` : ''}:`)
    if (rows.length === 0) lines.push('- Sin registros.')
    for (const r of rows) lines.push(`- ${r.projectManager}: ${int(r.done)} ${done} de ${int(r.total)}`)
  }
  if (f.appUrl) lines.push('', f.appUrl)
  return lines.join('\n')
}
