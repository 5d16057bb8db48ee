import type { TComplianceReportRow } from '@faena/contracts'
import { describe, expect, it } from 'vitest'
import { alertHtml, alertSubject, alertText, type AlertMail } from './compliance-email'

const row = (over: Partial<TComplianceReportRow>): TComplianceReportRow => ({
  documentId: '00000000-0000-4000-8000-000000000001',
  ownerKind: 'staff',
  ownerId: '00000000-0000-4000-8000-000000000002',
  ownerName: 'Juan Pérez Mora',
  kindName: 'Licencia de conducir',
  subject: 'Tipo E',
  number: null,
  expiresOn: '2026-11-12',
  status: 'expired',
  daysLeft: -25,
  ...over,
})

const mail: AlertMail = {
  organization: 'Rental S.A.',
  today: '2026-12-07',
  rows: [
    row({}),
    row({
      ownerKind: 'vehicle',
      ownerName: 'GBC-0456',
      kindName: 'Matrícula',
      subject: null,
      status: 'due10',
      expiresOn: '2026-12-08',
      daysLeft: 1,
    }),
    row({
      status: 'due30',
      kindName: 'Certificado médico',
      subject: null,
      expiresOn: '2026-12-07',
      daysLeft: 0,
    }),
  ],
  appUrl: 'https://faena.test/rental/compliance',
}

describe('the daily alert e-mail in the recipient language', () => {
  it('is Spanish by default, as it always was', () => {
    expect(alertSubject(mail)).toBe('Vencimientos al 07/12/2026: 1 vencidos, 1 en 10 días, 1 en 30 días')
    expect(alertText(mail).split('\n')).toEqual([
      'Vencimientos de documentos del personal y los vehículos',
      'Rental S.A. · 07/12/2026',
      '',
      'Vencidos (1):',
      '- Técnico Juan Pérez Mora: Licencia de conducir · Tipo E, venció el 12/11/2026 (hace 25 días)',
      '',
      'Vencen en 10 días o menos (1):',
      '- Vehículo GBC-0456: Matrícula, vence el 08/12/2026 (en 1 días)',
      '',
      'Vencen en 30 días o menos (1):',
      '- Técnico Juan Pérez Mora: Certificado médico, vence hoy',
      '',
      'https://faena.test/rental/compliance',
    ])
    expect(alertHtml(mail)).toContain('<html lang="es">')
    expect(alertHtml(mail)).toContain('Abrir el reporte de vencimientos')
  })

  it('is English for an English recipient; the kinds and names stay as the organization wrote them', () => {
    expect(alertSubject(mail, 'en')).toBe(
      'Expiries as of 07/12/2026: 1 expired, 1 within 10 days, 1 within 30 days',
    )
    expect(alertText(mail, 'en').split('\n')).toEqual([
      'Expiring documents of staff and vehicles',
      'Rental S.A. · 07/12/2026',
      '',
      'Expired (1):',
      '- Technician Juan Pérez Mora: Licencia de conducir · Tipo E, expired on 12/11/2026 (25 days ago)',
      '',
      'Expiring in 10 days or less (1):',
      '- Vehicle GBC-0456: Matrícula, expires on 08/12/2026 (in 1 day)',
      '',
      'Expiring in 30 days or less (1):',
      '- Technician Juan Pérez Mora: Certificado médico, expires today',
      '',
      'https://faena.test/rental/compliance',
    ])
    const html = alertHtml(mail, 'en')
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Open the expiries report')
    expect(html).toContain('Generated automatically by Faena.')
    expect(html).not.toMatch(/Vencid|Técnico|Abrir|Generado/)
  })

  it('says there is nothing expired or due when no document is (HTML and text, both languages)', () => {
    const none: AlertMail = { ...mail, rows: [row({ status: 'ok', daysLeft: 90 })], appUrl: null }
    expect(alertHtml(none)).toContain(
      '<p>No hay documentos vencidos ni por vencer en los próximos 30 días.</p>',
    )
    expect(alertHtml(none)).not.toContain('<h2')
    expect(alertText(none, 'en').split('\n')).toEqual([
      'Expiring documents of staff and vehicles',
      'Rental S.A. · 07/12/2026',
      '',
      'No documents have expired or expire in the next 30 days.',
    ])
    expect(alertHtml(mail)).not.toContain('No hay documentos vencidos')
  })
})
