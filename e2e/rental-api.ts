import { expect, type APIRequestContext } from '@playwright/test'
import { PDFDocument } from 'pdf-lib'

/**
 * What the rental journeys set up through the API before they go on screen: months in the organization's time
 * zone, a POST that must create, a scanned PDF, and a project with one service that custody chains bill.
 */

/** 'YYYY-MM-DD' of day 1 of the month `offset` months from now, in the rental organization's time zone. */
export const monthStart = (offset: number) => {
  const [y, m] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Guayaquil',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 + offset, 1)).toISOString().slice(0, 10)
}

/** The last day ('YYYY-MM-DD') of the month that `start` falls in. */
export const monthEnd = (start: string) => {
  const d = new Date(`${start}T00:00:00Z`)
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10)
}

/** POSTs `data` and expects 201 Created; returns the created body. */
export async function created(api: APIRequestContext, url: string, data: unknown) {
  const res = await api.post(url, { data })
  expect(res.status(), `${url}: ${await res.text()}`).toBe(201)
  return res.json()
}

/** A PDF of `n` blank A4 pages, as a scanner would send it. */
export async function scannedPdf(n: number) {
  const doc = await PDFDocument.create()
  for (let i = 0; i < n; i++) doc.addPage([595, 842])
  return Buffer.from(await doc.save())
}

/**
 * A project of the first client that started two months ago, with one cleaning service assigned, and a
 * function recording a custody chain of that service on day `d` of last month.
 */
export async function projectWithService(api: APIRequestContext, names: { project: string; code: string }) {
  const lastMonth = monthStart(-1)
  const day = (n: number) => `${lastMonth.slice(0, 8)}${String(n).padStart(2, '0')}`
  const clients = await (await api.get('/api/v1/rental/clients?limit=1')).json()
  const project = await created(api, '/api/v1/rental/projects', {
    clientId: clients.items[0].id,
    name: names.project,
    location: names.project.toUpperCase(),
    startDate: monthStart(-2),
  })
  const serviceItem = await created(api, '/api/v1/rental/equipment', {
    code: names.code,
    name: `Limpieza ${names.project}`,
    kind: 'service',
  })
  const service = await created(api, `/api/v1/rental/projects/${project.id}/assignments`, {
    equipmentId: serviceItem.id,
    dailyRate: '30.00',
    operationStart: monthStart(-2),
  })
  const chain = (d: number) =>
    created(api, '/api/v1/rental/custody-chains', {
      projectId: project.id,
      activityDate: day(d),
      assignmentIds: [service.id],
      volumeUnit: 'gallons',
      volume: '100',
    })
  return { project, service, lastMonth, day, chain }
}
