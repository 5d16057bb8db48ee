import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { EQUIPMENT_LIST, equipmentListJson } from '../../../test/fixtures/equipment-list'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import {
  normaliseCode,
  normaliseLocation,
  planEquipmentImport,
  readStatus,
  rowsFromJson,
  typeFromCode,
  typeFromName,
  type PlannedRow,
  type ExistingEquipment,
} from './equipment-import'

const plan = (values: Record<string, unknown>[], existing: ExistingEquipment[] = []) =>
  planEquipmentImport(
    values.map((v, i) => ({ row: i + 1, values: v })),
    new Map(existing.map((e) => [e.code.toUpperCase(), e])),
  )

describe('codes', () => {
  it.each([
    ['PSLBT-131', 'PSLBT-131'],
    ['PSLBT152', 'PSLBT-152'],
    ['PSLLV 19-66864', 'PSLLV-19-66864'],
    ['PSLLV- 19-66864', 'PSLLV-19-66864'],
    ['PSLLV- 148', 'PSLLV-148'],
    ['PSL -UP-100', 'PSL-UP-100'],
    ['  psllv-121 ', 'PSLLV-121'],
    ['O45F919', 'O45F919'],
    ['', ''],
  ])('%j → %j', (raw, expected) => expect(normaliseCode(raw)).toBe(expected))

  it('suggests a type from the house prefix', () => {
    expect(typeFromCode('PSLBT-131')).toBe('toilet')
    expect(typeFromCode('PSLLV-19-66864')).toBe('hand_wash_station')
    expect(typeFromCode('LV19-66881')).toBe('hand_wash_station')
    expect(typeFromCode('PSL-UP-101')).toBe('urinal_station')
    expect(typeFromCode('O45F919')).toBeNull()
  })
})

describe('names, statuses, locations', () => {
  it('reads the type from legacy names', () => {
    expect(typeFromName('BATERIAS SANITARIAS')).toBe('toilet')
    expect(typeFromName('ESTACION DE LAVAMANOS')).toBe('hand_wash_station')
    expect(typeFromName('ESTACION CUADRUPLE URINARIO')).toBe('urinal_station')
    expect(typeFromName('Camper baño')).toBe('camper')
    expect(typeFromName('PLANTA DE TRATAMIENTO DE AGUA POTABLE')).toBe('potable_water_plant')
    expect(typeFromName('PLANTA DE TRATAMIENTO DE AGUA RESIDUAL')).toBe('wastewater_plant')
    expect(typeFromName('TANQUES DE ALMACENAMIENTO AGUA CRUDA')).toBe('raw_water_tank')
    expect(typeFromName('Tanque agua residual')).toBe('wastewater_tank')
    expect(typeFromName('  ')).toBeNull()
    expect(typeFromName('Generador')).toBeNull()
  })

  it('maps clear statuses and flags the unclear ones', () => {
    expect(readStatus('OPERATIVA').condition).toBe('operative')
    expect(readStatus('OPERATIVO').condition).toBe('operative')
    expect(readStatus('DISPONIBLE').condition).toBe('operative')
    expect(readStatus('STAND BY')).toMatchObject({
      condition: 'operative',
      change: expect.stringContaining('en espera'),
    })
    expect(readStatus('EN REPARACION').condition).toBe('in_repair')
    expect(readStatus('DAÑADO').condition).toBe('damaged')
    expect(readStatus('DONACION ANGEL CRUZ').condition).toBe('retired')
    expect(readStatus('damaged')).toEqual({ condition: 'damaged' })
    expect(readStatus('')).toEqual({ condition: 'operative' })
    for (const s of ['BUSCAR', 'INDEFINIDO', 'HALLIBURTON', 'CONCUCIP']) {
      const r = readStatus(s)
      expect(r.condition).toBe('operative')
      expect(r.warning, s).toBeTruthy()
    }
  })

  it('cleans repeated words in locations', () => {
    expect(normaliseLocation('PEISOL PEISOL BASE')).toBe('PEISOL BASE')
    expect(normaliseLocation('BUSCAR BUSCAR')).toBe('BUSCAR')
    expect(normaliseLocation('DONACION CLIENTE EXTERNO DONACION CLIENTE EXTERNO')).toBe(
      'DONACION CLIENTE EXTERNO',
    )
    expect(normaliseLocation(' SERTECPET  AUCA SUR ')).toBe('SERTECPET AUCA SUR')
  })
})

describe('planEquipmentImport', () => {
  it('creates a clean row without remarks', () => {
    const [r] = plan([
      {
        name: 'BATERIAS SANITARIAS',
        code: 'PSLBT-131',
        type: 'EQUIPO',
        bg_current_location: 'SERTECPET AUCA SUR',
        status: 'OPERATIVA',
        notes: null,
      },
    ])
    expect(r).toMatchObject({ action: 'create', code: 'PSLBT-131', warnings: [], errors: [] })
    expect(r!.record).toMatchObject({
      kind: 'equipment',
      type: 'toilet',
      condition: 'operative',
      location: 'SERTECPET AUCA SUR',
      reviewNote: null,
    })
  })

  it('derives a blank name from the type, flags unclear rows for review', () => {
    const rows = plan([
      { name: '  ', code: 'PSLBT-368', type: 'EQUIPO', status: 'DISPONIBLE' },
      {
        name: 'BATERIAS SANITARIAS',
        code: 'PSLBT-105',
        type: 'EQUIPO',
        bg_current_location: 'BUSCAR BUSCAR',
        status: 'BUSCAR',
        notes: 'UBICAR BATERIA',
      },
      { name: 'ESTACION DE LAVAMANOS', code: 'PSLLV-SN', type: 'EQUIPO', status: 'OPERATIVA' },
      {
        name: 'ESTACION DE LAVAMANOS',
        code: 'PSLLV-121',
        status: 'OPERATIVA',
        notes: 'ESTA EQUIPO DUPLICADO CON CPPSHUSHUFINDI',
      },
    ])
    expect(rows[0]!.record).toMatchObject({ name: 'BATERÍA SANITARIA', type: 'toilet', reviewNote: null })
    expect(rows[0]!.changes.join()).toContain('Nombre vacío')
    expect(rows[1]!.record).toMatchObject({ location: null, reviewNote: expect.stringContaining('BUSCAR') })
    expect(rows[1]!.warnings).toHaveLength(2)
    expect(rows[2]!.warnings.join()).toContain('S/N')
    expect(rows[3]!.warnings.join()).toContain('duplicado')
    expect(rows.every((r) => r.action === 'create')).toBe(true)
  })

  it('refuses rows without code, repeated codes (after normalisation) and kind clashes', () => {
    const rows = plan(
      [
        { name: 'X', code: '' },
        { name: 'BATERIAS SANITARIAS', code: 'PSLBT-152' },
        { name: 'BATERIAS SANITARIAS', code: 'PSLBT152' },
        { name: 'Mantenimiento', code: 'SERV-01', type: 'EQUIPO' },
        { name: '', code: 'ZZ-1', type: 'EQUIPO' },
      ],
      [
        {
          id: 'e1',
          code: 'SERV-01',
          name: 'Mantenimiento',
          kind: 'service',
          type: null,
          brand: null,
          model: null,
          serialNumber: null,
          condition: 'operative',
          location: null,
          reviewNote: null,
          notes: null,
        },
      ],
    )
    expect(rows.map((r) => r.action)).toEqual(['error', 'create', 'error', 'error', 'error'])
    expect(rows[0]!.errors).toEqual(['Falta el código'])
    expect(rows[2]!.errors[0]).toContain('repetido (fila 2)')
    expect(rows[3]!.errors[0]).toContain('como servicio')
    expect(rows[4]!.errors).toContain('Falta el nombre')
  })

  it('updates descriptive fields of existing units and leaves equal ones unchanged', () => {
    const existing: ExistingEquipment = {
      id: 'e1',
      code: 'PSLBT-131',
      name: 'BATERIAS SANITARIAS',
      kind: 'equipment',
      type: 'toilet',
      brand: null,
      model: null,
      serialNumber: null,
      condition: 'in_repair',
      location: 'SERTECPET AUCA SUR',
      reviewNote: null,
      notes: null,
    }
    const [same] = plan(
      [
        {
          name: 'BATERIAS SANITARIAS',
          code: 'PSLBT-131',
          bg_current_location: 'SERTECPET AUCA SUR',
          status: 'OPERATIVA',
        },
      ],
      [existing],
    )
    expect(same).toMatchObject({ action: 'unchanged', existingId: 'e1', patch: null })
    const [moved] = plan(
      [
        {
          name: 'BATERIAS SANITARIAS',
          code: 'pslbt-131',
          bg_current_location: 'PEISOL PEISOL BASE',
          status: 'OPERATIVA',
        },
      ],
      [existing],
    )
    expect(moved).toMatchObject({ action: 'update', patch: { location: 'PEISOL BASE' } })
  })

  it('accepts the legacy dump shape and spreadsheet-like keys', () => {
    const parsed = rowsFromJson([
      {
        model: 'equipment.resourceitem',
        pk: 3,
        fields: { name: 'CAMPER BAÑO', code: 'PSL-CM-001', type_equipment: 'CMPRBN' },
      },
    ])
    expect('rows' in parsed).toBe(true)
    const [r] = plan([
      {
        Código: 'PSL-TQ-9',
        Nombre: 'Tanque',
        Tipo: 'TNQAAR',
        Estado: 'EN REPARACION',
        Marca: 'Rotoplas',
        Serie: 'S-1',
      },
    ])
    expect(r!.record).toMatchObject({
      code: 'PSL-TQ-9',
      type: 'wastewater_tank',
      condition: 'in_repair',
      brand: 'Rotoplas',
      serialNumber: 'S-1',
    })
    expect(rowsFromJson({})).toEqual({ error: expect.any(String) })
    expect(rowsFromJson([])).toEqual({ error: expect.any(String) })
    expect(rowsFromJson([1])).toEqual({ error: expect.stringContaining('elemento 1') })
  })
})

describe('the row report in the requester language', () => {
  const rows = [
    { name: '  ', code: 'pslbt 368', type: 'EQUIPO', status: 'STAND BY' },
    { name: 'ESTACION DE LAVAMANOS', code: 'PSLBT-SN', status: 'BUSCAR', bg_current_location: 'BUSCAR' },
    { name: 'X', code: '' },
    { name: 'BATERIAS SANITARIAS', code: 'PSLBT368', notes: 'POSIBLE DUPLICADO' },
  ].map((values, i) => ({ row: i + 1, values }))

  it('says every change, warning and error in English; the stored review note stays Spanish', () => {
    const es = planEquipmentImport(rows, new Map())
    const en = planEquipmentImport(rows, new Map(), 'en')
    expect(en[0]!.changes).toEqual([
      'Code "pslbt 368" → "PSLBT-368"',
      'Empty name → "BATERÍA SANITARIA" (from the type)',
      'Status "STAND BY" (standing by) → operative',
    ])
    expect(en[1]!.warnings).toEqual([
      'Code "PSLBT-SN" has no number (S/N): give it a real code',
      'Code "PSLBT-SN" suggests a portable toilet but the name says a hand-wash station',
      'Status "BUSCAR": the unit has not been located; review it before renting it',
      'Unknown location ("BUSCAR"): locate the unit',
    ])
    expect(es[1]!.warnings[1]).toBe(
      'El código «PSLBT-SN» sugiere batería sanitaria pero el nombre dice estación de lavamanos',
    )
    expect(en[2]!.errors).toEqual(['The code is missing'])
    expect(en[3]!.errors).toEqual(['Code "PSLBT-368" repeated (row 1)'])
    expect(en[1]!.record!.reviewNote).toBe(es[1]!.record!.reviewNote)
    expect(en[1]!.record!.reviewNote).toContain('revisar antes de rentarlo')
    expect(readStatus('TALLER', 'en')).toEqual({
      condition: 'in_repair',
      change: 'Status "TALLER" → in repair',
    })
    expect(readStatus('TALLER')).toEqual({
      condition: 'in_repair',
      change: 'Estado «TALLER» → en reparación',
    })
    expect(rowsFromJson([1], 'en')).toEqual({ error: 'Item 1 is not an object' })
  })

  it('leaves no Spanish in the English report of the built legacy list', () => {
    const parsed = rowsFromJson(JSON.parse(equipmentListJson().toString('utf8')))
    if (!('rows' in parsed)) throw new Error(parsed.error)
    const texts = planEquipmentImport(parsed.rows, new Map(), 'en').flatMap((r) => [
      ...r.changes,
      ...r.warnings,
      ...r.errors,
    ])
    expect(texts.length).toBeGreaterThan(10)
    for (const t of texts) expect(t, t).not.toMatch(/«|Estado|Código|Nombre|Ubicación|Las notas|revisar/u)
  })
})

/** The rows of a legacy equipment list (a JSON array), numbered from 1. */
function legacyListRows(json: Buffer | string) {
  const parsed = rowsFromJson(JSON.parse(json.toString('utf8')))
  if (!('rows' in parsed)) throw new Error(parsed.error)
  return parsed.rows
}

/** What one legacy equipment list (the layout of equipments.json) must give: counts, codes, flagged rows. */
interface EquipmentListExpectations {
  units: number
  byType: { toilet: number; hand_wash_station: number; urinal_station: number }
  /** Codes of the retired units (donations), in order. */
  retired: string[]
  /** Rows flagged for review: exactly these, or between so many (inclusive) and so many (exclusive). */
  reviewRows: number[] | { atLeast: number; below: number }
  /** Two codes that are only right after normalisation (written with a space or without the dash). */
  normalisedCodes: [string, string]
}

/** The suite every legacy equipment list passes; the built list and the real one differ only in `expected`. */
function equipmentListSuite(load: () => Buffer | string, expected: EquipmentListExpectations) {
  let rows: PlannedRow[]
  beforeAll(() => {
    rows = planEquipmentImport(legacyListRows(load()), new Map())
  })

  it(`imports the whole list (${expected.units} units): no errors, unclear rows flagged`, () => {
    expect(rows).toHaveLength(expected.units)
    expect(rows.filter((r) => r.action === 'error')).toEqual([])
    expect(rows.every((r) => r.action === 'create')).toBe(true)
    const byType = (t: string) => rows.filter((r) => r.record?.type === t).length
    expect({
      toilet: byType('toilet'),
      hand_wash_station: byType('hand_wash_station'),
      urinal_station: byType('urinal_station'),
    }).toEqual(expected.byType)
    expect(rows.filter((r) => r.record?.condition === 'retired').map((r) => r.code)).toEqual(expected.retired)
    const flagged = rows.filter((r) => r.record?.reviewNote).map((r) => r.row)
    if (Array.isArray(expected.reviewRows)) expect(flagged).toEqual(expected.reviewRows)
    else {
      expect(flagged.length).toBeGreaterThanOrEqual(expected.reviewRows.atLeast)
      expect(flagged.length).toBeLessThan(expected.reviewRows.below)
    }
    const codes = new Set(rows.map((r) => r.code))
    expect(codes.size).toBe(expected.units)
    for (const code of expected.normalisedCodes) expect(codes.has(code), code).toBe(true)
  })
}

const realList = () => fs.readFileSync(realFixturePath('rental/equipments.json'))

describe('planEquipmentImport on a built legacy list (layout of equipments.json)', () => {
  equipmentListSuite(equipmentListJson, {
    units: 30,
    byType: { toilet: 18, hand_wash_station: 10, urinal_station: 2 },
    retired: ['PSLBT-904', 'PSLBT-901'],
    // 4 INDEFINIDO, 2 BUSCAR, a company and a person as status, the S/N code, duplicates and a doubtful code
    reviewRows: [5, 6, 7, 8, 9, 10, 11, 15, 18, 19, 20, 29, 30],
    normalisedCodes: ['PSLLV-19-96864', 'PSLBT-952'],
  })

  const read = () => legacyListRows(equipmentListJson())
  const rows = planEquipmentImport(read(), new Map())
  const at = (n: number) => rows.find((r) => r.row === n)!

  it('is the legacy dump: an array of flat objects with the old keys, one per unit', () => {
    const doc = JSON.parse(equipmentListJson().toString('utf8')) as Record<string, unknown>[]
    expect(doc).toHaveLength(EQUIPMENT_LIST.length)
    for (const item of doc)
      expect(Object.keys(item)).toEqual(['name', 'code', 'type', 'bg_current_location', 'status', 'notes'])
    expect(read().map((r) => r.row)).toEqual(doc.map((_, i) => i + 1))
  })

  it('normalises codes, blank names, statuses and locations, and says so per row', () => {
    expect(
      rows.filter((r) => r.changes.some((c) => c.startsWith('Código'))).map((r) => [r.row, r.code]),
    ).toEqual([
      [12, 'PSLBT-952'],
      [17, 'PSLLV-19-96864'],
      [18, 'PSLLV-19-98011'],
      [19, 'PSLLV-19-96857'],
      [20, 'PSLLV-20-91400'],
      [22, 'PSL-UP-900'],
      [24, 'PSLLV-948'],
    ])
    expect(at(17).changes.join()).toContain('PSLLV- 19-96864')
    // codes without the house prefix keep the type their name gives
    expect([at(3).record?.type, at(23).record?.type]).toEqual(['toilet', 'hand_wash_station'])
    expect(at(21).record).toMatchObject({ name: 'BATERÍA SANITARIA', type: 'toilet', reviewNote: null })
    // OPERATIVO, OPERATIVA and DISPONIBLE are all operative, without remarks; STAND BY is reported
    for (const n of [1, 12, 16, 22]) expect(at(n).changes.concat(at(n).warnings).join()).not.toMatch(/Estado/)
    expect(rows.filter((r) => r.changes.some((c) => c.includes('en espera'))).map((r) => r.row)).toEqual([
      17, 24,
    ])
    // a company and a person in the status field
    expect(at(8).warnings[0]).toContain('HALLIBURTON')
    expect(at(9).warnings[0]).toContain('MARIO TAPIA')
    expect(at(10).record).toMatchObject({ condition: 'operative', location: null })
    expect(at(10).warnings).toHaveLength(2)
    expect(at(12).record?.location).toBe('PEISOL BASE')
    expect(at(13).record?.location).toBe('DONACION CLIENTE EXTERNO')
  })

  it('flags notes about duplicates, doubtful codes and write-offs; other notes are kept as they are', () => {
    const about = (word: string) =>
      rows.filter((r) => r.warnings.some((w) => w.includes(word))).map((r) => r.row)
    expect(about('duplicado')).toEqual([5, 15, 30])
    expect(about('en duda el código')).toEqual([6])
    expect(about('dar de baja')).toEqual([20])
    expect(about('S/N')).toEqual([7])
    // the same note on several units, or a person's name: imported, nothing to review
    for (const n of [21, 25, 26, 27, 28]) expect(at(n).record?.reviewNote).toBeNull()
    expect(at(26).record?.notes).toBe('JOSE VERDESOTO')
    expect(at(24).record?.notes).toBe('HACER LIMPIEZA / DAÑO EN LA PUERTA')
  })
})

describeRealFiles('equipments.json', () => {
  describe('planEquipmentImport', () => {
    equipmentListSuite(realList, {
      units: 255,
      byType: { toilet: 176, hand_wash_station: 77, urinal_station: 2 },
      retired: ['PSLBT-104', 'PSLBT-101'],
      // 37 INDEFINIDO, 14 BUSCAR, 2 company names as status, S/N code, duplicates and doubtful codes in notes
      reviewRows: { atLeast: 53, below: 70 },
      normalisedCodes: ['PSLLV-19-66864', 'PSLBT-152'],
    })

    it('shares no code with the built list (the integration test imports both into one organization)', () => {
      const codes = new Set(planEquipmentImport(legacyListRows(realList()), new Map()).map((r) => r.code))
      const built = planEquipmentImport(legacyListRows(equipmentListJson()), new Map())
      expect(built.filter((r) => codes.has(r.code))).toEqual([])
    })
  })
})
