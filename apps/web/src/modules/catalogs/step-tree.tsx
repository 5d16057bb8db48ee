import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { CLIENT_TYPES, type TClientType, type TStepTemplate } from '@faena/contracts'
import { Button, EmptyState, ErrorState, FilterBar, SearchInput } from '../../platform/components'
import { ActiveBadge, RestoreButton, ShowInactiveToggle } from './parts'
import { stepTreeQuery, type CatalogRow } from './catalogs-api'
import type { CatalogSearch } from './routes'

type StepName = 'proposal-step-templates' | 'work-order-step-templates'

export type TreeRow = TStepTemplate & {
  number: string
  depth: 0 | 1
  subCount: number
  nextSubPosition: number
}

/**
 * The server sends main steps each followed by their sub-steps (sort=position); numbers are
 * `4` for a main step and `4.2` for its second sub-step.
 */
export function toTreeRows(items: TStepTemplate[]): TreeRow[] {
  const mains = new Map(items.filter((s) => s.parentId === null).map((s) => [s.id, s]))
  const subs = new Map<string, TStepTemplate[]>()
  for (const s of items) if (s.parentId) subs.set(s.parentId, [...(subs.get(s.parentId) ?? []), s])
  return items.map((s) => {
    const children = subs.get(s.id) ?? []
    const parent = s.parentId ? mains.get(s.parentId) : undefined
    return {
      ...s,
      number: s.parentId ? `${parent ? parent.position : '·'}.${s.position}` : String(s.position),
      depth: s.parentId ? 1 : 0,
      subCount: children.filter((c) => c.active).length,
      nextSubPosition: Math.max(0, ...children.map((c) => c.position)) + 1,
    }
  })
}

export const StepTree = ({
  name,
  search,
  setSearch,
  manage,
  onOpen,
  onAddSub,
}: {
  name: StepName
  search: CatalogSearch
  setSearch: (patch: Partial<CatalogSearch>, resetPage?: boolean) => void
  manage: boolean
  onOpen: (record: CatalogRow) => void
  onAddSub: (parent: TreeRow) => void
}) => {
  const { t } = useTranslation(['catalogs', 'platform'])
  const clientType: TClientType = search.clientType ?? 'CONTRATO'
  const q = useQuery(stepTreeQuery(name, clientType, !!search.includeInactive, search.q))
  const rows = q.data ? toTreeRows(q.data.items) : undefined
  const showStatus = !!search.includeInactive

  return (
    <section className="card card--flush">
      <FilterBar
        active={!!search.q}
        onClear={() => setSearch({ q: undefined })}
        end={q.data ? <span className="muted">{t('list.count', { count: q.data.total })}</span> : null}
      >
        <div className="filter">
          <span className="filter__label" id={`${name}-ct`}>
            {t('tree.clientType')}
          </span>
          <div className="segmented" role="group" aria-labelledby={`${name}-ct`}>
            {CLIENT_TYPES.map((ct) => (
              <button
                key={ct}
                type="button"
                className="segmented__item"
                aria-pressed={ct === clientType}
                onClick={() => setSearch({ clientType: ct === 'CONTRATO' ? undefined : ct })}
              >
                {t(`clientTypes.${ct}`)}
              </button>
            ))}
          </div>
        </div>
        <SearchInput
          value={search.q ?? ''}
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          onChange={(v) => setSearch({ q: v || undefined })}
        />
        <ShowInactiveToggle
          checked={showStatus}
          onChange={(v) => setSearch({ includeInactive: v || undefined })}
        />
      </FilterBar>
      <div className="data-table">
        <div
          className={
            q.isFetching && !q.isPending
              ? 'data-table__progress data-table__progress--on'
              : 'data-table__progress'
          }
          aria-hidden="true"
        />
        {q.isError && !rows ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : rows && rows.length === 0 ? (
          <EmptyState title={search.q ? t('platform:table.emptyFiltered') : t('tree.empty')} />
        ) : (
          <div className="data-table__scroll">
            <table className="table steps-tree" aria-busy={q.isFetching || undefined}>
              <caption className="visually-hidden">
                {t('tree.caption', { clientType: t(`clientTypes.${clientType}`) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" style={{ width: '5rem' }}>
                    {t('fields.number')}
                  </th>
                  <th scope="col">{t('fields.step')}</th>
                  <th scope="col">{t('fields.comment')}</th>
                  {showStatus ? (
                    <th scope="col" style={{ width: '7rem' }}>
                      {t('fields.status')}
                    </th>
                  ) : null}
                  {manage ? (
                    <th scope="col" className="cell--end" style={{ width: '11rem' }}>
                      <span className="visually-hidden">{t('list.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {(rows ?? []).map((r) => (
                  <tr
                    key={r.id}
                    className={[
                      'steps-tree__row',
                      `steps-tree__row--${r.depth === 0 ? 'main' : 'sub'}`,
                      manage ? 'row--clickable' : '',
                      r.active ? '' : 'steps-tree__row--inactive',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    tabIndex={manage ? 0 : undefined}
                    onClick={manage ? () => onOpen(r) : undefined}
                    onKeyDown={
                      manage
                        ? (e) => {
                            if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
                              e.preventDefault()
                              onOpen(r)
                            }
                          }
                        : undefined
                    }
                  >
                    <td className="mono steps-tree__number">{r.number}</td>
                    <td>
                      <span className="steps-tree__name">{r.name}</span>
                      {r.depth === 0 && r.subCount > 0 ? (
                        <span className="steps-tree__count">{t('tree.subSteps', { count: r.subCount })}</span>
                      ) : null}
                    </td>
                    <td className="catalogs__comment">
                      {r.comment ? (
                        <span title={r.comment}>{r.comment}</span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    {showStatus ? (
                      <td>
                        <ActiveBadge active={r.active} />
                      </td>
                    ) : null}
                    {manage ? (
                      <td className="cell--end">
                        {!r.active ? (
                          <RestoreButton name={name} record={r} label={r.name} />
                        ) : r.depth === 0 ? (
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={t('tree.addSubStepTo', { name: r.name })}
                            onClick={(e) => {
                              e.stopPropagation()
                              onAddSub(r)
                            }}
                          >
                            + {t('tree.addSubStep')}
                          </Button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
                {q.isPending
                  ? Array.from({ length: 6 }, (_, i) => (
                      <tr key={`sk-${i}`} className="data-table__skeleton" aria-hidden="true">
                        <td colSpan={3 + (showStatus ? 1 : 0) + (manage ? 1 : 0)}>
                          <span className="skeleton" />
                        </td>
                      </tr>
                    ))
                  : null}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  )
}
