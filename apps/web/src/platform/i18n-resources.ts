/**
 * HOW A MODULE ADDS ITS TRANSLATIONS
 *
 * 1. In `src/modules/<domain>/i18n.ts` write the Spanish strings first and the English ones typed
 *    against them:
 *        const es = { title: 'Catálogos', list: { empty: 'Sin conceptos' } }
 *        const en: TranslationShape<typeof es> = { title: 'Catalogs', list: { empty: 'No concepts' } }
 *        export const i18n: ModuleTranslations<typeof es> = { es, en }
 *    (types from `src/platform/i18n-types.ts`; nested keys, `{{var}}` interpolation, `_one/_other` plurals).
 * 2. Export a LOADER from the module's `index.ts` (the strings then come in the module's own chunk, not
 *    in the first download): `export const loadI18n = () => import('./i18n').then((m) => m.i18n)`.
 * 3. Add ONE line below in `namespaceLoaders`, the key being the module's namespace:
 *        catalogs: catalogs.loadI18n,
 * 4. In components: `const { t } = useTranslation('catalogs')` then `t('list.empty')` (keys are
 *    type-checked); shared strings live in the default namespace `platform` (`t('platform:actions.save')`
 *    or `useTranslation(['catalogs', 'platform'])`). Pages declared with `lazyPage('catalogs', …)` get their
 *    namespace with their code; elsewhere `useTranslation` suspends until the namespace is loaded.
 */
import * as admin from '../modules/admin'
import * as audit from '../modules/audit'
import * as catalogs from '../modules/catalogs'
import * as eInvoicing from '../modules/e-invoicing'
import * as concepts from '../modules/concepts'
import * as insights from '../modules/insights'
import * as production from '../modules/production'
import * as estimates from '../modules/estimates'
import * as proposals from '../modules/proposals'
import * as rentalBilling from '../modules/rental-billing'
import * as rentalProjects from '../modules/rental-projects'
import * as fieldStaff from '../modules/field-staff'
import * as equipmentCondition from '../modules/equipment-condition'
import * as rentalDocuments from '../modules/rental-documents'
import * as rentalDossiers from '../modules/rental-dossiers'
import * as workOrders from '../modules/work-orders'
import * as workOrderConcepts from '../modules/work-order-concepts'
import * as schedules from '../modules/schedules'
import * as search from '../modules/search'
import { platformI18n } from './platform-i18n'

/** The `platform` namespace is in the first download. */
export const bundledResources = { es: { platform: platformI18n.es }, en: { platform: platformI18n.en } }

/** Every module's namespace, fetched with the module's screens. */
export const namespaceLoaders = {
  admin: admin.loadI18n,
  audit: audit.loadI18n,
  catalogs: catalogs.loadI18n,
  'e-invoicing': eInvoicing.loadI18n,
  concepts: concepts.loadI18n,
  insights: insights.loadI18n,
  production: production.loadI18n,
  estimates: estimates.loadI18n,
  proposals: proposals.loadI18n,
  'rental-billing': rentalBilling.loadI18n,
  'rental-projects': rentalProjects.loadI18n,
  'rental-documents': rentalDocuments.loadI18n,
  'rental-dossiers': rentalDossiers.loadI18n,
  'field-staff': fieldStaff.loadI18n,
  'equipment-condition': equipmentCondition.loadI18n,
  'work-orders': workOrders.loadI18n,
  'work-order-concepts': workOrderConcepts.loadI18n,
  schedules: schedules.loadI18n,
  search: search.loadI18n,
}

type Loaders = typeof namespaceLoaders
export type NamespaceName = 'platform' | keyof Loaders
/** The Spanish resources are the type source of every key. */
export type Resources = { platform: (typeof platformI18n)['es'] } & {
  [K in keyof Loaders]: Awaited<ReturnType<Loaders[K]>>['es']
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'platform'
    resources: Resources
  }
}
