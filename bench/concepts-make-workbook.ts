/**
 * Writes a synthetic concept workbook for the import benchmark.
 *   npx tsx bench/concepts-make-workbook.ts contract 50000 /tmp/catalog-50k.xlsx
 *   npx tsx bench/concepts-make-workbook.ts extraordinary 3000 /tmp/pues-3k.xlsx
 * Contract format: docs/imports.md#contract-workbook (five sub-annex sheets, titles, sections, TOTAL, signatures);
 * PUE format: docs/imports.md#pue-workbook (header in row 1, formula columns without cached values, rich text, odd sheet name).
 */
import { writeFile } from 'node:fs/promises'
import { contractWorkbook, pueRow, pueWorkbook } from '../apps/server/test/concept-workbooks'

const [kind, count, out] = process.argv.slice(2)
const n = Number(count)
if ((kind !== 'contract' && kind !== 'extraordinary') || !Number.isInteger(n) || n < 1 || !out) {
  console.error('usage: concepts-make-workbook.ts contract|extraordinary ROWS OUT.xlsx')
  process.exit(2)
}
const started = performance.now()
const bytes =
  kind === 'contract'
    ? await contractWorkbook({ concepts: n })
    : await pueWorkbook(Array.from({ length: n }, (_, i) => pueRow(i)))
await writeFile(out, bytes)
console.log(
  `${out}: ${kind}, ${n} concepts, ${(bytes.length / 1024).toFixed(0)} KiB, ${Math.round(performance.now() - started)} ms`,
)
