import { useTranslation } from 'react-i18next'
import type { TAuditEntry } from '@faena/contracts'
import { useFormat } from '../../platform/session'

type LooseT = (key: string, opts?: Record<string, unknown>) => string

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/**
 * Labels for audit codes. Lookup order: the owning module's namespace (`<module>:auditActions.<action>`),
 * then the audit namespace, then the raw code.
 */
export const useAuditLabels = () => {
  const { t: typedT, i18n } = useTranslation('audit')
  const t = typedT as unknown as LooseT
  const fmt = useFormat()

  const first = (keys: string[], fallback: string): string => {
    for (const k of keys) if (i18n.exists(k)) return t(k)
    return fallback
  }

  const action = (e: Pick<TAuditEntry, 'module' | 'action'>) =>
    first([`${e.module}:auditActions.${e.action}`, `audit:actions.${e.action}`], e.action)
  const moduleName = (m: string) => first([`audit:modules.${m}`], m)
  const entity = (module: string, type: string) =>
    first([`${module}:auditEntities.${type}`, `audit:entities.${type}`], type)
  const field = (module: string, entityType: string, name: string) =>
    first(
      [
        `${module}:auditFields.${entityType}.${name}`,
        `${module}:auditFields.${name}`,
        `audit:fields.${name}`,
      ],
      name,
    )

  /** `module` lets a module label its own codes: `<module>:auditValues.<field>.<value>` (e.g. a status). */
  const value = (name: string, v: unknown, module?: string): string => {
    if (v === null || v === undefined || v === '') return '—'
    if (module && typeof v === 'string' && i18n.exists(`${module}:auditValues.${name}.${v}`))
      return t(`${module}:auditValues.${name}.${v}`)
    if (typeof v === 'boolean') return t(v ? 'platform:common.yes' : 'platform:common.no')
    if (typeof v === 'number') return String(v)
    if (typeof v === 'string') {
      if (name === 'role' && i18n.exists(`platform:roles.${v}`)) return t(`platform:roles.${v}`)
      if (name === 'locale' && i18n.exists(`platform:language.${v}`)) return t(`platform:language.${v}`)
      if (i18n.exists(`audit:values.${v}`)) return t(`audit:values.${v}`)
      if (DATE_RE.test(v)) return fmt.date(v)
      if (INSTANT_RE.test(v)) return fmt.dateTime(v)
      return v
    }
    return JSON.stringify(v)
  }

  return { action, moduleName, entity, field, value }
}
