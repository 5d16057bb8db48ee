import type { FastifyRequest } from 'fastify'
import { AppError } from '../errors'

export type Upload = { filename: string; bytes: Buffer; fields: Record<string, string> }

/**
 * Reads the one file of a multipart request (field `file`) and its text fields.
 * Over the size limit → 413; not multipart or no file → 400 naming the `file` field.
 */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new AppError('VALIDATION', 'Se esperaba un formulario multipart con un archivo', [
      { path: 'file', message: 'Falta el archivo' },
    ])
  }
  const fields: Record<string, string> = {}
  let upload: Upload | undefined
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer()
      if (part.fieldname === 'file' && !upload) upload = { filename: part.filename, bytes, fields }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value
    }
  }
  if (!upload || upload.bytes.length === 0) {
    throw new AppError('VALIDATION', 'Falta el archivo', [
      { path: 'file', message: 'Adjunta un archivo no vacío en el campo "file"' },
    ])
  }
  return upload
}
