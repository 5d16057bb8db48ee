import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { PROPOSAL_SORTS, ZProposalPriority, ZProposalStatus } from '@faena/contracts'
import { pageSearch, searchParam } from '../../platform/list-search'
import type { AppRoute } from '../../platform/root-routes'
import { lazyPage } from '../../platform/lazy'
import { requirePermission } from '../../platform/route-guards'

/** `?q=123` arrives as a number from the router's JSON search parser: accept it as text. */
const text = (max: number) =>
  searchParam(z.union([z.string(), z.number()]).transform(String).pipe(z.string().max(max)))
const isoDate = searchParam(z.iso.date())
/** `?overdue=true` arrives as a boolean; the quoted string form is accepted too. */
const flag = searchParam(z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]))

export const ZProposalsSearch = z.object({
  q: text(200),
  status: searchParam(ZProposalStatus),
  clientId: searchParam(z.uuid()),
  typeId: searchParam(z.uuid()),
  projectManagerId: searchParam(z.uuid()),
  priority: searchParam(ZProposalPriority),
  requestFrom: isoDate,
  requestTo: isoDate,
  deliveryFrom: isoDate,
  deliveryTo: isoDate,
  overdue: flag,
  assignedToMe: flag,
  deleted: flag,
  sort: searchParam(z.enum(PROPOSAL_SORTS)),
  dir: searchParam(z.enum(['asc', 'desc'])),
  ...pageSearch,
})
export type ProposalsSearch = z.infer<typeof ZProposalsSearch>

export const routes = (parent: AppRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/proposals',
      beforeLoad: requirePermission('proposal.read'),
      validateSearch: (s: Record<string, unknown>): ProposalsSearch => ZProposalsSearch.parse(s),
      component: lazyPage('proposals', () => import('./proposals-list-page'), 'ProposalsListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/proposals/new',
      beforeLoad: requirePermission('proposal.create'),
      component: lazyPage('proposals', () => import('./proposal-new-page'), 'ProposalNewPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/proposals/$id',
      beforeLoad: requirePermission('proposal.read'),
      component: lazyPage('proposals', () => import('./proposal-detail-page'), 'ProposalDetailPage'),
    }),
  ] as const
