import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../platform/components'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { NewWorkOrderForm } from './work-order-new-page'

const CLIENT = '20000000-0000-4000-8000-000000000001'
const PM = '20000000-0000-4000-8000-000000000002'

type Call = { url: string; method: string; body: unknown }
const json = (x: unknown, status = 200) =>
  new Response(JSON.stringify(x), { status, headers: { 'content-type': 'application/json' } })

/** The API boundary: catalog lookups, and the create answered by `answer`. */
const stubApi = (answer: () => Response) => {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null
      calls.push({ url, method: init?.method ?? 'GET', body })
      if (url.startsWith('/api/v1/catalogs/clients'))
        return json({ items: [{ id: CLIENT, name: 'Pemex', clientType: 'PEP' }], total: 1 })
      if (url.startsWith('/api/v1/catalogs/project-managers'))
        return json({ items: [{ id: PM, name: 'Ana' }], total: 1 })
      if (url.startsWith('/api/v1/catalogs/')) return json({ items: [], total: 0 })
      return answer()
    }),
  )
  return { posts: () => calls.filter((c) => c.method === 'POST') }
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`))
const fieldBox = (label: string) => field(label).closest('.field') as HTMLElement

const fillValid = async () => {
  const user = userEvent.setup()
  await user.type(field('Orden de trabajo'), 'OT-77')
  await waitFor(() => expect(screen.getByRole('option', { name: 'Pemex (PEP)' })).toBeTruthy())
  await user.selectOptions(field('Cliente'), CLIENT)
  await user.selectOptions(field('Responsable de proyecto'), PM)
  await user.type(field('Descripción'), 'Mantenimiento')
  await user.type(field('Inicio programado'), '2026-05-01')
  await user.type(field('Término programado'), '2026-05-31')
  return user
}

const render = () =>
  renderInApp(
    <ToastProvider>
      <NewWorkOrderForm />
    </ToastProvider>,
    { org: ES_MX },
  )

beforeAll(async () => {
  await setupI18n('es', ['work-orders'])
})
afterEach(() => vi.unstubAllGlobals())

describe('new work-order form (useZodForm with the create request)', () => {
  it('shows the messages under the bad fields and sends nothing', async () => {
    const api = stubApi(() => json({}, 500))
    await render()
    const user = userEvent.setup()
    await user.type(field('Inicio programado'), '2026-05-10')
    await user.type(field('Término programado'), '2026-05-01')
    await user.click(screen.getByRole('button', { name: 'Crear OT' }))
    await waitFor(() =>
      expect(within(fieldBox('Orden de trabajo')).getByText('Este campo es obligatorio')).toBeTruthy(),
    )
    expect(within(fieldBox('Cliente')).getByText('Este campo es obligatorio')).toBeTruthy()
    expect(
      within(fieldBox('Término programado')).getByText('El término no puede ser anterior al inicio'),
    ).toBeTruthy()
    expect(api.posts()).toEqual([])
  })

  it('sends the parsed create request when valid (blank optional fields null, blank amounts 0, no status)', async () => {
    const api = stubApi(() => json({ error: { code: 'INTERNAL', message: 'x', details: [] } }, 500))
    await render()
    const user = await fillValid()
    await user.click(screen.getByRole('button', { name: 'Crear OT' }))
    await waitFor(() => expect(api.posts()).toHaveLength(1))
    const post = api.posts()[0]!
    expect(post.url).toBe('/api/v1/work-orders')
    expect(post.body).toEqual({
      number: 'OT-77',
      officialDocument: null,
      clientRepresentative: null,
      description: 'Mantenimiento',
      comment: null,
      clientId: CLIENT,
      projectManagerId: PM,
      durationDays: null,
      plannedStart: '2026-05-01',
      plannedEnd: '2026-05-31',
      actualStart: null,
      actualEnd: null,
      frontId: null,
      vesselId: null,
      platformId: null,
      yardId: null,
      interconnectionId: null,
      amountMxn: '0',
      amountUsd: '0',
      requiresYardPhase: false,
      yardStart: null,
      yardEnd: null,
    })
  })

  it('puts a server 400 field error under its field', async () => {
    stubApi(() =>
      json(
        {
          error: {
            code: 'VALIDATION',
            message: 'Datos no válidos',
            requestId: 'r-2',
            details: [{ path: 'number', message: 'Ya existe una OT con ese número' }],
          },
        },
        400,
      ),
    )
    await render()
    const user = await fillValid()
    await user.click(screen.getByRole('button', { name: 'Crear OT' }))
    await waitFor(() =>
      expect(within(fieldBox('Orden de trabajo')).getByText('Ya existe una OT con ese número')).toBeTruthy(),
    )
    expect((field('Orden de trabajo') as HTMLInputElement).value).toBe('OT-77')
  })
})
