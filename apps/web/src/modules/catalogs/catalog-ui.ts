import { CLIENT_TYPES, SITE_KINDS, STATUS_LEVELS, TYPE_LEVELS, type TCatalogName } from '@faena/contracts'

/** How each catalog is shown: its group in the side list, classifier filter, columns and form fields. */
export type FieldKind =
  | { field: 'name' | 'email' | 'key' | 'description'; type: 'text'; required?: boolean }
  | { field: 'clientType'; type: 'select'; options: readonly string[]; labels: 'clientTypes' }
  | { field: 'level'; type: 'select'; options: readonly string[]; labels: 'typeLevels' | 'statusLevels' }
  | { field: 'kind'; type: 'select'; options: readonly string[]; labels: 'siteKinds' }
  | { field: 'siteKinds'; type: 'checkboxes'; options: readonly string[]; labels: 'siteKinds' }
  | { field: 'position'; type: 'number' }
  | { field: 'parentId'; type: 'parent' }
  | { field: 'userId'; type: 'user' }

export type CatalogFilter =
  | { param: 'clientType'; options: readonly string[]; labels: 'clientTypes' }
  | { param: 'level'; options: readonly string[]; labels: 'typeLevels' | 'statusLevels' }
  | { param: 'kind'; options: readonly string[]; labels: 'siteKinds' }

export type CatalogUi = {
  group: 'general' | 'places' | 'steps'
  /** the columns after the first (name or key) */
  classifier?: FieldKind & { type: 'select' | 'checkboxes' }
  filter?: CatalogFilter
  form: readonly FieldKind[]
  /** which field titles a record (toasts, confirmations) */
  titleField: 'name' | 'key'
  tree?: boolean
}

const clientType = {
  field: 'clientType',
  type: 'select',
  options: CLIENT_TYPES,
  labels: 'clientTypes',
} as const
const name = { field: 'name', type: 'text', required: true } as const
const stepForm = [
  clientType,
  { field: 'parentId', type: 'parent' },
  { field: 'position', type: 'number' },
  name,
] as const

export const CATALOG_UI: Record<TCatalogName, CatalogUi> = {
  clients: {
    group: 'general',
    classifier: clientType,
    filter: { param: 'clientType', options: CLIENT_TYPES, labels: 'clientTypes' },
    form: [name, clientType],
    titleField: 'name',
  },
  'project-managers': {
    group: 'general',
    form: [name, { field: 'email', type: 'text' }, { field: 'userId', type: 'user' }],
    titleField: 'name',
  },
  types: {
    group: 'general',
    classifier: { field: 'level', type: 'select', options: TYPE_LEVELS, labels: 'typeLevels' },
    filter: { param: 'level', options: TYPE_LEVELS, labels: 'typeLevels' },
    form: [name, { field: 'level', type: 'select', options: TYPE_LEVELS, labels: 'typeLevels' }],
    titleField: 'name',
  },
  statuses: {
    group: 'general',
    classifier: { field: 'level', type: 'select', options: STATUS_LEVELS, labels: 'statusLevels' },
    filter: { param: 'level', options: STATUS_LEVELS, labels: 'statusLevels' },
    form: [name, { field: 'level', type: 'select', options: STATUS_LEVELS, labels: 'statusLevels' }],
    titleField: 'name',
  },
  fronts: {
    group: 'places',
    classifier: { field: 'siteKinds', type: 'checkboxes', options: SITE_KINDS, labels: 'siteKinds' },
    form: [name, { field: 'siteKinds', type: 'checkboxes', options: SITE_KINDS, labels: 'siteKinds' }],
    titleField: 'name',
  },
  sites: {
    group: 'places',
    classifier: { field: 'kind', type: 'select', options: SITE_KINDS, labels: 'siteKinds' },
    filter: { param: 'kind', options: SITE_KINDS, labels: 'siteKinds' },
    form: [name, { field: 'kind', type: 'select', options: SITE_KINDS, labels: 'siteKinds' }],
    titleField: 'name',
  },
  units: {
    group: 'places',
    form: [
      { field: 'key', type: 'text', required: true },
      { field: 'description', type: 'text', required: true },
    ],
    titleField: 'key',
  },
  'proposal-step-templates': { group: 'steps', form: stepForm, titleField: 'name', tree: true },
  'work-order-step-templates': { group: 'steps', form: stepForm, titleField: 'name', tree: true },
}

export const GROUPS = ['general', 'places', 'steps'] as const

/** Initial form values of a new record. */
export const emptyValues = (
  name: TCatalogName,
  preset: Record<string, unknown> = {},
): Record<string, unknown> => {
  const v: Record<string, unknown> = { comment: '' }
  for (const f of CATALOG_UI[name].form) {
    // an e-mail is optional: empty is null (the schema refuses '')
    if (f.type === 'text') v[f.field] = f.field === 'email' ? null : ''
    else if (f.type === 'select') v[f.field] = f.options[0]
    else if (f.type === 'checkboxes') v[f.field] = []
    else if (f.type === 'number') v[f.field] = 1
    else v[f.field] = null
  }
  return { ...v, ...preset }
}
