/**
 * Stored files on both databases (docs/platform.md "Files"): an upload whose content is not an accepted kind
 * and a file that does not exist are refused in the caller's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, uploadFile, type Json } from '../../../test/json-api'

let t: TestApp
let admin = ''
const api = jsonApi(
  () => t,
  () => admin,
)

const upload = async (cookie: string, filename: string, bytes: Buffer) => {
  const b = 'filesTestBoundary'
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  })
  return { status: res.statusCode, body: res.json<Json>() }
}

const TEXTS = {
  es: {
    type: 'Tipo de archivo no permitido; se acepta: PDF, PNG, JPEG, XLSX, XML, MPP',
    content: 'El contenido del archivo no es PDF, PNG, JPEG, XLSX, XML, MPP',
    notFound: 'Archivo no encontrado',
  },
  en: {
    type: 'File type not allowed; accepted: PDF, PNG, JPEG, XLSX, XML, MPP',
    content: 'The content of the file is not PDF, PNG, JPEG, XLSX, XML, MPP',
    notFound: 'File not found',
  },
} as const

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login('admin@offshore.test')
})
afterAll(async () => {
  await t?.close()
})

describe('files in the caller language', () => {
  it.each(['es', 'en'] as const)('%s: a file of another kind and a missing file', async (lang) => {
    const x = TEXTS[lang]
    await api.ok(api.patch('/api/v1/auth/me/preferences', { locale: lang }))
    try {
      const fake = await upload(admin, 'virus.pdf', Buffer.from('MZ an executable pretending to be a PDF'))
      expect(fake.status).toBe(415)
      expect(fake.body.error).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        key: 'files.typeNotAllowed',
        params: { kinds: 'PDF, PNG, JPEG, XLSX, XML, MPP' },
        message: x.type,
        details: [{ path: 'file', key: 'files.contentIsNot', message: x.content }],
      })
      const missing = await api.get('/api/v1/files/00000000-0000-4000-8000-000000000000/meta')
      expect(missing.status).toBe(404)
      expect(missing.body.error).toMatchObject({ key: 'files.fileNotFound', message: x.notFound })
      // a real PDF is stored: only the refusals speak
      const pdf = await uploadFile(t, admin, 'ok.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'))
      expect(pdf.kind).toBe('pdf')
    } finally {
      await api.ok(api.patch('/api/v1/auth/me/preferences', { locale: 'es' }))
    }
  })
})
