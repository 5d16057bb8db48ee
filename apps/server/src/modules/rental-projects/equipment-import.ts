import type {
  TRentalCondition,
  TRentalEquipmentImportRow,
  TRentalEquipmentKind,
  TRentalEquipmentType,
} from '@faena/contracts'
import { render, type Lang, type Message } from '../../platform/i18n/messages'
import { equipmentImportMessages as M } from './equipment-import.messages'

/**
 * Equipment list import — pure normalisation and planning (docs/rental-projects.md#equipment-import).
 *
 * Input rows come from a JSON array (the legacy `equipments.json` shape: name, code, type, status,
 * bg_current_location, notes) or a spreadsheet with a header row. Each row is normalised:
 * what is clear is fixed and reported as a change; what is unclear is kept, the unit is imported with
 * a review note (it cannot be assigned until someone reviews it) and the row reports a warning; what makes
 * a row unusable (no code, repeated code, wrong kind) is an error, and one error stops the whole import.
 */

export type RawEquipmentRow = { row: number; values: Record<string, unknown> }

export type EquipmentRecord = {
  code: string
  name: string
  kind: TRentalEquipmentKind
  type: TRentalEquipmentType | null
  brand: string | null
  model: string | null
  serialNumber: string | null
  condition: TRentalCondition
  location: string | null
  reviewNote: string | null
  notes: string | null
}

export type ExistingEquipment = EquipmentRecord & { id: string }

export type PlannedRow = TRentalEquipmentImportRow & {
  record: EquipmentRecord | null
  existingId: string | null
  /** descriptive fields that change on an existing unit */
  patch: Partial<EquipmentRecord> | null
}

export const MAX_IMPORT_ROWS = 5000

/** Upper case, no accents, single spaces: the form every keyword comparison uses. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim()

const str = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''
const clean = (v: unknown): string => str(v).replace(/\s+/g, ' ').trim()
const orNull = (s: string) => (s === '' ? null : s)

/** A row message in either language: the report speaks the requester's, the stored review note Spanish. */
type Say = (lang: Lang) => string
const say =
  (m: Message): Say =>
  (lang) =>
    render(m, lang)

// --- field aliases (JSON keys and spreadsheet headers, compared folded and without separators) ---

const ALIASES: Record<keyof Omit<EquipmentRecord, 'reviewNote'> | 'status', string[]> = {
  code: ['code', 'codigo', 'cod'],
  name: ['name', 'nombre', 'descripcion', 'equipo'],
  kind: ['kind', 'clase', 'type', 'tipo'],
  type: ['equipmenttype', 'typeequipment', 'tipoequipo', 'subtipo'],
  brand: ['brand', 'marca'],
  model: ['model', 'modelo'],
  serialNumber: ['serialnumber', 'serial', 'serie', 'numerodeserie', 'nserie'],
  condition: ['condition', 'condicion'],
  status: ['status', 'estado', 'ststatusequipment'],
  location: ['location', 'bgcurrentlocation', 'ubicacion', 'ubicacionactual', 'currentlocation'],
  notes: ['notes', 'notas', 'observaciones', 'observacion'],
}
const keyOf = (k: string) =>
  fold(k)
    .replace(/[^A-Z0-9]/g, '')
    .toLowerCase()

/** Picks the first present alias of a field from a raw row. */
function field(values: Record<string, unknown>, name: keyof typeof ALIASES): string {
  const wanted = ALIASES[name]
  for (const [k, v] of Object.entries(values)) if (wanted.includes(keyOf(k))) return clean(v)
  return ''
}

/** Header cells of a spreadsheet → field names (unknown headers are ignored). */
export function headerMap(cells: readonly unknown[]): Record<number, string> {
  const out: Record<number, string> = {}
  cells.forEach((c, i) => {
    const k = keyOf(str(c))
    if (k) out[i] = k
  })
  return out
}

// --- codes ---

/**
 * House codes: upper case, no spaces around dashes, inner spaces → dash, the missing dash after a
 * known PSL prefix restored (`PSLBT152` → `PSLBT-152`, `PSLLV 19-66864` → `PSLLV-19-66864`, `PSL -UP-100` → `PSL-UP-100`).
 */
export function normaliseCode(raw: string): string {
  let c = raw.toUpperCase().replace(/\s+/g, ' ').trim()
  c = c
    .replace(/\s*-\s*/g, '-')
    .replace(/\s/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  c = c.replace(/^(PSL[A-Z]{2})(\d+)$/, '$1-$2')
  return c
}

// --- kinds and types ---

const LEGACY_TYPE_CODES: Record<string, TRentalEquipmentType | 'service'> = {
  SERVIC: 'service',
  LVMNOS: 'hand_wash_station',
  BTSNHM: 'toilet',
  BTSNMJ: 'toilet',
  EST4UR: 'urinal_station',
  CMPRBN: 'camper',
  PTRTAP: 'potable_water_plant',
  PTRTAR: 'wastewater_plant',
  TNQAAC: 'raw_water_tank',
  TNQAAR: 'wastewater_tank',
}
const OUR_TYPES = new Set<string>([
  'toilet',
  'hand_wash_station',
  'urinal_station',
  'camper',
  'potable_water_plant',
  'wastewater_plant',
  'raw_water_tank',
  'wastewater_tank',
  'other',
])

/** Type from a name or description ("BATERIAS SANITARIAS" → toilet…), null when nothing matches. */
export function typeFromName(name: string): TRentalEquipmentType | null {
  const n = fold(name)
  if (n === '') return null
  if (/\bCAMPER\b/.test(n)) return 'camper'
  if (/URINARIO/.test(n)) return 'urinal_station'
  if (/LAVAMANOS/.test(n)) return 'hand_wash_station'
  if (/BATERIA|BANO|SANITARI/.test(n)) return 'toilet'
  if (/PLANTA|PTAP|PTAR/.test(n)) {
    if (/POTABLE|PTAP/.test(n)) return 'potable_water_plant'
    if (/RESIDUAL|SERVIDA|PTAR/.test(n)) return 'wastewater_plant'
    return null
  }
  if (/TANQUE/.test(n)) {
    if (/CRUDA/.test(n)) return 'raw_water_tank'
    if (/RESIDUAL|SERVIDA/.test(n)) return 'wastewater_tank'
    return null
  }
  return null
}

/** Type suggested by a house code prefix (PSLBT → toilet, PSLLV → hand-wash station, PSL-UP → urinals). */
export function typeFromCode(code: string): TRentalEquipmentType | null {
  if (/^PSL-?BT\b|^PSL-?BT-/.test(code)) return 'toilet'
  if (/^(PSL-?)?LV[-\d]/.test(code)) return 'hand_wash_station'
  if (/^PSL-?UP-/.test(code)) return 'urinal_station'
  return null
}

export const TYPE_NAMES: Record<TRentalEquipmentType, string> = {
  toilet: 'BATERÍA SANITARIA',
  hand_wash_station: 'ESTACIÓN DE LAVAMANOS',
  urinal_station: 'ESTACIÓN DE URINARIOS',
  camper: 'CAMPER',
  potable_water_plant: 'PLANTA DE AGUA POTABLE',
  wastewater_plant: 'PLANTA DE AGUAS RESIDUALES',
  raw_water_tank: 'TANQUE DE AGUA CRUDA',
  wastewater_tank: 'TANQUE DE AGUA RESIDUAL',
  other: 'EQUIPO',
}

/** The types as the row messages name them ("el código sugiere batería sanitaria…"). */
const TYPE_IN_TEXT: Record<TRentalEquipmentType, { es: string; en: string }> = {
  toilet: { es: TYPE_NAMES.toilet.toLowerCase(), en: 'a portable toilet' },
  hand_wash_station: { es: TYPE_NAMES.hand_wash_station.toLowerCase(), en: 'a hand-wash station' },
  urinal_station: { es: TYPE_NAMES.urinal_station.toLowerCase(), en: 'a urinal station' },
  camper: { es: TYPE_NAMES.camper.toLowerCase(), en: 'a camper' },
  potable_water_plant: { es: TYPE_NAMES.potable_water_plant.toLowerCase(), en: 'a drinking water plant' },
  wastewater_plant: { es: TYPE_NAMES.wastewater_plant.toLowerCase(), en: 'a wastewater plant' },
  raw_water_tank: { es: TYPE_NAMES.raw_water_tank.toLowerCase(), en: 'a raw water tank' },
  wastewater_tank: { es: TYPE_NAMES.wastewater_tank.toLowerCase(), en: 'a wastewater tank' },
  other: { es: TYPE_NAMES.other.toLowerCase(), en: 'other equipment' },
}

// --- statuses ---

const OUR_CONDITIONS = ['operative', 'in_repair', 'damaged', 'retired'] as const

type StatusReading = { condition: TRentalCondition; change?: string; warning?: string }
type StatusSaid = { condition: TRentalCondition; change?: Say; warning?: Say }

const CONDITION_IN_TEXT: Record<TRentalCondition, { es: string; en: string }> = {
  operative: { es: 'operativo', en: 'operative' },
  in_repair: { es: 'en reparación', en: 'in repair' },
  damaged: { es: 'dañado', en: 'damaged' },
  retired: { es: 'retirado', en: 'retired' },
}

function statusOf(raw: string): StatusSaid {
  const s = fold(raw)
  if (s === '') return { condition: 'operative' }
  const to = (condition: TRentalCondition): StatusSaid => ({
    condition,
    change: (lang) => render(M.statusChanged({ raw, condition: CONDITION_IN_TEXT[condition][lang] }), lang),
  })
  if ((OUR_CONDITIONS as readonly string[]).includes(raw.trim()))
    return { condition: raw.trim() as TRentalCondition }
  // the usual words for "works": nothing worth reporting
  if (/^(OPERATIV[OA]S?|DISPONIBLE|FUNCIONANDO|ACTIVO|BUENO|OK)$/.test(s)) return { condition: 'operative' }
  if (/^STAND ?-?BY$/.test(s)) return { condition: 'operative', change: say(M.statusStandBy({ raw })) }
  if (/REPARACION|TALLER|MANTENIMIENTO/.test(s)) return to('in_repair')
  if (/^(DANAD[OA]S?|AVERIAD[OA]|ROT[OA])$/.test(s)) return to('damaged')
  if (/^(BAJA|DADO DE BAJA|RETIRAD[OA]|VENDID[OA]|DONAD[OA])$|^DONACION\b/.test(s)) {
    return { condition: 'retired', change: say(M.statusRetired({ raw })) }
  }
  if (s === 'BUSCAR') return { condition: 'operative', warning: say(M.statusSearch()) }
  if (s === 'INDEFINIDO') return { condition: 'operative', warning: say(M.statusUndefined()) }
  return { condition: 'operative', warning: say(M.statusUnknown({ raw })) }
}

/** A legacy status (free text) → condition; unclear ones keep `operative` with a warning (review). */
export function readStatus(raw: string, lang: Lang = 'es'): StatusReading {
  const { condition, change, warning } = statusOf(raw)
  return {
    condition,
    ...(change ? { change: change(lang) } : {}),
    ...(warning ? { warning: warning(lang) } : {}),
  }
}

// --- locations ---

/** Single spaces, repeated words and a repeated half removed: `PEISOL PEISOL BASE` → `PEISOL BASE`. */
export function normaliseLocation(raw: string): string {
  let words = raw.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)
  const half = words.length / 2
  if (
    words.length >= 2 &&
    Number.isInteger(half) &&
    words.slice(0, half).join(' ') === words.slice(half).join(' ')
  ) {
    words = words.slice(0, half)
  }
  words = words.filter((w, i) => i === 0 || w.toUpperCase() !== words[i - 1]!.toUpperCase())
  return words.join(' ')
}

// --- planning ---

/**
 * Normalises every row and decides what happens to it. `existing` = units of the organization by
 * upper-case code. The row's changes, warnings and errors are in `lang` (the requester's); a flagged unit's
 * review note, which is stored, in Spanish. Nothing here touches the database.
 */
export function planEquipmentImport(
  rows: readonly RawEquipmentRow[],
  existing: ReadonlyMap<string, ExistingEquipment>,
  lang: Lang = 'es',
): PlannedRow[] {
  const seen = new Map<string, number>()
  return rows.map(({ row, values }) => {
    const changes: Say[] = []
    const warnings: Say[] = []
    const errors: Say[] = []

    // code
    const rawCode = field(values, 'code')
    const code = normaliseCode(rawCode)
    if (code === '') errors.push(say(M.missingCode()))
    else if (code.length > 50) errors.push(say(M.codeTooLong()))
    else {
      if (code !== rawCode) changes.push(say(M.codeChanged({ raw: rawCode, code })))
      if (/-SN$|^SN$|S\/N/.test(code)) warnings.push(say(M.codeWithoutNumber({ code })))
      const first = seen.get(code.toUpperCase())
      if (first !== undefined) errors.push(say(M.codeRepeated({ code, row: first })))
      else seen.set(code.toUpperCase(), row)
    }

    // kind
    const rawKind = field(values, 'kind')
    const kindFold = fold(rawKind)
    let kind: TRentalEquipmentKind = 'equipment'
    let legacyType: TRentalEquipmentType | null = null
    if (kindFold === 'SERVICIO' || kindFold === 'SERVICE' || kindFold === 'SERVIC') kind = 'service'
    else if (kindFold in LEGACY_TYPE_CODES) {
      const t = LEGACY_TYPE_CODES[kindFold]!
      if (t === 'service') kind = 'service'
      else legacyType = t
    } else if (OUR_TYPES.has(rawKind)) legacyType = rawKind as TRentalEquipmentType
    else if (kindFold !== '' && kindFold !== 'EQUIPO' && kindFold !== 'EQUIPMENT') {
      const t = typeFromName(rawKind)
      if (t) legacyType = t
      else warnings.push(say(M.kindUnknown({ kind: rawKind })))
    }

    // name and type
    const rawName = field(values, 'name')
    const explicitType = field(values, 'type')
    let type: TRentalEquipmentType | null = null
    if (kind === 'equipment') {
      type =
        (OUR_TYPES.has(explicitType) ? (explicitType as TRentalEquipmentType) : null) ??
        legacyType ??
        typeFromName(explicitType) ??
        typeFromName(rawName) ??
        typeFromCode(code)
      const byCode = typeFromCode(code)
      if (type && byCode && byCode !== type) {
        const [suggested, named] = [byCode, type]
        warnings.push((l) =>
          render(
            M.codeSuggestsOtherType({
              code,
              byCode: TYPE_IN_TEXT[suggested][l],
              byName: TYPE_IN_TEXT[named][l],
            }),
            l,
          ),
        )
      }
      if (!type) warnings.push(say(M.typeUnknown()))
    }
    let name = rawName
    if (name === '') {
      if (kind === 'equipment' && type) {
        name = TYPE_NAMES[type]
        changes.push(say(M.nameFromType({ name })))
      } else errors.push(say(M.missingName()))
    } else if (name.length > 200) errors.push(say(M.nameTooLong()))

    // condition
    const status = field(values, 'condition') || field(values, 'status')
    const reading: StatusSaid = kind === 'service' ? { condition: 'operative' } : statusOf(status)
    if (reading.change) changes.push(reading.change)
    if (reading.warning) warnings.push(reading.warning)

    // location
    const rawLocation = field(values, 'location')
    let location: string | null = orNull(normaliseLocation(rawLocation))
    if (location && location !== rawLocation)
      changes.push(say(M.locationChanged({ raw: rawLocation, location })))
    if (location && fold(location) === 'BUSCAR') {
      warnings.push(say(M.locationUnknown()))
      location = null
    }
    if (location && location.length > 200) location = location.slice(0, 200)

    // notes
    const notes = orNull(field(values, 'notes').slice(0, 2000))
    if (notes) {
      const n = fold(notes)
      if (/DUPLICAD/.test(n)) warnings.push(say(M.notesDuplicate({ notes })))
      else if (/CODIGO/.test(n)) warnings.push(say(M.notesDoubtCode({ notes })))
      else if (/\bBAJA\b/.test(n)) warnings.push(say(M.notesRetire({ notes })))
    }

    const record: EquipmentRecord | null =
      errors.length > 0
        ? null
        : {
            code,
            name,
            kind,
            type,
            brand: orNull(field(values, 'brand').slice(0, 120)),
            model: orNull(field(values, 'model').slice(0, 120)),
            serialNumber: orNull(field(values, 'serialNumber').slice(0, 120)),
            condition: reading.condition,
            location,
            reviewNote:
              warnings.length > 0
                ? warnings
                    .map((w) => w('es'))
                    .join(' · ')
                    .slice(0, 1000)
                : null,
            notes,
          }

    let action: PlannedRow['action'] = errors.length > 0 ? 'error' : 'create'
    let existingId: string | null = null
    let patch: Partial<EquipmentRecord> | null = null
    if (record) {
      const found = existing.get(record.code.toUpperCase())
      if (found) {
        existingId = found.id
        if (found.kind !== record.kind) {
          const c = found.code
          errors.push(
            say(found.kind === 'service' ? M.existsAsService({ code: c }) : M.existsAsEquipment({ code: c })),
          )
          action = 'error'
        } else {
          // Condition, availability and review stay as managed in Faena; descriptive fields follow the file.
          const p: Partial<EquipmentRecord> = {}
          for (const k of ['name', 'type', 'brand', 'model', 'serialNumber', 'location', 'notes'] as const) {
            const v = record[k]
            if (v !== null && v !== found[k]) (p as Record<string, unknown>)[k] = v
          }
          patch = Object.keys(p).length > 0 ? p : null
          action = patch ? 'update' : 'unchanged'
        }
      }
    }

    return {
      row,
      code: code || null,
      name: name || null,
      action,
      changes: changes.map((m) => m(lang)),
      warnings: warnings.map((m) => m(lang)),
      errors: errors.map((m) => m(lang)),
      record: action === 'error' ? null : record,
      existingId,
      patch,
    }
  })
}

/** Rows of a parsed JSON document: an array of objects (or `{ items: [...] }`); a refusal in `lang`. */
export function rowsFromJson(
  doc: unknown,
  lang: Lang = 'es',
): { rows: RawEquipmentRow[] } | { error: string } {
  const list = Array.isArray(doc)
    ? doc
    : doc && typeof doc === 'object' && Array.isArray((doc as { items?: unknown }).items)
      ? (doc as { items: unknown[] }).items
      : null
  if (!list) return { error: render(M.jsonNotAList(), lang) }
  if (list.length === 0) return { error: render(M.noEquipment(), lang) }
  if (list.length > MAX_IMPORT_ROWS) return { error: render(M.maxRows({ max: MAX_IMPORT_ROWS }), lang) }
  const rows: RawEquipmentRow[] = []
  for (const [i, item] of list.entries()) {
    if (!item || typeof item !== 'object' || Array.isArray(item))
      return { error: render(M.itemNotObject({ item: i + 1 }), lang) }
    // legacy dumps wrap the record: { model, pk, fields: {...} }
    const record = item as Record<string, unknown>
    const wrapped = record.fields
    const values =
      wrapped && typeof wrapped === 'object' && !Array.isArray(wrapped)
        ? (wrapped as Record<string, unknown>)
        : record
    rows.push({ row: i + 1, values })
  }
  return { rows }
}
