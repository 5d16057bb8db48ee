import { beforeAll, describe, expect, it, vi } from 'vitest'
import { setupI18n } from '../test/render'
import { api, ApiError } from './api'
import { errorMessage } from './errors'
import { applyLanguage } from './i18n'

describe('errorMessage', () => {
  beforeAll(async () => {
    await setupI18n('es')
  })

  it('translates a specific error by its key when the web has it, else shows the server message', async () => {
    const known = new ApiError({
      status: 409,
      code: 'CONFLICT',
      message: 'Debe tener al menos 3 caracteres',
      key: 'validation.tooShort',
      params: { min: 3 },
    })
    const unknown = new ApiError({
      status: 409,
      code: 'INVALID_STATE',
      message: 'A proposal in status active cannot move to finished',
      key: 'proposals.transitionRefused',
      params: { from: 'active', to: 'finished' },
    })
    await applyLanguage('en', { remember: false })
    try {
      expect(errorMessage(known)).toBe('Must be at least 3 characters')
      expect(errorMessage(unknown)).toBe('A proposal in status active cannot move to finished')
    } finally {
      await applyLanguage('es', { remember: false })
    }
    expect(errorMessage(known)).toBe('Debe tener al menos 3 caracteres')
  })

  it('reads the key and parameters of the envelope', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              error: {
                code: 'CONFLICT',
                message: 'Ya existe',
                key: 'workOrders.numberTaken',
                params: { number: 'OT-1' },
                requestId: 'r1',
              },
            }),
            { status: 409, headers: { 'content-type': 'application/json' } },
          ),
      ),
    )
    try {
      const err = await api.get('/api/v1/work-orders').catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ApiError)
      expect(err).toMatchObject({
        key: 'workOrders.numberTaken',
        params: { number: 'OT-1' },
        message: 'Ya existe',
      })
      expect(errorMessage(err)).toBe('Ya existe')
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
