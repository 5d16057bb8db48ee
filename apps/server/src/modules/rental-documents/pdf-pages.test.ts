import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { appendPages } from './pdf-pages'

const pdfOf = async (sizes: [number, number][]) => {
  const doc = await PDFDocument.create()
  for (const s of sizes) doc.addPage(s)
  return doc.save()
}
// a 1×1 PNG and a 1×1 baseline JPEG (small Buffers, sliced from Node's shared pool)
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const JPEG = Buffer.from(
  '/9j/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQAAPwDSzyD/2Q==',
  'base64',
)

describe('appendPages', () => {
  it('copies every page of a PDF in order, keeping sizes', async () => {
    const target = await PDFDocument.create()
    expect(
      await appendPages(
        target,
        await pdfOf([
          [842, 595],
          [595, 842],
        ]),
      ),
    ).toEqual({ pages: 2 })
    expect(await appendPages(target, await pdfOf([[300, 300]]))).toEqual({ pages: 1 })
    expect(target.getPages().map((p) => p.getWidth())).toEqual([842, 595, 300])
  })
  it('an image scan (PNG or JPEG) becomes one A4 page', async () => {
    const target = await PDFDocument.create()
    expect(await appendPages(target, PNG)).toEqual({ pages: 1 })
    expect(await appendPages(target, JPEG)).toEqual({ pages: 1 })
    expect(target.getPageCount()).toBe(2)
    expect(Math.round(target.getPage(0).getHeight())).toBe(842)
  })
  it('a broken PDF is unreadable, another type unsupported; nothing is added', async () => {
    const target = await PDFDocument.create()
    expect(
      await appendPages(target, Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')),
    ).toEqual({
      skipped: 'unreadable',
    })
    expect(await appendPages(target, Buffer.from('%PDF-1.7\ngarbage'))).toEqual({ skipped: 'unreadable' })
    expect(await appendPages(target, Buffer.from('PK\u0003\u0004 a zip'))).toEqual({ skipped: 'unsupported' })
    expect(await appendPages(target, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6]))).toEqual({
      skipped: 'unreadable',
    })
    expect(target.getPageCount()).toBe(0)
  })
})
