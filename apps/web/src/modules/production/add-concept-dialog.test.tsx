import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { AddConceptDialog, addConceptSchema } from './add-concept-dialog'

const concept = (id: string, code: string, description: string) => ({
  id,
  kind: 'ordinary',
  annex: 'C-2',
  code,
  codeKey: code,
  description,
  unit: 'M3',
  unitId: null,
  quantity: '0',
  unitPriceMxn: '1250.5',
  unitPriceUsd: '60',
})
const IN_FAMILY = '30000000-0000-4000-8000-000000000001'
const OTHER = '30000000-0000-4000-8000-000000000002'
const target = {
  workOrderId: '40000000-0000-4000-8000-000000000001',
  number: 'OT-1',
  siteId: '50000000-0000-4000-8000-000000000001',
  month: '2026-05',
  present: new Set([IN_FAMILY]),
}

beforeAll(async () => {
  await setupI18n('es', ['production'])
})
afterEach(() => vi.unstubAllGlobals())

/** The key per field the form shows (`addConcept.x`), and the values it sends. */
const check = (value: { conceptId: string; volume: string; reason: string }, locale: string) => {
  const r = addConceptSchema(locale, (key) => key).safeParse(value)
  const errors: Record<string, string> = {}
  if (!r.success)
    for (const i of r.error.issues) errors[i.path.join('.')] ??= i.message.replace('addConcept.', '')
  return { errors, volume: r.success ? r.data.volume : null }
}

describe('addConceptSchema', () => {
  it('names the field: concept, volume > 0 with up to 6 decimals, reason of 5 to 500 characters', () => {
    expect(check({ conceptId: '', volume: '', reason: '' }, 'es-MX').errors).toEqual({
      conceptId: 'choose',
      volume: 'volumeRequired',
      reason: 'reasonRequired',
    })
    expect(check({ conceptId: OTHER, volume: '0.000', reason: 'Trabajo' }, 'es-MX').errors).toEqual({
      volume: 'volumeZero',
    })
    expect(check({ conceptId: OTHER, volume: '1.1234567', reason: 'Trabajo' }, 'es-MX').errors).toEqual({
      volume: 'volumeFraction',
    })
    expect(check({ conceptId: OTHER, volume: '1,250.125', reason: 'Trabajo' }, 'es-MX')).toEqual({
      errors: {},
      volume: '1250.125',
    })
    expect(check({ conceptId: OTHER, volume: '12,5', reason: 'Trabajo' }, 'es-EC').volume).toBe('12.5')
    expect(check({ conceptId: OTHER, volume: '12', reason: 'x'.repeat(501) }, 'es-EC').errors).toEqual({
      reason: 'reasonTooLong',
    })
  })
})

describe('AddConceptDialog', () => {
  it('offers catalog concepts not in the family and sends the volume to authorize with the reason', async () => {
    const calls: { url: string; method: string; body: unknown }[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({
          url,
          method: init?.method ?? 'GET',
          body: typeof init?.body === 'string' ? JSON.parse(init.body) : null,
        })
        const json = url.startsWith('/api/v1/concepts')
          ? {
              items: [
                concept(IN_FAMILY, '2.1', 'Ya en la familia'),
                concept(OTHER, '2.7', 'Limpieza de tubería'),
              ],
              total: 2,
            }
          : {
              conceptId: OTHER,
              code: '2.7',
              authorizedVolume: '1250.125',
              workOrderId: target.workOrderId,
              annexVersion: 3,
            }
        return new Response(JSON.stringify(json), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })
      }),
    )
    const onClose = vi.fn()
    await renderInApp(
      <ToastProvider>
        <AddConceptDialog target={target} onClose={onClose} />
      </ToastProvider>,
      { org: ES_MX },
    )
    const user = userEvent.setup()
    // the concept already in the family is not offered
    await screen.findByRole('option', { name: /2\.7/ })
    expect(screen.queryByRole('option', { name: /2\.1/ })).toBeNull()
    // nothing chosen, no volume: the fields say what is missing and nothing is sent
    await user.click(screen.getByTestId('add-concept-submit'))
    expect(await screen.findByText('Elige un concepto de la lista.')).toBeTruthy()
    expect(screen.getByText('El volumen a autorizar es obligatorio.')).toBeTruthy()
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)

    await user.click(screen.getByRole('option', { name: /2\.7/ }))
    await user.type(screen.getByTestId('add-concept-volume'), '1,250.125')
    await user.type(screen.getByTestId('add-concept-reason'), 'Trabajo adicional del cliente')
    await user.click(screen.getByTestId('add-concept-submit'))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.url).toBe('/api/v1/production/grid/concepts')
    expect(post.body).toEqual({
      workOrderId: target.workOrderId,
      siteId: target.siteId,
      month: '2026-05',
      conceptId: OTHER,
      volume: '1250.125',
      reason: 'Trabajo adicional del cliente',
    })
  })
})
