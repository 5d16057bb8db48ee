import type {
  TRentalClient,
  TRentalClientInput,
  TRentalClientListQuery,
  TRentalClientPatch,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError, validationError } from '../../platform/errors'
import { toClient } from './rental-projects.mapping'
import * as repo from './rental-projects.repository'
import { checkRuc } from './ruc'
import { MODULE, isUniqueViolation, orNull, type RentalProjectsContext } from './rental-projects.context'
import { projectsMessages as M } from './rental-projects.messages'

/**
 * Clients (RUC/cédula checked, unique per organization): list, export, read, create, update, delete
 * (docs/rental-projects.md).
 */
export function createClientUseCases(ctx: RentalProjectsContext) {
  const { db, clock, userId, inTransaction } = ctx

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
    if (!r.ok) throw validationError(M.invalidRuc(), [fieldError('taxId', r.message)])
  }

  async function assertTaxIdFree(trx: Executor, orgId: string, taxId: string, exceptId?: string) {
    const other = await repo.findClientByTaxId(trx, orgId, taxId)
    if (other && other.id !== exceptId) {
      throw new AppError('CONFLICT', M.rucTakenBy({ taxId, client: other.name }), [
        fieldError('taxId', M.rucRegisteredFor({ client: other.name })),
      ])
    }
  }

  const clientConflict = (err: unknown, taxId: string): never => {
    if (isUniqueViolation(err, 'rental_clients_tax_id_uq')) {
      throw new AppError('CONFLICT', M.rucTaken({ taxId }), [fieldError('taxId', M.rucRegistered())])
    }
    throw err
  }

  async function listClients(actor: Actor, query: TRentalClientListQuery) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listClients(db, actor.orgId, query)
    return { items: rows.map(toClient), total }
  }

  async function loadClient(trx: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.findClient(trx, actor.orgId, id, { forUpdate })
    if (!row) throw new AppError('NOT_FOUND', M.clientNotFound())
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
        throw new AppError('CONFLICT', M.clientHasProjects({ count: before.project_count ?? 0 }))
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

  return {
    listClients,
    getClient,
    createClient,
    updateClient,
    deleteClient,
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
