import type { TConceptImportSummary, TImportRejection } from '@faena/contracts'

/**
 * The 422 of a rejected concepts import (the one import-rejected envelope, docs/imports.md): one row per
 * problem (its sheet, row, field and the row's cells as text), counted once per sheet row in `badRowCount`.
 * The header problem of a file that is not a catalog is row 0. Pure.
 */
export function conceptImportRejection(summary: TConceptImportSummary): TImportRejection {
  const badRowCount = new Set(summary.errors.map((e) => `${e.sheet}\u0000${e.row}`)).size
  return {
    code: 'VALIDATION',
    message: `${badRowCount} ${badRowCount === 1 ? 'fila' : 'filas'} con errores en ${summary.fileName}; no se guardó nada. Corrige el archivo y vuelve a importarlo.`,
    details: {
      fileName: summary.fileName,
      reason: 'rows',
      rows: summary.errors.map((e) => ({
        sheet: e.sheet,
        row: e.row,
        field: e.field,
        messages: [e.message],
        ...(e.values ? { values: e.values } : {}),
      })),
      badRowCount,
      validRowCount: summary.validRows,
    },
  }
}
