import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { acceptedLang, catalogueEntries, defineMessages, paramNames, render } from './messages'

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Every `*.messages.ts` of the server: the whole catalogue. */
const messageFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return messageFiles(full)
    return e.name.endsWith('.messages.ts') ? [full] : []
  })

describe('message catalogue', () => {
  it('gives every key a Spanish and an English text naming the same parameters', async () => {
    const files = messageFiles(SRC)
    expect(files.length).toBeGreaterThan(3)
    for (const f of files) await import(f)
    const entries = catalogueEntries()
    expect(entries.length).toBeGreaterThan(50)
    for (const [key, texts] of entries) {
      expect(key, key).toMatch(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z0-9]*)+$/)
      expect(texts.es.trim(), `${key}.es`).not.toBe('')
      expect(texts.en.trim(), `${key}.en`).not.toBe('')
      expect(
        new Set(paramNames(texts.en)),
        `${key}: the English text names the Spanish one's parameters`,
      ).toEqual(new Set(paramNames(texts.es)))
    }
  })

  it('renders a key in each language with every parameter the text names supplied', () => {
    const M = defineMessages('test.sample', {
      frozen: {
        es: 'El periodo {period} de {project} está cerrado',
        en: '{project}: period {period} is closed',
      },
    })
    const m = M.frozen({ period: '2026-03', project: 'P-1' })
    expect(m).toEqual({ key: 'test.sample.frozen', params: { period: '2026-03', project: 'P-1' } })
    expect(render(m, 'es')).toBe('El periodo 2026-03 de P-1 está cerrado')
    expect(render(m, 'en')).toBe('P-1: period 2026-03 is closed')
    // @ts-expect-error a parameter the text names is missing: the compiler refuses it
    expect(render(M.frozen({ period: '2026-03' }), 'en')).toBe('{project}: period 2026-03 is closed')
  })

  it('reads Accept-Language by quality, keeping only the languages we speak', () => {
    expect(acceptedLang('en-US,en;q=0.9,es;q=0.5')).toBe('en')
    expect(acceptedLang('es-EC, en;q=0.8')).toBe('es')
    expect(acceptedLang('fr-FR, en;q=0.3, es;q=0.2')).toBe('en')
    expect(acceptedLang('en;q=0.1, es;q=0.9')).toBe('es')
    expect(acceptedLang('de, fr')).toBeUndefined()
    expect(acceptedLang('en;q=0, es')).toBe('es')
    expect(acceptedLang(undefined)).toBeUndefined()
  })
})
