import { seedDemoCatalogs } from './modules/catalogs'
import type { DemoSeeder } from './platform/seed/demo'

/** What each business module adds to a new demo organization, in order. One line per module. */
export const demoSeeders: DemoSeeder[] = [
  seedDemoCatalogs,
]
