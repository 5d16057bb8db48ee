import { describe, expect, it } from 'vitest'
import { toCsv } from './feed-dataset'

describe('toCsv', () => {
  const columns = [
    { key: 'code', header: 'Clave' },
    { key: 'name', header: 'Descripción' },
    { key: 'amount', header: 'Importe' },
  ]

  it('writes a header, quotes only what needs it, and keeps exact decimals', () => {
    const csv = toCsv(columns, [
      { code: 'A-1', name: 'Inspección, "submarina"', amount: '1234567.89' },
      { code: 'B-2', name: 'dos\nlíneas', amount: null },
      { code: ' C', name: 'Normal', amount: 3 },
    ])
    expect(csv).toBe(
      '\uFEFFClave,Descripción,Importe\r\n' +
        'A-1,"Inspección, ""submarina""",1234567.89\r\n' +
        'B-2,"dos\nlíneas",\r\n' +
        '" C",Normal,3\r\n',
    )
  })

  it('writes only the header for no rows', () => {
    expect(toCsv(columns, [])).toBe('\uFEFFClave,Descripción,Importe\r\n')
  })
})
