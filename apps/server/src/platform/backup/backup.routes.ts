import fs from 'node:fs'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ZBackupRun, ZBackupStatus } from '@faena/contracts'
import { actorOf } from '../http/auth-hook'
import type { BackupService } from './backup.service'

const tags = ['backups']

/** Backups for admins (docs/backups.md): the runs and alert, "back up now", the organization's export. */
export const backupRoutes: FastifyPluginAsyncZod<{ backups: BackupService }> = async (app, { backups }) => {
  app.get(
    '/api/v1/admin/backups',
    { config: { permission: 'backup.manage' }, schema: { tags, response: { 200: ZBackupStatus } } },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await backups.getStatus(actorOf(req))),
  )
  app.post(
    '/api/v1/admin/backups',
    { config: { permission: 'backup.manage' }, schema: { tags, response: { 202: ZBackupRun } } },
    async (req, reply) => reply.code(202).send(await backups.requestRun(actorOf(req))),
  )
  app.get(
    '/api/v1/admin/organization-export',
    { config: { permission: 'backup.manage' }, schema: { tags } },
    async (req, reply) => {
      const file = await backups.exportOwnOrganization(actorOf(req))
      const stream = fs.createReadStream(file.path)
      stream.once('close', () => void file.dispose())
      return reply
        .header('content-type', 'application/gzip')
        .header(
          'content-disposition',
          `attachment; filename="${file.name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`,
        )
        .header('cache-control', 'private, no-store')
        .send(stream)
    },
  )
}
