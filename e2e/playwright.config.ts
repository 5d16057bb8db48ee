import os from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'
import { realFixtures } from '../apps/server/test/real-fixtures-dir'
import { findChromium } from './chromium'

const PORT = Number(process.env.E2E_PORT ?? 3210)
const DATA_DIR = path.join(os.tmpdir(), `faena-e2e-${PORT}`)
export const E2E_PASSWORD = 'e2e-demo-password'

/** Debian's chromium, never a downloaded browser (`ensure-chromium.ts` installs it before the run). */
const executablePath = findChromium() ?? '/usr/bin/chromium'

if (!process.env.TEST_WORKER_INDEX) console.log(`e2e ${realFixtures.reason}`)

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.E2E_JSON_REPORT
    ? [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT }]]
    : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // A fresh embedded database for every run, seeded with the demo organizations; the server runs from
    // the bundle test:e2e builds (what npm start runs).
    command: `rm -rf ${DATA_DIR} && faena serve`,
    cwd: path.resolve(import.meta.dirname, '..'),
    url: `http://localhost:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      FAENA_DATA_DIR: DATA_DIR,
      FAENA_DEMO_PASSWORD: E2E_PASSWORD,
      LOG_LEVEL: 'warn',
    },
  },
})
