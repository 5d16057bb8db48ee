import type { ReactNode } from 'react'

export type PageHeaderProps = {
  title: ReactNode
  subtitle?: ReactNode
  /** Buttons on the right (primary action last). */
  actions?: ReactNode
  /** Small line above the title, e.g. a back link or breadcrumbs. */
  breadcrumb?: ReactNode
}

export const PageHeader = ({ title, subtitle, actions, breadcrumb }: PageHeaderProps) => (
  <header className="page-header">
    <div className="page-header__text">
      {breadcrumb ? <div className="page-header__breadcrumb">{breadcrumb}</div> : null}
      <h1 className="page-header__title">{title}</h1>
      {subtitle ? <p className="page-header__subtitle">{subtitle}</p> : null}
    </div>
    {actions ? <div className="page-header__actions">{actions}</div> : null}
  </header>
)
