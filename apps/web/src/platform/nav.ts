/**
 * The left navigation. One line per module screen; an item shows only with its permission.
 * `to` must be a path registered in router.tsx. Labels are keys of the `platform` namespace (nav.*).
 */
import type { LinkProps } from '@tanstack/react-router'
import type { IconName } from './components/icon'
import type { platformI18n } from './platform-i18n'

type PlatformEs = (typeof platformI18n)['es']

export type NavItem = {
  to: NonNullable<LinkProps['to']>
  label: `nav.${keyof PlatformEs['nav']}`
  icon: IconName
  /** Permission needed to see the item (none: everyone signed in). */
  permission?: string
  /** Home-page hint (platform `home.*` key); items with a hint appear as quick links on the home page. */
  hint?: `home.${keyof PlatformEs['home']}`
  /** Section divider before this item. */
  section?: 'admin'
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home', icon: 'home' },
  { to: '/proposals', label: 'nav.proposals', icon: 'proposals', permission: 'proposal.read', hint: 'home.proposalsHint' },
  { to: '/catalogs', label: 'nav.catalogs', icon: 'catalogs', permission: 'catalog.read', hint: 'home.catalogsHint' },
  { to: '/audit', label: 'nav.audit', icon: 'audit', permission: 'audit.read', hint: 'home.auditHint', section: 'admin' },
  { to: '/admin/users', label: 'nav.users', icon: 'users', permission: 'user.manage', hint: 'home.usersHint' },
]

export const visibleNavItems = (has: (permission: string) => boolean) =>
  NAV_ITEMS.filter((item) => !item.permission || has(item.permission))
