import { screen, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'
import type { TImportRejected } from '@faena/contracts'
import { renderInApp, setupI18n } from '../../test/render'
import { ApiError } from '../api'
import { ImportRejectedRows, importRejection } from './import-rejected'
import { ToastProvider } from './toast'

const body: TImportRejected = {
  error: {
    code: 'VALIDATION',
    message: '2 filas con errores',
    requestId: 'req-1',
    details: {
      fileName: 'anexo.xlsx',
      reason: 'rows',
      rows: [
        {
          sheet: 'C-9',
          row: 10,
          field: 'unit',
          messages: ["La unidad 'BARRIL' no existe"],
          values: { PARTIDA: '9.1.' },
        },
        { sheet: 'C-9', row: 12, messages: ['Sin partida', 'Sin precio'] },
      ],
      badRowCount: 3,
      validRowCount: 5,
    },
  },
}
const rejected = (status: number, answer: unknown) =>
  new ApiError({ code: 'VALIDATION', message: 'x', status, body: answer })

describe('import rejected', () => {
  beforeAll(async () => {
    await setupI18n('es')
  })

  it('reads the one 422 shape from ApiError.body, and nothing else', () => {
    expect(importRejection(rejected(422, body))).toEqual(body.error)
    expect(importRejection(rejected(400, body))).toBeUndefined()
    expect(importRejection(rejected(422, { error: { code: 'VALIDATION', message: 'x' } }))).toBeUndefined()
    expect(importRejection(new Error('x'))).toBeUndefined()
  })

  it('lists every row with its sheet, field, the import’s columns and every problem; CSV when no workbook', async () => {
    await renderInApp(
      <ToastProvider>
        <ImportRejectedRows
          rejection={body.error}
          caption="Filas con errores"
          fieldLabel={(f) => (f === 'unit' ? 'Unidad' : f)}
          columns={[{ header: 'Partida', cell: (r) => r.values?.PARTIDA ?? '—' }]}
        />
      </ToastProvider>,
    )
    const table = screen.getByRole('table', { name: 'Filas con errores' })
    const rows = within(table).getAllByRole('row')
    expect(rows.map((r) => r.textContent)).toEqual([
      'HojaFilaCampoPartidaProblema',
      "C-910Unidad9.1.La unidad 'BARRIL' no existe",
      'C-912—Sin partidaSin precio',
    ])
    expect(screen.getByRole('button', { name: 'Descargar las filas con errores (CSV)' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Descargar archivo con observaciones' })).toBeNull()
  })

  it('offers the error workbook when the server wrote one', async () => {
    const withWorkbook = {
      ...body.error,
      details: {
        ...body.error.details,
        sheet: 'ANEXO C',
        errorWorkbookFileId: '0b7c1f5e-1c1a-4c47-9d7e-2a3c4e5f6a7b',
        errorWorkbookFileName: 'Errores.xlsx',
      },
    }
    await renderInApp(
      <ToastProvider>
        <ImportRejectedRows rejection={withWorkbook} caption="Observaciones" />
      </ToastProvider>,
    )
    expect(screen.getByRole('button', { name: 'Descargar archivo con observaciones' })).toBeTruthy()
    // one sheet for the whole table: no sheet column
    expect(screen.queryByRole('columnheader', { name: 'Hoja' })).toBeNull()
  })
})
