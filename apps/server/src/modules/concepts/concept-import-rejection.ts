import type { TConceptImportSummary, TImportRejection } from '@faena/contracts'
import { render, type Lang } from '../../platform/i18n/messages'
import { conceptsMessages as M } from './concepts.messages'

/**
 * The 422 of a rejected concepts import (the one import-rejected envelope, docs/imports.md): one row per
 * problem (its sheet, row, field and the row's cells as text), counted once per sheet row in `badRowCount`.
 * The header problem of a file that is not a catalog is row 0. Pure.
 */
export function conceptImportRejection(summary: TConceptImportSummary, lang: Lang = 'es'): TImportRejection {
  const badRowCount = new Set(summary.errors.map((e) => `${e.sheet}\u0000${e.row}`)).size
  return {
    code: 'VALIDATION',
    message: render(
      badRowCount === 1
        ? M.rejectedOneRow({ fileName: summary.fileName })
        : M.rejectedRows({ count: badRowCount, fileName: summary.fileName }),
      lang,
    ),
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
