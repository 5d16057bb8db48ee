import { PDFDocument } from 'pdf-lib'

/**
 * Page-level PDF work with pdf-lib (pure JS): how many pages a scan has, and the scan split into one PDF per
 * page. The whole scan is in memory (the upload limit bounds it); each page is written as its own document.
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
