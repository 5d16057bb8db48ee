import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ZAuditExportRequest,
  ZAuditList,
  ZAuditQuery,
  ZChangePasswordRequest,
  ZCreateUserRequest,
  ZIdParams,
  ZJobRun,
  ZLoginRequest,
  ZMe,
  ZOk,
  ZStoredFile,
  ZUpdatePreferencesRequest,
  ZUpdateUserRequest,
  ZUser,
  ZUserList,
  ZUserOptionList,
  ZUserListQuery,
} from '@faena/contracts'
import type { AuditExport } from '../audit/audit-export'
import type { AuditService } from '../audit/audit.service'
import { DEVICE_TTL_MS, SESSION_IDLE_MS, type AuthService } from '../auth/auth.service'
import type { UsersService } from '../auth/users.service'
import type { FilesService } from '../files/files.service'
import { replyAccepted } from '../jobs/list-export'
import {
  actorOf,
  clearSessionCookie,
  DEVICE_COOKIE,
  requestMeta,
  setDeviceCookie,
  setSessionCookie,
} from './auth-hook'
import { readUpload } from './multipart'

export type PlatformRoutesDeps = {
  auth: AuthService
  users: UsersService
  audit: AuditService
  /** the log's export, a job (docs/jobs.md) */
  auditExport: AuditExport
  files: FilesService
  secureCookies: boolean
  dbKind: 'pglite' | 'postgres'
  version: string
}

export const platformRoutes: FastifyPluginAsyncZod<PlatformRoutesDeps> = async (app, deps) => {
  const { auth, users, audit, auditExport, files, secureCookies } = deps

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            db: z.enum(['pglite', 'postgres']),
            version: z.string(),
            time: z.string(),
          }),
        },
      },
    },
    async () => ({
      status: 'ok' as const,
      db: deps.dbKind,
      version: deps.version,
      time: new Date().toISOString(),
    }),
  )

  // --- auth ---
  app.post(
    '/api/v1/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], body: ZLoginRequest, response: { 200: ZMe } } },
    async (req, reply) => {
      const session = await auth.login(req.body.email, req.body.password, requestMeta(req), {
        organization: req.body.organization,
        deviceToken: req.cookies[DEVICE_COOKIE],
      })
      setSessionCookie(reply, session.token, secureCookies, SESSION_IDLE_MS)
      if (session.deviceToken) setDeviceCookie(reply, session.deviceToken, secureCookies, DEVICE_TTL_MS)
      const actor = {
        ...requestMeta(req),
        userId: session.userId,
        orgId: session.orgId,
        email: session.email,
        role: 'viewer' as const,
      }
      return auth.me(actor)
    },
  )

  app.post(
    '/api/v1/auth/logout',
    { config: { permission: 'session' }, schema: { tags: ['auth'], response: { 200: ZOk } } },
    async (req, reply) => {
      await auth.logout(actorOf(req), req.sessionToken ?? '')
      clearSessionCookie(reply, secureCookies)
      return { ok: true as const }
    },
  )

  app.get(
    '/api/v1/auth/me',
    { config: { permission: 'session' }, schema: { tags: ['auth'], response: { 200: ZMe } } },
    async (req) => auth.me(actorOf(req)),
  )

  app.patch(
    '/api/v1/auth/me/preferences',
    {
      config: { permission: 'session' },
      schema: { tags: ['auth'], body: ZUpdatePreferencesRequest, response: { 200: ZOk } },
    },
    async (req) => {
      await auth.setLocale(actorOf(req), req.body.locale)
      return { ok: true as const }
    },
  )

  app.post(
    '/api/v1/auth/password',
    {
      config: { permission: 'session' },
      schema: { tags: ['auth'], body: ZChangePasswordRequest, response: { 200: ZOk } },
    },
    async (req) => {
      await auth.changePassword(
        actorOf(req),
        req.sessionToken ?? '',
        req.body.currentPassword,
        req.body.newPassword,
      )
      return { ok: true as const }
    },
  )

  // --- users (admin) ---
  app.get(
    '/api/v1/users',
    {
      config: { permission: 'user.manage' },
      schema: { tags: ['users'], querystring: ZUserListQuery, response: { 200: ZUserList } },
    },
    async (req) => users.listUsers(actorOf(req), req.query),
  )
  app.get(
    '/api/v1/users/active',
    {
      config: { permission: 'session' },
      schema: { tags: ['users'], response: { 200: ZUserOptionList } },
    },
    async (req) => users.listActiveUsers(actorOf(req)),
  )
  app.post(
    '/api/v1/users',
    {
      config: { permission: 'user.manage' },
      schema: { tags: ['users'], body: ZCreateUserRequest, response: { 201: ZUser } },
    },
    async (req, reply) => {
      const user = await users.createUser(actorOf(req), req.body)
      return reply.status(201).send(user)
    },
  )
  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'user.manage' },
      schema: { tags: ['users'], params: ZIdParams, body: ZUpdateUserRequest, response: { 200: ZUser } },
    },
    async (req) => users.updateUser(actorOf(req), req.params.id, req.body),
  )

  // --- audit ---
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], querystring: ZAuditQuery, response: { 200: ZAuditList } },
    },
    async (req) => audit.listEntries(actorOf(req), req.query),
  )
  app.post(
    '/api/v1/audit/export',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], body: ZAuditExportRequest, response: { 202: ZJobRun } },
    },
    async (req, reply) => replyAccepted(reply, await auditExport.exportEntries(actorOf(req), req.body)),
  )

  // --- files ---
  app.post(
    '/api/v1/files',
    {
      config: { permission: 'file.upload' },
      schema: { tags: ['files'], consumes: ['multipart/form-data'], response: { 201: ZStoredFile } },
    },
    async (req, reply) => {
      const upload = await readUpload(req)
      const stored = await files.uploadFile(actorOf(req), { name: upload.filename, bytes: upload.bytes })
      return reply.status(201).send(stored)
    },
  )
  app.get(
    '/api/v1/files/:id/meta',
    {
      config: { permission: 'file.read' },
      schema: { tags: ['files'], params: ZIdParams, response: { 200: ZStoredFile } },
    },
    async (req) => files.getFile(actorOf(req), req.params.id),
  )
  app.get(
    '/api/v1/files/:id',
    { config: { permission: 'file.read' }, schema: { tags: ['files'], params: ZIdParams } },
    async (req, reply) => {
      const { file, bytes } = await files.readFile(actorOf(req), req.params.id)
      const inline = file.kind === 'pdf' || file.kind === 'png' || file.kind === 'jpeg'
      return reply
        .header('content-type', file.mimeType)
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .send(bytes)
    },
  )
}
