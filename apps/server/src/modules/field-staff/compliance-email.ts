import { toDayMonthYear } from '@faena/domain/calendar-date'
import type { TComplianceReportRow, TComplianceStatus } from '@faena/contracts'

/** The daily "Vencimientos" e-mail (docs/field-staff.md#daily-alert), pure: subject, HTML and text. */

const STATUS_ES: Record<TComplianceStatus, string> = {
  expired: 'Vencidos',
  due10: 'Vencen en 10 días o menos',
  due30: 'Vencen en 30 días o menos',
  ok: 'Vigentes',
}
const COLOUR: Record<TComplianceStatus, string> = {
  expired: '#b42318',
  due10: '#b54708',
  due30: '#8a6d00',
  ok: '#067647',
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export type AlertMail = {
  organization: string
  today: string
  rows: readonly TComplianceReportRow[]
  /** the compliance report in the app, when the public origin is known */
  appUrl: string | null
}

const counts = (rows: readonly TComplianceReportRow[]) => ({
  expired: rows.filter((r) => r.status === 'expired').length,
  due10: rows.filter((r) => r.status === 'due10').length,
  due30: rows.filter((r) => r.status === 'due30').length,
})

export function alertSubject(m: Pick<AlertMail, 'today' | 'rows'>): string {
  const c = counts(m.rows)
  return `Vencimientos al ${toDayMonthYear(m.today)}: ${c.expired} vencidos, ${c.due10} en 10 días, ${c.due30} en 30 días`
}

const owner = (r: TComplianceReportRow) =>
  `${r.ownerKind === 'staff' ? 'Técnico' : 'Vehículo'} ${r.ownerName}`
const when = (r: TComplianceReportRow) =>
  r.daysLeft < 0
    ? `venció el ${toDayMonthYear(r.expiresOn)} (hace ${-r.daysLeft} días)`
    : r.daysLeft === 0
      ? `vence hoy`
      : `vence el ${toDayMonthYear(r.expiresOn)} (en ${r.daysLeft} días)`

export function alertHtml(m: AlertMail): string {
  const groups = (['expired', 'due10', 'due30'] as const)
    .map((s) => {
      const rows = m.rows.filter((r) => r.status === s)
      if (rows.length === 0) return ''
      const body = rows
        .map(
          (r) =>
            `<tr><td style="padding:3px 8px 3px 0">${esc(owner(r))}</td><td style="padding:3px 8px">${esc(r.kindName)}${r.subject ? ` · ${esc(r.subject)}` : ''}</td><td style="padding:3px 0">${esc(when(r))}</td></tr>`,
        )
        .join('')
      return `<h2 style="font-size:16px;color:${COLOUR[s]}">${STATUS_ES[s]} (${rows.length})</h2><table style="width:100%;border-collapse:collapse;font-size:13px">${body}</table>`
    })
    .join('\n')
  const button = m.appUrl
    ? `<p><a href="${esc(m.appUrl)}" style="display:inline-block;padding:8px 14px;background:#1d4e89;color:#fff;text-decoration:none;border-radius:4px">Abrir el reporte de vencimientos</a></p>`
    : ''
  return `<!doctype html><html lang="es"><body style="font-family:Arial,Helvetica,sans-serif;color:#111;max-width:720px">
<h1 style="font-size:20px">Vencimientos de documentos del personal y los vehículos</h1>
<p>${esc(m.organization)} · ${toDayMonthYear(m.today)}</p>
${groups || '<p>No hay documentos vencidos ni por vencer en los próximos 30 días.</p>'}
${button}
<p style="font-size:11px;color:#666">Generado automáticamente por Faena.</p>
</body></html>`
}

export function alertText(m: AlertMail): string {
  const lines = [
    'Vencimientos de documentos del personal y los vehículos',
    `${m.organization} · ${toDayMonthYear(m.today)}`,
  ]
  for (const s of ['expired', 'due10', 'due30'] as const) {
    const rows = m.rows.filter((r) => r.status === s)
    if (rows.length === 0) continue
    lines.push('', `${STATUS_ES[s]} (${rows.length}):`)
    for (const r of rows)
      lines.push(`- ${owner(r)}: ${r.kindName}${r.subject ? ` · ${r.subject}` : ''}, ${when(r)}`)
  }
  if (m.appUrl) lines.push('', m.appUrl)
  return lines.join('\n')
}
