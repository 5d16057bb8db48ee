import { seedDemoCatalogs } from './modules/catalogs'
import { seedDemoEInvoicing } from './modules/e-invoicing'
import { seedDemoEquipmentCondition } from './modules/equipment-condition'
import { seedDemoFieldStaff } from './modules/field-staff'
import { seedDemoRentalProjects } from './modules/rental-projects'
import { seedDemoRentalDocuments } from './modules/rental-documents'
import type { DemoSeeder } from './platform/seed/demo'

/** What each business module adds to a new demo organization, in order. One line per module. */
export const demoSeeders: DemoSeeder[] = [
  seedDemoCatalogs,
  seedDemoRentalProjects,
  seedDemoRentalDocuments,
  seedDemoFieldStaff,
  seedDemoEquipmentCondition,
  seedDemoEInvoicing,
]
