import { PDFDocument } from 'pdf-lib'

/**
 * Page-level PDF work with pdf-lib (pure JS): how many pages a scan has, the scan split into one PDF per
 * page, and files appended to a document (the dossiers, docs/rental-dossiers.md). The whole file is in memory
 * (the upload limit bounds it).
 */

/** The pages of a PDF; null when the bytes are not a PDF pdf-lib can read (encrypted, broken). */
export async function pageCount(bytes: Uint8Array): Promise<number | null> {
  try {
    return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount()
  } catch {
    return null
  }
}

/** One PDF per page, in order. */
export async function splitPages(bytes: Uint8Array): Promise<Buffer[]> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false })
  const out: Buffer[] = []
  for (let i = 0; i < source.getPageCount(); i++) {
    const doc = await PDFDocument.create()
    for (const page of await doc.copyPages(source, [i])) doc.addPage(page)
    out.push(Buffer.from(await doc.save()))
  }
  return out
}

/** A4 portrait in points: the page an image scan is placed on. */
const A4: [number, number] = [595.28, 841.89]
const IMAGE_MARGIN = 28

const isPng = (b: Uint8Array) =>
  b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47
const isJpeg = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff
const isPdf = (b: Uint8Array) => Buffer.from(b.subarray(0, 1024)).includes('%PDF-')

/** What `appendPages` did with a file: the pages it added, or why it added none. */
export type AppendOutcome = { pages: number } | { skipped: 'unreadable' | 'unsupported' }

/**
 * Appends a file to `target`: every page of a PDF (copied, in order), or a PNG/JPEG scan as one A4 page with
 * the image scaled to fit. A file pdf-lib cannot read (broken, encrypted, no pages) is `unreadable`; any other
 * type is `unsupported`. Nothing is added to `target` unless the whole file could be read.
 */
export async function appendPages(target: PDFDocument, input: Uint8Array): Promise<AppendOutcome> {
  // a copy of its own: pdf-lib reads an image through a DataView of the whole underlying buffer, which is
  // wrong for a Buffer sliced from Node's shared pool (it then reports "SOI not found")
  const bytes = new Uint8Array(input)
  if (isPng(bytes) || isJpeg(bytes)) {
    try {
      const image = isPng(bytes) ? await target.embedPng(bytes) : await target.embedJpg(bytes)
      const page = target.addPage(A4)
      const fit = image.scaleToFit(A4[0] - 2 * IMAGE_MARGIN, A4[1] - 2 * IMAGE_MARGIN)
      page.drawImage(image, {
        x: (A4[0] - fit.width) / 2,
        y: (A4[1] - fit.height) / 2,
        width: fit.width,
        height: fit.height,
      })
      return { pages: 1 }
    } catch {
      return { skipped: 'unreadable' }
    }
  }
  if (!isPdf(bytes)) return { skipped: 'unsupported' }
  let pages
  try {
    const source = await PDFDocument.load(bytes, { updateMetadata: false })
    if (source.getPageCount() === 0) return { skipped: 'unreadable' }
    pages = await target.copyPages(source, source.getPageIndices())
  } catch {
    return { skipped: 'unreadable' }
  }
  for (const page of pages) target.addPage(page)
  return { pages: pages.length }
}
