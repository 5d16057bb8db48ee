import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSecretBox, loadSecretKey } from './secret-box'

describe('secret box', () => {
  const box = createSecretBox(crypto.randomBytes(32))

  it('opens what it sealed, and never holds the clear text', () => {
    const sealed = box.seal('contraseña SMTP ñ €')
    expect(sealed.startsWith('v1.')).toBe(true)
    expect(sealed).not.toContain('contraseña')
    expect(box.open(sealed)).toBe('contraseña SMTP ñ €')
    // a fresh nonce each time: the same secret seals differently
    expect(box.seal('x')).not.toBe(box.seal('x'))
  })

  it('refuses a tampered value and another key', () => {
    const sealed = box.seal('secreto')
    const parts = sealed.split('.')
    const body = Buffer.from(parts[3]!, 'base64url')
    body[0] = body[0]! ^ 1
    parts[3] = body.toString('base64url')
    expect(() => box.open(parts.join('.'))).toThrow()
    expect(() => createSecretBox(crypto.randomBytes(32)).open(sealed)).toThrow()
    expect(() => box.open('no-sellado')).toThrow('not a sealed secret')
  })

  it('refuses a key of the wrong size', () => {
    expect(() => createSecretBox(Buffer.alloc(16))).toThrow('32 bytes')
  })
})

describe('loadSecretKey', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'faena-key-'))

  it('takes FAENA_SECRET_KEY when set (32 bytes in base64), else refuses it', () => {
    const key = crypto.randomBytes(32)
    expect(loadSecretKey({ envKey: key.toString('base64'), dataDir: tmp() }).equals(key)).toBe(true)
    expect(() => loadSecretKey({ envKey: 'corta', dataDir: tmp() })).toThrow('FAENA_SECRET_KEY')
  })

  it('writes the data folder key once (mode 0600) and reads the same key afterwards', () => {
    const dir = path.join(tmp(), 'data')
    const first = loadSecretKey({ envKey: undefined, dataDir: dir })
    const file = path.join(dir, 'secret.key')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(loadSecretKey({ envKey: undefined, dataDir: dir }).equals(first)).toBe(true)
    fs.writeFileSync(file, 'roto')
    expect(() => loadSecretKey({ envKey: undefined, dataDir: dir })).toThrow('32-byte key')
  })
})
