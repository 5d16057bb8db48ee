/**
 * What the schedule integration tests share: work orders to hang schedules on (numbered `OT-<prefix>-n`,
 * for the organization's first contract client and project manager) and schedule uploads through
 * POST /api/v1/work-orders/:id/schedules. The app and the default cookie are read when a call is made,
 * so a test file can create them in `beforeAll` and then call `init()`.
 */
import { expect } from 'vitest'
import { multipartFile } from './annex-c-workbooks'
import type { TestApp } from './harness'

export type ScheduleRes = { statusCode: number; body: string; json: <T = Record<string, unknown>>() => T }

export const scheduleRes = (res: { statusCode: number; body: string }): ScheduleRes => ({
  statusCode: res.statusCode,
  body: res.body,
  json: <T>() => JSON.parse(res.body) as T,
})

export function scheduleApi(app: () => TestApp, defaultCookie: () => string, prefix: string) {
  let clientId = ''
  let managerId = ''
  let counter = 0
  const get = async (url: string) =>
    scheduleRes(await app().app.inject({ method: 'GET', url, headers: { cookie: defaultCookie() } }))
  const firstId = async (url: string) => (await get(url)).json<{ items: { id: string }[] }>().items[0]!.id

  return {
    /** Looks up the client and the project manager the work orders are created with. */
    init: async (): Promise<void> => {
      clientId = await firstId('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')
      managerId = await firstId('/api/v1/catalogs/project-managers?limit=1')
    },
    /** A new work order (201 expected); returns its id. */
    newWorkOrder: async (description = 'OT para pruebas del programa'): Promise<string> => {
      counter++
      const res = await app().app.inject({
        method: 'POST',
        url: '/api/v1/work-orders',
        headers: { cookie: defaultCookie() },
        payload: { number: `OT-${prefix}-${counter}`, description, clientId, projectManagerId: managerId },
      })
      expect(res.statusCode, res.body).toBe(201)
      return (JSON.parse(res.body) as { id: string }).id
    },
    /** Uploads a schedule file to a work order; the answer as it comes. */
    upload: async (
      workOrderId: string,
      bytes: Buffer,
      fileName = 'programa.xml',
      cookie = defaultCookie(),
    ): Promise<ScheduleRes> => {
      const { payload, contentType } = multipartFile(fileName, bytes)
      return scheduleRes(
        await app().app.inject({
          method: 'POST',
          url: `/api/v1/work-orders/${workOrderId}/schedules`,
          headers: { cookie, 'content-type': contentType },
          payload,
        }),
      )
    },
  }
}
