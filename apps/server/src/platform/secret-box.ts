import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Secrets the server must use again later but must not keep in clear (an organization's SMTP password):
 * sealed with AES-256-GCM under the server's key. The key comes from `FAENA_SECRET_KEY` (32 bytes, base64)
 * or, when it is not set, from `<data folder>/secret.key`, written on the first start (mode 0600).
 * A sealed value is `v1.<iv>.<tag>.<ciphertext>` in base64url; tampering with any part fails to open.
 */
export type SecretBox = {
  seal: (plain: string) => string
  open: (sealed: string) => string
}

const KEY_BYTES = 32
const IV_BYTES = 12

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES)
    throw new Error(`the secret key must be ${KEY_BYTES} bytes, not ${key.length}`)
  return {
    seal(plain) {
      const iv = crypto.randomBytes(IV_BYTES)
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return ['v1', iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.')
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined)
        throw new Error('not a sealed secret')
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      )
    },
  }
}

/** The server's key: `FAENA_SECRET_KEY` when set, else the data folder's `secret.key` (created once). */
export function loadSecretKey(opts: { envKey: string | undefined; dataDir: string }): Buffer {
  if (opts.envKey) {
    const key = Buffer.from(opts.envKey, 'base64')
    if (key.length !== KEY_BYTES)
      throw new Error(`FAENA_SECRET_KEY must be ${KEY_BYTES} bytes in base64 (e.g. openssl rand -base64 32)`)
    return key
  }
  const file = path.join(opts.dataDir, 'secret.key')
  try {
    return decodeKeyFile(fs.readFileSync(file, 'utf8'), file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  fs.mkdirSync(opts.dataDir, { recursive: true })
  const fresh = crypto.randomBytes(KEY_BYTES)
  try {
    // `wx`: if another process wrote it first, read theirs
    fs.writeFileSync(file, `${fresh.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
    return fresh
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    return decodeKeyFile(fs.readFileSync(file, 'utf8'), file)
  }
}

function decodeKeyFile(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64')
  if (key.length !== KEY_BYTES) throw new Error(`${file} does not hold a ${KEY_BYTES}-byte key in base64`)
  return key
}
