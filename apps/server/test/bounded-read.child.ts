/**
 * Reads a workbook file with `readRows` and prints what happened as one JSON line: rows read, the refusal
 * (limit, sheet, message) if any, and the peak heap and RSS. The tests run it in a child process with a small
 * heap (`--max-old-space-size=256`): it completing at all shows the read stays bounded.
 * Usage: node --max-old-space-size=256 --import tsx bounded-read.child.ts FILE [limits|unlimited]
 */
import { readFile } from 'node:fs/promises'
import { DEFAULT_IMPORT_LIMITS, ImportLimitError } from '../src/platform/spreadsheet/import-limits'
import { readRows } from '../src/platform/spreadsheet/read-workbook'

const [file = '', mode = 'limits'] = process.argv.slice(2)
const limits =
  mode === 'unlimited'
    ? {
        ...DEFAULT_IMPORT_LIMITS,
        maxRows: 1e9,
        maxCells: 1e9,
        maxPartBytes: 2 ** 31,
        maxTotalBytes: 2 ** 31,
      }
    : DEFAULT_IMPORT_LIMITS
const bytes = await readFile(file)
let rows = 0
let lastRow = 0
let peakHeap = 0
let peakRss = 0
const sample = () => {
  const m = process.memoryUsage()
  peakHeap = Math.max(peakHeap, m.heapUsed)
  peakRss = Math.max(peakRss, m.rss)
}
let refusal: Record<string, unknown> | null = null
try {
  for await (const row of readRows(bytes, { limits })) {
    rows++
    lastRow = row.rowNumber
    if (rows % 10_000 === 0) sample()
  }
} catch (err) {
  refusal =
    err instanceof ImportLimitError
      ? { kind: 'limit', limit: err.limit, where: err.where, message: err.message, details: err.details }
      : { kind: (err as Error).name, message: (err as Error).message }
}
sample()
const MB = 1024 * 1024
process.stdout.write(
  `${JSON.stringify({ rows, lastRow, refusal, peakHeapMB: Math.round(peakHeap / MB), peakRssMB: Math.round(peakRss / MB) })}\n`,
)
