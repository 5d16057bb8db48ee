import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The one door to the PDF library (pdfmake 0.3, pure JS). Documents are declarative definitions
 * built by pure functions in each module (`*-pdf.ts`), rendered here to a Buffer. Fonts: Roboto,
 * shipped with pdfmake. Documents may not fetch URLs, and may read only the font files.
 */
export type PdfContent = unknown
export type PdfDocDefinition = {
  content: PdfContent
  pageSize?: string
  pageOrientation?: 'portrait' | 'landscape'
  pageMargins?: number | [number, number] | [number, number, number, number]
  info?: { title?: string; author?: string; subject?: string; creator?: string }
  defaultStyle?: Record<string, unknown>
  styles?: Record<string, Record<string, unknown>>
  header?: unknown
  footer?: unknown
  /** text across every page, e.g. `{ text: 'BORRADOR', opacity: 0.12 }` */
  watermark?: unknown
}

type OutputDocument = { getBuffer(): Promise<Buffer> }
type PdfMake = {
  setFonts(fonts: Record<string, Record<string, string>>): void
  setUrlAccessPolicy(cb: (url: string) => boolean): void
  setLocalAccessPolicy(cb: (p: string) => boolean): void
  createPdf(doc: PdfDocDefinition, options?: Record<string, unknown>): OutputDocument
}

const require = createRequire(import.meta.url)
let engine: PdfMake | undefined

function pdfmake(): PdfMake {
  if (engine) return engine
  const pm = require('pdfmake') as PdfMake
  const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto')
  pm.setFonts({
    Roboto: {
      normal: path.join(fontDir, 'Roboto-Regular.ttf'),
      bold: path.join(fontDir, 'Roboto-Medium.ttf'),
      italics: path.join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  })
  pm.setUrlAccessPolicy(() => false)
  pm.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir))
  engine = pm
  return pm
}

export async function renderPdf(doc: PdfDocDefinition): Promise<Buffer> {
  const out = pdfmake().createPdf({
    pageSize: 'A4',
    pageMargins: [36, 40, 36, 48],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    ...doc,
    info: { creator: 'Faena', ...doc.info },
  })
  return out.getBuffer()
}

export const PDF_MIME = 'application/pdf'
