import net from 'node:net'
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
  /** 32 bytes in base64 that seal the secrets the server keeps; unset: `<data folder>/secret.key` */
  FAENA_SECRET_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FAENA_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const list = parseTrustProxy(v)
      if (typeof list === 'string') ctx.addIssue({ code: 'custom', message: list })
      return typeof list === 'string' ? [] : list
    }),
})

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/**
 * `FAENA_TRUST_PROXY`: the reverse proxies whose `X-Forwarded-For` tells the client's address, as
 * addresses, CIDR ranges or `loopback`/`linklocal`/`uniquelocal`, comma-separated. Unset: no proxy is
 * trusted and the client is the connection's peer. A message when an entry is not one of those.
 */
export function parseTrustProxy(value: string | undefined): string[] | string {
  const entries = (value ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
  for (const e of entries) {
    const [addr, bits, extra] = e.split('/')
    const family = net.isIP(addr ?? '')
    const validBits =
      bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32))
    if (!PROXY_NAMES.has(e) && (extra !== undefined || family === 0 || !validBits)) {
      return `"${e}" is not an address, a CIDR range or loopback/linklocal/uniquelocal`
    }
  }
  return entries
}

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
  /** addresses/ranges of trusted reverse proxies (Fastify `trustProxy`); empty: none */
  trustProxy: string[]
  /** FAENA_SECRET_KEY as given (secret-box.ts reads it, or the data folder's key when unset) */
  secretKey: string | undefined
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
    trustProxy: e.FAENA_TRUST_PROXY,
    secretKey: e.FAENA_SECRET_KEY || undefined,
  }
}
