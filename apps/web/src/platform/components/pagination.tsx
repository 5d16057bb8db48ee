import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../session'

export const PAGE_SIZES = [25, 50, 100, 200] as const

export type PaginationProps = {
  total: number
  limit: number
  offset: number
  onPageChange: (offset: number) => void
  onLimitChange?: (limit: number) => void
  pageSizes?: readonly number[]
}

/** Offset pagination: "1–50 of 234", rows per page, first/previous/next/last. */
export const Pagination = ({
  total,
  limit,
  offset,
  onPageChange,
  onLimitChange,
  pageSizes = PAGE_SIZES,
}: PaginationProps) => {
  const { t } = useTranslation()
  const fmt = useFormat()
  const id = useId()
  const pages = Math.max(1, Math.ceil(total / limit))
  const page = Math.min(pages, Math.floor(offset / limit) + 1)
  const from = total === 0 ? 0 : offset + 1
  const to = Math.min(total, offset + limit)
  const sizes = pageSizes.includes(limit) ? pageSizes : [...pageSizes, limit].sort((a, b) => a - b)

  return (
    <nav className="pagination" aria-label={t('table.pagination')}>
      <div className="pagination__size">
        {onLimitChange ? (
          <>
            <label htmlFor={`${id}-size`}>{t('table.rowsPerPage')}</label>
            <select
              id={`${id}-size`}
              className="input input--sm"
              value={limit}
              onChange={(e) => onLimitChange(Number(e.target.value))}
            >
              {sizes.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </>
        ) : null}
      </div>
      <p className="pagination__range" aria-live="polite">
        {t('table.range', { from: fmt.integer(from), to: fmt.integer(to), total: fmt.integer(total) })}
      </p>
      <div className="pagination__buttons">
        <button
          type="button"
          className="btn btn--ghost btn--sm btn--icon"
          aria-label={t('table.first')}
          title={t('table.first')}
          disabled={page <= 1}
          onClick={() => onPageChange(0)}
        >
          «
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          disabled={page <= 1}
          onClick={() => onPageChange(Math.max(0, offset - limit))}
        >
          ‹ {t('table.previous')}
        </button>
        <span className="pagination__page">
          {t('table.page', { page: fmt.integer(page), pages: fmt.integer(pages) })}
        </span>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          disabled={page >= pages}
          onClick={() => onPageChange(offset + limit)}
        >
          {t('table.next')} ›
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--sm btn--icon"
          aria-label={t('table.last')}
          title={t('table.last')}
          disabled={page >= pages}
          onClick={() => onPageChange((pages - 1) * limit)}
        >
          »
        </button>
      </div>
    </nav>
  )
}
