import { Fragment, useId, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from './empty-state'
import { ErrorState } from './error-state'
import { Pagination, type PaginationProps } from './pagination'

export type SortDir = 'asc' | 'desc'
export type SortState = { key: string; dir: SortDir }

export type Column<T> = {
  /** Stable id; also the sort key sent to the server when `sortable`. */
  key: string
  header: ReactNode
  /** Plain-text header for the sort button's accessible name when `header` is not a string. */
  headerLabel?: string
  cell: (row: T) => ReactNode
  sortable?: boolean
  /** `end` for numbers and money (tabular figures), `center` for icons. */
  align?: 'start' | 'end' | 'center'
  /** CSS width, e.g. '10rem' or '20%'. */
  width?: string
  className?: string
}

export type DataTableProps<T> = {
  columns: Column<T>[]
  rows: readonly T[] | undefined
  rowKey: (row: T) => string
  /** Accessible name of the table (visually hidden caption). */
  caption: string
  /** First load (no rows yet). */
  loading?: boolean
  /** Refetching with the previous rows still shown (page change, new filters). */
  fetching?: boolean
  error?: unknown
  onRetry?: () => void
  /** Server-side pagination; omit for short, unpaged lists. */
  pagination?: Omit<PaginationProps, 'total'> & { total: number | undefined }
  sort?: SortState | undefined
  onSortChange?: (sort: SortState) => void
  onRowClick?: (row: T) => void
  /** Expandable rows: the detail shown under the row. */
  renderExpanded?: (row: T) => ReactNode
  /** Message when there are no rows (say whether filters are applied). */
  empty?: ReactNode
  emptyFiltered?: boolean
  dense?: boolean
  /** `table-layout: fixed`: columns keep their widths when rows expand or pages change. */
  fixedLayout?: boolean
}

const alignClass = (align: Column<unknown>['align']) =>
  align === 'end' ? 'cell--end' : align === 'center' ? 'cell--center' : ''

/** The column's name as text: on a phone each cell shows it before its value (rows become cards). */
const columnLabel = <T,>(c: Column<T>): string | undefined =>
  c.headerLabel ?? (typeof c.header === 'string' ? c.header : undefined)

/**
 * A server-paginated list: sortable headers (aria-sort), loading / empty / error states,
 * clickable rows (Enter works too) and optional expandable rows.
 */
export const DataTable = <T,>({
  columns,
  rows,
  rowKey,
  caption,
  loading = false,
  fetching = false,
  error,
  onRetry,
  pagination,
  sort,
  onSortChange,
  onRowClick,
  renderExpanded,
  empty,
  emptyFiltered = false,
  dense = false,
  fixedLayout = false,
}: DataTableProps<T>) => {
  const { t } = useTranslation()
  const id = useId()
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const colCount = columns.length + (renderExpanded ? 1 : 0)

  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })

  const headerCell = (c: Column<T>) => {
    const active = sort?.key === c.key
    const ariaSort = c.sortable
      ? active
        ? sort.dir === 'asc'
          ? 'ascending'
          : 'descending'
        : 'none'
      : undefined
    const style: CSSProperties | undefined = c.width ? { width: c.width } : undefined
    if (!c.sortable || !onSortChange) {
      return (
        <th key={c.key} scope="col" className={alignClass(c.align)} style={style}>
          {c.header}
        </th>
      )
    }
    const label = columnLabel(c) ?? c.key
    const nextDir: SortDir = active && sort.dir === 'asc' ? 'desc' : 'asc'
    return (
      <th key={c.key} scope="col" aria-sort={ariaSort} className={alignClass(c.align)} style={style}>
        <button
          type="button"
          className={active ? 'sort-button sort-button--active' : 'sort-button'}
          onClick={() => onSortChange({ key: c.key, dir: nextDir })}
          title={t('table.sortBy', { column: label })}
        >
          {c.header}
          <span className="sort-button__icon" aria-hidden="true">
            {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    )
  }

  const onRowKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, row: T) => {
    if (!onRowClick || e.target !== e.currentTarget) return
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onRowClick(row)
    }
  }

  let body: ReactNode
  if (error && !rows?.length) {
    body = (
      <tr>
        <td colSpan={colCount} className="data-table__state">
          <ErrorState error={error} onRetry={onRetry} />
        </td>
      </tr>
    )
  } else if (loading && !rows) {
    body = Array.from({ length: 5 }, (_, i) => (
      <tr key={`sk-${i}`} className="data-table__skeleton" aria-hidden="true">
        {Array.from({ length: colCount }, (_, j) => (
          <td key={j}>
            <span className="skeleton" />
          </td>
        ))}
      </tr>
    ))
  } else if (!rows || rows.length === 0) {
    body = (
      <tr>
        <td colSpan={colCount} className="data-table__state">
          <EmptyState title={empty ?? (emptyFiltered ? t('table.emptyFiltered') : t('table.empty'))} />
        </td>
      </tr>
    )
  } else {
    body = rows.map((row) => {
      const key = rowKey(row)
      const isOpen = expanded.has(key)
      const detailId = `${id}-detail-${key}`
      return (
        <Fragment key={key}>
          <tr
            className={[onRowClick ? 'row--clickable' : '', isOpen ? 'row--expanded' : '']
              .filter(Boolean)
              .join(' ')}
            tabIndex={onRowClick ? 0 : undefined}
            onClick={onRowClick ? () => onRowClick(row) : undefined}
            onKeyDown={onRowClick ? (e) => onRowKeyDown(e, row) : undefined}
          >
            {renderExpanded ? (
              <td className="cell--toggle">
                <button
                  type="button"
                  className="expand-button"
                  aria-expanded={isOpen}
                  aria-controls={isOpen ? detailId : undefined}
                  aria-label={isOpen ? t('actions.collapse') : t('actions.expand')}
                  title={isOpen ? t('actions.collapse') : t('actions.expand')}
                  onClick={(e) => {
                    e.stopPropagation()
                    toggle(key)
                  }}
                >
                  <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                </button>
              </td>
            ) : null}
            {columns.map((c) => (
              <td
                key={c.key}
                className={[alignClass(c.align), c.className ?? ''].filter(Boolean).join(' ')}
                data-label={columnLabel(c)}
              >
                {c.cell(row)}
              </td>
            ))}
          </tr>
          {renderExpanded && isOpen ? (
            <tr className="row--detail" id={detailId}>
              <td colSpan={colCount}>{renderExpanded(row)}</td>
            </tr>
          ) : null}
        </Fragment>
      )
    })
  }

  return (
    <div className="data-table">
      <div
        className={fetching ? 'data-table__progress data-table__progress--on' : 'data-table__progress'}
        aria-hidden="true"
      />
      <div className="data-table__scroll">
        <table
          className={['table', dense ? 'table--dense' : '', fixedLayout ? 'table--fixed' : '']
            .filter(Boolean)
            .join(' ')}
          aria-busy={loading || fetching || undefined}
        >
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {renderExpanded ? (
                <th scope="col" className="cell--toggle">
                  <span className="visually-hidden">{t('actions.expand')}</span>
                </th>
              ) : null}
              {columns.map(headerCell)}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      {error && rows?.length ? <ErrorState error={error} onRetry={onRetry} compact /> : null}
      {pagination && pagination.total !== undefined && pagination.total > 0 ? (
        <Pagination {...pagination} total={pagination.total} />
      ) : null}
    </div>
  )
}
