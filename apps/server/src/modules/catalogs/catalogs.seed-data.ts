import type { TClientType, TSiteKind } from '@faena/contracts'

/**
 * Demo catalogs of an offshore organization, with the old system's values
 * (docs/work-orders.md#catalog-values-from-the-old-system). Units: every key of the contract workbook
 * (column UNIDAD, header in row 6, and the summary sheet) and of the PUE workbook (docs/imports.md), one per
 * normalized key.
 */
export const DEMO_CLIENTS: { name: string; clientType: TClientType; comment?: string }[] = [
  {
    name: 'PEMEX Exploración y Producción',
    clientType: 'CONTRATO',
    comment: 'Cliente principal del contrato de obra a precios unitarios',
  },
  { name: 'Subtec Servicios Marinos (intercompañía)', clientType: 'INTERCOM' },
  { name: 'Constructora Marina del Golfo (intercompañía)', clientType: 'INTERCOM' },
  { name: 'Logística Costa Afuera del Sureste (intercompañía)', clientType: 'INTERCOM' },
]

export const DEMO_PROJECT_MANAGERS: { name: string; email: string }[] = [
  { name: 'Ing. Luis Alberto Hernández Cruz', email: 'luis.hernandez@offshore.test' },
  { name: 'Ing. María Fernanda López Rivera', email: 'maria.lopez@offshore.test' },
  { name: 'Ing. José Manuel Pérez Ortiz', email: 'jose.perez@offshore.test' },
  { name: 'Ing. Ana Karen Martínez Salazar', email: 'ana.martinez@offshore.test' },
  { name: 'Ing. Jorge Eduardo Ramírez Chablé', email: 'jorge.ramirez@offshore.test' },
  { name: 'Ing. Claudia Patricia Domínguez Ek', email: 'claudia.dominguez@offshore.test' },
]

export const DEMO_TYPES: {
  name: string
  level: 'proposal' | 'work_order' | 'concept' | 'production'
  comment?: string
}[] = [
  ...(
    [
      'LICITACION',
      'COSTEO CLASE V',
      'COSTEO CLASE IV',
      'COSTEO CLASE III',
      'OBRA',
      'UDC',
      'MERCADEOS',
      'SERVICIO DE MTTO',
      'SERVICIOS',
      'MANTENIMIENTO',
    ] as const
  ).map((name) => ({ name, level: 'proposal' as const })),
  { name: 'INICIAL', level: 'work_order', comment: 'OT inicial de una familia' },
  {
    name: 'REPROGRAMACION',
    level: 'work_order',
    comment: 'Nueva versión de una OT con nuevas fechas o volúmenes',
  },
  { name: 'ORDINARIA', level: 'concept', comment: 'Partida del Anexo C del contrato' },
  { name: 'EXTRAORDINARIA', level: 'concept', comment: 'Precio unitario extraordinario (PUE)' },
  { name: 'TE', level: 'production', comment: 'Tiempo efectivo' },
  { name: 'CMA', level: 'production', comment: 'Condiciones meteorológicas adversas' },
]

type StatusLevel = 'proposal' | 'work_order' | 'billing' | 'step' | 'daily_report'
const statuses = (level: StatusLevel, names: string[]) => names.map((name) => ({ name, level }))
export const DEMO_STATUSES: { name: string; level: StatusLevel }[] = [
  ...statuses('proposal', ['PENDIENTE', 'PROCESO', 'ENTREGADA', 'CANCELADA', 'SUSPENDIDA']),
  ...statuses('step', ['PENDIENTE', 'PROCESO', 'COMPLETADO', 'CANCELADO', 'NO APLICA']),
  ...statuses('work_order', [
    'ASIGNADA',
    'EN EJECUCION',
    'DIFERIDA',
    'DIFERIDA (SIN INICIAR)',
    'SUSPENDIDA',
    'POR CANCELAR',
    'CANCELADA',
    'TERMINADA',
  ]),
  ...statuses('billing', ['PENDIENTE DE COBRO', 'EN ESTIMACIÓN', 'ESTIMADO', 'COBRADO']),
  ...statuses('daily_report', ['FIRMADO', 'FALTA FIRMA PEMEX', 'PENDIENTE', 'PROCESO']),
]

/** OT fronts and the kinds of site a work order on each may use (docs/work-orders.md#front-and-sites). */
export const DEMO_FRONTS: { name: string; siteKinds: TSiteKind[]; comment: string }[] = [
  {
    name: 'TIERRA',
    siteKinds: ['yard', 'platform', 'interconnection'],
    comment: 'Trabajos en patio de fabricación',
  },
  {
    name: 'BARCO',
    siteKinds: ['vessel', 'platform', 'interconnection', 'yard'],
    comment: 'Trabajos desde embarcación',
  },
  { name: 'CP / PS', siteKinds: ['platform', 'yard'], comment: 'Centro de proceso / plataforma satélite' },
]

export const DEMO_SITES: { name: string; kind: TSiteKind; comment?: string }[] = [
  { name: 'DSV SUBTEC ATLÁNTICO', kind: 'vessel', comment: 'Embarcación de apoyo a buceo' },
  { name: 'B/C SUBTEC CAMPECHE', kind: 'vessel', comment: 'Barco de construcción' },
  { name: 'B/A SUBTEC CARMEN', kind: 'vessel', comment: 'Barco de apoyo y alojamiento' },
  ...[
    'AKAL-C',
    'AKAL-J',
    'AKAL-B',
    'NOHOCH-A',
    'KU-A',
    'KU-M',
    'KU-S',
    'ZAAP-C',
    'MALOOB-B',
    'ABKATUN-A',
    'POL-A',
    'CAAN-A',
  ].map((name) => ({ name, kind: 'platform' as const })),
  { name: 'PATIO DOS BOCAS', kind: 'yard', comment: 'Paraíso, Tabasco' },
  { name: 'PATIO CIUDAD DEL CARMEN', kind: 'yard', comment: 'Ciudad del Carmen, Campeche' },
  { name: 'INTERCONEXIÓN AKAL-C / AKAL-J', kind: 'interconnection' },
  { name: 'INTERCONEXIÓN KU-A / KU-M', kind: 'interconnection' },
  { name: 'INTERCONEXIÓN ABKATUN-A / POL-A', kind: 'interconnection' },
]

/** Every unit key of the fixtures (Anexo C contract: 14 incl. the summary sheet; PUEs: 23), deduplicated. */
export const DEMO_UNITS: { key: string; description: string }[] = [
  // ANEXO_C_CONTRATO.xlsx
  { key: 'PIEZA', description: 'Pieza' },
  { key: 'TON', description: 'Tonelada' },
  { key: 'JUNTA', description: 'Junta soldada' },
  { key: 'M', description: 'Metro' },
  { key: 'M2', description: 'Metro cuadrado' },
  { key: 'ML', description: 'Metro lineal' },
  { key: 'H-H', description: 'Hora-hombre' },
  { key: 'DÍA', description: 'Día' },
  { key: 'SERVICIO', description: 'Servicio' },
  { key: 'JORNADA', description: 'Jornada' },
  { key: 'HORA', description: 'Hora' },
  { key: 'HOM/DÍA', description: 'Hombre por día' },
  { key: 'COMIDA', description: 'Comida' },
  { key: 'LOTE', description: 'Lote' },
  // ANEXO_C_PUES.xlsx (docs/imports.md#pue-workbook)
  { key: 'M3', description: 'Metro cúbico' },
  { key: 'EVENTO', description: 'Evento' },
  { key: 'KG', description: 'Kilogramo' },
  { key: 'LITRO', description: 'Litro' },
  { key: 'SERV/DIA', description: 'Servicio por día' },
  { key: 'PAQUETE', description: 'Paquete' },
  { key: 'EQUIPO', description: 'Equipo' },
  { key: 'SISTEMA', description: 'Sistema' },
  { key: 'ESTACION', description: 'Estación' },
  { key: 'M2/DÍA', description: 'Metro cuadrado por día' },
]

/** A main step with its sub-steps (positions 1…n in the order given). */
export type StepSeed = { name: string; subSteps?: string[] }

export const DEMO_PROPOSAL_STEPS: Record<TClientType, StepSeed[]> = {
  CONTRATO: [
    { name: 'Recepción de la solicitud del cliente' },
    { name: 'Registro de la PTE y asignación de responsable' },
    { name: 'Visita técnica y levantamiento en sitio' },
    {
      name: 'Volumetría de materiales',
      subSteps: [
        'Cuantificación de tubería, conexiones y válvulas',
        'Cuantificación de estructura y placa',
        'Cuantificación de soldadura y pruebas no destructivas',
        'Cotización de materiales con proveedores',
        'Validación de la volumetría con ingeniería',
      ],
    },
    { name: 'Alcance técnico y especificaciones' },
    { name: 'Programa de ejecución (MS Project)' },
    { name: 'Plantilla de personal y equipo (Anexos C-4 y C-5)' },
    { name: 'Integración de precios unitarios (Anexo C)' },
    { name: 'Revisión interna técnica y económica' },
    { name: 'Firma y entrega de la PTE al cliente' },
    { name: 'Aclaraciones y ajustes solicitados por el cliente' },
    { name: 'Homologación de la PTE por el cliente' },
  ],
  INTERCOM: [
    { name: 'Recepción de la solicitud intercompañía' },
    { name: 'Visita técnica' },
    { name: 'Alcance técnico' },
    {
      name: 'Volumetría de materiales',
      subSteps: ['Cuantificación de materiales', 'Cotización de materiales', 'Validación de la volumetría'],
    },
    { name: 'Programa de ejecución' },
    { name: 'Presupuesto e integración de costos' },
    { name: 'Revisión interna' },
    { name: 'Entrega al cliente intercompañía' },
    { name: 'Aprobación del cliente' },
  ],
}

export const DEMO_WORK_ORDER_STEPS: Record<TClientType, StepSeed[]> = {
  CONTRATO: [
    { name: 'Recepción del oficio de la OT' },
    { name: 'Reunión de arranque con el cliente' },
    { name: 'Importación del Anexo C autorizado' },
    { name: 'Programa de ejecución (importación MS Project)' },
    {
      name: 'Procura de materiales',
      subSteps: [
        'Requisición de materiales',
        'Orden de compra',
        'Recepción e inspección de materiales en patio',
      ],
    },
    { name: 'Permisos de trabajo y análisis de seguridad' },
    { name: 'Movilización de personal y equipo' },
    { name: 'Ejecución de los trabajos' },
    { name: 'Reportes diarios y generadores (GPU)' },
    { name: 'Desmovilización' },
    { name: 'Acta de entrega-recepción' },
    { name: 'Finiquito y cierre administrativo' },
  ],
  INTERCOM: [
    { name: 'Recepción de la orden intercompañía' },
    { name: 'Programa de ejecución' },
    {
      name: 'Procura de materiales',
      subSteps: ['Requisición de materiales', 'Recepción de materiales'],
    },
    { name: 'Movilización' },
    { name: 'Ejecución de los trabajos' },
    { name: 'Reportes diarios' },
    { name: 'Entrega de los trabajos' },
    { name: 'Cierre' },
  ],
}
