/**
 * Exact decimal arithmetic on decimal strings for the grid's live figures (sums of volumes, volume × price):
 * BigInt with a scale, no JS floating point. The server recomputes everything on save.
 */
type Scaled = { n: bigint; s: number }

const parse = (v: string): Scaled => {
  const m = /^(-?)(\d*)(?:\.(\d+))?$/.exec(v.trim())
  if (!m) return { n: 0n, s: 0 }
  const frac = m[3] ?? ''
  const n = BigInt(`${m[2] || '0'}${frac}`)
  return { n: m[1] ? -n : n, s: frac.length }
}
const align = (a: Scaled, b: Scaled): [bigint, bigint, number] => {
  const s = Math.max(a.s, b.s)
  return [a.n * 10n ** BigInt(s - a.s), b.n * 10n ** BigInt(s - b.s), s]
}
const format = ({ n, s }: Scaled): string => {
  const neg = n < 0n
  let digits = (neg ? -n : n).toString().padStart(s + 1, '0')
  let out = s ? `${digits.slice(0, -s)}.${digits.slice(-s)}` : digits
  if (s) out = out.replace(/\.?0+$/, '')
  digits = out
  return neg && digits !== '0' ? `-${digits}` : digits
}

export const dAdd = (a: string, b: string): string => {
  const [x, y, s] = align(parse(a), parse(b))
  return format({ n: x + y, s })
}
export const dSub = (a: string, b: string): string => dAdd(a, b.startsWith('-') ? b.slice(1) : `-${b}`)
export const dMul = (a: string, b: string): string => {
  const x = parse(a)
  const y = parse(b)
  return format({ n: x.n * y.n, s: x.s + y.s })
}
export const dCmp = (a: string, b: string): number => {
  const [x, y] = align(parse(a), parse(b))
  return x < y ? -1 : x > y ? 1 : 0
}
export const dSum = (xs: readonly string[]): string => xs.reduce(dAdd, '0')
