import net from 'node:net'
import { defineConfig } from 'vitest/config'
import { realFixtures } from './apps/server/test/real-fixtures-dir'

/** Is a PostgreSQL server listening (TEST_DATABASE_URL or the local one)? Then integration tests run on it too. */
async function postgresReachable(): Promise<boolean> {
  if (process.env.FAENA_TEST_POSTGRES === 'off') return false
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 5432) })
    socket.setTimeout(1000)
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
  })
}

export default defineConfig(async () => {
  console.log(realFixtures.reason)
  const integration = (db: 'pglite' | 'postgres') => ({
    test: {
      name: `integration-${db}`,
      include: ['apps/server/**/*.int.test.ts'],
      environment: 'node',
      globalSetup: ['apps/server/test/global-setup.ts'],
      env: { FAENA_TEST_DB: db },
      testTimeout: 60_000,
      hookTimeout: 120_000,
      pool: 'forks' as const,
      maxWorkers: 2,
    },
  })
  const jsonReport = process.env.VITEST_JSON_REPORT
  return {
    test: {
      reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
      projects: [
        {
          test: {
            name: 'unit',
            include: ['apps/**/*.test.ts', 'packages/**/*.test.ts'],
            // the web's tests (apps/web) run in the `web` project, in a DOM
            exclude: ['**/*.int.test.ts', '**/node_modules/**', 'apps/web/**'],
            environment: 'node',
            // generous: CI machines are shared, and the property and workbook tests do real work
            testTimeout: 30_000,
          },
        },
        {
          test: {
            name: 'web',
            include: ['apps/web/**/*.test.ts', 'apps/web/**/*.test.tsx'],
            exclude: ['**/node_modules/**'],
            environment: 'jsdom',
            setupFiles: ['apps/web/src/test/setup.ts'],
            testTimeout: 30_000,
          },
        },
        integration('pglite'),
        ...((await postgresReachable()) ? [integration('postgres')] : []),
      ],
    },
  }
})
