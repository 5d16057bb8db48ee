import type { TCatalogListQuery, TCatalogName } from '@faena/contracts'
import type { LocalizedColumn, Texts } from '../../platform/i18n/export-texts'
import type { Message } from '../../platform/i18n/messages'
import type { CatalogTable, StepTemplateTable } from './catalogs.repository'
import { catalogsMessages as M } from './catalogs.messages'
import { normalizeUnitKey } from './unit-key'

/** One field of a catalog record and the column that holds it. */
type Field = { field: string; column: string }

/**
 * What makes each catalog different: its table, fields, search, filters and uniqueness.
 * The service and the routes are the same for all nine.
 */
export type CatalogDef = {
  name: TCatalogName
  table: CatalogTable
  /** audit entity type, singular */
  entityType: string
  /** the message a missing record answers */
  notFound: Message
  /** the export's sheet name, in both languages */
  sheetName: Texts
  fields: readonly Field[]
  searchColumns: readonly string[]
  /** a column holding normalized unit keys, searched with the normalized search term */
  searchNormalizedKey?: string
  /** `sort` of the list query → column; `tree` = main steps followed by their sub-steps */
  sort: Record<TCatalogListQuery['sort'], string>
  /** which list-query classifier narrows this catalog, and on which column */
  filter?: { param: 'clientType' | 'level' | 'kind'; column: string }
  /** active rows must differ on these: equal columns + one name-like column compared ignoring case/accents */
  unique: { equal: readonly string[]; folded?: string; exact?: string; path: string; message: Message }
  /** columns computed from the input (e.g. the normalized unit key) */
  derive?: (values: Record<string, unknown>) => Record<string, unknown>
  /** a column linking a record to one active user of the organization, unique per organization */
  userLink?: { column: string; path: string; constraint: string; message: Message }
  exportColumns: readonly LocalizedColumn[]
  stepTemplates?: StepTemplateTable
}

const nameField: Field = { field: 'name', column: 'name' }
const byName = { name: 'name', createdAt: 'created_at', position: 'name', key: 'name' } as const
const tail: LocalizedColumn[] = [
  { header: { es: 'Activo', en: 'Active' }, key: 'activeText', width: 8 },
  { header: { es: 'Comentario', en: 'Comment' }, key: 'comment', width: 40 },
  { header: { es: 'Creado', en: 'Created' }, key: 'createdAt', type: 'datetime', width: 18 },
]

const stepTemplateDef = (
  name: 'proposal-step-templates' | 'work-order-step-templates',
  table: StepTemplateTable,
  entityType: string,
  sheetName: Texts,
): CatalogDef => ({
  name,
  table,
  entityType,
  notFound: M.stepNotFound(),
  sheetName,
  fields: [
    { field: 'clientType', column: 'client_type' },
    nameField,
    { field: 'position', column: 'position' },
    { field: 'parentId', column: 'parent_id' },
  ],
  searchColumns: ['name'],
  sort: { name: 'name', createdAt: 'created_at', position: 'tree', key: 'tree' },
  filter: { param: 'clientType', column: 'client_type' },
  unique: {
    equal: ['client_type', 'parent_id'],
    folded: 'name',
    path: 'name',
    message: M.duplicateStep(),
  },
  exportColumns: [
    { header: { es: 'Tipo de cliente', en: 'Client type' }, key: 'clientType', width: 14 },
    { header: { es: 'Número', en: 'Number' }, key: 'number', width: 10 },
    { header: { es: 'Paso', en: 'Step' }, key: 'name', width: 50 },
    ...tail,
  ],
  stepTemplates: table,
})

export const CATALOG_DEFS: Record<TCatalogName, CatalogDef> = {
  clients: {
    name: 'clients',
    table: 'clients',
    entityType: 'client',
    notFound: M.clientNotFound(),
    sheetName: { es: 'Clientes', en: 'Clients' },
    fields: [nameField, { field: 'clientType', column: 'client_type' }],
    searchColumns: ['name'],
    sort: byName,
    filter: { param: 'clientType', column: 'client_type' },
    unique: {
      equal: [],
      folded: 'name',
      path: 'name',
      message: M.duplicateClient(),
    },
    exportColumns: [
      { header: { es: 'Cliente', en: 'Client' }, key: 'name', width: 45 },
      { header: { es: 'Tipo de cliente', en: 'Client type' }, key: 'clientType', width: 16 },
      ...tail,
    ],
  },
  'project-managers': {
    name: 'project-managers',
    table: 'project_managers',
    entityType: 'project_manager',
    notFound: M.projectManagerNotFound(),
    sheetName: { es: 'Responsables', en: 'Project managers' },
    fields: [nameField, { field: 'email', column: 'email' }, { field: 'userId', column: 'user_id' }],
    searchColumns: ['name', 'email'],
    sort: byName,
    unique: {
      equal: [],
      folded: 'name',
      path: 'name',
      message: M.duplicateProjectManager(),
    },
    userLink: {
      column: 'user_id',
      path: 'userId',
      constraint: 'project_managers_user_uq',
      message: M.userLinked(),
    },
    exportColumns: [
      { header: { es: 'Nombre', en: 'Name' }, key: 'name', width: 36 },
      { header: { es: 'Correo', en: 'Email' }, key: 'email', width: 32 },
      ...tail,
    ],
  },
  types: {
    name: 'types',
    table: 'types',
    entityType: 'type',
    notFound: M.typeNotFound(),
    sheetName: { es: 'Tipos', en: 'Types' },
    fields: [nameField, { field: 'level', column: 'level' }],
    searchColumns: ['name'],
    sort: byName,
    filter: { param: 'level', column: 'level' },
    unique: {
      equal: ['level'],
      folded: 'name',
      path: 'name',
      message: M.duplicateType(),
    },
    exportColumns: [
      { header: { es: 'Tipo', en: 'Type' }, key: 'name', width: 30 },
      { header: { es: 'Nivel', en: 'Level' }, key: 'level', width: 14 },
      ...tail,
    ],
  },
  statuses: {
    name: 'statuses',
    table: 'statuses',
    entityType: 'status',
    notFound: M.statusNotFound(),
    sheetName: { es: 'Estatus', en: 'Statuses' },
    fields: [nameField, { field: 'level', column: 'level' }],
    searchColumns: ['name'],
    sort: byName,
    filter: { param: 'level', column: 'level' },
    unique: {
      equal: ['level'],
      folded: 'name',
      path: 'name',
      message: M.duplicateStatus(),
    },
    exportColumns: [
      { header: { es: 'Estatus', en: 'Status' }, key: 'name', width: 30 },
      { header: { es: 'Nivel', en: 'Level' }, key: 'level', width: 14 },
      ...tail,
    ],
  },
  fronts: {
    name: 'fronts',
    table: 'fronts',
    entityType: 'front',
    notFound: M.frontNotFound(),
    sheetName: { es: 'Frentes', en: 'Fronts' },
    fields: [nameField, { field: 'siteKinds', column: 'site_kinds' }],
    searchColumns: ['name'],
    sort: byName,
    unique: { equal: [], folded: 'name', path: 'name', message: M.duplicateFront() },
    exportColumns: [
      { header: { es: 'Frente', en: 'Front' }, key: 'name', width: 24 },
      { header: { es: 'Tipos de sitio', en: 'Site kinds' }, key: 'siteKinds', width: 36 },
      ...tail,
    ],
  },
  sites: {
    name: 'sites',
    table: 'sites',
    entityType: 'site',
    notFound: M.siteNotFound(),
    sheetName: { es: 'Sitios', en: 'Sites' },
    fields: [nameField, { field: 'kind', column: 'kind' }],
    searchColumns: ['name'],
    sort: byName,
    filter: { param: 'kind', column: 'kind' },
    unique: { equal: [], folded: 'name', path: 'name', message: M.duplicateSite() },
    exportColumns: [
      { header: { es: 'Sitio', en: 'Site' }, key: 'name', width: 30 },
      { header: { es: 'Tipo de sitio', en: 'Site kind' }, key: 'kind', width: 16 },
      ...tail,
    ],
  },
  units: {
    name: 'units',
    table: 'units',
    entityType: 'unit',
    notFound: M.unitNotFound(),
    sheetName: { es: 'Unidades', en: 'Units' },
    fields: [
      { field: 'key', column: 'key' },
      { field: 'description', column: 'description' },
      { field: 'normalizedKey', column: 'normalized_key' },
    ],
    searchColumns: ['key', 'description'],
    searchNormalizedKey: 'normalized_key',
    sort: { name: 'description', createdAt: 'created_at', position: 'key', key: 'key' },
    unique: {
      equal: [],
      exact: 'normalized_key',
      path: 'key',
      message: M.duplicateUnit(),
    },
    derive: (v) => (typeof v.key === 'string' ? { normalized_key: normalizeUnitKey(v.key) } : {}),
    exportColumns: [
      { header: { es: 'Clave', en: 'Key' }, key: 'key', width: 14 },
      { header: { es: 'Descripción', en: 'Description' }, key: 'description', width: 36 },
      ...tail,
    ],
  },
  'proposal-step-templates': stepTemplateDef(
    'proposal-step-templates',
    'proposal_step_templates',
    'proposal_step_template',
    { es: 'Pasos PTE', en: 'Proposal steps' },
  ),
  'work-order-step-templates': stepTemplateDef(
    'work-order-step-templates',
    'work_order_step_templates',
    'work_order_step_template',
    { es: 'Pasos OT', en: 'Work order steps' },
  ),
}
