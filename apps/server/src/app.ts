import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import cookie from '@fastify/cookie'
import multipart from '@fastify/multipart'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { proposalsRoutes } from './modules/proposals'
import { workOrdersRoutes } from './modules/work-orders'
import type { Database } from './platform/db/create-db'
import type { Config } from './platform/config'
import type { FileStore } from './platform/files/file-store'
import { jobsRoutes, type JobsOptions } from './platform/jobs'
import { feedsRoutes } from './platform/feeds'
import { mailRoutes } from './platform/mail'
import { notificationsRoutes } from './platform/notifications'
import { backupRoutes, listenForBackupRequests, type BackupSettings } from './platform/backup'
import { registerAuthHook } from './platform/http/auth-hook'
import { registerErrorHandler } from './platform/http/error-handler'
import { registerRequestLanguage } from './platform/http/request-language'
import { installZodMessages, validatorCompiler } from './platform/i18n/zod'
import { registerInputGuard } from './platform/http/input-guard'
import { platformRoutes } from './platform/http/platform.routes'
import { registerSecurity } from './platform/http/security'
import { serializerCompiler } from './platform/http/serializer'
import { buildServices, type Services } from './services'

// Zod's messages in the request's language (docs/platform.md "Messages and languages"), never one global locale
installZodMessages()

export type AppDeps = {
  database: Database
  config: Pick<Config, 'uploadLimitBytes' | 'secureCookies' | 'publicOrigin' | 'logLevel'> &
    Partial<Pick<Config, 'trustProxy'>>
  fileStore: FileStore
  clock?: () => Date
  /** serve the built web app from this directory when it exists */
  webDir?: string | undefined
  logger?: boolean
  /** the jobs platform's polling and clean-up settings (docs/jobs.md) */
  jobs?: JobsOptions
  /** the daily backup (docs/backups.md); absent: this app schedules none and lists no runs */
  backup?: BackupSettings | null
  /** take `faena backup` requests for this embedded data folder while serving (docs/backups.md#commands) */
  backupRequestsFor?: string | undefined
  /** start the job queue after the server is ready instead of before (faena serve: a quicker start) */
  startJobsInBackground?: boolean
  /** the server's key for the secrets it keeps (secret-box.ts; the SMTP password); absent: none can be stored */
  secretKey?: Buffer
  /** waits before the second, third… try of a failing SMTP server (docs/mail.md) */
  mailRetryDelaysMs?: readonly number[]
}

export type RegisteredRoute = { method: string; url: string; config: unknown; schema: unknown }
declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[]
    /** every service as buildServices() made them: for scheduled work the tests and tools trigger directly */
    services: Services
  }
}

export const VERSION = '0.1.0'
const here = path.dirname(fileURLToPath(import.meta.url))
export const DEFAULT_WEB_DIR = path.resolve(here, '../../web/dist')

/** With `startJobsInBackground`: the server answers for this long before the job queue starts. */
const JOBS_START_DELAY_MS = 1_000

/** Fastify's compiler factories, typed for its JSON-schema compilers, handed the Zod ones. */
type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>
const zodCompilers = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as CompilersFactory

/** The HTTP server: every service from buildServices() (services.ts), every module's routes registered. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { database, config, fileStore } = deps

  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', '*.password'],
          },
    genReqId: () => `req_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`,
    bodyLimit: 2 * 1024 * 1024,
    // the client's address behind the configured reverse proxies only (FAENA_TRUST_PROXY)
    trustProxy: config.trustProxy?.length ? config.trustProxy : false,
    // every schema is a Zod schema: Fastify need not load its JSON-schema compilers (ajv,
    // fast-json-stringify), a third of the time it takes to build the app (docs/architecture.md#start-up)
    schemaController: { compilersFactory: zodCompilers },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  const services = buildServices({
    database,
    fileStore,
    clock: deps.clock,
    log: app.log,
    jobs: deps.jobs,
    backup: deps.backup,
    faenaVersion: VERSION,
    secretKey: deps.secretKey,
    mailRetryDelaysMs: deps.mailRetryDelaysMs,
    publicOrigin: config.publicOrigin,
  })
  const { auth, users, audit, files, jobs, backups, notifications } = services
  // Long work runs as jobs on pg-boss, started and stopped with the server (docs/jobs.md).
  // what runs on a schedule once the queue has started: the backups, the weekly digest's and the compliance
  // alert's hourly ticks
  const scheduleRecurring = async () => {
    await backups.schedule(jobs.queue())
    await services.insights.digest.schedule(jobs.queue())
    await services.insights.dueAlerts.schedule(jobs.queue())
    await services.fieldStaff.service.schedule(jobs.queue())
  }
  app.addHook('onReady', async () => {
    if (deps.startJobsInBackground) void jobs.startInBackground(scheduleRecurring, JOBS_START_DELAY_MS)
    else await jobs.start().then(scheduleRecurring)
  })
  app.addHook('onClose', async () => jobs.stop())
  const backupRequestsFor = deps.backupRequestsFor
  if (backupRequestsFor) {
    let stopBackupRequests: (() => Promise<void>) | undefined
    app.addHook('onReady', async () => {
      stopBackupRequests = await listenForBackupRequests(backupRequestsFor, backups.backupTo, app.log)
    })
    app.addHook('onClose', async () => stopBackupRequests?.())
  }

  // Every route, as registered: the route-matrix and malformed-input tests walk this list.
  const routes: RegisteredRoute[] = []
  app.decorate('registeredRoutes', routes)
  app.decorate('services', services)
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: r.url, config: r.config, schema: r.schema })
    }
  })

  registerErrorHandler(app, {
    spaFallback: Boolean(deps.webDir && fs.existsSync(path.join(deps.webDir, 'index.html'))),
  })
  registerSecurity(app, { publicOrigin: config.publicOrigin, secure: config.secureCookies })
  registerInputGuard(app)
  await app.register(cookie)
  await app.register(multipart, {
    limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 20, fieldSize: 10_000 },
  })
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Faena API',
        version: VERSION,
        description: 'API de Faena. Sesión por cookie (POST /api/v1/auth/login).',
      },
      // the feeds for BI tools take `Authorization: Bearer <token>` (docs/feeds.md); a security requirement
      // naming an undeclared scheme made app.swagger() throw, i.e. /api/docs/json answered 500
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    // the schemas registered with an id (the recursive steps) as components the routes refer to
    transformObject: jsonSchemaTransformObject,
  })
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true }
  })
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  })
  registerAuthHook(app, auth, {
    secureCookies: config.secureCookies,
    authenticateFeedToken: services.feeds.authenticate,
  })
  registerRequestLanguage(app)

  await app.register(platformRoutes, {
    auth,
    users,
    audit,
    auditExport: services.auditExport,
    files,
    secureCookies: config.secureCookies,
    dbKind: database.kind,
    version: VERSION,
  })
  await app.register(jobsRoutes, { jobs })
  await app.register(notificationsRoutes, { notifications })
  await app.register(mailRoutes, { mail: services.mail })
  await app.register(feedsRoutes, { feeds: services.feeds })
  await app.register(backupRoutes, { backups })

  // Business modules, one registration each.
  await app.register(services.catalogs.routes)
  await app.register(proposalsRoutes, { proposals: services.proposals })
  await app.register(services.concepts.routes)
  await app.register(workOrdersRoutes, { workOrders: services.workOrders })
  await app.register(services.rentalProjects.routes)
  await app.register(services.rentalDocuments.routes)
  await app.register(services.rentalBilling.routes)
  await app.register(services.eInvoicing.routes)
  await app.register(services.rentalDossiers.routes)
  await app.register(services.fieldStaff.routes)
  await app.register(services.equipmentCondition.routes)
  await app.register(services.workOrderConcepts.routes)
  await app.register(services.schedules.routes)
  await app.register(services.production.routes)
  await app.register(services.estimates.routes)
  await app.register(services.search.routes)
  await app.register(services.insights.routes)

  // The built web app: files as they are on disk now (a rebuild needs no restart), index.html for
  // every other GET outside /api (client-side routes); see the not-found handler.
  const webDir = deps.webDir
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: true, index: ['index.html'] })
  }

  return app
}
