/**
 * Writes a concept workbook for the import benchmark.
 *   npx tsx bench/concepts-make-workbook.ts contract /tmp/anexo-c.xlsx                # the built contract workbook
 *   npx tsx bench/concepts-make-workbook.ts contract 50000 /tmp/catalog-50k.xlsx
 *   npx tsx bench/concepts-make-workbook.ts extraordinary 3000 /tmp/pues-3k.xlsx
 * Without ROWS (contract only): the small workbook the tests build in the layout of the client's real one,
 * every quirk included (test/fixtures/contract-workbook.ts, 165 concepts). With ROWS, a synthetic catalog:
 * contract format docs/imports.md#contract-workbook (five sub-annex sheets, titles, sections, TOTAL, signatures);
 * PUE format docs/imports.md#pue-workbook (header in row 1, formula columns without cached values, rich text, odd sheet name).
 */
import { writeFile } from 'node:fs/promises'
import { contractWorkbook, pueRow, pueWorkbook } from '../apps/server/test/concept-workbooks'
import { contractWorkbookFixture } from '../apps/server/test/fixtures/contract-workbook'

const args = process.argv.slice(2)
const [kind, count, out] = args.length === 2 && args[0] === 'contract' ? [args[0], undefined, args[1]] : args
const n = count === undefined ? null : Number(count)
if (
  (kind !== 'contract' && kind !== 'extraordinary') ||
  (n !== null && (!Number.isInteger(n) || n < 1)) ||
  (n === null && kind !== 'contract') ||
  !out
) {
  console.error('usage: concepts-make-workbook.ts contract [ROWS] OUT.xlsx | extraordinary ROWS OUT.xlsx')
  process.exit(2)
}
const started = performance.now()
const bytes =
  n === null
    ? await contractWorkbookFixture()
    : kind === 'contract'
      ? await contractWorkbook({ concepts: n })
      : await pueWorkbook(Array.from({ length: n }, (_, i) => pueRow(i)))
await writeFile(out, bytes)
console.log(
  `${out}: ${kind}, ${n ?? 'the built contract workbook, 165'} concepts, ${(bytes.length / 1024).toFixed(0)} KiB, ${Math.round(performance.now() - started)} ms`,
)
