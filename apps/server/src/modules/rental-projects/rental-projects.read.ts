import type { TRentalClient, TRentalEquipment, TRentalProject } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'
import {
  toAssignmentInfo,
  toClient,
  toEquipment,
  toProject,
  type RentalAssignmentInfo,
} from './rental-projects.mapping'
import * as repo from './rental-projects.repository'

/**
 * Read functions for the other rental modules (billing sheets, field documents), through index.ts.
 * They take the caller's executor (its open transaction) and the organization: no access check here —
 * the calling use case has done it. A record of another organization is simply not found.
 */

/** The project with its client, or undefined. */
export async function getProject(
  trx: Executor,
  orgId: string,
  id: string,
): Promise<TRentalProject | undefined> {
  const row = await repo.findProject(trx, orgId, id)
  return row ? toProject(row) : undefined
}

/** Projects by id (in the order asked), each with its client, in one query; unknown ids are left out. */
export async function getProjects(
  trx: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<TRentalProject[]> {
  const wanted = [...new Set(ids)]
  const rows = new Map((await repo.findProjectsByIds(trx, orgId, wanted)).map((r) => [r.id, r]))
  return wanted.flatMap((id) => {
    const row = rows.get(id)
    return row ? [toProject(row)] : []
  })
}

/** The client, or undefined. */
export async function getClient(
  trx: Executor,
  orgId: string,
  id: string,
): Promise<TRentalClient | undefined> {
  const row = await repo.findClient(trx, orgId, id)
  return row ? toClient(row) : undefined
}

/**
 * Every assignment of a project (active and retired): the unit or service with code and name, the linked
 * equipment, daily rate, frequency (engine form and raw), operation window, retirement and version.
 * Order: equipment first, then services; by code and start.
 */
export async function listAssignments(
  trx: Executor,
  orgId: string,
  projectId: string,
): Promise<RentalAssignmentInfo[]> {
  return (await repo.listProjectAssignments(trx, orgId, projectId)).map(toAssignmentInfo)
}

/** Assignments by id (any project of the organization; in the order asked, one query); unknown ids are left out. */
export async function getAssignments(
  trx: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<RentalAssignmentInfo[]> {
  const wanted = [...new Set(ids)]
  const rows = new Map((await repo.findAssignmentsByIds(trx, orgId, wanted)).map((r) => [r.id, r]))
  return wanted.flatMap((id) => {
    const row = rows.get(id)
    return row ? [toAssignmentInfo(row)] : []
  })
}

/** Equipment and services by id; unknown ids are left out. */
export async function getEquipment(
  trx: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<TRentalEquipment[]> {
  return (await repo.findEquipmentByIds(trx, orgId, [...new Set(ids)])).map(toEquipment)
}

/**
 * Every physical unit (kind equipment, retired ones included) with its availability and current project,
 * by code (the equipment-condition module's status report).
 */
export async function listEquipmentUnits(trx: Executor, orgId: string): Promise<TRentalEquipment[]> {
  return (await repo.listEquipmentUnits(trx, orgId)).map(toEquipment)
}

/** Ids of the organization's projects whose name, location, contact or client (name or RUC) matches `q`. */
export async function findProjectIds(trx: Executor, orgId: string, q: string): Promise<string[]> {
  return repo.findProjectIdsMatching(trx, orgId, q)
}

/** Equipment and services counted by kind, condition and availability (the insights dashboards). */
export async function countEquipment(trx: Executor, orgId: string) {
  return repo.countEquipment(trx, orgId)
}

/**
 * Equipment assignments on site some day of [from, to] (the insights dashboards): project, unit, first day
 * and last day on site (the retirement, else the planned end; null while open).
 */
export async function listEquipmentAssignmentWindows(trx: Executor, orgId: string, from: string, to: string) {
  return (await repo.listEquipmentAssignmentWindows(trx, orgId, from, to)).map((r) => ({
    projectId: r.project_id,
    equipmentId: r.equipment_id,
    start: r.operation_start,
    end: r.end,
  }))
}
