import type { TCatalogListQuery, TCatalogName } from '@faena/contracts'
import type { SheetColumn } from '../../platform/spreadsheet/spreadsheet'
import type { CatalogTable, StepTemplateTable } from './catalogs.repository'
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
  /** singular label for messages (Spanish, like every server message) */
  label: string
  sheetName: string
  fields: readonly Field[]
  searchColumns: readonly string[]
  /** a column holding normalized unit keys, searched with the normalized search term */
  searchNormalizedKey?: string
  /** `sort` of the list query → column; `tree` = main steps followed by their sub-steps */
  sort: Record<TCatalogListQuery['sort'], string>
  /** which list-query classifier narrows this catalog, and on which column */
  filter?: { param: 'clientType' | 'level' | 'kind'; column: string }
  /** active rows must differ on these: equal columns + one name-like column compared ignoring case/accents */
  unique: { equal: readonly string[]; folded?: string; exact?: string; path: string; message: string }
  /** columns computed from the input (e.g. the normalized unit key) */
  derive?: (values: Record<string, unknown>) => Record<string, unknown>
  /** a column linking a record to one active user of the organization, unique per organization */
  userLink?: { column: string; path: string; constraint: string; message: string }
  exportColumns: readonly SheetColumn[]
  stepTemplates?: StepTemplateTable
}

const nameField: Field = { field: 'name', column: 'name' }
const byName = { name: 'name', createdAt: 'created_at', position: 'name', key: 'name' } as const
const tail: SheetColumn[] = [
  { header: 'Activo', key: 'activeText', width: 8 },
  { header: 'Comentario', key: 'comment', width: 40 },
  { header: 'Creado', key: 'createdAt', type: 'datetime', width: 18 },
]

const stepTemplateDef = (
  name: 'proposal-step-templates' | 'work-order-step-templates',
  table: StepTemplateTable,
  entityType: string,
  sheetName: string,
): CatalogDef => ({
  name,
  table,
  entityType,
  label: 'Paso',
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
    message: 'Ya existe un paso activo con ese nombre en el mismo nivel y tipo de cliente',
  },
  exportColumns: [
    { header: 'Tipo de cliente', key: 'clientType', width: 14 },
    { header: 'Número', key: 'number', width: 10 },
    { header: 'Paso', key: 'name', width: 50 },
    ...tail,
  ],
  stepTemplates: table,
})

export const CATALOG_DEFS: Record<TCatalogName, CatalogDef> = {
  clients: {
    name: 'clients',
    table: 'clients',
    entityType: 'client',
    label: 'Cliente',
    sheetName: 'Clientes',
    fields: [nameField, { field: 'clientType', column: 'client_type' }],
    searchColumns: ['name'],
    sort: byName,
    filter: { param: 'clientType', column: 'client_type' },
    unique: {
      equal: [],
      folded: 'name',
      path: 'name',
      message: 'Ya existe un cliente activo con ese nombre',
    },
    exportColumns: [
      { header: 'Cliente', key: 'name', width: 45 },
      { header: 'Tipo de cliente', key: 'clientType', width: 16 },
      ...tail,
    ],
  },
  'project-managers': {
    name: 'project-managers',
    table: 'project_managers',
    entityType: 'project_manager',
    label: 'Responsable de proyecto',
    sheetName: 'Responsables',
    fields: [nameField, { field: 'email', column: 'email' }, { field: 'userId', column: 'user_id' }],
    searchColumns: ['name', 'email'],
    sort: byName,
    unique: {
      equal: [],
      folded: 'name',
      path: 'name',
      message: 'Ya existe un responsable activo con ese nombre',
    },
    userLink: {
      column: 'user_id',
      path: 'userId',
      constraint: 'project_managers_user_uq',
      message: 'Ese usuario ya está vinculado a otro responsable de proyecto',
    },
    exportColumns: [
      { header: 'Nombre', key: 'name', width: 36 },
      { header: 'Correo', key: 'email', width: 32 },
      ...tail,
    ],
  },
  types: {
    name: 'types',
    table: 'types',
    entityType: 'type',
    label: 'Tipo',
    sheetName: 'Tipos',
    fields: [nameField, { field: 'level', column: 'level' }],
    searchColumns: ['name'],
    sort: byName,
    filter: { param: 'level', column: 'level' },
    unique: {
      equal: ['level'],
      folded: 'name',
      path: 'name',
      message: 'Ya existe un tipo activo con ese nombre en ese nivel',
    },
    exportColumns: [
      { header: 'Tipo', key: 'name', width: 30 },
      { header: 'Nivel', key: 'level', width: 14 },
      ...tail,
    ],
  },
  statuses: {
    name: 'statuses',
    table: 'statuses',
    entityType: 'status',
    label: 'Estatus',
    sheetName: 'Estatus',
    fields: [nameField, { field: 'level', column: 'level' }],
    searchColumns: ['name'],
    sort: byName,
    filter: { param: 'level', column: 'level' },
    unique: {
      equal: ['level'],
      folded: 'name',
      path: 'name',
      message: 'Ya existe un estatus activo con ese nombre en ese nivel',
    },
    exportColumns: [
      { header: 'Estatus', key: 'name', width: 30 },
      { header: 'Nivel', key: 'level', width: 14 },
      ...tail,
    ],
  },
  fronts: {
    name: 'fronts',
    table: 'fronts',
    entityType: 'front',
    label: 'Frente',
    sheetName: 'Frentes',
    fields: [nameField, { field: 'siteKinds', column: 'site_kinds' }],
    searchColumns: ['name'],
    sort: byName,
    unique: { equal: [], folded: 'name', path: 'name', message: 'Ya existe un frente activo con ese nombre' },
    exportColumns: [
      { header: 'Frente', key: 'name', width: 24 },
      { header: 'Tipos de sitio', key: 'siteKinds', width: 36 },
      ...tail,
    ],
  },
  sites: {
    name: 'sites',
    table: 'sites',
    entityType: 'site',
    label: 'Sitio',
    sheetName: 'Sitios',
    fields: [nameField, { field: 'kind', column: 'kind' }],
    searchColumns: ['name'],
    sort: byName,
    filter: { param: 'kind', column: 'kind' },
    unique: { equal: [], folded: 'name', path: 'name', message: 'Ya existe un sitio activo con ese nombre' },
    exportColumns: [
      { header: 'Sitio', key: 'name', width: 30 },
      { header: 'Tipo de sitio', key: 'kind', width: 16 },
      ...tail,
    ],
  },
  units: {
    name: 'units',
    table: 'units',
    entityType: 'unit',
    label: 'Unidad de medida',
    sheetName: 'Unidades',
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
      message: 'Ya existe una unidad activa con esa clave (sin distinguir mayúsculas, acentos ni espacios)',
    },
    derive: (v) => (typeof v.key === 'string' ? { normalized_key: normalizeUnitKey(v.key) } : {}),
    exportColumns: [
      { header: 'Clave', key: 'key', width: 14 },
      { header: 'Descripción', key: 'description', width: 36 },
      ...tail,
    ],
  },
  'proposal-step-templates': stepTemplateDef(
    'proposal-step-templates',
    'proposal_step_templates',
    'proposal_step_template',
    'Pasos PTE',
  ),
  'work-order-step-templates': stepTemplateDef(
    'work-order-step-templates',
    'work_order_step_templates',
    'work_order_step_template',
    'Pasos OT',
  ),
}
