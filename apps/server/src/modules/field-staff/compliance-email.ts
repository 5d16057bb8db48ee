import { toDayMonthYear } from '@faena/domain/calendar-date'
import type { TComplianceReportRow, TComplianceStatus } from '@faena/contracts'
import type { Lang } from '../../platform/i18n/messages'

/**
 * The daily "Vencimientos" e-mail (docs/field-staff.md#daily-alert), pure: subject, HTML and text, in the
 * recipient's language (Spanish by default). The document kinds and names are the organization's data.
 */

const STATUS: Record<TComplianceStatus, Record<Lang, string>> = {
  expired: { es: 'Vencidos', en: 'Expired' },
  due10: { es: 'Vencen en 10 días o menos', en: 'Expiring in 10 days or less' },
  due30: { es: 'Vencen en 30 días o menos', en: 'Expiring in 30 days or less' },
  ok: { es: 'Vigentes', en: 'Valid' },
}

const TEXT = {
  title: {
    es: 'Vencimientos de documentos del personal y los vehículos',
    en: 'Expiring documents of staff and vehicles',
  },
  open: { es: 'Abrir el reporte de vencimientos', en: 'Open the expiries report' },
  nothing: {
    es: 'No hay documentos vencidos ni por vencer en los próximos 30 días.',
    en: 'No documents have expired or expire in the next 30 days.',
  },
  footer: { es: 'Generado automáticamente por Faena.', en: 'Generated automatically by Faena.' },
} satisfies Record<string, Record<Lang, string>>
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

export function alertSubject(m: Pick<AlertMail, 'today' | 'rows'>, lang: Lang = 'es'): string {
  const c = counts(m.rows)
  const day = toDayMonthYear(m.today)
  return lang === 'en'
    ? `Expiries as of ${day}: ${c.expired} expired, ${c.due10} within 10 days, ${c.due30} within 30 days`
    : `Vencimientos al ${day}: ${c.expired} vencidos, ${c.due10} en 10 días, ${c.due30} en 30 días`
}

const owner = (r: TComplianceReportRow, lang: Lang) =>
  lang === 'en'
    ? `${r.ownerKind === 'staff' ? 'Technician' : 'Vehicle'} ${r.ownerName}`
    : `${r.ownerKind === 'staff' ? 'Técnico' : 'Vehículo'} ${r.ownerName}`
const days = (n: number) => (n === 1 ? '1 day' : `${n} days`)
const when = (r: TComplianceReportRow, lang: Lang) => {
  const date = toDayMonthYear(r.expiresOn)
  if (lang === 'en')
    return r.daysLeft < 0
      ? `expired on ${date} (${days(-r.daysLeft)} ago)`
      : r.daysLeft === 0
        ? 'expires today'
        : `expires on ${date} (in ${days(r.daysLeft)})`
  return r.daysLeft < 0
    ? `venció el ${date} (hace ${-r.daysLeft} días)`
    : r.daysLeft === 0
      ? `vence hoy`
      : `vence el ${date} (en ${r.daysLeft} días)`
}

export function alertHtml(m: AlertMail, lang: Lang = 'es'): string {
  const groups = (['expired', 'due10', 'due30'] as const)
    .map((s) => {
      const rows = m.rows.filter((r) => r.status === s)
      if (rows.length === 0) return ''
      const body = rows
        .map(
          (r) =>
            `<tr><td style="padding:3px 8px 3px 0">${esc(owner(r, lang))}</td><td style="padding:3px 8px">${esc(r.kindName)}${r.subject ? ` · ${esc(r.subject)}` : ''}</td><td style="padding:3px 0">${esc(when(r, lang))}</td></tr>`,
        )
        .join('')
      return `<h2 style="font-size:16px;color:${COLOUR[s]}">${STATUS[s][lang]} (${rows.length})</h2><table style="width:100%;border-collapse:collapse;font-size:13px">${body}</table>`
    })
    .filter(Boolean)
    .join('\n')
  const button = m.appUrl
    ? `<p><a href="${esc(m.appUrl)}" style="display:inline-block;padding:8px 14px;background:#1d4e89;color:#fff;text-decoration:none;border-radius:4px">${TEXT.open[lang]}</a></p>`
    : ''
  return `<!doctype html><html lang="${lang}"><body style="font-family:Arial,Helvetica,sans-serif;color:#111;max-width:720px">
<h1 style="font-size:20px">${TEXT.title[lang]}</h1>
<p>${esc(m.organization)} · ${toDayMonthYear(m.today)}</p>
${groups || `<p>${TEXT.nothing[lang]}</p>`}
${button}
<p style="font-size:11px;color:#666">${TEXT.footer[lang]}</p>
</body></html>`
}

export function alertText(m: AlertMail, lang: Lang = 'es'): string {
  const lines = [TEXT.title[lang], `${m.organization} · ${toDayMonthYear(m.today)}`]
  for (const s of ['expired', 'due10', 'due30'] as const) {
    const rows = m.rows.filter((r) => r.status === s)
    if (rows.length === 0) continue
    lines.push('', `${STATUS[s][lang]} (${rows.length}):`)
    for (const r of rows)
      lines.push(`- ${owner(r, lang)}: ${r.kindName}${r.subject ? ` · ${r.subject}` : ''}, ${when(r, lang)}`)
  }
  if (!m.rows.some((r) => r.status !== 'ok')) lines.push('', TEXT.nothing[lang])
  if (m.appUrl) lines.push('', m.appUrl)
  return lines.join('\n')
}
