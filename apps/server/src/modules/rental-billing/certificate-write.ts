import type { Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { certificateItems, sameCertificateItems } from './certificate-items'
import { CERT_ENTITY, MODULE } from './rental-billing.context'
import { money, toCertificateItem } from './rental-billing.mapping'
import type { BillingDocuments, BillingProject } from './rental-billing.ports'
import * as repo from './rental-billing.repository'

export type WriteCertificateOptions = {
  clock: () => Date
  sheet: repo.SheetRow
  /** the documents the sheet bills (its custody chains become the items) */
  docs: BillingDocuments
  project: BillingProject | null
  cert: repo.CertificateRow
  /** `refreshed`: the user asked, so the refresh time moves even when nothing changed (and a change is audited) */
  auditAs: 'refreshed' | null
}

/**
 * Writes (creates or refreshes) the certificate of a sheet from the sheet's custody chains, inside `trx`:
 * by the recomputation of the sheet (sheet-recomputation.ts) and by the certificate use cases
 * (certificates.service.ts); docs/rental-billing.md#disposition-certificates.
 */
export async function writeCertificate(
  trx: Executor,
  actor: Actor,
  { clock, sheet, docs, project, cert, auditAs }: WriteCertificateOptions,
): Promise<repo.CertificateRow> {
  const { items, totals } = certificateItems(docs.custodyChains, {
    start: sheet.period_start,
    end: sheet.period_end,
  })
  const stored = await repo.listCertificateItems(trx, actor.orgId, cert.id)
  const same =
    sameCertificateItems(stored.map(toCertificateItem), items) &&
    cert.client_name === (project?.clientName ?? sheet.client_name)
  const now = clock()
  if (same) {
    if (auditAs === null) return cert
    return repo.updateCertificate(trx, actor.orgId, cert.id, {
      client_name: cert.client_name,
      client_tax_id: cert.client_tax_id,
      location: cert.location,
      total_gallons: cert.total_gallons,
      total_barrels: cert.total_barrels,
      total_cubic_meters: cert.total_cubic_meters,
      refreshed_at: now,
    })
  }
  await repo.replaceCertificateItems(
    trx,
    actor.orgId,
    cert.id,
    items.map((i) => ({
      custody_chain_id: i.custodyChainId,
      chain_number: i.chainNumber,
      activity_date: i.activityDate,
      description: i.description,
      treatment: i.treatment,
      gallons: i.gallons,
      barrels: i.barrels,
      cubic_meters: i.cubicMeters,
    })),
  )
  const after = await repo.updateCertificate(trx, actor.orgId, cert.id, {
    client_name: project?.clientName ?? sheet.client_name,
    client_tax_id: project?.clientTaxId ?? sheet.client_tax_id,
    location: project?.location ?? sheet.project_location,
    total_gallons: totals.gallons,
    total_barrels: totals.barrels,
    total_cubic_meters: totals.cubicMeters,
    refreshed_at: now,
  })
  await writeAudit(trx, actor, {
    action: 'disposition_certificate.refreshed',
    module: MODULE,
    entityType: CERT_ENTITY,
    entityId: cert.id,
    changes: diffFields(
      {
        gallons: money(cert.total_gallons),
        barrels: money(cert.total_barrels),
        cubicMeters: money(cert.total_cubic_meters),
      },
      totals,
    ),
    data: { number: cert.number, seriesCode: sheet.series_code, items: items.length },
  })
  return after
}
