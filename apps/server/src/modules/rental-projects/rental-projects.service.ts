import type {
  TCloseRentalProjectRequest,
  TCreateRentalAssignmentInput,
  TFieldError,
  TReactivateRentalAssignmentRequest,
  TRentalAssignment,
  TRentalAssignmentChange,
  TRentalCalendar,
  TRentalClient,
  TRentalClientInput,
  TRentalClientListQuery,
  TRentalClientPatch,
  TRentalCloseCheck,
  TRentalEquipment,
  TRentalEquipmentImportResult,
  TRentalEquipmentInput,
  TRentalEquipmentListQuery,
  TRentalEquipmentPatch,
  TRentalProject,
  TRentalProjectInput,
  TRentalProjectListQuery,
  TRentalProjectPatch,
  TRetireRentalAssignmentRequest,
  TUpdateRentalAssignmentRequest,
} from '@faena/contracts'
import { isSystemActor, requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, validationError } from '../../platform/errors'
import type { Upload } from '../../platform/http/multipart'
import {
  cleanText,
  controlCharactersWarning,
  ImportLimitError,
  readRows,
} from '../../platform/spreadsheet/read-workbook'
import { createOrgToday } from '../../platform/tenancy/today'
import {
  closingRetirementDate,
  defaultDescription,
  engineFrequency,
  lastDayOnSite,
  moneyString,
  normaliseFrequency,
} from './assignment-rules'
import {
  MAX_IMPORT_ROWS,
  headerMap,
  planEquipmentImport,
  rowsFromJson,
  type ExistingEquipment,
  type RawEquipmentRow,
} from './equipment-import'
import {
  addDays,
  firstOpenDay,
  latestRate,
  normaliseRates,
  withRateFrom,
  type BilledTerms,
  type FrozenPeriod,
  type RateEntry,
} from '../rental-billing'
import { endFromOpenDay, startFromOpenDay, termsOf, touchedPeriod } from './frozen-periods'
import { buildCalendar, type CalendarService } from './maintenance-calendar'
import { writeClientsWorkbook, writeEquipmentWorkbook, writeProjectsWorkbook } from './rental-projects-export'
import { assignmentSnapshot, toAssignment, toClient, toEquipment, toProject } from './rental-projects.mapping'
import * as repo from './rental-projects.repository'
import { checkRuc } from './ruc'

/**
 * The ports the other rental modules give this one, every one required (built in services.ts before this
 * service: rental-billing's service, rental-documents' read function). They run inside the caller's
 * transaction and must use only `trx`.
 */
export type RentalProjectsHooks = {
  /** after any change of a project's assignments (create, edit, retire, reactivate, delete, project close) */
  onAssignmentsChanged(
    trx: Executor,
    actor: Actor,
    projectId: string,
    opts?: { confirmDropManualDays?: boolean; field?: string },
  ): Promise<void>
  /** the liquidated and invoiced billing sheets of the project (their periods are frozen) */
  frozenPeriods(trx: Executor, orgId: string, projectId: string): Promise<FrozenPeriod[]>
  /** do field documents (custody chains, maintenance sheets…) or frozen billing lines reference it? */
  hasDocumentsForAssignment(trx: Executor, orgId: string, assignmentId: string): Promise<boolean>
  /** is a billing sheet of the project in progress? (a project cannot close while one is) */
  hasSheetInProgress(trx: Executor, orgId: string, projectId: string): Promise<boolean>
}

export type RentalProjectsServiceDeps = {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
  hooks: RentalProjectsHooks
}

export type RentalProjectsService = ReturnType<typeof createRentalProjectsService>

const MODULE = 'rental-projects'
const EXPORT_LIMIT = 50_000

const isUniqueViolation = (err: unknown, constraint?: string) =>
  typeof err === 'object' &&
  err !== null &&
  'code' in err &&
  err.code === '23505' &&
  (!constraint ||
    ('constraint' in err && err.constraint === constraint) ||
    String((err as { message?: string }).message).includes(constraint))

const orNull = <T>(v: T | null | undefined): T | null => (v === undefined || v === '' ? null : v)

export function createRentalProjectsService({ db, clock, timeZoneOf, hooks }: RentalProjectsServiceDeps) {
  const today = createOrgToday(clock, timeZoneOf)
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  /** One transaction, with "today" resolved before it opens (the time-zone lookup uses `db`). */
  async function inTransaction<T>(actor: Actor, fn: (trx: Executor, day: string) => Promise<T>): Promise<T> {
    const day = await today(actor.orgId)
    return db.transaction().execute((trx) => fn(trx, day))
  }

  const assignmentsChanged = async (
    trx: Executor,
    actor: Actor,
    projectId: string,
    opts: { confirmDropManualDays?: boolean | undefined; field?: string } = {},
  ) => {
    await hooks.onAssignmentsChanged(trx, actor, projectId, {
      ...(opts.confirmDropManualDays ? { confirmDropManualDays: true } : {}),
      ...(opts.field ? { field: opts.field } : {}),
    })
  }
  const frozenOf = (trx: Executor, orgId: string, projectId: string) =>
    hooks.frozenPeriods(trx, orgId, projectId)

  /**
   * 409 for a change that alters what a liquidated or invoiced sheet billed
   * (docs/rental-projects.md#frozen-billing-periods); `details.reason = 'frozenPeriod'` lets the screen offer
   * "from the first open day", unless that choice was already made and cannot apply.
   */
  function frozenConflict(f: FrozenPeriod, open: string, triedOpenDay = false) {
    const sheet = `la planilla ${f.seriesCode} (${f.statusLabel}, ${f.periodStart} – ${f.periodEnd})`
    return new AppError(
      'CONFLICT',
      triedOpenDay
        ? `El cambio no puede regir desde el primer día abierto (${open}) sin alterar lo facturado en ${sheet}; retira la asignación y crea otra desde el ${open}`
        : `El cambio altera lo facturado en ${sheet}; elige que rija desde el primer día abierto (${open})${f.status === 'liquidated' ? ' o reabre la planilla' : ''}`,
      {
        reason: 'frozenPeriod',
        billingSheetId: f.billingSheetId,
        seriesCode: f.seriesCode,
        seriesNumber: f.seriesNumber,
        status: f.status,
        periodStart: f.periodStart,
        periodEnd: f.periodEnd,
        firstOpenDay: open,
        firstOpenDayPossible: !triedOpenDay,
      },
    )
  }

  /**
   * Checks a change against the project's frozen periods. Untouched → the change as asked. Touched
   * without `firstOpenDay` → 409. With it → `adjust(open)` gives the change from the first open day, which
   * must leave every frozen period as it was (else 409 saying it cannot apply).
   */
  async function guardFrozen<T>(
    trx: Executor,
    actor: Actor,
    projectId: string,
    change: {
      before: BilledTerms | null
      after: T
      terms: (v: T) => BilledTerms | null
      effectiveFrom: 'firstOpenDay' | undefined
      adjust: (v: T, open: string) => T
    },
  ): Promise<{ value: T; open: string | null; adjusted: boolean }> {
    const frozen = await frozenOf(trx, actor.orgId, projectId)
    const open = firstOpenDay(frozen)
    const hit = touchedPeriod(frozen, change.before, change.terms(change.after))
    if (!hit || !open) return { value: change.after, open, adjusted: false }
    if (change.effectiveFrom !== 'firstOpenDay') throw frozenConflict(hit, open)
    const value = change.adjust(change.after, open)
    const still = touchedPeriod(frozen, change.before, change.terms(value))
    if (still) throw frozenConflict(still, open, true)
    return { value, open, adjusted: true }
  }
  const hasDocuments = (trx: Executor, orgId: string, assignmentId: string) =>
    hooks.hasDocumentsForAssignment(trx, orgId, assignmentId)

  // ---------------------------------------------------------------- clients

  function clientValues(input: TRentalClientInput): repo.ClientValues {
    return {
      name: input.name,
      tax_id: input.taxId,
      email: orNull(input.email),
      phone: orNull(input.phone),
      address: orNull(input.address),
      contacts: (input.contacts ?? []).map((c) => ({
        name: c.name,
        position: orNull(c.position),
        phone: orNull(c.phone),
        email: orNull(c.email),
      })),
      notes: orNull(input.notes),
    }
  }

  function checkTaxId(taxId: string) {
    const r = checkRuc(taxId)
    if (!r.ok) throw validationError('RUC no válido', [{ path: 'taxId', message: r.message }])
  }

  async function assertTaxIdFree(trx: Executor, orgId: string, taxId: string, exceptId?: string) {
    const other = await repo.findClientByTaxId(trx, orgId, taxId)
    if (other && other.id !== exceptId) {
      throw new AppError('CONFLICT', `Ya existe un cliente con el RUC ${taxId}: ${other.name}`, [
        { path: 'taxId', message: `Ya registrado para ${other.name}` },
      ])
    }
  }

  const clientConflict = (err: unknown, taxId: string): never => {
    if (isUniqueViolation(err, 'rental_clients_tax_id_uq')) {
      throw new AppError('CONFLICT', `Ya existe un cliente con el RUC ${taxId}`, [
        { path: 'taxId', message: 'RUC ya registrado' },
      ])
    }
    throw err
  }

  async function listClients(actor: Actor, query: TRentalClientListQuery) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listClients(db, actor.orgId, query)
    return { items: rows.map(toClient), total }
  }

  async function exportClients(actor: Actor, query: TRentalClientListQuery) {
    const { items } = await listClients(actor, { ...query, limit: EXPORT_LIMIT, offset: 0 })
    return writeClientsWorkbook(items)
  }

  async function loadClient(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.findClient(trx, actor.orgId, id, { forUpdate })
    if (!row) throw new AppError('NOT_FOUND', 'Cliente no encontrado')
    return row
  }

  async function getClient(actor: Actor, id: string): Promise<TRentalClient> {
    requireAccess(actor, 'rental.read')
    return toClient(await loadClient(db, actor, id))
  }

  async function createClient(actor: Actor, input: TRentalClientInput): Promise<TRentalClient> {
    requireAccess(actor, 'rental.manage')
    checkTaxId(input.taxId)
    return inTransaction(actor, async (trx) => {
      await assertTaxIdFree(trx, actor.orgId, input.taxId)
      const row = await repo
        .insertClient(trx, actor.orgId, userId(actor), clientValues(input))
        .catch((e) => clientConflict(e, input.taxId))
      await writeAudit(trx, actor, {
        action: 'rental.client.created',
        module: MODULE,
        entityType: 'rental_client',
        entityId: row.id,
        changes: diffFields(null, clientSnapshot(row)),
      })
      return toClient(row)
    })
  }

  async function updateClient(actor: Actor, id: string, patch: TRentalClientPatch): Promise<TRentalClient> {
    requireAccess(actor, 'rental.manage')
    if (patch.taxId !== undefined) checkTaxId(patch.taxId)
    return inTransaction(actor, async (trx) => {
      const before = await loadClient(trx, actor, id, true)
      if (patch.taxId !== undefined && patch.taxId !== before.tax_id)
        await assertTaxIdFree(trx, actor.orgId, patch.taxId, id)
      const merged = clientValues({
        name: patch.name ?? before.name,
        taxId: patch.taxId ?? before.tax_id,
        email: patch.email !== undefined ? patch.email : before.email,
        phone: patch.phone !== undefined ? patch.phone : before.phone,
        address: patch.address !== undefined ? patch.address : before.address,
        contacts: patch.contacts ?? before.contacts,
        notes: patch.notes !== undefined ? patch.notes : before.notes,
      })
      const changes = diffFields(clientSnapshot(before), snapshotOfClientValues(merged))
      if (changes.length === 0) return toClient(before)
      const after = await repo
        .updateClient(trx, actor.orgId, id, { ...merged, updated_at: clock() })
        .catch((e) => clientConflict(e, merged.tax_id))
      await writeAudit(trx, actor, {
        action: 'rental.client.updated',
        module: MODULE,
        entityType: 'rental_client',
        entityId: id,
        changes,
      })
      return toClient(after)
    })
  }

  async function deleteClient(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'rental.manage')
    await inTransaction(actor, async (trx) => {
      const before = await loadClient(trx, actor, id, true)
      if (Number(before.project_count) > 0) {
        throw new AppError(
          'CONFLICT',
          `El cliente tiene ${before.project_count} proyecto(s); no se puede eliminar`,
        )
      }
      await repo.deleteClient(trx, actor.orgId, id)
      await writeAudit(trx, actor, {
        action: 'rental.client.deleted',
        module: MODULE,
        entityType: 'rental_client',
        entityId: id,
        changes: diffFields(clientSnapshot(before), { name: null, taxId: null }, ['name', 'taxId']),
      })
    })
  }

  // ---------------------------------------------------------------- projects

  async function loadProject(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.findProject(trx, actor.orgId, id, { forUpdate })
    if (!row) throw new AppError('NOT_FOUND', 'Proyecto no encontrado')
    return row
  }

  const assertOpen = (p: repo.ProjectRow) => {
    if (p.closed) {
      throw new AppError('INVALID_STATE', `El proyecto «${p.name}» está cerrado; ya no admite cambios`, {
        projectId: p.id,
        closedOn: p.closed_on,
      })
    }
  }

  async function checkProjectClient(trx: Executor, actor: Actor, clientId: string) {
    const client = await repo.findClient(trx, actor.orgId, clientId)
    if (!client)
      throw validationError('Cliente no válido', [{ path: 'clientId', message: 'El cliente no existe' }])
    return client
  }

  function checkProjectDates(startDate: string, endDate: string | null) {
    if (endDate && endDate < startDate) {
      throw validationError('Fechas no válidas', [
        { path: 'endDate', message: 'La fecha de fin no puede ser anterior al inicio' },
      ])
    }
  }

  async function listProjects(actor: Actor, query: TRentalProjectListQuery) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listProjects(db, actor.orgId, query)
    return { items: rows.map(toProject), total }
  }

  async function exportProjects(actor: Actor, query: TRentalProjectListQuery) {
    const { items } = await listProjects(actor, { ...query, limit: EXPORT_LIMIT, offset: 0 })
    return writeProjectsWorkbook(items)
  }

  async function getProject(actor: Actor, id: string): Promise<TRentalProject> {
    requireAccess(actor, 'rental.read')
    return toProject(await loadProject(db, actor, id))
  }

  async function createProject(actor: Actor, input: TRentalProjectInput): Promise<TRentalProject> {
    requireAccess(actor, 'rental.manage')
    checkProjectDates(input.startDate, input.endDate ?? null)
    return inTransaction(actor, async (trx) => {
      await checkProjectClient(trx, actor, input.clientId)
      const row = await repo.insertProject(trx, actor.orgId, userId(actor), {
        client_id: input.clientId,
        name: input.name,
        location: orNull(input.location),
        cardinal_point: orNull(input.cardinalPoint),
        contact_name: orNull(input.contactName),
        contact_phone: orNull(input.contactPhone),
        start_date: input.startDate,
        end_date: orNull(input.endDate),
        notes: orNull(input.notes),
      })
      await writeAudit(trx, actor, {
        action: 'rental.project.created',
        module: MODULE,
        entityType: 'rental_project',
        entityId: row.id,
        changes: diffFields(null, projectSnapshot(row)),
      })
      return toProject(row)
    })
  }

  async function updateProject(
    actor: Actor,
    id: string,
    patch: TRentalProjectPatch,
  ): Promise<TRentalProject> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const before = await loadProject(trx, actor, id, true)
      assertOpen(before)
      if (patch.clientId !== undefined && patch.clientId !== before.client_id)
        await checkProjectClient(trx, actor, patch.clientId)
      const values: repo.ProjectValues = {
        client_id: patch.clientId ?? before.client_id,
        name: patch.name ?? before.name,
        location: patch.location !== undefined ? orNull(patch.location) : before.location,
        cardinal_point:
          patch.cardinalPoint !== undefined ? orNull(patch.cardinalPoint) : before.cardinal_point,
        contact_name: patch.contactName !== undefined ? orNull(patch.contactName) : before.contact_name,
        contact_phone: patch.contactPhone !== undefined ? orNull(patch.contactPhone) : before.contact_phone,
        start_date: patch.startDate ?? before.start_date,
        end_date: patch.endDate !== undefined ? orNull(patch.endDate) : before.end_date,
        notes: patch.notes !== undefined ? orNull(patch.notes) : before.notes,
      }
      checkProjectDates(values.start_date, values.end_date)
      if (values.start_date !== before.start_date) {
        const earliest = (await repo.listProjectAssignments(trx, actor.orgId, id)).reduce<string | null>(
          (min, a) => (min === null || a.operation_start < min ? a.operation_start : min),
          null,
        )
        if (earliest && values.start_date > earliest) {
          throw validationError('Fecha de inicio no válida', [
            {
              path: 'startDate',
              message: `Hay asignaciones desde ${earliest}; el proyecto no puede empezar después`,
            },
          ])
        }
      }
      const changes = diffFields(projectSnapshot(before), projectSnapshot({ ...before, ...values }))
      if (changes.length === 0) return toProject(before)
      const after = await repo.updateProject(trx, actor.orgId, id, { ...values, updated_at: clock() })
      await writeAudit(trx, actor, {
        action: 'rental.project.updated',
        module: MODULE,
        entityType: 'rental_project',
        entityId: id,
        changes,
      })
      return toProject(after)
    })
  }

  async function closeCheckIn(
    trx: Executor,
    actor: Actor,
    project: repo.ProjectRow,
  ): Promise<TRentalCloseCheck> {
    const blockers: TRentalCloseCheck['blockers'] = []
    if (project.closed) blockers.push({ code: 'already_closed', message: 'El proyecto ya está cerrado' })
    else if (await hooks.hasSheetInProgress(trx, actor.orgId, project.id)) {
      blockers.push({
        code: 'sheet_in_progress',
        message: 'Hay una planilla en ejecución: liquídala o cancélala antes de cerrar el proyecto',
      })
    }
    const active = project.closed ? [] : await repo.activeProjectAssignments(trx, actor.orgId, project.id)
    return {
      canClose: blockers.length === 0,
      blockers,
      equipmentToRelease: active
        .filter((a) => a.kind === 'equipment')
        .map((a) => ({ id: a.equipment_id, code: a.equipment_code, name: a.equipment_name })),
      assignmentsToRetire: active.length,
    }
  }

  async function closeCheck(actor: Actor, id: string): Promise<TRentalCloseCheck> {
    requireAccess(actor, 'rental.read')
    return db
      .transaction()
      .execute(async (trx) => closeCheckIn(trx, actor, await loadProject(trx, actor, id)))
  }

  /**
   * Closes a project: refused while a billing sheet is in progress; every active assignment is retired on
   * the closing date (or its planned end when earlier), its equipment released; the end date defaults to the
   * closing date. Afterwards nothing in the project changes.
   */
  async function closeProject(
    actor: Actor,
    id: string,
    input: TCloseRentalProjectRequest,
  ): Promise<TRentalProject> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx, day) => {
      const project = await loadProject(trx, actor, id, true)
      assertOpen(project)
      const check = await closeCheckIn(trx, actor, project)
      if (!check.canClose) {
        throw new AppError('INVALID_STATE', check.blockers.map((b) => b.message).join('; '), {
          blockers: check.blockers,
        })
      }
      const date = input.date ?? day
      if (date < project.start_date) {
        throw validationError('Fecha de cierre no válida', [
          { path: 'date', message: 'El cierre no puede ser anterior al inicio del proyecto' },
        ])
      }
      const reason = input.reason?.trim() || 'Cierre de proyecto'
      const active = await repo.activeProjectAssignments(trx, actor.orgId, id)
      for (const a of active) {
        const retiredOn = closingRetirementDate(date, a.operation_end)
        await repo.updateAssignment(trx, actor.orgId, a.id, {
          retired_on: retiredOn,
          retirement_reason: reason,
          updated_at: clock(),
        })
        if (a.kind === 'equipment') await releaseUnit(trx, actor, a.equipment_id, id)
        await writeAudit(trx, actor, {
          action: 'rental.assignment.retired',
          module: MODULE,
          entityType: 'rental_assignment',
          entityId: a.id,
          changes: [
            { field: 'retiredOn', old: null, new: retiredOn },
            { field: 'retirementReason', old: a.retirement_reason, new: reason },
          ],
          data: { projectId: id, equipmentCode: a.equipment_code, cause: 'project_closed' },
        })
      }
      const after = await repo.updateProject(trx, actor.orgId, id, {
        closed: true,
        closed_on: date,
        closed_by: userId(actor),
        end_date: project.end_date ?? date,
        updated_at: clock(),
      })
      await writeAudit(trx, actor, {
        action: 'rental.project.closed',
        module: MODULE,
        entityType: 'rental_project',
        entityId: id,
        changes: diffFields(projectSnapshot(project), projectSnapshot(after), [
          'closed',
          'closedOn',
          'endDate',
        ]),
        data: {
          reason,
          retiredAssignments: active.length,
          releasedEquipment: check.equipmentToRelease.map((e) => e.code),
        },
      })
      if (active.length > 0) await assignmentsChanged(trx, actor, id)
      return toProject(after)
    })
  }

  // ---------------------------------------------------------------- equipment

  async function loadEquipment(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.findEquipment(trx, actor.orgId, id, { forUpdate })
    if (!row) throw new AppError('NOT_FOUND', 'Equipo no encontrado')
    return row
  }

  const codeConflict = (err: unknown, code: string): never => {
    if (isUniqueViolation(err, 'rental_equipment_code_uq')) {
      throw new AppError('CONFLICT', `Ya existe un equipo o servicio con el código ${code}`, [
        { path: 'code', message: 'Código ya registrado' },
      ])
    }
    throw err
  }

  async function assertCodeFree(trx: Executor, orgId: string, code: string, exceptId?: string) {
    const other = await repo.findEquipmentByCode(trx, orgId, code)
    if (other && other.id !== exceptId) {
      throw new AppError('CONFLICT', `Ya existe un equipo o servicio con el código ${other.code}`, [
        { path: 'code', message: 'Código ya registrado' },
      ])
    }
  }

  function checkServiceType(kind: string, type: string | null | undefined) {
    if (kind === 'service' && type) {
      throw validationError('Tipo no válido', [
        { path: 'type', message: 'Un servicio no tiene tipo de equipo' },
      ])
    }
  }

  async function listEquipment(actor: Actor, query: TRentalEquipmentListQuery) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listEquipment(db, actor.orgId, query)
    return { items: rows.map(toEquipment), total }
  }

  async function exportEquipment(actor: Actor, query: TRentalEquipmentListQuery) {
    const { items } = await listEquipment(actor, { ...query, limit: EXPORT_LIMIT, offset: 0 })
    return writeEquipmentWorkbook(items)
  }

  async function getEquipmentRecord(actor: Actor, id: string): Promise<TRentalEquipment> {
    requireAccess(actor, 'rental.read')
    return toEquipment(await loadEquipment(db, actor, id))
  }

  async function createEquipment(actor: Actor, input: TRentalEquipmentInput): Promise<TRentalEquipment> {
    requireAccess(actor, 'rental.manage')
    checkServiceType(input.kind, input.type)
    const code = input.code.trim()
    return inTransaction(actor, async (trx) => {
      await assertCodeFree(trx, actor.orgId, code)
      const row = await repo
        .insertEquipment(trx, actor.orgId, userId(actor), {
          code,
          name: input.name,
          kind: input.kind,
          type: input.kind === 'service' ? null : orNull(input.type),
          brand: orNull(input.brand),
          model: orNull(input.model),
          serial_number: orNull(input.serialNumber),
          condition: input.kind === 'service' ? 'operative' : (input.condition ?? 'operative'),
          location: orNull(input.location),
          review_note: null,
          notes: orNull(input.notes),
        })
        .catch((e) => codeConflict(e, code))
      await writeAudit(trx, actor, {
        action: 'rental.equipment.created',
        module: MODULE,
        entityType: 'rental_equipment',
        entityId: row.id,
        changes: diffFields(null, equipmentSnapshot(row)),
      })
      return toEquipment(row)
    })
  }

  async function updateEquipment(
    actor: Actor,
    id: string,
    patch: TRentalEquipmentPatch,
  ): Promise<TRentalEquipment> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const before = await loadEquipment(trx, actor, id, true)
      checkServiceType(before.kind, patch.type)
      const code = patch.code?.trim() ?? before.code
      if (code.toUpperCase() !== before.code.toUpperCase()) await assertCodeFree(trx, actor.orgId, code, id)
      const condition = before.kind === 'service' ? 'operative' : (patch.condition ?? before.condition)
      if (condition === 'retired' && before.availability === 'rented') {
        throw new AppError(
          'INVALID_STATE',
          `El equipo ${before.code} está rentado en «${before.project_name}»: retíralo del proyecto antes de darlo de baja`,
        )
      }
      const values: Partial<repo.EquipmentValues> = {
        code,
        name: patch.name ?? before.name,
        type: patch.type !== undefined ? orNull(patch.type) : before.type,
        brand: patch.brand !== undefined ? orNull(patch.brand) : before.brand,
        model: patch.model !== undefined ? orNull(patch.model) : before.model,
        serial_number: patch.serialNumber !== undefined ? orNull(patch.serialNumber) : before.serial_number,
        condition,
        location: patch.location !== undefined ? orNull(patch.location) : before.location,
        notes: patch.notes !== undefined ? orNull(patch.notes) : before.notes,
        review_note: patch.reviewed ? null : before.review_note,
      }
      const changes = diffFields(equipmentSnapshot(before), equipmentSnapshot({ ...before, ...values }))
      if (changes.length === 0) return toEquipment(before)
      await repo
        .updateEquipment(trx, actor.orgId, id, { ...values, updated_at: clock() })
        .catch((e) => codeConflict(e, code))
      await writeAudit(trx, actor, {
        action: 'rental.equipment.updated',
        module: MODULE,
        entityType: 'rental_equipment',
        entityId: id,
        changes,
      })
      return toEquipment(await loadEquipment(trx, actor, id))
    })
  }

  async function deleteEquipment(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'rental.manage')
    await inTransaction(actor, async (trx) => {
      const before = await loadEquipment(trx, actor, id, true)
      const used = await repo.countAssignmentsOfEquipment(trx, actor.orgId, id)
      if (used > 0) {
        throw new AppError(
          'CONFLICT',
          `${before.code} tiene ${used} asignación(es) en proyectos; no se puede eliminar (márcalo como retirado)`,
        )
      }
      await repo.deleteEquipment(trx, actor.orgId, id)
      await writeAudit(trx, actor, {
        action: 'rental.equipment.deleted',
        module: MODULE,
        entityType: 'rental_equipment',
        entityId: id,
        changes: [{ field: 'code', old: before.code, new: null }],
        data: { name: before.name, kind: before.kind },
      })
    })
  }

  /**
   * Reads the uploaded list: JSON (legacy `equipments.json` shape) or a spreadsheet with a header row.
   * Control characters are dropped from its text (the spreadsheet reader does it for a workbook) and
   * counted per row (`cleaned`: row → characters dropped).
   */
  async function readImportRows(
    upload: Upload,
  ): Promise<{ rows: RawEquipmentRow[]; cleaned: Map<number, number> }> {
    const bytes = upload.bytes
    const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b
    const cleaned = new Map<number, number>()
    if (isZip) {
      const rows: RawEquipmentRow[] = []
      let header: Record<number, string> | null = null
      try {
        for await (const r of readRows(bytes, { sheets: (_n, i) => i === 0 })) {
          if (!header) {
            header = headerMap(r.cells)
            continue
          }
          const values: Record<string, unknown> = {}
          for (const [i, key] of Object.entries(header)) {
            const v = r.cells[Number(i)]
            values[key] = v instanceof Date ? v.toISOString().slice(0, 10) : v
          }
          rows.push({ row: r.rowNumber, values })
          if (r.controlCharacters) cleaned.set(r.rowNumber, r.controlCharacters)
          if (rows.length > MAX_IMPORT_ROWS) break
        }
      } catch (err) {
        if (err instanceof ImportLimitError) throw err // 413 naming the limit and the sheet
        throw validationError('No se pudo leer el libro de Excel', [
          { path: 'file', message: 'El archivo no es un .xlsx válido' },
        ])
      }
      if (rows.length === 0)
        throw validationError('El archivo no contiene equipos', [
          { path: 'file', message: 'Sin filas de datos bajo el encabezado' },
        ])
      if (rows.length > MAX_IMPORT_ROWS) {
        throw validationError('Archivo demasiado grande', [
          { path: 'file', message: `Máximo ${MAX_IMPORT_ROWS} equipos por archivo` },
        ])
      }
      return { rows, cleaned }
    }
    let doc: unknown
    try {
      doc = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''))
    } catch {
      throw validationError('Formato no reconocido', [
        { path: 'file', message: 'Sube un archivo JSON (lista de equipos) o un Excel .xlsx con encabezados' },
      ])
    }
    const parsed = rowsFromJson(doc)
    if ('error' in parsed) throw validationError(parsed.error, [{ path: 'file', message: parsed.error }])
    for (const r of parsed.rows) {
      let removed = 0
      for (const [key, v] of Object.entries(r.values)) {
        if (typeof v !== 'string') continue
        const c = cleanText(v)
        removed += c.removed
        if (c.removed) r.values[key] = c.text
      }
      if (removed) cleaned.set(r.row, removed)
    }
    return { rows: parsed.rows, cleaned }
  }

  /**
   * Imports an equipment list: all-or-nothing. Clear values are normalised; unclear ones are imported and the
   * unit flagged for review (it cannot be assigned until reviewed); a row error (no code, repeated code…)
   * stops the whole import (400 with one detail per row). `dryRun` answers the report without writing.
   */
  async function importEquipment(
    actor: Actor,
    upload: Upload,
    opts: { dryRun: boolean },
  ): Promise<TRentalEquipmentImportResult> {
    requireAccess(actor, 'rental.manage')
    const { rows: raw, cleaned } = await readImportRows(upload)
    return inTransaction(actor, async (trx) => {
      const existing = new Map<string, ExistingEquipment>()
      for (const e of await repo.listAllEquipment(trx, actor.orgId)) {
        existing.set(e.code.toUpperCase(), {
          id: e.id,
          code: e.code,
          name: e.name,
          kind: e.kind as ExistingEquipment['kind'],
          type: e.type as ExistingEquipment['type'],
          brand: e.brand,
          model: e.model,
          serialNumber: e.serial_number,
          condition: e.condition as ExistingEquipment['condition'],
          location: e.location,
          reviewNote: e.review_note,
          notes: e.notes,
        })
      }
      const plan = planEquipmentImport(raw, existing)
      const count = (a: string) => plan.filter((p) => p.action === a).length
      const report: TRentalEquipmentImportResult = {
        dryRun: opts.dryRun,
        imported: false,
        total: plan.length,
        created: count('create'),
        updated: count('update'),
        unchanged: count('unchanged'),
        flagged: plan.filter((p) => p.action === 'create' && p.record?.reviewNote).length,
        errors: count('error'),
        controlCharactersRemoved: [...cleaned.values()].reduce((a, b) => a + b, 0),
        rows: plan.map(({ row, code, name, action, changes, warnings, errors }) => {
          const removed = cleaned.get(row)
          return {
            row,
            code,
            name,
            action,
            changes: removed ? [...changes, controlCharactersWarning(removed)] : changes,
            warnings,
            errors,
          }
        }),
      }
      if (opts.dryRun) return report
      if (report.errors > 0) {
        const details: TFieldError[] = plan.flatMap((p) =>
          p.errors.map((message) => ({ path: `rows.${p.row}`, message: `Fila ${p.row}: ${message}` })),
        )
        throw validationError(`${report.errors} fila(s) con errores; no se importó ningún equipo`, details)
      }
      const toCreate = plan.filter((p) => p.action === 'create' && p.record)
      const created = await repo.insertEquipmentMany(
        trx,
        actor.orgId,
        userId(actor),
        toCreate.map(({ record: r }) => ({
          code: r!.code,
          name: r!.name,
          kind: r!.kind,
          type: r!.type,
          brand: r!.brand,
          model: r!.model,
          serial_number: r!.serialNumber,
          condition: r!.condition,
          location: r!.location,
          review_note: r!.reviewNote,
          notes: r!.notes,
        })),
      )
      for (const p of plan.filter((x) => x.action === 'update' && x.patch && x.existingId)) {
        const patch = p.patch!
        await repo.updateEquipment(trx, actor.orgId, p.existingId!, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.type !== undefined ? { type: patch.type } : {}),
          ...(patch.brand !== undefined ? { brand: patch.brand } : {}),
          ...(patch.model !== undefined ? { model: patch.model } : {}),
          ...(patch.serialNumber !== undefined ? { serial_number: patch.serialNumber } : {}),
          ...(patch.location !== undefined ? { location: patch.location } : {}),
          ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
          updated_at: clock(),
        })
      }
      await writeAudit(trx, actor, {
        action: 'rental.equipment.imported',
        module: MODULE,
        entityType: 'rental_equipment',
        entityId: null,
        data: {
          file: upload.filename.slice(0, 200),
          total: report.total,
          created: created.length,
          updated: report.updated,
          unchanged: report.unchanged,
          flagged: report.flagged,
        },
      })
      return { ...report, imported: true }
    })
  }

  // ---------------------------------------------------------------- assignments

  async function loadAssignment(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.findAssignment(trx, actor.orgId, id, { forUpdate })
    if (!row) throw new AppError('NOT_FOUND', 'Asignación no encontrada')
    return row
  }

  function checkRate(value: string | number | undefined): string | undefined {
    if (value === undefined) return undefined
    const rate = moneyString(value)
    if (rate === null)
      throw validationError('Tarifa no válida', [
        { path: 'dailyRate', message: 'Importe no válido: no negativo, hasta 2 decimales' },
      ])
    return rate
  }

  function checkWindow(project: repo.ProjectRow, start: string, end: string | null) {
    const errors: TFieldError[] = []
    if (start < project.start_date)
      errors.push({ path: 'operationStart', message: `El proyecto empieza el ${project.start_date}` })
    if (project.end_date && start > project.end_date)
      errors.push({ path: 'operationStart', message: `El proyecto termina el ${project.end_date}` })
    if (end && end < start)
      errors.push({ path: 'operationEnd', message: 'El fin de operación no puede ser anterior al inicio' })
    if (errors.length > 0) throw validationError('Fechas de operación no válidas', errors)
  }

  /** An equipment may be assigned: operative, reviewed, not on another active assignment, not on site elsewhere in the window. */
  async function assertEquipmentFree(
    trx: Executor,
    actor: Actor,
    unit: repo.EquipmentRow,
    window: { start: string; end: string | null },
    exceptAssignmentId?: string,
  ) {
    const active = await repo.activeAssignmentOfEquipment(trx, actor.orgId, unit.id)
    if (active && active.id !== exceptAssignmentId) {
      throw new AppError(
        'CONFLICT',
        `El equipo ${unit.code} ya está asignado al proyecto «${active.project_name}»`,
        {
          equipmentId: unit.id,
          projectId: active.project_id,
          projectName: active.project_name,
          assignmentId: active.id,
        },
      )
    }
    if (unit.review_note) {
      throw new AppError(
        'INVALID_STATE',
        `El equipo ${unit.code} está pendiente de revisión: ${unit.review_note}`,
        { equipmentId: unit.id },
      )
    }
    if (unit.condition !== 'operative') {
      throw new AppError('INVALID_STATE', `El equipo ${unit.code} no está operativo (${unit.condition})`, {
        equipmentId: unit.id,
        condition: unit.condition,
      })
    }
    await assertWindowFree(trx, actor, unit, window, exceptAssignmentId)
  }

  async function releaseUnit(trx: Executor, actor: Actor, equipmentId: string, projectId: string) {
    const unit = await repo.findEquipment(trx, actor.orgId, equipmentId, { forUpdate: true })
    if (unit && unit.current_project_id === projectId) {
      await repo.updateEquipment(trx, actor.orgId, equipmentId, {
        availability: 'available',
        current_project_id: null,
        updated_at: clock(),
      })
    }
  }

  async function deletableMap(trx: Executor, orgId: string, rows: readonly { id: string }[]) {
    const out = new Map<string, boolean>()
    for (const r of rows) out.set(r.id, !(await hasDocuments(trx, orgId, r.id)))
    return out
  }

  async function listAssignments(
    actor: Actor,
    projectId: string,
    query: { status?: 'active' | 'retired' | undefined },
  ) {
    requireAccess(actor, 'rental.read')
    return db.transaction().execute(async (trx) => {
      await loadProject(trx, actor, projectId)
      const rows = await repo.listProjectAssignments(trx, actor.orgId, projectId, query.status)
      const deletable = await deletableMap(trx, actor.orgId, rows)
      return { items: rows.map((r) => toAssignment(r, deletable.get(r.id) ?? true)), total: rows.length }
    })
  }

  async function readAssignment(trx: Executor, actor: Actor, id: string): Promise<TRentalAssignment> {
    const row = await loadAssignment(trx, actor, id)
    return toAssignment(row, !(await hasDocuments(trx, actor.orgId, id)))
  }

  async function getAssignment(actor: Actor, id: string): Promise<TRentalAssignment> {
    requireAccess(actor, 'rental.read')
    return db.transaction().execute((trx) => readAssignment(trx, actor, id))
  }

  async function createAssignment(
    actor: Actor,
    projectId: string,
    input: TCreateRentalAssignmentInput,
  ): Promise<TRentalAssignment> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const project = await loadProject(trx, actor, projectId, true)
      assertOpen(project)
      const freq = normaliseFrequency(input)
      if (!freq.ok) throw validationError('Frecuencia no válida', freq.errors)
      const rate = checkRate(input.dailyRate)!
      const end = input.operationEnd ?? null
      checkWindow(project, input.operationStart, end)
      const item = await repo.findEquipment(trx, actor.orgId, input.equipmentId, { forUpdate: true })
      if (!item)
        throw validationError('Equipo no válido', [
          { path: 'equipmentId', message: 'El equipo o servicio no existe' },
        ])
      // a start inside a liquidated or invoiced period: 409, or from the first open day when asked
      const { value: start, adjusted } = await guardFrozen(trx, actor, projectId, {
        before: null,
        after: input.operationStart,
        terms: (s) =>
          termsOf({
            kind: item.kind,
            operation_start: s,
            operation_end: end,
            retired_on: null,
            frequency: freq.value.kind,
            frequency_days: freq.value.days,
            daily_rate: rate,
          }),
        effectiveFrom: input.effectiveFrom,
        adjust: (s, open) => startFromOpenDay(null, s, open),
      })
      if (adjusted) checkWindow(project, start, end)
      let linked: repo.EquipmentRow | undefined
      if (item.kind === 'equipment') {
        if (input.linkedEquipmentId) {
          throw validationError('Vínculo no válido', [
            { path: 'linkedEquipmentId', message: 'Solo un servicio se vincula a un equipo' },
          ])
        }
        await assertEquipmentFree(trx, actor, item, { start, end })
      } else if (input.linkedEquipmentId) {
        linked = await checkLinkedEquipment(trx, actor, projectId, input.linkedEquipmentId)
      }
      const values: repo.AssignmentValues = {
        project_id: projectId,
        equipment_id: item.id,
        kind: item.kind,
        daily_rate: rate,
        description: input.description?.trim() || defaultDescription(item, linked),
        frequency: freq.value.kind,
        frequency_days: freq.value.days,
        operation_start: start,
        operation_end: end,
        linked_equipment_id: linked?.id ?? null,
        notes: orNull(input.notes),
      }
      const row = await repo
        .insertAssignment(trx, actor.orgId, userId(actor), values)
        .catch((err: unknown) => {
          if (isUniqueViolation(err, 'rental_assignments_one_active_uq')) {
            throw new AppError('CONFLICT', `El equipo ${item.code} ya está asignado a otro proyecto`, {
              equipmentId: item.id,
            })
          }
          throw err
        })
      if (item.kind === 'equipment') {
        await repo.updateEquipment(trx, actor.orgId, item.id, {
          availability: 'rented',
          current_project_id: projectId,
          updated_at: clock(),
        })
      }
      await writeAudit(trx, actor, {
        action: 'rental.assignment.created',
        module: MODULE,
        entityType: 'rental_assignment',
        entityId: row.id,
        changes: diffFields(null, assignmentSnapshot(row)),
        data: {
          projectId,
          equipmentId: item.id,
          equipmentCode: item.code,
          kind: item.kind,
          ...(adjusted ? { effectiveFrom: 'firstOpenDay', requestedStart: input.operationStart } : {}),
        },
      })
      await assignmentsChanged(trx, actor, projectId, {
        confirmDropManualDays: input.confirmDropManualDays,
        field: 'dailyRate',
      })
      return toAssignment(row, !(await hasDocuments(trx, actor.orgId, row.id)))
    })
  }

  /**
   * A service's linked equipment: an equipment with an active assignment in the same project (the old picker
   * offered any rented equipment; docs/rental-projects.md#assignments).
   */
  async function checkLinkedEquipment(trx: Executor, actor: Actor, projectId: string, equipmentId: string) {
    const unit = await repo.findEquipment(trx, actor.orgId, equipmentId)
    const active = unit ? await repo.activeAssignmentOfEquipment(trx, actor.orgId, unit.id) : undefined
    if (!unit || unit.kind !== 'equipment' || !active || active.project_id !== projectId) {
      throw validationError('Equipo vinculado no válido', [
        { path: 'linkedEquipmentId', message: 'Elige un equipo asignado (activo) a este proyecto' },
      ])
    }
    return unit
  }

  async function loadChangeable(trx: Executor, actor: Actor, id: string) {
    const before = await loadAssignment(trx, actor, id, true)
    const project = await loadProject(trx, actor, before.project_id, true)
    assertOpen(project)
    return { before, project }
  }

  async function updateAssignment(
    actor: Actor,
    id: string,
    patch: TUpdateRentalAssignmentRequest,
  ): Promise<TRentalAssignment> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const { before, project } = await loadChangeable(trx, actor, id)
      if (before.retired_on) {
        throw new AppError('INVALID_STATE', 'La asignación está retirada: reactívala antes de editarla')
      }
      const frequencyGiven =
        patch.frequency !== undefined || patch.weekdays !== undefined || patch.monthdays !== undefined
      let frequency = { kind: before.frequency, days: before.frequency_days }
      if (frequencyGiven) {
        const freq = normaliseFrequency({
          frequency: patch.frequency ?? (before.frequency as 'daily'),
          weekdays: patch.weekdays ?? (before.frequency === 'weekdays' ? before.frequency_days : undefined),
          monthdays:
            patch.monthdays ?? (before.frequency === 'monthdays' ? before.frequency_days : undefined),
        })
        if (!freq.ok) throw validationError('Frecuencia no válida', freq.errors)
        frequency = freq.value
      }
      const rate = checkRate(patch.dailyRate)
      if (patch.rateEffectiveFrom && rate === undefined)
        throw validationError('Falta la tarifa', [
          { path: 'dailyRate', message: 'Indica la tarifa que rige desde esa fecha' },
        ])
      const beforeRates = normaliseRates(before.rate_history, before.daily_rate)
      const ratesFrom = (from: string | null, s: string) =>
        rate === undefined ? beforeRates : withRateFrom(beforeRates, before.daily_rate, from, rate, s)
      type Draft = { start: string; end: string | null; rates: RateEntry[] }
      const asked: Draft = {
        start: patch.operationStart ?? before.operation_start,
        end: patch.operationEnd !== undefined ? patch.operationEnd : before.operation_end,
        rates: [],
      }
      asked.rates = ratesFrom(patch.rateEffectiveFrom ?? null, asked.start)
      // what a liquidated or invoiced sheet billed stays as it was (docs/rental-projects.md#frozen-billing-periods)
      const guarded = await guardFrozen(trx, actor, before.project_id, {
        before: termsOf(before),
        after: asked,
        terms: (d: Draft) =>
          termsOf({
            ...before,
            operation_start: d.start,
            operation_end: d.end,
            frequency: frequency.kind,
            frequency_days: frequency.days,
            daily_rate: latestRate(d.rates),
            rate_history: d.rates,
          }),
        effectiveFrom: patch.effectiveFrom,
        adjust: (d, open) => {
          const s = startFromOpenDay(before.operation_start, d.start, open)
          const from =
            patch.rateEffectiveFrom && patch.rateEffectiveFrom > open ? patch.rateEffectiveFrom : open
          return {
            start: s,
            end: endFromOpenDay(before.operation_end, d.end, open),
            rates: ratesFrom(from, s),
          }
        },
      })
      const { start, end, rates } = guarded.value
      if (start !== before.operation_start || end !== before.operation_end) {
        checkWindow(project, start, end)
        if (before.kind === 'equipment') {
          const unit = await loadEquipment(trx, actor, before.equipment_id, true)
          // only the dates matter here: the unit is already on this assignment
          await assertWindowFree(trx, actor, unit, { start, end }, id)
        }
      }
      let linkedId = before.linked_equipment_id
      if (patch.linkedEquipmentId !== undefined && patch.linkedEquipmentId !== before.linked_equipment_id) {
        if (before.kind === 'equipment' && patch.linkedEquipmentId) {
          throw validationError('Vínculo no válido', [
            { path: 'linkedEquipmentId', message: 'Solo un servicio se vincula a un equipo' },
          ])
        }
        linkedId = patch.linkedEquipmentId
          ? (await checkLinkedEquipment(trx, actor, before.project_id, patch.linkedEquipmentId)).id
          : null
      }
      const values: Partial<repo.AssignmentValues> = {
        daily_rate: latestRate(rates),
        rate_history: JSON.stringify(rates),
        description: patch.description?.trim() || before.description,
        frequency: frequency.kind,
        frequency_days: frequency.days,
        operation_start: start,
        operation_end: end,
        linked_equipment_id: linkedId,
        notes: patch.notes !== undefined ? orNull(patch.notes) : before.notes,
      }
      const changes = diffFields(
        assignmentSnapshot(before),
        assignmentSnapshot({ ...before, ...values, rate_history: rates }),
      )
      if (changes.length === 0) return toAssignment(before, !(await hasDocuments(trx, actor.orgId, id)))
      await repo.updateAssignment(trx, actor.orgId, id, { ...values, updated_at: clock() })
      await writeAudit(trx, actor, {
        action: 'rental.assignment.updated',
        module: MODULE,
        entityType: 'rental_assignment',
        entityId: id,
        changes,
        data: {
          projectId: before.project_id,
          equipmentCode: before.equipment_code,
          ...(guarded.adjusted ? { effectiveFrom: 'firstOpenDay', firstOpenDay: guarded.open } : {}),
        },
      })
      await assignmentsChanged(trx, actor, before.project_id, {
        confirmDropManualDays: patch.confirmDropManualDays,
        field: patch.dailyRate !== undefined ? 'dailyRate' : 'operationStart',
      })
      return readAssignment(trx, actor, id)
    })
  }

  /**
   * No other assignment of the unit (any project, retired ones included) has it on site during the window:
   * a retirement dated in the future keeps the unit there until that date, so one unit is never billed twice.
   */
  async function assertWindowFree(
    trx: Executor,
    actor: Actor,
    unit: repo.EquipmentRow,
    window: { start: string; end: string | null },
    selfId?: string,
  ) {
    for (const other of await repo.listEquipmentAssignments(trx, actor.orgId, unit.id)) {
      if (other.id === selfId) continue
      const last = lastDayOnSite(other)
      if (last !== null && last < other.operation_start) continue // retired before it started: never on site
      if (
        (last === null || last >= window.start) &&
        (window.end === null || other.operation_start <= window.end)
      ) {
        throw new AppError(
          'CONFLICT',
          last
            ? `El equipo ${unit.code} está en «${other.project_name}» del ${other.operation_start} al ${last}; elige fechas que no se crucen`
            : `El equipo ${unit.code} está en «${other.project_name}» desde el ${other.operation_start}`,
          {
            equipmentId: unit.id,
            projectId: other.project_id,
            projectName: other.project_name,
            assignmentId: other.id,
            until: last,
          },
        )
      }
    }
  }

  /**
   * Retires an assignment on `date` (its last day on site, default today). An equipment is released and the
   * active services of the project linked to it are retired with the same date and reason.
   */
  async function retireAssignment(
    actor: Actor,
    id: string,
    input: TRetireRentalAssignmentRequest,
  ): Promise<TRentalAssignmentChange> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx, day) => {
      const { before } = await loadChangeable(trx, actor, id)
      if (before.retired_on)
        throw new AppError('INVALID_STATE', `La asignación ya está retirada desde el ${before.retired_on}`)
      const asked = input.date ?? day
      if (asked < before.operation_start) {
        throw validationError('Fecha de retiro no válida', [
          {
            path: 'date',
            message: `La operación empezó el ${before.operation_start}; el retiro no puede ser anterior (elimina la asignación si no llegó a operar)`,
          },
        ])
      }
      const { value: date, adjusted } = await guardFrozen(trx, actor, before.project_id, {
        before: termsOf(before),
        after: asked,
        terms: (d: string) => termsOf({ ...before, retired_on: d }),
        effectiveFrom: input.effectiveFrom,
        adjust: (d, open) => endFromOpenDay(before.operation_end, d, open) ?? d,
      })
      const cascaded = await retireIn(trx, actor, before, date, input.reason?.trim() || null, {
        ...(adjusted ? { effectiveFrom: 'firstOpenDay', requestedDate: asked } : {}),
      })
      await assignmentsChanged(trx, actor, before.project_id, {
        confirmDropManualDays: input.confirmDropManualDays,
      })
      return { ...(await readAssignment(trx, actor, id)), cascadedAssignmentIds: cascaded }
    })
  }

  /** Retires `before` on `date` (audited); an equipment is released and its linked active services follow. */
  async function retireIn(
    trx: Executor,
    actor: Actor,
    before: repo.AssignmentRow,
    date: string,
    reason: string | null,
    data: Record<string, unknown> = {},
  ): Promise<string[]> {
    const id = before.id
    {
      await repo.updateAssignment(trx, actor.orgId, id, {
        retired_on: date,
        retirement_reason: reason,
        updated_at: clock(),
      })
      await writeAudit(trx, actor, {
        action: 'rental.assignment.retired',
        module: MODULE,
        entityType: 'rental_assignment',
        entityId: id,
        changes: [
          { field: 'retiredOn', old: before.retired_on, new: date },
          { field: 'retirementReason', old: before.retirement_reason, new: reason },
        ],
        data: { projectId: before.project_id, equipmentCode: before.equipment_code, ...data },
      })
      const cascaded: string[] = []
      if (before.kind === 'equipment') {
        await releaseUnit(trx, actor, before.equipment_id, before.project_id)
        for (const s of await repo.activeLinkedServices(
          trx,
          actor.orgId,
          before.project_id,
          before.equipment_id,
        )) {
          await repo.updateAssignment(trx, actor.orgId, s.id, {
            retired_on: date,
            retirement_reason: reason,
            retired_with_id: id,
            updated_at: clock(),
          })
          await writeAudit(trx, actor, {
            action: 'rental.assignment.retired',
            module: MODULE,
            entityType: 'rental_assignment',
            entityId: s.id,
            changes: [
              { field: 'retiredOn', old: null, new: date },
              { field: 'retirementReason', old: null, new: reason },
            ],
            data: {
              projectId: before.project_id,
              cause: 'linked_equipment_retired',
              equipmentAssignmentId: id,
            },
          })
          cascaded.push(s.id)
        }
      }
      return cascaded
    }
  }

  /**
   * Undoes a retirement (the same row comes back, so billing keeps one line). Refused while the equipment is
   * active elsewhere (409 naming that project); the services retired with it come back too.
   */
  async function reactivateAssignment(
    actor: Actor,
    id: string,
    input: TReactivateRentalAssignmentRequest,
  ): Promise<TRentalAssignmentChange> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const { before, project } = await loadChangeable(trx, actor, id)
      if (!before.retired_on) throw new AppError('INVALID_STATE', 'La asignación no está retirada')
      const start = input.operationStart ?? before.operation_start
      if (start < before.operation_start) {
        throw validationError('Inicio no válido', [
          { path: 'operationStart', message: 'Solo se puede mover el inicio hacia adelante' },
        ])
      }
      checkWindow(project, start, before.operation_end)
      // the days after the retirement come back: never inside a liquidated or invoiced period
      await guardFrozen(trx, actor, before.project_id, {
        before: termsOf(before),
        after: start,
        terms: (s: string) => termsOf({ ...before, retired_on: null, operation_start: s }),
        effectiveFrom: input.effectiveFrom,
        adjust: (s) => s,
      })
      if (before.kind === 'equipment') {
        const unit = await loadEquipment(trx, actor, before.equipment_id, true)
        await assertEquipmentFree(trx, actor, unit, { start, end: before.operation_end }, id)
      }
      await repo.updateAssignment(trx, actor.orgId, id, {
        retired_on: null,
        retirement_reason: null,
        retired_with_id: null,
        operation_start: start,
        updated_at: clock(),
      })
      if (before.kind === 'equipment') {
        await repo.updateEquipment(trx, actor.orgId, before.equipment_id, {
          availability: 'rented',
          current_project_id: before.project_id,
          updated_at: clock(),
        })
      }
      await writeAudit(trx, actor, {
        action: 'rental.assignment.reactivated',
        module: MODULE,
        entityType: 'rental_assignment',
        entityId: id,
        changes: [
          { field: 'retiredOn', old: before.retired_on, new: null },
          { field: 'retirementReason', old: before.retirement_reason, new: null },
          ...(start !== before.operation_start
            ? [{ field: 'operationStart', old: before.operation_start, new: start }]
            : []),
        ],
        data: { projectId: before.project_id, equipmentCode: before.equipment_code },
      })
      const cascaded: string[] = []
      for (const s of await repo.servicesRetiredWith(trx, actor.orgId, id)) {
        await repo.updateAssignment(trx, actor.orgId, s.id, {
          retired_on: null,
          retirement_reason: null,
          retired_with_id: null,
          operation_start: s.operation_start < start ? start : s.operation_start,
          updated_at: clock(),
        })
        await writeAudit(trx, actor, {
          action: 'rental.assignment.reactivated',
          module: MODULE,
          entityType: 'rental_assignment',
          entityId: s.id,
          changes: [{ field: 'retiredOn', old: s.retired_on, new: null }],
          data: {
            projectId: before.project_id,
            cause: 'linked_equipment_reactivated',
            equipmentAssignmentId: id,
          },
        })
        cascaded.push(s.id)
      }
      await assignmentsChanged(trx, actor, before.project_id, {
        confirmDropManualDays: input.confirmDropManualDays,
      })
      return { ...(await readAssignment(trx, actor, id)), cascadedAssignmentIds: cascaded }
    })
  }

  /**
   * Deletes an assignment (a mistake, not a retirement). Refused when documents reference it or one of the
   * services that go with it (the linked active services, and those retired with it). An equipment is released.
   */
  async function deleteAssignment(
    actor: Actor,
    id: string,
    opts: { effectiveFrom?: 'firstOpenDay'; confirmDropManualDays?: boolean } = {},
  ): Promise<{ ok: true; deletedIds: string[]; retiredIds?: string[] }> {
    requireAccess(actor, 'rental.manage')
    return inTransaction(actor, async (trx) => {
      const { before } = await loadChangeable(trx, actor, id)
      const changed = { confirmDropManualDays: opts.confirmDropManualDays }
      // billed by a liquidated or invoiced sheet: 409, or it leaves on the last frozen day when asked
      const frozen = await frozenOf(trx, actor.orgId, before.project_id)
      const open = firstOpenDay(frozen)
      const hit = touchedPeriod(frozen, termsOf(before), null)
      if (hit && open) {
        if (opts.effectiveFrom !== 'firstOpenDay') throw frozenConflict(hit, open)
        const lastFrozen = addDays(open, -1)
        if (lastFrozen < before.operation_start || (before.retired_on && before.retired_on <= lastFrozen))
          throw frozenConflict(hit, open, true)
        const cascaded = await retireIn(trx, actor, before, lastFrozen, before.retirement_reason, {
          effectiveFrom: 'firstOpenDay',
          requested: 'delete',
        })
        await assignmentsChanged(trx, actor, before.project_id, changed)
        return { ok: true as const, deletedIds: [], retiredIds: [id, ...cascaded] }
      }
      const withIt =
        before.kind === 'equipment'
          ? [
              ...(before.retired_on
                ? []
                : await repo.activeLinkedServices(trx, actor.orgId, before.project_id, before.equipment_id)),
              ...(await repo.servicesRetiredWith(trx, actor.orgId, id)),
            ]
          : []
      const all = [before, ...withIt]
      const blocked: string[] = []
      for (const a of all) if (await hasDocuments(trx, actor.orgId, a.id)) blocked.push(a.id)
      if (blocked.length > 0) {
        throw new AppError(
          'CONFLICT',
          blocked.includes(id)
            ? 'Hay documentos (cadenas de custodia, hojas de mantenimiento o planillas) que usan esta asignación: retírala en lugar de eliminarla'
            : 'Hay documentos que usan un servicio vinculado a este equipo: retira la asignación en lugar de eliminarla',
          { assignmentIds: blocked },
        )
      }
      if (before.kind === 'equipment' && !before.retired_on)
        await releaseUnit(trx, actor, before.equipment_id, before.project_id)
      const ids = [...new Set(all.map((a) => a.id))]
      await repo.deleteAssignments(trx, actor.orgId, ids)
      for (const a of all) {
        await writeAudit(trx, actor, {
          action: 'rental.assignment.deleted',
          module: MODULE,
          entityType: 'rental_assignment',
          entityId: a.id,
          changes: diffFields(assignmentSnapshot(a), {}, [
            'dailyRate',
            'operationStart',
            'operationEnd',
            'retiredOn',
          ]),
          data: {
            projectId: before.project_id,
            equipmentId: a.equipment_id,
            description: a.description,
            ...(a.id !== id ? { cause: 'linked_equipment_deleted', equipmentAssignmentId: id } : {}),
          },
        })
      }
      await assignmentsChanged(trx, actor, before.project_id, changed)
      return { ok: true as const, deletedIds: ids }
    })
  }

  // ---------------------------------------------------------------- calendar

  async function getCalendar(
    actor: Actor,
    projectId: string,
    query: { month?: string | undefined },
  ): Promise<TRentalCalendar> {
    requireAccess(actor, 'rental.read')
    const day = await today(actor.orgId)
    const month = query.month ?? day.slice(0, 7)
    const rows = await db.transaction().execute(async (trx) => {
      await loadProject(trx, actor, projectId)
      return repo.listProjectAssignments(trx, actor.orgId, projectId)
    })
    const services: CalendarService[] = rows
      .filter((r) => r.kind === 'service')
      .map((r) => ({
        assignmentId: r.id,
        serviceId: r.equipment_id,
        code: r.equipment_code,
        name: r.equipment_name,
        description: r.description,
        frequencyKind: r.frequency as CalendarService['frequencyKind'],
        frequency: engineFrequency(r.frequency, r.frequency_days),
        rate: r.daily_rate,
        operationStart: r.operation_start,
        lastDay: lastDayOnSite(r),
        linkedEquipment:
          r.linked_equipment_id && r.linked_code
            ? { id: r.linked_equipment_id, code: r.linked_code, name: r.linked_name ?? '' }
            : null,
      }))
    return buildCalendar({ projectId, month, today: day, services })
  }

  return {
    // clients
    listClients,
    exportClients,
    getClient,
    createClient,
    updateClient,
    deleteClient,
    // projects
    listProjects,
    exportProjects,
    getProject,
    createProject,
    updateProject,
    closeCheck,
    closeProject,
    // equipment
    listEquipment,
    exportEquipment,
    getEquipment: getEquipmentRecord,
    createEquipment,
    updateEquipment,
    deleteEquipment,
    importEquipment,
    // assignments
    listAssignments,
    getAssignment,
    createAssignment,
    updateAssignment,
    retireAssignment,
    reactivateAssignment,
    deleteAssignment,
    // calendar
    getCalendar,
  }
}

// --- audit snapshots (API field names) ---

function clientSnapshot(r: repo.ClientRow) {
  return {
    name: r.name,
    taxId: r.tax_id,
    email: r.email,
    phone: r.phone,
    address: r.address,
    contacts: r.contacts,
    notes: r.notes,
  }
}
function snapshotOfClientValues(v: repo.ClientValues) {
  return {
    name: v.name,
    taxId: v.tax_id,
    email: v.email,
    phone: v.phone,
    address: v.address,
    contacts: v.contacts,
    notes: v.notes,
  }
}

function projectSnapshot(r: {
  client_id: string
  name: string
  location: string | null
  cardinal_point: string | null
  contact_name: string | null
  contact_phone: string | null
  start_date: string
  end_date: string | null
  notes: string | null
  closed: boolean
  closed_on: string | null
}) {
  return {
    clientId: r.client_id,
    name: r.name,
    location: r.location,
    cardinalPoint: r.cardinal_point,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    startDate: r.start_date,
    endDate: r.end_date,
    notes: r.notes,
    closed: r.closed,
    closedOn: r.closed_on,
  }
}

function equipmentSnapshot(r: repo.EquipmentValues) {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    type: r.type,
    brand: r.brand,
    model: r.model,
    serialNumber: r.serial_number,
    condition: r.condition,
    location: r.location,
    reviewNote: r.review_note,
    notes: r.notes,
  }
}
