/**
 * File uploads for the integration tests: one multipart/form-data body with a file part (and optional
 * text fields before it), posted as a user.
 */
import type { TestApp } from './harness'

/** A multipart/form-data body: `fields` as text parts, then the file as `file`. */
export function multipartForm(
  fileName: string,
  bytes: Buffer,
  fields: Record<string, string> = {},
  boundary = 'faenaUploadBoundary',
): { payload: Buffer; contentType: string } {
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  )
  return {
    payload: Buffer.concat([
      ...parts,
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

/** POSTs a file (and text fields) to `url` as `cookie`; the raw answer. */
export function postFile(
  t: TestApp,
  cookie: string,
  url: string,
  fileName: string,
  bytes: Buffer,
  fields: Record<string, string> = {},
) {
  const { payload, contentType } = multipartForm(fileName, bytes, fields)
  return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload })
}
