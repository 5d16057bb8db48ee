import type { ModuleTranslations, TranslationShape } from '../../platform/i18n-types'

const es = {
  label: 'Buscar en Faena',
  placeholder: 'Buscar PTE, OT, conceptos, proyectos, equipos…',
  shortcut: 'Atajo: / o Ctrl+K',
  results: 'Resultados de la búsqueda',
  hint: 'Escribe al menos 2 caracteres. Sin acentos también funciona.',
  searching: 'Buscando…',
  none: 'Sin resultados para «{{q}}».',
  error: 'No se pudo buscar. Inténtalo de nuevo.',
  keys: '↑ ↓ para elegir · Enter para abrir · Esc para cerrar',
  kinds: {
    proposal: 'Propuestas (PTE)',
    proposalStep: 'Pasos de PTE',
    workOrder: 'Órdenes de trabajo',
    workOrderStep: 'Pasos de OT',
    concept: 'Conceptos',
    rentalProject: 'Proyectos',
    rentalClient: 'Clientes',
    equipment: 'Equipos y servicios',
    maintenanceSheet: 'Hojas de mantenimiento',
    custodyChain: 'Cadenas de custodia',
    shippingGuide: 'Guías de remisión',
  },
}

const en: TranslationShape<typeof es> = {
  label: 'Search Faena',
  placeholder: 'Search proposals, work orders, concepts, projects, equipment…',
  shortcut: 'Shortcut: / or Ctrl+K',
  results: 'Search results',
  hint: 'Type at least 2 characters. Accents are optional.',
  searching: 'Searching…',
  none: 'No results for “{{q}}”.',
  error: 'The search failed. Please try again.',
  keys: '↑ ↓ to choose · Enter to open · Esc to close',
  kinds: {
    proposal: 'Proposals',
    proposalStep: 'Proposal steps',
    workOrder: 'Work orders',
    workOrderStep: 'Work-order steps',
    concept: 'Concepts',
    rentalProject: 'Projects',
    rentalClient: 'Clients',
    equipment: 'Equipment and services',
    maintenanceSheet: 'Maintenance sheets',
    custodyChain: 'Custody chains',
    shippingGuide: 'Shipping guides',
  },
}

export const i18n: ModuleTranslations<typeof es> = { es, en }
