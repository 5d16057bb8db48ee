/** Strings of the production grid's "Agregar concepto" dialog (docs/production.md#adding-a-concept-from-the-catalog). */
export const addConceptEs = {
  action: 'Agregar concepto',
  actionHint: 'Agrega a la familia un concepto del catálogo con el volumen a autorizar.',
  title: 'Agregar concepto del catálogo · {{number}}',
  intro:
    'El concepto se agrega como una nueva versión confirmada del Anexo C de la última orden de la familia que tiene uno, con el volumen que autorices; queda en la historia de la familia y en la auditoría, y el excedente se recalcula.',
  search: 'Buscar en el catálogo',
  searchHint: 'Clave o descripción. Los conceptos que ya están en la familia no aparecen.',
  searching: 'Buscando…',
  noMatches: 'Ningún concepto del catálogo coincide (o ya están todos en la familia).',
  results: 'Conceptos del catálogo',
  chosen: 'Concepto elegido',
  choose: 'Elige un concepto de la lista.',
  prices: 'P.U. {{mxn}} MXN · {{usd}} USD · {{unit}}',
  volume: 'Volumen a autorizar',
  volumeHint: 'Mayor que cero, hasta 6 decimales, en la unidad del concepto.',
  volumeRequired: 'El volumen a autorizar es obligatorio.',
  volumeZero: 'El volumen a autorizar debe ser mayor que cero.',
  volumeFormat: 'El volumen no es un número válido.',
  volumeFraction: 'El volumen admite hasta 6 decimales.',
  reason: 'Motivo',
  reasonHint: 'Por qué se autoriza (entre 5 y 500 caracteres).',
  reasonRequired: 'El motivo es obligatorio (al menos 5 caracteres).',
  reasonTooLong: 'El motivo admite hasta 500 caracteres.',
  submit: 'Agregar y autorizar',
  added: 'Concepto {{code}} agregado con {{volume}} autorizados (Anexo C v{{version}})',
  unsaved: 'Guarda o descarta los cambios de la sábana antes de agregar un concepto.',
}

export const addConceptEn: typeof addConceptEs = {
  action: 'Add concept',
  actionHint: 'Add a catalog concept to the family with the volume to authorize.',
  title: 'Add a catalog concept · {{number}}',
  intro:
    'The concept is added as a new confirmed Anexo C version of the family’s latest work order that has one, with the volume you authorize; it goes into the family history and the audit log, and the excess is recomputed.',
  search: 'Search the catalog',
  searchHint: 'Code or description. Concepts already in the family are not listed.',
  searching: 'Searching…',
  noMatches: 'No catalog concept matches (or they are all in the family already).',
  results: 'Catalog concepts',
  chosen: 'Chosen concept',
  choose: 'Pick a concept from the list.',
  prices: 'Unit price {{mxn}} MXN · {{usd}} USD · {{unit}}',
  volume: 'Volume to authorize',
  volumeHint: 'Greater than zero, up to 6 decimals, in the concept’s unit.',
  volumeRequired: 'The volume to authorize is required.',
  volumeZero: 'The volume to authorize must be greater than zero.',
  volumeFormat: 'The volume is not a valid number.',
  volumeFraction: 'The volume takes up to 6 decimals.',
  reason: 'Reason',
  reasonHint: 'Why it is authorized (5 to 500 characters).',
  reasonRequired: 'The reason is required (at least 5 characters).',
  reasonTooLong: 'The reason takes up to 500 characters.',
  submit: 'Add and authorize',
  added: 'Concept {{code}} added with {{volume}} authorized (Anexo C v{{version}})',
  unsaved: 'Save or discard the sheet’s changes before adding a concept.',
}

/** The panel listing the month's excess cells without a recorded reason. */
export const excessListEs = {
  title: 'Excedentes sin motivo registrado ({{timeType}}): {{count}}',
  intro:
    'Celdas guardadas que pasan el volumen autorizado y aún no tienen motivo. Elige una para registrarlo.',
  day: 'Día',
  concept: 'Concepto',
  volume: 'Volumen',
  select: 'Seleccionar',
  selectLabel: 'Seleccionar la celda {{code}} del {{date}}',
}

export const excessListEn: typeof excessListEs = {
  title: 'Excess without a recorded reason ({{timeType}}): {{count}}',
  intro: 'Saved cells that pass the authorized volume and have no reason yet. Pick one to record it.',
  day: 'Day',
  concept: 'Concept',
  volume: 'Volume',
  select: 'Select',
  selectLabel: 'Select the cell {{code}} of {{date}}',
}
