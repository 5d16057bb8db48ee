/**
 * Native `.mpp` parsing (apps/server/src/modules/schedules/mpp), pure: no database. Times every `.mpp` of the
 * real-file corpus (`mpp/` under FAENA_REAL_FIXTURES) and built files of growing size, and reports time per
 * file and per task, and memory: the peak RSS of one parse in a process of its own (the largest corpus file and
 * every built file), against the file's size.
 *   npx tsx bench/mpp-parse.ts [--runs 5] [--synthetic 1000,5000,20000]
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parseMpp } from '../apps/server/src/modules/schedules'
import { buildMpp, type TestTask } from '../apps/server/test/fixtures/mpp'
import { realFixtures } from '../apps/server/test/real-fixtures-dir'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    synthetic: { type: 'string', default: '1000,5000,20000' },
    /** internal: parse FILE once in this process and print its memory as JSON */
    child: { type: 'string' },
  },
})
const runs = Math.max(1, Number(values.runs))
const mb = (n: number) => (n / 1024 / 1024).toFixed(1)

if (values.child) {
  const bytes = fs.readFileSync(values.child)
  const before = process.memoryUsage().rss
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  let tasks: number
  try {
    tasks = parseMpp(bytes).tasks.length
  } catch {
    tasks = 0
  }
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  // maxRSS (KiB) is the process's peak; the parse is the only work after `before`
  const peak = process.resourceUsage().maxRSS * 1024
  console.log(JSON.stringify({ before, peak, tasks, ms, cpuMs: (cpu.user + cpu.system) / 1000 }))
  process.exit(0)
}

/**
 * One parse of `file` in a fresh process (nothing compiled yet, as the first upload after a start): its time
 * (wall and CPU) and its peak RSS, as growth over the RSS the process had before parsing.
 */
function parseMemory(file: string, size: number): string {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', file], {
    encoding: 'utf8',
  })
  const line = r.stdout.trim().split('\n').pop() ?? ''
  if (r.status !== 0 || !line.startsWith('{'))
    return `memory: child failed (${r.stderr.trim().slice(0, 200)})`
  const m = JSON.parse(line) as { before: number; peak: number; ms: number; cpuMs: number }
  const growth = Math.max(0, m.peak - m.before)
  return (
    `first parse in a fresh process ${m.ms.toFixed(0)} ms (${m.cpuMs.toFixed(0)} ms CPU), ` +
    `its peak RSS +${mb(growth)} MiB (${(growth / size).toFixed(1)}× the file)`
  )
}

function findMpp(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? findMpp(p) : e.name.endsWith('.mpp') ? [p] : []
  })
}

/** best-of-N wall time of one parse, ms */
function time(bytes: Buffer): { ms: number; tasks: number } {
  let best = Infinity
  let tasks = 0
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    try {
      tasks = parseMpp(bytes).tasks.length
    } catch {
      tasks = 0
    }
    best = Math.min(best, performance.now() - t0)
  }
  return { ms: best, tasks }
}

let peakRss = process.memoryUsage().rss
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss))
const baseRss = peakRss

// warm-up (JIT)
for (let i = 0; i < 20; i++) parseMpp(buildMpp({ tasks: [{ uid: 1, id: 1, name: 'x', level: 1 }] }))

const files = realFixtures.dir ? findMpp(path.join(realFixtures.dir, 'mpp')) : []
if (files.length > 0) {
  let totalMs = 0
  let totalTasks = 0
  let totalBytes = 0
  let worst = { ms: 0, file: '' }
  let largest = { size: 0, file: '' }
  for (const f of files) {
    const bytes = fs.readFileSync(f)
    const r = time(bytes)
    sample()
    totalMs += r.ms
    totalTasks += r.tasks
    totalBytes += bytes.length
    if (r.ms > worst.ms) worst = { ms: r.ms, file: path.relative(realFixtures.dir!, f) }
    if (bytes.length > largest.size) largest = { size: bytes.length, file: f }
  }
  console.log(
    `corpus: ${files.length} files, ${mb(totalBytes)} MiB, ${totalTasks} tasks; ` +
      `${(totalMs / files.length).toFixed(2)} ms/file, ${((totalMs / Math.max(1, totalTasks)) * 1000).toFixed(1)} µs/task; ` +
      `slowest ${worst.ms.toFixed(2)} ms (${worst.file})`,
  )
  console.log(
    `largest corpus file ${path.relative(realFixtures.dir!, largest.file)} (${mb(largest.size)} MiB): ` +
      parseMemory(largest.file, largest.size),
  )
} else {
  console.log(`corpus: skipped (${realFixtures.reason})`)
}

for (const n of values.synthetic
  .split(',')
  .map(Number)
  .filter((x) => x > 0)) {
  const tasks: TestTask[] = Array.from({ length: n }, (_, i) => ({
    uid: i + 1,
    id: i + 1,
    name: `Tarea ${i + 1} — soldadura de la línea ${i % 97}`,
    level: i % 10 === 0 ? 1 : 2,
    text1: `Frente ${i % 7}`,
    number1: i % 13,
  }))
  const links = tasks.slice(1).map((t) => ({ pred: t.uid - 1, succ: t.uid, lag: 4800, lagFormat: 7 }))
  const bytes = buildMpp({ tasks, links, aliases: { number1: 'Pond.' } })
  const r = time(bytes)
  sample()
  const file = path.join(os.tmpdir(), `faena-bench-mpp-${process.pid}-${n}.mpp`)
  fs.writeFileSync(file, bytes)
  const memory = parseMemory(file, bytes.length)
  fs.rmSync(file, { force: true })
  console.log(
    `synthetic ${n} tasks + ${links.length} links (${mb(bytes.length)} MiB): ${r.ms.toFixed(1)} ms, ` +
      `${((r.ms / n) * 1000).toFixed(1)} µs/task; ${memory}`,
  )
}
console.log(
  `this process: peak RSS ${mb(peakRss)} MiB (start ${mb(baseRss)} MiB, most of it building files); ` +
    `best of ${runs} runs per file`,
)
