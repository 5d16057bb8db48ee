import type { TStoredFile } from '@faena/contracts'

export type FileKind = TStoredFile['kind']

export const MIME_OF: Record<FileKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xml: 'application/xml',
  mpp: 'application/vnd.ms-project',
}

const startsWith = (buf: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b)

/** The file's real type from its first bytes (never from its name or the browser's claim). */
export function detectFileKind(buf: Buffer): FileKind | undefined {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf' // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // an OLE2 compound file is an MS Project file when its CompObj stream names the MSProject class
    return buf.includes('MSProject.', 0, 'latin1') ? 'mpp' : undefined
  }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // An OOXML workbook is a zip whose entries include [Content_Types].xml and xl/… parts.
    const names = buf.toString('latin1')
    if (names.includes('[Content_Types].xml') && names.includes('xl/')) return 'xlsx'
    return undefined
  }
  let i = 0
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) i = 3
  while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++
  if (buf.toString('utf8', i, i + 5) === '<?xml') return 'xml'
  return undefined
}
