import type ExcelJSModule from 'exceljs'

let loading: Promise<typeof ExcelJSModule> | undefined

/**
 * ExcelJS, loaded on the first workbook written rather than at start-up (it is the heaviest library the
 * server loads: over a second and tens of MB before the first request; bench/README.md, start-up).
 */
export const loadExcelJS = (): Promise<typeof ExcelJSModule> =>
  (loading ??= import('exceljs').then((m) => m.default))
