/**
 * `FAENA_STARTUP_TIMING=1` prints how long each start-up phase took, counted from the process start
 * (module loading included): `startup: migrated 2.31 s`. bench/startup.ts reads these lines.
 */
const enabled = process.env.FAENA_STARTUP_TIMING === '1'

export function startupMark(label: string): void {
  if (enabled) console.log(`startup: ${label} ${(performance.now() / 1000).toFixed(2)} s`)
}
