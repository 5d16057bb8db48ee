/**
 * A text flame summary of a V8 CPU profile (`node --cpu-prof`, e.g. `bench/api-load.ts --cpu-prof DIR`):
 * the functions with the most self time, self time by package, and the total time under frames of interest
 * (`--under`: a function name, or part of `name file:line` as the summary prints it).
 *   npx tsx bench/cpu-profile-summary.ts FILE.cpuprofile [--top 25] [--under name1,name2]
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'

type Node = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, under: { type: 'string' } },
})
const file = positionals[0]
if (!file) {
  console.error('usage: cpu-profile-summary.ts FILE.cpuprofile [--top 25] [--under name1,name2]')
  process.exit(2)
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)

// self time per node from the samples
const self = new Map<number, number>()
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const total = [...self.values()].reduce((a, b) => a + b, 0)

const where = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '')
  const short = url.includes('node_modules/')
    ? url.slice(url.lastIndexOf('node_modules/') + 13)
    : url.replace(/^.*\/(apps|packages)\//, '$1/')
  return `${n.callFrame.functionName || '(anonymous)'} ${short ? `${short}:${n.callFrame.lineNumber + 1}` : ''}`.trim()
}
const bySelf = new Map<string, number>()
for (const [id, us] of self) {
  const key = where(byId.get(id)!)
  bySelf.set(key, (bySelf.get(key) ?? 0) + us)
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`)
console.log(`\ntop self time:`)
for (const [k, us] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`${pct(us)}  ${k}`)

// by package (self time of frames from node_modules/<pkg>, our code, node internals, GC)
const pkgOf = (n: Node) => {
  const url = n.callFrame.url
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/')))
  if (m) return m[1]!
  if (url.includes('/apps/') || url.includes('/packages/')) return '(faena)'
  if (url.startsWith('node:')) return '(node)'
  return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native/other)'
}
const byPkg = new Map<string, number>()
for (const [id, us] of self) {
  const key = pkgOf(byId.get(id)!)
  byPkg.set(key, (byPkg.get(key) ?? 0) + us)
}
console.log(`\nself time by package:`)
for (const [k, us] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(us)}  ${k}`)

// inclusive time under frames whose function name matches
if (values.under) {
  console.log(`\ntime under (inclusive):`)
  for (const name of values.under.split(',')) {
    let us = 0
    for (const [id, t] of self) {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const frame = byId.get(cur)!
        if (frame.callFrame.functionName === name || where(frame).includes(name)) {
          us += t
          break
        }
      }
    }
    console.log(`${pct(us)}  ${name}`)
  }
}
