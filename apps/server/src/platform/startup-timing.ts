/**
 * `FAENA_STARTUP_TIMING=1` prints how long each start-up phase took, counted from the process start
 * (module loading included), with the CPU the process had used by then (the machines are shared: on a busy
 * one the wall time says more about the machine): `startup: migrated 2.31 s (cpu 1.92 s)`.
 * bench/startup.ts reads these lines.
 */
const enabled = process.env.FAENA_STARTUP_TIMING === '1'

export function startupMark(label: string): void {
  if (!enabled) return
  const cpu = process.cpuUsage()
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  console.log(`startup: ${label} ${(performance.now() / 1000).toFixed(2)} s (cpu ${cpuSeconds.toFixed(2)} s)`)
}
