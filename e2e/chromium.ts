/**
 * The browser of the end-to-end tests is Debian's chromium, never a downloaded build. It is looked for in
 * `CHROMIUM_PATH`, `/usr/bin/chromium`, then `chromium` on PATH.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium'
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, 'chromium'))) return path.join(dir, 'chromium')
  }
  return null
}

/** Installs Debian's chromium with apt-get when running as root; otherwise says what to do. */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium()
  if (found) return found
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file.`)
  }
  const root = process.getuid?.() === 0
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find(isExecutable)
  if (!root || !aptGet) {
    throw new Error(
      "No chromium for the end-to-end tests: install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.",
    )
  }
  const apt = (...args: string[]) => {
    log(`e2e: apt-get ${args.join(' ')}`)
    execFileSync(aptGet, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  }
  log("e2e: no chromium found; installing Debian's chromium package")
  const known = (() => {
    try {
      return /Candidate:\s+(?!\(none\))/.test(
        execFileSync('apt-cache', ['policy', 'chromium'], { encoding: 'utf8' }),
      )
    } catch {
      return false
    }
  })()
  if (!known) apt('update', '-q')
  apt('install', '-y', '-q', '--no-install-recommends', 'chromium')
  const installed = findChromium()
  if (!installed) throw new Error('apt-get installed chromium but no chromium executable was found.')
  return installed
}
