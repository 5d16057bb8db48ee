/**
 * Live volume conversion of the custody-chain form — the same rule as the server
 * (docs/rental-billing.md#volume-conversions):
 * 1 bbl = 42 gal = 0.158987 m³; 1 gal = 0.00378541 m³. The typed value is kept; the other two are derived
 * from it, each rounded once, half-up, to 2 decimals, with exact integer maths (no floating point).
 */
export type VolumeUnit = 'gallons' | 'barrels' | 'cubicMeters'
export type Volumes = Record<VolumeUnit, string>

const VOLUME_RE = /^\d{1,8}(\.\d{1,2})?$/

/** Factor of each conversion as numerator / denominator. */
const FACTOR: Record<VolumeUnit, Record<VolumeUnit, [bigint, bigint]>> = {
  gallons: { gallons: [1n, 1n], barrels: [1n, 42n], cubicMeters: [378_541n, 100_000_000n] },
  barrels: { gallons: [42n, 1n], barrels: [1n, 1n], cubicMeters: [158_987n, 1_000_000n] },
  cubicMeters: { gallons: [100_000_000n, 378_541n], barrels: [1_000_000n, 158_987n], cubicMeters: [1n, 1n] },
}

const toHundredths = (v: string): bigint => {
  const [int = '0', frac = ''] = v.split('.')
  return BigInt(int) * 100n + BigInt(frac.padEnd(2, '0'))
}
const fromHundredths = (h: bigint): string => `${h / 100n}.${String(h % 100n).padStart(2, '0')}`

export const isVolume = (v: string) => VOLUME_RE.test(v.trim())

/** The three volumes from the typed one; null when the typed text is not a volume (≥ 0, ≤ 2 decimals). */
export function convertVolume(unit: VolumeUnit, typed: string): Volumes | null {
  const v = typed.trim()
  if (!VOLUME_RE.test(v)) return null
  const n = toHundredths(v)
  const out = {} as Volumes
  for (const target of ['gallons', 'barrels', 'cubicMeters'] as const) {
    const [num, den] = FACTOR[unit][target]
    // half-up(n × num / den) = floor((2·n·num + den) / (2·den)) for n ≥ 0
    out[target] = fromHundredths((2n * n * num + den) / (2n * den))
  }
  return out
}
