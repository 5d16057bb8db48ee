/**
 * The bounded spreadsheet reader (apps/server/src/platform/spreadsheet), pure: no database. Builds its inputs
 * (a 50,000-row PUE catalog, the worksheet-first 1.5 M-row hostile workbook, a 1 GB zip bomb) or reads the
 * files given, and reads each in a fresh Node with a 256 MB heap (`test/bounded-read.child.ts`), reporting
 * rows, the refusal, wall time and peak heap/RSS. The import limits apply; `--unlimited` lifts the row, cell
 * and size limits so a hostile file is streamed to its end.
 *   npx tsx bench/workbook-read.ts [--unlimited] [FILE.xlsx …]
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { pueRow, pueWorkbook } from '../apps/server/test/concept-workbooks'
import { worksheetFirstWorkbook, zipBombWorkbook } from '../apps/server/test/fixtures/hostile-xlsx'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CHILD = path.join(ROOT, 'apps/server/test/bounded-read.child.ts')
const args = process.argv.slice(2)
const unlimited = args.includes('--unlimited')
const files = args.filter((a) => !a.startsWith('--'))

const dir = await mkdtemp(path.join(os.tmpdir(), 'faena-bench-read-'))
try {
  const inputs: [label: string, file: string][] = files.map((f) => [path.basename(f), f])
  if (inputs.length === 0) {
    const built: [string, () => Promise<Buffer>][] = [
      [
        'PUE catalog, 50,000 rows × 19 columns',
        async () => pueWorkbook(Array.from({ length: 50_000 }, (_, i) => pueRow(i + 1))),
      ],
      ['worksheet before workbook.xml, 1,500,000 one-cell rows', () => worksheetFirstWorkbook(1_500_000)],
      ['zip bomb, 1 GB declared', async () => zipBombWorkbook(1024)],
      ['zip bomb, 2 GB declaring 90 MB', async () => zipBombWorkbook(2048, { declared: 90 * 1024 * 1024 })],
    ]
    for (const [label, make] of built) {
      const file = path.join(dir, `${inputs.length}.xlsx`)
      await writeFile(file, await make())
      inputs.push([label, file])
    }
  }
  console.log(
    `Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  for (const [label, file] of inputs) {
    const started = performance.now()
    const { stdout } = await run(
      process.execPath,
      ['--max-old-space-size=256', '--import', 'tsx', CHILD, file, unlimited ? 'unlimited' : 'limits'],
      { cwd: ROOT, maxBuffer: 4 * 1024 * 1024 },
    )
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    const r = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
      rows: number
      refusal: { kind: string; limit?: string } | null
      peakHeapMB: number
      peakRssMB: number
    }
    const refusal = r.refusal
      ? `${r.refusal.kind}${r.refusal.limit ? ` (${r.refusal.limit})` : ''}`
      : 'read whole'
    console.log(
      `${label}: ${r.rows.toLocaleString('en-US')} rows, ${refusal}, ${seconds} s (with the child's start), peak heap ${r.peakHeapMB} MB, RSS ${r.peakRssMB} MB`,
    )
  }
} finally {
  await rm(dir, { recursive: true, force: true })
}
