/**
 * Start-up of the embedded server, as a new user meets it.
 *
 *   npx tsx bench/startup.ts [--runs 3] [--npm-start]
 *
 * Each run, on a new empty data folder, as a new user meets it (no FAENA_DEMO_PASSWORD: a generated one):
 * - first start: `faena serve` (or the whole `npm start`, web build included, with --npm-start) until
 *   `/api/health` and `/` answer; the server's own phase timings (FAENA_STARTUP_TIMING=1) are printed;
 * - RSS of the server process 10 s after it answered, and idle: 90 s after (V8 gives back the start's
 *   garbage only once the process has been idle a while);
 * - restart on the same folder until `/api/health` answers.
 * The server is the node process itself (spawned with this Node), so RSS is the server's alone; the CPU
 * seconds it and its finished children used until `/api/health` answered are printed beside each time (wall time on a busy machine
 * says more about the machine than about Faena).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, 'npm-start': { type: 'boolean', default: false } },
})
const runs = Number(values.runs)
const repoRoot = path.resolve(import.meta.dirname, '..')
const bin = path.join(repoRoot, 'apps/server/bin/faena.mjs')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * CPU seconds (user + system) the process and its finished children (the embedded database's creation, the
 * web build) have used so far, or its finished children only (`own: false`): a figure a busy machine does not
 * inflate much.
 */
function cpuSeconds(pid: number | 'self', { own = true } = {}): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (own ? [11, 12, 13, 14] : [13, 14]).reduce((sum, i) => sum + Number(fields[i]), 0) / 100
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

/** The node process serving on `port` among `root` and its descendants. */
function serverPid(root: number): number {
  const children = (pid: number): number[] => {
    try {
      return fs
        .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number)
    } catch {
      return []
    }
  }
  const queue = [root]
  let found = root
  while (queue.length) {
    const pid = queue.shift()!
    const cmd = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : ''
    // the node process running the bin (npm start goes through npm and a shell first)
    const argv = cmd.split('\0')
    const isServer =
      /node$/.test(argv[0] ?? '') &&
      argv.some((a) => /faena(\.mjs)?$/.test(a)) &&
      argv.some((a) => a === 'serve' || a === 'start')
    if (isServer) found = pid
    queue.push(...children(pid))
  }
  return found
}

async function waitFor(url: string, child: ChildProcess, since: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const res = await fetch(url)
      if (res.ok) return (performance.now() - since) / 1000
    } catch {
      // not listening yet
    }
    await sleep(25)
  }
}

async function start(dataDir: string, port: number, npmStart: boolean) {
  const env = {
    ...process.env,
    PORT: String(port),
    FAENA_DATA_DIR: dataDir,
    FAENA_STARTUP_TIMING: '1',
    LOG_LEVEL: 'warn',
  }
  const since = performance.now()
  const child = npmStart
    ? spawn('npm', ['start'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true })
    : spawn(process.execPath, [bin, 'serve'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  const health = await waitFor(`http://127.0.0.1:${port}/api/health`, child, since)
  const cpu = cpuSeconds(serverPid(child.pid!))
  const page = await waitFor(`http://127.0.0.1:${port}/`, child, since)
  return { child, health, cpu, page, output: () => out }
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r))
  if (child.spawnargs[0] === 'npm') process.kill(-child.pid!, 'SIGTERM')
  else child.kill('SIGTERM')
  await exited
}

/**
 * The floor under the first start: PGlite creating a new cluster (initdb) on its own, as the server's child
 * process does it, and opening it again (a restart's database open), timed and with their CPU seconds.
 */
async function pgliteFloor() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-bench-initdb-'))
  // this process's finished children only: the PGlite runs below
  const childCpu = () => cpuSeconds('self', { own: false })
  const run = async (script: string, args: string[]) => {
    const cpu0 = childCpu()
    const t0 = performance.now()
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' })
    await new Promise((resolve) => child.once('exit', resolve))
    return `${((performance.now() - t0) / 1000).toFixed(2)} s (${(childCpu() - cpu0).toFixed(1)} s CPU)`
  }
  const conf = JSON.stringify(['shared_buffers = 16MB'])
  const create = await run(path.join(repoRoot, 'apps/server/src/platform/db/embedded-init-child.mjs'), [
    path.join(dir, 'pglite'),
    conf,
  ])
  const open = await run(path.join(repoRoot, 'apps/server/src/platform/db/embedded-init-child.mjs'), [
    path.join(dir, 'pglite'),
    conf,
  ])
  fs.rmSync(dir, { recursive: true, force: true })
  console.log(`PGlite alone: new cluster (initdb) ${create}; open it again and close ${open}`)
}
await pgliteFloor()

const rows: string[] = []
for (let run = 1; run <= runs; run++) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-bench-start-'))
  const port = 3900 + run
  const first = await start(dataDir, port, values['npm-start'])
  const phases = first
    .output()
    .split('\n')
    .filter((l) => l.startsWith('startup:'))
    .join('; ')
  const rssOf = async (child: ChildProcess) => {
    await sleep(10_000)
    const early = rssMb(serverPid(child.pid!))
    await sleep(80_000)
    return `${early} → ${rssMb(serverPid(child.pid!))} MB`
  }
  const idle = await rssOf(first.child)
  await stop(first.child)
  const again = await start(dataDir, port, false)
  const idleAgain = await rssOf(again.child)
  await stop(again.child)
  fs.rmSync(dataDir, { recursive: true, force: true })
  const load = os.loadavg()[0]!.toFixed(1)
  rows.push(
    `| ${run} | ${first.health.toFixed(2)} s (${first.cpu.toFixed(1)} s CPU) | ${first.page.toFixed(2)} s | ${idle} | ${again.health.toFixed(2)} s (${again.cpu.toFixed(1)} s CPU) | ${idleAgain} | ${load} |`,
  )
  console.log(`run ${run}: ${phases}`)
}
console.log(
  `\n${values['npm-start'] ? '`npm start`' : '`faena serve`'}, ${runs} runs\n\n| run | first start → /api/health | → / | RSS at 10 s → 90 s | restart → /api/health | RSS at 10 s → 90 s | load |\n| --- | --- | --- | --- | --- | --- | --- |`,
)
for (const r of rows) console.log(r)
