import { describe, expect, it } from 'vitest'
import { diffAnnexC } from './annex-c-diff'
import { asLine, conceptItem, dec, linesOfFile, rowValues, storedDiff, versionTotals } from './annex-c-lines'
import type { AnnexCColumn, AnnexCRow } from './annex-c-parser'
import type * as repo from './work-order-concepts.repository'

const row = (over: Partial<AnnexCRow>): AnnexCRow => ({
  rowNumber: 5,
  position: 1,
  annex: 'C-1',
  code: 'A.1',
  description: 'Suministro de tubería',
  unitRaw: 'm',
  unitId: 'u-m',
  unitKey: 'M',
  authorizedVolume: '10.5',
  unitPriceMxn: '100.25',
  unitPriceUsd: '0',
  priceSource: { mxn: 'catalog', usd: 'file' },
  plannedByDay: { '2026-01-02': '5', '2026-01-03': '5.5' },
  conceptRef: { id: 'c-1', code: 'A.1', description: 'Suministro de tubería', annex: 'C-1' },
  ...over,
})

describe('lines of a version', () => {
  it('a read row becomes the stored line and the line the diff compares', () => {
    const [line] = linesOfFile({ rows: [row({ ok: true })] })
    expect(line).toEqual({
      position: 1,
      row_number: 5,
      concept_id: 'c-1',
      annex: 'C-1',
      code: 'A.1',
      description: 'Suministro de tubería',
      unit_id: 'u-m',
      unit_key: 'M',
      authorized_volume: '10.5',
      unit_price_mxn: '100.25',
      unit_price_usd: '0',
      price_source_mxn: 'catalog',
      price_source_usd: 'file',
      ok: true,
      plannedByDay: { '2026-01-02': '5', '2026-01-03': '5.5' },
    })
    expect(linesOfFile({ rows: [row({})] })[0]!.ok).toBeNull()
    expect(asLine(line!)).toEqual({
      annex: 'C-1',
      code: 'A.1',
      description: 'Suministro de tubería',
      unitKey: 'M',
      volume: '10.5',
      priceMxn: '100.25',
      priceUsd: '0',
      plannedByDay: { '2026-01-02': '5', '2026-01-03': '5.5' },
    })
  })

  it('totals are exact sums of volume × price per currency, with the count of planned days', () => {
    const lines = linesOfFile({
      rows: [
        row({}),
        row({
          position: 2,
          authorizedVolume: '0.1',
          unitPriceMxn: '0.2',
          unitPriceUsd: '3.333333',
          plannedByDay: {},
        }),
        row({
          position: 3,
          authorizedVolume: '123456789012.123',
          unitPriceMxn: '99999.99',
          unitPriceUsd: '',
        }),
      ],
    })
    expect(versionTotals(lines)).toEqual({
      // 10.5 × 100.25 + 0.1 × 0.2 + 123456789012.123 × 99999.99
      mxn: '12345677666645462.52377',
      usd: '0.3333333',
      plannedDayCount: 4,
    })
    expect(versionTotals([])).toEqual({ mxn: '0', usd: '0', plannedDayCount: 0 })
  })

  it('a line in force shows plain decimals, its amounts and its planned volume per day', () => {
    const stored = {
      id: 'l-1',
      position: 1,
      concept_id: 'c-1',
      annex: 'C-1',
      code: 'A.1',
      description: 'Suministro',
      unit_key: 'M',
      authorized_volume: '10.5000',
      unit_price_mxn: '100.2500',
      unit_price_usd: '2.0000',
      ok: null,
    } as repo.ConceptLineRow
    expect(conceptItem(stored, { '2026-01-02': '5.000' })).toEqual({
      id: 'l-1',
      position: 1,
      conceptId: 'c-1',
      annex: 'C-1',
      code: 'A.1',
      description: 'Suministro',
      unitKey: 'M',
      authorizedVolume: '10.5',
      unitPriceMxn: '100.25',
      unitPriceUsd: '2',
      amountMxn: '1052.625',
      amountUsd: '21',
      ok: null,
      plannedByDay: { '2026-01-02': '5' },
    })
    expect(dec('').toFixed()).toBe('0')
    expect(dec(null).toFixed()).toBe('0')
  })
})

describe('the stored diff', () => {
  it('keeps the lines without their planned volumes, names the base version and only the changes there are', () => {
    const before = linesOfFile({ rows: [row({}), row({ code: 'B.1', description: 'Otra' })] }).map(asLine)
    const after = linesOfFile({
      rows: [row({ authorizedVolume: '11' }), row({ code: 'C.1', description: 'Nueva' })],
    }).map(asLine)
    const diff = storedDiff(diffAnnexC(before, after), { id: 'imp-1', version: 3 })
    expect(diff.baseImportId).toBe('imp-1')
    expect(diff.baseVersion).toBe(3)
    expect(diff.added).toEqual([
      {
        annex: 'C-1',
        code: 'C.1',
        description: 'Nueva',
        unitKey: 'M',
        volume: '10.5',
        priceMxn: '100.25',
        priceUsd: '0',
      },
    ])
    expect(diff.removed.map((l) => l.code)).toEqual(['B.1'])
    expect(diff.changed).toHaveLength(1)
    const [changed] = diff.changed
    expect(changed!.volume).toBeDefined()
    expect('priceMxn' in changed!).toBe(false)
    expect('unit' in changed!).toBe(false)
    expect('plannedByDay' in changed!.after).toBe(false)
    expect(storedDiff(diffAnnexC([], after), null)).toMatchObject({ baseImportId: null, baseVersion: null })
  })
})

describe('a rejected row as the user sees it', () => {
  const col = (index: number, role: AnnexCColumn['role'], raw: AnnexCColumn['raw'], label: string) =>
    ({ index, role, raw, label, date: null }) as AnnexCColumn

  it('names cells by header as the file writes it, dates as dates, repeated headers by column, no unnamed columns', () => {
    const columns = [
      col(0, 'code', ' Partida ', 'PARTIDA'),
      col(1, 'description', null, 'CONCEPTO'),
      col(2, 'date', new Date('2026-01-02T00:00:00Z'), '02/01/2026'),
      col(3, 'unnamed', null, ''),
      col(4, 'code', 'Partida', 'PARTIDA'),
    ]
    expect(rowValues(columns, ['A.1', new Date('2026-01-05T00:00:00Z'), 5, 'x', null])).toEqual({
      Partida: 'A.1',
      CONCEPTO: '2026-01-05',
      '02/01/2026': '5',
      'Partida (5)': null,
    })
  })
})
