import { renderPdf } from '../../platform/pdf/pdf'
import { safeSheetName, writeWorkbook } from '../../platform/spreadsheet/spreadsheet'
import { chartBars, type Report } from './dashboard-report'

/** The report as a workbook: one sheet per section, money as exact numbers of the sheet. */
export async function reportWorkbook(report: Report): Promise<Buffer> {
  const used = new Set<string>()
  return writeWorkbook(
    report.sections.map((s, i) => {
      let name = safeSheetName(s.title.replace(/\s*\(.*$/, '')).slice(0, 28)
      if (used.has(name)) name = `${name.slice(0, 25)} ${i + 1}`
      used.add(name)
      return {
        name,
        columns: s.columns.map((c) => ({
          header: c.header,
          key: c.key,
          width: c.type ? 16 : 32,
          ...(c.type ? { type: 'number' as const } : {}),
        })),
        rows: s.rows,
      }
    }),
  )
}

const BAR_COLOUR = '#1d4e89'

/** The report as a PDF: per section its title, its bar chart (vector, drawn by pdfmake) and its table. */
export async function reportPdf(report: Report): Promise<Buffer> {
  const content: unknown[] = [
    { text: report.title, style: 'title' },
    { text: report.subtitle, style: 'subtitle' },
  ]
  for (const s of report.sections) {
    content.push({ text: s.title, style: 'section' })
    const bars = chartBars(s)
    const max = Math.max(0, ...bars.map((b) => b.value))
    if (bars.length > 0 && max > 0) {
      const width = 330
      content.push({
        table: {
          widths: [150, width, '*'],
          body: bars.map((b) => [
            { text: b.label, noWrap: false },
            {
              canvas: [
                {
                  type: 'rect',
                  x: 0,
                  y: 2,
                  w: Math.max(1, (b.value / max) * width),
                  h: 9,
                  color: BAR_COLOUR,
                },
              ],
            },
            { text: String(b.value), alignment: 'right' },
          ]),
        },
        layout: 'noBorders',
        margin: [0, 2, 0, 6],
      })
    }
    content.push({
      table: {
        headerRows: 1,
        widths: s.columns.map((c) => (c.type ? 'auto' : '*')),
        body: [
          s.columns.map((c) => ({ text: c.header, bold: true, alignment: c.type ? 'right' : 'left' })),
          ...s.rows.map((r) =>
            s.columns.map((c) => ({
              text: r[c.key] === null || r[c.key] === undefined ? '—' : String(r[c.key]),
              alignment: c.type ? 'right' : 'left',
            })),
          ),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 10],
    })
    if (s.rows.length === 0)
      content.push({ text: 'Sin datos en el filtro.', italics: true, margin: [0, 0, 0, 10] })
  }
  return renderPdf({
    content,
    info: { title: report.title },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 9, color: '#555', margin: [0, 0, 0, 10] },
      section: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
    },
    footer: (page: number, pages: number) => ({
      text: `Faena · ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#777',
    }),
  })
}
