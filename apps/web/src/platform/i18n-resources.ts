/**
 * HOW A MODULE ADDS ITS TRANSLATIONS
 *
 * 1. In `src/modules/<domain>/i18n.ts` write the Spanish strings first and the English ones typed
 *    against them:
 *        const es = { title: 'Catálogos', list: { empty: 'Sin conceptos' } }
 *        const en: TranslationShape<typeof es> = { title: 'Catalogs', list: { empty: 'No concepts' } }
 *        export const i18n: ModuleTranslations<typeof es> = { es, en }
 *    (types from `src/platform/i18n-types.ts`; nested keys, `{{var}}` interpolation, `_one/_other` plurals).
 * 2. Re-export it from the module's `index.ts`: `export { i18n } from './i18n'`.
 * 3. Add ONE line below in `namespaces`, the key being the module's namespace:
 *        catalogs: catalogs.i18n,
 * 4. In components: `const { t } = useTranslation('catalogs')` then `t('list.empty')` (keys are
 *    type-checked); shared strings live in the default namespace `platform` (`t('platform:actions.save')`
 *    or `useTranslation(['catalogs', 'platform'])`).
 */
import * as admin from '../modules/admin'
import * as audit from '../modules/audit'
import * as catalogs from '../modules/catalogs'
import * as concepts from '../modules/concepts'
import * as proposals from '../modules/proposals'
import * as rentalBilling from '../modules/rental-billing'
import * as rentalProjects from '../modules/rental-projects'
import * as rentalDocuments from '../modules/rental-documents'
import * as workOrders from '../modules/work-orders'
import * as workOrderConcepts from '../modules/work-order-concepts'
import * as schedules from '../modules/schedules'
import { platformI18n } from './platform-i18n'

export const namespaces = {
  platform: platformI18n,
  admin: admin.i18n,
  audit: audit.i18n,
  catalogs: catalogs.i18n,
  concepts: concepts.i18n,
  proposals: proposals.i18n,
  'rental-billing': rentalBilling.i18n,
  'rental-projects': rentalProjects.i18n,
  'rental-documents': rentalDocuments.i18n,
  'work-orders': workOrders.i18n,
  'work-order-concepts': workOrderConcepts.i18n,
  schedules: schedules.i18n,
}

type Namespaces = typeof namespaces
export type NamespaceName = keyof Namespaces
/** The Spanish resources are the type source of every key. */
export type Resources = { [K in NamespaceName]: Namespaces[K]['es'] }

const pick = (lang: 'es' | 'en') =>
  Object.fromEntries(Object.entries(namespaces).map(([ns, r]) => [ns, r[lang]])) as Resources

export const resources = { es: pick('es'), en: pick('en') }

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'platform'
    resources: Resources
  }
}
