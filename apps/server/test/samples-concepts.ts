import { contractWorkbook } from './concept-workbooks'
import type { TestApp } from './harness'

/**
 * Sample records of the concepts module (in demo-offshore): one ordinary concept, imported through the
 * API as the admin. Returns the ids by route prefix.
 */
export async function conceptSamples(t: TestApp, cookie: string): Promise<Record<string, string>> {
  if (!t.app.registeredRoutes.some((r) => r.url === '/api/v1/concepts/import')) return {}
  const b = 'faenaConceptSample'
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncontract\r\n`),
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="muestra.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    await contractWorkbook({ concepts: 2, annexes: [2] }),
    Buffer.from(`\r\n--${b}--\r\n`),
  ])
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/concepts/import',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload,
  })
  if (res.statusCode !== 200) throw new Error(`concept sample import: ${res.statusCode} ${res.body}`)
  const list = await t.app.inject({ method: 'GET', url: '/api/v1/concepts?limit=1', headers: { cookie } })
  return { '/api/v1/concepts/:id': list.json<{ items: { id: string }[] }>().items[0]?.id ?? '' }
}
