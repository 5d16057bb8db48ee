import type {
  TPagination,
  TScheduleDependency,
  TScheduleDetail,
  TScheduleDiff,
  TScheduleImportResult,
  TScheduleTask,
  TScheduleVersion,
  TScheduleVersionList,
  TStoredFile,
} from '@faena/contracts'
import { isSystemActor, requireAccess, type Actor, type Permission } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { findUserNames } from '../../platform/auth/users.repository'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { schedulesMessages as M } from './schedules.messages'
import { detectFileKind } from '../../platform/files/file-type'
import { getWorkOrderRef, type WorkOrderRef } from '../work-orders'
import { isOle2, MppError, parseMpp } from './mpp'
import { MspdiError, parseMspdi, type MspdiCustomFieldRef, type MspdiSchedule } from './mspdi-parser'
import { diffSchedules, type DiffableSchedule } from './schedule-diff'
import * as repo from './schedules.repository'

/** What this module needs from the files service (platform). */
export type FilesPort = {
  uploadFile(
    actor: Actor,
    input: { name: string; bytes: Buffer; accept?: readonly TStoredFile['kind'][] },
    trx?: Executor,
  ): Promise<TStoredFile>
}

export type SchedulesServiceDeps = { db: Db; clock: () => Date; files: FilesPort }
export type SchedulesService = ReturnType<typeof createSchedulesService>
export type ImportScheduleOptions = { fileName: string; bytes: Buffer }

const MODULE = 'schedules'
const ENTITY = 'schedule_version'
/** Same limit as the parser's default; the HTTP upload limit usually stops bigger files first. */
const MAX_BYTES = 50 * 1024 * 1024

/** The parser's refusal as the API's error: a binary .mpp or a ZIP is the wrong type (415), the rest is bad content. */
function toAppError(err: MspdiError): AppError {
  const details = [{ ...fieldError('file', err.msg), reason: err.code }]
  if (err.code === 'MPP_BINARY') return new AppError('UNSUPPORTED_MEDIA_TYPE', err.msg, details)
  if (err.code === 'TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', err.msg, details)
  if (err.code === 'NOT_XML' && /ZIP/.test(err.message))
    return new AppError('UNSUPPORTED_MEDIA_TYPE', err.msg, details)
  return new AppError('VALIDATION', err.msg, details)
}

/**
 * A refused `.mpp` as the API's error: an OLE2 file that is not an MS Project file is the wrong type (415), too
 * big is 413, the rest (encrypted, Project 98, subprojects, damaged, no tasks, too many records) is bad content.
 */
function mppToAppError(err: MppError): AppError {
  const details = [{ ...fieldError('file', err.msg), reason: err.code }]
  if (err.code === 'NOT_MPP' || err.code === 'NOT_OLE2')
    return new AppError('UNSUPPORTED_MEDIA_TYPE', err.msg, details)
  if (err.code === 'TOO_LARGE' || err.code === 'TOO_MANY_RECORDS')
    return new AppError('PAYLOAD_TOO_LARGE', err.msg, details)
  return new AppError('VALIDATION', err.msg, details)
}

/** Reads the upload by its content: an OLE2 compound file is a native `.mpp`, anything else MSPDI XML. */
function parseSchedule(bytes: Buffer): { schedule: MspdiSchedule; format: 'mspdi' | 'mpp' } {
  try {
    if (isOle2(bytes)) return { schedule: parseMpp(bytes, { maxBytes: MAX_BYTES }), format: 'mpp' }
    return { schedule: parseMspdi(bytes, { maxBytes: MAX_BYTES }), format: 'mspdi' }
  } catch (err) {
    if (err instanceof MspdiError) throw toAppError(err)
    if (err instanceof MppError) throw mppToAppError(err)
    throw err
  }
}

/**
 * The bytes to keep of an accepted file: as uploaded when the file store recognises it as XML (it starts with
 * an XML declaration), else the same document re-encoded as UTF-8 with one (UTF-16 exports, no declaration).
 */
function storableXml(bytes: Buffer): Buffer {
  if (detectFileKind(bytes) === 'xml') return bytes
  let text: string
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le')
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
  else text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  text = text.replace(/^\s*<\?xml[^>]*\?>\s*/, '')
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${text}`, 'utf8')
}

function taskValues(s: MspdiSchedule): repo.TaskValues[] {
  return s.tasks.map((t, i) => ({
    uid: t.uid,
    position: i + 1,
    task_number: t.id,
    wbs: t.wbs,
    outline_number: t.outlineNumber,
    name: t.name,
    outline_level: t.outlineLevel,
    summary: t.summary,
    milestone: t.milestone,
    parent_uid: t.parentUid,
    start_date: t.start,
    finish_date: t.finish,
    start_at: t.startDateTime,
    finish_at: t.finishDateTime,
    duration_minutes: t.durationMinutes,
    duration_days: t.durationDays,
    percent_complete: t.percentComplete,
    physical_percent_complete: t.physicalPercentComplete,
    weight: t.weight,
    progress: t.progress,
    resource_names: t.resourceNames,
    custom_fields: t.customFields,
  }))
}

function dependencyValues(s: MspdiSchedule): repo.DependencyValues[] {
  return s.dependencies.map((d, i) => ({
    position: i + 1,
    predecessor_uid: d.predecessorUid,
    successor_uid: d.successorUid,
    type: d.type,
    lag_days: d.lagDays,
    lag_minutes: d.lagMinutes,
    lag_elapsed: d.lagElapsed,
    lag_percent: d.lagPercent,
    lag_format: d.lagFormat,
  }))
}

const toTask = (r: repo.TaskRow): TScheduleTask => ({
  uid: r.uid,
  id: r.task_number,
  wbs: r.wbs,
  outlineNumber: r.outline_number,
  name: r.name,
  outlineLevel: r.outline_level,
  summary: r.summary,
  milestone: r.milestone,
  parentUid: r.parent_uid,
  start: r.start_date,
  finish: r.finish_date,
  durationDays: r.duration_days,
  percentComplete: r.percent_complete,
  physicalPercentComplete: r.physical_percent_complete,
  weight: r.weight,
  progress: r.progress,
  resourceNames: r.resource_names as string[],
})

const toDependency = (r: repo.DependencyRow): TScheduleDependency => ({
  predecessorUid: r.predecessor_uid,
  successorUid: r.successor_uid,
  type: r.type,
  lagDays: r.lag_days,
  lagElapsed: r.lag_elapsed,
  lagPercent: r.lag_percent,
})

export function createSchedulesService({ db, files }: SchedulesServiceDeps) {
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  /** The work order, or 404 (another organization's too). Routes call it before reading an upload. */
  async function requireWorkOrder(
    actor: Actor,
    workOrderId: string,
    permission: Permission,
  ): Promise<WorkOrderRef> {
    requireAccess(actor, permission)
    const wo = await getWorkOrderRef(db, actor.orgId, workOrderId)
    if (!wo) throw new AppError('NOT_FOUND', M.workOrderNotFound())
    return wo
  }

  async function toVersions(
    executor: Executor,
    orgId: string,
    rows: repo.VersionRow[],
  ): Promise<TScheduleVersion[]> {
    const ids = [...new Set(rows.map((r) => r.created_by).filter((x): x is string => x !== null))]
    const names = new Map((await findUserNames(executor, orgId, ids)).map((u) => [u.id, u.name]))
    return rows.map((r) => ({
      id: r.id,
      workOrderId: r.work_order_id,
      version: r.version,
      active: r.active,
      fileId: r.file_id,
      fileName: r.file_name,
      sourceFormat: r.source_format,
      projectName: r.project_name,
      projectTitle: r.project_title,
      startDate: r.start_date,
      finishDate: r.finish_date,
      statusDate: r.status_date,
      minutesPerDay: r.minutes_per_day,
      weightField: (r.weight_field as MspdiCustomFieldRef | null) ?? null,
      progressField: (r.progress_field as MspdiCustomFieldRef | null) ?? null,
      taskCount: r.task_count,
      dependencyCount: r.dependency_count,
      warnings: r.warnings as string[],
      createdBy: r.created_by ? { id: r.created_by, name: names.get(r.created_by) ?? '' } : null,
      createdAt: r.created_at.toISOString(),
    }))
  }

  async function diffable(executor: Executor, orgId: string, versionId: string): Promise<DiffableSchedule> {
    const [tasks, deps] = await Promise.all([
      repo.listTasks(executor, orgId, versionId),
      repo.listDependencies(executor, orgId, versionId),
    ])
    return {
      tasks: tasks.map((t) => ({
        uid: t.uid,
        name: t.name,
        wbs: t.wbs,
        parentUid: t.parent_uid,
        start: t.start_date,
        finish: t.finish_date,
        durationDays: t.duration_days,
        percentComplete: t.percent_complete,
        progress: t.progress,
        weight: t.weight,
        outlineLevel: t.outline_level,
      })),
      dependencies: deps.map((d) => ({
        predecessorUid: d.predecessor_uid,
        successorUid: d.successor_uid,
        type: d.type,
        lagDays: d.lag_days,
      })),
    }
  }

  /**
   * Parses the file first; only a readable MSPDI file opens the transaction that stores it, deactivates the
   * previous version and writes the new active one with its tasks and dependencies (the old importer deactivated
   * first; docs/schedules.md#defects-of-the-old-importer-that-this-fixes).
   */
  async function importSchedule(
    actor: Actor,
    workOrderId: string,
    input: ImportScheduleOptions,
  ): Promise<TScheduleImportResult> {
    const started = performance.now()
    const wo = await requireWorkOrder(actor, workOrderId, 'schedule.import')
    requireAccess(actor, 'file.upload')
    const { schedule, format } = parseSchedule(input.bytes)
    if (schedule.tasks.length === 0) {
      throw new AppError('VALIDATION', M.noTasks(), [fieldError('file', M.noTasks())])
    }
    const tasks = taskValues(schedule)
    const deps = dependencyValues(schedule)
    // a .mpp is kept as uploaded; XML as UTF-8 with its declaration
    const stored = format === 'mpp' ? input.bytes : storableXml(input.bytes)
    const extension = format === 'mpp' ? 'mpp' : 'xml'
    const fileName = input.fileName.toLowerCase().endsWith(`.${extension}`)
      ? input.fileName
      : `${input.fileName.replace(/\.[^.]*$/, '') || 'programa'}.${extension}`

    const { version, previous, diff } = await db.transaction().execute(async (trx) => {
      const locked = await getWorkOrderRef(trx, actor.orgId, workOrderId, { forUpdate: true })
      if (!locked) throw new AppError('NOT_FOUND', M.workOrderNotFound())
      const previous = await repo.findActiveVersion(trx, actor.orgId, workOrderId)
      const diff = previous
        ? diffSchedules(await diffable(trx, actor.orgId, previous.id), {
            tasks: schedule.tasks,
            dependencies: schedule.dependencies,
          })
        : null
      const file = await files.uploadFile(
        actor,
        { name: fileName, bytes: stored, accept: [format === 'mpp' ? 'mpp' : 'xml'] },
        trx,
      )
      const number = await repo.nextVersion(trx, actor.orgId, workOrderId)
      await repo.deactivateVersions(trx, actor.orgId, workOrderId)
      const p = schedule.project
      const version = await repo.insertVersion(trx, actor.orgId, {
        work_order_id: workOrderId,
        version: number,
        file_id: file.id,
        file_name: file.name,
        source_format: format,
        project_name: p.name,
        project_title: p.title,
        start_date: p.startDate,
        finish_date: p.finishDate,
        status_date: p.statusDate,
        minutes_per_day: p.minutesPerDay,
        minutes_per_week: p.minutesPerWeek,
        save_version: p.saveVersion,
        weight_field: p.weightField,
        progress_field: p.progressField,
        custom_fields: p.customFields,
        task_count: tasks.length,
        dependency_count: deps.length,
        warnings: schedule.warnings,
        created_by: userId(actor),
      })
      await repo.insertTasks(trx, actor.orgId, version.id, tasks)
      await repo.insertDependencies(trx, actor.orgId, version.id, deps)
      await writeAudit(trx, actor, {
        action: 'schedule.imported',
        module: MODULE,
        entityType: ENTITY,
        entityId: version.id,
        changes: [{ field: 'activeVersion', old: previous?.version ?? null, new: number }],
        data: {
          workOrderId,
          workOrderNumber: wo.number,
          version: number,
          fileId: file.id,
          fileName: file.name,
          sourceFormat: format,
          tasks: tasks.length,
          dependencies: deps.length,
          minutesPerDay: p.minutesPerDay,
          previousVersionId: previous?.id ?? null,
        },
      })
      return { version, previous, diff }
    })
    return {
      versionId: version.id,
      version: version.version,
      fileId: version.file_id,
      fileName: version.file_name,
      tasks: tasks.length,
      dependencies: deps.length,
      project: {
        name: schedule.project.name,
        startDate: schedule.project.startDate,
        finishDate: schedule.project.finishDate,
        minutesPerDay: schedule.project.minutesPerDay,
      },
      warnings: schedule.warnings,
      previousVersionId: previous?.id ?? null,
      changes: diff
        ? {
            addedTasks: diff.addedTasks.length,
            removedTasks: diff.removedTasks.length,
            changedTasks: diff.changedTasks.length,
            addedDependencies: diff.addedDependencies.length,
            removedDependencies: diff.removedDependencies.length,
            changedDependencies: diff.changedDependencies.length,
          }
        : null,
      durationMs: Math.round(performance.now() - started),
    }
  }

  async function listVersions(
    actor: Actor,
    workOrderId: string,
    page: TPagination,
  ): Promise<TScheduleVersionList> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const { rows, total } = await repo.listVersions(db, actor.orgId, workOrderId, page)
    return { items: await toVersions(db, actor.orgId, rows), total }
  }

  async function detailOf(orgId: string, row: repo.VersionRow): Promise<TScheduleDetail> {
    const [[version], tasks, deps] = await Promise.all([
      toVersions(db, orgId, [row]),
      repo.listTasks(db, orgId, row.id),
      repo.listDependencies(db, orgId, row.id),
    ])
    return { version: version!, tasks: tasks.map(toTask), dependencies: deps.map(toDependency) }
  }

  async function getActive(actor: Actor, workOrderId: string): Promise<TScheduleDetail> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const row = await repo.findActiveVersion(db, actor.orgId, workOrderId)
    if (!row) throw new AppError('NOT_FOUND', M.noActiveSchedule())
    return detailOf(actor.orgId, row)
  }

  async function getVersion(actor: Actor, workOrderId: string, versionId: string): Promise<TScheduleDetail> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const row = await repo.findVersion(db, actor.orgId, workOrderId, versionId)
    if (!row) throw new AppError('NOT_FOUND', M.versionNotFound())
    return detailOf(actor.orgId, row)
  }

  /** Differences from version `from` to version `to` (defaults: the active one, and the one before it). */
  async function diffVersions(
    actor: Actor,
    workOrderId: string,
    query: { from?: string | undefined; to?: string | undefined },
  ): Promise<TScheduleDiff> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const to = query.to
      ? await repo.findVersion(db, actor.orgId, workOrderId, query.to)
      : await repo.findActiveVersion(db, actor.orgId, workOrderId)
    if (!to) throw new AppError('NOT_FOUND', query.to ? M.versionNotFound() : M.noActiveSchedule())
    const from = query.from
      ? await repo.findVersion(db, actor.orgId, workOrderId, query.from)
      : await repo.findPreviousVersion(db, actor.orgId, workOrderId, to.version)
    if (!from) {
      throw new AppError(
        query.from ? 'NOT_FOUND' : 'INVALID_STATE',
        query.from ? M.versionNotFound() : M.noPreviousVersion(),
      )
    }
    const [a, b] = [await diffable(db, actor.orgId, from.id), await diffable(db, actor.orgId, to.id)]
    const d = diffSchedules(a, b)
    const task = (t: DiffableSchedule['tasks'][number]) => ({
      uid: t.uid,
      name: t.name,
      wbs: t.wbs ?? null,
      start: t.start,
      finish: t.finish,
      durationDays: t.durationDays,
      percentComplete: t.percentComplete,
    })
    const ref = (v: repo.VersionRow) => ({ id: v.id, version: v.version, fileName: v.file_name })
    return {
      from: ref(from),
      to: ref(to),
      addedTasks: d.addedTasks.map(task),
      removedTasks: d.removedTasks.map(task),
      changedTasks: d.changedTasks,
      unchangedTaskCount: d.unchangedTaskCount,
      addedDependencies: d.addedDependencies,
      removedDependencies: d.removedDependencies,
      changedDependencies: d.changedDependencies,
      identical: d.identical,
    }
  }

  return { requireWorkOrder, importSchedule, listVersions, getActive, getVersion, diffVersions }
}
