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
  /** Shown only to organizations with this line of business (offshore, rental). */
  lineOfBusiness?: 'offshore' | 'rental'
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home', icon: 'home' },
  {
    to: '/insights/offshore',
    label: 'nav.insightsOffshore',
    icon: 'globe',
    permission: 'workOrder.read',
    lineOfBusiness: 'offshore',
  },
  {
    to: '/insights/rental',
    label: 'nav.insightsRental',
    icon: 'globe',
    permission: 'rental.read',
    lineOfBusiness: 'rental',
  },
  {
    to: '/proposals',
    label: 'nav.proposals',
    icon: 'proposals',
    permission: 'proposal.read',
    hint: 'home.proposalsHint',
    lineOfBusiness: 'offshore',
  },
  {
    to: '/work-orders',
    label: 'nav.workOrders',
    icon: 'workOrders',
    permission: 'workOrder.read',
    hint: 'home.workOrdersHint',
    lineOfBusiness: 'offshore',
  },
  {
    to: '/production',
    label: 'nav.production',
    icon: 'droplet',
    permission: 'production.read',
    hint: 'home.productionHint',
    lineOfBusiness: 'offshore',
  },
  {
    to: '/estimates',
    label: 'nav.estimates',
    icon: 'billing',
    permission: 'estimate.read',
    lineOfBusiness: 'offshore',
  },
  {
    to: '/concepts',
    label: 'nav.concepts',
    icon: 'concepts',
    permission: 'concept.read',
    hint: 'home.conceptsHint',
    lineOfBusiness: 'offshore',
  },
  {
    to: '/catalogs',
    label: 'nav.catalogs',
    icon: 'catalogs',
    permission: 'catalog.read',
    hint: 'home.catalogsHint',
    lineOfBusiness: 'offshore',
  },
  {
    to: '/rental/projects',
    label: 'nav.rentalProjects',
    icon: 'rentalProjects',
    permission: 'rental.read',
    hint: 'home.rentalProjectsHint',
    lineOfBusiness: 'rental',
  },
  {
    to: '/rental/equipment',
    label: 'nav.rentalEquipment',
    icon: 'rentalEquipment',
    permission: 'rental.read',
    hint: 'home.rentalEquipmentHint',
    lineOfBusiness: 'rental',
  },
  {
    to: '/rental/equipment-status',
    label: 'nav.equipmentStatus',
    icon: 'wrench',
    permission: 'equipmentCondition.read',
    hint: 'home.equipmentStatusHint',
    lineOfBusiness: 'rental',
  },
  {
    to: '/rental/clients',
    label: 'nav.rentalClients',
    icon: 'users',
    permission: 'rental.read',
    hint: 'home.rentalClientsHint',
    lineOfBusiness: 'rental',
  },
  {
    to: '/rental/maintenance-sheets',
    label: 'nav.maintenanceSheets',
    icon: 'wrench',
    permission: 'rental.read',
    hint: 'home.maintenanceSheetsHint',
    lineOfBusiness: 'rental',
  },
  {
    to: '/rental/custody-chains',
    label: 'nav.custodyChains',
    icon: 'droplet',
    permission: 'rental.read',
    hint: 'home.custodyChainsHint',
    lineOfBusiness: 'rental',
  },
  {
    to: '/rental/shipping-guides',
    label: 'nav.shippingGuides',
    icon: 'truck',
    permission: 'rental.read',
    hint: 'home.shippingGuidesHint',
    lineOfBusiness: 'rental',
  },
  {
    to: '/rental/staff',
    label: 'nav.fieldStaff',
    icon: 'users',
    permission: 'fieldStaff.read',
    hint: 'home.fieldStaffHint',
    lineOfBusiness: 'rental',
  },
  {
    to: '/rental/vehicles',
    label: 'nav.vehicles',
    icon: 'truck',
    permission: 'fieldStaff.read',
    hint: 'home.vehiclesHint',
    lineOfBusiness: 'rental',
  },
  {
    to: '/rental/compliance',
    label: 'nav.compliance',
    icon: 'bell',
    permission: 'fieldStaff.read',
    lineOfBusiness: 'rental',
  },
  {
    to: '/rental/billing-sheets',
    label: 'nav.billingSheets',
    icon: 'billing',
    permission: 'rental.read',
    hint: 'home.billingSheetsHint',
    lineOfBusiness: 'rental',
  },
  {
    to: '/audit',
    label: 'nav.audit',
    icon: 'audit',
    permission: 'audit.read',
    hint: 'home.auditHint',
    section: 'admin',
  },
  {
    to: '/admin/users',
    label: 'nav.users',
    icon: 'users',
    permission: 'user.manage',
    hint: 'home.usersHint',
  },
  {
    to: '/admin/backups',
    label: 'nav.backups',
    icon: 'download',
    permission: 'backup.manage',
    hint: 'home.backupsHint',
  },
  {
    to: '/admin/mail',
    label: 'nav.mail',
    icon: 'mail',
    permission: 'mail.configure',
    hint: 'home.mailHint',
  },
  {
    to: '/admin/digest',
    label: 'nav.digest',
    icon: 'audit',
    permission: 'mail.configure',
    hint: 'home.digestHint',
  },
  {
    to: '/admin/due-alerts',
    label: 'nav.dueAlerts',
    icon: 'bell',
    permission: 'mail.configure',
    hint: 'home.dueAlertsHint',
  },
  {
    to: '/admin/e-invoicing',
    label: 'nav.eInvoicing',
    icon: 'billing',
    permission: 'eInvoicing.configure',
    hint: 'home.eInvoicingHint',
  },
  {
    to: '/admin/feeds',
    label: 'nav.feeds',
    icon: 'key',
    permission: 'apiToken.manage',
    hint: 'home.feedsHint',
  },
]

export const visibleNavItems = (has: (permission: string) => boolean, linesOfBusiness?: readonly string[]) =>
  NAV_ITEMS.filter(
    (item) =>
      (!item.permission || has(item.permission)) &&
      (!item.lineOfBusiness || !linesOfBusiness || linesOfBusiness.includes(item.lineOfBusiness)),
  )
