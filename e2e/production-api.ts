import type { APIRequestContext } from '@playwright/test'
import type { ProductionApi } from '../apps/server/test/production-setup'

/**
 * The production fixtures' API port (apps/server/test/production-setup.ts) over a journey's signed-in request
 * context: the journeys build their work orders and Anexo C through the API, as the integration tests do.
 */
export function apiOf(request: APIRequestContext): ProductionApi {
  return {
    async json(method, url, body) {
      const res = await request.fetch(url, { method, ...(body === undefined ? {} : { data: body }) })
      if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`)
      return res.json()
    },
    async upload(url, fileName, bytes, fields = {}) {
      const res = await request.post(url, {
        multipart: {
          ...fields,
          file: {
            name: fileName,
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            buffer: bytes,
          },
        },
        timeout: 60_000,
      })
      if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`)
      return res.json()
    },
  }
}
