import { describe, expect, it } from 'vitest'
import { loadConfig, parseTrustProxy } from './config'

describe('FAENA_TRUST_PROXY', () => {
  it('is off by default', () => {
    expect(loadConfig({}).trustProxy).toEqual([])
  })

  it('takes addresses, CIDR ranges and named ranges, comma-separated', () => {
    expect(
      loadConfig({ FAENA_TRUST_PROXY: ' 10.0.0.5, 192.168.1.0/24,::1,fd00::/8 ,loopback' }).trustProxy,
    ).toEqual(['10.0.0.5', '192.168.1.0/24', '::1', 'fd00::/8', 'loopback'])
  })

  it('refuses anything else, naming the entry', () => {
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1/8/2', '::1/129']) {
      expect(typeof parseTrustProxy(bad), bad).toBe('string')
    }
    expect(() => loadConfig({ FAENA_TRUST_PROXY: '10.0.0.1,true' })).toThrow(/FAENA_TRUST_PROXY.*"true"/s)
  })
})
