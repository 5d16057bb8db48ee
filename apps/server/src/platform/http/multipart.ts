import type { FastifyRequest } from 'fastify'
import { AppError, fieldError } from '../errors'
import { httpMessages as M } from './http.messages'

export type Upload = { filename: string; bytes: Buffer; fields: Record<string, string> }

/**
 * Reads the one file of a multipart request (field `file`) and its text fields.
 * Over the size limit → 413; not multipart or no file → 400 naming the `file` field.
 */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new AppError('VALIDATION', M.expectedMultipart(), [fieldError('file', M.missingFile())])
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
    throw new AppError('VALIDATION', M.missingFile(), [fieldError('file', M.attachFile())])
  }
  return upload
}
