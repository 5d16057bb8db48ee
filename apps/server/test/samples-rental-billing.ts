import type { ModuleSamples, SampleHelpers } from './samples'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

/** `YYYY-MM-DD` plus `days`. */
const plus = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * Sample records of the rental-billing module (in demo-rental): a billing sheet of the first open project
 * (its first three weeks, so its equipment gives lines), one of its lines and its disposition certificate,
 * and a valid body per route.
 */
export async function rentalBillingSamples(h: SampleHelpers): Promise<ModuleSamples> {
  if (!h.hasRoute('/api/v1/rental/billing-sheets')) return { ids: {}, bodies: {} }
  const projects = await h.get('/api/v1/rental/projects?status=open&limit=50&sort=startDate&dir=asc')
  const project = projects.items[0] as { id: string; startDate: string; endDate: string | null }
  const periodStart = project.startDate
  const periodEnd = plus(periodStart, 20)
  const sheet = await h.post('/api/v1/rental/billing-sheets', {
    projectId: project.id,
    periodStart,
    periodEnd,
  })
  const line = sheet.lines[0] as { id: string; key: string } | undefined
  if (!line) throw new Error('sample billing sheet has no line: the demo project needs equipment on site')
  const certificate = await h.post('/api/v1/rental/disposition-certificates', { billingSheetId: sheet.id })
  const invoice = await h.upload('/api/v1/files', 'factura.pdf', PDF)
  return {
    ids: {
      '/api/v1/rental/billing-sheets/:id': sheet.id,
      '/api/v1/rental/billing-sheets :lineId': line.id,
      '/api/v1/rental/disposition-certificates/:id': certificate.id,
    },
    bodies: {
      'POST /api/v1/rental/billing-sheets': {
        projectId: project.id,
        periodStart: plus(periodEnd, 1),
        periodEnd: plus(periodEnd, 30),
      },
      'PATCH /api/v1/rental/billing-sheets/:id': { notes: 'Observación muestra' },
      'PUT /api/v1/rental/billing-sheets/:id/lines/:lineId/days': { dates: [periodStart] },
      'POST /api/v1/rental/billing-sheets/:id/lines/restore': { key: line.key },
      'POST /api/v1/rental/billing-sheets/:id/reopen': { reason: 'Muestra' },
      'POST /api/v1/rental/billing-sheets/:id/invoice': {
        invoiceReference: '001-001-000000123',
        invoiceFileId: invoice.id,
      },
      'POST /api/v1/rental/billing-sheets/:id/cancel': { reason: 'Muestra' },
      'POST /api/v1/rental/disposition-certificates': { billingSheetId: sheet.id },
      // the dossiers (rental-dossiers): the sheet's takes no body; the project's a scope (and a sheet)
      'POST /api/v1/rental/projects/:id/dossier': { scope: 'all' },
    },
  }
}
