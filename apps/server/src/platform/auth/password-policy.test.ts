import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../../../test/constants'
import { checkPasswordStrength } from './password-policy'

describe('password policy (docs/platform.md#passwords)', { timeout: 30_000 }, () => {
  it('refuses common and trivial passwords, with a hint in Spanish or English', async () => {
    for (const weak of [
      'aaaaaaaaaa',
      '1234567890',
      'password123',
      'qwertyuiop',
      'abcabcabcabc',
      'contraseña1',
    ]) {
      expect((await checkPasswordStrength(weak)).ok, weak).toBe(false)
    }
    expect((await checkPasswordStrength('1234567890')).message).toMatch(/^La contraseña es demasiado fácil/)
    expect((await checkPasswordStrength('1234567890', { locale: 'en' })).message).toMatch(
      /^The password is too easy/,
    )
  })

  it('counts the user own data as guessable', async () => {
    const inputs = ['qlorbentrix@offshore.test', 'Qlorbentrix Soto']
    expect((await checkPasswordStrength('qlorbentrix7')).ok).toBe(true)
    expect((await checkPasswordStrength('qlorbentrix7', { userInputs: inputs })).ok).toBe(false)
  })

  it('accepts the generated demo password, the test passwords and a few unrelated words', async () => {
    for (let i = 0; i < 20; i++) {
      // the demo seed's generator (platform/seed/demo.ts)
      const generated = crypto.randomBytes(12).toString('base64url')
      expect((await checkPasswordStrength(generated)).ok, generated).toBe(true)
    }
    for (const ok of [
      TEST_PASSWORD,
      'e2e-demo-password',
      'a-good-password',
      'another-password-2',
      'sample-password',
      'sample-password-2',
      'lámpara tortuga 47',
    ]) {
      expect((await checkPasswordStrength(ok)).ok, ok).toBe(true)
    }
  })
})
