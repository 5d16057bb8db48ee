import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ZCurveQuery,
  ZIdParams,
  ZProgressAcknowledgeInput,
  ZProgressExportQuery,
  ZProgressHistoryQuery,
  ZScheduleFamilyCurve,
  ZScheduleProgress,
  ZScheduleProgressCurve,
  ZScheduleProgressHistory,
  ZScheduleProgressInput,
  ZScheduleProgressSaved,
} from '@faena/contracts'
import { actorOf } from '../../platform/http/auth-hook'
import { XLSX_MIME } from '../../platform/spreadsheet/spreadsheet'
import type { ScheduleProgressService } from './schedule-progress.service'

const tags = ['schedules']
const BASE = '/api/v1/work-orders/:id/schedules'

const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`

/**
 * HTTP ↔ service for the progress of the active schedule, two truths (docs/schedules.md#progress-two-truths).
 * Reading needs `workOrder.read`; the contractor's real % `schedule.progress` (admin, manager, supervisor);
 * the client's acknowledged % `schedule.acknowledge` (admin, manager).
 */
export const scheduleProgressRoutes: FastifyPluginAsyncZod<{ progress: ScheduleProgressService }> = async (
  app,
  { progress },
) => {
  app.get(
    `${BASE}/active/progress`,
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, params: ZIdParams, response: { 200: ZScheduleProgress } },
    },
    async (req) => progress.getProgress(actorOf(req), req.params.id),
  )

  /** 200 with the progress after the save; a bad item → 400 naming `items.N.field`; client % without `schedule.acknowledge` → 403. */
  app.put(
    `${BASE}/active/progress`,
    {
      config: { permission: 'schedule.progress' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZScheduleProgressInput,
        response: { 200: ZScheduleProgressSaved },
      },
    },
    async (req) => progress.saveProgress(actorOf(req), req.params.id, req.body),
  )

  app.post(
    `${BASE}/active/progress/acknowledge`,
    {
      config: { permission: 'schedule.acknowledge' },
      schema: {
        tags,
        params: ZIdParams,
        body: ZProgressAcknowledgeInput,
        response: { 200: ZScheduleProgressSaved },
      },
    },
    async (req) => progress.acknowledge(actorOf(req), req.params.id, req.body),
  )

  app.get(
    `${BASE}/active/progress/history`,
    {
      config: { permission: 'workOrder.read' },
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZProgressHistoryQuery,
        response: { 200: ZScheduleProgressHistory },
      },
    },
    async (req) => progress.history(actorOf(req), req.params.id, req.query),
  )

  app.get(
    `${BASE}/active/progress/curve`,
    {
      config: { permission: 'workOrder.read' },
      schema: {
        tags,
        params: ZIdParams,
        querystring: ZCurveQuery,
        response: { 200: ZScheduleProgressCurve },
      },
    },
    async (req) => progress.curve(actorOf(req), req.params.id, req.query.by),
  )

  app.get(
    `${BASE}/family/progress/curve`,
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, params: ZIdParams, querystring: ZCurveQuery, response: { 200: ZScheduleFamilyCurve } },
    },
    async (req) => progress.familyCurve(actorOf(req), req.params.id, req.query.by),
  )

  app.get(
    `${BASE}/active/progress/export.xlsx`,
    {
      config: { permission: 'workOrder.read' },
      schema: { tags, params: ZIdParams, querystring: ZProgressExportQuery },
    },
    async (req, reply) => {
      const { bytes, fileName } = await progress.exportWorkbook(actorOf(req), req.params.id, req.query.lang)
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment(fileName))
        .send(bytes)
    },
  )
}
