import path from 'node:path'
import { z } from 'zod'

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  FAENA_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  FAENA_DEMO_PASSWORD: z.string().min(8).optional(),
  FAENA_UPLOAD_LIMIT_MB: z.coerce.number().positive().max(1024).default(25),
  FAENA_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  FAENA_PUBLIC_ORIGIN: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  demoPassword: string | undefined
  uploadLimitBytes: number
  secureCookies: boolean
  publicOrigin: string | undefined
  logLevel: string
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.FAENA_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demoPassword: e.FAENA_DEMO_PASSWORD,
    uploadLimitBytes: Math.round(e.FAENA_UPLOAD_LIMIT_MB * 1024 * 1024),
    secureCookies: e.FAENA_SECURE_COOKIES === 'true',
    publicOrigin: e.FAENA_PUBLIC_ORIGIN,
    logLevel: e.LOG_LEVEL,
  }
}
