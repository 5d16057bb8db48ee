import type { RegisteredRoute } from '../src/app'
import type { TestApp } from './harness'
import { conceptSamples } from './samples-concepts'
import { equipmentConditionSamples } from './samples-equipment-condition'
import { estimateSamples } from './samples-estimates'
import { fieldStaffSamples } from './samples-field-staff'
import { jobSamples } from './samples-jobs'
import { productionSamples } from './samples-production'
import { rentalBillingSamples } from './samples-rental-billing'
import { rentalDocumentSamples } from './samples-rental-documents'
import { rentalProjectSamples } from './samples-rental-projects'
import { workOrderSamples } from './samples-work-orders'
import { workOrderPlanSamples } from './samples-work-order-plans'

/**
 * Records that route-walking tests put into path params, and a valid body per route, so that a 403/404
 * is about access and not about bad input. Records of a route live in its home organization: demo-rental
 * for `/api/v1/rental/...` routes, demo-offshore for the rest (the 404 check asks from the other one).
 */
export type SampleOrg = 'offshore' | 'rental'
export type Samples = {
  homeOrg: (url: string) => SampleOrg
  fill: (url: string, org?: SampleOrg) => string
  body: (route: RegisteredRoute) => object | undefined
  /** a token of the offshore organization that reads every feed (docs/feeds.md) */
  feedToken: string
}

/** What a module's sample file adds: ids by `<route prefix>/:id` (and `<route prefix> :param` for other params), and bodies by `METHOD url`. */
export type ModuleSamples = { ids: Record<string, string>; bodies: Record<string, object | undefined> }
export type SampleHelpers = {
  get: (url: string) => Promise<any> // eslint-disable-line @typescript-eslint/no-explicit-any
  post: (url: string, payload: unknown) => Promise<any> // eslint-disable-line @typescript-eslint/no-explicit-any
  upload: (url: string, filename: string, bytes: Buffer) => Promise<any> // eslint-disable-line @typescript-eslint/no-explicit-any
  hasRoute: (url: string) => boolean
}

const homeOrg = (url: string): SampleOrg => (url.startsWith('/api/v1/rental/') ? 'rental' : 'offshore')

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

export async function createSamples(t: TestApp): Promise<Samples> {
  const admin = await t.login('admin@offshore.test')
  const helpersFor = (cookie: string): SampleHelpers => ({
    async get(url) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } })
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
      return res.json()
    },
    async post(url, payload) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object })
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
      return res.json()
    },
    async upload(url, filename, bytes) {
      const b = 'faenaSampleBoundary'
      const payload = Buffer.concat([
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${b}--\r\n`),
      ])
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
        payload,
      })
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
      return res.json()
    },
    hasRoute: (url) => t.app.registeredRoutes.some((r) => r.url === url),
  })
  const { get, post } = helpersFor(admin)
  const rental = helpersFor(await t.login('admin@rental.test'))

  const ids: Record<string, string> = {}
  const users = await get('/api/v1/users?limit=1')
  ids['/api/v1/users/:id'] = users.items[0].id

  const boundary = 'faenaSampleBoundary'
  const multipart = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sample.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { cookie: admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: multipart,
  })
  if (upload.statusCode !== 201) throw new Error(`upload: ${upload.statusCode} ${upload.body}`)
  const fileId: string = upload.json().id
  ids['/api/v1/files/:id'] = fileId

  const catalogNames = t.app.registeredRoutes
    .map((r) => /^\/api\/v1\/catalogs\/([a-z-]+)\/:id/.exec(r.url)?.[1])
    .filter((x): x is string => Boolean(x))
  for (const name of new Set(catalogNames)) {
    const list = await get(`/api/v1/catalogs/${name}?limit=1`)
    ids[`/api/v1/catalogs/${name}/:id`] = list.items[0].id
  }

  // production: an exchange rate by its date (the other organization has none on that date: 404)
  ids[':validFrom'] = '2026-01-01'
  // production evidence: a file or link by id (none has it in the other organization: 404)
  ids[':evidenceItemId'] = '6f1c2b7e-3d4a-4e5f-8a9b-0c1d2e3f4a5b'

  const hasProposals = t.app.registeredRoutes.some((r) => r.url === '/api/v1/proposals')
  const proposalBody = hasProposals ? await validProposalBody(get) : undefined
  if (proposalBody) {
    const p = await post('/api/v1/proposals', proposalBody)
    ids['/api/v1/proposals/:id'] = p.id
    ids[':stepId'] = p.steps[0].id
    const att = await post(`/api/v1/proposals/${p.id}/steps/${p.steps[0].id}/attachments`, {
      url: 'https://example.com/evidence.pdf',
    })
    ids[':attachmentId'] = att.id
  }

  Object.assign(ids, await conceptSamples(t, admin))

  // a notification of the offshore admin (nothing creates one through the API: producers write them)
  if (t.app.registeredRoutes.some((r) => r.url === '/api/v1/notifications/:id/read')) {
    const me = await t.db
      .selectFrom('users')
      .select(['id', 'org_id'])
      .where('email', '=', 'admin@offshore.test')
      .executeTakeFirstOrThrow()
    const n = await t.db
      .insertInto('notifications')
      .values({ org_id: me.org_id, user_id: me.id, kind: 'sample', title: 'Muestra' })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids['/api/v1/notifications/:id'] = n.id
  }

  // a BI feed token of the offshore admin that reads every dataset (docs/feeds.md)
  const datasets = (await helpersFor(admin).get('/api/v1/admin/feed-datasets')) as {
    items: { name: string }[]
  }
  const feed = (await helpersFor(admin).post('/api/v1/admin/api-tokens', {
    name: 'Muestra',
    datasets: datasets.items.map((d) => d.name),
  })) as { token: string; apiToken: { id: string } }
  ids['/api/v1/admin/api-tokens/:id'] = feed.apiToken.id

  // Rental modules: records of demo-rental, one sample file per module.
  const moduleBodies: Record<string, object | undefined> = {}
  for (const mod of [
    rentalDocumentSamples,
    rentalProjectSamples,
    rentalBillingSamples,
    fieldStaffSamples,
    equipmentConditionSamples,
  ]) {
    const more = await mod(rental)
    Object.assign(ids, more.ids)
    Object.assign(moduleBodies, more.bodies)
  }
  // Offshore modules with a sample file of their own, and a job (the jobs routes live in demo-offshore).
  for (const more of [await workOrderSamples(helpersFor(admin)), await jobSamples(helpersFor(admin))]) {
    Object.assign(ids, more.ids)
    Object.assign(moduleBodies, more.bodies)
  }
  // Anexo C versions and schedules of the work-order sample (they need its id).
  for (const more of [
    await workOrderPlanSamples(helpersFor(admin), ids),
    await productionSamples(t, helpersFor(admin), ids),
    await estimateSamples(helpersFor(admin), ids),
  ]) {
    Object.assign(ids, more.ids)
    Object.assign(moduleBodies, more.bodies)
  }

  return {
    homeOrg,
    feedToken: feed.token,
    fill(url) {
      let out = url
      const m = /^(\/api\/v1\/(?:catalogs\/[a-z-]+|rental\/[a-z-]+|admin\/[a-z-]+|[a-z-]+))\/:id/.exec(url)
      if (m) {
        const id = ids[`${m[1]}/:id`]
        if (!id) throw new Error(`no sample id for ${url}: add one in test/samples.ts`)
        out = out.replace(':id', id)
      }
      // other params: per route prefix first (`/api/v1/rental/x :lineId`), then global (`:stepId`)
      for (const p of out.match(/:[A-Za-z]+/g) ?? []) {
        const id = (m && ids[`${m[1]} ${p}`]) ?? ids[p]
        if (!id) throw new Error(`no sample for ${p} in ${url}`)
        out = out.replace(p, id)
      }
      if (out.includes('/:')) throw new Error(`no sample for a param of ${url}: add one in test/samples.ts`)
      return out
    },
    body(route) {
      const key = `${route.method} ${route.url}`
      const bodies: Record<string, object | undefined> = {
        'POST /api/v1/users': {
          email: 'sample@offshore.test',
          name: 'Sample',
          role: 'viewer',
          password: 'sample-password',
        },
        'PATCH /api/v1/users/:id': { name: 'Sample' },
        'PATCH /api/v1/auth/me/preferences': { locale: 'es' },
        'POST /api/v1/auth/password': { currentPassword: 'x', newPassword: 'sample-password-2' },
        'POST /api/v1/proposals': proposalBody,
        'PATCH /api/v1/proposals/:id': { description: 'Otra descripción' },
        'PATCH /api/v1/proposals/:id/steps/:stepId': { status: 'in_progress' },
        'POST /api/v1/proposals/:id/status': { status: 'in_progress' },
        'POST /api/v1/proposals/:id/steps/:stepId/attachments': { url: 'https://example.com/x.pdf' },
        'POST /api/v1/files': undefined,
      }
      if (key in bodies) return bodies[key]
      if (key in moduleBodies) return moduleBodies[key]
      const cat = /^(POST|PATCH) \/api\/v1\/catalogs\/([a-z-]+)(\/:id)?$/.exec(key)
      if (cat) return catalogBody(cat[2] ?? '')
      if (
        route.method === 'GET' ||
        route.method === 'DELETE' ||
        /\/(restore|liquidate|reopen)$/.test(route.url)
      )
        return undefined
      return undefined
    },
  }
}

async function validProposalBody(
  get: (url: string) => Promise<{ items: { id: string; clientType?: string }[] }>,
) {
  const clients = await get('/api/v1/catalogs/clients?limit=50')
  const types = await get('/api/v1/catalogs/types?level=proposal&limit=1')
  const managers = await get('/api/v1/catalogs/project-managers?limit=1')
  const client = clients.items.find((c) => c.clientType === 'CONTRATO') ?? clients.items[0]
  return {
    officialNumber: 'BME-0001-001-2026',
    requestNumber: 'PEP-SOL-0001',
    description: 'Muestra para pruebas de rutas',
    clientId: client?.id,
    requestDate: '2026-11-01',
    deliveryDate: '2026-12-01',
    durationDays: 30,
    typeId: types.items[0]?.id,
    projectManagerId: managers.items[0]?.id,
    priority: 'medium',
  }
}

function catalogBody(name: string): object {
  switch (name) {
    case 'clients':
      return { name: 'Cliente muestra', clientType: 'INTERCOM' }
    case 'project-managers':
      return { name: 'Responsable muestra' }
    case 'types':
      return { name: 'Tipo muestra', level: 'proposal' }
    case 'statuses':
      return { name: 'Estatus muestra', level: 'proposal' }
    case 'fronts':
      return { name: 'Frente muestra', siteKinds: ['yard'] }
    case 'sites':
      return { name: 'Sitio muestra', kind: 'platform' }
    case 'units':
      return { key: 'MUESTRA', description: 'Unidad muestra' }
    case 'proposal-step-templates':
    case 'work-order-step-templates':
      return { clientType: 'INTERCOM', name: 'Paso muestra', position: 99 }
    default:
      throw new Error(`no sample body for catalog ${name}: add one in test/samples.ts`)
  }
}
