import { describe, expect, it } from 'vitest'
import { renderPdf } from './pdf'

describe('renderPdf', () => {
  it('renders a landscape document with Spanish text to a real PDF', async () => {
    const buf = await renderPdf({
      pageOrientation: 'landscape',
      info: { title: 'Planilla PSL-PS-2026-1000' },
      content: [
        { text: 'Planilla de servicios — año 2026, señalización Nº 1', fontSize: 14, bold: true },
        {
          table: {
            headerRows: 1,
            body: [
              ['Equipo', 'Días', 'Total'],
              ['Batería sanitaria', '30', '$ 1.234,50'],
            ],
          },
        },
      ],
    })
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(buf.length).toBeGreaterThan(1000)
    // A4 landscape: wider than tall
    expect(buf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89\d* 595\.2\d*\]/)
  })
})
