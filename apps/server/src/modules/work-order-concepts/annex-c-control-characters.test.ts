import { describe, expect, it } from 'vitest'
import { annexCWorkbook } from '../../../test/annex-c-workbooks'
import { createAnnexCCatalog, parseAnnexC } from './annex-c-parser'

/** Excel's `_x0002_` (U+0002) and a literal C1 control character in a per-OT Anexo C: rows kept, one warning each. */
describe('Anexo C: control characters in the text', () => {
  const catalog = createAnnexCCatalog({
    units: [{ id: 'u1', key: 'PIEZA', description: 'Pieza' }],
    concepts: [
      {
        id: 'c1',
        code: '2.1',
        description: 'SUMINISTRO DE TUBERÍA',
        unitId: 'u1',
        annex: 'C-2',
        priceMxn: '100',
        priceUsd: '0',
      },
      {
        id: 'c2',
        code: '2.2',
        description: 'INSTALACIÓN DE TUBERÍA',
        unitId: 'u1',
        annex: 'C-2',
        priceMxn: '50',
        priceUsd: '0',
      },
    ],
  })

  it('decodes, drops and counts them; the lines are read as the catalog has them', async () => {
    const bytes = await annexCWorkbook([
      { annex: 'C-2', code: '2.1', description: 'SUMINISTRO DE_x0002_ TUBERÍA', unit: 'PIEZA', volume: 3 },
      { annex: 'C-2', code: '2.2', description: 'INSTALACIÓN\u0085 DE TUBERÍA', unit: 'PIEZA', volume: 4 },
    ])
    const parsed = await parseAnnexC(bytes, { catalog })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.rows.map((r) => r.conceptRef.id)).toEqual(['c1', 'c2'])
    expect(parsed.controlCharacters).toBe(2)
    expect(parsed.warnings).toEqual([
      `Fila ${parsed.headerRowNumber + 1}: Se eliminó 1 carácter de control del texto de la fila (la fila se importa)`,
      `Fila ${parsed.headerRowNumber + 2}: Se eliminó 1 carácter de control del texto de la fila (la fila se importa)`,
    ])
  })
})
