/**
 * Where the real files users import live (contract workbooks, historical work orders, MS Project files,
 * the legacy equipment list). They are not in the repository: every rule is tested on files the tests
 * build (`test/fixtures/`), and the real files are an extra suite that runs only where they exist.
 *
 * `FAENA_REAL_FIXTURES` names the folder; without it, `../shared/fixtures` seen from the repository root
 * (where CI has them) when that folder exists. No vitest import here: the e2e suite and the benchmarks
 * use it too.
 */
import fs from 'node:fs'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../../..')

export interface RealFixtures {
  /** The folder, or null when the suite cannot run. */
  dir: string | null
  /** One line saying where the files were looked for (and why the suite is skipped when it is). */
  reason: string
}

export function locateRealFixtures(env: NodeJS.ProcessEnv = process.env): RealFixtures {
  const configured = env.FAENA_REAL_FIXTURES?.trim()
  const dir = path.resolve(repoRoot, configured || '../shared/fixtures')
  if (fs.existsSync(path.join(dir, 'excel')) || fs.existsSync(path.join(dir, 'msproject'))) {
    return { dir, reason: `real-file suite runs on ${dir}` }
  }
  return {
    dir: null,
    reason: configured
      ? `real-file suite skipped: FAENA_REAL_FIXTURES=${configured} has no excel/ or msproject/ folder`
      : `real-file suite skipped: no ${dir} (set FAENA_REAL_FIXTURES to the folder of the real files)`,
  }
}

export const realFixtures = locateRealFixtures()

/** Path of one real file; only call it inside a suite that runs when `realFixtures.dir` is set. */
export function realFixturePath(relative: string): string {
  if (!realFixtures.dir) throw new Error(realFixtures.reason)
  return path.join(realFixtures.dir, relative)
}

/** Title prefix of every real-file suite: `.ci/run` counts the tests under it. */
export const REAL_FILES_TITLE = 'real files'
