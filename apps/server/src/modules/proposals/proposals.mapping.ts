import type { TProposalStep, TProposalSummary } from '@faena/contracts'
import { percent } from './proposal-progress'
import { isProposalOverdue } from './proposal-status'
import type { CatalogsPort } from './proposals.context'
import type * as repo from './proposals.repository'
import { buildStepTree } from './step-rules'

/** Names of the catalog records a page of proposals mentions (from the catalogs port). */
export type Names = Awaited<ReturnType<CatalogsPort['getNames']>>

/** The header fields as the audit log names them (same names as the API). */
export const HEADER_FIELDS = [
  'officialNumber',
  'requestNumber',
  'description',
  'clientId',
  'typeId',
  'projectManagerId',
  'priority',
  'requestDate',
  'deliveryDate',
  'durationDays',
  'comment',
] as const

export const headerSnapshot = (r: repo.ProposalRow) => ({
  officialNumber: r.official_number,
  requestNumber: r.request_number,
  description: r.description,
  clientId: r.client_id,
  typeId: r.type_id,
  projectManagerId: r.project_manager_id,
  priority: r.priority,
  requestDate: r.request_date,
  deliveryDate: r.delivery_date,
  durationDays: r.duration_days,
  comment: r.comment,
  status: r.status,
  statusReason: r.status_reason,
})

/** A row of the list (and the head of the detail), with its step counts and the names it mentions. */
export function toSummary(
  r: repo.ProposalRow,
  counts: { done: number; counted: number },
  names: Names,
  day: string,
): TProposalSummary {
  const client = names.clients.find((c) => c.id === r.client_id)
  const type = names.types.find((t) => t.id === r.type_id)
  const manager = names.projectManagers.find((m) => m.id === r.project_manager_id)
  const status = r.status
  return {
    id: r.id,
    officialNumber: r.official_number,
    requestNumber: r.request_number,
    description: r.description,
    client: { id: r.client_id, name: client?.name ?? '', clientType: client?.clientType ?? 'CONTRATO' },
    type: { id: r.type_id, name: type?.name ?? '' },
    projectManager: { id: r.project_manager_id, name: manager?.name ?? '' },
    priority: r.priority,
    status,
    statusReason: r.status_reason,
    requestDate: r.request_date,
    deliveryDate: r.delivery_date,
    durationDays: r.duration_days,
    progress: percent(counts.done, counts.counted),
    doneSteps: counts.done,
    countedSteps: counts.counted,
    overdue: r.deleted_at === null && isProposalOverdue({ status, deliveryDate: r.delivery_date }, day),
    deleted: r.deleted_at !== null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

/** snake_case column values → the API's camelCase names (to diff a patch against the header snapshot). */
export function camel(values: Partial<repo.ProposalValues>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values))
    out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v
  return out
}

/** The name a link attachment gets when none is given: host and path. */
export function linkName(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}${u.pathname === '/' ? '' : u.pathname}`.slice(0, 200)
  } catch {
    return url.slice(0, 200)
  }
}

export const toAttachment = (r: repo.AttachmentRow) => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  fileId: r.file_id,
  url: r.url,
  createdAt: r.created_at.toISOString(),
})

/** Flat step rows → the tree of the detail (sub-steps under their parent), with overdue, parent progress, attachments. */
export function buildProposalStepTree(
  rows: repo.StepRow[],
  attachments: repo.AttachmentRow[],
  day: string,
  userNames: ReadonlyMap<string, string>,
): TProposalStep[] {
  const byStep = new Map<string, TProposalStep['attachments']>()
  for (const a of attachments) {
    const list = byStep.get(a.step_id) ?? []
    list.push(toAttachment(a))
    byStep.set(a.step_id, list)
  }
  return buildStepTree(rows, day, (r) => ({ attachments: byStep.get(r.id) ?? [] }), userNames)
}
