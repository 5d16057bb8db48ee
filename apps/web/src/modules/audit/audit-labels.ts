import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TAuditEntry, TMe } from '@faena/contracts'
import { ME_QUERY_KEY, useFormat } from '../../platform/session'

type LooseT = (key: string, opts?: Record<string, unknown>) => string

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DECIMAL_RE = /^-?\d+(\.\d+)?$/
/** Fields that hold money: `…Mxn` / `…Usd` say their currency; the others are in the organization's. */
const MONEY_FIELD_RE = /(amount|price|rate|cost|costperday|total|subtotal|tax|iva)(mxn|usd)?$/i
const NOT_MONEY_FIELD_RE = /(taxrate|percent|ratio)$/i
/** Fields whose digits are an identifier (cédula, RUC, phone, plate, document numbers), shown as typed. */
const IDENTIFIER_FIELD_RE =
  /(dni|ruc|cedula|taxid|identification|phone|plate|number|code|reference|accesskey|year)$/i
/** Data keys that name the record the entry is about, in the order they are preferred for its subject. */
const SUBJECT_KEYS = ['stepName', 'name', 'number', 'seriesCode', 'equipmentCode', 'key'] as const
/** Data keys the summary line already says (or that only repeat an id the subject names). */
const SUMMARY_KEYS = new Set<string>([...SUBJECT_KEYS, 'from', 'to', 'reason'])

/** What a value is shown next to: the field it belongs to, and the entry (its module, action and names). */
export type ValueContext = Pick<TAuditEntry, 'module' | 'action' | 'refs'>

/**
 * Labels for audit codes and values. Lookup order for a code: the owning module's namespace
 * (`<module>:auditActions.<action>`), then the audit namespace, then the raw code; a field is named by the
 * module's `auditFields` (per entity type, then shared), its form labels (`fields`), then the audit namespace. Values: ids become the
 * names the server resolved (`entry.refs`), codes the module's labels, money and quantities are formatted
 * in the organization's convention, lists and objects are spelled out.
 */
export const useAuditLabels = () => {
  const { t: typedT, i18n } = useTranslation('audit')
  const t = typedT as unknown as LooseT
  const fmt = useFormat()
  const currencies = useQueryClient().getQueryData<TMe>(ME_QUERY_KEY)?.organization.currencies ?? []

  /** The key's text when it is a string resource (not a group of keys). */
  const text = (key: string): string | undefined => {
    if (!i18n.exists(key)) return undefined
    const [ns, path] = key.includes(':') ? key.split(':', 2) : ['audit', key]
    const res: unknown = i18n.getResource(i18n.language, ns!, path!) ?? i18n.getResource('es', ns!, path!)
    return typeof res === 'string' ? t(key) : undefined
  }
  const first = (keys: string[], fallback: string): string => {
    for (const k of keys) {
      const found = text(k)
      if (found !== undefined) return found
    }
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
        // the module's form labels: a history names a field as the screen that edits it does
        `${module}:fields.${name}`,
        `audit:fields.${name}`,
      ],
      name,
    )

  const money = (name: string, amount: string): string | undefined => {
    if (NOT_MONEY_FIELD_RE.test(name) || !MONEY_FIELD_RE.test(name)) return undefined
    const currency = /mxn$/i.test(name) ? 'MXN' : /usd$/i.test(name) ? 'USD' : currencies[0]
    if (!currency || (currencies.length > 1 && !/(mxn|usd)$/i.test(name))) return undefined
    return fmt.money(amount, currency)
  }

  /** A code of the module: `<module>:auditValues.<field>.<code>`, a step's status, `<module>:<field>.<code>`. */
  const code = (name: string, v: string, ctx?: ValueContext): string | undefined => {
    if (!ctx) return undefined
    const m = ctx.module
    const keys = [`${m}:auditValues.${name}.${v}`]
    if (name === 'status' && ctx.action.includes('step')) keys.push(`${m}:stepStatus.${v}`)
    keys.push(`${m}:${name}.${v}`)
    for (const k of keys) {
      const found = text(k)
      if (found !== undefined) return found
    }
    return undefined
  }

  /** One value of field `name`, as a person reads it. */
  const value = (name: string, v: unknown, ctx?: ValueContext): string => {
    if (v === null || v === undefined || v === '') return '—'
    if (typeof v === 'boolean') return t(v ? 'platform:common.yes' : 'platform:common.no')
    if (typeof v === 'number') {
      // a year or a document number is not a quantity: 2024, not 2.024
      if (Number.isInteger(v) && IDENTIFIER_FIELD_RE.test(name)) return String(v)
      return money(name, String(v)) ?? (Number.isInteger(v) ? fmt.integer(v) : fmt.quantity(v))
    }
    if (typeof v === 'string') {
      if (UUID_RE.test(v)) return ctx?.refs[v.toLowerCase()] ?? t('values.unknownRecord')
      const coded = code(name, v, ctx)
      if (coded !== undefined) return coded
      if (name === 'role' && i18n.exists(`platform:roles.${v}`)) return t(`platform:roles.${v}`)
      if (name === 'locale' && i18n.exists(`platform:language.${v}`)) return t(`platform:language.${v}`)
      const known = text(`audit:values.${v}`)
      if (known !== undefined) return known
      if (DATE_RE.test(v)) return fmt.date(v)
      if (INSTANT_RE.test(v)) return fmt.dateTime(v)
      // digits that identify (a cédula, 0012…) are not quantities: no grouping, no dropped zeros
      if (IDENTIFIER_FIELD_RE.test(name) || /^0\d/.test(v)) return v
      if (DECIMAL_RE.test(v)) return money(name, v) ?? fmt.quantity(v, { maxFractionDigits: 6 })
      return v
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return '—'
      // a list of records (contacts, items): one per part, so their own "field: value; …" stay apart
      const joiner = v.some((x) => x !== null && typeof x === 'object') ? ' | ' : ', '
      return v.map((x) => value(name, x, ctx)).join(joiner)
    }
    if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>)
      if (entries.length === 0) return '—'
      return entries.map(([k, x]) => `${ctx ? field(ctx.module, '', k) : k}: ${value(k, x, ctx)}`).join('; ')
    }
    return typeof v === 'bigint' ? v.toString() : '—'
  }

  /**
   * One line that says what the entry is about beyond its action: the step, document or sheet it names,
   * a status change ("Pendiente → En proceso") and its reason.
   */
  const summary = (e: TAuditEntry): string | null => {
    const data = e.data ?? {}
    const parts: string[] = []
    const subjectKey = SUBJECT_KEYS.find((k) => typeof data[k] === 'string' && data[k] !== '')
    if (subjectKey) parts.push(String(data[subjectKey]))
    // a status change and its reason that the changes table already shows are not said twice
    const changed = new Set(e.changes.map((c) => c.field))
    if (data.from !== undefined && data.to !== undefined && !changed.has('status'))
      parts.push(`${value('status', data.from, e)} → ${value('status', data.to, e)}`)
    if (typeof data.reason === 'string' && data.reason && ![...changed].some((f) => /reason/i.test(f)))
      parts.push(t('summary.reason', { reason: value('reason', data.reason, e) }))
    return parts.length ? parts.join(' · ') : null
  }

  /** The entry's data that the summary line does not already say, as label and value pairs. */
  const dataRows = (e: TAuditEntry): { key: string; label: string; value: string }[] => {
    const data = e.data ?? {}
    const hasSubject = SUBJECT_KEYS.some((k) => typeof data[k] === 'string' && data[k] !== '')
    return Object.entries(data)
      .filter(([k]) => !SUMMARY_KEYS.has(k))
      .filter(
        ([k, v]) => !(hasSubject && k.endsWith('Id') && typeof v === 'string' && e.refs[v] === undefined),
      )
      .map(([k, v]) => ({ key: k, label: field(e.module, e.entityType, k), value: value(k, v, e) }))
  }

  return { action, moduleName, entity, field, value, summary, dataRows }
}
