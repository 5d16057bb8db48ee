import { DUPLICATE_OFFICIAL_NUMBER, ZProposalSettings, type TProposalWarning } from '@faena/contracts'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { render, type Lang } from '../../platform/i18n/messages'
import { getOrganizationSettings } from '../../platform/tenancy/organizations'
import { proposalNumberKey } from './proposal-refs'
import * as repo from './proposals.repository'
import { proposalsMessages as M } from './proposals.messages'

/** The organization's proposal settings (`settings.proposals`); the defaults where unset or invalid. */
export async function proposalSettings(trx: Executor, orgId: string) {
  const settings = await getOrganizationSettings(trx, orgId)
  const parsed = ZProposalSettings.safeParse(settings.proposals ?? {})
  return parsed.success ? parsed.data : ZProposalSettings.parse({})
}

/**
 * The official number a save is about to write, against the organization's other live proposals (trimmed,
 * case-insensitive; docs/proposals.md#official-numbers). Where the organization wants numbers unique
 * (`settings.proposals.uniqueOfficialNumbers`), a duplicate is a 409 naming `officialNumber` and the other
 * proposal's number; otherwise the save goes on with one warning per other proposal.
 */
export async function checkOfficialNumber(
  trx: Executor,
  orgId: string,
  officialNumber: string,
  excludeId?: string,
  lang: Lang = 'es',
): Promise<TProposalWarning[]> {
  const key = proposalNumberKey(officialNumber)
  const { uniqueOfficialNumbers } = await proposalSettings(trx, orgId)
  if (uniqueOfficialNumbers) await repo.lockOfficialNumber(trx, orgId, key)
  const others = (await repo.findByOfficialNumberKeys(trx, orgId, [key])).filter((p) => p.id !== excludeId)
  if (others.length === 0) return []
  if (uniqueOfficialNumbers) {
    const other = others[0]!
    const message = M.officialNumberTaken({ number: other.official_number })
    throw new AppError('CONFLICT', message, [
      {
        ...fieldError('officialNumber', message),
        code: DUPLICATE_OFFICIAL_NUMBER,
        proposalId: other.id,
        officialNumber: other.official_number,
      },
    ])
  }
  return others.map((other) => ({
    code: DUPLICATE_OFFICIAL_NUMBER,
    field: 'officialNumber',
    message: render(M.officialNumberShared({ number: other.official_number }), lang),
    proposalId: other.id,
    officialNumber: other.official_number,
  }))
}
